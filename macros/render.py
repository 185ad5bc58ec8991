"""Render the bank to Markdown. Pure functions: no files, no MkDocs.

Every piece of bank text passes through `text.escape_*` on its way out, so nothing a
question says is ever read as HTML, as attr_list syntax or as a template.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlencode

import yaml

from .model import LEVELS, Bank, Glossary, Question, Topic
from .search_terms import ANSWER_WEIGHT, SUMMARY_WEIGHT
from .text import escape_attribute, escape_inline_title, escape_markdown, indent

# libyaml's emitter: the pure-Python one took a third of the hook's time at 6,000 questions
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Search leaves blocks with these attributes out of its index: Pagefind (the site's search)
# reads `data-pagefind-ignore`; Material's search plugin, which the Zensical build and the
# benchmark's Material variants use, reads `data-search-exclude` and strips it. They mark
# what only describes or links an entry (level, topic, related questions, tags, dates,
# references, rating anchors): indexed, it made questions match words they are not about.
NOT_INDEXED = 'data-pagefind-ignore data-search-exclude="true"'


def weighted(weight: float, markdown: str) -> str:
    """Markdown in a block whose words count `weight` times in the search index (Pagefind's
    scale is quadratic: 2 counts four times as much as plain text)."""
    return f'<div data-pagefind-weight="{weight:g}" markdown>\n\n{markdown}\n\n</div>'


LEVEL_LABELS = {"junior": "Junior", "mid": "Mid", "senior": "Senior"}
KIND_LABELS = {"concept": "Concept", "experience": "Experience", "practice": "Practice"}
# The kit builder's page (docs/kits/my-kit.md), which "Add to my kit" fills.
MY_KIT_URL = "kits/my-kit/"


def question_path(qid: str) -> str:
    """Docs-relative source path of a question's permanent page."""
    return f"q/{qid}.md"


def question_id(src_path: str) -> str | None:
    """The question whose permanent page has this source path, if it is one."""
    if src_path.startswith("q/") and src_path.endswith(".md") and src_path.count("/") == 1:
        return src_path[2:-3]
    return None


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def relative_path(target: str, base: str) -> str:
    """posixpath.relpath for normalised docs-relative paths, without the two os.getcwd()
    calls it makes per link (tens of thousands of links per build)."""
    to, start = target.split("/"), base.split("/") if base else []
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


@dataclass(frozen=True)
class Links:
    """Relative links from one page. On topic pages related questions point at their
    section; on question pages they point at the other permanent pages."""

    page: str  # docs-relative source path of the page being rendered
    bank: Bank
    to_sections: bool
    site_url: str = ""  # the published root, for absolute permanent addresses

    def rel(self, target: str) -> str:
        return relative_path(target, posixpath.dirname(self.page))

    def permalink(self, qid: str) -> str:
        return self.rel(question_path(qid))

    def site_url_from_page(self, path: str) -> str:
        """A built page's directory URL ("kits/my-kit/") relative to this page's URL, for raw
        HTML, where MkDocs does not rewrite links (pages are served as directories)."""
        depth = self.page.count("/") + (0 if posixpath.basename(self.page) == "index.md" else 1)
        return "../" * depth + path

    def absolute_permalink(self, qid: str) -> str:
        return f"{self.site_url.rstrip('/')}/q/{qid}/"

    def topic(self, topic_id: str, anchor: str | None = None) -> str:
        path = topic_path(topic_id)
        href = "" if path == self.page else self.rel(path)
        return f"{href}#{anchor}" if anchor else href

    def question(self, qid: str) -> str:
        if self.to_sections:
            return self.topic(self.bank.by_id[qid].topic, qid)
        return self.permalink(qid)


def _bullets(items: list[str]) -> str:
    return "\n".join(indent(escape_markdown(item), "    ", first="- ") for item in items)


RATING_LEVELS = (("poor", "Poor"), ("mixed", "Mixed"), ("good", "Good"), ("excellent", "Excellent"))


def rating_anchors(q: Question) -> list[tuple[str, str]]:
    """(label, anchor) for each level of the rating scale, as written for this question."""
    return [(label, getattr(q.rating, key)) for key, label in RATING_LEVELS]


def meta_line(q: Question) -> str:
    parts = [f"**Level:** {LEVEL_LABELS[q.level]}", f"**Kind:** {KIND_LABELS[q.kind]}"]
    if q.source is not None:
        parts.append(f"**Source list:** no. {q.source}")
    return " · ".join(parts)


