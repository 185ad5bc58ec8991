"""Machine-readable exports of the bank: the JSON API, its JSON Schemas and a flashcard deck.
Pure functions: no files, no MkDocs."""

from __future__ import annotations

import csv
import io
import json
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from .model import Bank, FollowUp, Glossary, KitFile, Question, Reference
from .text import escape_markdown

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
    answer_html: str = Field(description="the answer rendered to HTML; bank text is escaped first")
    red_flags: list[str]
    follow_ups: list[FollowUp]
    related: list[str]
    tags: list[str]
    references: list[Reference]
    reviewed: str


class ApiDocument(BaseModel):
    model_config = ConfigDict(extra="forbid", title="MLOps Interview Handbook questions")

    version: int
    count: int
    questions: list[ApiQuestion]


def api_question(q: Question, bank: Bank, site_url: str, to_html: Callable[[str], str]) -> ApiQuestion:
    data = q.model_dump(mode="json")
    return ApiQuestion(
        **{**data, "aliases": q.aliases, "reviewed": q.reviewed.isoformat(),
           "tags": [bank.tags[t] for t in q.tags]},
        url=f"{site_url.rstrip('/')}/q/{q.id}/",
        topic_title=bank.topic(q.topic).title,
        answer_html=to_html(escape_markdown(q.answer)),
    )


def api_document(bank: Bank, site_url: str, to_html: Callable[[str], str]) -> str:
    """Every question with its permanent URL. `to_html` turns Markdown into HTML."""
    doc = ApiDocument(version=API_VERSION, count=len(bank.questions),
                      questions=[api_question(q, bank, site_url, to_html) for q in bank.questions])
    return doc.model_dump_json(indent=2) + "\n"


def practice_index(bank: Bank) -> str:
    """What the practice page needs to deal questions: small, so the page shows a question
    quickly; each answer is fetched only when the reader asks for it."""
    keep = ("id", "topic", "level", "kind", "question", "summary")
    items = [{**{k: getattr(q, k) for k in keep}, "topic_title": bank.topic(q.topic).title}
             for q in bank.questions]
    return json.dumps({"version": API_VERSION, "questions": items}, separators=(",", ":")) + "\n"


def answer_fragment(q: Question, to_html: Callable[[str], str]) -> str:
    """The strong answer as JSON holding HTML rendered from escaped bank text."""
    return json.dumps({"id": q.id, "answer_html": to_html(escape_markdown(q.answer))}) + "\n"


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


def flashcards_tsv(bank: Bank, to_html: Callable[[str], str]) -> str:
    """An Anki deck: question on the front, strong answer (as HTML) on the back, topic and
    level as tags. The header lines tell Anki (2.1.55 and later) how to read the file."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    for q in bank.questions:
        # escaped first, so HTML in the bank shows as text on the card too
        front = to_html(escape_markdown(q.question)).replace("\n", " ")
        back = to_html(escape_markdown(q.answer)).replace("\n", " ")
        writer.writerow([front, back, f"mlops-handbook {q.topic} level-{q.level}"])
    return out.getvalue()
