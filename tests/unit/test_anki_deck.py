"""The Anki package as export.anki_deck makes it, without MkDocs: stable bytes, stable ids,
and bank text kept as text."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from macros import export
from macros.loader import load_bank
from macros.model import Bank
from macros.site_files import MarkdownToHtml
from macros.text import escape_markdown

FIXTURE = Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml"
SITE = "https://example.org/handbook/"


@pytest.fixture()
def bank():
    return load_bank(FIXTURE)


def edited(bank: Bank, index: int, **changes) -> Bank:
    """The bank with one question changed (the model is frozen)."""
    questions = list(bank.questions)
    questions[index] = questions[index].model_copy(update=changes)
    return Bank.model_construct(topics=bank.topics, tags=bank.tags, questions=questions)


def deck(bank) -> bytes:
    to_html = MarkdownToHtml()
    return export.anki_deck(bank, SITE, lambda q: to_html(escape_markdown(q.answer)), to_html)


def rows(apkg: bytes, sql: str) -> list[tuple]:
    with zipfile.ZipFile(io.BytesIO(apkg)) as z:
        data = z.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    return db.execute(sql).fetchall()


def test_two_builds_of_one_bank_are_the_same_bytes(bank):
    assert deck(bank) == deck(bank)


def test_zip_entries_carry_the_banks_date_not_the_clock(bank):
    latest = max(q.reviewed for q in bank.questions)
    with zipfile.ZipFile(io.BytesIO(deck(bank))) as z:
        assert {info.date_time[:3] for info in z.infolist()} == {(latest.year, latest.month, latest.day)}


def test_a_later_review_moves_the_notes_modification_time_and_keeps_their_guids(bank):
    first = deck(bank)
    dates = [q.reviewed for q in bank.questions]
    oldest = dates.index(min(dates))
    assert min(dates) < max(dates)
    older = edited(bank, oldest, reviewed=date(2000, 1, 1))  # the bank's latest date is unchanged
    assert rows(deck(older), "SELECT guid, mod FROM notes") == rows(first, "SELECT guid, mod FROM notes")
    later = deck(edited(bank, oldest, reviewed=max(q.reviewed for q in bank.questions).replace(year=2099)))
    assert [g for g, _ in rows(later, "SELECT guid, mod FROM notes")] == \
        [g for g, _ in rows(first, "SELECT guid, mod FROM notes")]
    assert min(m for _, m in rows(later, "SELECT guid, mod FROM notes")) > \
        max(m for _, m in rows(first, "SELECT guid, mod FROM notes"))


def test_guid_and_deck_id_come_from_the_id_and_the_name_alone():
    assert export.note_guid("canary-deployment") == export.note_guid("canary-deployment")
    assert export.note_guid("canary-deployment") != export.note_guid("shadow-deployment")
    assert export.deck_id() == export.deck_id(export.DECK_NAME)
    assert export.deck_id("Another deck") != export.deck_id()
    for name in (export.DECK_NAME, "Another deck", ""):
        assert 1 << 30 <= export.deck_id(name) < 1 << 31


def test_bank_html_and_template_syntax_stay_text_on_the_card(bank):
    bank = edited(bank, 0, question="Is <b>this</b> {{Answer}} bold?")
    flds = dict(rows(deck(bank), "SELECT guid, flds FROM notes"))[export.note_guid(bank.questions[0].id)]
    front = flds.split("\x1f")[0]
    assert "<b>" not in front and "&lt;b&gt;" in front
    assert "{{" not in front
