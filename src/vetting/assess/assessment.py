"""What scoring produces: frozen, language-neutral result models.

An `Assessment` is data, not prose: texts stay `{fr: ..., en: ...}` so that a
renderer picks the language, and numbers are already rounded as documented in
docs/scoring.md. Serialised with `assessment_json()`, it is the public JSON
contract of `vetting score --format json` (docs/score-json.md).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from vetting.assess.answers import Decision, DecisionCondition, Evidence, Tool
from vetting.memo import Derived, SharedData, derived
from vetting.ruleset.model import Level, Verdict

#: A choice's or a rule's severity, or `blocker`: a finding that knocks out.
Severity = Literal["info", "low", "medium", "high", "critical", "blocker"]
RaiseKind = Literal["knockout", "pending", "finding"]
PendingKind = Literal["unknown", "undecided", "contradiction", "evidence"]

#: Levels from the lowest to the highest: `--fail-on` compares positions in this order.
#: The names of the ranks of numbers.py (`LevelRank`, `VerdictRank`, `SeverityRank`).
LEVELS: tuple[Level, ...] = get_args(Level)
#: Verdicts from the best to the worst.
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

#: Version of the JSON contract; bumped (with a migration note) on any breaking change.
JSON_FORMAT = 2
#: Fields of `Assessment` for the renderers of this process, not (yet) in the JSON contract.
NOT_IN_JSON = ("answer_points",)

TextMap = dict[str, str]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class RuleSetRef(_Result):
    """Which rule set scored the answers: enough to re-check a result a year later."""

    id: str
    version: str
    sha256: str
    path: str
    written_for: str | None = Field(
        default=None,
        description="The older version the answers were written for, when they were read "
        "through this version's changelog (renames applied); absent when they name this one.",
    )


class PoolScore(_Result):
    """One pool's points, weighted: before and after the adjustments, and its maximum."""

    pool: str
    raw: float = Field(description="Weighted points of the answers and fired finding rules.")
    adjusted: float = Field(description="After the rule set's adjustments, in order.")
    max: float = Field(description="Weighted maximum under the denominator convention.")
    percent: float = Field(description="adjusted / max x 100, rounded half up to 0.1.")


class Adjustment(_Result):
    """One declared adjustment and whether it applied to this assessment."""

    id: str
    label: TextMap
    applied: bool
    if_pool: str
    if_percent: float
    reaches_percent: float
    then_pool: str
    multiply_by: float
    before: float
    after: float


class LevelRaise(_Result):
    """What lifts a level above its points band: the floor it sets and the items behind it."""

    kind: RaiseKind = Field(
        description="'knockout': knock-outs hold; 'pending': knock-outs are pending; "
        "'finding': findings of a severity with a floor."
    )
    level: Level = Field(description="The floor these items set (scoring.level_floors).")
    ids: tuple[str, ...] = Field(description="The knock-outs, pending items or findings.")


class CategoryScore(_Result):
    """A category's share of the risk, on the same scale as the overall score."""

    id: str
    title: TextMap
    weight: float
    score: float
    level: Level = Field(description="The points band raised by the section's own findings.")
    points_level: Level = Field(description="The band of the section's score alone.")
    level_raised_by: tuple[LevelRaise, ...] = ()
    points: float = Field(description="Score-pool points after the adjustments.")
    max: float
    answered: int
    relevant: int


class KnockOut(_Result):
    """A blocking answer or combination of answers: the verdict is `reject`."""

    id: str = Field(description="'question=choice' for a choice, the rule id for a rule.")
    kind: Literal["choice", "rule"]
    questions: tuple[str, ...]
    answers: dict[str, Any]
    choice: str | None = None
    rationale: TextMap
    references: tuple[dict[str, Any], ...] = ()


