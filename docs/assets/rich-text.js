// Bank text as the build exports it (macros/export.py rich_text): a string, or text and
// [tag, ...children] elements, turned into text nodes and a few inline elements. Never HTML.
const RICH_TAGS = new Set(["code", "em", "strong"]);

export function rich(value) {
  const fragment = document.createDocumentFragment();
  const add = (parent, node) => {
    if (typeof node === "string") parent.append(document.createTextNode(node));
    else if (Array.isArray(node)) {
      const [tag, ...children] = node;
      const target = RICH_TAGS.has(tag) ? parent.appendChild(document.createElement(tag)) : parent;
      children.forEach((child) => add(target, child));
    }
  };
  if (Array.isArray(value)) value.forEach((node) => add(fragment, node));
  else add(fragment, value);
  return fragment;
}
