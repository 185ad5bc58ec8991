"""Render interview kits and their scorecards to Markdown. Pure functions: no files, no MkDocs.

A kit page is for the interviewer: the plan minute by minute and, for each question, what to
listen for, red flags and follow-ups, but never the strong answer. A scorecard is the same
plan as a form that prints on paper.
"""

from __future__ import annotations

import markdown
import yaml

from .model import Bank, Kit, KitFile, Question
from .render import LEVEL_LABELS, KIND_LABELS, MY_KIT_URL, Links, rating_anchors
from .text import escape_attribute, escape_inline_title, escape_markdown, indent

RATINGS = ("Poor", "Mixed", "Good", "Excellent")
RECOMMENDATIONS = ("Strong no", "No", "Yes", "Strong yes")


def kit_path(kit_id: str) -> str:
    return f"kits/{kit_id}.md"


def scorecard_path(kit_id: str) -> str:
    return f"kits/{kit_id}/scorecard.md"


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}" if minute >= 60 else f"0:{minute:02d}"


def schedule(kit: Kit) -> list[tuple[str, object]]:
    """(time range, step) for each step of the plan, from 0:00."""
    out, start = [], 0
    for step in kit.plan:
        out.append((f"{_clock(start)}–{_clock(start + step.minutes)}", step))
        start += step.minutes
    return out


def _cell(text: str) -> str:
    return escape_markdown(" ".join(text.split())).replace("|", "\\|")


_INLINE = markdown.Markdown()


def inline_html(text: str) -> str:
    """Bank text as inline HTML, for places inside raw HTML where Markdown is not parsed."""
    html = _INLINE.reset().convert(escape_markdown(" ".join(text.split())))
    return html.removeprefix("<p>").removesuffix("</p>")


def signal_checklist(q: Question) -> str:
    """Signals to tick, each checkbox labelled by its own text (screen readers name it)."""
    items = "\n".join(f'<li><label><input type="checkbox" name="{q.id}-signal-{i}"> {inline_html(s)}</label></li>'
                      for i, s in enumerate(q.listen_for, 1))
    return f'<ul class="qb-signals">\n{items}\n</ul>'


def _levels(kit: Kit) -> str:
    return ", ".join(LEVEL_LABELS[level] for level in kit.levels)


def _front(title: str, description: str, extra: dict | None = None) -> str:
    # Material prints page.meta unescaped, so the values are escaped here (see render.py).
    meta = {"title": escape_attribute(title), "description": escape_attribute(description),
            "search": {"exclude": True}, **(extra or {})}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"


def kits_index(kits: KitFile, bank: Bank, page: str) -> str:
    links = Links(page, bank, to_sections=False)
    rows = ["| Kit | Length | Levels | Questions | Scorecard |", "| --- | ---: | --- | ---: | --- |"]
    for kit in kits.kits:
        kit_href = links.rel(kit_path(kit.id))
        card_href = links.rel(scorecard_path(kit.id))
        rows.append(f"| [{escape_inline_title(kit.title)}]({kit_href}) | {kit.minutes} min | {_levels(kit)} | "
                    f"{len(kit.questions)} | [Print]({card_href}) |")
    return "\n".join(rows)


def _question_block(number: int, when: str, step, q: Question, links: Links) -> str:
    follow_ups = "\n".join(
        indent(escape_markdown(f.ask), "    ", first="1. ")
        + "\n\n" + indent(escape_markdown(f.good), "    ", first="    *A good response:* ") + "\n"
        for f in q.follow_ups
    )
    return "\n\n".join([
        f"## {when} · {escape_inline_title(q.question)} {{#{q.id}}}",
        f'<p class="qb-meta" markdown>**Question {number}** · {step.minutes} minutes · '
        f"{LEVEL_LABELS[q.level]} · {KIND_LABELS[q.kind]} · [Question page]({links.permalink(q.id)})</p>",
        f"**What it probes.** {escape_markdown(q.summary)}",
        "**Listen for**\n\n" + "\n".join(indent(escape_markdown(s), "    ", first="- ") for s in q.listen_for),
        "**Red flags**\n\n" + "\n".join(indent(escape_markdown(s), "    ", first="- ") for s in q.red_flags),
        "**Follow-ups**\n\n" + follow_ups,
        "**Rating anchors**\n\n" + "\n".join(indent(f"**{label}:** {escape_markdown(text)}", "    ", first="- ")
                                           for label, text in rating_anchors(q)),
    ])


