"""One failing fixture per problem code: each must produce exactly that code, at the
line its header names (tldr-pages' linter does the same)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loader import load_bank, load_glossary, parse_bank, parse_glossary, parse_kits
from macros.problems import CODES, BankError, Problem

from helpers import expected_line

FIXTURES = Path(__file__).parents[1] / "fixtures"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
INVALID_KITS = sorted((FIXTURES / "invalid-kits").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (QB\d{3}) (\d+): (.+)$", re.M)


def _expectation(path: Path) -> tuple[str, int, str]:
    match = EXPECT.search(path.read_text())
    assert match, f"{path.name} has no '# expect: CODE LINE: message' header"
    return match.group(1), int(match.group(2)), match.group(3)


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_fixture_produces_exactly_its_code(fixture: Path):
    code, line, message = _expectation(fixture)
    assert fixture.stem.startswith(code)
    bank, problems = parse_bank(fixture.read_text(), "data/questions.yaml")
    assert bank is None
    assert problems, "the fixture was accepted"
    assert {p.code for p in problems} == {code}, "\n".join(map(str, problems))
    first = problems[0]
    assert first.line == line, str(first)
    assert message in first.message, str(first)


@pytest.mark.parametrize("fixture", INVALID_KITS, ids=lambda p: p.stem)
def test_kit_fixture_produces_exactly_its_code(fixture: Path):
    code, line, message = _expectation(fixture)
    bank, _ = parse_bank((FIXTURES / "valid" / "minimal.yaml").read_text(), "b.yaml")
    kits, problems = parse_kits(fixture.read_text(), "data/kits.yaml", bank)
    assert kits is None
    assert {p.code for p in problems} == {code}, "\n".join(map(str, problems))
    assert problems[0].line == line and message in problems[0].message, str(problems[0])
    assert problems[0].qid in {"short-screen", "my-kit"}  # the kit's id, as the fixture spells it


def test_every_code_has_a_fixture():
    covered = {_expectation(path)[0] for path in INVALID + INVALID_KITS}
    assert covered == set(CODES)


def test_valid_kits_and_the_real_glossary_load():
    bank, _ = parse_bank((FIXTURES / "valid" / "minimal.yaml").read_text(), "b.yaml")
    kits, problems = parse_kits((FIXTURES / "valid" / "kits.yaml").read_text(), "k.yaml", bank)
    assert problems == [] and kits.kits[0].questions == ["canary-deployment", "data-drift"]
    glossary = load_glossary(Path(__file__).parents[2] / "data" / "glossary.yaml")
    assert glossary.tooltips()["PSI"].startswith("Population stability index")


def test_kit_step_needs_a_question_or_an_activity():
    bank, _ = parse_bank((FIXTURES / "valid" / "minimal.yaml").read_text(), "b.yaml")
    text = (FIXTURES / "valid" / "kits.yaml").read_text().replace("        activity: Introductions.\n", "")
    _, problems = parse_kits(text, "data/kits.yaml", bank)
    assert [p.code for p in problems] == ["QB005"]
    assert "either `question` or `activity`" in problems[0].message


def test_glossary_spelling_defined_twice():
    text = "terms:\n  - term: PSI\n    definition: One.\n  - term: drift\n    also: [PSI]\n    definition: Two.\n"
    _, problems = parse_glossary(text, "data/glossary.yaml")
    assert [(p.code, p.line) for p in problems] == [("QB010", 5)]


def test_valid_fixture_has_no_problem():
    text = (Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml").read_text()
    bank, problems = parse_bank(text, "x.yaml")
    assert problems == []
    assert [q.id for q in bank.questions] == ["canary-deployment", "data-drift"]


def test_message_format_names_file_line_code_and_id():
    text = (Path(__file__).parents[1] / "fixtures" / "invalid" / "QB014-bad-level.yaml").read_text()
    _, problems = parse_bank(text, "data/questions.yaml")
    line = expected_line(Path(__file__).parents[1] / "fixtures" / "invalid" / "QB014-bad-level.yaml")
    assert str(problems[0]) == (f"data/questions.yaml:{line}: QB014 level 'expert' is not allowed; "
                                "use one of: junior, mid, senior [canary-deployment]")


def test_all_problems_are_reported_together():
    text = (Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml").read_text()
    text = text.replace("    level: mid\n", "    level: expert\n").replace("tags: [drift]", "tags: [drfit]")
    text = text.replace("    kind: practice\n", "")
    _, problems = parse_bank(text, "b.yaml")
    assert [p.code for p in problems] == ["QB014", "QB005", "QB024"]
    assert [p.qid for p in problems] == ["canary-deployment", "data-drift", "data-drift"]


def test_duplicate_key_inside_a_nested_mapping():
    text = (Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml").read_text()
    text = text.replace("      - ask: How do you roll back?\n",
                        "      - ask: How do you roll back?\n        ask: Twice?\n")
    _, problems = parse_bank(text, "b.yaml")
    assert [p.code for p in problems] == ["QB003"]


def test_implicit_date_where_text_is_expected():
    text = (Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml").read_text()
    text = text.replace("      - Knows when traffic is too low for a canary.\n", "      - 2024-01-01\n")
    _, problems = parse_bank(text, "b.yaml")
    assert [p.code for p in problems] == ["QB008"]
    assert "quote the value" in str(problems[0])


def test_quoted_no_is_text_not_an_error():
    text = (Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml").read_text()
    text = text.replace("      - Knows when traffic is too low for a canary.\n", '      - "no"\n')
    _, problems = parse_bank(text, "b.yaml")
    assert [p.code for p in problems] == ["QB006"] or problems == []


def test_load_bank_raises_with_every_problem(tmp_path):
    bad = tmp_path / "questions.yaml"
    bad.write_text("topics: [\n")
    with pytest.raises(BankError) as err:
        load_bank(bad, display_path="data/questions.yaml")
    assert str(err.value).startswith("data/questions.yaml:")
    assert all(isinstance(p, Problem) for p in err.value.problems)
