// "Copy link": the question's absolute permanent address, ready to paste.

// The Clipboard API needs a secure context; a site opened over plain http on a LAN still
// copies through a selected, off-screen text area.
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  const area = document.createElement("textarea");
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

export function setUp(root = document) {
  root.querySelectorAll(".qb-tools").forEach((bar) => {
    const button = bar.querySelector(".qb-copy");
    if (!button) return;
    button.addEventListener("click", () => {
      copyText(bar.dataset.permalink).then(() => {
        button.textContent = "Link copied";
        setTimeout(() => { button.textContent = "Copy link"; }, 2000);
      });
    });
  });
}
