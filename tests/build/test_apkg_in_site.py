"""The Anki package in the built site, read as Anki reads it: a zip holding collection.anki2,
a SQLite database with the notes, their cards, the note type and the deck."""

from __future__ import annotations

import html as htmllib
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest
import yaml

from helpers import ROOT, build_site
from macros.export import DECK_NAME, NOTE_FIELDS, NOTE_MODEL_ID

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)["site_url"][1]
APKG = Path("downloads") / "mlops-handbook.apkg"
FIELD_SEPARATOR = "\x1f"
# In the first question's strong answer; the second build changes it.
ORIGINAL, EDITED = "lets a team change an ML system", "lets any team change an ML system"


def collection(site: Path, tmp: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(site / APKG) as apkg:
        assert sorted(apkg.namelist()) == ["collection.anki2", "media"]
        assert json.loads(apkg.read("media")) == {}
        apkg.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    return db


def notes(db: sqlite3.Connection) -> dict[str, dict]:
    """guid -> the note's fields by name, its tags and its note type."""
    out = {}
    for guid, mid, flds, tags in db.execute("SELECT guid, mid, flds, tags FROM notes"):
        out[guid] = {"mid": mid, "fields": dict(zip(NOTE_FIELDS, flds.split(FIELD_SEPARATOR), strict=True)),
                     "tags": set(tags.split())}
    return out


def deck_ids(db: sqlite3.Connection) -> set[int]:
    return {did for (did,) in db.execute("SELECT DISTINCT did FROM cards")}


INLINE = re.compile(r"</?(?:a|em|strong|code)\b[^>]*>")


def text(html: str) -> str:
    """What a card shows, in one line: inline tags vanish, block tags become spaces."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", INLINE.sub("", html))).split())


@pytest.fixture(scope="module")
def deck(real_site, tmp_path_factory):
    return collection(real_site, tmp_path_factory.mktemp("apkg"))


def test_the_practice_page_links_the_anki_package(real_site):
    html = (real_site / "practice" / "index.html").read_text()
    assert f'href="../{APKG.as_posix()}"' in html


def test_one_note_per_question_with_its_fields_and_tags(deck, real_site, real_bank):
    api = {q["id"]: q for q in json.loads((real_site / "api" / "questions.json").read_text())["questions"]}
    by_guid = notes(deck)
    assert len(by_guid) == len(real_bank.questions)
    for q in real_bank.questions:
        note = by_guid.pop(genanki.guid_for(q.id))
        fields = note["fields"]
        assert note["mid"] == NOTE_MODEL_ID
        assert text(fields["Question"]) == " ".join(q.question.split()), q.id
        assert fields["Answer"] == api[q.id]["answer_html"], q.id
        for field, items in (("Listen for", q.listen_for), ("Red flags", q.red_flags)):
            assert fields[field].startswith("<ul>") and fields[field].count("<li>") == len(items), q.id
            for item in items:
                assert " ".join(item.replace("`", "").split()) in text(fields[field]), q.id
        assert fields["Link"] == f"{SITE_URL}q/{q.id}/"
        assert note["tags"] == {"mlops-handbook", f"mlops-handbook::topic::{q.topic}",
                                f"mlops-handbook::level::{q.level}"}
    assert not by_guid


def test_note_type_and_deck_are_the_handbooks(deck, real_bank):
    models = json.loads(deck.execute("SELECT models FROM col").fetchone()[0])
    model = models[str(NOTE_MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == list(NOTE_FIELDS)
    assert "{{Answer}}" in model["tmpls"][0]["afmt"] and "{{Question}}" in model["tmpls"][0]["qfmt"]
    decks = json.loads(deck.execute("SELECT decks FROM col").fetchone()[0])
    (did,) = deck_ids(deck)
    assert decks[str(did)]["name"] == DECK_NAME
    assert deck.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == len(real_bank.questions)


def test_a_later_build_of_an_edited_bank_keeps_guids_and_deck(deck, real_site, real_bank, tmp_path):
    bank_text = (ROOT / "data" / "questions.yaml").read_text()
    assert bank_text.count(ORIGINAL) == 1
    second = build_site(tmp_path, bank_text=bank_text.replace(ORIGINAL, EDITED),
                        kits_text=(ROOT / "data" / "kits.yaml").read_text())
    assert second.returncode == 0, second.output
    again = collection(second.site, tmp_path / "apkg")
    before, after = notes(deck), notes(again)
    assert set(after) == set(before)
    assert deck_ids(again) == deck_ids(deck)
    changed = {guid for guid in before if before[guid]["fields"] != after[guid]["fields"]}
    assert changed == {genanki.guid_for(real_bank.questions[0].id)}
    assert EDITED in after[changed.pop()]["fields"]["Answer"]
