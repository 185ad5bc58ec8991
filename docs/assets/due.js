// How many questions are due for review today, on the home and topic pages: the lines the
// renderer leaves hidden (macros/render.py due_line), counted from the practice history.
import { dueIds, loadHistory } from "./history.js";
import { withTopicIds } from "./topic-ids.js";

export function refreshDue(root = document, history = loadHistory(), now = new Date()) {
  return withTopicIds([...root.querySelectorAll(".qb-due")], history, (line, ids) => {
    line.querySelector(".qb-due-count").textContent = String(dueIds(history, ids, now).length);
    line.hidden = false;
  });
}
