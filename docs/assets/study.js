// Study mode: answers, red flags and follow-ups start collapsed (native <details>); the
// page's bar opens or closes every one of them at once.
export function setUp(root = document) {
  root.querySelectorAll(".qb-reveal").forEach((bar) => {
    bar.hidden = false;
    const article = bar.closest("article") || root;
    const setAll = (open) => article.querySelectorAll("details").forEach((d) => { d.open = open; });
    bar.querySelector(".qb-reveal-all").addEventListener("click", () => setAll(true));
    bar.querySelector(".qb-hide-all").addEventListener("click", () => setAll(false));
  });
}
