// Wires the reader tools to each page. Every control a script drives is rendered `hidden`,
// so without JavaScript the pages show only content. The set-up runs on every
// `document$` emission: once per page load, and on every page if Material's instant
// navigation (off: see mkdocs.yml) swaps pages without reloading.
import * as tables from "./tables.js";
import * as study from "./study.js";
import * as marks from "./marks.js";
import * as copyLink from "./copy-link.js";
import * as kitAdd from "./kit-add.js";

// Tools that live on one page are fetched only there; the ones above are on most pages.
const PAGE_TOOLS = [
  [".qb-practice", () => import("./practice.js")],
  [".qb-kit-builder", () => import("./kit-builder.js")],
  [".qb-kit-scorecard", () => import("./kit-scorecard.js")],
];

function init() {
  tables.setUp(document);
  document.querySelectorAll(".qb-tools, .qb-kit-actions").forEach((el) => { el.hidden = false; });
  study.setUp(document);
  copyLink.setUp(document);
  marks.setUp(document);
  kitAdd.setUp(document);
  for (const [selector, load] of PAGE_TOOLS) {
    if (document.querySelector(selector)) {
      load().then((tool) => tool.setUp(document));
    }
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(init);
} else {
  document.addEventListener("DOMContentLoaded", init);
}
