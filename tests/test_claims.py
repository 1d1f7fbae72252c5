"""Nothing reassures wrongly: the level's floors, contradictions, evidence, review periods.

On the small rule set `tests/fixtures/scoring/claims`: one hosting question
whose first answer ("your own infrastructure") contradicts a SaaS, whose
"certified" answer needs verified evidence (and passes that need down the
list), a contract that needs declared evidence, and backups whose worst
answer is a critical finding. The maximum under a SaaS is 4 + 4 + 2 = 10.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from vetting.assess import Answers, Evidence, Tool, explain, score
from vetting.assess.assessment import Assessment
from vetting.errors import VettingError
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

CLAIMS = FIXTURES / "scoring" / "claims"
SAAS: dict[str, Any] = {
    "scope.deployment": "vendor_saas",
    "host.certified": "certified",
    "host.contract": "signed",
    "host.backups": "tested",
}
PROVEN = {
    "host.certified": Evidence(text="certificate", status="verified"),
    "host.contract": Evidence(text="contract", status="declared"),
}


@pytest.fixture(scope="module")
def claims() -> CompiledRuleSet:
    return load_ruleset(CLAIMS)


def _score(
    compiled: CompiledRuleSet,
    changes: dict[str, Any] | None = None,
    evidence: dict[str, Evidence] | None = None,
    day: dt.date = dt.date(2026, 6, 1),
) -> Assessment:
    answers = Answers(
        ruleset="claims",
        tool=Tool(name="t"),
        date=day,
        answers={**SAAS, **(changes or {})},
        evidence=PROVEN if evidence is None else evidence,
    )
    return score(compiled, answers)


# ------------------------------------------------------------------ one risk scale


def test_a_proven_tool_is_accepted_at_its_points_level(claims: CompiledRuleSet) -> None:
    a = _score(claims)
    assert (a.verdict, a.level, a.points_level, a.level_raised_by) == ("accept", "low", "low", ())
    assert a.pending == ()


@pytest.mark.parametrize(
    ("changes", "verdict", "level", "raised"),
    [
        # 4 points of 10: points band high (40), a knock-out makes it critical.
        ({"host.certified": "none"}, "reject", "critical", [("knockout", "critical")]),
        # 2 points of 10: low band (20 is moderate), a critical finding floors it at high.
        ({"host.backups": "none"}, "conditional", "high", [("finding", "high")]),
        # 6 of 10: band high already; the critical finding's floor (high) raises nothing.
        (
            {"host.contract": "none", "host.backups": "none"},
            "reject",
            "critical",
            [("knockout", "critical")],
        ),
    ],
)
def test_the_level_is_raised_by_what_was_found(
    claims: CompiledRuleSet,
    changes: dict[str, Any],
    verdict: str,
    level: str,
    raised: list[tuple[str, str]],
) -> None:
    a = _score(claims, changes)
    assert (a.verdict, a.level) == (verdict, level)
    assert [(r.kind, r.level) for r in a.level_raised_by] == raised
    assert a.points_level != a.level


def test_the_section_holding_a_knockout_is_critical(claims: CompiledRuleSet) -> None:
    (host,) = _score(claims, {"host.contract": "none"}).categories
    assert (host.points_level, host.level) == ("high", "critical")  # 4 of 10
    assert [(r.kind, r.ids) for r in host.level_raised_by] == [("knockout", ("host.contract",))]


def test_floors_are_the_rule_set_s_own(claims: CompiledRuleSet, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(CLAIMS, folder)
    manifest = folder / "ruleset.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace(
            "  score_pool: risk\n",
            "  score_pool: risk\n"
            "  level_floors: {knockout: high, pending: moderate, severity: {}}\n",
        ),
        encoding="utf-8",
    )
    relaxed = load_ruleset(folder)
    assert _score(relaxed, {"host.certified": "none"}).level == "high"
    assert _score(relaxed, {"host.backups": "none"}).level == "moderate"  # its points' band


# ------------------------------------------------------------------ contradictions


def test_a_contradictory_answer_scores_as_unknown_and_leaves_its_knockout_pending(
    claims: CompiledRuleSet,
) -> None:
    a = _score(claims, {"host.certified": "own_infrastructure"})
    unknown = _score(claims, {"host.certified": "unknown"})
    assert (a.verdict, a.score, a.level) == ("pending_evidence", unknown.score, "high")
    assert a.score == 40.0
    (item,) = a.pending
    assert (item.id, item.kind, item.knockouts) == (
        "host.certified",
        "contradiction",
        ("host.certified=none",),
    )
    rule = next(f for f in a.findings if f.kind == "rule")
    assert rule.id == "host.own_claim_contradicts_scope"
    # The answer is shown as given, scored as unknown.
    own = next(f for f in a.findings if f.id == "host.certified")
    assert own.answers == {"host.certified": "own_infrastructure"}
    assert own.points == {"risk": 4.0} and own.pending


def test_on_premises_the_same_answer_is_true_and_scores_nothing(claims: CompiledRuleSet) -> None:
    a = _score(claims, {"scope.deployment": "on_premises", "host.certified": "own_infrastructure"})
    assert (a.verdict, a.score, a.pending) == ("accept", 0.0, ())


def test_an_unknown_scope_may_make_the_answer_a_contradiction(claims: CompiledRuleSet) -> None:
    a = _score(claims, {"scope.deployment": "unknown", "host.certified": "own_infrastructure"})
    assert [p.kind for p in a.pending] == ["contradiction"]
    assert all(f.kind != "rule" for f in a.findings)  # undecided: no finding, the worst points


def test_what_would_change_never_proposes_a_contradiction(claims: CompiledRuleSet) -> None:
    for start in ("own_infrastructure", "none"):
        answers = Answers(
            ruleset="claims",
            tool=Tool(name="t"),
            date=dt.date(2026, 6, 1),
            answers={**SAAS, "host.certified": start},
            evidence={},
        )
        exp = explain(claims, answers)
        proposed = [c.to for w in (*exp.what_would_change, *exp.lifts) for c in w.changes]
        assert "own_infrastructure" not in proposed, start
        assert "certified" in proposed, start


# ------------------------------------------------------------------ evidence


@pytest.mark.parametrize(
    ("evidence", "pending", "state", "unverified"),
    [
        ({}, ["host.certified", "host.contract"], "missing", False),
        (
            {
                "host.certified": Evidence(
                    text="c",
                    status="verified",
                    issued=dt.date(2022, 1, 1),
                    expires=dt.date(2025, 1, 1),
                ),
                "host.contract": PROVEN["host.contract"],
            },
            ["host.certified"],
            "expired",
            False,
        ),
        (
            # The certificate's own date is missing: the question's 36 months run from issued.
            {
                "host.certified": Evidence(
                    text="c", status="verified", issued=dt.date(2023, 5, 31)
                ),
                "host.contract": PROVEN["host.contract"],
            },
            ["host.certified"],
            "expired",
            False,
        ),
        (
            {
                "host.certified": Evidence(text="c", status="declared"),
                "host.contract": PROVEN["host.contract"],
            },
            [],
            None,
            True,
        ),
        (
            {
                "host.certified": Evidence(text="c"),  # no status: declared
                "host.contract": PROVEN["host.contract"],
            },
            [],
            None,
            True,
        ),
    ],
    ids=["missing", "expired", "expired-by-period", "declared", "no-status"],
)
def test_a_claim_counts_only_with_its_evidence(
    claims: CompiledRuleSet,
    evidence: dict[str, Evidence],
    pending: list[str],
    state: str | None,
    unverified: bool,
) -> None:
    a = _score(claims, evidence=evidence)
    assert [p.id for p in a.pending] == pending
    assert all(p.kind == "evidence" for p in a.pending)
    if pending:
        assert a.verdict == "pending_evidence" and a.level == "high"
        first = a.pending[0]
        assert (first.evidence, first.evidence_required) == (state, "verified")
        assert first.knockouts == ("host.certified=none",)
    else:
        assert a.verdict == "accept"
    record = next((e for e in a.evidence if e.question == "host.certified"), None)
    assert (record is not None and record.unverified) == unverified


def test_a_worse_claim_needs_as_much_proof(claims: CompiledRuleSet) -> None:
    a = _score(
        claims,
        {"host.certified": "infrastructure_only"},
        {"host.contract": PROVEN["host.contract"]},
    )
    assert [(p.id, p.kind) for p in a.pending] == [("host.certified", "evidence")]
    assert a.verdict == "pending_evidence"


def test_where_no_knockout_can_hold_no_evidence_is_needed(claims: CompiledRuleSet) -> None:
    a = _score(
        claims, {"scope.deployment": "on_premises"}, {"host.contract": PROVEN["host.contract"]}
    )
    assert (a.verdict, a.pending) == ("accept", ())


def test_the_way_out_of_a_missing_proof_is_to_record_it(claims: CompiledRuleSet) -> None:
    answers = Answers(
        ruleset="claims", tool=Tool(name="t"), date=dt.date(2026, 6, 1), answers=SAAS, evidence={}
    )
    exp = explain(claims, answers)
    ((whatif),) = exp.what_would_change
    assert (whatif.target, whatif.id, whatif.reached, whatif.verdict) == (
        "pending",
        None,
        True,
        "accept",
    )
    assert whatif.changes == () and whatif.evidence == ("host.certified", "host.contract")
    assert [(w.id, w.evidence) for w in exp.lifts] == [
        ("host.certified", ("host.certified",)),
        ("host.contract", ("host.contract",)),
    ]


def test_a_change_to_a_claim_says_it_needs_its_proof(claims: CompiledRuleSet) -> None:
    answers = Answers(
        ruleset="claims",
        tool=Tool(name="t"),
        date=dt.date(2026, 6, 1),
        answers={**SAAS, "host.certified": "none"},
        evidence={"host.contract": PROVEN["host.contract"]},
    )
    ((whatif),) = explain(claims, answers).what_would_change
    assert [(c.question, c.to) for c in whatif.changes] == [("host.certified", "certified")]
    assert whatif.evidence == ("host.certified",)
    assert whatif.verdict == "accept"


# ------------------------------------------------------------------ explanation


def test_a_lift_that_leaves_the_verdict_is_not_a_change_of_result(claims: CompiledRuleSet) -> None:
    answers = Answers(
        ruleset="claims",
        tool=Tool(name="t"),
        date=dt.date(2026, 6, 1),
        answers={**SAAS, "host.certified": "none", "host.contract": "none"},
        evidence={},
    )
    exp = explain(claims, answers)
    assert [(w.target, w.id) for w in exp.lifts] == [
        ("knockout", "host.certified=none"),
        ("knockout", "host.contract=none"),
    ]
    ((whatif),) = exp.what_would_change
    assert (whatif.target, whatif.id, whatif.reached) == ("knockout", None, True)
    assert whatif.verdict != "reject"
    assert {c.question for c in whatif.changes} == {"host.certified", "host.contract"}


# ------------------------------------------------------------------ review periods


@pytest.mark.parametrize(
    ("changes", "evidence", "verdict", "next_review"),
    [
        ({}, None, "accept", dt.date(2027, 6, 1)),
        ({"host.backups": "none"}, None, "conditional", dt.date(2026, 12, 1)),
        ({}, {}, "pending_evidence", dt.date(2026, 9, 1)),
        ({"host.contract": "none"}, None, "reject", dt.date(2027, 6, 1)),
    ],
)
def test_the_next_review_comes_sooner_for_a_tool_not_accepted(
    claims: CompiledRuleSet,
    changes: dict[str, Any],
    evidence: dict[str, Evidence] | None,
    verdict: str,
    next_review: dt.date,
) -> None:
    a = _score(claims, changes, evidence)
    assert (a.verdict, a.review.next_review, a.review.basis) == (
        verdict,
        next_review,
        "review_period",
    )


# ------------------------------------------------------------------ the checker


def _broken(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    folder = tmp_path / "claims"
    shutil.copytree(CLAIMS, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(VettingError) as caught:
        load_ruleset(folder)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "ruleset.yaml",
            "  score_pool: risk\n",
            "  score_pool: risk\n  level_floors: {knockout: high, pending: critical}\n",
            "scoring.level_floors.knockout: the knock-out floor (high) is "
            "below the pending floor (critical)",
        ),
        (
            "ruleset.yaml",
            "  score_pool: risk\n",
            "  score_pool: risk\n  level_floors: {severity: {medium: high, high: moderate}}\n",
            "scoring.level_floors.severity.high: a high finding has a lower floor (moderate) "
            "than a medium one (high)",
        ),
        (
            "ruleset.yaml",
            "review_periods: {conditional: 6, pending_evidence: 3}",
            "review_periods: {conditional: 6, pending_evidence: 9}",
            "review_periods.pending_evidence: a pending_evidence tool would be reviewed later "
            "(9 months) than a conditional one (6 months)",
        ),
        (
            "host.yaml",
            "    contradicts_scope: host.certified\n",
            "    contradicts_scope: scope.deployment\n",
            "'scope.deployment' is a scope question: the scope cannot contradict itself",
        ),
        (
            "host.yaml",
            "    contradicts_scope: host.certified\n",
            "    contradicts_scope: host.backups\n",
            "the rule's condition does not read 'host.backups'",
        ),
        (
            "host.yaml",
            "        - {is: third_party}\n",
            "        - {is: third_party}\n        - {question: host.backups, equals: none}\n",
            "a scope contradiction reads only scope questions and 'host.certified', "
            "not host.backups",
        ),
        (
            "host.yaml",
            "      - id: signed\n        evidence_required: declared\n",
            "      - id: signed\n",
            "",  # a valid rule set: see below
        ),
    ],
)
def test_the_checker_keeps_claims_pointing_the_same_way(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    if not message:
        folder = tmp_path / "ok"
        shutil.copytree(CLAIMS, folder)
        path = folder / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        load_ruleset(folder)  # dropping a requirement is allowed
        return
    problems = _broken(tmp_path, file, old, new)
    assert any(f"{file}:" in p and message in p for p in problems), problems


def test_evidence_is_required_only_where_a_knockout_can_be_ruled_out(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        "host.yaml",
        "      - id: tested\n",
        "      - id: tested\n        evidence_required: verified\n",
    )
    assert any(
        "host.yaml:" in p
        and "evidence_required has no effect: 'host.backups' has no knock-out to rule out" in p
        for p in problems
    ), problems


def test_a_scope_contradiction_cannot_knock_out(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        "host.yaml",
        '    ask_vendor: {fr: "Qui héberge ?", en: "Who hosts?"}\n',
        '    ask_vendor: {fr: "Qui héberge ?", en: "Who hosts?"}\n'
        "    knockout:\n      rationale: {fr: R, en: R}\n"
        '      references: [{ref: csp, article: "L.1111-8"}]\n',
    )
    assert any("a scope contradiction cannot knock out" in p for p in problems), problems
