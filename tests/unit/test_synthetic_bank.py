"""The benchmark's synthetic banks pass the real loader and have the size asked for.
(The benchmark itself runs only with `make bench`, never in the tests.)"""

from __future__ import annotations

import statistics

import pytest

from bench.synthetic import synthetic_bank
from helpers import ROOT
from macros.loader import parse_bank, parse_kits


@pytest.mark.parametrize("extra", [0, 15])
def test_synthetic_bank_is_valid_and_of_the_size_asked(extra, real_bank):
    size = len(real_bank.questions) + extra
    bank, problems = parse_bank(synthetic_bank(size), "synthetic.yaml")
    assert problems == []
    assert len(bank.questions) == size
    assert len({q.id for q in bank.questions}) == size
    assert {q.topic for q in bank.questions} <= {t.id for t in real_bank.topics}


def test_synthetic_entries_are_as_long_as_real_ones(real_bank):
    bank, problems = parse_bank(synthetic_bank(len(real_bank.questions)), "synthetic.yaml")
    assert problems == []
    def mean_words(b, field):
        return statistics.mean(len(getattr(q, field).split()) for q in b.questions)
    for field in ("answer", "question"):
        assert mean_words(bank, field) == pytest.approx(mean_words(real_bank, field), rel=0.05), field
    assert [len(q.follow_ups) for q in bank.questions] == [len(q.follow_ups) for q in sorted(
        real_bank.questions, key=lambda q: [t.id for t in real_bank.topics].index(q.topic))]


def test_synthetic_bank_is_the_same_every_time(real_bank):
    size = len(real_bank.questions)
    assert synthetic_bank(size) == synthetic_bank(size)


def test_synthetic_bank_keeps_the_real_ids_so_the_real_kits_still_validate(real_bank, tmp_path):
    bank, problems = parse_bank(synthetic_bank(len(real_bank.questions) + 15), "synthetic.yaml")
    assert problems == []
    assert {q.id for q in real_bank.questions} < {q.id for q in bank.questions}
    kits, problems = parse_kits((ROOT / "data" / "kits.yaml").read_text(), "kits.yaml", bank)
    assert problems == [] and kits.kits


def test_a_synthetic_bank_smaller_than_the_real_one_is_refused(real_bank):
    with pytest.raises(ValueError, match="at least"):
        synthetic_bank(len(real_bank.questions) - 1)
