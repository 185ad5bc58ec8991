"""The Lighthouse gate reports each page's median run, not its best or its worst."""

from __future__ import annotations

from quality.lighthouse import median_report


def lhr(performance: float) -> dict:
    return {"categories": {"performance": {"score": performance}}}


def test_median_of_three_runs():
    runs = [lhr(0.99), lhr(0.91), lhr(0.97)]
    assert median_report(runs)["categories"]["performance"]["score"] == 0.97


def test_one_slow_run_does_not_decide_and_one_fast_run_does_not_pass():
    assert median_report([lhr(0.80), lhr(0.99), lhr(1.0)])["categories"]["performance"]["score"] == 0.99
    assert median_report([lhr(1.0), lhr(0.90), lhr(0.92)])["categories"]["performance"]["score"] == 0.92
