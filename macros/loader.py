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

from .model import Bank, Glossary, KitFile
from .problems import CODES, BankError, Problem
from .yaml_source import Source, read_yaml

_TYPE_WORDS = {
    "string_type": "text", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping",
    "int_type": "a whole number", "date_type": "a date (YYYY-MM-DD)",
    "bool_type": "true or false",
}


def _read(path: str | Path, shown: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError([Problem(shown, 1, "QB001", f"cannot read the file: {exc}")]) from exc


def _raise_or_return(result, problems):
    if problems:
        raise BankError(problems)
    return result


def load_bank(path: str | Path, display_path: str | None = None) -> Bank:
    """Load and validate a bank file; raise BankError listing every problem."""
    shown = display_path or str(path)
    return _raise_or_return(*parse_bank(_read(path, shown), shown))


def load_kits(path: str | Path, bank: Bank, display_path: str | None = None) -> KitFile:
    shown = display_path or str(path)
    return _raise_or_return(*parse_kits(_read(path, shown), shown, bank))


def load_glossary(path: str | Path, display_path: str | None = None) -> Glossary:
    shown = display_path or str(path)
    return _raise_or_return(*parse_glossary(_read(path, shown), shown))


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


def _parse(text: str, shown: str, model, collection: str, id_key: str, expected: str, cross=None):
    """Shared path for every data file: YAML with lines, the model, then cross checks."""
    with _collector_paused():
        return _parse_collected(text, shown, model, collection, id_key, expected, cross)


def _parse_collected(text, shown, model, collection, id_key, expected, cross):
    source, problems = read_yaml(text, shown)
    if source is None:
        return None, problems
    data = source.data
    if not isinstance(data, dict):
        return None, problems + [Problem(shown, 1, "QB007", f"the file must be a mapping with {expected}")]
    validated = None
    try:
        validated = model.model_validate(data)  # validated once: the result is kept
    except ValidationError as exc:
        problems += [_from_pydantic(err, data, source, shown, collection, id_key) for err in exc.errors()]
    if cross is not None:
        problems += cross(data, source, shown)
    if problems:
        return None, sorted(set(problems))
    return validated, []


def parse_bank(text: str, shown: str) -> tuple[Bank | None, list[Problem]]:
    return _parse(text, shown, Bank, "questions", "id", "`topics`, `tags` and `questions`",
                  _cross_problems)


def parse_kits(text: str, shown: str, bank: Bank) -> tuple[KitFile | None, list[Problem]]:
    return _parse(text, shown, KitFile, "kits", "id", "`kits`",
                  lambda data, source, shown_: _kit_problems(data, source, shown_, bank))


def parse_glossary(text: str, shown: str) -> tuple[Glossary | None, list[Problem]]:
    return _parse(text, shown, Glossary, "terms", "term", "`terms`", _glossary_problems)


def _item_id(data: dict, loc: tuple, collection: str, id_key: str) -> str | None:
    if len(loc) >= 2 and loc[0] == collection and isinstance(loc[1], int):
        items = data.get(collection)
        if isinstance(items, list) and loc[1] < len(items):
            item = items[loc[1]]
            if isinstance(item, dict) and isinstance(item.get(id_key), str):
                return item[id_key]
    return None


def _from_pydantic(err: dict, data: dict, source: Source, shown: str,
                   collection: str = "questions", id_key: str = "id") -> Problem:
    # pydantic appends tags such as 'function-after[...]' or 'str' to union locations
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in str(p) and p not in ("str", "int", "date", "none"))
    kind, field = err["type"], next((p for p in reversed(loc) if isinstance(p, str)), "")
    line = source.line(loc)
    qid = _item_id(data, loc, collection, id_key)
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


def _kit_problems(data: dict, source: Source, shown: str, bank: Bank) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, kit in enumerate(_as_list(data.get("kits"))):
        if not isinstance(kit, dict):
            continue
        kid = kit.get("id") if isinstance(kit.get("id"), str) else None
        if kid in seen:
            problems.append(Problem(shown, source.line(("kits", i, "id")), "QB010",
                                    f"kit id '{kid}' is used twice", kid))
        if kid in RESERVED_KIT_IDS:
            problems.append(Problem(shown, source.line(("kits", i, "id")), "QB027",
                                    f"kit id '{kid}' is the address of a page of the site", kid))
        seen.add(kid)
        total = 0
        for k, step in enumerate(_as_list(kit.get("plan"))):
            if not isinstance(step, dict):
                continue
            qid = step.get("question")
            if isinstance(qid, str) and qid not in bank.by_id:
                hint = f" (now '{bank.aliases[qid]}')" if qid in bank.aliases else ""
                problems.append(Problem(shown, source.line(("kits", i, "plan", k, "question")), "QB025",
                                        f"question '{qid}' is not in the bank{hint}", kid))
            if isinstance(step.get("minutes"), int):
                total += step["minutes"]
        minutes = kit.get("minutes")
        if isinstance(minutes, int) and total and total != minutes:
            problems.append(Problem(shown, source.line(("kits", i, "minutes")), "QB026",
                                    f"the plan's steps add up to {total} minutes, not {minutes}", kid))
    return problems


# Kit pages live at kits/<id>/; these addresses belong to pages of their own.
RESERVED_KIT_IDS = frozenset({"my-kit", "index"})


def _glossary_problems(data: dict, source: Source, shown: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, term in enumerate(_as_list(data.get("terms"))):
        if not isinstance(term, dict):
            continue
        spellings = [("term", term.get("term"))] + [(("also", k), a) for k, a in enumerate(_as_list(term.get("also")))]
        for where, spelling in spellings:
            if not isinstance(spelling, str):
                continue
            path = ("terms", i) + (where if isinstance(where, tuple) else (where,))
            if spelling in seen:
                problems.append(Problem(shown, source.line(path), "QB010",
                                        f"'{spelling}' is already defined at line {seen[spelling]}",
                                        term.get("term") if isinstance(term.get("term"), str) else None))
            else:
                seen[spelling] = source.line(path)
    return problems
