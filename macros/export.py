"""Machine-readable exports of the bank: the JSON API, its JSON Schemas and a flashcard deck.
Pure functions: no files, no MkDocs."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
from html.parser import HTMLParser
import sqlite3
import zipfile
from datetime import datetime, timezone
from typing import Callable

import genanki
from pydantic import BaseModel, ConfigDict, Field

from .model import Bank, FollowUp, Glossary, KitFile, Question, Rating, Reference
from .render import KIND_LABELS, LEVEL_LABELS, rating_anchors
from .render_kits import inline_html
from .text import escape_markdown, indent

API_VERSION = 1


class ApiQuestion(BaseModel):
    """One question as published at /api/questions.json."""

    model_config = ConfigDict(extra="forbid", title="Question")

    id: str
    url: str
    aliases: list[str]
    source: int | None
    topic: str
    topic_title: str
    level: str
    kind: str
    question: str
    summary: str
    listen_for: list[str]
    answer: str
    answer_html: str = Field(description="the answer as HTML, as the question's page shows it (bank text "
                                         "is escaped first, so it shows as written)")
    red_flags: list[str]
    follow_ups: list[FollowUp]
    rating: Rating = Field(description="what a poor, mixed, good and excellent answer to this question "
                                       "sounds like")
    related: list[str]
    tags: list[str]
    references: list[Reference]
    reviewed: str


class ApiDocument(BaseModel):
    model_config = ConfigDict(extra="forbid", title="MLOps Interview Handbook questions")

    version: int
    count: int
    questions: list[ApiQuestion]


AnswerHtml = Callable[[Question], str]  # a question's strong answer as HTML


def permanent_url(site_url: str, qid: str) -> str:
    return f"{site_url.rstrip('/')}/q/{qid}/"


def api_question(q: Question, bank: Bank, site_url: str, answer_html: AnswerHtml) -> ApiQuestion:
    data = q.model_dump(mode="json")
    return ApiQuestion(
        **{**data, "aliases": q.aliases, "reviewed": q.reviewed.isoformat(),
           "tags": [bank.tags[t] for t in q.tags]},
        url=permanent_url(site_url, q.id),
        topic_title=bank.topic(q.topic).title,
        answer_html=answer_html(q),
    )


def api_document(bank: Bank, site_url: str, answer_html: AnswerHtml) -> str:
    """Every question with its permanent URL."""
    doc = ApiDocument(version=API_VERSION, count=len(bank.questions),
                      questions=[api_question(q, bank, site_url, answer_html) for q in bank.questions])
    return doc.model_dump_json(indent=2) + "\n"


def practice_index(bank: Bank) -> str:
    """What the practice page needs to deal questions: small, so the page shows a question
    quickly; each answer is fetched only when the reader asks for it."""
    keep = ("id", "topic", "level", "kind", "question", "summary")
    items = [{**{k: getattr(q, k) for k in keep}, "topic_title": bank.topic(q.topic).title}
             for q in bank.questions]
    # Former ids, so that an imported practice history files a renamed question's reviews
    # under its current id.
    doc = {"version": API_VERSION, "aliases": dict(sorted(bank.aliases.items())), "questions": items}
    return json.dumps(doc, separators=(",", ":")) + "\n"


def topic_ids(bank: Bank) -> str:
    """The ids of each topic's questions, for the practised and due counts of the home and
    topic pages, which carry counts only (render.progress_line)."""
    doc = {"version": API_VERSION, "topics": {t.id: [q.id for q in bank.in_topic(t.id)] for t in bank.topics}}
    return json.dumps(doc, separators=(",", ":")) + "\n"


# Inline elements the kit builder recreates; any other markup keeps only its text.
RICH_TAGS = ("code", "em", "strong")

RichText = str | list  # plain text, or a list of text and [tag, *children] elements


class _RichText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in RICH_TAGS:
            self.stack.append([tag])

    def handle_endtag(self, tag):
        if tag in RICH_TAGS and len(self.stack) > 1 and self.stack[-1][0] == tag:
            done = self.stack.pop()
            self.stack[-1].append(done)

    def handle_data(self, data):
        self.stack[-1].append(data)


def rich_text(text: str) -> RichText:
    """Bank Markdown as the kit pages show it (code spans, emphasis), as data a script turns
    into elements with text nodes: the builder never parses HTML. Plain text stays a string."""
    parser = _RichText()
    parser.feed(inline_html(text))
    parser.close()
    while len(parser.stack) > 1:  # an element left open keeps its text
        parser.stack[-2].extend(parser.stack.pop()[1:])
    nodes = parser.stack[0]
    return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], str) else nodes


def interviewer_question(q: Question, bank: Bank) -> dict:
    """What a kit shows of a question: never the answer."""
    return {
        "id": q.id,
        "topic_title": bank.topic(q.topic).title,
        "level": LEVEL_LABELS[q.level],
        "kind": KIND_LABELS[q.kind],
        "question": rich_text(q.question),
        "summary": rich_text(q.summary),
        "listen_for": [rich_text(s) for s in q.listen_for],
        "red_flags": [rich_text(s) for s in q.red_flags],
        "follow_ups": [{"ask": rich_text(f.ask), "good": rich_text(f.good)} for f in q.follow_ups],
        "rating": [{"label": label, "text": rich_text(text)} for label, text in rating_anchors(q)],
    }


KIT_QUESTIONS_DIR = "kit/"  # under api/, beside the kit builder's file: one file per question


def kit_builder_data(bank: Bank, kits: KitFile) -> str:
    """What the kit pages need first, whatever the size of the bank: the former ids (so old
    links keep working), the ready-made kits to start from, and where each question's
    interviewer view is (kit_question), fetched only for the questions a kit holds."""
    doc = {
        "version": API_VERSION,
        "aliases": dict(sorted(bank.aliases.items())),
        "questions": KIT_QUESTIONS_DIR,
        "kits": [{"id": k.id, "title": k.title, "minutes": k.minutes, "levels": list(k.levels),
                  "plan": [{"minutes": s.minutes, "question": s.question} if s.question
                           else {"minutes": s.minutes, "activity": " ".join(s.activity.split())}
                           for s in k.plan]}
                 for k in kits.kits],
    }
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n"


def kit_question(q: Question, bank: Bank) -> str:
    """api/kit/<id>.json: one question as interviewers see it, never its answer."""
    return json.dumps(interviewer_question(q, bank), separators=(",", ":"), ensure_ascii=False) + "\n"


def answer_fragment(q: Question, answer_html: AnswerHtml) -> str:
    """The strong answer as JSON holding its HTML, for the practice page to fetch, and the
    listen-for signals the candidate ticks once it is shown (as data, see rich_text)."""
    return json.dumps({"id": q.id, "answer_html": answer_html(q),
                       "listen_for": [rich_text(s) for s in q.listen_for]}) + "\n"


def api_schema() -> str:
    return json.dumps(ApiDocument.model_json_schema(), indent=2) + "\n"


def _schema(model, title: str) -> str:
    schema = model.model_json_schema()
    schema["title"] = title
    return json.dumps(schema, indent=2) + "\n"


# file name -> JSON Schema text, generated from the model; never edited by hand
def schemas() -> dict[str, str]:
    return {
        "questions.schema.json": _schema(Bank, "MLOps Interview Handbook question bank (data/questions.yaml)"),
        "kits.schema.json": _schema(KitFile, "MLOps Interview Handbook interview kits (data/kits.yaml)"),
        "glossary.schema.json": _schema(Glossary, "MLOps Interview Handbook glossary (data/glossary.yaml)"),
        "api-questions.schema.json": api_schema(),
    }


def flashcards_tsv(bank: Bank, answer_html: AnswerHtml, to_html: Callable[[str], str]) -> str:
    """Tab-separated flashcards, for spreadsheets and flashcard apps other than Anki (Anki
    users get anki_deck, which re-imports without duplicates): question on the front, strong
    answer (as HTML) on the back, topic and level as tags. The header lines tell Anki 2.1.55
    and later how to read the file. `to_html` turns the question's Markdown into HTML."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    for q in bank.questions:
        # escaped first, so HTML in the bank shows as text on the card too
        front = to_html(escape_markdown(q.question)).replace("\n", " ")
        back = answer_html(q).replace("\n", " ")
        writer.writerow([front, back, f"mlops-handbook {q.topic} level-{q.level}"])
    return out.getvalue()


