"""The question bank's typed model. Knows nothing of YAML files or MkDocs.

Field checks raise errors whose type is a stable problem code (see problems.py), so the
loader can report them without guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

LEVELS = ("junior", "mid", "senior")
KINDS = ("concept", "experience", "practice")
SOURCE_RANGE = (1, 50)
# Most answers need no more than 350 words; senior scenarios may need up to 450.
ANSWER_WORDS = (150, 450)
SUMMARY_MAX_CHARS = 200
# How many items each list holds, as the content guide sets them: (fewest, most)
LISTEN_FOR_ITEMS = (3, 6)
RED_FLAG_ITEMS = (3, 5)
FOLLOW_UP_ITEMS = (3, 5)
TAG_ITEMS = (1, 16)
REFERENCE_ITEMS = (1, 3)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,/+()'&:-]*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
# Placeholders people leave behind. The acronyms are case-sensitive so that ordinary
# prose ("a todo list") is not refused.
_PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|(?i:lorem ipsum)")
_PLACEHOLDER_HINTS = ("TODO", "TBD", "FIXME", "XXX")


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("QB006", "text is empty")
    # substring tests first: the regex is six times slower, and almost no text needs it
    hinted = any(h in value for h in _PLACEHOLDER_HINTS) or "lorem" in value.lower()
    found = hinted and _PLACEHOLDER.search(value)
    if found:
        raise PydanticCustomError("QB018", "placeholder text '{found}'", {"found": found.group(0)})
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError("QB009", "'{value}' is not a slug (lowercase words joined by hyphens)",
                                  {"value": value})
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError("QB020", "'{value}' is not an absolute http(s) address", {"value": value})
    return value


def _summary(value: str) -> str:
    if len(value) > SUMMARY_MAX_CHARS:
        raise PydanticCustomError("QB023", "summary is {n} characters; keep it to {max} for link previews",
                                  {"n": len(value), "max": SUMMARY_MAX_CHARS})
    return value


def _answer(value: str) -> str:
    words = len(value.split())
    low, high = ANSWER_WORDS
    if not low <= words <= high:
        raise PydanticCustomError("QB016", "strong answer has {n} words; it needs {low} to {high}",
                                  {"n": words, "low": low, "high": high})
    return value


def _count(low: int, high: int, what: str):
    def check(items: list) -> list:
        if not low <= len(items) <= high:
            raise PydanticCustomError("QB017", "{n} {what}; give {low} to {high}",
                                      {"n": len(items), "what": what, "low": low, "high": high})
        return items
    return AfterValidator(check)


def _past(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise PydanticCustomError("QB022", "date {value} is in the future", {"value": str(value)})
    return value


def _positive(value: int, what: str) -> int:
    if value < 1:
        raise PydanticCustomError("QB007", "{what} must be a positive whole number", {"what": what})
    return value


def _source(value: int) -> int:
    low, high = SOURCE_RANGE
    if not low <= value <= high:
        raise PydanticCustomError("QB019", "source number {value} is outside {low} to {high}",
                                  {"value": value, "low": low, "high": high})
    return value


def _label(value: str) -> str:
    # Tag labels go into page front matter, search and tag chips, which Material prints
    # unescaped; keeping them to plain characters keeps every one of those safe.
    if not _LABEL.match(value):
        raise PydanticCustomError("QB007", "tag label '{value}' may hold only letters, digits, spaces "
                                  "and . , / + ( ) ' & : -", {"value": value})
    return value


# The JSON Schema (for editors) states what the validators check, where JSON Schema can.
Text = Annotated[str, AfterValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": _SLUG.pattern})]
Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "pattern": _URL.pattern})]


class _Strict(BaseModel):
    # strict: YAML's `no` must not become the string "False"; frozen: loaded once, shared
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FollowUp(_Strict):
    ask: Text
    good: Text


class Rating(_Strict):
    """What a Poor, Mixed, Good and Excellent answer to this one question sounds like: the
    anchors an interviewer scores against, printed on every scorecard."""

    poor: Text
    mixed: Text
    good: Text
    excellent: Text


class Reference(_Strict):
    title: Text
    url: Url | None = None


class Topic(_Strict):
    id: Slug
    title: Text
    summary: Text


class Question(_Strict):
    id: Slug
    aliases: list[Slug] = []
    source: Annotated[int, AfterValidator(_source)] | None = None
    question: Text
    topic: Slug
    level: Literal["junior", "mid", "senior"]
    kind: Literal["concept", "experience", "practice"]
    summary: Annotated[Text, AfterValidator(_summary)]
    listen_for: Annotated[list[Text], _count(*LISTEN_FOR_ITEMS, "signals to listen for")]
    answer: Annotated[Text, AfterValidator(_answer), Field(description="150 to 450 words of Markdown")]
    red_flags: Annotated[list[Text], _count(*RED_FLAG_ITEMS, "red flags")]
    follow_ups: Annotated[list[FollowUp], _count(*FOLLOW_UP_ITEMS, "follow-ups")]
    rating: Rating
    related: list[Slug] = []
    tags: Annotated[list[Slug], _count(*TAG_ITEMS, "tags")]
    references: Annotated[list[Reference], _count(*REFERENCE_ITEMS, "references")]
    reviewed: Annotated[dt.date, AfterValidator(_past)]


class Bank(_Strict):
    topics: Annotated[list[Topic], _count(1, 50, "topics")]
    # tag slug -> label shown to readers; tags used by questions must be declared here
    tags: dict[Slug, Annotated[Text, AfterValidator(_label)]]
    questions: list[Question]

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Former id -> current id."""
        return {a: q.id for q in self.questions for a in q.aliases}

    def topic(self, topic_id: str) -> Topic:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(f"no topic '{topic_id}' in the bank; topics are: "
                       + ", ".join(t.id for t in self.topics))

    def in_topic(self, topic_id: str) -> list[Question]:
        return [q for q in self.questions if q.topic == topic_id]

    def level_counts(self, topic_id: str) -> dict[str, int]:
        qs = self.in_topic(topic_id)
        return {level: sum(q.level == level for q in qs) for level in LEVELS}


class KitStep(_Strict):
    """One block of an interview plan: a question from the bank, or another activity."""

    minutes: Annotated[int, AfterValidator(lambda m: _positive(m, "minutes"))]
    question: Slug | None = None
    activity: Text | None = None

    @model_validator(mode="after")
    def _one_of(self) -> "KitStep":
        if (self.question is None) == (self.activity is None):
            raise PydanticCustomError("QB005", "give either `question` or `activity` for each step")
        return self


class Kit(_Strict):
    id: Slug
    title: Text
    minutes: Annotated[int, AfterValidator(lambda m: _positive(m, "minutes"))]
    levels: Annotated[list[Literal["junior", "mid", "senior"]], _count(1, 3, "levels")]
    summary: Annotated[Text, AfterValidator(_summary)]
    plan: Annotated[list[KitStep], _count(2, 30, "plan steps")]

    @property
    def questions(self) -> list[str]:
        return [s.question for s in self.plan if s.question]


class KitFile(_Strict):
    kits: Annotated[list[Kit], _count(1, 50, "kits")]


class Term(_Strict):
    term: Text
    # other spellings that should show the same tooltip (plural, capitalised, spelled out)
    also: list[Text] = []
    definition: Annotated[Text, AfterValidator(_summary)]


class Glossary(_Strict):
    terms: Annotated[list[Term], _count(1, 500, "terms")]

    def tooltips(self) -> dict[str, str]:
        """Every spelling -> its definition, for abbreviation tooltips."""
        return {spelling: t.definition for t in self.terms for spelling in [t.term, *t.also]}