def tools_bar(q: Question, links: Links) -> str:
    """Buttons the page script wires up (copy link, practised, add to my kit). Hidden until it
    does, so a reader without JavaScript sees no dead controls. The link to My kit shows once
    the question is in the kit."""
    return (
        f'<div class="qb-tools" {NOT_INDEXED} data-qid="{q.id}" data-topic="{q.topic}" '
        f'data-permalink="{escape_attribute(links.absolute_permalink(q.id))}" hidden>'
        '<button type="button" class="md-button qb-copy">Copy link</button> '
        '<button type="button" class="md-button qb-practised" aria-pressed="false">Mark as practised</button> '
        '<button type="button" class="md-button qb-kit-add" aria-pressed="false">Add to my kit</button> '
        f'<a class="qb-kit-open" href="{links.site_url_from_page(MY_KIT_URL)}" hidden>Open my kit</a>'
        '</div>'
    )


def reveal_bar() -> str:
    """Page-level controls for study mode: everything hidden, or everything shown."""
    return (
        f'<div class="qb-reveal" {NOT_INDEXED} hidden>'
        '<button type="button" class="md-button qb-reveal-all">Reveal all answers</button> '
        '<button type="button" class="md-button qb-hide-all">Hide all</button>'
        '</div>'
    )


# The corrections form in .github/ISSUE_TEMPLATE/, and the ids of the fields a question's
# "Report a problem" link fills in (GitHub takes a form field's id as a query parameter).
CORRECTION_FORM = "correction.yml"
CORRECTION_PREFILLED = ("id", "link")


def report_problem_url(repository: str, q: Question, permalink: str) -> str:
    """The repository's corrections form, opened with the question's id, permanent address
    and a title already filled in."""
    query = urlencode({"template": CORRECTION_FORM, "title": f"Correction: {q.id}",
                       "id": q.id, "link": permalink})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def report_problem(q: Question, links: Links, repository: str) -> str:
    href = escape_attribute(report_problem_url(repository, q, links.absolute_permalink(q.id)))
    return (f'<p class="qb-report" {NOT_INDEXED}><a href="{href}">Report a problem with this entry</a>'
            " (opens a prefilled issue on GitHub)</p>")


def entry_body(q: Question, links: Links, tags_line: bool = True) -> str:
    """Everything under a question's heading, the same on its topic and its own page (which
    shows its tags as chips above the title instead of in the foot line).
    The answer, red flags and follow-ups start collapsed: readers studying try first."""
    bank = links.bank
    follow_ups = "\n\n".join(
        indent(escape_markdown(f.ask), "    ", first="1. ")
        + "\n\n" + indent(escape_markdown(f.good), "    ", first="    *A good response:* ")
        for f in q.follow_ups
    )
    related = ", ".join(
        f"[{escape_inline_title(bank.by_id[r].question)}]({links.question(r)})" for r in q.related
    )
    references = "\n".join(
        f"- [{escape_inline_title(ref.title)}]({ref.url})" if ref.url
        else f"- {escape_inline_title(ref.title)}"
        for ref in q.references
    )
    tags = ", ".join(escape_inline_title(bank.tags[t]) for t in q.tags)
    blocks = [
        f'<p class="qb-meta" {NOT_INDEXED} markdown>{meta_line(q)}</p>',
        tools_bar(q, links),
        weighted(SUMMARY_WEIGHT, f"**What it probes.** {escape_markdown(q.summary)}\n\n"
                 "**Listen for**\n\n" + _bullets(q.listen_for)),
        weighted(ANSWER_WEIGHT, '??? success "Strong answer"\n\n'
                 + indent(escape_markdown(q.answer.strip()), "    ", first="    ")),
        '??? danger "Red flags"\n\n' + indent(_bullets(q.red_flags), "    ", first="    "),
        '??? question "Follow-ups"\n\n' + indent(follow_ups, "    ", first="    "),
    ]
    anchors = rating_anchors(q)
    if anchors:
        scale = "\n".join(indent(f"**{label}:** {escape_markdown(text)}", "    ", first="- ")
                          for label, text in anchors)
        blocks.append(f'<div {NOT_INDEXED} markdown>\n\n??? abstract "Rating anchors"\n\n'
                      + indent(scale, "    ", first="    ") + "\n\n</div>")
    if related:
        blocks.append(f'<p {NOT_INDEXED} markdown>**Related:** {related}</p>')
    blocks.append(f"<div {NOT_INDEXED} markdown>\n\n**References**\n\n{references}\n\n</div>")
    foot = [f"Tags: {tags}"] if tags_line else []
    foot += [f"Reviewed {q.reviewed.isoformat()}", f"[Permanent link]({links.permalink(q.id)})"]
    blocks.append(f'<p class="qb-reviewed" {NOT_INDEXED} markdown>{" · ".join(foot)}</p>')
    return "\n\n".join(blocks) + "\n"