DECK_NAME = "MLOps Interview Handbook"
# Anki recognises the note type by this id: chosen once, never to change, or every re-import
# would bring a second note type and a copy of every card.
NOTE_MODEL_ID = 1_796_482_013
NOTE_FIELDS = ("Question", "Answer", "Listen for", "Red flags", "Link")
_CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45;
  text-align: left; max-width: 42em; margin: 0 auto; }
.question { font-size: 1.2em; font-weight: 600; }
h3 { font-size: 1em; margin: 1.2em 0 0.3em; }"""
_BACK = """{{FrontSide}}
<hr id="answer">
<h3>Strong answer</h3>
{{Answer}}
<h3>Listen for</h3>
{{Listen for}}
<h3>Red flags</h3>
{{Red flags}}
<p><a href="{{Link}}">The full entry, with follow-ups and references</a></p>"""


def deck_id(name: str = DECK_NAME) -> int:
    """A stable deck id derived from the deck's name, in the range genanki recommends:
    Anki puts re-imported cards back into the deck with the same id."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(qid: str) -> str:
    """A note's identity across builds: Anki updates the note with this GUID instead of
    adding a copy. Derived from the question's id, which never changes (a renamed question
    gets a new id, and so a new note)."""
    return genanki.guid_for(qid)


def _note_model() -> genanki.Model:
    return genanki.Model(
        NOTE_MODEL_ID, f"{DECK_NAME} question",
        fields=[{"name": name} for name in NOTE_FIELDS],
        templates=[{"name": "Question and answer",
                    "qfmt": '<div class="question">{{Question}}</div>', "afmt": _BACK}],
        css=_CARD_CSS,
    )