class Pending(_Result):
    """A knock-out that the answers can neither confirm nor rule out yet."""

    id: str
    kind: PendingKind = Field(
        description="'unknown': a knock-out-capable question is unknown; "
        "'undecided': a knock-out's condition depends on unknown answers; "
        "'contradiction': the answer contradicts the scope, so it counts as unknown; "
        "'evidence': the answer rules the knock-outs out only with evidence, missing or expired."
    )
    knockouts: tuple[str, ...] = Field(description="Ids of the knock-outs that could fire.")
    questions: tuple[str, ...] = Field(description="The unknown questions to resolve.")
    rationale: TextMap
    references: tuple[dict[str, Any], ...] = ()
    evidence: Literal["missing", "expired"] | None = Field(
        default=None, description="Kind 'evidence': whether the evidence is missing or expired."
    )
    evidence_required: Literal["declared", "verified"] | None = Field(
        default=None, description="Kind 'evidence': the evidence the answer needs."
    )


class Finding(_Result):
    """One triggered risk: what, how bad, why, what to do, what to ask the vendor."""

    id: str
    kind: Literal["answer", "unknown", "rule"]
    severity: Severity
    category: str | None
    questions: tuple[str, ...]
    answers: dict[str, Any]
    points: dict[str, float] = Field(description="Weighted points contributed, per pool.")
    knockout: bool = False
    pending: bool = False
    title: TextMap = Field(description="The question's text, or the rule's message.")
    answer_labels: tuple[TextMap, ...] = ()
    recommendation: TextMap | None = None
    ask_vendor: TextMap | None = None
    rationale: TextMap | None = Field(default=None, description="The knock-out's rationale.")
    references: tuple[dict[str, Any], ...] = ()


class Contribution(_Result):
    """How much one answer (or finding rule) adds to the score pool."""

    id: str
    kind: Literal["question", "rule"]
    category: str | None
    answer: Any = None
    points: float
    share: float = Field(description="Percent of the raw score-pool points.")


class Change(_Result):
    """One answer changed in a what-if."""

    question: str
    from_: Any = Field(alias="from")
    to: Any


#: Why a what-if falls short (`WhatIf.note`), in the JSON contract's English; the
#: reports say each in their language (catalog: report.whatif_note_<key>).
#: Why a what-if falls short (`WhatIf.reason`), and its English note (`WhatIf.note`).
NOTES = {
    "scope_only": "depends on scope answers only",
    "no_small_change": "no change of one or two answers is enough",
    "not_reachable": "not reachable by answer changes",
    "not_together": "the changes that lift each one do not lift them all together",
}
#: The note of a change of verdict that some items block, followed by their ids.
CANNOT_BE_LIFTED = "cannot be lifted: "
ShortfallReason = Literal[
    "scope_only", "no_small_change", "not_reachable", "not_together", "cannot_be_lifted"
]


class WhatIf(_Result):
    """The smallest set of answer changes found that reaches a target (scope untouched)."""

    target: Literal["knockout", "pending", "level", "verdict"]
    id: str | None = Field(
        default=None,
        description="The knock-out or pending item aimed at; null for every knock-out "
        "(or pending item) at once, or for a level or verdict target.",
    )
    reached: bool
    changes: tuple[Change, ...]
    evidence: tuple[str, ...] = Field(
        default=(),
        description="Questions whose evidence must also be recorded, valid (and verified "
        "where the answer requires it), for the result shown.",
    )
    verdict: Verdict
    level: Level
    score: float
    note: str | None = Field(
        default=None, description="Why the target is not reached, in English (see `reason`)."
    )
    reason: ShortfallReason | None = Field(
        default=None,
        description="Why the target is not reached, as an id: `scope_only` (only scope "
        "answers decide it), `no_small_change` (no change of one or two answers does), "
        "`not_reachable`, `not_together` (each item can be lifted, not all at once), "
        "`cannot_be_lifted` (the items in `blocked_by` cannot be); null when reached.",
    )
    blocked_by: tuple[str, ...] = Field(
        default=(),
        description="For `cannot_be_lifted`: the knock-outs or pending items no change lifts.",
    )


