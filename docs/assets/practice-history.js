// The practice page's history panel: the next review of every question practised, and the
// history's export (a JSON file), import (merged, see history.js) and clearing (confirmed
// first). A file that is not a history gets a message and changes nothing.
import {
  RATING_LABELS, emptyHistory, exportText, loadHistory, mergeHistories, quoted, readHistoryFile, saveHistory, totals,
} from "./history.js";

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function importReport({ added, merged, unknown, renamed }) {
  const parts = [`Imported the history of ${plural(added + merged, "question")}: `
    + `${added} new in this browser, ${merged} merged with the reviews already here.`];
  renamed.forEach(([former, current]) => parts.push(`${quoted(former)} is now ${quoted(current)}; its reviews were filed there.`));
  if (unknown.length) {
    parts.push(`Kept the history of ${plural(unknown.length, "question")} this site does not have (perhaps removed, `
      + `or from a newer version): ${unknown.map(quoted).join(", ")}.`);
  }
  return parts.join(" ");
}

// `questions` gives the site's questions once loaded, `changed` is told of every change, and
// `loadScheduler` gives the scheduler an import needs to merge reviews.
export function setUpHistoryPanel(doc, { questions, changed, loadScheduler }) {
  const root = doc.querySelector(".qb-history");
  const summary = root.querySelector(".qb-history-summary");
  const message = root.querySelector(".qb-history-message");
  const table = root.querySelector(".qb-history-table");
  const confirm = root.querySelector(".qb-history-confirm");
  const file = root.querySelector(".qb-history-file");
  let aliases = {};

  function say(text) {
    message.textContent = text;
  }

  function refresh() {
    const history = loadHistory();
    const { questions: count, reviews } = totals(history);
    summary.textContent = count
      ? `${plural(reviews, "review")} of ${plural(count, "question")} in this browser.`
      : "No reviews yet in this browser.";
    const byId = new Map(questions().map((q) => [q.id, q]));
    const rows = Object.entries(history.questions)
      .sort(([, a], [, b]) => Date.parse(a.card.due) - Date.parse(b.card.due))
      .map(([id, entry]) => {
        const last = entry.log[entry.log.length - 1];
        const row = doc.createElement("tr");
        row.dataset.qid = id;
        const name = doc.createElement("td");
        const q = byId.get(id);
        if (q) {
          const link = doc.createElement("a");
          link.href = `../q/${id}/`;
          link.textContent = q.question;
          name.append(link);
        } else {
          name.textContent = `${id} (not on this site)`;
        }
        const cells = [RATING_LABELS[last.rating], String(last.signals.length), String(entry.log.length),
          new Date(entry.card.due).toLocaleDateString("en-CA")];
        row.append(name, ...cells.map((text) => {
          const cell = doc.createElement("td");
          cell.textContent = text;
          return cell;
        }));
        return row;
      });
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = rows.length === 0;
  }

  root.querySelector(".qb-history-export").addEventListener("click", () => {
    const history = loadHistory();
    const now = new Date();
    const blob = new Blob([exportText(history, now)], { type: "application/json" });
    const link = doc.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `mlops-handbook-practice-${now.toISOString().slice(0, 10)}.json`;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(`Exported ${plural(totals(history).questions, "question")}' history as ${link.download}.`);
  });

  root.querySelector(".qb-history-import").addEventListener("click", () => file.click());
  file.addEventListener("change", () => {
    const chosen = file.files[0];
    file.value = "";
    if (!chosen) return;
    Promise.all([chosen.text(), loadScheduler()]).then(([text, scheduler]) => {
      const known = { ids: new Set(questions().map((q) => q.id)), aliases };
      const read = readHistoryFile(text, known, scheduler.replay);
      if (!read.ok) {
        say(`${quoted(chosen.name)} was not imported. ${read.message}`);
        return;
      }
      const { history, added, merged } = mergeHistories(loadHistory(), read.history, scheduler.replay);
      if (!saveHistory(history)) {
        say("This browser did not keep the import (its storage is full or blocked). Your history is unchanged.");
        return;
      }
      say(importReport({ added, merged, unknown: read.unknown, renamed: read.renamed }));
      refresh();
      changed();
    }, () => say(`${quoted(chosen.name)} could not be read. Your history is unchanged.`));
  });

  root.querySelector(".qb-history-clear").addEventListener("click", () => {
    const { questions: count, reviews } = totals(loadHistory());
    if (!count) {
      say("There is no history to clear.");
      return;
    }
    root.querySelector(".qb-history-confirm-text").textContent =
      `Delete ${plural(reviews, "review")} of ${plural(count, "question")} from this browser? `
      + "Export the history first if you may want it back.";
    confirm.hidden = false;
    root.querySelector(".qb-history-clear-no").focus();
  });
  root.querySelector(".qb-history-clear-no").addEventListener("click", () => {
    confirm.hidden = true;
    say("Your history is kept.");
  });
  root.querySelector(".qb-history-clear-yes").addEventListener("click", () => {
    confirm.hidden = true;
    say(saveHistory(emptyHistory()) ? "Your practice history is cleared." : "This browser did not let the history be cleared.");
    refresh();
    changed();
  });

  return { refresh, setAliases(value) { aliases = value || {}; } };
}
