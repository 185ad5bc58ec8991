// A table wider than the page scrolls inside its wrapper; keyboard users can scroll it only
// if the wrapper takes focus (WCAG 2.1.1; axe scrollable-region-focusable).
export function focusableScrollers(root = document) {
  root.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap, index) => {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `Table ${index + 1}, scrolls sideways`);
    }
  });
}

export function setUp(root = document) {
  focusableScrollers(root);
}