def _html_list(items: list[str], to_html: Callable[[str], str]) -> str:
    bullets = "\n".join(indent(escape_markdown(item), "    ", first="- ") for item in items)
    return to_html(bullets)


def note_tags(q: Question) -> list[str]:
    """Hierarchical tags (Anki 2.1.45 and later show them as a tree) by topic and level."""
    return ["mlops-handbook", f"mlops-handbook::topic::{q.topic}", f"mlops-handbook::level::{q.level}"]


def deck_timestamp(bank: Bank) -> float:
    """The notes' modification time: the latest `reviewed` date in the bank. Fixed for a
    given bank, so the package is byte-for-byte the same on every build; it moves forward
    whenever an entry is reviewed or corrected. Anki's import (checked with Anki 26.9)
    updates an existing note only when the incoming one is newer, even when told to update
    always: an edit that leaves every `reviewed` date as it was reaches no one's cards."""
    latest = max(q.reviewed for q in bank.questions)
    return datetime(latest.year, latest.month, latest.day, tzinfo=timezone.utc).timestamp()


def _zip_member(name: str, when: float) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=datetime.fromtimestamp(when, timezone.utc).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def anki_deck(bank: Bank, site_url: str, answer_html: AnswerHtml, to_html: Callable[[str], str]) -> bytes:
    """An Anki package (.apkg): one note per question with the question, the strong answer
    (as the site shows it), listen for, red flags and the permanent link, tagged by topic
    and level. Note GUIDs, the deck id and the note type's id are stable, so importing a
    newer package updates the cards a reader already studies instead of duplicating them."""
    model = _note_model()
    deck = genanki.Deck(deck_id(), DECK_NAME, description=(
        f'Questions and strong answers from the <a href="{site_url}">{DECK_NAME}</a>, '
        "under CC BY 4.0."))
    for q in bank.questions:
        fields = [
            to_html(escape_markdown(q.question)),  # escaped first: bank HTML shows as text
            answer_html(q),
            _html_list(q.listen_for, to_html),
            _html_list(q.red_flags, to_html),
            permanent_url(site_url, q.id),
        ]
        deck.add_note(genanki.Note(model=model, fields=fields, tags=note_tags(q),
                                   guid=note_guid(q.id)))
    when = deck_timestamp(bank)
    # In memory, not through genanki's write_to_file: no temporary file, and the zip entries
    # get a fixed date instead of the temporary file's.
    with sqlite3.connect(":memory:") as db:
        genanki.Package(deck).write_to_db(db.cursor(), when, itertools.count(int(when * 1000)))
        db.commit()
        collection = db.serialize()
    db.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as apkg:
        apkg.writestr(_zip_member("collection.anki2", when), collection)
        apkg.writestr(_zip_member("media", when), "{}")
    return out.getvalue()
