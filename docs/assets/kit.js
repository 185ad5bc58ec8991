// A custom interview kit: the plan an interviewer builds from the bank. Plain data and pure
// functions, so the builder, the address and the tests share one set of rules.
//
// kit = { title, levels: ["mid"], length: target minutes,
//         opening: { minutes, text }, closing: { minutes, text },   (text "" leaves it out)
//         questions: [{ id, minutes }] }
import { KEYS, isPlainObject, readJSON, writeJSON } from "./store.js";

export const LEVELS = ["junior", "mid", "senior"];
export const LEVEL_LABELS = { junior: "Junior", mid: "Mid", senior: "Senior" };
// A ready-made kit has at most 30 steps (data/kits.yaml); the limits keep a kit and its
// link to what a single interview can hold.
export const LIMITS = { questions: 30, title: 120, text: 300, stepMinutes: 120, length: 480 };
export const DEFAULT_MINUTES = 8;
export const DEFAULT_TITLE = "My interview kit";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value) {
  return typeof value === "string" && value.length <= 100 && SLUG.test(value);
}

export function newKit() {
  return {
    title: DEFAULT_TITLE,
    levels: ["mid"],
    length: 60,
    opening: { minutes: 5, text: "Introductions and the format of the interview." },
    closing: { minutes: 5, text: "The candidate's questions, and what happens next." },
    questions: [],
  };
}

// A whole number of minutes from what a reader typed, or null.
export function parseMinutes(value, most = LIMITS.stepMinutes) {
  const text = String(value).trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= most ? minutes : null;
}

export function cleanText(value, most) {
  return String(value).replace(/\s+/g, " ").trim().slice(0, most);
}

function minutesOr(value, fallback, most = LIMITS.stepMinutes) {
  return Number.isInteger(value) && value >= 1 && value <= most ? value : fallback;
}

function step(value, fallback) {
  if (!isPlainObject(value) || typeof value.text !== "string") return { ...fallback };
  return { minutes: minutesOr(value.minutes, fallback.minutes), text: cleanText(value.text, LIMITS.text) };
}

// Any stored value as a kit: what is readable is kept, the rest takes its default.
export function normalizeKit(value) {
  const base = newKit();
  if (!isPlainObject(value)) return base;
  const seen = new Set();
  const questions = (Array.isArray(value.questions) ? value.questions : [])
    .filter((q) => isPlainObject(q) && isSlug(q.id) && !seen.has(q.id) && seen.add(q.id))
    .slice(0, LIMITS.questions)
    .map((q) => ({ id: q.id, minutes: minutesOr(q.minutes, DEFAULT_MINUTES) }));
  const levels = Array.isArray(value.levels) ? LEVELS.filter((l) => value.levels.includes(l)) : base.levels;
  return {
    title: typeof value.title === "string" && value.title.trim() ? cleanText(value.title, LIMITS.title) : base.title,
    levels,
    length: minutesOr(value.length, base.length, LIMITS.length),
    opening: step(value.opening, base.opening),
    closing: step(value.closing, base.closing),
    questions,
  };
}

export function isEmpty(kit) {
  return kit.questions.length === 0;
}

export function hasQuestion(kit, id) {
  return kit.questions.some((q) => q.id === id);
}

export function addQuestion(kit, id, minutes = DEFAULT_MINUTES) {
  if (hasQuestion(kit, id) || kit.questions.length >= LIMITS.questions) return kit;
  return { ...kit, questions: [...kit.questions, { id, minutes }] };
}

export function removeQuestion(kit, id) {
  return { ...kit, questions: kit.questions.filter((q) => q.id !== id) };
}

// The kit with the question at `from` moved to index `to` (clamped to the list).
export function moveQuestion(kit, from, to) {
  const questions = [...kit.questions];
  if (from < 0 || from >= questions.length) return kit;
  const target = Math.max(0, Math.min(questions.length - 1, to));
  const [moved] = questions.splice(from, 1);
  questions.splice(target, 0, moved);
  return { ...kit, questions };
}

export function setQuestionMinutes(kit, id, minutes) {
  return { ...kit, questions: kit.questions.map((q) => (q.id === id ? { ...q, minutes } : q)) };
}

// The plan in order: opening, questions, closing (an opening or closing without text is left out).
export function steps(kit) {
  const out = [];
  if (kit.opening.text) out.push({ kind: "opening", minutes: kit.opening.minutes, text: kit.opening.text });
  kit.questions.forEach((q) => out.push({ kind: "question", minutes: q.minutes, id: q.id }));
  if (kit.closing.text) out.push({ kind: "closing", minutes: kit.closing.minutes, text: kit.closing.text });
  return out;
}

export function totalMinutes(kit) {
  return steps(kit).reduce((sum, s) => sum + s.minutes, 0);
}

// As the ready-made kits write times (macros/render_kits.py): 0:05, 1:10.
export function clock(minute) {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}`;
}

// Each step with its start, end and time range from 0:00.
export function schedule(kit) {
  let start = 0;
  return steps(kit).map((s) => {
    const timed = { ...s, start, end: start + s.minutes, when: `${clock(start)}–${clock(start + s.minutes)}` };
    start += s.minutes;
    return timed;
  });
}

// The plan's total against the target length, in words.
export function lengthStatus(kit) {
  const total = totalMinutes(kit);
  const gap = kit.length - total;
  const plural = (n) => `${n} minute${n === 1 ? "" : "s"}`;
  let verdict = "exactly the target length";
  if (gap > 0) verdict = `${plural(gap)} to spare`;
  if (gap < 0) verdict = `${plural(-gap)} over`;
  return { total, target: kit.length, over: gap < 0, text: `${total} of ${kit.length} minutes planned: ${verdict}` };
}

export function loadKit(storage) {
  return normalizeKit(readJSON(KEYS.kit, null, () => true, storage));
}

export function saveKit(kit, storage) {
  return writeJSON(KEYS.kit, kit, storage);
}

// A ready-made kit (from api/kit-builder.json) as a custom kit to edit. A custom kit has an
// opening, questions and a closing, so an activity between questions is left out and named.
export function kitFromReadyMade(ready) {
  const plan = ready.plan;
  const first = plan[0] && plan[0].activity !== undefined ? plan[0] : null;
  const last = plan.length > 1 && plan[plan.length - 1].activity !== undefined ? plan[plan.length - 1] : null;
  const left = plan.filter((s) => s.activity !== undefined && s !== first && s !== last).map((s) => s.activity);
  const stepOf = (s) => (s ? { minutes: s.minutes, text: cleanText(s.activity, LIMITS.text) } : { minutes: 5, text: "" });
  return {
    kit: {
      title: cleanText(ready.title, LIMITS.title),
      levels: LEVELS.filter((l) => ready.levels.includes(l)),
      length: ready.minutes,
      opening: stepOf(first),
      closing: stepOf(last),
      questions: plan.filter((s) => s.question).slice(0, LIMITS.questions).map((s) => ({ id: s.question, minutes: s.minutes })),
    },
    leftOut: left,
  };
}