class Explanation(_Result):
    """Why the result is what it is, and what would change it."""

    contributors: tuple[Contribution, ...]
    what_would_change: tuple[WhatIf, ...] = Field(
        description="Changes that change the verdict (or the level): never a contradictory "
        "answer, never one after which the verdict stays the same."
    )
    lifts: tuple[WhatIf, ...] = Field(
        default=(),
        description="For each knock-out and pending item, the smallest change that lifts it "
        "alone; the verdict may stay the same while others remain.",
    )


class EvidenceStatus(_Result):
    """Evidence recorded in the answers file, with its expiry checked on the assessment date."""

    question: str
    text: str
    status: Literal["declared", "verified"] | None
    issued: dt.date | None
    expires: dt.date | None
    expired: bool = Field(
        description="`valid_until` is before the judged date (the later of the assessment "
        "date and the go-live): evidence must still hold when the tool goes live."
    )
    valid_until: dt.date | None = Field(
        default=None,
        description="`expires`, else `issued` + the question's `evidence_valid_months`.",
    )
    undated: bool = Field(
        default=False,
        description="The question's evidence expires, but this entry has neither "
        "`issued` nor `expires`: its age cannot be checked.",
    )
    required: Literal["declared", "verified"] | None = Field(
        default=None,
        description="The evidence the answer needs to rule out the question's knock-outs.",
    )
    unverified: bool = Field(
        default=False,
        description="The answer needs verified evidence and this entry is only declared.",
    )


class UpcomingKnockOuts(_Result):
    """Knock-outs that start to hold on a day after the judged date."""

    date: dt.date = Field(description="The first day they hold.")
    knockouts: tuple[str, ...] = Field(
        description="Their ids, as in `knockouts[].id`: they did not hold the day before."
    )


class ReviewStatus(_Result):
    """When the tool is to be assessed again, and what of its decision is overdue."""

    next_review: dt.date | None = Field(
        default=None,
        description="`decision.next_review`, else the assessment date + the rule set's "
        "review period for the verdict (`review_periods`, else `review_period_months`); "
        "null when neither is known.",
    )
    basis: Literal["decision", "review_period"] | None = None
    due: bool = Field(
        default=False,
        description="`next_review` is on or before the date checked (here, the assessment date).",
    )
    overdue_conditions: tuple[DecisionCondition, ...] = Field(
        default=(), description="Conditions of the decision not done by their due date."
    )
    upcoming_knockouts: tuple[UpcomingKnockOuts, ...] = Field(
        default=(),
        description="Knock-outs that start to hold after the judged date and on or before "
        "`next_review` (a duty that bites on a later date): the decision still applies "
        "then. Each day they start on, in order; empty when none.",
    )


