// What the kit pages need from the build, and which kit a page shows: the one in its address
// if there is one, else the one kept in this browser.
//
// api/kit-builder.json holds the former ids and the ready-made kits, small whatever the size
// of the bank; each question's interviewer view is its own file (api/kit/<id>.json), fetched
// only for the questions this page can show: those of the kit in the address, the saved kit,
// the kit kept for "Restore" and the ready-made kit asked for.
import { isSlug, kitFromReadyMade, loadKit, normalizeKit } from "./kit.js";
import { decodeKit, quoted, reconcileKit } from "./kit-link.js";
import { KEYS, readJSON } from "./store.js";

// A page cannot show more: four sources (link, saved, kept, ready-made) of at most 30 each.
const MOST_WANTED = 160;

function fetchJSON(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
}

function current(index, id) {
  return Object.prototype.hasOwnProperty.call(index.aliases, id) ? index.aliases[id] : id;
}

// The current ids of every question the page may show, from the address `search`.
export function wantedIds(search, index, storage) {
  const ids = new Set();
  const add = (id) => { if (typeof id === "string" && isSlug(id) && ids.size < MOST_WANTED) ids.add(current(index, id)); };
  let params = new URLSearchParams();
  try {
    params = new URLSearchParams(String(search || "").replace(/^\?/, ""));
  } catch (e) { /* a malformed address holds no kit; decodeKit says so */ }
  for (const entry of (params.get("questions") || "").split(",").slice(0, 40)) add(entry.split(":")[0]);
  loadKit(storage).questions.forEach((q) => add(q.id));
  normalizeKit(readJSON(KEYS.previousKit, null, () => true, storage)).questions.forEach((q) => add(q.id));
  const ready = index.kits.find((k) => k.id === params.get("from"));
  if (ready) ready.plan.forEach((s) => add(s.question));
  return [...ids];
}

// A question's view, or null when the bank has no such question (its file is missing). Any
// other failure rejects: a kit is never cut short because the network was.
function fetchQuestion(url) {
  return fetch(url).then((response) => {
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
}

export function loadData(url, search = location.search, storage, base = globalThis.document?.baseURI) {
  return fetchJSON(new URL(url, base)).then((index) => {
    const ids = wantedIds(search, index, storage);
    const folder = new URL(index.questions, new URL(url, base));
    return Promise.all(ids.map((id) => fetchQuestion(new URL(`${id}.json`, folder)))).then((found) => {
      const byId = new Map(found.filter(Boolean).map((q) => [q.id, q]));
      return { byId, known: { ids: new Set(byId.keys()), aliases: index.aliases }, kits: index.kits };
    });
  });
}

// { kit, from: "link" | "ready-made" | "saved", notes: [...], error } for the address `search`.
// A link that cannot be read falls back to the saved kit, and says so in `error`.
export function kitForPage(search, data, storage) {
  const saved = () => reconcileKit(loadKit(storage), data.known);
  const link = decodeKit(search, data.known);
  if (link.error) return { ...saved(), from: "saved", error: link.error };
  if (link.kit) return { kit: link.kit, from: "link", notes: link.notes };
  const readyId = new URLSearchParams(String(search || "")).get("from");
  if (readyId !== null) {
    const ready = data.kits.find((k) => k.id === readyId);
    if (!ready) {
      return { ...saved(), from: "saved", error: `There is no ready-made kit ${quoted(readyId)}; here is the kit you had.` };
    }
    const { kit, leftOut } = kitFromReadyMade(ready);
    const copied = reconcileKit(kit, data.known, "The ready-made kit");
    const notes = [`A copy of the ready-made kit “${ready.title}”: change it as you like.`, ...copied.notes,
      ...leftOut.map((a) => `Its step ${quoted(a)} sits between questions, where a custom kit has none, so it was left out.`)];
    return { kit: copied.kit, from: "ready-made", notes };
  }
  return { ...saved(), from: "saved" };
}
