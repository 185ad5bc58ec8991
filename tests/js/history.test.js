import assert from "node:assert/strict";
import { test } from "node:test";

import * as tsFsrs from "ts-fsrs";

import { makeScheduler } from "../../docs/assets/schedule.js";
import {
  FORMAT, VERSION, addReview, dueIds, emptyHistory, exportText, isDue, loadHistory, mergeHistories,
  migrateMarks, newIds, readHistoryFile, readMarks, saveHistory, totals, withoutLastReview,
} from "../../docs/assets/history.js";
import { KEYS } from "../../docs/assets/store.js";
import { MemoryStorage } from "./memory-storage.js";

const { review, replay } = makeScheduler(tsFsrs);
const known = { ids: new Set(["canary-deployment", "feature-store", "data-drift"]), aliases: { "canary-release": "canary-deployment" } };
const T0 = "2026-12-01T10:00:00.000Z";

function sample() {
  let h = emptyHistory();
  h = addReview(h, "canary-deployment", { rating: "good", at: T0, signals: ["error budget"] }, review);
  h = addReview(h, "feature-store", { rating: "again", at: T0 }, review);
  return h;
}

test("a review is logged with its date, rating and signals, and schedules the card", () => {
  const h = sample();
  const entry = h.questions["canary-deployment"];
  assert.deepEqual(entry.log, [{ at: T0, rating: "good", signals: ["error budget"], via: "practice" }]);
  assert.ok(Date.parse(entry.card.due) > Date.parse(T0));
  assert.deepEqual(totals(h), { questions: 2, reviews: 2 });
});

test("due counts: a question is due on the day of its review date, not before; new ones are not due", () => {
  const h = sample();
  const ids = ["canary-deployment", "feature-store", "data-drift"];
  const again = Date.parse(h.questions["feature-store"].card.due);
  const good = Date.parse(h.questions["canary-deployment"].card.due);
  assert.deepEqual(dueIds(h, ids, new Date(T0)), []);
  const morningOfAgainDue = new Date(again);
  morningOfAgainDue.setHours(0, 0, 1, 0);
  assert.deepEqual(dueIds(h, ids, morningOfAgainDue), ["feature-store"], "due from the start of that day");
  assert.deepEqual(dueIds(h, ids, new Date(good + 1000)), ["canary-deployment", "feature-store"]);
  assert.deepEqual(newIds(h, ids), ["data-drift"]);
  assert.equal(isDue(undefined, new Date(good)), false);
});

test("undoing the last review restores the card before it; undoing the only one makes the question new", () => {
  let h = sample();
  const before = h.questions["canary-deployment"];
  h = addReview(h, "canary-deployment", { rating: "easy", at: before.card.due }, review);
  assert.deepEqual(withoutLastReview(h, "canary-deployment", replay).questions["canary-deployment"], before);
  assert.equal(withoutLastReview(sample(), "feature-store", replay).questions["feature-store"], undefined);
});

test("an exported history reads back as the same history", () => {
  const h = sample();
  const result = readHistoryFile(exportText(h), known, replay);
  assert.equal(result.ok, true);
  assert.deepEqual(result.history.questions, h.questions);
  assert.deepEqual(result.unknown, []);
  assert.deepEqual(result.renamed, []);
});

function refused(text, pattern) {
  const result = readHistoryFile(text, known, replay);
  assert.equal(result.ok, false, text);
  assert.match(result.message, pattern);
  assert.match(result.message, /unchanged/);
}

test("corrupt JSON is refused with a clear message", () => {
  refused("{\"format\": \"mlops-handbook.practice-history\", ", /not valid JSON/);
  refused("", /empty/);
});

test("a foreign file is refused: another app's JSON, an array, a kit", () => {
  refused(JSON.stringify({ cards: [] }), /not a practice history/);
  refused("[1, 2, 3]", /not a practice history/);
  refused(JSON.stringify({ format: "anki", version: 1, questions: {} }), /not a practice history/);
});

test("a newer or missing version is refused, naming the version", () => {
  refused(JSON.stringify({ format: FORMAT, version: VERSION + 1, questions: {} }), new RegExp(`version ${VERSION + 1}`));
  refused(JSON.stringify({ format: FORMAT, questions: {} }), /no valid version/);
});