TOPIC_IDS_FILE = "api/topic-ids.json"


def _progress_attrs(topic_id: str | None, count: int, links: "Links") -> str:
    """What the page script needs to count the reader's progress in a topic (or in the whole
    bank, with no topic): the count, and where to find which questions the topic holds. Not
    the ids themselves: a page listing them grows with the bank (at 6,000 questions the home
    page carried 530 kB of ids); the script fetches the file only for a reader with history."""
    return (f'data-topic="{topic_id or ""}" data-count="{count}" '
            f'data-src="{links.site_url_from_page(TOPIC_IDS_FILE)}"')


def progress_line(topic_id: str, count: int, links: "Links") -> str:
    """Filled in by the page script from the reader's practised marks."""
    return (f'<p class="qb-progress" {_progress_attrs(topic_id, count, links)} hidden>'
            f'Practised <span class="qb-progress-count">0</span> of {count}</p>')


PRACTICE_URL = "practice/"


def due_line(topic_id: str | None, count: int, links: "Links") -> str:
    """How many of these questions are due for review today: filled in by the page script
    from the reader's practice history, with a link to the practice page dealing them."""
    query = "?queue=due" + (f"&amp;topic={topic_id}" if topic_id else "")
    return (f'<p class="qb-due" {NOT_INDEXED} {_progress_attrs(topic_id, count, links)} hidden>'
            f'Due for review today: <span class="qb-due-count">0</span> of {count} · '
            f'<a href="{links.site_url_from_page(PRACTICE_URL)}{query}">Practise the due questions</a></p>')


def due_today(bank: Bank, page: str) -> str:
    """The due line for the whole bank, for the home page."""
    return due_line(None, len(bank.questions), Links(page, bank, to_sections=True))


def topic_page(topic: Topic, bank: Bank, page: str, site_url: str = "") -> str:
    links = Links(page, bank, to_sections=True, site_url=site_url)
    questions = bank.in_topic(topic.id)
    sections = [f"# {escape_inline_title(topic.title)}", escape_markdown(topic.summary),
                progress_line(topic.id, len(questions), links) + "\n" + due_line(topic.id, len(questions), links),
                reveal_bar()]
    for q in questions:
        sections.append(f"## {escape_inline_title(q.question)} {{#{q.id}}}\n\n" + entry_body(q, links))
    return "\n\n".join(sections)


def search_only(q: Question, bank: Bank, terms: list[tuple[float, str]]) -> str:
    """What the question's search index holds that its page does not show: its tags, the
    other spellings of the terms it uses (see search_terms.py), and its topic, level and
    kind as search filters. `hidden`: no reader and no screen reader meets it."""
    topic = bank.topic(q.topic)
    filters = "".join(f'<span data-pagefind-filter="{name}">{escape_attribute(value)}</span>'
                      for name, value in (("topic", topic.title), ("level", LEVEL_LABELS[q.level]),
                                          ("kind", KIND_LABELS[q.kind])))
    blocks = "".join(f'<p data-pagefind-weight="{w:g}">{escape_attribute(text)}</p>' for w, text in terms)
    # The summary is what a result shows under the question (an excerpt would often come
    # from the spellings above, which read as a list of words).
    summary = f'<span data-pagefind-meta="summary">{escape_attribute(q.summary)}</span>'
    return (f'<div class="qb-search-only" hidden>{blocks}'
            f'<p data-pagefind-ignore>{filters}{summary}</p></div>')


def question_page(q: Question, bank: Bank, site_url: str = "", repository: str = "",
                  index_terms: list[tuple[float, str]] | None = None) -> str:
    """A whole Markdown file, front matter included, for the page at /q/<id>/. With the
    repository's address, it links the corrections form. No study-mode bar: a single
    question's answer opens by its own summary. index_terms: the (weight, text) blocks
    search_terms.index_terms makes, for the search index only."""
    page = question_path(q.id)
    links = Links(page, bank, to_sections=False, site_url=site_url)
    topic = bank.topic(q.topic)
    # Material prints page.meta.title and .description into the head without escaping,
    # so the front matter carries them already escaped for HTML.
    meta = {
        "title": escape_attribute(q.question),
        "description": escape_attribute(q.summary),
        "question_id": q.id,
        "og_type": "article",
        "tags": [bank.tags[t] for t in q.tags],
    }
    front = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    topic_link = f"[{escape_inline_title(topic.title)}]({links.topic(topic.id, q.id)})"
    return (
        f"---\n{front}---\n\n"
        f"# {escape_inline_title(q.question)} {{#{q.id}}}\n\n"
        f"<p {NOT_INDEXED} markdown>From the topic {topic_link}.</p>\n\n"
        + entry_body(q, links, tags_line=False)
        + (f"\n{report_problem(q, links, repository)}\n" if repository else "")
        + "\n" + search_only(q, bank, index_terms or []) + "\n"
    )


