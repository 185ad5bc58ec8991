// The practice page: deals questions (due today, new, or any; by topic and level), shows the
// strong answer on demand, then takes the listen-for signals covered and a recall rating,
// which FSRS turns into the question's next review date. The history panel below the card
// exports, imports and clears the history (history.js).
import { RATING_LABELS, addReview, dueIds, isDue, loadHistory, newIds, saveHistory } from "./history.js";
import { refreshMarks } from "./marks.js";
import { rich } from "./rich-text.js";
import { setUpHistoryPanel } from "./practice-history.js";

const DAY = 24 * 3600 * 1000;

// The scheduler and the FSRS library load once an answer is shown: dealing needs neither.
const loadScheduler = () => import("./schedule.js").then((schedule) => schedule.loadScheduler());

export function whenText(due, now = new Date()) {
  const date = new Date(due);
  const days = Math.round((new Date(date.getFullYear(), date.getMonth(), date.getDate())
    - new Date(now.getFullYear(), now.getMonth(), now.getDate())) / DAY);
  const day = date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" });
  if (days <= 0) return `today (${day})`;
  return days === 1 ? `tomorrow (${day})` : `in ${days} days (${day})`;
}

export function setUp(doc = document) {
  const root = doc.querySelector(".qb-practice");
  if (!root) return;
  const form = root.querySelector(".qb-practice-filters");
  const card = root.querySelector(".qb-practice-card");
  const answer = card.querySelector(".qb-practice-answer");
  const show = card.querySelector(".qb-practice-show");
  const reviewBox = card.querySelector(".qb-practice-review");
  const signalList = card.querySelector(".qb-practice-signal-list");
  const result = card.querySelector(".qb-practice-result");
  const rateButtons = [...card.querySelectorAll(".qb-practice-rate button")];
  let questions = [];
  let current = null;
  let rated = false;

  const params = new URLSearchParams(doc.location ? doc.location.search : "");

  function pool() {
    const topic = form.topic.value;
    const level = form.level.value;
    const queue = form.queue.value;
    const history = loadHistory();
    const now = new Date();
    return questions.filter((q) => (!topic || q.topic === topic) && (!level || q.level === level)
      && (queue !== "due" || isDue(history.questions[q.id], now))
      && (queue !== "new" || !history.questions[q.id]));
  }

  function showCounts() {
    const history = loadHistory();
    const ids = questions.map((q) => q.id);
    form.queue.options[1].textContent = `Due today (${dueIds(history, ids).length})`;
    form.queue.options[2].textContent = `New, never practised (${newIds(history, ids).length})`;
  }

  function clearReview() {
    answer.hidden = true;
    answer.replaceChildren();
    reviewBox.hidden = true;
    signalList.replaceChildren();
    result.textContent = "";
    rated = false;
    rateButtons.forEach((b) => { b.disabled = false; b.setAttribute("aria-pressed", "false"); });
    show.textContent = "Show answer";
  }

  function next() {
    const history = loadHistory();
    let candidates = pool().filter((q) => !current || q.id !== current.id);
    if (!candidates.length) candidates = pool();
    if (form.queue.value === "due") {
      // the longest overdue first
      candidates.sort((a, b) => Date.parse(history.questions[a.id].card.due) - Date.parse(history.questions[b.id].card.due));
      current = candidates[0] || null;
    } else {
      current = candidates.length ? candidates[Math.floor(Math.random() * candidates.length)] : null;
    }
    clearReview();
    showCounts();
    const link = card.querySelector(".qb-practice-link");
    if (!current) {
      card.querySelector(".qb-practice-question").textContent = form.queue.value === "due"
        ? "Nothing is due today for these filters." : "No question matches these filters.";
      card.querySelector(".qb-practice-meta").textContent = "";
      card.querySelector(".qb-practice-summary").textContent = form.queue.value === "due"
        ? "Deal new questions, or any question, to practise ahead." : "";
      show.hidden = true;
      link.hidden = true;
      delete card.dataset.qid;
      return;
    }
    show.hidden = false;
    link.hidden = false;
    card.dataset.qid = current.id;
    const entry = history.questions[current.id];
    const status = entry ? `next review ${whenText(entry.card.due)}` : "new";
    card.querySelector(".qb-practice-meta").textContent =
      `${current.topic_title} · ${current.level} · ${current.kind} · ${status}`;
    card.querySelector(".qb-practice-question").textContent = current.question;
    card.querySelector(".qb-practice-summary").textContent = current.summary;
    link.href = `../q/${current.id}/`;
  }

  function showSignals(listenFor) {
    signalList.replaceChildren(...listenFor.map((signal, i) => {
      const item = doc.createElement("li");
      const label = doc.createElement("label");
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.name = `signal-${i}`;
      label.append(box, " ", rich(signal));
      item.append(label);
      return item;
    }));
  }

  function previewRatings(scheduler, shown) {
    const entry = loadHistory().questions[shown.id];
    const now = new Date();
    rateButtons.forEach((button) => {
      const due = scheduler.review(entry ? entry.card : null, button.dataset.rating, now).due;
      button.textContent = `${RATING_LABELS[button.dataset.rating]} · ${whenText(due, now).replace(/ \(.*\)$/, "")}`;
    });
  }

  function rate(rating) {
    if (!current || rated) return;
    const shown = current;
    const signals = [...signalList.querySelectorAll("li")]
      .filter((item) => item.querySelector("input").checked)
      .map((item) => item.querySelector("label").textContent.trim());
    loadScheduler().then((scheduler) => {
      if (current !== shown) return;
      const history = addReview(loadHistory(), shown.id, { rating, at: new Date(), signals }, scheduler.review);
      const kept = saveHistory(history);
      rated = true;
      rateButtons.forEach((b) => {
        b.disabled = true;
        b.setAttribute("aria-pressed", String(b.dataset.rating === rating));
      });
      const due = history.questions[shown.id].card.due;
      result.textContent = kept
        ? `Rated ${RATING_LABELS[rating]}, with ${signals.length} of ${signalList.children.length} signals. Next review ${whenText(due)}.`
        : "This browser did not keep the rating (its storage is full or blocked).";
      showCounts();
      refreshMarks(doc);
      panel.refresh();
    }, () => {
      result.textContent = "The scheduler could not be loaded: reload the page and rate again.";
    });
  }

  function ready() {
    doc.querySelectorAll(".qb-practice .qb-pending, .qb-practice .qb-pending-text, .qb-history.qb-pending").forEach((el) => {
      el.classList.remove("qb-pending", "qb-pending-text");
    });
  }

  const panel = setUpHistoryPanel(doc, {
    questions: () => questions,
    changed: () => { showCounts(); refreshMarks(doc); },
    loadScheduler,
  });

  fetch(root.dataset.api)
    .then((response) => response.json())
    .then((data) => {
      questions = data.questions;
      panel.setAliases(data.aliases || {});
      const seen = new Set();
      questions.forEach((q) => {
        if (seen.has(q.topic)) return;
        seen.add(q.topic);
        const option = doc.createElement("option");
        option.value = q.topic;
        option.textContent = q.topic_title;
        form.topic.appendChild(option);
      });
      // A link from a topic or the home page ("practise the due questions") preselects the
      // filters; a value the form does not offer is ignored.
      for (const name of ["queue", "topic", "level"]) {
        const value = params.get(name);
        if (value !== null && [...form[name].options].some((o) => o.value === value)) form[name].value = value;
      }
      // The card's text (a note for readers without JavaScript) stays invisible until the
      // first question replaces it: text of another length, painted first, would shift
      // the card's lines (layout shift must be 0).
      next();
      panel.refresh();
      ready();
    })
    .catch(() => {
      card.querySelector(".qb-practice-question").textContent = "The questions could not be loaded.";
      card.querySelector(".qb-practice-summary").textContent =
        "Reload the page, or read every question on the topic pages.";
      ready();
    });

  form.addEventListener("change", () => { current = null; next(); });
  show.addEventListener("click", () => {
    if (!current) return;
    if (!answer.hidden) {
      answer.hidden = true;
      show.textContent = "Show answer";
      return;
    }
    const shown = current;
    // Answers load on demand, keeping the page light, and so does the scheduler, which only
    // a rating needs. The fragments are rendered at build time from escaped bank text, so
    // they hold no markup written in the bank; the signals arrive as data.
    Promise.all([fetch(`${root.dataset.answers}${shown.id}.json`).then((response) => response.json()),
      loadScheduler().catch(() => null)])
      .then(([data, scheduler]) => {
        if (current !== shown) return;
        answer.innerHTML = data.answer_html;
        answer.hidden = false;
        show.textContent = "Hide answer";
        if (!reviewBox.hidden) return;
        showSignals(data.listen_for || []);
        if (scheduler) previewRatings(scheduler, shown);
        reviewBox.hidden = false;
      });
  });
  card.querySelector(".qb-practice-next").addEventListener("click", next);
  rateButtons.forEach((button) => button.addEventListener("click", () => rate(button.dataset.rating)));
}