test("a history of the wrong shape is refused, naming the damaged entry", () => {
  const good = JSON.parse(exportText(sample()));
  const cases = [
    [{ ...good, questions: [] }, /no list of questions/],
    [{ ...good, questions: { "Not An Id": good.questions["feature-store"] } }, /not a question id/],
    [{ ...good, questions: { "feature-store": { ...good.questions["feature-store"], log: [] } } }, /“feature-store” is damaged: it has no reviews/],
    [{ ...good, questions: { "feature-store": { ...good.questions["feature-store"], log: [{ at: T0, rating: "perfect", signals: [] }] } } }, /rating/],
    [{ ...good, questions: { "feature-store": { ...good.questions["feature-store"], card: { ...good.questions["feature-store"].card, due: "soon" } } } }, /due date/],
  ];
  for (const [doc, pattern] of cases) refused(JSON.stringify(doc), pattern);
});

test("questions the site does not have are kept and reported; a former id is filed under its current one", () => {
  const doc = JSON.parse(exportText(sample()));
  doc.questions["retired-question"] = doc.questions["feature-store"];
  doc.questions["canary-release"] = doc.questions["canary-deployment"];
  delete doc.questions["canary-deployment"];
  const result = readHistoryFile(JSON.stringify(doc), known, replay);
  assert.equal(result.ok, true);
  assert.deepEqual(result.unknown, ["retired-question"]);
  assert.deepEqual(result.renamed, [["canary-release", "canary-deployment"]]);
  assert.deepEqual(Object.keys(result.history.questions).sort(), ["canary-deployment", "feature-store", "retired-question"]);
  assert.equal(result.history.questions["canary-release"], undefined);
});

test("an alias and its current id in one file merge into one entry", () => {
  const doc = JSON.parse(exportText(sample()));
  const later = addReview(emptyHistory(), "canary-deployment", { rating: "hard", at: "2026-12-05T10:00:00.000Z" }, review);
  doc.questions["canary-release"] = later.questions["canary-deployment"];
  const result = readHistoryFile(JSON.stringify(doc), known, replay);
  const entry = result.history.questions["canary-deployment"];
  assert.deepEqual(entry.log.map((r) => r.rating), ["good", "hard"]);
  assert.deepEqual(entry.card, replay(entry.log));
});

test("an import merges: reviews from both browsers are kept, the same review once", () => {
  const here = sample();
  const there = addReview(sample(), "data-drift", { rating: "easy", at: T0 }, review);
  const later = addReview(there, "feature-store", { rating: "good", at: "2026-12-03T10:00:00.000Z" }, review);
  const { history, added, merged } = mergeHistories(here, later, replay);
  assert.equal(added, 1);
  assert.equal(merged, 2);
  assert.deepEqual(history.questions["feature-store"].log.map((r) => r.rating), ["again", "good"]);
  assert.deepEqual(history.questions["feature-store"].card, later.questions["feature-store"].card);
  assert.deepEqual(history.questions["canary-deployment"], here.questions["canary-deployment"]);
  assert.deepEqual(Object.keys(here.questions).sort(), ["canary-deployment", "feature-store"], "the original is untouched");
});

test("practised marks become reviews rated Good on their day; existing history wins", () => {
  const marks = { "canary-deployment": "2026-11-20", "feature-store": "2026-11-21", "bad id!": "2026-11-21", "data-drift": 7 };
  const start = addReview(emptyHistory(), "feature-store", { rating: "hard", at: T0 }, review);
  const now = new Date(T0);
  const { history, moved } = migrateMarks(start, marks, review, now);
  assert.equal(moved, 2);
  const entry = history.questions["canary-deployment"];
  assert.deepEqual(entry.log, [{ at: "2026-11-20T12:00:00.000Z", rating: "good", signals: [], via: "practised mark" }]);
  assert.deepEqual(entry.card, review(null, "good", "2026-11-20T12:00:00.000Z"));
  assert.deepEqual(history.questions["feature-store"], start.questions["feature-store"]);
  assert.equal(history.questions["data-drift"].log[0].at, now.toISOString(), "a mark without a date counts from today");
});

test("the stored history survives a round trip; an unreadable one is set aside, never overwritten", () => {
  const storage = new MemoryStorage();
  assert.deepEqual(loadHistory(storage), emptyHistory());
  assert.equal(saveHistory(sample(), storage), true);
  assert.deepEqual(loadHistory(storage), sample());

  const broken = new MemoryStorage({ [KEYS.history]: "{\"format\":" });
  assert.deepEqual(loadHistory(broken), emptyHistory());
  saveHistory(sample(), broken);
  assert.equal(broken.getItem(KEYS.unreadableHistory), "{\"format\":");

  assert.equal(readMarks(new MemoryStorage({ [KEYS.practised]: "[]" })), null);
  assert.deepEqual(readMarks(new MemoryStorage({ [KEYS.practised]: "{\"a\":\"2026-01-01\"}" })), { a: "2026-01-01" });
});
