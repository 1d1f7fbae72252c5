"""Rule-set lifecycle: overlays, version diffs, old answers on new rules, staleness."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from tests.conftest import FIXTURES, ROOT, Result
from vetting.assess.answers import load_answers, parse_answers
from vetting.assess.score import score
from vetting.interview.prompts import Terminal
from vetting.interview.session import Session
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.diff import diff_rulesets
from vetting.ruleset.migrate import migration
from vetting.ruleset.stale import is_stale

OVERLAY = FIXTURES / "rules" / "chu-overlay"
MINI, MINI_V2 = FIXTURES / "rules" / "mini", FIXTURES / "rules" / "mini-v2"
OLD_ANSWERS = (
    "ruleset: mini@0.1.0\ntool: {name: T}\ndate: 2026-01-15\nanswers:\n  scope.data: patients\n"
    "  data.location: eea\n  data.training: 'no'\nnotes:\n  data.location: Annex 2\n"
)


# ------------------------------------------------------------------ overlays


def test_overlay_adds_overrides_and_disables_by_id() -> None:
    compiled = load_ruleset(OVERLAY)
    rs = compiled.ruleset
    assert (rs.id, rs.version, rs.extends) == ("chu-fictiville", "1.0.0", "health-ai@3.0.0")
    assert "vendor.environmental_footprint" not in compiled.question_by_id
    assert rs.questions[-1].id == "integration.ehr_connector"  # its new section comes last
    location = compiled.question_by_id["hosting.location"]
    assert location.weight == 2
    eea = compiled.choice("hosting.location", "eea")
    assert eea is not None and eea.points == {"risk": 3} and eea.severity == "high"
    assert compiled.category_by_id["vendor"].weight == 1.2
    assert rs.scoring.levels.moderate == 10
    assert "integration.ehr_connector" in compiled.knockout_capable
    assert rs.languages == ("fr", "en")


def test_overlay_changes_the_outcome_of_the_same_answers() -> None:
    base, overlay = load_ruleset(ROOT / "rules" / "health-ai"), load_ruleset(OVERLAY)
    path = ROOT / "examples" / "health-ai" / "scribe-accept.yaml"
    text = path.read_text(encoding="utf-8").replace("location: france", "location: eea")
    a, _ = parse_answers(text, base, file=str(path))
    # The overlay disabled the footprint question: its answer goes, the rest stays.
    text = text.replace("  vendor.environmental_footprint: reported\n", "")
    text = text.replace("answers:\n", "answers:\n  integration.ehr_connector: approved_connector\n")
    b, _ = parse_answers(text.replace("health-ai@3.0.0", "chu-fictiville@1.0.0"), overlay)
    assert score(base, a).verdict == "accept"
    assert score(overlay, b).verdict == "conditional"  # the CHU's stricter hosting policy


BROKEN_OVERLAYS = {
    "unknown question": (
        "overrides.yaml",
        "    vendor.environmental_footprint:\n      disabled: true\n",
        "    vendor.environmental_footprint:\n      disabled: true\n"
        "    hosting.locaton: {weight: 3}\n",
        "overrides.yaml:14:5: overrides.questions.hosting.locaton: no question 'hosting.locaton' "
        "to override (did you mean 'hosting.location'?)",
    ),
    "bad overridden condition": (
        "overrides.yaml",
        "    vendor.environmental_footprint:\n      disabled: true\n",
        "    vendor.environmental_footprint:\n      disabled: true\n    reuse.training:\n"
        "      when: {question: scope.patient_dta, includes_any: [identifiable]}\n",
        "overrides.yaml:15:14: overrides.questions.reuse.training.when.question: unknown question "
        "id 'scope.patient_dta' (did you mean 'scope.patient_data'?)",
    ),
    "unknown choice": (
        "overrides.yaml",
        "        eea:\n",
        "        europe: {severity: low}\n        eea:\n",
        "overrides.yaml:6:9: overrides.questions.hosting.location.choices.europe: 'europe' is not "
        "a choice of 'hosting.location'",
    ),
    "base version not found": (
        "ruleset.yaml",
        "extends: health-ai@^3",
        "extends: health-ai@^4",
        "ruleset.yaml:6:1: extends: base rule set 'health-ai@^4' not found (<embedded>/health-ai "
        "is 3.0.0) (put the base beside this folder, or change the version constraint)",
    ),
    "other languages": (
        "ruleset.yaml",
        "as_of: 2026-11-24",
        "as_of: 2026-11-24\nlanguages: [fr]",
        "ruleset.yaml:9:1: languages: an overlay keeps its base's languages (fr, en) "
        "(remove 'languages' from the overlay)",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_OVERLAYS))
def test_overlay_problems_point_into_the_overlay(
    case: str, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    name, old, new, expected = BROKEN_OVERLAYS[case]
    folder = tmp_path / "chu"
    shutil.copytree(OVERLAY, folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "chu")
    assert result.code == 2
    assert f"chu/{expected}" in result.err.splitlines(), result.err


def test_disabling_a_question_other_conditions_read_is_explained(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "chu"
    shutil.copytree(OVERLAY, folder)
    text = (folder / "overrides.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  categories:\n", "    scope.generative: {disabled: true}\n  categories:\n"
    )
    (folder / "overrides.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "chu")
    assert result.code == 2
    manifest = (ROOT / "rules/health-ai/ruleset.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(manifest, 1) if "question: scope.generative" in text)
    assert (
        f"<embedded>/health-ai/ruleset.yaml:{line}:7: definitions.generative.when.question: reads "
        "'scope.generative', which the overlay disables (at chu/overrides.yaml:14:5) "
        "(override this condition too, or keep the question)"
    ) in result.err.splitlines()


def test_overrides_without_extends_are_refused(tmp_path: Path, cli: Callable[..., Result]) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    with (folder / "questions.yaml").open("a", encoding="utf-8") as handle:
        handle.write("overrides:\n  questions: {}\n")
    result = cli("check", str(folder))
    assert result.code == 2
    assert "overrides apply only to an overlay" in result.err


# ------------------------------------------------------------------ versions


def test_rules_diff_lists_what_an_overlay_changes(
    cli: Callable[..., Result], in_root: Path
) -> None:
    result = cli("rules", "diff", "rules/health-ai", "tests/fixtures/rules/chu-overlay")
    assert result.code == 1
    lines = result.out.splitlines()
    assert "  [major] vendor.environmental_footprint: question removed" in lines
    assert "  [minor] hosting.location: choice 'eea': points risk 0 -> risk 3" in lines
    assert "  [minor] scoring: levels.high 30 -> 25" in lines
    assert "  [minor] integration.ehr_connector: question added" in lines
    assert lines[-1] == "version: not compared (chu-fictiville is another rule set than health-ai)"


def test_rules_diff_of_a_rule_set_with_itself_is_empty(
    cli: Callable[..., Result], in_root: Path
) -> None:
    result = cli("rules", "diff", "rules/health-ai", "rules/health-ai")
    assert result.code == 0
    assert "0 changes" in result.out


@pytest.mark.parametrize(("version", "code"), [("0.2.0", 1), ("1.0.0", 0)])
def test_version_bump_is_checked(
    version: str, code: int, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "v2"
    shutil.copytree(MINI_V2, folder)
    manifest = folder / "ruleset.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        .replace("version: 0.2.0", f"version: {version}")
        .replace("  - version: 0.2.0", f"  - version: {version}"),
        encoding="utf-8",
    )
    result = cli("rules", "diff", str(MINI), str(folder), "--check-version")
    assert result.code == code, result.out
    assert "the changes need a major bump" in result.out


def test_diff_classifies_renames_as_compatible_and_declared_meaning_changes_as_major() -> None:
    changes = diff_rulesets(load_ruleset(MINI).ruleset, load_ruleset(MINI_V2).ruleset)
    by_subject = {(c.subject, c.bump, c.what) for c in changes}
    assert ("data.location", "minor", "renamed 'data.storage' (answers are migrated)") in by_subject
    assert ("data.storage", "minor", "choice 'eea' renamed 'europe'") in by_subject
    assert ("data.training", "major", "meaning changed (declared in the changelog)") in by_subject
    assert ("data.retention", "minor", "question added") in by_subject


def test_diff_names_a_definition_added_or_removed_in_a_stable_order() -> None:
    rs = load_ruleset(ROOT / "rules" / "health-ai").ruleset
    names = sorted(rs.definitions)[:2]
    fewer = rs.model_copy(
        update={"definitions": {k: v for k, v in rs.definitions.items() if k not in names}}
    )
    removed = [(c.subject, c.bump, c.what) for c in diff_rulesets(rs, fewer)]
    assert removed == [(f"definition {n}", "minor", "removed") for n in names]
    added = [(c.subject, c.what) for c in diff_rulesets(fewer, rs)]
    assert added == [(f"definition {n}", "added") for n in names]


# ------------------------------------------------------------------ old answers, new rules


def test_old_answers_are_migrated_and_the_changes_listed(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD_ANSWERS, encoding="utf-8")
    compiled = load_ruleset(MINI_V2)
    answers, warnings = load_answers(path, compiled)
    assert answers.answers == {
        "scope.data": "patients",
        "data.storage": "europe",
        "data.training": "no",
    }
    assert answers.notes == {"data.storage": "Annex 2"}
    text = "\n".join(str(w) for w in warnings)
    assert "renamed (answers carried over): data.location -> data.storage" in text
    assert "added (to answer): data.retention" in text
    assert "changed in meaning (old answers not counted until answered again): data.training" in (
        text
    )
    result = score(compiled, answers)
    # The answer to a question whose meaning changed is kept in the file but not counted.
    assert result.unanswered == ("data.training", "data.retention")


def test_strict_refuses_old_answers(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD_ANSWERS, encoding="utf-8")
    result = cli("score", "--strict", "--rules", str(MINI_V2), str(path))
    assert result.code == 2
    assert "changed in meaning (old answers not counted until answered again): data.training" in (
        result.err
    )


def test_migration_composes_successive_renames() -> None:
    rs = load_ruleset(MINI_V2).ruleset
    moves = migration(rs, "0.1.0")
    assert moves.question("data.location") == "data.storage"
    assert moves.choice("data.storage", "eea") == "europe"
    assert migration(rs, "0.2.0").is_empty()


def test_resuming_old_answers_asks_only_the_new_and_changed_questions(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD_ANSWERS, encoding="utf-8")
    compiled = load_ruleset(MINI_V2)
    answers, _ = load_answers(path, compiled)
    with create_pipe_input() as pipe:
        out = io.StringIO()
        term = Terminal("en", out=out, prompt_kwargs={"input": pipe, "output": DummyOutput()})
        session = Session(compiled, term, path, answers, live=False, reask={"data.training"})
        asked: list[str] = []
        original = session.header

        def spy(question_id: str) -> str:
            asked.append(question_id)
            return original(question_id)

        session.header = spy  # type: ignore[method-assign]
        # training: keep "no" (the pointer is on it), no evidence; retention: short (two up
        # from "I don't know"), no evidence. The input then ends: a test never hangs.
        pipe.send_text("\r\r" + "\x1b[A\x1b[A\r\r")
        pipe.close()
        session.run()
    assert asked == ["data.training", "data.retention"]
    saved, warnings = load_answers(path, compiled)
    assert warnings == []  # saved under the new version
    assert saved.ruleset == "mini@0.2.0"
    assert saved.answers["data.retention"] == "short"


# ------------------------------------------------------------------ staleness


def test_rule_set_is_stale_after_its_review_period() -> None:
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    assert not is_stale(compiled, dt.date(2027, 12, 4))
    assert is_stale(compiled, dt.date(2027, 12, 5))


def test_check_stale_lists_due_sources_and_points_to_verify(
    cli: Callable[..., Result], in_root: Path
) -> None:
    current = cli("check", "--stale", "--today", "2027-01-01")
    assert current.code == 0
    assert "review by 2027-12-04: current" in current.out
    assert "sources not checked for 12 months: 0" in current.out
    assert "points marked to verify:" in current.out
    assert "digital_omnibus_ai" in current.out
    due = cli("check", "--stale", "--today", "2028-01-01")
    assert "DUE FOR REVIEW" in due.out
    assert "  gdpr: Regulation (EU) 2016/679 (GDPR) (last checked 2026-12-04)" in due.out


def test_a_feature_file_pins_the_overlay_policy_and_the_inherited_knockouts(
    cli: Callable[..., Result], in_root: Path
) -> None:
    result = cli("test", "tests/fixtures/features/overlay")
    assert result.code == 0, result.out + result.err
    assert "✓ tests/fixtures/features/overlay/chu.feature: 9 passed" in result.out
