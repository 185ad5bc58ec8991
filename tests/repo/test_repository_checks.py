"""The repository's own files: YAML style, the publishing workflow, the pre-commit hooks,
and the files a contributor meets first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT

BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_yamllint_passes_on_every_yaml_file():
    result = run(str(BIN / "yamllint"), "--strict", "--format", "parsable", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_uses_the_repository_config_and_fails_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("key: value\nkey: again\nlist:\n    - wrongly: indented\n")
    result = run(str(BIN / "yamllint"), "--strict", "--config-file", str(ROOT / ".yamllint"), str(bad))
    assert result.returncode != 0
    assert "duplication of key" in result.stdout


def test_actionlint_passes_on_the_workflows():
    result = run(str(BIN / "actionlint"), "-no-color")
    assert result.returncode == 0, result.stdout + result.stderr
    # actionlint found the workflow: it lints it verbosely.
    verbose = run(str(BIN / "actionlint"), "-verbose", "-no-color")
    assert "publish.yml" in verbose.stdout + verbose.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_context }}\n")
    result = run(str(BIN / "actionlint"), "-no-color", str(broken))
    assert result.returncode != 0 and "no_such_context" in result.stdout


def test_publishing_runs_the_tests_then_gh_deploy_on_pushes_to_main():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as true
    assert workflow["permissions"] == {"contents": "write"}
    steps = [s.get("run", "") for s in workflow["jobs"]["deploy"]["steps"]]
    runs = [s for s in steps if s]
    test_at = next(i for i, s in enumerate(runs) if s.strip() == "make test")
    deploy_at = next(i for i, s in enumerate(runs) if "mkdocs gh-deploy --force" in s)
    assert test_at < deploy_at


def test_pre_commit_config_is_valid_and_runs_the_bank_check_and_yamllint():
    result = run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
             for h in repo["hooks"]}
    assert hooks["bank-check"]["entry"] == "make check"
    assert hooks["yamllint"]["entry"] == "make yamllint"
    for hook in hooks.values():  # each entry works as pre-commit would run it
        result = run(*hook["entry"].split())
        assert result.returncode == 0, (hook["id"], result.stdout + result.stderr)

def test_contributor_files_exist_and_parse():
    contributing = (ROOT / "CONTRIBUTING.md").read_text()
    for topic in ("make test", "make check", "aliases", "published-ids.txt", "pre-commit"):
        assert topic in contributing, topic
    forms = list((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    form = next(yaml.safe_load(f.read_text()) for f in forms if "body" in yaml.safe_load(f.read_text()))
    assert form["name"] and form["description"]
    assert {item["id"] for item in form["body"] if "id" in item} >= {"question", "topic", "answer", "references"}
    assert (ROOT / ".github" / "pull_request_template.md").read_text().count("- [ ]") >= 3


def test_the_new_question_form_offers_every_topic_of_the_bank(real_bank):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "new-question.yml").read_text())
    (topic,) = [field for field in form["body"] if field.get("id") == "topic"]
    assert topic["attributes"]["options"] == [t.title for t in real_bank.topics] + ["Not sure"]
