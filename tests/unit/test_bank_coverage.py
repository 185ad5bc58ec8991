"""The real bank against the source list: all 50 questions by number and wording, plus the
10 senior questions the list promised and never gave."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT

SEED_DIR = ROOT.parent / "shared" / "seed"
COPY = Path(__file__).parents[1] / "source-questions.txt"
# The source list writes "a experience" twice; the content guide allows the correction.
ALLOWED_CORRECTIONS = {25: ("a experience", "an experience"), 50: ("a experience", "an experience")}


def source_questions() -> list[str]:
    return [line for line in COPY.read_text().splitlines() if line and not line.startswith("#")]


def test_copy_matches_the_shared_source_list():
    questions = source_questions()
    assert len(questions) == 50
    for seed in SEED_DIR.glob("*.txt") if SEED_DIR.exists() else []:
        text = seed.read_text()
        positions = [text.index(q) for q in questions]
        assert positions == sorted(positions), "the copy must keep the source list's order"


def test_all_fifty_source_questions_by_number_and_wording(real_bank):
    by_source = {q.source: q for q in real_bank.questions if q.source is not None}
    assert sorted(by_source) == list(range(1, 51))
    for number, wording in enumerate(source_questions(), start=1):
        expected = {wording}
        if number in ALLOWED_CORRECTIONS:
            expected.add(wording.replace(*ALLOWED_CORRECTIONS[number]))
        assert by_source[number].question in expected, f"source {number}: {by_source[number].question!r}"


def test_questions_beyond_the_source_list(real_bank):
    """The 10 senior questions the list promised (and one more, on large-scale training), and
    the 12 of the LLM topic: 3 junior, 5 mid, 4 senior. None has a source number."""
    new = [q for q in real_bank.questions if q.source is None]
    llm = real_bank.in_topic("llm-operations")
    assert len(llm) == 12 and all(q.source is None for q in llm)
    assert real_bank.level_counts("llm-operations") == {"junior": 3, "mid": 5, "senior": 4}
    assert {q.kind for q in llm} == {"concept", "experience", "practice"}
    senior = [q for q in new if q.topic != "llm-operations"]
    assert len(senior) == 11 and all(q.level == "senior" for q in senior)
    assert "distributed-training-operations" in {q.id for q in senior}
    assert len(real_bank.questions) == 50 + len(new)


def test_every_topic_has_questions_and_every_overlap_links_back(real_bank):
    for topic in real_bank.topics:
        assert real_bank.in_topic(topic.id), topic.id
    # overlapping questions named by the content guide link each other
    groups = [(5, 35), (6, 26, 40), (8, 29, 49), (11, 18, 41), (12, 34, 46), (4, 27, 37), (14, 24),
              (21, 33, 39), (7, 32, 47)]
    by_source = {q.source: q for q in real_bank.questions if q.source}
    for group in groups:
        for a in group:
            for b in group:
                if a != b:
                    assert by_source[b].id in by_source[a].related, f"{a} should link {b}"
