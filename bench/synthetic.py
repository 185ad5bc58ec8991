"""Synthetic question banks of any size, shaped like the real one, that pass the real loader.

Question i copies the shape of real question i mod 60: its topic, level and kind, how many
words its answer, question and summary hold, how many paragraphs and list items, signals,
red flags, follow-ups, related questions and references, and the same tags. Its words are
drawn from that real question's own text, as often as they occur there: a bank of 600 reads
like ten rewordings of each real question. So page and index sizes are those of a real bank
of that size, and a query matches the same share of the bank as in the real one (words
drawn from the whole bank would spread every topic's terms over every question, and make
each query match half the bank).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from macros.loader import load_bank
from macros.model import (ANSWER_WORDS, FOLLOW_UP_ITEMS, LISTEN_FOR_ITEMS, RED_FLAG_ITEMS,
                          REFERENCE_ITEMS, SUMMARY_MAX_CHARS, TAG_ITEMS, Bank, Question)

REAL_BANK = Path(__file__).resolve().parents[1] / "data" / "questions.yaml"
ALIAS_EVERY = 50  # one question in 50 has been renamed once, so redirect pages are built too

_MARKUP = str.maketrans("", "", "*`[]()#|>\"")
_WORD = re.compile(r"^[a-z]{3,}$")


def vocabulary(q: Question) -> list[str]:
    """Every word of a question's prose, repeated as often as it occurs there."""
    texts = (q.answer, q.summary, *q.listen_for, *q.red_flags,
             *(f.ask for f in q.follow_ups), *(f.good for f in q.follow_ups),
             q.rating.poor, q.rating.mixed, q.rating.good, q.rating.excellent)
    words = [w.translate(_MARKUP).strip(".,;:!?") for text in texts for w in text.split()]
    return [w for w in words if w[:1].isalpha() and "http" not in w]


def _clamp(value: int, limits: tuple[int, int]) -> int:
    return max(limits[0], min(limits[1], value))


def _words(text: str) -> int:
    return len(text.split())


def _cycle(items: list, limits: tuple[int, int]) -> list:
    """As many items as the template has, within the model's limits."""
    count = _clamp(len(items), limits)
    return [items[k % len(items)] for k in range(count)]


def _paragraph_count(answer: str) -> int:
    return len([p for p in answer.split("\n\n") if p.strip()])


