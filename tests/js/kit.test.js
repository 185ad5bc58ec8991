import assert from "node:assert/strict";
import { test } from "node:test";

import {
  DEFAULT_MINUTES, LIMITS, addQuestion, clock, kitFromReadyMade, lengthStatus, moveQuestion, newKit, parseMinutes,
  removeQuestion, schedule, setQuestionMinutes, steps, totalMinutes,
} from "../../docs/assets/kit.js";

function kitOf(...questions) {
  return { ...newKit(), length: 30, opening: { minutes: 3, text: "Hello" }, closing: { minutes: 2, text: "Bye" },
    questions: questions.map(([id, minutes]) => ({ id, minutes })) };
}

test("the total adds the opening, every question and the closing", () => {
  assert.equal(totalMinutes(kitOf(["a", 10], ["b", 7])), 3 + 10 + 7 + 2);
  const noEnds = { ...kitOf(["a", 10]), opening: { minutes: 3, text: "" }, closing: { minutes: 9, text: "" } };
  assert.equal(totalMinutes(noEnds), 10, "an opening or closing without text is left out");
  assert.deepEqual(steps(noEnds).map((s) => s.kind), ["question"]);
});

test("the length status says how far the plan is from the target", () => {
  assert.deepEqual(lengthStatus(kitOf(["a", 10], ["b", 7])),
    { total: 22, target: 30, over: false, text: "22 of 30 minutes planned: 8 minutes to spare" });
  assert.equal(lengthStatus(kitOf(["a", 25])).text, "30 of 30 minutes planned: exactly the target length");
  assert.equal(lengthStatus(kitOf(["a", 26])).text, "31 of 30 minutes planned: 1 minute over");
  assert.equal(lengthStatus(kitOf(["a", 26])).over, true);
});

test("the schedule gives each step its time range, as the ready-made kits write it", () => {
  const plan = schedule(kitOf(["a", 10], ["b", 50]));
  assert.deepEqual(plan.map((s) => s.when), ["0:00–0:03", "0:03–0:13", "0:13–1:03", "1:03–1:05"]);
  assert.deepEqual(plan.map((s) => [s.start, s.end]), [[0, 3], [3, 13], [13, 63], [63, 65]]);
  assert.equal(clock(0), "0:00");
  assert.equal(clock(125), "2:05");
});

test("minutes typed by a reader are whole numbers in range, or refused", () => {
  assert.equal(parseMinutes("8"), 8);
  assert.equal(parseMinutes(" 12 "), 12);
  for (const bad of ["", "0", "-3", "2.5", "1e2", "ten", "121", "99999"]) {
    assert.equal(parseMinutes(bad), null, bad);
  }
  assert.equal(parseMinutes("300", LIMITS.length), 300);
});

test("adding, removing and re-timing questions leaves the original kit alone", () => {
  const empty = newKit();
  const one = addQuestion(empty, "a");
  assert.deepEqual(one.questions, [{ id: "a", minutes: DEFAULT_MINUTES }]);
  assert.deepEqual(empty.questions, []);
  assert.equal(addQuestion(one, "a"), one, "a question is in a kit once");
  const two = setQuestionMinutes(addQuestion(one, "b", 4), "a", 11);
  assert.deepEqual(two.questions, [{ id: "a", minutes: 11 }, { id: "b", minutes: 4 }]);
  assert.deepEqual(removeQuestion(two, "a").questions, [{ id: "b", minutes: 4 }]);
});

test("a kit holds at most the limit of questions", () => {
  let kit = newKit();
  for (let i = 0; i < LIMITS.questions + 5; i += 1) kit = addQuestion(kit, `q-${i}`);
  assert.equal(kit.questions.length, LIMITS.questions);
});

test("moving a question puts it at the new place and clamps to the list", () => {
  const kit = kitOf(["a", 1], ["b", 2], ["c", 3]);
  const ids = (k) => k.questions.map((q) => q.id).join("");
  assert.equal(ids(moveQuestion(kit, 0, 1)), "bac");
  assert.equal(ids(moveQuestion(kit, 2, 0)), "cab");
  assert.equal(ids(moveQuestion(kit, 0, -1)), "abc");
  assert.equal(ids(moveQuestion(kit, 1, 9)), "acb");
  assert.equal(moveQuestion(kit, 5, 0), kit);
});

test("a ready-made kit becomes an opening, its questions and a closing", () => {
  const ready = { id: "r", title: "Ready", minutes: 30, levels: ["senior", "mid"], plan: [
    { minutes: 3, activity: "Hello" }, { minutes: 10, question: "a" }, { minutes: 4, activity: "Break" },
    { minutes: 10, question: "b" }, { minutes: 3, activity: "Bye" }] };
  const { kit, leftOut } = kitFromReadyMade(ready);
  assert.deepEqual(kit, { title: "Ready", levels: ["mid", "senior"], length: 30,
    opening: { minutes: 3, text: "Hello" }, closing: { minutes: 3, text: "Bye" },
    questions: [{ id: "a", minutes: 10 }, { id: "b", minutes: 10 }] });
  assert.deepEqual(leftOut, ["Break"]);
  const bare = kitFromReadyMade({ ...ready, plan: [{ minutes: 30, question: "a" }] }).kit;
  assert.equal(bare.opening.text, "");
  assert.equal(bare.closing.text, "");
});