class Assessment(_Result):
    """The scored, explained result for one answers file."""

    ruleset: RuleSetRef
    source: str | None = Field(description="The answers file, when read from one.")
    answers_sha256: str
    tool: Tool
    assessor: str | None
    assessment_date: dt.date
    judged_date: dt.date = Field(
        description="The day conditions on dates were judged at: the later of the assessment "
        "date and the go-live date."
    )
    go_live: dt.date | None = Field(
        default=None, description="When the tool will first be used, if the answers say."
    )
    verdict: Verdict
    level: Level = Field(
        description="The worst of the points band and the floors set by what was found "
        "(a knock-out: critical)."
    )
    points_level: Level = Field(description="The band of the score alone (thresholds).")
    level_raised_by: tuple[LevelRaise, ...] = Field(
        default=(), description="What lifts `level` above `points_level`, highest floor first."
    )
    score: float = Field(description="Score pool after adjustments, percent of its maximum.")
    denominator: Literal["scope", "relevant", "all"]
    pools: tuple[PoolScore, ...]
    adjustments: tuple[Adjustment, ...]
    categories: tuple[CategoryScore, ...]
    knockouts: tuple[KnockOut, ...]
    pending: tuple[Pending, ...]
    findings: tuple[Finding, ...]
    answer_points: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="Question id -> the weighted points its answer adds to each pool, before "
        "the adjustments (pools with no points left out), for every relevant question but "
        "the scope's, in asking order: the scorer's own figures. An unknown, missing or "
        "contradicted answer adds the question's unknown points.",
    )
    unanswered: tuple[str, ...]
    unknown: tuple[str, ...] = Field(description="Relevant questions answered 'unknown'.")
    not_applicable: tuple[str, ...]
    completeness: float
    evidence: tuple[EvidenceStatus, ...] = ()
    decision: Decision | None = Field(
        default=None, description="The committee's decision, as recorded in the answers file."
    )
    accepted_despite_knockout: bool = Field(
        default=False,
        description="The decision accepts the tool although a knock-out holds (with a written "
        "`knockout_justification`): reports say so in their first lines.",
    )
    review: ReviewStatus = Field(default_factory=ReviewStatus)
    explanation: Explanation | None = None

    @property
    def knockout_ids(self) -> tuple[str, ...]:
        """The ids of the knock-outs that hold, in the order they are reported."""
        return tuple(k.id for k in self.knockouts)

    def pool(self, name: str) -> PoolScore:
        """The score of one pool by name."""
        for pool in self.pools:
            if pool.pool == name:
                return pool
        raise KeyError(name)


#: The texts a result repeats from its rule set, by the list that holds them and the
#: model of its items: `--compact` leaves them out (`vetting rules export` has each
#: once, by id), `--lang` keeps one language of them.
RULESET_TEXTS: dict[str, tuple[type[_Result], tuple[str, ...]]] = {
    "adjustments": (Adjustment, ("label",)),
    "categories": (CategoryScore, ("title",)),
    "knockouts": (KnockOut, ("rationale", "references")),
    "pending": (Pending, ("rationale", "references")),
    "findings": (
        Finding,
        ("title", "answer_labels", "recommendation", "ask_vendor", "rationale", "references"),
    ),
}
#: Fields of a reference that are texts in every language.
REFERENCE_TEXTS = ("note", "verify")


def assessment_schema() -> dict[str, Any]:
    """JSON Schema of one result of `vetting score --format json` (docs/score-json.md).

    One schema for every mode: the rule set's texts are optional, since
    `--compact` leaves them out; `--lang` keeps their shape, one language in it.
    """
    schema = Assessment.model_json_schema(mode="serialization", by_alias=True)
    for name in NOT_IN_JSON:
        del schema["properties"][name]
    schema["properties"] = {
        "vetting_score": {"const": JSON_FORMAT, "description": "Version of this contract."},
        **schema["properties"],
    }
    schema["required"] = ["vetting_score", *schema.get("required", [])]
    for model, names in RULESET_TEXTS.values():
        definition = schema["$defs"][model.__name__]
        definition["required"] = [n for n in definition.get("required", []) if n not in names]
        for name in names:
            field = definition["properties"][name]
            note = "A text of the rule set: left out by --compact."
            field["description"] = (
                f"{field['description']} {note}" if "description" in field else note
            )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://vetting.invalid/schema/score-{JSON_FORMAT}.json",
        **schema,
    }


def assessment_json(
    assessment: Assessment, *, lang: str | None = None, compact: bool = False
) -> dict[str, Any]:
    """The public JSON form (docs/score-json.md): plain types, `from` for changes.

    `lang` keeps the rule set's texts in that language only (`{"fr": ...}`);
    `compact` leaves them out: ids and numbers only. The data shares objects with the
    rule set and with other results (findings are dumped once): encode it, or copy it
    before changing it.
    """
    # Findings are most of a result: each is dumped once per process (`finding_data`).
    exclude: dict[str, Any] = dict.fromkeys((*NOT_IN_JSON, "findings"), True)
    if compact:
        exclude.update(ruleset_texts_left_out())
    data = assessment.model_dump(mode="json", by_alias=True, exclude=exclude)
    if lang is not None and not compact:
        for key, (_, names) in RULESET_TEXTS.items():
            if key == "findings":
                continue
            for item in data[key]:
                for name in names:
                    item[name] = _one_language(item[name], lang)
    data["findings"] = [finding_data(f, lang, compact) for f in assessment.findings]
    keys = _keys(Assessment, NOT_IN_JSON)
    return {"vetting_score": JSON_FORMAT, **{key: data[key] for key in keys}}


