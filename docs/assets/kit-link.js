// A kit in the page address, so that a link opens the same kit on any machine with no
// server. The query reads as it is written, for instance
//   ?kit=1&title=Platform+screen&level=mid,senior&length=45&open=5:Introductions
//    &close=5:Questions&questions=canary-deployment:10,data-drift:8
// `kit` is the format's version. Not `q`: Material's search opens on any page whose
// address has a `q` parameter. A link that does not follow the format loads nothing and
// says why; a well-formed link whose ids have since changed keeps every question it can.
import { LEVELS, LIMITS, cleanText, isSlug, newKit, parseMinutes } from "./kit.js";

export const LINK_VERSION = "1";
// Addresses much past 2,000 characters are cut by some mail and chat clients; a full
// 30-question kit with an opening and closing stays well under this.
export const MAX_LINK_LENGTH = 4000;

function query(params) {
  // `:` and `,` are allowed in a query as they are; keeping them makes the ids readable.
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

export function encodeKit(kit) {
  const params = new URLSearchParams();
  params.set("kit", LINK_VERSION);
  params.set("title", kit.title);
  params.set("level", kit.levels.join(","));
  params.set("length", String(kit.length));
  if (kit.opening.text) params.set("open", `${kit.opening.minutes}:${kit.opening.text}`);
  if (kit.closing.text) params.set("close", `${kit.closing.minutes}:${kit.closing.text}`);
  params.set("questions", kit.questions.map((q) => `${q.id}:${q.minutes}`).join(","));
  return query(params);
}

class Malformed extends Error {}

// Shown in messages, never as markup: a reader may have been sent any text at all.
export function quoted(value, most = 60) {
  const text = String(value).replace(/\s+/g, " ");
  return `“${text.length > most ? `${text.slice(0, most)}…` : text}”`;
}

function readStep(value, what) {
  if (value === null) return { minutes: newKit()[what].minutes, text: "" };
  const colon = value.indexOf(":");
  const minutes = colon > 0 ? parseMinutes(value.slice(0, colon)) : null;
  if (minutes === null) {
    throw new Malformed(`the ${what} step ${quoted(value)} should be minutes, a colon and what to do, as in 5:Introductions`);
  }
  const text = cleanText(value.slice(colon + 1), LIMITS.text);
  return { minutes, text };
}

function readQuestions(value) {
  if (!value) return [];
  const entries = value.split(",");
  if (entries.length > LIMITS.questions) {
    throw new Malformed(`it lists ${entries.length} questions, and a kit holds at most ${LIMITS.questions}`);
  }
  return entries.map((entry) => {
    const colon = entry.lastIndexOf(":");
    const id = colon > 0 ? entry.slice(0, colon) : "";
    const minutes = colon > 0 ? parseMinutes(entry.slice(colon + 1)) : null;
    if (!isSlug(id) || minutes === null) {
      throw new Malformed(`the entry ${quoted(entry)} should be a question id, a colon and minutes, as in canary-deployment:8`);
    }
    return { id, minutes };
  });
}

// The questions under their current ids: a former id (alias) becomes the current one, an id
// the bank no longer has is dropped, and a question listed twice is kept once.
export function resolveQuestions(questions, known) {
  const report = { unknown: [], renamed: [], duplicates: [] };
  const out = [];
  for (const { id, minutes } of questions) {
    let current = id;
    if (!known.ids.has(id)) {
      if (Object.prototype.hasOwnProperty.call(known.aliases, id)) {
        current = known.aliases[id];
        report.renamed.push([id, current]);
      } else {
        report.unknown.push(id);
        continue;
      }
    }
    if (out.some((q) => q.id === current)) {
      report.duplicates.push(current);
      continue;
    }
    out.push({ id: current, minutes });
  }
  return { questions: out, report };
}

function readLevels(value) {
  if (value === null) return newKit().levels;
  const levels = value.split(",").filter(Boolean);
  const wrong = levels.filter((l) => !LEVELS.includes(l));
  if (wrong.length) throw new Malformed(`the level ${quoted(wrong[0])} is not one of ${LEVELS.join(", ")}`);
  return LEVELS.filter((l) => levels.includes(l));
}

// Messages for the reader about a link that loaded, one per kind of change.
// `source` names what held the ids: "This link" or "Your saved kit".
export function notes(report, source = "This link") {
  const out = [];
  if (report.unknown.length) {
    out.push(`${source} names ${report.unknown.length === 1 ? "a question" : "questions"} the handbook no longer has: `
      + `${report.unknown.join(", ")}. The rest of the kit is here.`);
  }
  report.renamed.forEach(([old, current]) => {
    out.push(`The question ${old} has a new id, ${current}; the kit uses it.`);
  });
  if (report.duplicates.length) {
    out.push(`${source} lists ${report.duplicates.join(", ")} more than once; the kit keeps the first.`);
  }
  return out;
}

// A kit from anywhere (this browser's storage, a ready-made kit) with its ids brought up to date.
export function reconcileKit(kit, known, source = "Your saved kit") {
  const { questions, report } = resolveQuestions(kit.questions, known);
  return { kit: { ...kit, questions }, report, notes: notes(report, source) };
}

// What the address `search` ("?kit=1&…") holds:
//   { kit: null } when it holds no kit,
//   { kit: null, error } when it is too long or malformed (nothing of it is used),
//   { kit, report, notes } otherwise.
// known = { ids: Set of current ids, aliases: { former id: current id } }
export function decodeKit(search, known) {
  const text = String(search || "").replace(/^\?/, "");
  if (text.length > MAX_LINK_LENGTH) {
    return { kit: null, error: `This kit link is too long (${text.length} characters; a kit link has at most ${MAX_LINK_LENGTH}), so it was not opened. It may have been cut or joined to other text.` };
  }
  let params;
  try {
    params = new URLSearchParams(text);
  } catch (e) {
    return { kit: null, error: "This kit link is malformed and could not be read." };
  }
  if (!params.has("kit")) return { kit: null };
  try {
    const version = params.get("kit");
    if (version !== LINK_VERSION) {
      throw new Malformed(`it is in format ${quoted(version, 20)}, and this site reads format ${LINK_VERSION}`);
    }
    const title = cleanText(params.get("title") ?? "", LIMITS.title) || "Shared interview kit";
    const length = params.has("length") ? parseMinutes(params.get("length"), LIMITS.length) : newKit().length;
    if (length === null) {
      throw new Malformed(`the length ${quoted(params.get("length"), 20)} is not a number of minutes from 1 to ${LIMITS.length}`);
    }
    const kit = {
      title,
      levels: readLevels(params.get("level")),
      length,
      opening: readStep(params.get("open"), "opening"),
      closing: readStep(params.get("close"), "closing"),
      questions: readQuestions(params.get("questions")),
    };
    return reconcileKit(kit, known, "This link");
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return { kit: null, error: `This kit link is malformed, so it was not opened: ${e.message}.` };
  }
}
