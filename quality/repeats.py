"""Find text that one bank entry repeats from another, so that each point has one owner.

Two checks over every prose field (summary, listen_for, answer, red_flags, follow_ups,
rating), between entries, never within one:

- **runs**: 8 or more identical words in a row, after lowercasing and dropping
  punctuation, except inside deliberate boilerplate on the allow list;
- **near-repeats**: two sentences that make the same claim in other words. Each sentence
  becomes a set of light stems of its content words; words are weighted by how rare they
  are across the bank's sentences, so that "model", "latency" and "production" count for
  little and "TreeSHAP", "1k" or "alias" for a lot. A pair is flagged when the shared
  words carry most of the weight of both sentences (a weighted Dice score), with a
  lower bar when the two also share a distinctive set of numbers and names. Words seen
  only inside parentheses (lists of example tools) count half.

Pure functions over plain data: no MkDocs, no pydantic model, so the raw YAML (with its
line numbers) is all it needs.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any, Iterable

RUN_WORDS = 8
# Calibrated on the bank (see tests/unit/test_bank_repeats.py): the pairs these let
# through share only a topic's vocabulary, not a claim.
NEAR_SCORE = 0.60           # weighted Dice of the two sentences' content words
NEAR_SCORE_DISTINCT = 0.58  # the bar when the pair also shares distinctive tokens
ASIDE_WEIGHT = 0.5          # words only inside parentheses: examples, not the claim
DISTINCT_SHARED = 3         # how many numbers and names make a pair distinctive
MIN_SHARED_STEMS = 6        # fewer shared words than this is too little to be a claim
MIN_STEMS = 6               # shorter sentences are labels, not claims
# A word in more sentences than this share is topic vocabulary: it adds weight to a
# pair but does not make two sentences candidates by itself.
CANDIDATE_DF_SHARE = 0.04

FIELDS = ("summary", "listen_for", "answer", "red_flags", "follow_ups", "rating")
RATING_LEVELS = ("poor", "mixed", "good", "excellent")

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")
_INNER_CAPITAL = re.compile(r".[A-Z]")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*")
# a sentence ends at . ! ? followed by space and a capital, a digit or Markdown; lists
# and paragraphs end at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9`*(\"'])|\n+")
_ABBREVIATION = re.compile(r"(?:\be\.g|\bi\.e|\bet al|\bvs|\bcf|\bNo|\bDr|\bSt)\.$")

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could did do does doing done down
during each either else even ever every few for from further get gets got had has have
having he her here hers him his how however i if in into is isn't it it's its itself just
least less let like made make makes many may me might more most much must my no nor not now
of off often on once one only or other others our ours out over own per rather same say says
she should since so some such than that that's the their theirs them then there these they
this those though through thus to too under until up upon us use used uses using very via
was we well were what when where whether which while who whom whose why will with within
without would yet you your yours e.g i.e etc
""".split())


@dataclass(frozen=True)
class Passage:
    """One prose value of one entry: the answer, a red flag, a follow-up's `good`..."""

    entry: str
    field: str
    text: str
    line: int
    # a literal block (`|`) keeps its line breaks, so a line inside it can be computed
    literal: bool = False

    def line_at(self, offset: int) -> int:
        return self.line + (self.text.count("\n", 0, offset) if self.literal else 0)


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    text: str
    line: int
    stems: frozenset[str]
    distinct: frozenset[str]
    # stems seen only inside parentheses: lists of examples, which count half
    aside: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Repeat:
    kind: str  # "run" or "near"
    first: tuple[str, str, int, str]  # entry, field, line, text
    second: tuple[str, str, int, str]
    shared: str
    score: float = 1.0

    @property
    def entries(self) -> frozenset[str]:
        return frozenset((self.first[0], self.second[0]))

    def message(self, path: str) -> str:
        what = ("repeats a run of words" if self.kind == "run"
                else f"repeats a claim in other words (score {self.score:.2f})")
        (e1, f1, l1, t1), (e2, f2, l2, t2) = self.first, self.second
        return (f"{path}:{l1}: '{e1}' ({f1}) {what} of '{e2}' ({f2}) at {path}:{l2}\n"
                f"    shared: {self.shared}\n    {e1}: {t1}\n    {e2}: {t2}")


# --- reading the bank -------------------------------------------------------------------

def passages(data: Any, line_of, file_lines: list[str]) -> list[Passage]:
    """Every prose value of every question in raw bank data. line_of(path) gives the line
    of a value (yaml_source.Source.line); file_lines tells literal blocks apart."""
    out: list[Passage] = []
    questions = data.get("questions") if isinstance(data, dict) else None
    for i, q in enumerate(questions if isinstance(questions, list) else []):
        if not isinstance(q, dict) or not isinstance(q.get("id"), str):
            continue
        for path, name, text in _prose(q):
            line = line_of(("questions", i) + path)
            key_line = file_lines[line - 1].rstrip() if 0 < line <= len(file_lines) else ""
            literal = bool(re.search(r":\s*\|[-+0-9]*$", key_line))
            out.append(Passage(q["id"], name, text, line + 1 if literal else line, literal))
    return out


