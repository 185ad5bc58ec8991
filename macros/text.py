"""Make bank text safe to place in Markdown, so that it shows exactly as written.

Python-Markdown passes raw HTML through and attr_list reads `{...}`, so outside code
we turn `&`, `<`, `{` and `}` into character references. Code spans and fenced blocks
are left alone: Markdown already shows their contents literally.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
def escape_prose(text: str) -> str:
    """Escape text that holds no code spans."""
    # chained replace: several times faster than str.translate with a table of strings
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")


def _escape_inline(chunk: str, escape=escape_prose) -> str:
    if "`" not in chunk:  # no code span: most of the bank's text
        return escape(chunk)
    out, pos = [], 0
    for match in _CODE_SPAN.finditer(chunk):
        out.append(escape(chunk[pos:match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(escape(chunk[pos:]))
    return "".join(out)


def escape_markdown(text: str) -> str:
    """Escape the bank's Markdown: prose becomes literal, code keeps its syntax."""
    if "```" not in text and "~~~" not in text:  # no fence can open: all of it is prose
        return _escape_inline(text)
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if prose:
            out.append(_escape_inline("".join(prose)))
            prose.clear()

    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip()[len(match.group(1)):]:
                fence = None
        elif match:
            flush()
            fence = match.group(1)
            out.append(line)
        else:
            prose.append(line)
    flush()
    return "".join(out)


def _escape_link_text(text: str) -> str:
    return escape_prose(text).replace("[", "\\[").replace("]", "\\]")


def escape_inline_title(text: str) -> str:
    """Heading or link text: one line, no trailing '#' that Markdown would strip."""
    one_line = " ".join(text.split())
    escaped = _escape_inline(one_line, _escape_link_text)
    return re.sub(r"#+$", lambda m: "\\#" * len(m.group(0)), escaped)


def escape_attribute(text: str) -> str:
    """For HTML attributes and for templates that print values without escaping."""
    return html.escape(" ".join(text.split()), quote=True)


def indent(text: str, prefix: str, first: str | None = None) -> str:
    lines = text.splitlines() or [""]
    head = (prefix if first is None else first) + lines[0]
    rest = [prefix + line if line.strip() else "" for line in lines[1:]]
    return "\n".join([head, *rest])
