// "Add to my kit" on every question, on its own page and on its topic page: the question
// joins the kit kept in this browser, which the My kit page shows and shares.
import { LIMITS, addQuestion, hasQuestion, loadKit, removeQuestion, saveKit } from "./kit.js";

function show(bar, kit) {
  const button = bar.querySelector(".qb-kit-add");
  const open = bar.querySelector(".qb-kit-open");
  const on = hasQuestion(kit, bar.dataset.qid);
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "In my kit ✓" : "Add to my kit";
  const full = !on && kit.questions.length >= LIMITS.questions;
  button.disabled = full;
  button.title = full ? `Your kit holds the most a kit can: ${LIMITS.questions} questions` : "";
  if (open) open.hidden = !on;
}

export function refresh(root = document) {
  const kit = loadKit();
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    if (bar.querySelector(".qb-kit-add")) show(bar, kit);
  });
}

export function setUp(root = document) {
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-kit-add");
    if (!button) return;
    button.addEventListener("click", () => {
      const kit = loadKit();
      const id = bar.dataset.qid;
      saveKit(hasQuestion(kit, id) ? removeQuestion(kit, id) : addQuestion(kit, id));
      refresh(root);
    });
  });
  refresh(root);
}
