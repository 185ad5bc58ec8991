// The My kit page: build an interview kit from the bank, time it, order it by drag or by
// keyboard, and share it. The kit is kept in this browser and written into the page
// address after every change, so the address is always a link to the kit as shown.
import {
  DEFAULT_TITLE, LEVELS, LEVEL_LABELS, LIMITS, cleanText, isEmpty, lengthStatus, loadKit, moveQuestion,
  newKit, normalizeKit, parseMinutes, removeQuestion, saveKit, setQuestionMinutes,
} from "./kit.js";
import { encodeKit, reconcileKit } from "./kit-link.js";
import { kitForPage, loadData } from "./kit-data.js";
import { el, kitPage, plainText, rich } from "./kit-view.js";
import { KEYS, readJSON, remove, writeJSON } from "./store.js";
import { copyText } from "./copy-link.js";
import { focusableScrollers } from "./tables.js";

function admonition(kind, title, texts) {
  return el("div", { className: `admonition ${kind}` }, el("p", { className: "admonition-title" }, title),
    ...texts.map((t) => el("p", {}, t)));
}

function field(label, input) {
  return el("label", { className: "qb-kit-field" }, el("span", {}, label), input);
}

function minutesInput(name, value, most = LIMITS.stepMinutes) {
  return el("input", { type: "number", name, min: 1, max: most, step: 1, inputmode: "numeric", value, required: true });
}

export function setUp(doc = document) {
  const root = doc.querySelector(".qb-kit-builder");
  if (!root) return;
  loadData(root.dataset.api).then((data) => start(doc, root, data), () => {
    root.replaceChildren(admonition("failure", "The kit builder could not start",
      ["The list of questions did not load. Reload the page to try again."]));
  });
}

