import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { kitForPage, loadData, wantedIds } from "../../docs/assets/kit-data.js";
import { KEYS } from "../../docs/assets/store.js";
import { MemoryStorage } from "./memory-storage.js";

const BASE = "https://example.org/handbook/kits/my-kit/";
const INDEX = {
  version: 1, aliases: { "canary-release": "canary-deployment" }, questions: "kit/",
  kits: [{ id: "screen-30", title: "Screen", minutes: 30, levels: ["mid"],
           plan: [{ minutes: 3, activity: "Hello." }, { minutes: 9, question: "data-drift" }] }],
};
const VIEWS = ["canary-deployment", "data-drift", "feature-store", "mlops-concept"];
const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

// A static host: the index, a file per question in VIEWS, 404 for anything else.
function host({ down = [] } = {}) {
  const asked = [];
  globalThis.fetch = (url) => {
    const path = String(url).replace("https://example.org/handbook/", "");
    asked.push(path);
    const reply = (status, body) => Promise.resolve({ ok: status === 200, status, json: () => Promise.resolve(body) });
    if (down.some((d) => path.endsWith(d))) return Promise.reject(new TypeError("Failed to fetch"));
    if (path === "api/kit-builder.json") return reply(200, INDEX);
    const id = path.match(/^api\/kit\/(.+)\.json$/)?.[1];
    return VIEWS.includes(id) ? reply(200, { id, question: `Question ${id}` }) : reply(404, null);
  };
  return asked;
}

function storageWith(kit, previous) {
  const storage = new MemoryStorage();
  if (kit) storage.setItem(KEYS.kit, JSON.stringify(kit));
  if (previous) storage.setItem(KEYS.previousKit, JSON.stringify(previous));
  return storage;
}

const kitOf = (...ids) => ({ title: "K", levels: ["mid"], length: 60, questions: ids.map((id) => ({ id, minutes: 8 })) });

test("the wanted ids come from the link, the saved kit, the kept kit and the ready-made kit, under current ids", () => {
  const storage = storageWith(kitOf("feature-store"), kitOf("mlops-concept"));
  const ids = wantedIds("?kit=1&questions=canary-release:9,no-such-question:5&from=screen-30", INDEX, storage);
  assert.deepEqual(ids.sort(), ["canary-deployment", "data-drift", "feature-store", "mlops-concept", "no-such-question"]);
  assert.deepEqual(wantedIds("?kit=1&questions=%3Cimg%20src%3Dx%3E:5", INDEX, new MemoryStorage()), []);
});

test("only the questions a page can show are fetched, and a missing one is unknown", async () => {
  const asked = host();
  const storage = storageWith(kitOf("feature-store"));
  const data = await loadData("../../api/kit-builder.json", "?kit=1&questions=canary-release:9,no-such-question:5", storage, BASE);
  assert.deepEqual(asked.sort(), ["api/kit-builder.json", "api/kit/canary-deployment.json", "api/kit/feature-store.json",
    "api/kit/no-such-question.json"]);
  assert.deepEqual([...data.known.ids].sort(), ["canary-deployment", "feature-store"]);
  const found = kitForPage("?kit=1&questions=canary-release:9,no-such-question:5", data, storage);
  assert.deepEqual(found.kit.questions, [{ id: "canary-deployment", minutes: 9 }]);
  assert.match(found.notes.join(" "), /no longer has: no-such-question/);
  assert.match(found.notes.join(" "), /canary-release has a new id, canary-deployment/);
});

test("a question that fails to load for another reason fails the page instead of leaving the kit", async () => {
  host({ down: ["feature-store.json"] });
  const storage = storageWith(kitOf("feature-store", "data-drift"));
  await assert.rejects(loadData("../../api/kit-builder.json", "", storage, BASE));
  assert.deepEqual(JSON.parse(storage.getItem(KEYS.kit)).questions.map((q) => q.id), ["feature-store", "data-drift"]);
});

test("an empty kit on a first visit fetches the index alone", async () => {
  const asked = host();
  const data = await loadData("../../api/kit-builder.json", "", new MemoryStorage(), BASE);
  assert.deepEqual(asked, ["api/kit-builder.json"]);
  assert.equal(kitForPage("", data, new MemoryStorage()).kit.questions.length, 0);
});