@cache
def ruleset_texts_left_out() -> dict[str, Any]:
    """What `--compact` leaves out of a result's lists, as pydantic's `exclude` reads it:
    the rule set's texts (the findings, dumped on their own, aside)."""
    return {
        key: {"__all__": set(names)}
        for key, (_, names) in RULESET_TEXTS.items()
        if key != "findings"
    }


@cache
def _keys(model: type[BaseModel], leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The keys of a model's public JSON form, in the order of its fields."""
    fields = model.model_fields.items()
    return tuple(f.alias or name for name, f in fields if name not in leave_out)


#: Each finding's public data, by language and mode, kept while the finding lives.
_DUMPED: Derived[dict[tuple[str | None, bool], SharedData]] = {}


def finding_data(finding: Finding, lang: str | None, compact: bool) -> SharedData:
    """A finding as public JSON data, dumped once for each language and mode.

    `score()` gives the same (frozen) Finding to every file whose answers raise it, so
    a portfolio dumps each a handful of times, not once per file. The data is shared
    between results: it is only ever encoded, never changed. Its texts are the rule
    set's own (plain JSON data already), not copies: a portfolio's findings would
    otherwise hold each text once per finding that shows it. The data goes with the
    finding, when `score()`'s memo of findings starts again.
    """
    dumps = derived(_DUMPED, finding, dict)
    data = dumps.get((lang, compact))
    if data is None:
        data = dumps[lang, compact] = _dump(finding, lang, compact)
    return data


def _dump(finding: Finding, lang: str | None, compact: bool) -> SharedData:
    names = RULESET_TEXTS["findings"][1]
    data = finding.model_dump(mode="json", by_alias=True, exclude=set(names))
    if not compact:
        for name in names:
            value = getattr(finding, name)
            value = list(value) if isinstance(value, tuple) else value
            data[name] = value if lang is None else _one_language(value, lang)
        data = {name: data[name] for name in _keys(Finding)}
    return SharedData(data)


def _one_language(value: Any, lang: str) -> Any:
    """A text map (or a list of them, or references) kept in one language."""
    if isinstance(value, list):
        return [_one_language(item, lang) for item in value]
    if not isinstance(value, dict):
        return value
    if "ref" in value:  # a reference: its note and what to verify are texts
        return {
            key: _one_language(text, lang) if key in REFERENCE_TEXTS else text
            for key, text in value.items()
        }
    return {lang: value[lang]} if lang in value else value


__all__ = [
    "CANNOT_BE_LIFTED",
    "JSON_FORMAT",
    "LEVELS",
    "NOTES",
    "RULESET_TEXTS",
    "SEVERITIES",
    "VERDICTS",
    "Adjustment",
    "Assessment",
    "CategoryScore",
    "Change",
    "Contribution",
    "Decision",
    "DecisionCondition",
    "Evidence",
    "EvidenceStatus",
    "Explanation",
    "Finding",
    "KnockOut",
    "Level",
    "LevelRaise",
    "Pending",
    "PendingKind",
    "PoolScore",
    "RaiseKind",
    "ReviewStatus",
    "RuleSetRef",
    "Severity",
    "Tool",
    "Verdict",
    "WhatIf",
    "assessment_json",
    "assessment_schema",
    "finding_data",
    "ruleset_texts_left_out",
]
