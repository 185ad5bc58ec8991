import assert from "node:assert/strict";
import { test } from "node:test";

import { KEYS, isPlainObject, readJSON, remove, writeJSON } from "../../docs/assets/store.js";
import { loadKit, newKit, saveKit } from "../../docs/assets/kit.js";
import { MemoryStorage, blockedStorage } from "./memory-storage.js";

test("a stored value reads back as it was written", () => {
  const storage = new MemoryStorage();
  assert.equal(writeJSON("k", { a: [1, 2] }, storage), true);
  assert.deepEqual(readJSON("k", null, () => true, storage), { a: [1, 2] });
  remove("k", storage);
  assert.equal(readJSON("k", "gone", () => true, storage), "gone");
});

test("corrupt JSON falls back instead of throwing", () => {
  for (const text of ["{not json", "", "undefined", "{\"a\":"]) {
    const storage = new MemoryStorage({ [KEYS.practised]: text });
    assert.deepEqual(readJSON(KEYS.practised, {}, isPlainObject, storage), {}, text);
  }
});

test("a value of the wrong shape falls back", () => {
  for (const text of ["null", "[1,2]", "42", "\"text\"", "true"]) {
    const storage = new MemoryStorage({ [KEYS.practised]: text });
    assert.deepEqual(readJSON(KEYS.practised, {}, isPlainObject, storage), {}, text);
  }
});

test("blocked storage reads as empty and reports writes as not kept", () => {
  assert.deepEqual(readJSON(KEYS.kit, "fallback", () => true, blockedStorage), "fallback");
  assert.equal(writeJSON(KEYS.kit, {}, blockedStorage), false);
  assert.doesNotThrow(() => remove(KEYS.kit, blockedStorage));
});

test("a full storage reports the write as not kept and keeps the old value", () => {
  const storage = new MemoryStorage();
  writeJSON("k", 1, storage);
  storage.full = true;
  assert.equal(writeJSON("k", 2, storage), false);
  assert.equal(readJSON("k", null, () => true, storage), 1);
});

test("a corrupt stored kit loads as a new kit, and a damaged one keeps what is readable", () => {
  assert.deepEqual(loadKit(new MemoryStorage({ [KEYS.kit]: "{oops" })), newKit());
  const damaged = JSON.stringify({
    title: 42,
    levels: ["senior", "staff"],
    length: -5,
    opening: "hello",
    questions: [{ id: "canary-deployment", minutes: 9 }, { id: "<img src=x>", minutes: 3 },
      { id: "data-drift", minutes: "ten" }, "junk", { id: "canary-deployment", minutes: 4 }],
  });
  const kit = loadKit(new MemoryStorage({ [KEYS.kit]: damaged }));
  assert.equal(kit.title, newKit().title);
  assert.deepEqual(kit.levels, ["senior"]);
  assert.equal(kit.length, newKit().length);
  assert.deepEqual(kit.opening, newKit().opening);
  assert.deepEqual(kit.questions, [{ id: "canary-deployment", minutes: 9 }, { id: "data-drift", minutes: 8 }]);
});

test("a saved kit loads back unchanged", () => {
  const storage = new MemoryStorage();
  const kit = { ...newKit(), title: "Panel", questions: [{ id: "a", minutes: 3 }, { id: "b-2", minutes: 12 }] };
  assert.equal(saveKit(kit, storage), true);
  assert.deepEqual(loadKit(storage), kit);
});