def topics_table(bank: Bank, page: str) -> str:
    links = Links(page, bank, to_sections=True)
    head = "| Topic | Questions | " + " | ".join(LEVEL_LABELS[level] for level in LEVELS) + " | Practised |"
    rule = "| --- | ---: | " + " | ".join("---:" for _ in LEVELS) + " | ---: |"

    def practised(topic_id: str | None, count: int) -> str:
        return f'<span class="qb-progress-cell" {_progress_attrs(topic_id, count, links)}>–</span>'

    rows = []
    for t in bank.topics:
        counts = bank.level_counts(t.id)
        rows.append(f"| [{escape_inline_title(t.title)}]({links.topic(t.id)}) | {sum(counts.values())} | "
                    + " | ".join(str(counts[level]) for level in LEVELS) + f" | {practised(t.id, sum(counts.values()))} |")
    total = {level: sum(bank.level_counts(t.id)[level] for t in bank.topics) for level in LEVELS}
    rows.append(f"| **All topics** | **{sum(total.values())}** | "
                + " | ".join(f"**{total[level]}**" for level in LEVELS)
                + f" | {practised(None, sum(total.values()))} |")
    return "\n".join([head, rule, *rows])


def levels_page(bank: Bank, page: str) -> str:
    """Every question listed under its level, linking to its permanent page."""
    links = Links(page, bank, to_sections=False)
    out = []
    for level in LEVELS:
        questions = [q for q in bank.questions if q.level == level]
        out.append(f"## {LEVEL_LABELS[level]} ({len(questions)}) {{#{level}}}")
        for topic in bank.topics:
            in_topic = [q for q in questions if q.topic == topic.id]
            if not in_topic:
                continue
            out.append(f"**{escape_inline_title(topic.title)}**\n\n" + "\n".join(
                f"- [{escape_inline_title(q.question)}]({links.permalink(q.id)})" for q in in_topic))
    return "\n\n".join(out)


def senior_track(bank: Bank, page: str) -> str:
    """The scenario questions written for senior and staff candidates, then the source list's
    questions at senior level."""
    links = Links(page, bank, to_sections=False)
    scenarios = [q for q in bank.questions if q.source is None and q.level == "senior"]
    also = [q for q in bank.questions if q.source is not None and q.level == "senior"]
    out = [f"## Scenario questions ({len(scenarios)}) {{#scenarios}}"]
    for n, q in enumerate(scenarios, start=1):
        topic = bank.topic(q.topic)
        out.append(f"{n}. [{escape_inline_title(q.question)}]({links.permalink(q.id)})\n\n"
                   f"    *{escape_inline_title(topic.title)}.* {escape_markdown(q.summary)}")
    out.append(f"## Senior questions from the source list ({len(also)}) {{#source-list}}")
    out.append("\n".join(f"- [{escape_inline_title(q.question)}]({links.permalink(q.id)}) "
                         f"(no. {q.source})" for q in also))
    return "\n\n".join(out)


def glossary_page(glossary: Glossary) -> str:
    """The glossary as a definition list, alphabetical."""
    entries = []
    for term in sorted(glossary.terms, key=lambda t: t.term.lower()):
        also = f" (also: {', '.join(escape_inline_title(a) for a in term.also)})" if term.also else ""
        entries.append(f"{escape_inline_title(term.term)}{also}\n:   {escape_markdown(term.definition)}")
    return "\n\n".join(entries)


def redirect_page(target: str, title: str) -> str:
    """A static HTML page that sends a former address on to the current one."""
    href = escape_attribute(target)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Moved: {escape_attribute(title)}</title>\n"
        f"<link rel=\"canonical\" href=\"{href}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>Moved: {escape_attribute(title)}</h1>\n"
        f"<p>This question has a new address: <a href=\"{href}\">{escape_attribute(title)}</a>.</p>\n"
        "</main>\n</body>\n</html>\n"
    )