def kit_page(kit: Kit, bank: Bank) -> str:
    page = kit_path(kit.id)
    links = Links(page, bank, to_sections=False)
    plan_rows = ["| Time | Step |", "| --- | --- |"]
    blocks = []
    number = 0
    for when, step in schedule(kit):
        if step.question:
            number += 1
            q = bank.by_id[step.question]
            plan_rows.append(f"| {when} | [{_cell(q.question)}](#{q.id}) |")
            blocks.append(_question_block(number, when, step, q, links))
        else:
            plan_rows.append(f"| {when} | {_cell(step.activity)} |")
    card = links.rel(scorecard_path(kit.id))
    # Hidden until the page script runs: the kit builder needs it.
    customise = (f'<p class="qb-kit-actions" hidden><a class="md-button" '
                 f'href="{links.site_url_from_page(MY_KIT_URL)}?from={kit.id}">Customise this kit</a></p>\n\n')
    return (
        _front(kit.title, kit.summary, {"kit_id": kit.id})
        + f"# {escape_inline_title(kit.title)}\n\n"
        + f"{escape_markdown(kit.summary)}\n\n"
        + f'<p class="qb-meta" markdown>**Length:** {kit.minutes} minutes · **Levels:** {_levels(kit)} · '
        + f"**Questions:** {number} · [Printable scorecard]({card})</p>\n\n"
        + customise
        + "This kit shows what to listen for, red flags and follow-ups. It shows no answers: "
        + "score what the candidate says against the signals, not against a script.\n\n"
        + "## Plan {#plan}\n\n" + "\n".join(plan_rows) + "\n\n"
        + "\n\n".join(blocks) + "\n"
    )


def _rating_rows(q: Question) -> str:
    return "".join(f"| ☐ {label} | {_cell(text)} |\n" for label, text in rating_anchors(q))


def scorecard_page(kit: Kit, bank: Bank) -> str:
    page = scorecard_path(kit.id)
    links = Links(page, bank, to_sections=False)
    parts = [
        _front(f"Scorecard: {kit.title}", kit.summary, {"hide": ["navigation", "toc"], "kit_id": kit.id}),
        f"# Scorecard: {escape_inline_title(kit.title)}\n",
        '<div class="qb-fields" markdown>\n\n'
        "**Candidate:** <span class=\"qb-blank\"></span> **Interviewer:** <span class=\"qb-blank\"></span> "
        "**Date:** <span class=\"qb-blank\"></span>\n\n</div>\n",
        f'<p class="qb-print-hint" markdown>{kit.minutes} minutes · {_levels(kit)} · '
        f'[Back to the kit]({links.rel(kit_path(kit.id))}) · Print this page (Ctrl+P / ⌘P): '
        "navigation and search are left off the paper.</p>\n",
        "Tick the signals you heard, then the one rating whose anchor best describes the answer. "
        "Each anchor is written for its question.\n",
    ]
    number = 0
    for when, step in schedule(kit):
        if not step.question:
            continue
        number += 1
        q = bank.by_id[step.question]
        flags = " · ".join(_cell(f) for f in q.red_flags)
        parts.append(
            f'<section class="qb-score" markdown>\n\n'
            f"## {number}. {escape_inline_title(q.question)} {{#{q.id}}}\n\n"
            f'<p class="qb-meta">{when} · {step.minutes} min</p>\n\n'
            f"**Signals heard**\n\n{signal_checklist(q)}\n\n"
            f'<p class="qb-flags" markdown>**Red flags:** {flags}</p>\n\n'
            "| Rating | Anchor |\n| --- | --- |\n"
            + _rating_rows(q) + "\n"
            '<div class="qb-notes">Notes</div>\n\n</section>\n'
        )
    parts.append(
        '<section class="qb-score qb-overall" markdown>\n\n'
        "## Overall recommendation {#overall}\n\n"
        + "  ".join(f"☐ {r}" for r in RECOMMENDATIONS) + "\n\n"
        '<div class="qb-notes">Strengths, concerns and evidence</div>\n\n</section>\n'
    )
    return "\n".join(parts)
