// The practice page: one random question at a time, filtered by topic, level and practised
// marks, with its strong answer fetched when the reader asks for it.
import { practised, refreshMarks, setPractised } from "./marks.js";

export function setUp(doc = document) {
  const root = doc.querySelector(".qb-practice");
  if (!root) return;
  const form = root.querySelector(".qb-practice-filters");
  const card = root.querySelector(".qb-practice-card");
  const answer = card.querySelector(".qb-practice-answer");
  const show = card.querySelector(".qb-practice-show");
  const mark = card.querySelector(".qb-practice-mark");
  let questions = [];
  let current = null;

  function pool() {
    const topic = form.topic.value;
    const level = form.level.value;
    const marks = practised();
    return questions.filter((q) => (!topic || q.topic === topic) && (!level || q.level === level)
      && (!form.unpractised.checked || !marks[q.id]));
  }

  function next() {
    let candidates = pool().filter((q) => !current || q.id !== current.id);
    if (!candidates.length) candidates = pool();
    current = candidates.length ? candidates[Math.floor(Math.random() * candidates.length)] : null;
    answer.hidden = true;
    show.textContent = "Show answer";
    answer.replaceChildren();
    if (!current) {
      card.querySelector(".qb-practice-question").textContent = "No question matches these filters.";
      card.querySelector(".qb-practice-meta").textContent = "";
      card.querySelector(".qb-practice-summary").textContent = "";
      mark.hidden = true;
      return;
    }
    card.dataset.qid = current.id;
    card.querySelector(".qb-practice-meta").textContent =
      `${current.topic_title} · ${current.level} · ${current.kind}`;
    card.querySelector(".qb-practice-question").textContent = current.question;
    card.querySelector(".qb-practice-summary").textContent = current.summary;
    card.querySelector(".qb-practice-link").href = `../q/${current.id}/`;
    mark.hidden = false;
    mark.dataset.qid = current.id;
    refreshMarks(doc);
  }

  fetch(root.dataset.api)
    .then((response) => response.json())
    .then((data) => {
      questions = data.questions;
      const seen = new Set();
      questions.forEach((q) => {
        if (seen.has(q.topic)) return;
        seen.add(q.topic);
        const option = doc.createElement("option");
        option.value = q.topic;
        option.textContent = q.topic_title;
        form.topic.appendChild(option);
      });
      // The card's text (a note for readers without JavaScript) stays invisible until the
      // first question replaces it: text of another length, painted first, would shift
      // the card's lines (layout shift must be 0).
      next();
      ready();
    })
    .catch(() => {
      card.querySelector(".qb-practice-question").textContent = "The questions could not be loaded.";
      card.querySelector(".qb-practice-summary").textContent =
        "Reload the page, or read every question on the topic pages.";
      ready();
    });

  function ready() {
    root.querySelectorAll(".qb-pending, .qb-pending-text").forEach((el) => {
      el.classList.remove("qb-pending", "qb-pending-text");
    });
  }

  form.addEventListener("change", () => { current = null; next(); });
  show.addEventListener("click", () => {
    if (!current) return;
    if (!answer.hidden) {
      answer.hidden = true;
      show.textContent = "Show answer";
      return;
    }
    const shown = current;
    // Answers load on demand, keeping the page light. The fragments are rendered at build
    // time from escaped bank text, so they hold no markup written in the bank.
    fetch(`${root.dataset.answers}${shown.id}.json`)
      .then((response) => response.json())
      .then((data) => {
        if (current !== shown) return;
        answer.innerHTML = data.answer_html;
        answer.hidden = false;
        show.textContent = "Hide answer";
      });
  });
  card.querySelector(".qb-practice-next").addEventListener("click", next);
  mark.addEventListener("click", () => {
    setPractised(mark.dataset.qid, mark.getAttribute("aria-pressed") !== "true");
  });
}
