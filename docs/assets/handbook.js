// Reader tools: study mode, practised marks, copy link and the practice page.
// Everything the script controls is rendered `hidden`, so without JavaScript the pages show
// only content. Material's instant navigation swaps pages without reloading, so the set-up
// runs on every `document$` emission, not once.
(function () {
  "use strict";

  var STORE = "mlops-handbook.practised";

  function practised() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || {};
    } catch (e) {
      return {};
    }
  }

  function setPractised(id, on) {
    var marks = practised();
    if (on) marks[id] = new Date().toISOString().slice(0, 10);
    else delete marks[id];
    localStorage.setItem(STORE, JSON.stringify(marks));
    refreshMarks();
  }

  function refreshMarks() {
    var marks = practised();
    document.querySelectorAll(".qb-tools").forEach(function (bar) {
      var button = bar.querySelector(".qb-practised");
      var on = Boolean(marks[bar.dataset.qid]);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = on ? "Practised ✓" : "Mark as practised";
    });
    document.querySelectorAll(".qb-progress, .qb-progress-cell").forEach(function (el) {
      var ids = el.dataset.ids.split(" ").filter(Boolean);
      var done = ids.filter(function (id) { return marks[id]; }).length;
      if (el.classList.contains("qb-progress")) {
        el.querySelector(".qb-progress-count").textContent = String(done);
      } else {
        el.textContent = done + " / " + ids.length;
      }
      el.hidden = false;
    });
    var practiceMark = document.querySelector(".qb-practice-mark");
    if (practiceMark && practiceMark.dataset.qid) {
      var on = Boolean(marks[practiceMark.dataset.qid]);
      practiceMark.setAttribute("aria-pressed", String(on));
      practiceMark.textContent = on ? "Practised ✓" : "Mark as practised";
    }
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    return Promise.resolve();
  }

  function setUpEntries() {
    document.querySelectorAll(".qb-tools").forEach(function (bar) {
      bar.hidden = false;
      bar.querySelector(".qb-copy").addEventListener("click", function (event) {
        var button = event.currentTarget;
        copy(bar.dataset.permalink).then(function () {
          button.textContent = "Link copied";
          setTimeout(function () { button.textContent = "Copy link"; }, 2000);
        });
      });
      bar.querySelector(".qb-practised").addEventListener("click", function (event) {
        setPractised(bar.dataset.qid, event.currentTarget.getAttribute("aria-pressed") !== "true");
      });
    });
    document.querySelectorAll(".qb-reveal").forEach(function (bar) {
      bar.hidden = false;
      var article = bar.closest("article") || document;
      bar.querySelector(".qb-reveal-all").addEventListener("click", function () {
        article.querySelectorAll("details").forEach(function (d) { d.open = true; });
      });
      bar.querySelector(".qb-hide-all").addEventListener("click", function () {
        article.querySelectorAll("details").forEach(function (d) { d.open = false; });
      });
    });
    document.querySelectorAll(".qb-clear").forEach(function (box) {
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () {
        localStorage.removeItem(STORE);
        refreshMarks();
      });
    });
  }

  function setUpPractice() {
    var root = document.querySelector(".qb-practice");
    if (!root) return;
    var form = root.querySelector(".qb-practice-filters");
    var card = root.querySelector(".qb-practice-card");
    var answer = card.querySelector(".qb-practice-answer");
    var show = card.querySelector(".qb-practice-show");
    var mark = card.querySelector(".qb-practice-mark");
    var questions = [];
    var current = null;

    function pool() {
      var topic = form.topic.value;
      var level = form.level.value;
      var marks = practised();
      return questions.filter(function (q) {
        return (!topic || q.topic === topic) && (!level || q.level === level) &&
          (!form.unpractised.checked || !marks[q.id]);
      });
    }

    function next() {
      var candidates = pool().filter(function (q) { return !current || q.id !== current.id; });
      if (!candidates.length) candidates = pool();
      current = candidates.length ? candidates[Math.floor(Math.random() * candidates.length)] : null;
      answer.hidden = true;
      show.textContent = "Show answer";
      if (!current) {
        card.querySelector(".qb-practice-question").textContent = "No question matches these filters.";
        card.querySelector(".qb-practice-meta").textContent = "";
        card.querySelector(".qb-practice-summary").textContent = "";
        answer.innerHTML = "";
        mark.hidden = true;
        return;
      }
      card.dataset.qid = current.id;
      card.querySelector(".qb-practice-meta").textContent =
        current.topic_title + " · " + current.level + " · " + current.kind;
      card.querySelector(".qb-practice-question").textContent = current.question;
      card.querySelector(".qb-practice-summary").textContent = current.summary;
      answer.innerHTML = "";
      card.querySelector(".qb-practice-link").href = "../q/" + current.id + "/";
      mark.hidden = false;
      mark.dataset.qid = current.id;
      refreshMarks();
    }

    fetch(root.dataset.api)
      .then(function (response) { return response.json(); })
      .then(function (doc) {
        questions = doc.questions;
        var seen = {};
        questions.forEach(function (q) {
          if (seen[q.topic]) return;
          seen[q.topic] = true;
          var option = document.createElement("option");
          option.value = q.topic;
          option.textContent = q.topic_title;
          form.topic.appendChild(option);
        });
        // The card's text (a note for readers without JavaScript) stays invisible until the
        // first question replaces it: text of another length, painted first, would shift
        // the card's lines (layout shift must be 0).
        next();
        root.querySelectorAll(".qb-pending, .qb-pending-text").forEach(function (el) {
          el.classList.remove("qb-pending", "qb-pending-text");
        });
      })
      .catch(function () {
        card.querySelector(".qb-practice-question").textContent = "The questions could not be loaded.";
        card.querySelector(".qb-practice-summary").textContent =
          "Reload the page, or read every question on the topic pages.";
        root.querySelectorAll(".qb-pending, .qb-pending-text").forEach(function (el) {
          el.classList.remove("qb-pending", "qb-pending-text");
        });
      });

    form.addEventListener("change", function () { current = null; next(); });
    show.addEventListener("click", function () {
      if (!current) return;
      if (!answer.hidden) {
        answer.hidden = true;
        show.textContent = "Show answer";
        return;
      }
      var shown = current;
      // Answers load on demand, keeping the page light. The fragments are rendered at build
      // time from escaped bank text, so they hold no markup written in the bank.
      fetch(root.dataset.answers + shown.id + ".json")
        .then(function (response) { return response.json(); })
        .then(function (doc) {
          if (current !== shown) return;
          answer.innerHTML = doc.answer_html;
          answer.hidden = false;
          show.textContent = "Hide answer";
        });
    });
    card.querySelector(".qb-practice-next").addEventListener("click", next);
    mark.addEventListener("click", function () {
      setPractised(mark.dataset.qid, mark.getAttribute("aria-pressed") !== "true");
    });
  }

  // A table wider than the page scrolls inside its wrapper; keyboard users can scroll it only
  // if the wrapper takes focus (WCAG 2.1.1; axe scrollable-region-focusable).
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table " + (index + 1) + ", scrolls sideways");
      }
    });
  }

  function init() {
    focusableScrollers();
    setUpEntries();
    setUpPractice();
    refreshMarks();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
