import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { idsIn, withTopicIds } from "../../docs/assets/topic-ids.js";

const DOC = { version: 1, topics: { foundations: ["mlops-concept", "ml-lifecycle"], "deployment-serving": ["canary-deployment"] } };
const BASE = "https://example.org/handbook/topics/foundations/";
const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

function element(topic, src = "../../api/topic-ids.json") {
  return { dataset: { topic, src } };
}

function fetchCounting(doc, ok = true) {
  const asked = [];
  globalThis.fetch = (url) => {
    asked.push(url);
    return Promise.resolve({ ok, status: ok ? 200 : 404, json: () => Promise.resolve(doc) });
  };
  return asked;
}

test("a topic's ids, and the whole bank's for no topic", () => {
  assert.deepEqual(idsIn(DOC, "foundations"), ["mlops-concept", "ml-lifecycle"]);
  assert.deepEqual(idsIn(DOC, ""), ["mlops-concept", "ml-lifecycle", "canary-deployment"]);
  assert.deepEqual(idsIn(DOC, "no-such-topic"), []);
});

test("a malformed file gives no ids instead of an error", () => {
  assert.deepEqual(idsIn(null, ""), []);
  assert.deepEqual(idsIn({ topics: { foundations: "mlops-concept" } }, "foundations"), []);
  assert.deepEqual(idsIn({ topics: { foundations: ["mlops-concept", 7] } }, "foundations"), ["mlops-concept"]);
});

test("with an empty history nothing is fetched and every count is of no ids", async () => {
  const asked = fetchCounting(DOC);
  const filled = [];
  const ok = await withTopicIds([element("foundations"), element("")], { questions: {} }, (el, ids) => filled.push([el.dataset.topic, ids]), BASE);
  assert.equal(ok, true);
  assert.deepEqual(asked, []);
  assert.deepEqual(filled, [["foundations", []], ["", []]]);
});

test("with a history the file is fetched once, from the page's relative address", async () => {
  const asked = fetchCounting(DOC);
  const filled = [];
  const history = { questions: { "mlops-concept": {} } };
  await withTopicIds([element("foundations", "../../api/ids-a.json"), element("")], history, (el, ids) => filled.push(ids.length), BASE);
  await withTopicIds([element("deployment-serving", "../../api/ids-a.json")], history, (el, ids) => filled.push(ids.length), BASE);
  assert.deepEqual(asked, ["https://example.org/handbook/api/ids-a.json"]);
  assert.deepEqual(filled, [2, 3, 1]);
});

test("a failed fetch fills nothing, reports it, and is tried again next time", async () => {
  const asked = fetchCounting(DOC, false);
  const history = { questions: { "mlops-concept": {} } };
  const filled = [];
  assert.equal(await withTopicIds([element("foundations", "../../api/ids-b.json")], history, () => filled.push(1), BASE), false);
  fetchCounting(DOC, true);
  assert.equal(await withTopicIds([element("foundations", "../../api/ids-b.json")], history, () => filled.push(2), BASE), true);
  assert.deepEqual(asked.length, 1);
  assert.deepEqual(filled, [2]);
});
