"""Turn the bank's YAML into a validated Bank, or into every problem it has.

This is the one place the bank is validated: the `check` command, the MkDocs hook and
the macros all come through here.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .model import Bank
from .problems import CODES, BankError, Problem
from .yaml_source import Source, read_yaml

_TYPE_WORDS = {
    "string_type": "text", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping",
    "int_type": "a whole number", "date_type": "a date (YYYY-MM-DD)",
    "bool_type": "true or false",
}


def load_bank(path: str | Path, display_path: str | None = None) -> Bank:
    """Load and validate a bank file; raise BankError listing every problem."""
    path = Path(path)
    shown = display_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError([Problem(shown, 1, "QB001", f"cannot read the bank: {exc}")]) from exc
    bank, problems = parse_bank(text, shown)
    if problems:
        raise BankError(problems)
    assert bank is not None
    return bank


@contextmanager
def _collector_paused():
    """Reading a bank makes millions of objects that live on, none of them in a cycle. The
    cyclic collector would scan them over and over while they are made: with it paused,
    6,000 questions parse in a fifth of the time. Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_bank(text: str, shown: str) -> tuple[Bank | None, list[Problem]]:
    with _collector_paused():
        return _parse_bank(text, shown)


def _parse_bank(text: str, shown: str) -> tuple[Bank | None, list[Problem]]:
    source, problems = read_yaml(text, shown)
    if source is None:
        return None, problems
    data = source.data
    if not isinstance(data, dict):
        return None, problems + [Problem(shown, 1, "QB007", "the bank must be a mapping with "
                                         "`topics`, `tags` and `questions`")]
    bank, schema_problems = _validate(data, source, shown)
    problems += schema_problems
    problems += _cross_problems(data, source, shown)
    if problems:
        return None, sorted(set(problems))
    return bank, []


def _qid(data: dict, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        questions = data.get("questions")
        if isinstance(questions, list) and loc[1] < len(questions):
            item = questions[loc[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"]
    return None


def _validate(data: dict, source: Source, shown: str) -> tuple[Bank | None, list[Problem]]:
    """The bank, validated once, or the schema's problems."""
    try:
        return Bank.model_validate(data), []
    except ValidationError as exc:
        return None, [_from_pydantic(err, data, source, shown) for err in exc.errors()]


def _from_pydantic(err: dict, data: dict, source: Source, shown: str) -> Problem:
    # pydantic appends tags such as 'function-after[...]' or 'str' to union locations
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in str(p) and p not in ("str", "int", "date", "none"))
    kind, field = err["type"], next((p for p in reversed(loc) if isinstance(p, str)), "")
    line = source.line(loc)
    qid = _qid(data, loc)
    value = err.get("input")
    if kind in CODES:
        code, message = kind, f"{field}: {err['msg']}"
    elif kind == "extra_forbidden":
        code, message = "QB004", f"unknown field '{loc[-1]}'"
    elif kind == "missing":
        code, message = "QB005", f"missing field '{loc[-1]}'"
    elif tuple(loc) in source.implicit and not (field == "reviewed" and isinstance(value, dt.date)):
        raw = source.implicit[tuple(loc)]
        code = "QB008"
        message = f"{field}: YAML 1.1 reads unquoted {raw!r} as the {type(value).__name__} {value!r}"
    elif kind == "literal_error" and field == "level":
        code, message = "QB014", f"level {value!r} is not allowed"
    elif kind == "literal_error" and field == "kind":
        code, message = "QB015", f"kind {value!r} is not allowed"
    elif kind in _TYPE_WORDS:
        code, message = "QB007", f"{field or 'value'}: expected {_TYPE_WORDS[kind]}, found {type(value).__name__}"
    else:
        code, message = "QB007", f"{field or 'value'}: {err['msg']}"
    return Problem(shown, line, code, message, qid)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _cross_problems(data: dict, source: Source, shown: str) -> list[Problem]:
    """Checks that span entries. They read the raw data, so they still run, and report,
    when some entries failed the schema."""
    problems: list[Problem] = []
    questions = [(i, q) for i, q in enumerate(_as_list(data.get("questions"))) if isinstance(q, dict)]
    topics = {t.get("id") for t in _as_list(data.get("topics")) if isinstance(t, dict)}
    tags = set(data.get("tags") or {}) if isinstance(data.get("tags"), dict) else set()

    def at(i: int, *rest: Any) -> int:
        return source.line(("questions", i) + rest)

    owners: dict[str, tuple[str, int]] = {}  # id or alias -> ("id"|"alias", index)
    for i, q in questions:
        qid = q.get("id") if isinstance(q.get("id"), str) else None
        if qid:
            if qid in owners:
                what, _ = owners[qid]
                code = "QB010" if what == "id" else "QB011"
                problems.append(Problem(shown, at(i, "id"), code,
                                        f"id '{qid}' is already used as an {what}", qid))
            else:
                owners[qid] = ("id", i)
        for k, alias in enumerate(_as_list(q.get("aliases"))):
            if isinstance(alias, str):
                if alias in owners:
                    problems.append(Problem(shown, at(i, "aliases", k), "QB011",
                                            f"alias '{alias}' is already used as an {owners[alias][0]}", qid))
                else:
                    owners[alias] = ("alias", i)
    ids = {q["id"] for _, q in questions if isinstance(q.get("id"), str)}

    sources = Counter(q.get("source") for _, q in questions if isinstance(q.get("source"), int))
    seen_source: set[int] = set()
    for i, q in questions:
        qid = q.get("id") if isinstance(q.get("id"), str) else None
        topic = q.get("topic")
        if isinstance(topic, str) and topic not in topics:
            problems.append(Problem(shown, at(i, "topic"), "QB012", f"unknown topic '{topic}'", qid))
        for k, rel in enumerate(_as_list(q.get("related"))):
            if not isinstance(rel, str):
                continue
            if rel == qid:
                problems.append(Problem(shown, at(i, "related", k), "QB021",
                                        f"'{rel}' lists itself as related", qid))
            elif rel not in ids:
                problems.append(Problem(shown, at(i, "related", k), "QB013",
                                        f"related id '{rel}' is not a question in the bank", qid))
        for k, tag in enumerate(_as_list(q.get("tags"))):
            if isinstance(tag, str) and tag not in tags:
                problems.append(Problem(shown, at(i, "tags", k), "QB024",
                                        f"tag '{tag}' is not declared under `tags:`", qid))
        src = q.get("source")
        if isinstance(src, int) and not isinstance(src, bool) and sources[src] > 1:
            if src in seen_source:
                problems.append(Problem(shown, at(i, "source"), "QB019",
                                        f"source number {src} is used by more than one question", qid))
            seen_source.add(src)
    return problems
