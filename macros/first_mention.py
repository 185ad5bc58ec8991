"""A Python-Markdown extension: keep a glossary tooltip on the first mention of each term in
a page only, and never in a heading. A topic page names "drift" or "p99" dozens of times; a
tooltip on every mention adds kilobytes of repeated definitions and makes Material set up a
hundred tooltips, which slowed the page. One per term is what a reader needs. In a heading (a
question page's title) a dotted underline reads as a link and the tooltip gets in the way of
the permalink; the first mention below it gets the tooltip instead."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace `child` by its text, keeping the text that followed it."""
    index = list(parent).index(child)
    text = (child.text or "") + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _unwrap_all(element: etree.Element) -> None:
    for parent in list(element.iter()):
        for child in list(parent):
            if child.tag == "abbr":
                _unwrap(parent, child)


class _FirstMentionOnly(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in [e for e in root.iter() if e.tag in HEADINGS]:
            _unwrap_all(heading)
        seen: set[str] = set()
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag != "abbr":
                    continue
                definition = child.get("title", "")
                if definition in seen:
                    _unwrap(parent, child)
                else:
                    seen.add(definition)


class FirstMentionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after 'abbr' (7), which makes the abbreviations, so it sees all of them, and before
        # 'toc' (5), so the table of contents and the headings' anchors see plain headings
        md.treeprocessors.register(_FirstMentionOnly(md), "first_mention", 6)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's hook name
    return FirstMentionExtension(**kwargs)
