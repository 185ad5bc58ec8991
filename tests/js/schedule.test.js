import assert from "node:assert/strict";
import { test } from "node:test";

import * as tsFsrs from "ts-fsrs";

import { RATINGS, makeScheduler } from "../../docs/assets/schedule.js";

const { review, replay } = makeScheduler(tsFsrs);
const DAY = 24 * 3600 * 1000;
const START = "2026-12-01T10:00:00.000Z";
const days = (card, from) => Math.round((Date.parse(card.due) - Date.parse(from)) / DAY);

test("a first review moves the due date forward, further the better the recall", () => {
  const gaps = RATINGS.map((rating) => days(review(null, rating, START), START));
  assert.ok(gaps[0] >= 1, `Again still schedules a later day: ${gaps}`);
  for (let i = 1; i < gaps.length; i += 1) assert.ok(gaps[i] > gaps[i - 1], `ratings in order: ${gaps}`);
});

test("each Good review pushes the next one further out", () => {
  let card = null;
  let at = START;
  const gaps = [];
  for (let i = 0; i < 3; i += 1) {
    card = review(card, "good", at);
    gaps.push(days(card, at));
    at = card.due;
  }
  assert.ok(gaps[0] < gaps[1] && gaps[1] < gaps[2], `growing intervals: ${gaps}`);
  assert.equal(card.reps, 3);
});

test("Again after good reviews brings the question back sooner and counts a lapse", () => {
  let card = null;
  let at = START;
  for (let i = 0; i < 3; i += 1) {
    card = review(card, "good", at);
    at = card.due;
  }
  const good = review(card, "good", at);
  const again = review(card, "again", at);
  assert.ok(Date.parse(again.due) < Date.parse(good.due));
  assert.ok(days(again, at) < days(card, card.last_review), "sooner than the last interval");
  assert.equal(again.lapses, card.lapses + 1);
});

test("a stored card is plain JSON that the scheduler reads back", () => {
  const card = review(null, "hard", START);
  assert.equal(typeof card.due, "string");
  assert.deepEqual(JSON.parse(JSON.stringify(card)), card);
  const next = review(card, "good", card.due);
  assert.ok(Date.parse(next.due) > Date.parse(card.due));
});

test("replaying a log gives the card the reviews gave, whatever order the log is in", () => {
  const log = [{ at: START, rating: "good" }, { at: "2026-12-04T09:00:00.000Z", rating: "hard" }];
  const step = review(review(null, "good", log[0].at), "hard", log[1].at);
  assert.deepEqual(replay(log), step);
  assert.deepEqual(replay([log[1], log[0]]), step);
  assert.equal(replay([]), null);
});

test("a rating that is not one of the four is refused", () => {
  assert.throws(() => review(null, "perfect", START), RangeError);
});
