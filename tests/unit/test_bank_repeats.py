"""No bank entry repeats another: neither a run of 8 identical words nor the same claim in
other words. Each point has one owner; the others link to it."""

from __future__ import annotations

import pytest

from helpers import ROOT
from macros.yaml_source import read_yaml
from quality.repeats import Passage, near_repeats, passages, read_allow_list, repeats, runs

BANK = ROOT / "data" / "questions.yaml"
ALLOWED = ROOT / "data" / "allowed-repeats.txt"
SHOWN = "data/questions.yaml"


def p(entry: str, text: str, field: str = "answer", line: int = 1) -> Passage:
    return Passage(entry, field, text, line)


# Background sentences give the word weights a realistic spread: "model", "latency" and
# "production" are common, as they are in the bank.
BACKGROUND = [
    p(f"filler-{k}", text) for k, text in enumerate([
        "The model serves production traffic behind a load balancer with p99 latency under 200 ms.",
        "Production models need monitoring of latency, errors and input drift on every release.",
        "A model registry keeps each model version with its training run and production alias.",
        "Latency in production depends on the model size, the batch size and the hardware.",
        "Teams review the model, the data and the production metrics before each release.",
        "Drift in production inputs is measured per feature against the training data.",
        "A rollback restores the previous model version when production metrics degrade.",
        "Cost per request falls when the model is quantised and requests are batched.",
    ])
]


def test_a_run_of_eight_shared_words_is_found_with_both_places():
    a = p("alpha", "Cold starts hurt. We keep two warm replicas for every model behind the gateway at night.", line=10)
    b = p("beta", "Our rule: keep two warm replicas for every model behind the gateway, always.", line=40)
    found = runs([a, b])
    assert [r.shared for r in found] == ["keep two warm replicas for every model behind the gateway"]
    (e1, _, l1, t1), (e2, _, l2, t2) = found[0].first, found[0].second
    assert (e1, l1, e2, l2) == ("alpha", 10, "beta", 40)
    assert t1 == t2 == "keep two warm replicas for every model behind the gateway"


def test_seven_shared_words_and_repeats_inside_one_entry_pass():
    a = p("alpha", "We keep two warm replicas for every model at night.")
    b = p("beta", "They keep two warm replicas for every model in the day.")
    c = p("alpha", "Always keep two warm replicas for every model behind the gateway.", field="red_flags[0]")
    d = p("alpha", "Never keep two warm replicas for every model behind the gateway.", field="listen_for[0]")
    assert runs([a, b]) == []  # "keep two warm replicas for every model" is 7 words
    assert runs([c, d]) == []  # the same entry may say a thing twice


def test_punctuation_and_case_do_not_hide_a_run():
    a = p("alpha", "Vertex AI's **Model Registry**, with `aliases`, labels versions for promotion to production.")
    b = p("beta", "vertex ais model-registry with aliases labels versions for promotion.")
    assert [r.shared for r in runs([a, b])] == ["vertex ais model registry with aliases labels versions for promotion"]


def test_allowed_boilerplate_is_skipped_but_a_run_beside_it_is_not():
    allowed = ["Vertex AI (renamed Gemini Enterprise Agent Platform in April 2026)"]
    a = p("alpha", "Train on Vertex AI (renamed Gemini Enterprise Agent Platform in April 2026) with custom jobs.")
    b = p("beta", "Serve on Vertex AI, renamed Gemini Enterprise Agent Platform in April 2026, behind an endpoint.")
    assert runs([a, b], allowed) == []
    assert len(runs([a, b])) == 1
    c = p("gamma", "Vertex AI (renamed Gemini Enterprise Agent Platform in April 2026): pin the model version in "
          "the deploy manifest and roll back by redeploying it.")
    d = p("delta", "On Vertex AI (renamed Gemini Enterprise Agent Platform in April 2026) you pin the model "
          "version in the deploy manifest and roll back by redeploying it.")
    assert [r.shared for r in runs([c, d], allowed)] == [
        "pin the model version in the deploy manifest and roll back by redeploying it"]


def test_a_paraphrased_claim_is_caught():
    a = p("alpha", "Explaining a gradient-boosted model is cheap: TreeSHAP computes exact values in a few "
          "milliseconds per row, so every scored loan can carry its reasons.", line=7)
    b = p("beta", "Per-row cost is small, since exact TreeSHAP values for a boosted tree model take "
          "milliseconds per row, which lets each scored loan carry reasons.", line=90)
    found = near_repeats(BACKGROUND + [a, b])
    assert [(r.first[0], r.second[0]) for r in found] == [("alpha", "beta")]
    assert found[0].first[2] == 7 and found[0].second[2] == 90
    assert {"treeshap", "millisecond", "row"} <= set(found[0].shared.split(", "))


