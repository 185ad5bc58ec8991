// A custom kit drawn as the ready-made kits are (macros/render_kits.py): the kit page, with
// the plan and what each question probes, and the printable scorecard. Never an answer.
// Every text goes in as a text node: bank text arrives as data (api/kit-builder.json) and
// the reader's own text is only ever text.
import { LEVEL_LABELS, schedule } from "./kit.js";
import { rich } from "./rich-text.js";

const RECOMMENDATIONS = ["Strong no", "No", "Yes", "Strong yes"];

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export { rich };

export function plainText(value) {
  return rich(value).textContent;
}

function levelsText(kit) {
  return kit.levels.length ? kit.levels.map((l) => LEVEL_LABELS[l]).join(", ") : "not set";
}

// Material wraps tables so that a wide one scrolls by itself; pages drawn later get the same.
function table(head, rows) {
  return el("div", { className: "md-typeset__scrollwrap" }, el("div", { className: "md-typeset__table" },
    el("table", {}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c) => el("td", {}, c))))))));
}

function bullets(items, tag = "ul", attrs = {}) {
  return el(tag, attrs, ...items.map((item) => el("li", {}, item)));
}

// The kit page: title, length, the plan and a block per question. `links` = { question(id),
// scorecard }; `byId` maps current ids to their interviewer view.
export function kitPage(kit, byId, links) {
  const plan = schedule(kit);
  const questions = plan.filter((s) => s.kind === "question");
  const parts = [
    el("h2", { id: "kit-title", className: "qb-kit-title" }, kit.title),
    el("p", { className: "qb-meta" },
      el("strong", {}, "Length:"), ` ${kit.length} minutes · `, el("strong", {}, "Levels:"), ` ${levelsText(kit)} · `,
      el("strong", {}, "Questions:"), ` ${questions.length} · `,
      el("a", { href: links.scorecard, className: "qb-kit-scorecard-link" }, "Printable scorecard")),
    el("p", {}, "This kit shows what to listen for, red flags and follow-ups. It shows no answers: "
      + "score what the candidate says against the signals, not against a script."),
    el("h2", { id: "plan" }, "Plan"),
    table(["Time", "Step"], plan.map((s) => [s.when, s.kind === "question"
      ? el("a", { href: `#${s.id}` }, rich(byId.get(s.id).question)) : s.text])),
  ];
  questions.forEach((s, index) => {
    const q = byId.get(s.id);
    parts.push(
      el("h2", { id: q.id }, `${s.when} · `, rich(q.question)),
      el("p", { className: "qb-meta" }, el("strong", {}, `Question ${index + 1}`),
        ` · ${s.minutes} minutes · ${q.level} · ${q.kind} · `, el("a", { href: links.question(q.id) }, "Question page")),
      el("p", {}, el("strong", {}, "What it probes."), " ", rich(q.summary)),
      el("p", {}, el("strong", {}, "Listen for")), bullets(q.listen_for.map(rich)),
      el("p", {}, el("strong", {}, "Red flags")), bullets(q.red_flags.map(rich)),
      el("p", {}, el("strong", {}, "Follow-ups")),
      bullets(q.follow_ups.map((f) => el("div", {}, el("p", {}, rich(f.ask)),
        el("p", {}, el("em", {}, "A good response:"), " ", rich(f.good)))), "ol"),
      el("p", {}, el("strong", {}, "Rating anchors")),
      bullets(q.rating.map((r) => el("span", {}, el("strong", {}, `${r.label}:`), " ", rich(r.text)))),
    );
  });
  return parts;
}

// The scorecard, as a ready-made kit's prints: fields to fill in, then per question the
// signals to tick, its red flags and its rating anchors, then the overall recommendation.
export function scorecard(kit, byId, links) {
  const questions = schedule(kit).filter((s) => s.kind === "question");
  const parts = [
    el("div", { className: "qb-fields" }, el("p", {},
      el("strong", {}, "Candidate:"), " ", el("span", { className: "qb-blank" }), " ",
      el("strong", {}, "Interviewer:"), " ", el("span", { className: "qb-blank" }), " ",
      el("strong", {}, "Date:"), " ", el("span", { className: "qb-blank" }))),
    el("p", { className: "qb-print-hint" }, `${kit.length} minutes · ${levelsText(kit)} · `,
      el("a", { href: links.kit }, "Back to the kit"),
      " · Print this page (Ctrl+P / ⌘P): navigation and search are left off the paper."),
    el("p", {}, "Tick the signals you heard, then the one rating whose anchor best describes the answer. "
      + "Each anchor is written for its question."),
  ];
  questions.forEach((s, index) => {
    const q = byId.get(s.id);
    const flags = el("p", { className: "qb-flags" }, el("strong", {}, "Red flags:"), " ");
    q.red_flags.forEach((f, i) => flags.append(i ? " · " : "", rich(f)));
    parts.push(el("section", { className: "qb-score" },
      el("h2", { id: q.id }, `${index + 1}. `, rich(q.question)),
      el("p", { className: "qb-meta" }, `${s.when} · ${s.minutes} min`),
      el("p", {}, el("strong", {}, "Signals heard")),
      el("ul", { className: "qb-signals" }, ...q.listen_for.map((signal, i) => el("li", {},
        el("label", {}, el("input", { type: "checkbox", name: `${q.id}-signal-${i + 1}` }), " ", rich(signal))))),
      flags,
      table(["Rating", "Anchor"], q.rating.map((r) => [`☐ ${r.label}`, rich(r.text)])),
      el("div", { className: "qb-notes" }, "Notes")));
  });
  parts.push(el("section", { className: "qb-score qb-overall" },
    el("h2", { id: "overall" }, "Overall recommendation"),
    el("p", {}, RECOMMENDATIONS.map((r) => `☐ ${r}`).join("  ")),
    el("div", { className: "qb-notes" }, "Strengths, concerns and evidence")));
  return parts;
}
