// The one way the reader tools touch localStorage. A value another version of the site
// wrote, a hand-edited one or a full or blocked storage must never break a page: reads fall
// back, writes report whether they were kept.

export const KEYS = {
  practised: "mlops-handbook.practised",
  kit: "mlops-handbook.kit",
  previousKit: "mlops-handbook.kit-previous",
  history: "mlops-handbook.history",
  unreadableHistory: "mlops-handbook.history-unreadable",
};

function storage(given) {
  if (given) return given;
  try {
    return globalThis.localStorage || null;
  } catch (e) {
    return null; // some browsers throw on access when site data is blocked
  }
}

// The parsed value under `key`, or `fallback` when it is missing, unreadable or fails
// `accept` (a test of its shape).
export function readJSON(key, fallback, accept = () => true, given) {
  const store = storage(given);
  if (!store) return fallback;
  try {
    const text = store.getItem(key);
    if (text === null) return fallback;
    const value = JSON.parse(text);
    return accept(value) ? value : fallback;
  } catch (e) {
    return fallback;
  }
}

export function readText(key, given) {
  const store = storage(given);
  if (!store) return null;
  try {
    return store.getItem(key);
  } catch (e) {
    return null;
  }
}

export function writeText(key, text, given) {
  const store = storage(given);
  if (!store) return false;
  try {
    store.setItem(key, text);
    return true;
  } catch (e) {
    return false;
  }
}

export function writeJSON(key, value, given) {
  const store = storage(given);
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    return false; // quota exceeded or storage disabled
  }
}

export function remove(key, given) {
  const store = storage(given);
  if (!store) return;
  try {
    store.removeItem(key);
  } catch (e) {
    // nothing to keep: a blocked storage holds nothing of ours
  }
}

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
