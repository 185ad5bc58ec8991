// Practised marks: a yes or no per question, kept in this browser, shown on the question's
// button and as progress counts on topic pages and the home page.
import { KEYS, isPlainObject, readJSON, remove, writeJSON } from "./store.js";

export function practised() {
  return readJSON(KEYS.practised, {}, isPlainObject);
}

export function setPractised(id, on) {
  const marks = practised();
  if (on) marks[id] = new Date().toISOString().slice(0, 10);
  else delete marks[id];
  writeJSON(KEYS.practised, marks);
  refreshMarks();
}

function showPressed(button, on) {
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "Practised ✓" : "Mark as practised";
}

export function refreshMarks(root = document) {
  const marks = practised();
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-practised");
    if (button) showPressed(button, Boolean(marks[bar.dataset.qid]));
  });
  root.querySelectorAll(".qb-progress, .qb-progress-cell").forEach((el) => {
    const ids = el.dataset.ids.split(" ").filter(Boolean);
    const done = ids.filter((id) => marks[id]).length;
    if (el.classList.contains("qb-progress")) {
      el.querySelector(".qb-progress-count").textContent = String(done);
    } else {
      el.textContent = `${done} / ${ids.length}`;
    }
    el.hidden = false;
  });
  const practiceMark = root.querySelector(".qb-practice-mark");
  if (practiceMark && practiceMark.dataset.qid) showPressed(practiceMark, Boolean(marks[practiceMark.dataset.qid]));
}

export function setUp(root = document) {
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-practised");
    if (!button) return;
    button.addEventListener("click", () => {
      setPractised(bar.dataset.qid, button.getAttribute("aria-pressed") !== "true");
    });
  });
  root.querySelectorAll(".qb-clear").forEach((box) => {
    box.hidden = false;
    box.querySelector("button").addEventListener("click", () => {
      remove(KEYS.practised);
      refreshMarks(root);
    });
  });
  refreshMarks(root);
}