def _prose(q: dict) -> Iterable[tuple[tuple, str, str]]:
    for field in FIELDS:
        value = q.get(field)
        if isinstance(value, str):
            yield (field,), field, value
        elif isinstance(value, list):
            for k, item in enumerate(value):
                if isinstance(item, str):
                    yield (field, k), f"{field}[{k}]", item
                elif isinstance(item, dict):
                    for part in ("ask", "good"):
                        if isinstance(item.get(part), str):
                            yield (field, k, part), f"{field}[{k}].{part}", item[part]
        elif isinstance(value, dict):
            for level in RATING_LEVELS:
                if isinstance(value.get(level), str):
                    yield (field, level), f"{field}.{level}", value[level]


def read_allow_list(text: str) -> list[str]:
    """One phrase a line; blank lines and lines starting with # are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


# --- runs of identical words -------------------------------------------------------------

def words(text: str) -> list[tuple[str, int]]:
    """Lowercased words without punctuation, each with its offset in text."""
    low = text.lower()
    if "'" in low or "’" in low:
        return [(m.group().replace("'", "").replace("’", ""), m.start()) for m in _WORD.finditer(low)]
    return [(m.group(), m.start()) for m in _WORD.finditer(low)]


def _covered(tokens: list[str], allowed: list[list[str]]) -> set[int]:
    covered: set[int] = set()
    for phrase in allowed:
        n = len(phrase)
        for start in range(len(tokens) - n + 1):
            if tokens[start:start + n] == phrase:
                covered.update(range(start, start + n))
    return covered


def runs(items: list[Passage], allowed: Iterable[str] = (), n: int = RUN_WORDS) -> list[Repeat]:
    """Every maximal run of n or more identical words shared by passages of two entries."""
    allowed_tokens = [[w for w, _ in words(p)] for p in allowed]
    allowed_tokens = [p for p in allowed_tokens if p]
    tokenised = []
    seen: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for index, passage in enumerate(items):
        toks = words(passage.text)
        tokens = [w for w, _ in toks]
        tokenised.append(toks)
        covered = _covered(tokens, allowed_tokens) if allowed_tokens else set()
        for start in range(len(tokens) - n + 1):
            # boilerplate breaks a run: the words on either side must repeat on their own
            if covered and any(k in covered for k in range(start, start + n)):
                continue
            seen[tuple(tokens[start:start + n])].append((index, start))
    starts: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for hits in seen.values():
        if len(hits) < 2:
            continue
        for (i, si), (j, sj) in combinations(hits, 2):
            if items[i].entry != items[j].entry:
                key = (i, j) if i < j else (j, i)
                starts[key].add((si, sj) if i < j else (sj, si))
    found = []
    for (i, j), pairs in sorted(starts.items()):
        for si, sj in sorted(pairs):
            if (si - 1, sj - 1) in pairs:
                continue  # inside a longer run reported from its start
            length = n
            while (si + length - n + 1, sj + length - n + 1) in pairs:
                length += 1
            a, b = tokenised[i], tokenised[j]
            shared = " ".join(w for w, _ in a[si:si + length])
            found.append(Repeat("run", _where(items[i], a[si][1], length, a, si),
                                _where(items[j], b[sj][1], length, b, sj), shared))
    return found


def _where(p: Passage, offset: int, length: int, toks, start) -> tuple[str, str, int, str]:
    end = toks[min(start + length, len(toks)) - 1]
    # the original words, with their capitals and punctuation, up to the run's last word
    last = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z0-9]+)*").match(p.text, end[1])
    return p.entry, p.field, p.line_at(offset), p.text[offset:last.end() if last else end[1]]


# --- near-repeats --------------------------------------------------------------------------

@lru_cache(maxsize=None)
def stem(word: str) -> str:
    """A light stemmer: enough that 'rolls', 'rolled' and 'rolling' meet, no more."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or _DIGIT.search(w):
        return w
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"),
                         ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + keep
            break
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def split_sentences(p: Passage) -> list[tuple[str, int]]:
    """Sentences of a passage with their offsets; list items and lines are sentences too."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(p.text):
        if "\n" not in m.group() and _ABBREVIATION.search(p.text[start:m.start()]):
            continue  # "e.g. Feast" does not end a sentence
        out.append((p.text[start:m.start()], start))
        start = m.end()
    out.append((p.text[start:], start))
    return [(s.strip(), off + len(s) - len(s.lstrip())) for s, off in out if s.strip()]


def _boilerplate(allowed: Iterable[str]) -> re.Pattern | None:
    """A pattern for the allowed phrases with any punctuation between their words."""
    parts = [r"[^A-Za-z0-9]+".join(re.escape(w) for w, _ in words(a)) for a in allowed]
    parts = [p for p in parts if p]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def sentence(p: Passage, text: str, offset: int, boilerplate: re.Pattern | None = None) -> Sentence:
    plain = re.sub(r"[*_`#>|]", " ", text)
    if boilerplate is not None:
        plain = boilerplate.sub(" ", plain)
    stems, distinct, inside, outside = set(), set(), set(), set()
    depth_at = _depths(plain)
    for k, m in enumerate(_TOKEN.finditer(plain)):
        token = m.group()
        low = token.lower()
        if low in STOP_WORDS or (len(low) == 1 and not low.isdigit()):
            continue
        stemmed = stem(low)
        stems.add(stemmed)
        (inside if depth_at[m.start()] else outside).add(stemmed)
        # distinctive: a number of two characters or more ("1k", "99", "0.05"); a name, that
        # is an acronym or camel-case word, or a capitalised word inside a sentence
        if ((len(token) > 1 and _DIGIT.search(token)) or (k > 0 and token[0].isupper())
                or _INNER_CAPITAL.search(token)):
            distinct.add(stemmed)
    return Sentence(p, text, p.line_at(offset), frozenset(stems), frozenset(distinct),
                    frozenset(inside - outside))


def _depths(text: str) -> list[int]:
    depth, out = 0, []
    for c in text:
        if c == "(":
            depth += 1
        out.append(depth)
        if c == ")" and depth:
            depth -= 1
    return out


def near_repeats(items: list[Passage], allowed: Iterable[str] = ()) -> list[Repeat]:
    """Pairs of sentences from two entries that share most of their weighted content."""
    boilerplate = _boilerplate(allowed)
    sentences = []
    for p in items:
        for text, offset in split_sentences(p):
            s = sentence(p, text, offset, boilerplate)
            if len(s.stems) >= MIN_STEMS:
                sentences.append(s)
    if not sentences:
        return []
    df: dict[str, int] = defaultdict(int)
    for s in sentences:
        for w in s.stems:
            df[w] += 1
    total = len(sentences)
    weight = {w: math.log(total / d) for w, d in df.items()}
    cap = max(2, int(CANDIDATE_DF_SHARE * total))
    # Candidates share at least two rare words. Sets of sentences as integer bit masks
    # find them without visiting every pair: for 3,000 sentences that is 4.5 million.
    masks: dict[str, int] = defaultdict(int)
    entry_masks: dict[str, int] = defaultdict(int)
    for index, s in enumerate(sentences):
        bit = 1 << index
        entry_masks[s.passage.entry] |= bit
        for w in s.stems:
            if df[w] <= cap:
                masks[w] |= bit
    def weigh(s: Sentence, w: str) -> float:
        return weight[w] * (ASIDE_WEIGHT if w in s.aside else 1.0)

    sums = [sum(weigh(s, w) for w in s.stems) for s in sentences]
    found = []
    for i, a in enumerate(sentences):
        once = twice = 0
        for w in a.stems:
            m = masks.get(w)
            if m:
                twice |= once & m
                once |= m
        twice &= ~((1 << (i + 1)) - 1) & ~entry_masks[a.passage.entry]
        while twice:
            low = twice & -twice
            twice ^= low
            j = low.bit_length() - 1
            b = sentences[j]
            shared = a.stems & b.stems
            if len(shared) < MIN_SHARED_STEMS:
                continue
            # weighted Dice: both sentences must be mostly the shared claim, so a short
            # sentence inside a long one on the same subject does not count
            score = sum(weigh(a, w) + weigh(b, w) for w in shared) / (sums[i] + sums[j])
            distinct = a.distinct & b.distinct
            bar = NEAR_SCORE_DISTINCT if len(distinct) >= DISTINCT_SHARED else NEAR_SCORE
            if score >= bar:
                found.append(Repeat("near", _said(a), _said(b), ", ".join(sorted(shared)), round(score, 3)))
    return sorted(found, key=lambda r: (-r.score, r.first, r.second))


def _said(s: Sentence) -> tuple[str, str, int, str]:
    return s.passage.entry, s.passage.field, s.line, s.text


def repeats(items: list[Passage], allowed: Iterable[str] = ()) -> list[Repeat]:
    """Runs first, then near-repeats that no run between the same two entries explains."""
    allowed = list(allowed)
    found_runs = runs(items, allowed)
    run_sentences = {(r.first[0], r.first[2], r.second[0], r.second[2]) for r in found_runs}
    near = [r for r in near_repeats(items, allowed)
            if (r.first[0], r.first[2], r.second[0], r.second[2]) not in run_sentences]
    return found_runs + near
