// Site search: Pagefind's index (built by overrides/hooks/search_index.py) in Material's
// search dialog (overrides/partials/search.html).
//
// Nothing of the index is fetched until the reader starts to search: the first focus of the
// box, a key typed in it, a shortcut (`/`, `s`, `f`) or an address with `?q=`. Pagefind then
// loads its script, its WebAssembly and the index chunks the query needs, and one small
// fragment per result shown. What Material's search did is kept: suggestions (Tab or the
// right arrow takes one), the searched terms highlighted on the page opened (`?h=`), a
// shareable address (`?q=`), arrow keys through the results, Escape to close.
// Highlighting runs on every `document$` emission, so it keeps working if Material's instant
// navigation (off: see mkdocs.yml) is turned on again and swaps pages without reloading.

// Zensical's build, which has its own search, ships this file too: without the dialog, do nothing.
const dialog = document.querySelector("[data-qb-search]");
if (dialog) start(dialog);

function start(root) {
  const PAGE = 10; // results shown at once, each one fragment fetched
  const FIRST = 5; // shown as soon as their fragments arrive; the rest of the page follows
  const config = JSON.parse(document.getElementById("__config").textContent);
  const t = config.translations;
  // The site's root, resolved once: instant navigation would change the page, not the module.
  const BASE = new URL(config.base.replace(/\/?$/, "/"), location.href);

  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = form.elements.q;
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const suggest = root.querySelector(".md-search__suggest");
  const share = root.querySelector(".qb-search-share");
  const filterBar = root.querySelector(".qb-search-filters");
  const selects = filterBar ? [...filterBar.querySelectorAll("select")] : [];
  // Filters asked for by an address (`?q=…&level=Senior`), set once their options exist.
  const wanted = new URLSearchParams(location.search);

  let engine = null; // the Pagefind module, once the reader has started to search
  let asked = 0; // the number of the latest query; older answers are dropped
  let shown = { query: "", results: [], count: 0 };

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", BASE).href).then(async (pagefind) => {
        // On the page's own thread: starting Pagefind's worker and copying every result
        // across to the page took longer than the searches themselves (see How fast).
        await pagefind.options({ baseUrl: BASE.pathname, noWorker: true });
        await pagefind.init();
        return pagefind;
      });
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // The topics and levels the index holds, as options (their titles, as the index has them),
  // set up after the first results, or before the first search when an address asks for them.
  let filtersReady = null;
  function setUpFilters(pagefind) {
    if (!filterBar) return Promise.resolve();
    filtersReady ||= pagefind.filters().then((available) => {
      for (const select of selects) {
        for (const value of Object.keys(available[select.dataset.filter] || {}).sort()) {
          select.append(new Option(value, value));
        }
        if (wanted.has("q") && wanted.get(select.dataset.filter)) select.value = wanted.get(select.dataset.filter);
        if (select.selectedIndex < 0) select.value = ""; // a value the index does not have
      }
      filterBar.hidden = false;
    }, () => { filtersReady = null; }); // tried again with the next search
    return filtersReady;
  }
  const addressFilters = wanted.has("q") && selects.some((select) => wanted.get(select.dataset.filter));

  function chosenFilters() {
    const filters = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
    return filters;
  }

  function count(n) {
    if (n === 0) return t["search.result.none"];
    if (n === 1) return t["search.result.one"];
    return t["search.result.other"].replace("#", n.toLocaleString("en"));
  }

  function escapeRegExp(word) {
    return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Words starting with one of the query's terms, as Pagefind matches them.
  function termPattern(query) {
    const terms = query.toLowerCase().split(/\s+/).filter((w) => w.length > 1).map(escapeRegExp);
    return terms.length ? new RegExp("(?<![\\w])(?:" + terms.join("|") + ")[\\w-]*", "gi") : null;
  }

  // Text with the query's terms in <mark>, as DOM nodes (never parsed as HTML).
  function marked(text, pattern) {
    const parts = [];
    let last = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      text.replace(pattern, (match, offset) => {
        parts.push(text.slice(last, offset));
        const mark = document.createElement("mark");
        mark.textContent = match;
        parts.push(mark);
        last = offset + match.length;
      });
    }
    parts.push(text.slice(last));
    return parts;
  }

  function resultItem(data, query) {
    const url = new URL(data.url, location.href);
    url.searchParams.set("h", query);
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url.pathname + url.search;
    // Material's markup, but a <div> where it has an <article>: a link takes its accessible
    // name from its content, and an <article> inside hides it (the link read as "link").
    const article = document.createElement("div");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    const pattern = termPattern(query);
    title.append(...marked(data.meta.title, pattern));
    const summary = document.createElement("p");
    summary.append(...marked(data.meta.summary || "", pattern));
    article.append(icon, title, summary);
    a.append(article);
    li.append(a);
    return li;
  }

  async function showMore(size = PAGE) {
    const mine = asked;
    const start = list.querySelectorAll(".md-search-result__item").length;
    const batch = await Promise.all(shown.results.slice(start, start + size).map((r) => r.data()));
    if (mine !== asked) return;
    list.querySelector(".qb-search-more")?.remove();
    list.append(...batch.map((d) => resultItem(d, shown.query)));
    if (shown.count > start + batch.length) {
      const li = document.createElement("li");
      li.className = "qb-search-more";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = t["search.result.more.other"].replace("#", shown.count - start - batch.length);
      button.addEventListener("click", () => showMore());
      li.append(button);
      list.append(li);
    }
    return batch;
  }

  function setSuggestion(query, titles) {
    if (!suggest) return;
    const words = query.split(/\s+/);
    const last = words[words.length - 1].toLowerCase();
    let completion = "";
    if (last.length >= 2 && query === input.value && !/\s$/.test(query)) {
      for (const title of titles) {
        const word = title.toLowerCase().match(new RegExp("(?:^|[^\\w])(" + escapeRegExp(last) + "[\\w-]+)"));
        if (word) { completion = word[1]; break; }
      }
    }
    suggest.textContent = completion ? [...words.slice(0, -1), completion].join(" ") : "";
  }

  function setShare(query) {
    if (!share) return;
    const url = new URL(location.href);
    const params = new URLSearchParams(query ? { q: query, ...chosenFilters() } : {});
    url.search = params.toString();
    url.hash = "";
    share.href = url.href;
    share.dataset.clipboardText = url.href;
    share.hidden = !query;
  }

  async function search(query) {
    const mine = ++asked;
    const q = query.trim();
    setShare(q);
    if (!q) {
      list.replaceChildren();
      list.removeAttribute("data-query");
      list.removeAttribute("data-shown");
      list.setAttribute("aria-busy", "false");
      meta.textContent = t["search.result.placeholder"];
      if (suggest) suggest.textContent = "";
      return;
    }
    // data-query: the first results are on screen; data-shown: the whole first page is.
    list.removeAttribute("data-query");
    list.removeAttribute("data-shown");
    list.setAttribute("aria-busy", "true");
    const pagefind = await load();
    if (mine !== asked) return; // typed on while the engine loaded: search the newest only
    if (addressFilters) await setUpFilters(pagefind); // the address's filters apply from the first search
    const found = await pagefind.search(q, { filters: chosenFilters() });
    if (mine !== asked || !found) return;
    shown = { query: q, results: found.results, count: found.results.length };
    list.replaceChildren();
    const batch = await showMore(FIRST);
    if (mine !== asked) return;
    meta.textContent = count(shown.count);
    list.dataset.query = q;
    setSuggestion(query, (batch || []).map((d) => d.meta.title));
    if (shown.count > FIRST) await showMore(PAGE - FIRST);
    if (mine !== asked) return;
    list.dataset.shown = q;
    list.setAttribute("aria-busy", "false");
    // Only now: the filters' files would otherwise queue ahead of the first search's chunks.
    setUpFilters(pagefind);
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function results() {
    return [...list.querySelectorAll(".md-search-result__link")];
  }

  function takeSuggestion() {
    if (!suggest || !suggest.textContent || input.selectionStart !== input.value.length) return false;
    input.value = suggest.textContent;
    search(input.value);
    return true;
  }

  input.addEventListener("focus", open);
  selects.forEach((select) => select.addEventListener("change", () => search(input.value)));
  input.addEventListener("input", () => search(input.value));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    results()[0]?.click();
  });
  form.addEventListener("reset", () => setTimeout(() => { search(""); input.focus(); }));
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  share?.addEventListener("click", (event) => event.preventDefault());

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const target = event.target;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (!toggle.checked) {
      if (!typing && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    const links = results();
    const at = links.indexOf(document.activeElement);
    switch (event.key) {
      case "Escape":
        close();
        break;
      case "ArrowDown":
      case "ArrowUp": {
        if (!links.length || (target !== input && at < 0)) return;
        event.preventDefault();
        const next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? links.length : at) - 1;
        if (next < 0) input.focus();
        else links[Math.min(next, links.length - 1)].focus();
        break;
      }
      case "Tab":
      case "ArrowRight":
        if (target === input && takeSuggestion()) event.preventDefault();
        break;
    }
  });

  // The terms a result was found by, marked on the page it opens (`?h=`).
  function highlight() {
    const pattern = termPattern(new URLSearchParams(location.search).get("h") || "");
    const article = document.querySelector("article.md-content__inner");
    if (!pattern || !article) return;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement.closest("mark, script, style, .headerlink")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      const parts = marked(text, pattern);
      parts.forEach((part) => { if (part.nodeType === 1) part.dataset.qbHighlight = ""; });
      node.replaceWith(...parts);
    }
  }

  let first = true;
  function onPage() {
    highlight();
    if (!first) close(); // a result opened by instant navigation, were it on
    first = false;
  }
  if (typeof document$ !== "undefined") document$.subscribe(onPage);
  else onPage();

  const shared = new URLSearchParams(location.search).get("q");
  if (shared) {
    open();
    input.value = shared;
    input.focus();
    search(shared);
  }
}
