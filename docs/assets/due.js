// How many questions are due for review today, on the home and topic pages: the lines the
// renderer leaves hidden (macros/render.py due_line), counted from the practice history.
import { dueIds, loadHistory } from "./history.js";

export function refreshDue(root = document, history = loadHistory(), now = new Date()) {
  root.querySelectorAll(".qb-due").forEach((line) => {
    const ids = line.dataset.ids.split(" ").filter(Boolean);
    line.querySelector(".qb-due-count").textContent = String(dueIds(history, ids, now).length);
    line.hidden = false;
  });
}
