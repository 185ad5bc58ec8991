import assert from "node:assert/strict";
import { test } from "node:test";

import { LIMITS, newKit } from "../../docs/assets/kit.js";
import { MAX_LINK_LENGTH, decodeKit, encodeKit, reconcileKit } from "../../docs/assets/kit-link.js";

const known = {
  ids: new Set(["canary-deployment", "data-drift", "mlops-concept"]),
  aliases: { "canary-release": "canary-deployment" },
};

const sample = {
  title: "Platform screen: 45 minutes, & <b>bold</b>?",
  levels: ["mid", "senior"],
  length: 45,
  opening: { minutes: 5, text: "Introductions, then: the format" },
  closing: { minutes: 4, text: "Questions & next steps" },
  questions: [{ id: "data-drift", minutes: 10 }, { id: "canary-deployment", minutes: 12 }],
};

test("a kit survives the round trip through its link", () => {
  const link = encodeKit(sample);
  const { kit, notes, error } = decodeKit(`?${link}`, known);
  assert.equal(error, undefined);
  assert.deepEqual(kit, sample);
  assert.deepEqual(notes, []);
});

test("the link reads as written: ids and minutes in plain text", () => {
  const link = encodeKit(sample);
  assert.match(link, /^kit=1&/);
  assert.match(link, /questions=data-drift:10,canary-deployment:12$/);
  assert.match(link, /level=mid,senior/);
  assert.doesNotMatch(link, /[<>"]/);
});

test("a kit without opening or closing, or without questions, round-trips too", () => {
  const bare = { ...newKit(), opening: { minutes: 5, text: "" }, closing: { minutes: 5, text: "" }, levels: [] };
  assert.deepEqual(decodeKit(encodeKit(bare), known).kit, bare);
});

test("an address without a kit holds no kit, and no error", () => {
  assert.deepEqual(decodeKit("", known), { kit: null });
  assert.deepEqual(decodeKit("?from=screen-30", known), { kit: null });
});

test("an unknown id is named and the rest of the kit is kept", () => {
  const { kit, notes, report } = decodeKit("?kit=1&title=T&questions=no-such-question:5,data-drift:7", known);
  assert.deepEqual(kit.questions, [{ id: "data-drift", minutes: 7 }]);
  assert.deepEqual(report.unknown, ["no-such-question"]);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /no-such-question/);
  assert.match(notes[0], /rest of the kit/);
});

test("an alias resolves to the question's current id", () => {
  const { kit, notes, report } = decodeKit("?kit=1&questions=canary-release:9,mlops-concept:6", known);
  assert.deepEqual(kit.questions, [{ id: "canary-deployment", minutes: 9 }, { id: "mlops-concept", minutes: 6 }]);
  assert.deepEqual(report.renamed, [["canary-release", "canary-deployment"]]);
  assert.match(notes[0], /canary-release has a new id, canary-deployment/);
});

test("an alias and its current id in one link count once", () => {
  const { kit, report } = decodeKit("?kit=1&questions=canary-deployment:9,canary-release:4", known);
  assert.deepEqual(kit.questions, [{ id: "canary-deployment", minutes: 9 }]);
  assert.deepEqual(report.duplicates, ["canary-deployment"]);
});

test("a malformed link loads nothing and says what is wrong", () => {
  const cases = {
    "?kit=2&questions=data-drift:5": /format “2”/,
    "?kit=1&questions=data-drift": /data-drift/,
    "?kit=1&questions=data-drift:0": /data-drift:0/,
    "?kit=1&questions=Data_Drift:5": /Data_Drift:5/,
    "?kit=1&questions=data-drift:5,,": /should be a question id/,
    "?kit=1&length=forever": /length “forever”/,
    "?kit=1&level=staff": /level “staff”/,
    "?kit=1&open=Introductions": /opening step/,
    "?kit=1&close=0:Bye": /closing step/,
  };
  for (const [search, reason] of Object.entries(cases)) {
    const result = decodeKit(search, known);
    assert.equal(result.kit, null, search);
    assert.match(result.error, /^This kit link is malformed, so it was not opened: /, search);
    assert.match(result.error, reason, search);
  }
});

test("a link with more questions than a kit holds is malformed", () => {
  const many = Array.from({ length: LIMITS.questions + 1 }, () => "data-drift:1").join(",");
  assert.match(decodeKit(`?kit=1&questions=${many}`, known).error, /at most 30/);
});

test("a link that is too long is refused before it is read", () => {
  const long = `?kit=1&title=${"x".repeat(MAX_LINK_LENGTH)}`;
  const { kit, error } = decodeKit(long, known);
  assert.equal(kit, null);
  assert.match(error, /too long/);
});

test("markup in a link stays text, and a long value is shortened in the message", () => {
  const markup = "<img src=x onerror=alert(1)>";
  const { kit } = decodeKit(`?kit=1&title=${encodeURIComponent(markup)}`, known);
  assert.equal(kit.title, markup);
  const { error } = decodeKit(`?kit=1&questions=${encodeURIComponent(`${markup}${"y".repeat(100)}`)}`, known);
  assert.match(error, /“<img src=x onerror=alert\(1\)>y+…”/);
  assert.ok(error.length < 300);
});

test("text in a link is trimmed to the limits, with whitespace collapsed", () => {
  const { kit } = decodeKit(`?kit=1&title=${"t".repeat(500)}&open=3:${encodeURIComponent("a\n\n  b")}`, known);
  assert.equal(kit.title.length, LIMITS.title);
  assert.deepEqual(kit.opening, { minutes: 3, text: "a b" });
});

test("a link of a full kit stays under the length limit", () => {
  const kit = { ...sample, title: "t".repeat(LIMITS.title),
    opening: { minutes: 5, text: "o".repeat(LIMITS.text) }, closing: { minutes: 5, text: "c".repeat(LIMITS.text) },
    questions: Array.from({ length: LIMITS.questions }, (_, i) => ({ id: `a-fairly-long-question-id-${i}`, minutes: 10 })) };
  assert.ok(encodeKit(kit).length < MAX_LINK_LENGTH);
});

test("a saved kit is brought up to date as a link is: aliases resolved, unknown ids named", () => {
  const saved = { ...newKit(), questions: [{ id: "canary-release", minutes: 9 }, { id: "gone", minutes: 4 },
    { id: "data-drift", minutes: 6 }] };
  const { kit, notes } = reconcileKit(saved, known);
  assert.deepEqual(kit.questions, [{ id: "canary-deployment", minutes: 9 }, { id: "data-drift", minutes: 6 }]);
  assert.match(notes[0], /^Your saved kit names a question the handbook no longer has: gone\./);
  assert.deepEqual(saved.questions.length, 3, "the kit given is left alone");
});
