"""Rule tests: the step vocabulary in English and French, the pytest plugin, `vetting test`.

The fixture `tests/fixtures/features/project` is a rule author's repository:
`rules/mini/` (a small rule set), `features/` (passing scenarios in both
languages), `failing/` (each scenario fails for one reason), `broken/`
(invalid Gherkin), `mutation/` (scenarios for the mutation self-check) and
`silent/` (scenarios that see a mutant only through its points) and
`answers/` (a vendor's answers file).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, Result
from vetting.errors import VettingError
from vetting.testing.features import Cell, Scenario, Step, find_features, parse_feature, parse_text
from vetting.testing.matching import shown
from vetting.testing.mutants import OPERATORS, apply_mutant, list_mutants
from vetting.testing.mutate import MutationReport, Setup, run_mutations
from vetting.testing.runner import ScenarioResult, run_scenario
from vetting.testing.steps import STEPS, match_step
from vetting.testing.world import RuleSets

PROJECT = FIXTURES / "features" / "project"


def _run(folder: str, rules: Path | None = None) -> dict[str, ScenarioResult]:
    rulesets = RuleSets(PROJECT, rules)
    results: dict[str, ScenarioResult] = {}
    for path in find_features([PROJECT / folder]):
        for scenario in parse_feature(path, PROJECT).scenarios:
            results[f"{scenario.name} [{scenario.line}]"] = run_scenario(scenario, rulesets)
    return results


def _by_name(results: dict[str, ScenarioResult], name: str) -> ScenarioResult:
    found = [r for key, r in results.items() if key.startswith(f"{name} [")]
    assert len(found) == 1, f"no single scenario named {name!r}: {list(results)}"
    return found[0]


# --------------------------------------------------------------------------- steps


def test_every_scenario_in_english_and_french_passes() -> None:
    results = _run("features")
    failed = {name: r.message for name, r in results.items() if r.status != "passed"}
    assert not failed
    languages = {r.scenario.language for r in results.values()}
    assert languages == {"en", "fr"}
    assert len(results) == 15  # an outline counts once per Examples row


def test_each_french_step_has_an_english_twin_and_back() -> None:
    for definition in STEPS:
        assert set(definition.templates) == {"en", "fr"}, definition.name
        assert definition.templates["en"] and definition.templates["fr"], definition.name


@pytest.mark.parametrize(
    ("definition", "lang", "template"),
    [(d, lang, t) for d in STEPS for lang, items in d.templates.items() for t in items],
    ids=lambda value: getattr(value, "name", None) or str(value)[:40],
)
def test_every_documented_template_matches_its_own_example(
    definition: object, lang: str, template: str
) -> None:
    text = re.sub(r"\{(\w+):n\}", "12,5", template)
    text = re.sub(r"\{(\w+)\}", "x", text)
    table: tuple[tuple[Cell, ...], ...] | None = (
        ((),) if getattr(definition, "table", False) else None
    )
    step = Step("Then ", text, 3, 5, table=table)
    scenario = Scenario("f.feature", "F", "S", 1, lang, (step,))
    found, _ = match_step(step, scenario)
    assert found is definition
    assert "<" in shown(template) or "{" not in template


def test_every_step_is_in_the_reference_of_docs_rule_tests_md() -> None:
    doc = (ROOT / "docs" / "rule-tests.md").read_text(encoding="utf-8")
    for definition in STEPS:
        for lang, templates in definition.templates.items():
            for template in templates:
                assert f" {shown(template)}`" in doc, f"{lang}: {shown(template)}"


@pytest.mark.parametrize(
    ("name", "status", "expected"),
    [
        (
            "expects a knock-out that the rules do not give",
            "failed",
            "expected a knock-out on 'data.location'; knock-outs were: (none); "
            "verdict conditional, level high",
        ),
        (
            "expects the wrong severity",
            "failed",
            "expected the finding on 'data.location' to have severity 'medium', got 'high'",
        ),
        (
            "expects a question that is not asked",
            "failed",
            "expected the question 'data.location' to be asked, it is not "
            "(it is asked when “patient data”)",
        ),
        (
            "misspells a question id in a table",
            "error",
            "failing/failures.feature:28:25: 'data.locaton' is not a question of mini 1.0.0 "
            "(did you mean 'data.location'?)",
        ),
        (
            "gives a choice that does not exist",
            "error",
            "failing/failures.feature:32:5: 'mars' is not a choice of 'data.location'",
        ),
        (
            "misspells a step",
            "error",
            "failing/failures.feature:36:5: unknown step 'Then the verdit is \"reject\"' "
            '(did you mean: the verdict is "<verdict>"?',
        ),
        (
            "names a verdict that does not exist",
            "error",
            "'rejected' is not a verdict (did you mean 'reject'? use one of: accept, "
            "conditional, pending_evidence, reject)",
        ),
        ("checks nothing", "error", "failing/failures.feature:41:1: this scenario checks nothing"),
        (
            "names a knock-out target that does not exist",
            "error",
            "'data.trainig' is neither a question, a question=choice nor a finding rule of "
            "mini 1.0.0 (did you mean 'data.training'?)",
        ),
        (
            "attend un KO qui n'a pas lieu",
            "failed",
            "KO attendu sur « data.location » ; KO obtenus : (aucun) ; verdict",
        ),
    ],
)
def test_a_failing_scenario_says_why_in_the_author_s_words(
    name: str, status: str, expected: str
) -> None:
    result = _by_name(_run("failing", PROJECT / "rules" / "mini"), name)
    assert result.status == status
    assert expected in result.message


def test_the_failing_step_is_marked_and_the_rest_skipped() -> None:
    result = _by_name(_run("failing", PROJECT / "rules" / "mini"), "expects the wrong severity")
    assert [s.status for s in result.steps] == ["passed", "passed", "passed", "failed"]
    step = result.failed_step
    assert step is not None and step.line == 19


def test_an_answer_given_twice_in_a_table_is_reported() -> None:
    feature = parse_text(
        "Feature: f\n  Scenario: s\n    Given a tool whose answers are:\n"
        "      | data.location | eea |\n      | data.location | outside_eea |\n"
        '    Then the verdict is "accept"\n',
        "twice.feature",
    )
    result = run_scenario(feature.scenarios[0], RuleSets(PROJECT, PROJECT / "rules" / "mini"))
    assert result.status == "error"
    assert "twice.feature:5:9: 'data.location' is answered twice in this table" in result.message


def _one_step(step: str) -> ScenarioResult:
    """A scenario on the mini rule set with `step` between a Given and a Then."""
    feature = parse_text(
        "Feature: f\n  Scenario: s\n"
        "    Given every other question is answered with its best choice\n"
        f"    {step}\n"
        '    Then the verdict is "accept"\n',
        "one.feature",
    )
    return run_scenario(feature.scenarios[0], RuleSets(PROJECT, PROJECT / "rules" / "mini"))


MISSPELT = "one.feature:4:5: 'data.locaton' is not a question of mini 1.0.0 (did you mean "


@pytest.mark.parametrize(
    "step",
    [
        'Given the question "data.locaton" is not answered',
        'Given the evidence for "data.locaton" is "verified"',
        'Then the question "data.locaton" is asked',
        'Then the knock-outs of "data.locaton" wait for its evidence',
        'Then the evidence for "data.locaton" is shown as unverified',
    ],
)
def test_a_misspelt_question_reads_the_same_in_every_step(step: str) -> None:
    result = _one_step(step)
    assert result.status == "error"
    assert result.message.startswith(MISSPELT), result.message


@pytest.mark.parametrize(
    ("step", "status", "message"),
    [
        ('Given the assessment date is "2026-13-01"', "error", "'2026-13-01' is not a date"),
        ('Then the next review is on "2026-13-01"', "error", "'2026-13-01' is not a date"),
        ('Given the assessment date is "3001-01-01"', "error", "3001-01-01 is out of range"),
        # A review may fall after the last date a file may give: an expectation, not an error.
        ('Then the next review is on "3001-01-01"', "failed", "expected the next review on"),
    ],
)
def test_a_step_s_date_is_read_alike_and_only_given_dates_have_a_range(
    step: str, status: str, message: str
) -> None:
    result = _one_step(step)
    assert (result.status, message in result.message) == (status, True), result.message


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("fr", "passed"),
        ("French", "passed"),
        ("français", "passed"),
        ("Francais", "passed"),
        ("EN", "passed"),
        ("English", "passed"),
        ("anglais", "passed"),
        ("German", "error"),
    ],
)
def test_a_report_s_language_is_named_by_its_code_or_its_name_in_either_language(
    word: str, status: str
) -> None:
    result = _one_step(f'Then the report in "{word}" does not mention "no such text"')
    assert result.status == status, result.message
    if status == "error":
        assert f"'{word}' is not a language of the rule set" in result.message


def test_invalid_gherkin_is_an_input_error_with_its_line() -> None:
    with pytest.raises(VettingError) as caught:
        parse_feature(PROJECT / "broken" / "syntax.feature", PROJECT)
    text = str(caught.value)
    assert text.startswith("broken/syntax.feature:5:5: Gherkin syntax:")
    assert "'the verdict is \"accept\"'" in text


def test_the_best_choice_avoids_a_contradiction_with_the_scope() -> None:
    """With a SaaS, "no third-party hosting" would contradict the scope: not picked."""
    feature = parse_text(
        "Feature: f\n  Scenario: s\n    Given a tool whose answers are:\n"
        "      | scope.buyer | public_hospital |\n      | scope.use | [decision_support] |\n"
        "      | scope.patient_data | [identifiable] |\n      | scope.deployment | vendor_saas |\n"
        "      | scope.audience | professionals |\n      | scope.generative | no |\n"
        "    And every other question is answered with its best choice\n"
        '    Then the verdict is "accept"\n'
        '    And there is no finding on "hosting.no_hosting_claim_contradicts_scope"\n'
        '    And there is no knock-out on "regulatory.medical_device"\n',
        "best.feature",
    )
    result = run_scenario(feature.scenarios[0], RuleSets(ROOT))
    assert result.status == "passed", result.message


# --------------------------------------------------------------------------- the plugin


def _pytest(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_DISABLE_PLUGIN_AUTOLOAD"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-c", os.devnull, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_entry_point_plugin_runs_features_with_pytest() -> None:
    done = _pytest("--rootdir", str(PROJECT), "--vetting", "features")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "15 passed" in done.stdout


@pytest.mark.slow
def test_the_plugin_shows_a_failure_as_the_author_wrote_it() -> None:
    done = _pytest("--rootdir", str(PROJECT), "--vetting-rules", "rules/mini", "failing")
    assert done.returncode == 1
    out = done.stdout
    assert "Scenario: expects a knock-out that the rules do not give" in out
    assert '✗ Then there is a knock-out on "data.location"   (line 15)' in out
    assert "expected a knock-out on 'data.location'; knock-outs were: (none)" in out
    assert "10 failed" in out


@pytest.mark.slow
def test_without_vetting_the_plugin_leaves_feature_files_alone() -> None:
    done = _pytest("--rootdir", str(PROJECT), "features")
    assert done.returncode == 5  # pytest: no tests collected
    assert "no tests ran" in done.stdout


# --------------------------------------------------------------------------- vetting test


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(PROJECT)
    return PROJECT


@pytest.mark.slow
def test_vetting_test_with_no_arguments_runs_rules_and_features(
    cli: Callable[..., Result], in_project: Path
) -> None:
    result = cli("test")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith(
        "vetting test: 15 scenarios in 2 feature files, rule set mini 1.0.0"
    )
    assert "✓ features/english.feature: 10 passed" in result.out
    assert "✓ features/francais.feature: 5 passed" in result.out
    assert result.out.rstrip().endswith("15 scenarios: 15 passed, 0 failed: ok")


def test_vetting_test_fails_with_a_summary_a_rule_author_reads(
    cli: Callable[..., Result], in_project: Path
) -> None:
    result = cli("test", "failing")
    assert result.code == 1
    out = result.out
    assert "✗ failing/failures.feature: 0 passed, 3 failed, 6 in error" in out
    assert (
        "    ✗ expects a knock-out that the rules do not give (failing/failures.feature:12)" in out
    )
    assert '        Then there is a knock-out on "data.location"   (line 15)' in out
    assert "        expected a knock-out on 'data.location'; knock-outs were: (none)" in out
    assert "✗ failing/echecs.feature: 0 passed, 1 failed" in out
    assert "KO attendu sur « data.location »" in out
    assert out.rstrip().endswith("10 scenarios: 0 passed, 4 failed, 6 in error: FAILED")


@pytest.mark.slow
def test_vetting_test_accepts_feature_files_and_folders(
    cli: Callable[..., Result], in_project: Path
) -> None:
    result = cli("test", "--rules", "rules/mini", "features/francais.feature", "mutation")
    assert result.code == 0, result.out + result.err
    assert "4 feature files" not in result.out
    assert "vetting test: 8 scenarios in 3 feature files" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("broken",), "broken/syntax.feature:5:5: Gherkin syntax"),
        (("nowhere",), "nowhere: no such file or folder"),
        (("answers",), "answers: no .feature file here"),
        (("answers/saas-outside.yaml",), "not a .feature file"),
        (("--rules", str(FIXTURES / "rules" / "broken"), "features"), "tests/fixtures/rules"),
        (("--min-score", "120", "features"), "--min-score: 120 is not a percentage"),
    ],
)
def test_vetting_test_input_errors_exit_2(
    cli: Callable[..., Result], in_project: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli("test", *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err + result.out


def test_vetting_test_without_features_folder_exits_2(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("test")
    assert result.code == 2
    assert "no feature files: give FEATURES, or run in a folder that holds features/" in result.err


def test_a_rule_set_named_by_a_step_must_pass_vetting_check(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = FIXTURES / "rules" / "broken"
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "x.feature").write_text(
        f'Feature: f\n  Scenario: s\n    Given the rule set "{broken}"\n'
        '    Then the verdict is "accept"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = cli("test", "--rules", str(PROJECT / "rules" / "mini"))
    assert result.code == 2
    assert "features/x.feature:3:5: the rule set" in result.err
    assert "does not pass vetting check" in result.err


# --------------------------------------------------------------------------- mutations


def _mutations(*features: str) -> MutationReport:
    setup = Setup(
        root=PROJECT,
        rules=PROJECT / "rules" / "mini",
        features=tuple(find_features([PROJECT / f for f in features])),
        examples=(PROJECT / "answers" / "saas-outside.yaml",),
    )
    return run_mutations(setup, workers=1)


def _verdict(report: MutationReport, text: str) -> str:
    found = [m for m in report.mutants if m.description.startswith(text)]
    assert len(found) == 1, text
    return str(report.verdicts[found[0].index][0])


DROP_KO = "dropped the knock-out on data.location=outside_eea (rules/mini/data.yaml:16:9)"


def test_a_dropped_knock_out_is_caught_by_a_scenario_that_pins_it() -> None:
    report = _mutations("mutation/pins.feature")
    assert _verdict(report, DROP_KO) == "caught"


def test_a_dropped_knock_out_is_missed_without_one() -> None:
    report = _mutations("mutation/loose.feature")
    assert _verdict(report, DROP_KO) == "missed"
    assert report.score < 90


def test_an_equivalent_mutant_is_reported_apart_and_not_counted() -> None:
    report = _mutations("features")
    # The knock-out's condition repeats the question's own: dropping it changes nothing.
    text = "dropped the condition of the knock-out on data.training=yes"
    assert _verdict(report, text) == "equivalent"
    counted = len(report.of("caught")) + len(report.of("missed")) + len(report.of("silent"))
    assert report.counted == counted
    assert report.score >= 90


ZERO_OPT_IN = "zeroed the points of data.training=opt_in"


def test_a_mutant_that_moves_only_the_score_is_silent_and_counted_as_missed() -> None:
    report = _mutations("silent/silent.feature")
    # The verdict stays "accept": only the score and the risk points move.
    assert _verdict(report, ZERO_OPT_IN) == "silent"
    silent = len(report.of("silent"))
    caught = len(report.of("caught"))
    assert report.counted == caught + len(report.of("missed")) + silent
    assert report.score == pytest.approx(100 * caught / report.counted)


def test_a_points_pin_catches_the_silent_mutant() -> None:
    report = _mutations("silent/points.feature")
    assert _verdict(report, ZERO_OPT_IN) == "caught"


@pytest.mark.parametrize(
    ("step", "status", "message"),
    [
        ('Then the answer to "data.training" is worth 0 points', "passed", ""),
        ('Then the answer to "ops.oversight" is worth 2 "mitigation" points', "passed", ""),
        (
            'Then the answer to "data.training" is worth 3 points',
            "failed",
            "expected the answer to 'data.training' to be worth 3 risk points, got 0",
        ),
        (
            'Then the answer to "data.training" is worth 1 "mitigaton" point',
            "error",
            "'mitigaton' is not a pool of this rule set (risk, mitigation)",
        ),
    ],
)
def test_the_points_step_pins_one_answer(step: str, status: str, message: str) -> None:
    result = _one_step(step)
    assert result.status == status, result.message
    assert message in result.message


def test_a_mutant_that_vetting_check_rejects_is_not_counted() -> None:
    report = _mutations("mutation/pins.feature")
    # A worse answer must not score lower: the checker refuses these.
    assert _verdict(report, "zeroed the points of ops.oversight=never") == "rejected"
    assert _verdict(report, "swapped the moderate (20) and high (40)") == "rejected"


def test_every_operator_is_tried() -> None:
    report = _mutations("mutation/pins.feature")
    assert {m.operator for m in report.mutants} == set(OPERATORS)


def test_a_mutant_leaves_the_original_rule_set_alone() -> None:
    from vetting.ruleset.load import load_folder

    loaded = load_folder(PROJECT / "rules" / "mini")
    before = loaded.ruleset.model_dump()
    for mutant in list_mutants(loaded):
        apply_mutant(loaded, mutant)
    assert loaded.ruleset.model_dump() == before


@pytest.mark.slow
def test_vetting_test_mutate_reports_the_missed_and_gates_on_min_score(
    cli: Callable[..., Result], in_project: Path
) -> None:
    result = cli("test", "--mutate", "mutation/loose.feature")
    assert result.code == 1
    assert "Missed (no scenario fails; add one that pins this behaviour)" in result.out
    assert f"  - {DROP_KO}" in result.out
    assert "TOO LOW" in result.out
    lenient = cli("test", "--mutate", "--min-score", "35", "mutation/loose.feature")
    assert lenient.code == 0, lenient.out


@pytest.mark.slow
def test_vetting_test_mutate_passes_when_the_scenarios_pin_enough(
    cli: Callable[..., Result], in_project: Path
) -> None:
    result = cli("test", "--mutate", "features")
    assert result.code == 0, result.out
    assert re.search(r"mutation score: (9\d|100)\.\d % \(required: 90 %\) ok", result.out)
    assert "Equivalent (nothing changes on any scenario or example)" in result.out


# --------------------------------------------------------------------------- health-ai


@pytest.mark.slow
def test_the_default_rule_set_passes_its_features(
    cli: Callable[..., Result], in_root: Path
) -> None:
    """The README's test command runs features/ through `vetting test`."""
    result = cli("test")
    assert result.code == 0, result.out + result.err
    assert result.out.rstrip().endswith("failed: ok")
    assert " 0 failed" in result.out


@pytest.mark.slow
def test_the_default_rule_set_s_features_catch_90_percent_of_mutants() -> None:
    examples = tuple(sorted((ROOT / "examples" / "health-ai").glob("*.yaml")))
    setup = Setup(
        root=ROOT,
        rules=ROOT / "rules" / "health-ai",
        features=tuple(find_features([ROOT / "features"])),
        examples=examples,
    )
    report = run_mutations(setup)
    missed = [m.description for m in report.of("missed")]
    assert report.score >= 90, missed
