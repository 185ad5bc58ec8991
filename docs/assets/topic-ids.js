// Which questions each topic holds, for the practised and due counts of the home and topic
// pages (macros/render.py progress_line). The pages carry counts, not ids, so they weigh the
// same whatever the size of the bank; the ids come from api/topic-ids.json, fetched once, and
// only for a reader whose history holds a question (with none, every count is 0).
const loaded = new Map();

export function loadTopicIds(url) {
  if (!loaded.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => loaded.delete(url)); // a failed fetch is tried again next time
    loaded.set(url, request);
  }
  return loaded.get(url);
}

// The ids of one topic, or of the whole bank for "".
export function idsIn(doc, topic) {
  const topics = doc && typeof doc.topics === "object" && doc.topics !== null ? doc.topics : {};
  const ids = topic ? topics[topic] || [] : Object.values(topics).flat();
  return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
}

// fill(element, ids) for each element, once its topic's ids are known. Resolves false when
// they could not be fetched (offline, the file not cached): the counts then stay hidden.
export function withTopicIds(elements, history, fill, base = document.baseURI) {
  if (!elements.length) return Promise.resolve(true);
  if (Object.keys(history.questions).length === 0) {
    elements.forEach((el) => fill(el, []));
    return Promise.resolve(true);
  }
  const url = new URL(elements[0].dataset.src, base).href;
  return loadTopicIds(url).then(
    (doc) => { elements.forEach((el) => fill(el, idsIn(doc, el.dataset.topic))); return true; },
    () => false,
  );
}
