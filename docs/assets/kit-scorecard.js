// The printable scorecard of a custom kit: the kit in the page address (a shared link), else
// the one kept in this browser. It only reads; the My kit page is where a kit changes.
import { encodeKit } from "./kit-link.js";
import { kitForPage, loadData } from "./kit-data.js";
import { el, scorecard } from "./kit-view.js";
import { focusableScrollers } from "./tables.js";

export function setUp(doc = document) {
  const root = doc.querySelector(".qb-kit-scorecard");
  if (!root) return;
  loadData(root.dataset.api).then((data) => {
    const found = kitForPage(location.search, data);
    const kit = found.kit;
    const heading = doc.querySelector("article h1");
    if (heading) heading.textContent = `Scorecard: ${kit.title}`;
    const notes = [found.error, ...(found.notes || [])].filter(Boolean);
    root.replaceChildren(
      ...(notes.length ? [el("div", { className: "admonition note qb-print-hint", role: "status" },
        ...notes.map((n) => el("p", {}, n)))] : []),
      ...(kit.questions.length ? [] : [el("p", { className: "qb-kit-empty" },
        "This kit has no questions yet: add some on the My kit page.")]),
      ...scorecard(kit, data.byId, { kit: `../?${encodeKit(kit)}` }),
    );
    focusableScrollers(root);
  }, () => {
    root.replaceChildren(el("p", {}, "The scorecard could not load the questions. Reload the page to try again."));
  });
}