class _Writer:
    def __init__(self, slug_words: list[str], rng: random.Random):
        self.words: list[str] = []  # the current template's vocabulary
        self.slug_words = slug_words
        self.rng = rng

    def words_of(self, n: int) -> list[str]:
        return self.rng.choices(self.words, k=max(1, n))

    def sentence(self, n: int, end: str = ".") -> str:
        words = self.words_of(n)
        first = words[0]
        return " ".join([first[0].upper() + first[1:], *words[1:]]) + end

    def prose(self, n: int) -> str:
        """n words as sentences of 8 to 22 words."""
        sentences, left = [], n
        while left > 0:
            size = min(left, self.rng.randint(8, 22))
            if 0 < left - size < 4:  # no stub sentence at the end
                size = left
            sentences.append(self.sentence(size))
            left -= size
        return " ".join(sentences)

    def chars(self, n: int, limit: int) -> str:
        """A sentence of about n characters, never more than limit."""
        text = self.sentence(max(3, n // 7))
        while len(text) > limit:
            text = " ".join(text.split()[:-1]).rstrip(".") + "."
        return text

    def slug(self, i: int) -> str:
        return "-".join(self.rng.sample(self.slug_words, 3) + [str(i)])

    def answer(self, words: int, paragraphs: int, with_list: bool, with_code: bool) -> str:
        """Exactly `words` words as str.split() counts them, list markers included."""
        paragraphs = max(2, paragraphs)
        items = 3 if with_list else 0  # one paragraph becomes a list of three items
        blocks = paragraphs - (1 if with_list else 0)
        prose_words = words - items  # each "- " marker counts as a word
        sizes = [prose_words // (blocks + items)] * (blocks + items)
        sizes[0] += prose_words - sum(sizes)
        parts = [self.prose(s) for s in sizes]
        if with_code:
            code = "`" + "_".join(self.rng.sample(self.slug_words, 2)) + "`"
            head, _, tail = parts[-1].partition(" ")
            parts[-1] = f"{head} {code} {' '.join(tail.split()[1:])}".rstrip()
        blocks_text = parts[:blocks]
        if with_list:
            listed = "\n".join(f"- {p}" for p in parts[blocks:])
            blocks_text.insert(min(1, len(blocks_text)), listed)
        return "\n\n".join(blocks_text) + "\n"


def synthetic_questions(n: int, seed: int = 8, real: Bank | None = None) -> list[dict]:
    real = real or load_bank(REAL_BANK)
    rng = random.Random(seed)
    words = {q.id: vocabulary(q) for q in real.questions}
    writer = _Writer(sorted({w.lower() for ws in words.values() for w in ws if _WORD.match(w.lower())}), rng)
    templates = [real.questions[i % len(real.questions)] for i in range(n)]
    # The first pass keeps the real ids, so kits and pages that name a question still work.
    ids = [t.id if i < len(real.questions) else writer.slug(i) for i, t in enumerate(templates)]
    by_topic: dict[str, list[str]] = {}
    for qid, t in zip(ids, templates):
        by_topic.setdefault(t.topic, []).append(qid)

    questions = []
    for i, (qid, t) in enumerate(zip(ids, templates)):
        writer.words = words[t.id]
        questions.append(_question(i, qid, t, writer, rng, by_topic[t.topic]))
    topic_order = [topic.id for topic in real.topics]
    questions.sort(key=lambda q: topic_order.index(q["topic"]))  # the bank lists questions by topic
    return questions


def _question(i: int, qid: str, t: Question, writer: _Writer, rng: random.Random,
              same_topic: list[str]) -> dict:
    answer_words = _clamp(_words(t.answer), ANSWER_WORDS)
    peers = [other for other in same_topic if other != qid]
    q: dict = {"id": qid}
    if i % ALIAS_EVERY == ALIAS_EVERY - 1:
        q["aliases"] = [f"{qid}-old"]
    if t.source is not None and i < 50:
        q["source"] = t.source  # the first pass over the real bank reuses its numbers once
    q.update({
        "question": writer.sentence(_words(t.question), end="?"),
        "topic": t.topic,
        "level": t.level,
        "kind": t.kind,
        "summary": writer.chars(len(t.summary), SUMMARY_MAX_CHARS),
        "listen_for": [writer.sentence(_words(s)) for s in _cycle(t.listen_for, LISTEN_FOR_ITEMS)],
        "answer": writer.answer(answer_words, _paragraph_count(t.answer),
                                with_list="\n- " in t.answer or "\n1. " in t.answer,
                                with_code="`" in t.answer),
        "red_flags": [writer.sentence(_words(s)) for s in _cycle(t.red_flags, RED_FLAG_ITEMS)],
        "follow_ups": [{"ask": writer.sentence(_words(f.ask), end="?"), "good": writer.sentence(_words(f.good))}
                       for f in _cycle(t.follow_ups, FOLLOW_UP_ITEMS)],
        "rating": {level: writer.sentence(_words(getattr(t.rating, level)))
                   for level in ("poor", "mixed", "good", "excellent")},
        "related": rng.sample(peers, min(len(t.related), len(peers))),
        "tags": list(t.tags[:TAG_ITEMS[1]]),
        "references": [{"title": writer.chars(len(r.title), 200), "url": f"https://example.org/reading/{qid}/{k}"}
                       for k, r in enumerate(_cycle(t.references, REFERENCE_ITEMS))],
        "reviewed": t.reviewed,
    })
    return q


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str):
    # multi-line answers as literal blocks, the way the real bank writes them
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def synthetic_bank(n: int, seed: int = 8, source: Path = REAL_BANK) -> str:
    """The YAML text of a valid bank of n questions with the real bank's topics and tags.
    The first len(real) questions keep the real ids, so the real kits, and the pages that
    link a question by its id, build against it: n may not be smaller."""
    real = load_bank(source)
    if n < len(real.questions):
        raise ValueError(f"A synthetic bank needs at least {len(real.questions)} questions, one per real "
                         "question, so that every kit step and page link has its question")
    data = {"topics": [t.model_dump() for t in real.topics], "tags": dict(real.tags),
            "questions": synthetic_questions(n, seed, real)}
    header = f"# Synthetic bank of {n} questions for the benchmark (bench/synthetic.py, seed {seed}).\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def synthetic_data(n: int, seed: int = 8) -> dict[str, str]:
    """The data files of a synthetic project: its bank; the real kits and glossary stay."""
    return {"questions.yaml": synthetic_bank(n, seed)}
