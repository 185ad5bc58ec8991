"""A Python-Markdown extension: keep a glossary tooltip on the first mention of each term in
a page only. A topic page names "drift" or "p99" dozens of times; a tooltip on every mention
adds kilobytes of repeated definitions and makes Material set up a hundred tooltips, which
slowed the page. One per term is what a reader needs."""

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


class _FirstMentionOnly(Treeprocessor):
    def run(self, root: etree.Element) -> None:
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
        # below 'inline' (20), where abbreviations are made, so it sees all of them
        md.treeprocessors.register(_FirstMentionOnly(md), "first_mention", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's hook name
    return FirstMentionExtension(**kwargs)
