"""`vetting check`: a clean rule set passes; every broken one names file:line:col and a fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

BROKEN = "tests/fixtures/rules/broken"

CASES = {
    "syntax_error": [
        "questions.yaml:23:9: YAML syntax error: did not find expected ',' or '}'",
    ],
    "duplicate_key": [
        "questions.yaml:15:5: questions[1].type: duplicate key 'type' "
        "(first defined on line 14) (keep one of them)",
    ],
    "unknown_field": [
        "questions.yaml:36:5: questions[2].recomendation: unknown field 'recomendation' "
        "(did you mean 'recommendation'?)",
    ],
    "wrong_type": [
        "questions.yaml:45:18: questions[2].choices[1].points.risk: Input should be a valid "
        "number, unable to parse string as a number, got 'three'",
    ],
    "unknown_id_in_condition": [
        "questions.yaml:39:12: questions[2].when.all[1].question: unknown question id "
        "'data.locaton' (did you mean 'data.location'?)",
    ],
    "choice_of_another_question": [
        "questions.yaml:39:47: questions[2].when.all[1].in[1]: 'patients' is not a choice of "
        "'data.location' ('patients' is a choice of 'scope.data')",
    ],
    "missing_translation": [
        "questions.yaml:16:5: questions[1].text: missing the 'en' text (every text needs fr, en)",
    ],
    "knockout_without_reference": [
        "questions.yaml:28:9: questions[1].choices[1].knockout: a knock-out needs at least one "
        "reference (the law or standard that blocks) "
        "(add references: [{ref: <source id>, article: ...}])",
    ],
    "unreachable_question": [
        "questions.yaml:36:5: questions[2].when: question 'data.training' can never be asked: "
        "no answers make its condition true "
        "(look for a contradiction, such as two different values of one question)",
    ],
    "asked_later": [
        "questions.yaml:15:5: questions[1].when: the condition of 'data.location' reads "
        "'data.training', which is asked later, so it can never be answered in time "
        "(a condition may only read questions asked before)",
    ],
    "bad_condition_node": [
        "questions.yaml:39:11: questions[2].when.all[1]: a question condition takes exactly "
        "one operator, found equals, in",
    ],
    "missing_include": [
        "ruleset.yaml:9:27: include[1]: included file 'hosting.yaml' not found",
    ],
    # One run lists every problem: the schema's in every file (a typo in the manifest hid
    # the others), then, when the files could be built without their unknown fields, the
    # semantic pass's too.
    "three_schema_errors": [
        "questions.yaml:27:9: questions[1].choices[1].severity: Input should be 'info', "
        "'low', 'medium', 'high' or 'critical'",
        "questions.yaml:34:5: questions[2].wieght: unknown field 'wieght' (did you mean 'weight'?)",
        "ruleset.yaml:16:5: categories[1].wieght: unknown field 'wieght' (did you mean 'weight'?)",
    ],
    "schema_and_semantic": [
        "questions.yaml:34:5: questions[2].recomendation: unknown field 'recomendation' "
        "(did you mean 'recommendation'?)",
        "questions.yaml:40:12: questions[2].when.all[1].question: unknown question id "
        "'data.locaton' (did you mean 'data.location'?)",
        "ruleset.yaml:16:5: categories[1].wieght: unknown field 'wieght' (did you mean 'weight'?)",
    ],
    "several_problems": [
        "questions.yaml:16:5: questions[1].text: missing the 'en' text (every text needs fr, en)",
        "questions.yaml:19:10: questions[1].references[0].ref: unknown source 'rgpd' "
        "(declare it under sources:)",
        "questions.yaml:39:12: questions[2].when.all[1].question: unknown question id "
        "'data.locaton' (did you mean 'data.location'?)",
    ],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_rule_set_is_rejected_with_exact_positions(
    case: str, cli: Callable[..., Result], in_root: Path
) -> None:
    result = cli("check", f"{BROKEN}/{case}")
    assert result.code == 2
    assert result.out == ""
    expected = [f"{BROKEN}/{case}/{line}" for line in CASES[case]]
    assert result.err.splitlines() == expected


def test_every_broken_fixture_has_a_case() -> None:
    folders = {p.name for p in (Path(__file__).parent / "fixtures/rules/broken").iterdir()}
    assert folders == set(CASES)


def test_clean_rule_set_passes(cli: Callable[..., Result], in_root: Path) -> None:
    result = cli("check", "tests/fixtures/rules/mini")
    assert result.code == 0, result.err
    assert result.out.startswith("tests/fixtures/rules/mini: ok: rule set mini 0.1.0 (sha256 ")
    assert "3 questions in 2 categories" in result.out


def test_shipped_rule_set_passes(cli: Callable[..., Result], in_root: Path) -> None:
    result = cli("check", "rules/health-ai")
    assert result.code == 0, result.err
    assert "rule set health-ai" in result.out


def test_default_is_the_local_rules_folder_then_the_embedded_one(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("check").out.startswith("rules/health-ai: ok")
    monkeypatch.chdir(tmp_path)
    assert cli("check").out.startswith("<embedded>/health-ai: ok")


def test_missing_folder_is_a_usage_error(cli: Callable[..., Result], in_root: Path) -> None:
    result = cli("check", "no/such/folder")
    assert result.code == 2
    assert result.err == "no/such/folder: no such folder (check the --rules path)\n"


def test_folder_without_manifest(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("check", str(tmp_path))
    assert result.code == 2
    assert "the manifest ruleset.yaml is missing" in result.err
