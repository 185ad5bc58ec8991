// "Mark as practised" on question and topic pages, and the practised counts. A mark is a
// review rated Good in the practice history (history.js); pressing the button again takes
// that last review back. The yes/no marks of earlier versions move into the history on the
// first page that finds them.
import { addReview, isPractised, loadHistory, migrateMarks, readMarks, saveHistory, withoutLastReview } from "./history.js";
import { KEYS, remove } from "./store.js";
import { refreshDue } from "./due.js";
import { withTopicIds } from "./topic-ids.js";

// Marks made with the button, a review rated Good ("I went through it and knew it").
export const MARK_RATING = "good";

// The scheduler and its library load only once a mark is made or moved.
const loadScheduler = () => import("./schedule.js").then((schedule) => schedule.loadScheduler());

export function setPractised(id, on) {
  return loadScheduler().then(({ review, replay }) => {
    const history = loadHistory();
    const practised = isPractised(history, id);
    if (on && !practised) saveHistory(addReview(history, id, { rating: MARK_RATING, at: new Date(), via: "mark" }, review));
    if (!on && practised) saveHistory(withoutLastReview(history, id, replay));
    refreshMarks();
  });
}

function showPressed(button, on) {
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "Practised ✓" : "Mark as practised";
}

export function refreshMarks(root = document) {
  const history = loadHistory();
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-practised");
    if (button) showPressed(button, isPractised(history, bar.dataset.qid));
  });
  const counts = [...root.querySelectorAll(".qb-progress, .qb-progress-cell")];
  withTopicIds(counts, history, (el, ids) => {
    const done = ids.filter((id) => isPractised(history, id)).length;
    if (el.classList.contains("qb-progress")) {
      el.querySelector(".qb-progress-count").textContent = String(done);
    } else {
      el.textContent = `${done} / ${el.dataset.count}`;
    }
    el.hidden = false;
  });
  refreshDue(root, history);
}

// The old marks are removed only once the history holding them is stored.
export function migrate() {
  const marks = readMarks();
  if (marks === null) return Promise.resolve(0);
  return loadScheduler().then(({ review }) => {
    const { history, moved } = migrateMarks(loadHistory(), marks, review);
    if (saveHistory(history)) remove(KEYS.practised);
    refreshMarks();
    return moved;
  });
}

export function setUp(root = document) {
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-practised");
    if (!button) return;
    button.addEventListener("click", () => {
      setPractised(bar.dataset.qid, button.getAttribute("aria-pressed") !== "true");
    });
  });
  refreshMarks(root);
  migrate().catch(() => {}); // offline with the library not cached: the marks wait, untouched
}
