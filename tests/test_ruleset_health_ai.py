"""The default rule set `health-ai`: its public contract and its generated documentation."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.support.rulesets import health_ai
from vetting.assess.answers import Answers, Tool
from vetting.assess.assessment import Assessment
from vetting.assess.score import score
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.docgen import ruleset_markdown
from vetting.ruleset.legal_basis import knockout_rows, legal_basis_markdown
from vetting.testing.features import find_features, parse_feature
from vetting.testing.steps import match_step

# The public contract: users' answer files depend on these ids, types and choices.
CONTRACT = {
    "scope.buyer": (
        "single",
        "public_hospital, private_nonprofit_hospital, private_clinic, "
        "medico_social, practice, health_tech, public_agency",
    ),
    "scope.use": (
        "multiple",
        "administrative, clinical_documentation, decision_support, "
        "diagnostic_analysis, prescription, patient_facing, triage, "
        "payment_risk, remote_monitoring, safety_alerts, research, general_assistant",
    ),
    # 2.0.0 moved `anonymised` after the staff choices (a major version, in the changelog);
    # 3.0.0 added staff health data among them.
    "scope.patient_data": (
        "multiple",
        "identifiable, pseudonymised, audio, images, staff_health, anonymised, none",
    ),
    "scope.deployment": (
        "single",
        "on_premises, buyer_tenancy_hds, vendor_saas, vendor_saas_third_party_model, consumer_app, "
        "patient_app_publisher_controller",
    ),
    "hosting.location": ("single", "france, eea, outside_eea"),
    "hosting.hds_certified": (
        "single",
        "no_third_party_hosting, full_chain_v2, infrastructure_only, v1_only, none",
    ),
    "hosting.non_eea_access": ("single", "none, adequacy, scc, without_safeguards"),
    "hosting.extraterritorial_law": ("single", "no, secnumcloud, mitigated, yes"),
    "reuse.training": ("single", "no, anonymised_only, lawful_framework, yes"),
    "reuse.resale": ("single", "no, aggregated_anonymised, yes"),
    "reuse.retention": ("single", "none, short, long, indefinite"),
    "vendor.origin": ("single", "france, eu, non_eu"),
    # 2.0.0: `no_medical_purpose` can block (a declared medical use), so it follows ce_marked.
    "regulatory.medical_device": ("single", "ce_marked, no_medical_purpose, not_ce_marked"),
    "regulatory.dpa": ("single", "yes, no"),
    "regulatory.dpia": ("single", "done, planned, no"),
    "transparency.patient_information": ("single", "yes, partial, no"),
    "bias.subgroup_evaluation": ("single", "published, internal, none"),
    "reliability.clinical_validation": ("single", "peer_reviewed, internal, none"),
    "oversight.human_decision": (
        "single",
        "always, override_possible, certified_automation, automated",
    ),
    "training.user_training": ("single", "included, optional, none"),
    "participation.patients": ("single", "governance, testing_or_feedback, none"),
}

AREAS = [
    "hosting",
    "reuse",
    "security",
    "regulatory",
    "transparency",
    "bias",
    "reliability",
    "oversight",
    "training",
    "participation",
    "vendor",
]


@pytest.mark.parametrize("qid", sorted(CONTRACT))
def test_contract_ids_types_and_choices_are_kept(qid: str) -> None:
    kind, choices = CONTRACT[qid]
    question = health_ai().question_by_id[qid]
    assert question.type == kind
    expected = [c.strip() for c in choices.split(",")]
    actual = [c.id for c in question.choices]
    # New choices may be added; the contract's keep their relative order.
    assert [c for c in actual if c in expected] == expected


def test_covers_every_area_with_50_to_90_questions() -> None:
    rs = health_ai().ruleset
    assert 50 <= len(rs.questions) <= 90
    per_area = {area: sum(q.category == area for q in rs.questions) for area in AREAS}
    assert all(per_area.values()), per_area
    # Scoping questions come first.
    scope = [q.category == "scope" for q in rs.questions]
    assert scope == sorted(scope, reverse=True)


def test_every_question_has_help_and_references_in_both_languages() -> None:
    for q in health_ai().ruleset.questions:
        assert q.help is not None, q.id
        assert set(q.text) == set(q.help) == {"fr", "en"}, q.id
        assert q.references, q.id
        if q.category != "scope":  # scope questions describe the buyer: nothing to request
            assert q.evidence, q.id
            assert q.recommendation, q.id


@pytest.mark.parametrize(
    ("qid", "choice"),
    [
        ("hosting.location", "outside_eea"),
        ("hosting.hds_certified", "infrastructure_only"),
        ("hosting.hds_certified", "v1_only"),
        ("hosting.hds_certified", "none"),
        ("hosting.non_eea_access", "without_safeguards"),
        ("reuse.training", "yes"),
        ("reuse.resale", "yes"),
        ("regulatory.medical_device", "not_ce_marked"),
        ("regulatory.dpa", "no"),
        ("regulatory.dpia", "no"),
        ("oversight.human_decision", "automated"),
    ],
)
def test_required_knockouts_exist_with_rationale_and_reference(qid: str, choice: str) -> None:
    compiled = health_ai()
    found = compiled.choice(qid, choice)
    assert found is not None and found.knockout is not None, f"{qid}: {choice}"
    assert set(found.knockout.rationale) == {"fr", "en"}
    assert found.knockout.references


def test_dpia_planned_is_not_a_knockout() -> None:
    planned = health_ai().choice("regulatory.dpia", "planned")
    assert planned is not None and planned.knockout is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_generated_reference_document_is_up_to_date(lang: str) -> None:
    name = "ruleset-health-ai.md" if lang == "en" else "ruleset-health-ai.fr.md"
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert committed == ruleset_markdown(health_ai(), lang), (
        f"docs/{name} is stale: run `vetting rules doc --lang {lang} "
        f"--rules rules/health-ai -o docs/{name}`"
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_generated_legal_basis_document_is_up_to_date(lang: str) -> None:
    name = "legal-basis.md" if lang == "en" else "legal-basis.fr.md"
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert committed == legal_basis_markdown(health_ai(), lang), (
        f"docs/{name} is stale: run `vetting rules doc --legal-basis --lang {lang} "
        f"--rules rules/health-ai -o docs/{name}`"
    )


@pytest.mark.parametrize(
    ("target", "lang", "scope"),
    [
        (
            "reliability.change_control=uncontrolled_learning",
            "en",
            "(question always asked; blocks when “medical purpose”)",
        ),
        (
            "reuse.resale=yes",
            "en",
            "(question asked when “personal data”; blocks whenever the question is asked)",
        ),
        (
            "reuse.resale=yes",
            "fr",
            "(question posée si « données personnelles » ; bloque dès que la question est posée)",
        ),
    ],
)
def test_the_legal_basis_scope_reads_as_a_sentence(target: str, lang: str, scope: str) -> None:
    """No "blocks when whenever" nor "asked when always": a knock-out without a condition
    of its own, or a question always asked, is said in words."""
    lines = legal_basis_markdown(health_ai(), lang).splitlines()
    line = next(line for line in lines if f"`{target}`" in line)
    assert scope in line.replace("\u00a0", " ")


def _knockout_targets() -> list[str]:
    return [row.target for row in knockout_rows(health_ai(), "en")]


@pytest.mark.parametrize("target", _knockout_targets())
def test_every_knockout_states_its_scope_and_its_lawful_neighbour(target: str) -> None:
    row = next(r for r in knockout_rows(health_ai(), "en") if r.target == target)
    assert row.knockout.applies_when and set(row.knockout.applies_when) == {"fr", "en"}
    assert row.knockout.lawful_neighbour and set(row.knockout.lawful_neighbour) == {"fr", "en"}
    assert row.knockout.references


@functools.cache
def _feature_pins() -> tuple[frozenset[str], frozenset[str]]:
    """Knock-outs the shipped features assert, and those they assert do not fire.

    A knock-out is spared by `there is no knock-out on "Q"` (or "Q=C"), or by `there is
    no knock-out` in a scenario that itself sets an answer to Q (a step or a table row).
    """
    fires: set[str] = set()
    spared: set[str] = set()
    for path in find_features([ROOT / "features"]):
        for scenario in parse_feature(path, ROOT).scenarios:
            answered: set[str] = set()
            none_at_all = False
            for step in scenario.steps:
                definition, args = match_step(step, scenario)
                if definition.name == "knockout":
                    fires.add(args["target"])
                elif definition.name == "no_knockout_on":
                    spared.add(args["target"])
                elif definition.name == "no_knockout":
                    none_at_all = True
                elif definition.name == "answer":
                    answered.add(args["question"])
                elif definition.name == "answers_table":
                    answered.update(row[0].text.strip() for row in step.table or ())
            if none_at_all:
                spared.update(answered)
    return frozenset(fires), frozenset(spared)


@pytest.mark.parametrize("target", _knockout_targets())
def test_every_knockout_is_pinned_both_ways_by_the_features(target: str) -> None:
    """An unlawful tool it must reject, and a lawful neighbour it must not (features/)."""
    fires, spared = _feature_pins()
    question = target.split("=")[0]
    assert target in fires, f"no scenario in features/ asserts the knock-out {target}"
    assert target in spared or question in spared, (
        f"no scenario in features/ asserts a lawful neighbour of {target} "
        f'(Then there is no knock-out on "{question}")'
    )


# ------------------------------------------------------------------ consistency

BUYERS = [
    "public_hospital",
    "private_nonprofit_hospital",
    "private_clinic",
    "medico_social",
    "practice",
    "health_tech",
    "public_agency",
]
DEPLOYMENTS = [
    "on_premises",
    "buyer_tenancy_hds",
    "vendor_saas",
    "vendor_saas_third_party_model",
    "consumer_app",
    "patient_app_publisher_controller",
]


def broad_scopes() -> list[dict[str, Any]]:
    """Every buyer and deployment, with the broadest use, data and audience."""
    uses = CONTRACT["scope.use"][1].replace(" ", "").split(",")
    return [
        {
            "scope.buyer": buyer,
            "scope.use": uses,
            "scope.patient_data": ["identifiable", "pseudonymised", "audio", "images", "video"],
            "scope.deployment": deployment,
            "scope.audience": "professionals_and_patients",
            "scope.generative": "yes",
        }
        for buyer in BUYERS
        for deployment in DEPLOYMENTS
    ]


def worst_answers(compiled: CompiledRuleSet, scope: dict[str, Any]) -> dict[str, Any]:
    answers = dict(scope)
    for q in compiled.questions:
        if compiled.is_scope(q.id) or not q.choices:
            continue
        if q.type == "single":
            answers[q.id] = q.choices[-1].id
        else:
            answers[q.id] = [c.id for c in q.choices if not c.exclusive]
    return answers


def _score(compiled: CompiledRuleSet, answers: dict[str, Any]) -> Assessment:
    rs = compiled.ruleset
    tool = Tool(name="t")
    return score(
        compiled,
        Answers(ruleset=f"{rs.id}@{rs.version}", tool=tool, date=rs.as_of, answers=answers),
        explain=False,
    )


def test_every_question_is_asked_in_some_scope() -> None:
    compiled = health_ai()
    asked: set[str] = set()
    for scope in broad_scopes():
        state = compiled.walk(worst_answers(compiled, scope), compiled.ruleset.as_of)
        asked |= {qid for qid, value in state.items() if value is not ABSENT}
    assert asked == {q.id for q in compiled.questions}


def test_the_maximum_score_is_reachable() -> None:
    compiled = health_ai()
    scores = [_score(compiled, worst_answers(compiled, s)).score for s in broad_scopes()]
    assert max(scores) == 100.0


def test_every_knockout_can_fire_in_some_scope() -> None:
    """No dead knock-out: each blocking choice blocks for some buyer."""
    compiled = health_ai()
    fired: set[str] = set()
    for scope in broad_scopes():
        for day in (compiled.ruleset.as_of, dt.date(2028, 1, 1)):
            answers = worst_answers(compiled, scope)
            for (qid, choice), _ in compiled.choice_knockouts.items():
                trial = {**answers, qid: choice}
                state = compiled.walk(trial, day)
                if state[qid] is not ABSENT and compiled.choice_knockouts[(qid, choice)](
                    state, day
                ):
                    fired.add(f"{qid}={choice}")
    assert fired == {f"{q}={c}" for q, c in compiled.choice_knockouts}


def test_every_choice_is_distinct_within_its_question() -> None:
    """No dead choice: two choices of a question never share an id or a label."""
    for q in health_ai().questions:
        for lang in ("fr", "en"):
            labels = [c.label[lang] for c in q.choices]
            assert len(set(labels)) == len(labels), (q.id, lang)


#: A case or deliberation number (C-311/18, 2018-327, SAN-2024-013), a section of a code
#: (§2713) or a version (3.2).
_NUMBER = re.compile(r"\bC-\d+/\d+\b|\b(?:[A-Z]{2,4}-)?\d{4}-\d{2,4}\b|§\s?\d+[a-z]?|\b\d+\.\d+\b")


def test_a_reference_does_not_repeat_the_number_its_source_title_gives() -> None:
    """ "(délibération 2018-327), délibération 2018-327" reads as a typo to a lawyer: the
    article names what is cited inside the source, not the source again."""
    sources = yaml.safe_load((ROOT / "rules" / "health-ai" / "sources.yaml").read_text("utf-8"))
    titles = {key: " ".join(s["title"].values()) for key, s in sources["sources"].items()}
    repeated = []
    for path in sorted((ROOT / "rules" / "health-ai").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"ref: (\w+),?\s*(?:\n\s*)?article: \"([^\"]*)\"", text):
            ref, article = match.groups()
            shared = set(_NUMBER.findall(article)) & set(_NUMBER.findall(titles.get(ref, "")))
            if shared:
                repeated.append(f"{path.name}: {ref} {article!r} repeats {sorted(shared)}")
    assert repeated == []
