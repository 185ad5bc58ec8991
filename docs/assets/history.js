// The reader's practice history: for each question its FSRS card (when it comes back) and
// every review (when, the rating, the listen-for signals ticked). One versioned JSON
// document under one localStorage key; it leaves the browser only as a file the reader
// exports. Plain functions: the scheduler is handed in (schedule.js), so Node tests them.
import { KEYS, isPlainObject, readJSON, readText, writeJSON, writeText } from "./store.js";

export const RATINGS = ["again", "hard", "good", "easy"];
export const RATING_LABELS = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
export const FORMAT = "mlops-handbook.practice-history";
export const VERSION = 1;
export const MAX_FILE_BYTES = 5_000_000;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STATES = [0, 1, 2, 3]; // ts-fsrs: new, learning, review, relearning

export function emptyHistory() {
  return { format: FORMAT, version: VERSION, questions: {} };
}

export function quoted(text) {
  const value = String(text);
  return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
}

const isDateText = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const isCount = (v) => Number.isInteger(v) && v >= 0;
const isNumber = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;

function cardProblem(card) {
  if (!isPlainObject(card)) return "its card is missing";
  if (!isDateText(card.due)) return "its card has no due date";
  if (!isNumber(card.stability) || !isNumber(card.difficulty)) return "its card has no stability or difficulty";
  for (const key of ["scheduled_days", "reps", "lapses", "learning_steps"]) {
    if (!isCount(card[key])) return `its card's ${key} is not a count`;
  }
  if (!STATES.includes(card.state)) return "its card's state is unknown";
  if (card.last_review !== undefined && card.last_review !== null && !isDateText(card.last_review)) {
    return "its card's last review is not a date";
  }
  return null;
}

function reviewProblem(review) {
  if (!isPlainObject(review)) return "a review is not a record";
  if (!isDateText(review.at)) return "a review has no date";
  if (!RATINGS.includes(review.rating)) return `a review's rating is not one of ${RATINGS.join(", ")}`;
  if (!Array.isArray(review.signals) || !review.signals.every((s) => typeof s === "string")) {
    return "a review's signals are not a list of text";
  }
  return null;
}

function entryProblem(entry) {
  if (!isPlainObject(entry)) return "it is not a record";
  if (!Array.isArray(entry.log) || !entry.log.length) return "it has no reviews";
  for (const review of entry.log) {
    const problem = reviewProblem(review);
    if (problem) return problem;
  }
  return cardProblem(entry.card);
}

// Why `doc` is not a practice history this page can read, or null when it is one.
export function historyProblem(doc) {
  if (!isPlainObject(doc) || doc.format !== FORMAT) {
    return "This file is not a practice history exported from the MLOps Interview Handbook.";
  }
  if (!Number.isInteger(doc.version) || doc.version < 1) return "This history has no valid version number.";
  if (doc.version > VERSION) {
    return `This history was written by a newer version of the handbook (format version ${doc.version}; `
      + `this page reads version ${VERSION}). Reload the page to get the newest version, then import it again.`;
  }
  if (!isPlainObject(doc.questions)) return "This history has no list of questions.";
  for (const [id, entry] of Object.entries(doc.questions)) {
    if (!ID.test(id)) return `This history names a question ${quoted(id)}, which is not a question id.`;
    const problem = entryProblem(entry);
    if (problem) return `This history's entry for ${quoted(id)} is damaged: ${problem}.`;
  }
  return null;
}

const reviewKey = (r) => `${r.at}|${r.rating}`;

function byDate(log) {
  return [...log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// One question's two histories as one: every review of either (the same review twice counts
// once), and the card those reviews lead to.
export function mergeEntries(a, b, replay) {
  const seen = new Map(a.log.map((r) => [reviewKey(r), r]));
  b.log.forEach((r) => { if (!seen.has(reviewKey(r))) seen.set(reviewKey(r), r); });
  const log = byDate([...seen.values()]);
  if (log.length === a.log.length) return a;
  if (log.length === b.log.length) return b;
  return { card: replay(log), log };
}

// The reader's file read as a history: { ok: true, history, unknown, renamed } or
// { ok: false, message }. `known` is { ids: Set, aliases: { formerId: id } }. A question
// this site does not have is kept (it may come back) and named in `unknown`; a former id
// is filed under its current one and named in `renamed` as [former, current].
export function readHistoryFile(text, known, replay) {
  const keep = " Your history in this browser is unchanged.";
  if (typeof text !== "string" || !text.trim()) return { ok: false, message: `This file is empty.${keep}` };
  if (text.length > MAX_FILE_BYTES) return { ok: false, message: `This file is too large to be a practice history.${keep}` };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `This file is not valid JSON, so it is not a practice history exported here (it may be damaged).${keep}` };
  }
  const problem = historyProblem(doc);
  if (problem) return { ok: false, message: problem + keep };
  const history = emptyHistory();
  const unknown = [];
  const renamed = [];
  for (const [id, entry] of Object.entries(doc.questions)) {
    let current = id;
    if (!known.ids.has(id)) {
      if (Object.hasOwn(known.aliases, id)) {
        current = known.aliases[id];
        renamed.push([id, current]);
      } else {
        unknown.push(id);
      }
    }
    const clean = { card: entry.card, log: byDate(entry.log) };
    const there = history.questions[current];
    history.questions[current] = there ? mergeEntries(there, clean, replay) : clean;
  }
  return { ok: true, history, unknown, renamed };
}