def test_a_paraphrase_sharing_numbers_and_names_is_caught_at_a_lower_bar():
    a = p("alpha", "Autoscale on in-flight requests, not CPU, and pre-scale to 40 replicas before Black Friday.")
    b = p("beta", "Before Black Friday we pre-scale the fleet to 40 replicas and scale on queue depth rather "
          "than CPU utilisation.")
    found = near_repeats(BACKGROUND + [a, b])
    assert [(r.first[0], r.second[0]) for r in found] == [("alpha", "beta")]


def test_sentences_that_only_share_common_words_pass():
    a = p("alpha", "The production model's p99 latency rose after the release, so the team rolled back the "
          "model version.")
    b = p("beta", "Production latency for the model is reported per release in the team's weekly review.")
    c = p("gamma", "Monitoring production models means tracking latency, errors and drift for every release.")
    assert near_repeats(BACKGROUND + [a, b, c]) == []


def test_a_short_sentence_on_the_same_subject_as_a_long_one_passes():
    a = p("alpha", "When would you choose MIG over time-slicing to share a GPU?", field="follow_ups[0].ask")
    b = p("beta", "Small models share a card through MIG slices or time-slicing, which gives no memory "
          "isolation, so noisy neighbours raise each other's p99 latency under load.")
    assert near_repeats(BACKGROUND + [a, b]) == []


def test_failure_message_names_both_entries_lines_and_text():
    a = p("alpha", "We keep two warm replicas for every model behind the gateway.", field="red_flags[1]", line=12)
    b = p("beta", "Keep two warm replicas for every model behind the gateway.", line=99)
    message = runs([a, b])[0].message(SHOWN)
    assert message.startswith("data/questions.yaml:12: 'alpha' (red_flags[1])")
    assert "'beta' (answer) at data/questions.yaml:99" in message
    assert "shared: keep two warm replicas for every model behind the gateway" in message
    assert "alpha: keep two warm replicas" in message and "beta: Keep two warm replicas" in message


def test_passages_carry_the_line_of_each_sentence():
    text = """questions:
- id: alpha
  summary: Probes one thing.
  answer: |
    First paragraph here.

    Second paragraph, on line seven.
  red_flags:
  - Says a thing
  follow_ups:
  - ask: Why?
    good: Because.
  rating:
    poor: Nothing.
"""
    source, problems = read_yaml(text, SHOWN)
    assert problems == []
    found = {x.field: x for x in passages(source.data, source.line, text.splitlines())}
    assert set(found) == {"summary", "answer", "red_flags[0]", "follow_ups[0].ask", "follow_ups[0].good",
                          "rating.poor"}
    answer = found["answer"]
    assert answer.line_at(answer.text.index("Second")) == 7
    assert found["red_flags[0]"].line == 9 and found["follow_ups[0].good"].line == 12


def test_the_bank_repeats_nothing():
    text = BANK.read_text(encoding="utf-8")
    source, problems = read_yaml(text, SHOWN)
    assert source is not None and problems == []
    items = passages(source.data, source.line, text.splitlines())
    assert len({x.entry for x in items}) == len(source.data["questions"])
    found = repeats(items, read_allow_list(ALLOWED.read_text(encoding="utf-8")))
    if found:
        pytest.fail(f"{len(found)} repeats between entries; give the point to one entry and a pointer "
                    "to the other, and link both under `related`:\n\n"
                    + "\n\n".join(r.message(SHOWN) for r in found), pytrace=False)


def test_a_shared_list_of_examples_in_parentheses_is_not_a_shared_claim():
    a = p("alpha", "A pipeline on an orchestrator (Airflow, Kubeflow Pipelines or a cloud's managed pipelines) "
          "retrains on new data and validates data and model automatically.")
    b = p("beta", "An orchestrator (Airflow, Dagster, Kubeflow Pipelines or the cloud's managed one) replacing cron.")
    assert near_repeats(BACKGROUND + [a, b]) == []
    c = p("gamma", "An orchestrator (Airflow, Dagster, Kubeflow Pipelines or the cloud's managed one) retrains "
          "on new data and validates data and model automatically.")
    assert [(r.first[0], r.second[0]) for r in near_repeats(BACKGROUND + [a, c])] == [("alpha", "gamma")]
