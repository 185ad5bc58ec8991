// What the kit pages need from the build (api/kit-builder.json), and which kit a page shows:
// the one in its address if there is one, else the one kept in this browser.
import { kitFromReadyMade, loadKit } from "./kit.js";
import { decodeKit, quoted, reconcileKit } from "./kit-link.js";

export function loadData(url) {
  return fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((doc) => ({
      byId: new Map(doc.questions.map((q) => [q.id, q])),
      known: { ids: new Set(doc.questions.map((q) => q.id)), aliases: doc.aliases },
      kits: doc.kits,
    }));
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