// An import merged into what this browser holds: nothing here is lost.
export function mergeHistories(current, incoming, replay) {
  const out = { ...current, questions: { ...current.questions } };
  let added = 0;
  let merged = 0;
  for (const [id, entry] of Object.entries(incoming.questions)) {
    if (out.questions[id]) {
      out.questions[id] = mergeEntries(out.questions[id], entry, replay);
      merged += 1;
    } else {
      out.questions[id] = entry;
      added += 1;
    }
  }
  return { history: out, added, merged };
}

export function addReview(history, id, { rating, at, signals = [], via = "practice" }, review) {
  const entry = history.questions[id];
  const when = new Date(at).toISOString();
  const next = {
    card: review(entry ? entry.card : null, rating, when),
    log: [...(entry ? entry.log : []), { at: when, rating, signals: [...signals], via }],
  };
  return { ...history, questions: { ...history.questions, [id]: next } };
}

// The question's history without its last review, as if it had not been made.
export function withoutLastReview(history, id, replay) {
  const entry = history.questions[id];
  if (!entry) return history;
  const questions = { ...history.questions };
  const log = entry.log.slice(0, -1);
  if (log.length) questions[id] = { card: replay(log), log };
  else delete questions[id];
  return { ...history, questions };
}

// The yes/no practised marks of earlier versions ({ id: "YYYY-MM-DD" }) as reviews rated
// Good on the day they were made: a mark meant "I went through this one".
export function migrateMarks(history, marks, review, now = new Date()) {
  let out = history;
  let moved = 0;
  for (const [id, day] of Object.entries(isPlainObject(marks) ? marks : {})) {
    if (!ID.test(id) || out.questions[id]) continue;
    const at = typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day))
      ? `${day}T12:00:00.000Z` : now.toISOString();
    out = addReview(out, id, { rating: "good", at, via: "practised mark" }, review);
    moved += 1;
  }
  return { history: out, moved };
}

function startOfTomorrow(now) {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

// Due today: its next review falls on or before this local day.
export function isDue(entry, now = new Date()) {
  return Boolean(entry && entry.card) && Date.parse(entry.card.due) < startOfTomorrow(now);
}

export function dueIds(history, ids, now = new Date()) {
  return ids.filter((id) => isDue(history.questions[id], now));
}

export function newIds(history, ids) {
  return ids.filter((id) => !history.questions[id]);
}

export function isPractised(history, id) {
  return Boolean(history.questions[id]);
}

export function totals(history) {
  const entries = Object.values(history.questions);
  return { questions: entries.length, reviews: entries.reduce((n, e) => n + e.log.length, 0) };
}

export function exportText(history, now = new Date()) {
  return `${JSON.stringify({ ...history, exported: now.toISOString() }, null, 2)}\n`;
}

// The history kept in this browser. A stored value this page cannot read is set aside under
// another key before anything new is written, so no review is ever overwritten unread.
export function loadHistory(storage) {
  const text = readText(KEYS.history, storage);
  if (text === null) return emptyHistory();
  let doc = null;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    doc = null;
  }
  if (!historyProblem(doc)) return doc;
  if (readText(KEYS.unreadableHistory, storage) === null) writeText(KEYS.unreadableHistory, text, storage);
  return emptyHistory();
}

export function saveHistory(history, storage) {
  const { exported, ...kept } = history;
  return writeJSON(KEYS.history, kept, storage);
}

export function readMarks(storage) {
  return readJSON(KEYS.practised, null, isPlainObject, storage);
}
