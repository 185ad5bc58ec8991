"""What a question's search index holds beyond its page's words: the other spellings of the
terms it uses (data/glossary.yaml, data/search-synonyms.yaml) and the labels readers give
its kind of question. Pure functions: no files but the synonyms list, no MkDocs.

The spellings are found by whole words, case-insensitively, and kept with the weight of
the part of the entry that named them, so a question whose title says "Kubernetes" ranks
for "k8s" as it ranks for "Kubernetes".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Bank, Glossary, Question

SYNONYMS_FILE = Path("data") / "search-synonyms.yaml"
KINDS = ("concept", "experience", "practice")

# The search weight of each part of an entry (Pagefind's data-pagefind-weight: the impact
# of a word grows with the square of its weight). Red flags and follow-ups keep weight 1.
QUESTION_WEIGHT = 7.0  # the question and its tags (Pagefind gives an h1 7 by default)
SUMMARY_WEIGHT = 4.0  # the summary and listen-for
ANSWER_WEIGHT = 2.0  # the strong answer
OTHER_WEIGHT = 1.0  # red flags and follow-ups
KIND_WEIGHT = 2.0  # "STAR" and the like, for every question of a kind

_NOT_WORD = re.compile(r"[^a-z0-9/+.-]+")


def normalise(text: str) -> str:
    """Lower case, words separated by single spaces, with a space at each end."""
    words = _NOT_WORD.sub(" ", text.lower()).split()
    return " " + " ".join(w.strip(".-") for w in words if w.strip(".-")) + " "


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = ()
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)


def parse_synonyms(text: str, shown: str = SYNONYMS_FILE.as_posix()) -> Synonyms:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or set(data) - {"groups", "kinds"}:
        raise ValueError(f"{shown}: expected the keys `groups` and `kinds` only")
    groups = data.get("groups") or []
    kinds = data.get("kinds") or {}
    for n, group in enumerate(groups, start=1):
        if not (isinstance(group, list) and len(group) >= 2
                and all(isinstance(s, str) and s.strip() for s in group)):
            raise ValueError(f"{shown}: group {n} must list two or more spellings")
    for kind, labels in kinds.items():
        if kind not in KINDS or not (isinstance(labels, list) and all(isinstance(s, str) and s.strip() for s in labels)):
            raise ValueError(f"{shown}: kinds.{kind} must be one of {', '.join(KINDS)} with a list of labels")
    return Synonyms(tuple(tuple(g) for g in groups), {k: tuple(v) for k, v in kinds.items()})


def load_synonyms(project: Path) -> Synonyms:
    path = project / SYNONYMS_FILE
    return parse_synonyms(path.read_text(encoding="utf-8")) if path.exists() else Synonyms()


class Spellings:
    """Every group of spellings of one thing: the glossary's terms and the synonyms list."""

    def __init__(self, glossary: Glossary | None, synonyms: Synonyms):
        groups = [(t.term, *t.also) for t in (glossary.terms if glossary else [])] + list(synonyms.groups)
        self.groups = [tuple(dict.fromkeys(normalise(s).strip() for s in g if normalise(s).strip()))
                       for g in groups]
        self.kinds = synonyms.kinds

    def others(self, text: str) -> list[str]:
        """The spellings of every group that `text` names, that `text` does not hold."""
        found = normalise(text)
        out: list[str] = []
        for group in self.groups:
            present = [s for s in group if f" {s} " in found]
            if present:
                out += [s for s in group if s not in present and s not in out]
        return out


def index_terms(q: Question, bank: Bank, spellings: Spellings) -> list[tuple[float, str]]:
    """(weight, text) blocks for the index only: the tags, then the other spellings of what
    each part of the entry names, at that part's weight, then the kind's labels."""
    tags = [bank.tags[t] for t in q.tags]
    parts = [
        (QUESTION_WEIGHT, " ".join([q.question, *tags])),
        (SUMMARY_WEIGHT, " ".join([q.summary, *q.listen_for])),
        (ANSWER_WEIGHT, q.answer),
        (OTHER_WEIGHT, " ".join([*q.red_flags, *(f"{f.ask} {f.good}" for f in q.follow_ups)])),
    ]
    blocks = [(QUESTION_WEIGHT, " · ".join(tags))] if tags else []
    seen: set[str] = set()
    for weight, text in parts:
        new = [s for s in spellings.others(text) if s not in seen]
        seen.update(new)
        if new:
            blocks.append((weight, " · ".join(new)))
    labels = spellings.kinds.get(q.kind, ())
    if labels:
        blocks.append((KIND_WEIGHT, " · ".join(labels)))
    return blocks
