"""score(): hand-computed results on a small rule set, one feature at a time.

The fixture (tests/fixtures/scoring/clinic) weighs the data category x2 and
`data.hosting` x1.5, so hosting points count x3. With the default scope
(identifiable patient data, vendor SaaS) the risk maximum is
15 (hosting) + 8 (hds) + 10 (training) + 6 (training scope) + 4 (oversight)
+ 3 (safeguards) + 2 (the unsupervised-data rule) = 48, and mitigation's is
6 + 4 + 2 + 3 + 3 = 18.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.support.paths import ROOT
from vetting.assess import Answers, Evidence, Tool, assessment_json, explain, load_answers, score
from vetting.assess.assessment import (
    LEVELS,
    SEVERITIES,
    VERDICTS,
    Assessment,
    WhatIf,
    assessment_schema,
)
from vetting.assess.numbers import LevelRank, SeverityRank, VerdictRank
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

CLINIC = FIXTURES / "scoring" / "clinic"

SCOPE: dict[str, Any] = {"scope.patient_data": ["identifiable"], "scope.deployment": "vendor_saas"}
BASE: dict[str, Any] = {
    **SCOPE,
    "data.hosting": "eea",
    "data.hds": "yes",
    "data.training": "opt_out",
    "data.training_scope": "deidentified",
    "ops.oversight": "sometimes",
    "ops.safeguards": ["audit_log", "encryption"],
    "ops.uptime": 99.5,
}
ON_PREMISES: dict[str, Any] = {
    "scope.patient_data": ["identifiable"],
    "scope.deployment": "on_premises",
    "data.hosting": "eea",
    "data.training": "never",
    "ops.oversight": "sometimes",
    "ops.safeguards": ["audit_log", "encryption"],
    "ops.uptime": 99,
}

#: The date the tests' answers are assessed on (scoring needs one).
DAY = dt.date(2026, 1, 1)  # the clinic rule set's as_of


def variant(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> CompiledRuleSet:
    """The clinic rule set with some text replaced: one scoring option changed at a time."""
    folder = tmp_path / "clinic"
    shutil.copytree(CLINIC, folder)
    for name, pairs in edits.items():
        text = (folder / name).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new)
        (folder / name).write_text(text, encoding="utf-8")
    return load_ruleset(folder)


def answers(values: dict[str, Any], **fields: Any) -> Answers:
    """Answers in memory; a value of None drops the question (unanswered)."""
    kept = {qid: value for qid, value in values.items() if value is not None}
    fields.setdefault("date", DAY)
    return Answers(ruleset="clinic@1.0.0", tool=Tool(name="Tool"), answers=kept, **fields)


def run(compiled: CompiledRuleSet, values: dict[str, Any], **fields: Any) -> Assessment:
    return score(compiled, answers(values, **fields))


def test_a_hand_computed_assessment(clinic: CompiledRuleSet) -> None:
    a = run(clinic, BASE)
    # risk: training opt_out 3x2 + training scope 1x2 + oversight 2 = 10 of 48
    assert (a.pool("risk").raw, a.pool("risk").adjusted, a.pool("risk").max) == (10, 10, 48)
    assert a.score == 20.8
    assert a.level == "moderate"
    assert a.verdict == "conditional"
    # mitigation: hosting 2x3 + hds 2x2 + oversight 1 + safeguards 2 = 13 of 18 = 72.2 %
    assert (a.pool("mitigation").raw, a.pool("mitigation").max) == (13, 18)
    assert a.pool("mitigation").percent == 72.2
    assert [(adj.id, adj.applied, adj.if_percent) for adj in a.adjustments] == [
        ("mitigation_discount", False, 72.2)
    ]
    assert [(c.id, c.points, c.max, c.score, c.level) for c in a.categories] == [
        ("data", 8, 39, 20.5, "moderate"),
        ("ops", 2, 9, 22.2, "moderate"),
    ]
    assert a.unanswered == ("data.dpa_date",)
    assert a.completeness == 90.0  # 9 of 10 relevant questions answered
    assert [(f.id, f.kind, f.severity, f.points) for f in a.findings] == [
        ("data.training", "answer", "medium", {"risk": 6}),
        ("data.training_scope", "answer", "info", {"risk": 2}),
        ("data.dpa_date", "unknown", "info", {}),
        ("ops.oversight", "answer", "info", {"risk": 2, "mitigation": 1}),
    ]
    assert a.knockouts == () and a.pending == ()
    assert a.ruleset.sha256 == clinic.origin.sha256
    assert a.assessment_date == clinic.ruleset.as_of


def test_each_answer_carries_the_points_the_scorer_added(clinic: CompiledRuleSet) -> None:
    """The report shows these figures as they are: it never computes points again."""
    a = run(clinic, {**BASE, "data.training": "unknown", "data.training_scope": None})
    # Every relevant question but the scope's, in asking order (ai_literacy is not relevant).
    assert a.answer_points == {
        "data.hosting": {"mitigation": 6},  # 2 x 1.5 x 2
        "data.hds": {"mitigation": 4},
        "data.training": {"risk": 10},  # unknown scores the worst: 5 x 2
        "data.training_scope": {"risk": 6},  # unanswered, so unknown: 3 x 2
        "data.dpa_date": {},
        "ops.oversight": {"risk": 2, "mitigation": 1},
        "ops.safeguards": {"mitigation": 2},
        "ops.uptime": {},
    }
    assert all(a.answer_points[f.id] == f.points for f in a.findings if f.kind != "rule")
    assert sum(points.get("risk", 0) for points in a.answer_points.values()) == a.pool("risk").raw
    # Not (yet) part of the JSON contract, which stays as documented.
    assert "answer_points" not in assessment_json(a)
    assert "answer_points" not in assessment_schema()["properties"]


def test_ranks_follow_the_names_results_use() -> None:
    assert tuple(rank.id for rank in LevelRank) == LEVELS
    assert tuple(rank.id for rank in VerdictRank) == VERDICTS
    assert tuple(rank.id for rank in SeverityRank) == SEVERITIES
    assert VerdictRank.of("pending_evidence") is VerdictRank.PENDING_EVIDENCE
    assert VerdictRank.ACCEPT < VerdictRank.CONDITIONAL < VerdictRank.REJECT


def test_strong_mitigation_discounts_the_risk_with_declared_rounding(
    clinic: CompiledRuleSet,
) -> None:
    values = {
        **SCOPE,
        "data.hosting": "eea",
        "data.hds": "yes",
        "data.training": "never",
        "ops.oversight": "always",
        "ops.safeguards": ["none"],
        "data.dpa_date": dt.date(2025, 1, 1),
        "ops.uptime": 99,
    }
    a = run(clinic, values)
    # mitigation 6 + 4 + 2 + 3 = 15 of 18 = 83.3 % >= 80 %: risk 3 x 0.85 = 2.55 -> 2.6
    assert a.pool("mitigation").percent == 83.3
    assert (a.pool("risk").raw, a.pool("risk").adjusted) == (3, 2.6)
    assert a.adjustments[0].applied
    assert a.score == 5.4  # 2.6 / 48
    assert (a.level, a.verdict) == ("low", "accept")


@pytest.mark.parametrize(
    ("rounding", "adjusted", "score_"),
    [("half_up", 3, 6.3), ("half_even", 2, 4.2), ("down", 2, 4.2), ("up", 3, 6.3)],
)
def test_each_rounding_mode(tmp_path: Path, rounding: str, adjusted: float, score_: float) -> None:
    compiled = variant(
        tmp_path,
        {
            "ruleset.yaml": [
                ("reaches_percent: 80", "reaches_percent: 70"),
                ("multiply_by: 0.85", "multiply_by: 0.5"),
                ("rounding: half_up", f"rounding: {rounding}"),
                ("decimals: 1", "decimals: 0"),
            ]
        },
    )
    values = {**BASE, "data.training": "never", "data.training_scope": None}
    values["ops.safeguards"] = ["none"]
    a = run(compiled, values)
    # mitigation 6 + 4 + 2 + 1 = 13 of 18 = 72.2 % >= 70 %: risk (2 + 3) x 0.5 = 2.5
    assert a.pool("risk").raw == 5
    assert a.pool("risk").adjusted == adjusted
    assert a.score == score_


@pytest.mark.parametrize(
    ("changes", "verdict", "knockouts", "pending"),
    [
        pytest.param(
            {"data.hosting": "outside_eea"},
            "reject",
            ["data.hosting=outside_eea"],
            [],
            id="KO*-holds",
        ),
        pytest.param(
            {"data.hosting": "outside_eea", "scope.deployment": "on_premises", "data.hds": None},
            "conditional",
            [],
            [],
            id="KO*-condition-false",
        ),
        pytest.param(
            {"data.hosting": "outside_eea", "scope.deployment": "unknown"},
            "pending_evidence",
            [],
            [("data.hosting=outside_eea", "undecided", ("scope.deployment",))],
            id="KO*-condition-undecided",
        ),
        pytest.param(
            {"data.hosting": "unknown"},
            "pending_evidence",
            [],
            [("data.hosting", "unknown", ("data.hosting",))],
            id="unknown-on-KO-capable",
        ),
        pytest.param(
            {"data.hosting": "unknown", "scope.deployment": "on_premises", "data.hds": None},
            "conditional",
            [],
            [],
            id="unknown-but-KO-impossible",
        ),
        pytest.param({"data.hds": "no"}, "reject", ["data.hds=no"], [], id="KO"),
        pytest.param(
            {"data.hds": None},
            "pending_evidence",
            [],
            [("data.hds", "unknown", ("data.hds",))],
            id="unanswered-KO-capable",
        ),
        pytest.param(
            {"data.training_scope": "identified"},
            "reject",
            ["data.identified_training"],
            [],
            id="rule-KO",
        ),
        pytest.param(
            {
                "data.training_scope": "identified",
                "scope.patient_data": ["anonymised"],
                "scope.deployment": "on_premises",
            },
            "conditional",
            [],
            [],
            id="rule-fires-KO-condition-false",
        ),
        pytest.param(
            {"data.training_scope": "unknown"},
            "pending_evidence",
            [],
            [("data.identified_training", "undecided", ("data.training_scope",))],
            id="rule-KO-undecided",
        ),
    ],
)
def test_knockouts_and_pending_evidence(
    clinic: CompiledRuleSet,
    changes: dict[str, Any],
    verdict: str,
    knockouts: list[str],
    pending: list[tuple[str, str, tuple[str, ...]]],
) -> None:
    a = run(clinic, {**BASE, **changes})
    assert a.verdict == verdict
    assert [k.id for k in a.knockouts] == knockouts
    assert [(p.id, p.kind, p.questions) for p in a.pending] == pending


def test_a_knockout_explains_itself(clinic: CompiledRuleSet) -> None:
    a = run(clinic, {**BASE, "data.hosting": "outside_eea"})
    (ko,) = a.knockouts
    assert ko.kind == "choice" and ko.choice == "outside_eea"
    assert ko.questions == ("data.hosting", "scope.patient_data", "scope.deployment")
    assert ko.answers == {
        "data.hosting": "outside_eea",
        "scope.patient_data": ["identifiable"],
        "scope.deployment": "vendor_saas",
    }
    assert ko.rationale == {"fr": "Transfert interdit.", "en": "Transfer not allowed."}
    assert ko.references == ({"ref": "gdpr", "article": "art. 44"},)
    finding = a.findings[0]
    assert (finding.id, finding.severity, finding.knockout) == ("data.hosting", "blocker", True)
    assert finding.recommendation == {"fr": "Refuser.", "en": "Refuse."}
    assert finding.ask_vendor == {"fr": "Le contrat d'hébergement.", "en": "The hosting contract."}


def test_a_rule_knockout_is_a_blocker_finding(clinic: CompiledRuleSet) -> None:
    a = run(clinic, {**BASE, "data.training_scope": "identified"})
    rule = next(f for f in a.findings if f.kind == "rule")
    assert (rule.id, rule.severity, rule.knockout) == ("data.identified_training", "blocker", True)
    assert rule.questions == ("scope.patient_data", "data.training_scope")
    assert rule.ask_vendor == {"fr": "Sur quelle base légale ?", "en": "On which legal basis?"}


def test_an_answer_made_irrelevant_is_not_applicable_not_an_error(clinic: CompiledRuleSet) -> None:
    a = run(clinic, {**ON_PREMISES, "data.hds": "no"})  # no third party: hds is not asked
    assert a.not_applicable == ("data.hds",)
    assert a.knockouts == ()
    assert "data.hds" not in a.unanswered


def test_unknown_scores_the_worst_risk_and_becomes_a_vendor_question(
    clinic: CompiledRuleSet,
) -> None:
    a = run(clinic, {**BASE, "data.training": "unknown", "data.training_scope": None})
    # training unknown: worst 5x2 = 10; its follow-up is asked too (undecided) and unanswered: 3x2
    assert a.pool("risk").raw == 10 + 6 + 2
    assert a.pool("mitigation").raw == 6 + 4 + 1 + 2  # no mitigation for unknown
    assert a.unknown == ("data.training",)
    assert a.unanswered == ("data.training_scope", "data.dpa_date")
    unknown = {f.id: f for f in a.findings if f.kind == "unknown"}
    assert unknown["data.training"].severity == "high"  # the worst choice's
    assert unknown["data.training"].answers == {"data.training": "unknown"}


@pytest.mark.parametrize(
    ("edit", "risk", "score_"),
    [
        pytest.param([], 18, 37.5, id="worst"),
        pytest.param([("unknown: worst", "unknown: zero")], 2, 4.2, id="zero"),
    ],
)
def test_unknown_policy(
    tmp_path: Path, edit: list[tuple[str, str]], risk: float, score_: float
) -> None:
    compiled = variant(tmp_path, {"ruleset.yaml": edit})
    a = run(compiled, {**BASE, "data.training": "unknown", "data.training_scope": None})
    assert (a.pool("risk").raw, a.score) == (risk, score_)


def test_a_question_may_declare_how_unknown_scores(tmp_path: Path) -> None:
    compiled = variant(
        tmp_path,
        {
            "data.yaml": [
                (
                    '    help: {fr: "Réutilisation.", en: "Reuse."}\n',
                    '    help: {fr: "Réutilisation.", en: "Reuse."}\n'
                    "    unknown: {points: {risk: 4}, severity: medium}\n",
                )
            ]
        },
    )
    a = run(compiled, {**BASE, "data.training": "unknown", "data.training_scope": "deidentified"})
    assert a.pool("risk").raw == 4 * 2 + 2 + 2
    assert next(f for f in a.findings if f.id == "data.training").severity == "medium"


@pytest.mark.parametrize(
    ("denominator", "values", "risk_max", "mitigation_max", "score_"),
    [
        ("scope", BASE, 48, 18, 20.8),
        ("relevant", BASE, 46, 18, 21.7),
        ("all", BASE, 50, 18, 20.0),
        # No third party: hds and the art. 28 date leave the scope's maximum.
        ("scope", ON_PREMISES, 40, 14, 5.0),
        # Training never: its follow-up is not relevant either.
        ("relevant", ON_PREMISES, 32, 14, 6.3),
        ("all", ON_PREMISES, 50, 18, 4.0),
    ],
)
def test_denominator_conventions(
    tmp_path: Path,
    denominator: str,
    values: dict[str, Any],
    risk_max: float,
    mitigation_max: float,
    score_: float,
) -> None:
    compiled = variant(
        tmp_path, {"ruleset.yaml": [("denominator: scope", f"denominator: {denominator}")]}
    )
    a = run(compiled, values)
    assert a.denominator == denominator
    assert (a.pool("risk").max, a.pool("mitigation").max, a.score) == (
        risk_max,
        mitigation_max,
        score_,
    )


def test_the_scope_denominator_ignores_non_scope_answers(clinic: CompiledRuleSet) -> None:
    """A worse answer that opens a follow-up cannot enlarge the maximum."""
    never = run(clinic, {**BASE, "data.training": "never", "data.training_scope": None})
    default = run(clinic, {**BASE, "data.training": "default", "data.training_scope": "identified"})
    assert never.pool("risk").max == default.pool("risk").max == 48


def test_levels_in_absolute_points(tmp_path: Path) -> None:
    compiled = variant(
        tmp_path,
        {
            "ruleset.yaml": [
                (
                    "levels: {unit: percent, moderate: 20, high: 40, critical: 65}",
                    "levels: {unit: points, moderate: 10, high: 20, critical: 30}",
                )
            ]
        },
    )
    a = run(compiled, BASE)
    assert (a.pool("risk").adjusted, a.level) == (10, "moderate")
    # A category uses the same share of the maximum: 10 of 48 = 20.83 %.
    assert [(c.id, c.score, c.level) for c in a.categories] == [
        ("data", 20.5, "low"),
        ("ops", 22.2, "moderate"),
    ]


def test_the_assessment_date_feeds_dated_conditions(clinic: CompiledRuleSet) -> None:
    before = run(clinic, BASE)
    after = run(clinic, BASE, date=dt.date(2026, 11, 24))
    assert before.assessment_date == dt.date(2026, 1, 1)  # the rule set's as_of, never the clock
    assert "ops.ai_literacy" not in before.unanswered
    assert after.unanswered == ("data.dpa_date", "ops.ai_literacy")
    # The duty now applies: unanswered, it scores its worst (2) in a maximum of 50.
    assert (after.pool("risk").raw, after.pool("risk").max, after.score) == (12, 50, 24.0)


def test_expired_evidence_is_flagged_on_the_assessment_date(clinic: CompiledRuleSet) -> None:
    evidence = {"data.hds": Evidence(text="HDS certificate", expires=dt.date(2026, 6, 30))}
    assert run(clinic, BASE, evidence=evidence).evidence[0].expired is False
    late = run(clinic, BASE, evidence=evidence, date=dt.date(2026, 11, 24))
    assert late.evidence[0].expired is True


def test_scoring_is_deterministic_and_serialisable(clinic: CompiledRuleSet) -> None:
    values = {**BASE, "data.hosting": "unknown", "data.training_scope": "identified"}
    first, second = run(clinic, values), run(clinic, values)
    assert first == second
    text = json.dumps(assessment_json(first), ensure_ascii=False, sort_keys=True)
    assert text == json.dumps(assessment_json(second), ensure_ascii=False, sort_keys=True)
    assert Assessment.model_validate(first.model_dump()) == first
    reordered = dict(reversed(list(values.items())))
    assert run(clinic, reordered) == first


def test_the_assessment_records_what_was_scored(clinic: CompiledRuleSet, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "ruleset: clinic@1.0.0\ntool: {name: T}\ndate: 2026-01-01\n"
        "answers: {data.training: never}\n",
        encoding="utf-8",
    )

    loaded, _ = load_answers(path, clinic)
    a = score(clinic, loaded)
    import hashlib

    assert a.answers_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (a.ruleset.id, a.ruleset.version, a.ruleset.sha256) == (
        "clinic",
        "1.0.0",
        clinic.origin.sha256,
    )
    assert a.source == str(path)


# --------------------------------------------------------------------------- explanation


def _changes(whatif: WhatIf) -> list[tuple[str, Any, Any]]:
    return [(c.question, c.from_, c.to) for c in whatif.changes]


def test_contributors_rank_the_answers_that_weigh_most(clinic: CompiledRuleSet) -> None:
    a = run(clinic, BASE)
    assert a.explanation is not None
    assert [(c.id, c.points, c.share) for c in a.explanation.contributors] == [
        ("data.training", 6, 60.0),
        ("data.training_scope", 2, 20.0),  # ties keep the asking order
        ("ops.oversight", 2, 20.0),
    ]


def test_what_would_lower_the_level(clinic: CompiledRuleSet) -> None:
    a = run(clinic, BASE)
    assert a.explanation is not None
    level, verdict = a.explanation.what_would_change
    assert (level.target, level.reached) == ("level", True)
    # Training never: its follow-up goes, mitigation reaches 83 %, 2 x 0.85 = 1.7 of 48.
    assert _changes(level) == [("data.training", "opt_out", "never")]
    assert (level.level, level.verdict, level.score) == ("low", "accept", 3.5)
    assert (verdict.target, _changes(verdict)) == ("verdict", _changes(level))


@pytest.mark.parametrize(
    ("changes", "target", "expected"),
    [
        pytest.param(
            {"data.hosting": "outside_eea"},
            ("knockout", "data.hosting=outside_eea"),
            [("data.hosting", "outside_eea", "adequacy")],  # the smallest move that lifts it
            id="KO",
        ),
        pytest.param(
            {"data.training_scope": "identified"},
            ("knockout", "data.identified_training"),
            [("data.training_scope", "identified", "deidentified")],
            id="rule-KO",
        ),
        pytest.param(
            {"data.hosting": "unknown"},
            ("pending", "data.hosting"),
            [("data.hosting", "unknown", "eea")],
            id="pending-unknown",
        ),
        pytest.param(
            {"data.hds": None},
            ("pending", "data.hds"),
            [("data.hds", None, "yes")],
            id="pending-unanswered",
        ),
        pytest.param(
            {"data.hosting": "outside_eea", "scope.deployment": "unknown"},
            ("pending", "data.hosting=outside_eea"),
            [("data.hosting", "outside_eea", "adequacy")],  # never the scope
            id="pending-undecided",
        ),
    ],
)
def test_what_would_lift_a_knockout_or_a_pending_item(
    clinic: CompiledRuleSet,
    changes: dict[str, Any],
    target: tuple[str, str],
    expected: list[tuple[str, Any, Any]],
) -> None:
    a = run(clinic, {**BASE, **changes})
    assert a.explanation is not None
    found: dict[tuple[str, str | None], WhatIf] = {
        (w.target, w.id): w for w in a.explanation.what_would_change
    }
    whatif = found[target]
    assert whatif.reached
    assert _changes(whatif) == expected


def test_a_knockout_of_the_scope_alone_cannot_be_explained_away(tmp_path: Path) -> None:
    compiled = variant(
        tmp_path,
        {
            "data.yaml": [
                (
                    "findings:\n",
                    "findings:\n"
                    "  - id: data.saas_forbidden\n"
                    "    when: {question: scope.deployment, equals: vendor_saas}\n"
                    '    message: {fr: "SaaS interdit.", en: "No SaaS."}\n'
                    "    knockout:\n"
                    '      rationale: {fr: "Politique.", en: "Policy."}\n'
                    "      references: [{ref: csp}]\n",
                )
            ]
        },
    )
    a = run(compiled, BASE)
    assert a.verdict == "reject"
    assert a.explanation is not None
    whatif = next(w for w in a.explanation.what_would_change if w.id == "data.saas_forbidden")
    assert (whatif.reached, whatif.changes, whatif.note) == (
        False,
        (),
        "depends on scope answers only",
    )


def test_no_explanation_changes_the_scope(clinic: CompiledRuleSet) -> None:
    values = {**BASE, "data.hosting": "outside_eea", "data.hds": None, "ops.oversight": "never"}
    a = run(clinic, values)
    assert a.explanation is not None
    touched = {c.question for w in a.explanation.what_would_change for c in w.changes}
    assert touched and not any(q.startswith("scope.") for q in touched)


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in (ROOT / "examples" / "health-ai").glob("*.yaml"))
)
def test_no_explanation_proposes_a_fact_about_the_tools_origin(name: str) -> None:
    """ "Made in your own institution" is not a way for a vendor's product to lift a missing
    CE marking: a choice marked `proposed: false` is never a proposed change."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    not_proposed = {(q.id, c.id) for q in compiled.questions for c in q.choices if not c.proposed}
    assert ("regulatory.medical_device", "in_house") in not_proposed
    given, _ = load_answers(ROOT / "examples" / "health-ai" / f"{name}.yaml", compiled)
    a = score(compiled, given)
    assert a.explanation is not None
    proposed = {
        (c.question, choice)
        for w in [*a.explanation.what_would_change, *a.explanation.lifts]
        for c in w.changes
        for choice in (c.to if isinstance(c.to, list) else [c.to])
    }
    assert not proposed & not_proposed
    if name == "imaging-no-ce-reject":  # it was proposed before the flag
        lift = a.explanation.what_would_change[0]
        assert lift.reached and lift.changes[0].to == "clinical_investigation"


def test_explain_can_be_skipped_or_run_alone(clinic: CompiledRuleSet) -> None:
    given = answers(BASE)
    assert score(clinic, given, explain=False).explanation is None
    assert explain(clinic, given) == score(clinic, given).explanation


_SCORED = sorted((ROOT / "examples" / "health-ai").glob("*.yaml")) + sorted(
    (ROOT / "features" / "tools").glob("*.yaml")
)


@pytest.mark.parametrize("path", _SCORED, ids=lambda path: path.name)
def test_a_result_built_without_validation_is_what_validation_makes(path: Path) -> None:
    """`score()` builds its findings unvalidated (`model_construct`, each kept for the
    next files): each result must equal its own validated copy, field by field, types
    included (a list where a tuple belongs would differ)."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(path, compiled)
    built = score(compiled, answers)
    assert Assessment.model_validate(built.model_dump()) == built