function start(doc, root, data) {
  const found = kitForPage(location.search, data);
  let kit = found.kit;
  const messages = el("div", { className: "qb-kit-messages", role: "status" });
  const announce = el("p", { className: "qb-sr-only", "aria-live": "polite" });

  const previous = () => reconcileKit(normalizeKit(readJSON(KEYS.previousKit, null)), data.known).kit;
  const hasPrevious = () => readJSON(KEYS.previousKit, null) !== null;
  // A kit replaced by a link, a ready-made kit or Clear stays one click away.
  function keepAsPrevious(old) {
    if (!isEmpty(old) && encodeKit(old) !== encodeKit(kit)) writeJSON(KEYS.previousKit, old);
  }

  if (found.from !== "saved") keepAsPrevious(loadKit());

  const say = (...boxes) => messages.replaceChildren(...boxes);
  const startMessages = [];
  if (found.error) startMessages.push(admonition("warning", "This link was not opened", [found.error]));
  if (found.notes && found.notes.length) startMessages.push(admonition("note", "About this kit", found.notes));
  say(...startMessages);

  // The editor's fields, made once; only the question list is redrawn.
  const title = el("input", { type: "text", name: "title", maxlength: LIMITS.title, value: kit.title, required: true });
  const length = minutesInput("length", kit.length, LIMITS.length);
  const levels = el("fieldset", { className: "qb-kit-levels" }, el("legend", {}, "Levels"),
    ...LEVELS.map((l) => el("label", {}, el("input", { type: "checkbox", name: "level", value: l, checked: kit.levels.includes(l) }),
      ` ${LEVEL_LABELS[l]}`)));
  const stepFields = (which, legend) => {
    const text = el("input", { type: "text", name: `${which}-text`, maxlength: LIMITS.text, value: kit[which].text });
    const minutes = minutesInput(`${which}-minutes`, kit[which].minutes);
    return { text, minutes, box: el("fieldset", { className: "qb-kit-step" }, el("legend", {}, legend),
      field("What you do (leave empty for none)", text), field("Minutes", minutes)) };
  };
  const opening = stepFields("opening", "Opening step");
  const closing = stepFields("closing", "Closing step");
  const list = el("ol", { className: "qb-kit-list" });
  const empty = el("p", { className: "qb-kit-empty" },
    "No questions yet. Use “Add to my kit” on any question, on its page or its topic page, or start from a ready-made kit with “Customise this kit”.");
  const total = el("p", { className: "qb-kit-total", "aria-live": "polite" });
  const shareField = el("input", { type: "text", name: "share", readonly: true });
  const copyButton = el("button", { type: "button", className: "md-button md-button--primary qb-kit-copy" }, "Copy link to this kit");
  const scorecardLink = el("a", { className: "md-button qb-kit-scorecard-button" }, "Printable scorecard");
  const clearButton = el("button", { type: "button", className: "md-button qb-kit-clear" }, "Clear the kit");
  const restoreButton = el("button", { type: "button", className: "md-button qb-kit-restore" }, "Restore the previous kit");
  const view = el("section", { className: "qb-kit-view", "aria-labelledby": "kit-title" });

  const form = el("form", { className: "qb-kit-editor", novalidate: true },
    el("div", { className: "qb-kit-about" }, field("Title", title), levels, field("Target length in minutes", length)),
    opening.box,
    el("h3", { id: "kit-questions" }, "Questions"),
    el("p", { className: "qb-kit-hint" }, "Drag a question to move it, or use its Move up and Move down buttons."),
    empty, list,
    closing.box,
    total,
    field("Link to this kit", shareField),
    el("p", { className: "qb-kit-actions-row" }, copyButton, " ", scorecardLink, " ", clearButton, " ", restoreButton));
  form.addEventListener("submit", (event) => event.preventDefault());

  root.replaceChildren(el("div", { className: "qb-kit-edit" }, el("h2", { id: "edit" }, "Edit the kit"), messages, form, announce), view);

  const links = () => ({
    question: (id) => `${root.dataset.root}q/${id}/`,
    scorecard: `scorecard/?${encodeKit(kit)}`,
  });
  const shareUrl = () => `${location.origin}${location.pathname}?${encodeKit(kit)}`;
  let storageWarned = false;

  function showState() {
    const status = lengthStatus(kit);
    total.textContent = status.text;
    total.classList.toggle("qb-kit-over", status.over);
    shareField.value = shareUrl();
    scorecardLink.href = links().scorecard;
    restoreButton.hidden = !hasPrevious();
    view.replaceChildren(...kitPage(kit, data.byId, links()));
    focusableScrollers(view);
  }

  function commit(next, { redrawList = false } = {}) {
    kit = next;
    if (!saveKit(kit) && !storageWarned) {
      storageWarned = true;
      messages.append(admonition("warning", "This browser is not keeping the kit",
        ["Its storage is blocked or full. The address of this page still holds the kit: copy it before you leave."]));
    }
    history.replaceState(history.state, "", `?${encodeKit(kit)}${location.hash}`);
    if (redrawList) drawList();
    showState();
  }

  function questionName(id) {
    return plainText(data.byId.get(id).question);
  }

  function moveTo(from, to, focusAction) {
    const count = kit.questions.length;
    const target = Math.max(0, Math.min(count - 1, to));
    if (target === from) return;
    const { id } = kit.questions[from];
    commit(moveQuestion(kit, from, target), { redrawList: true });
    announce.textContent = `Moved “${questionName(id)}” to position ${target + 1} of ${count}.`;
    if (focusAction) {
      const row = list.children[target];
      const wanted = row.querySelector(`.qb-kit-${focusAction}`);
      const other = row.querySelector(focusAction === "up" ? ".qb-kit-down" : ".qb-kit-up");
      (wanted.disabled ? other : wanted).focus();
    }
  }

  let dragFrom = null;
  function drawList() {
    empty.hidden = kit.questions.length > 0;
    list.hidden = kit.questions.length === 0;
    list.replaceChildren(...kit.questions.map((q, index) => {
      const nameId = `kit-item-${q.id}`;
      const minutes = minutesInput(`minutes-${q.id}`, q.minutes);
      const up = el("button", { type: "button", className: "md-button qb-kit-up", "aria-describedby": nameId, disabled: index === 0 }, "Move up");
      const down = el("button", { type: "button", className: "md-button qb-kit-down", "aria-describedby": nameId,
        disabled: index === kit.questions.length - 1 }, "Move down");
      const drop = el("button", { type: "button", className: "md-button qb-kit-remove", "aria-describedby": nameId }, "Remove");
      const row = el("li", { className: "qb-kit-item", draggable: "true", "data-qid": q.id },
        el("span", { className: "qb-kit-grip", "aria-hidden": "true" }, "⠿"),
        el("span", { className: "qb-kit-position" }, `${index + 1}.`),
        el("a", { id: nameId, className: "qb-kit-name", href: links().question(q.id) }, rich(data.byId.get(q.id).question)),
        el("span", { className: "qb-kit-controls" }, field("Minutes", minutes), up, down, drop));
      up.addEventListener("click", () => moveTo(index, index - 1, "up"));
      down.addEventListener("click", () => moveTo(index, index + 1, "down"));
      drop.addEventListener("click", () => {
        const name = questionName(q.id);
        commit(removeQuestion(kit, q.id), { redrawList: true });
        announce.textContent = `Removed “${name}”. ${kit.questions.length} left.`;
        const next = list.children[Math.min(index, kit.questions.length - 1)];
        (next ? next.querySelector(".qb-kit-remove") : title).focus();
      });
      minutes.addEventListener("change", () => {
        const value = parseMinutes(minutes.value);
        if (value === null) {
          announce.textContent = `Minutes are a whole number from 1 to ${LIMITS.stepMinutes}; kept ${q.minutes}.`;
          minutes.value = String(kit.questions.find((k) => k.id === q.id).minutes);
          return;
        }
        commit(setQuestionMinutes(kit, q.id, value));
      });
      row.addEventListener("dragstart", (event) => {
        dragFrom = index;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", q.id);
        row.classList.add("qb-kit-dragging");
      });
      row.addEventListener("dragover", (event) => {
        if (dragFrom === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        row.classList.add("qb-kit-drop");
      });
      row.addEventListener("dragleave", () => row.classList.remove("qb-kit-drop"));
      row.addEventListener("drop", (event) => {
        event.preventDefault();
        const from = dragFrom;
        dragFrom = null;
        if (from !== null) moveTo(from, index);
      });
      row.addEventListener("dragend", () => {
        dragFrom = null;
        list.querySelectorAll(".qb-kit-drop, .qb-kit-dragging").forEach((r) => r.classList.remove("qb-kit-drop", "qb-kit-dragging"));
      });
      return row;
    }));
  }

  function fillFields() {
    title.value = kit.title;
    length.value = String(kit.length);
    levels.querySelectorAll("input").forEach((box) => { box.checked = kit.levels.includes(box.value); });
    for (const [which, fields] of [["opening", opening], ["closing", closing]]) {
      fields.text.value = kit[which].text;
      fields.minutes.value = String(kit[which].minutes);
    }
  }

  title.addEventListener("input", () => commit({ ...kit, title: cleanText(title.value, LIMITS.title) || DEFAULT_TITLE }));
  levels.addEventListener("change", () => commit({ ...kit,
    levels: [...levels.querySelectorAll("input:checked")].map((box) => box.value) }));
  length.addEventListener("change", () => {
    const value = parseMinutes(length.value, LIMITS.length);
    if (value === null) {
      announce.textContent = `The target length is a whole number of minutes from 1 to ${LIMITS.length}; kept ${kit.length}.`;
      length.value = String(kit.length);
      return;
    }
    commit({ ...kit, length: value });
  });
  for (const [which, fields] of [["opening", opening], ["closing", closing]]) {
    fields.text.addEventListener("input", () => commit({ ...kit, [which]: { ...kit[which], text: cleanText(fields.text.value, LIMITS.text) } }));
    fields.minutes.addEventListener("change", () => {
      const value = parseMinutes(fields.minutes.value);
      if (value === null) {
        announce.textContent = `Minutes are a whole number from 1 to ${LIMITS.stepMinutes}; kept ${kit[which].minutes}.`;
        fields.minutes.value = String(kit[which].minutes);
        return;
      }
      commit({ ...kit, [which]: { ...kit[which], minutes: value } });
    });
  }

  copyButton.addEventListener("click", () => {
    copyText(shareUrl()).then(() => {
      copyButton.textContent = "Link copied";
      announce.textContent = "The link to this kit is copied.";
      setTimeout(() => { copyButton.textContent = "Copy link to this kit"; }, 2000);
    });
  });
  clearButton.addEventListener("click", () => {
    const old = kit;
    kit = newKit();
    keepAsPrevious(old);
    commit(kit, { redrawList: true });
    fillFields();
    say(admonition("note", "The kit is cleared", ["“Restore the previous kit” brings it back."]));
    announce.textContent = "The kit is cleared.";
  });
  restoreButton.addEventListener("click", () => {
    const back = previous();
    if (isEmpty(kit)) remove(KEYS.previousKit);
    else writeJSON(KEYS.previousKit, kit);
    commit(back, { redrawList: true });
    fillFields();
    say(admonition("note", "The previous kit is back", ["The kit it replaced can be restored the same way."]));
    announce.textContent = "The previous kit is restored.";
  });

  drawList();
  if (found.error) {
    // The address keeps the link that failed, so the reader can see it; the first change rewrites it.
    saveKit(kit);
    showState();
  } else if (found.from !== "saved" || !isEmpty(kit)) {
    commit(kit);
  } else {
    showState();
  }
}
