"""The rule-set format: pydantic models, the single source of truth.

A rule set is a folder: a manifest (`ruleset.yaml`) that names the part files
to include, in asking order, and the part files holding questions and finding
rules. `vetting rules schema` prints the JSON Schema generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from vetting.dates import MAX_MONTHS, RANGE_HINT, out_of_range
from vetting.ruleset.conditions import Condition

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$", max_length=80),
]
ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
RuleSetId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
SemVer = Annotated[
    str,
    StringConstraints(
        pattern=r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"
    ),
]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
#: A text in every declared language: `{fr: "...", en: "..."}`.
Text = dict[Lang, Annotated[str, StringConstraints(min_length=1)]]


def _in_range(day: dt.date) -> dt.date:
    why = out_of_range(day)
    if why is not None:
        raise PydanticCustomError("date_out_of_range", f"{why}: {RANGE_HINT}")
    return day


#: A date the rule set gives: kept where adding a period to it stays a date.
Day = Annotated[dt.date, AfterValidator(_in_range)]
Points = dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], float]

Severity = Literal["info", "low", "medium", "high", "critical"]
#: A choice's or a rule's severities, from the mildest.
SEVERITY_NAMES: tuple[Severity, ...] = get_args(Severity)
QuestionType = Literal["single", "multiple", "text", "number", "date"]
#: Levels from the lowest to the highest.
Level = Literal["low", "moderate", "high", "critical"]
#: Verdicts from the best to the worst (the scorer's order).
Verdict = Literal["accept", "conditional", "pending_evidence", "reject"]
EvidenceLevel = Literal["declared", "verified"]
#: Who can answer a question: the vendor (by default) or only the buying organisation.
AskedOf = Literal["vendor", "buyer"]
CHOICE_TYPES = ("single", "multiple")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Source(_Model):
    """A law, standard or guidance cited by references (`sources: {gdpr: ...}`)."""

    title: Text
    url: str | None = None
    date: Day | None = Field(default=None, description="Date of the text or of the version cited.")
    verify: Text | None = Field(
        default=None, description="What a buyer should double-check in the primary text."
    )
    checked: Day | None = Field(
        default=None,
        description="When a rule author last checked this point against the primary text "
        "(defaults to the rule set's as_of); `vetting check --stale` lists those due.",
    )


class Reference(_Model):
    """A citation: a source id and, usually, an article or section."""

    ref: str = Field(description="Id of an entry of `sources`.")
    article: str | None = Field(default=None, description="e.g. 'art. 28(3)' or 'L.1111-8'.")
    note: Text | None = None
    verify: Text | None = Field(
        default=None, description="Present when this point rests on a source to check."
    )


class KnockOut(_Model):
    """A blocking answer: the law says no, or the tool cannot be used safely.

    With `when`, the knock-out holds only under that condition (KO*); otherwise
    the choice keeps its ordinary severity.
    """

    rationale: Text
    references: tuple[Reference, ...] = ()
    when: Condition | None = None
    applies_when: Text | None = Field(
        default=None,
        description="In plain words, the situations where the knock-out applies (its legal scope).",
    )
    lawful_neighbour: Text | None = Field(
        default=None,
        description="A close, lawful case that must not trigger it (what the rule tests pin).",
    )


class Choice(_Model):
    """One answer option, shown in the order written; which is worse is derived (order.py)."""

    id: ChoiceId
    label: Text
    points: Points = Field(default_factory=dict, description="Points per pool.")
    severity: Severity = "info"
    knockout: KnockOut | None = None
    rank: int | None = Field(
        default=None,
        description="Which of two choices is worse when knock-out, severity and points tie: "
        "the higher rank (e.g. 'partial' rank 1, 'none' rank 2).",
    )
    exclusive: bool = Field(
        default=False, description="Multiple choice only: cannot be combined (e.g. 'none')."
    )
    recommendation: Text | None = Field(
        default=None, description="Overrides the question's recommendation for this answer."
    )
    evidence_required: EvidenceLevel | None = Field(
        default=None,
        description="Single choice only: this answer rules out the question's knock-outs only "
        "with evidence recorded for it, valid on the assessment date ('verified': checked by "
        "the buyer; 'declared' shows as unverified). Without it, those knock-outs are pending. "
        "Applies to the worse choices too: a worse answer never needs less proof.",
    )
    proposed: bool = Field(
        default=True,
        description="False: 'what would change the result' never proposes this answer. For a "
        "fact about the tool's origin or history (made in-house, placed on the market before "
        "a date) that no vendor makes true by improving the tool.",
    )


class UnknownAnswer(_Model):
    """How the answer `unknown` scores; by default, like the question's worst choice."""

    points: Points | None = None
    severity: Severity | None = None


class Question(_Model):
    """A question put to the buyer, who answers from the vendor's documentation."""

    id: Id
    category: Id | None = Field(
        default=None, description="Defaults to the `category` of the file that holds it."
    )
    type: QuestionType
    text: Text
    short_title: Text | None = Field(
        default=None,
        description="A few words that name the question in reports, tables and charts "
        '("Hosting location"); the full text stays in the annex. Optional unless the rule '
        "set says `require: [short_title]`.",
    )
    help: Text | None = Field(
        default=None,
        description="Why we ask: the stake, the law, the statistic (`require: [help]`).",
    )
    when: Condition | None = Field(default=None, description="Asked only when this holds.")
    weight: float = Field(default=1.0, ge=0)
    choices: tuple[Choice, ...] = ()
    evidence: Text | None = Field(default=None, description="What to request from the vendor.")
    recommendation: Text | None = Field(
        default=None, description="What to do when the answer carries risk."
    )
    references: tuple[Reference, ...] = ()
    unknown: UnknownAnswer | None = None
    minimum: float | None = Field(default=None, description="Number questions: lowest value.")
    maximum: float | None = Field(default=None, description="Number questions: highest value.")
    unit: Text | None = None
    verify: Text | None = None
    asked_of: AskedOf | None = Field(
        default=None,
        description="Who can answer. `buyer`: only the buying organisation can (its own DPIA, "
        "legal basis, policies), so the questionnaire offers 'not decided yet' instead of 'the "
        "vendor did not answer'; either reply is stored as `unknown`. Default: the vendor.",
    )
    evidence_valid_months: int | None = Field(
        default=None,
        ge=1,
        le=MAX_MONTHS,
        description="Evidence for this question (a certificate, a test report) expires this many "
        "months after its `issued` date, unless the evidence entry gives its own `expires`.",
    )


class FindingRule(_Model):
    """A finding raised by a condition over several answers (contradictions, combinations)."""

    id: Id
    when: Condition
    severity: Severity = "medium"
    knockout: KnockOut | None = None
    message: Text
    recommendation: Text | None = None
    ask_vendor: Text | None = None
    points: Points = Field(default_factory=dict)
    category: Id | None = None
    references: tuple[Reference, ...] = ()
    contradicts_scope: Id | None = Field(
        default=None,
        description="The question whose answer this rule finds contradicted by the scope "
        "answers: while the rule fires, that answer is scored as `unknown` (the worst case) "
        "and its knock-outs stay pending. The rule's `when` may read only scope questions "
        "and this one.",
    )


class Category(_Model):
    """A section of the questionnaire and of the report."""

    id: Id
    title: Text
    weight: float = Field(default=1.0, ge=0)
    scope: bool = Field(
        default=False,
        description="Scoping section: asked first, not scored, never changed by explanations.",
    )
    description: Text | None = None


class Definition(_Model):
    """A named condition with its plain-words meaning, used as `{is: name}`.

    A definition can name a date a duty starts (`when: {judged_date: {gte: ...}}`): the
    rule set then holds each legal date once, with the text that sets it.
    """

    label: Text
    text: Text
    when: Condition
    references: tuple[Reference, ...] = ()
    verify: Text | None = Field(
        default=None, description="What to double-check in the primary text (e.g. a date)."
    )


class Levels(_Model):
    """Level thresholds, compared with the exact value (rounding is for display only).

    `at_or_above` (the default): a value on a threshold reaches that level;
    `above`: only a value strictly above it does ("up to 25 % is level I").
    """

    unit: Literal["percent", "points"] = "percent"
    reached: Literal["at_or_above", "above"] = Field(
        default="at_or_above",
        description="at_or_above: a value on a threshold reaches that level; above: only a "
        "value strictly above it.",
    )
    moderate: float
    high: float
    critical: float


_DEFAULT_SEVERITY_FLOORS: dict[Severity, Level] = {"high": "high", "critical": "high"}


class LevelFloors(_Model):
    """The least level whatever the points, set by what was found (null: no floor).

    A floor never sits below a worse state's: knockout >= pending >= every
    severity's floor, and a severity's floor never falls as severity rises.
    """

    knockout: Level | None = Field(default="critical", description="A knock-out holds.")
    pending: Level | None = Field(
        default="high",
        description="A knock-out is pending (unknown answer, contradiction, missing evidence).",
    )
    severity: dict[Severity, Level] = Field(
        default_factory=lambda: _DEFAULT_SEVERITY_FLOORS.copy(),
        description="The most severe finding's floor, by its severity.",
    )


class Adjustment(_Model):
    """A rule between pools, e.g. strong mitigation reduces the risk score."""

    id: Id
    label: Text
    if_pool: str
    reaches_percent: float = Field(ge=0, le=100)
    then_pool: str
    multiply_by: float = Field(ge=0)
    rounding: Literal["half_up", "half_even", "down", "up"] = "half_up"
    decimals: int = Field(default=0, ge=0, le=6)


class ScoringPolicy(_Model):
    """How answers become a score, a level and a verdict (see docs/scoring.md)."""

    pools: tuple[str, ...] = ("risk", "mitigation")
    score_pool: str = "risk"
    denominator: Literal["scope", "relevant", "all"] = Field(
        default="scope",
        description=(
            "Which questions count in a pool's maximum: 'scope' (relevant given the "
            "scope answers alone: a worse answer never shrinks it), 'relevant', or 'all'."
        ),
    )
    levels: Levels
    adjustments: tuple[Adjustment, ...] = ()
    unknown: Literal["worst", "zero"] = Field(
        default="worst", description="Default points of `unknown`: the worst choice's, or none."
    )
    level_floors: LevelFloors = Field(
        default_factory=LevelFloors,
        description="The level is the worst of the points band and these floors.",
    )


class RuleFile(_Model):
    """A part file of a rule set: questions and findings of one category."""

    category: Id | None = None
    questions: tuple[Question, ...] = ()
    findings: tuple[FindingRule, ...] = ()
    sources: dict[Id, Source] = Field(default_factory=dict)
    definitions: dict[Id, Definition] = Field(default_factory=dict)
    overrides: Overrides | None = Field(
        default=None, description="Overlays only: changes to the base rule set, by id."
    )


class ChangelogEntry(_Model):
    """What a version changed: lets old answer files be read right (a migration map)."""

    version: SemVer
    date: Day | None = None
    summary: Text | None = None
    added: tuple[Id, ...] = Field(default=(), description="Questions added in this version.")
    removed: tuple[Id, ...] = Field(default=(), description="Questions removed.")
    changed: tuple[Id, ...] = Field(
        default=(), description="Questions whose meaning changed: old answers are asked again."
    )
    renamed: dict[Id, Id] = Field(
        default_factory=dict, description="Question ids renamed: old id -> new id."
    )
    renamed_choices: dict[Id, dict[ChoiceId, ChoiceId]] = Field(
        default_factory=dict,
        description="Choice ids renamed, per question (new question id): old -> new.",
    )


#: Optional texts a rule set may require of every question (`require:` in ruleset.yaml).
RequiredText = Literal["help", "short_title"]


class Manifest(_Model):
    """`ruleset.yaml`: what the rule set is, its sections and its scoring policy.

    With `extends`, the rule set is an overlay of another one: languages,
    categories and scoring are inherited, and part files may add questions and
    hold `overrides` of the base's questions, choices, categories and findings.
    """

    format: Literal[1] = 1
    id: RuleSetId
    version: SemVer
    extends: str | None = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9-]*(@[~^<>=]*[0-9][0-9A-Za-z.+-]*)?$",
        description="Base rule set: 'id' or 'id@CONSTRAINT' (e.g. health-ai@^1).",
    )
    title: Text
    description: Text | None = None
    languages: tuple[Lang, ...] | None = Field(default=None, min_length=1)
    as_of: Day
    review_period_months: int | None = Field(default=None, ge=1, le=MAX_MONTHS)
    review_periods: dict[Verdict, Annotated[int, Field(ge=1, le=MAX_MONTHS)]] = Field(
        default_factory=dict,
        description="Months from the assessment to a tool's next review, by verdict (e.g. "
        "{conditional: 6, pending_evidence: 3}); verdicts not listed use review_period_months.",
    )
    authors: tuple[str, ...] = Field(min_length=1)
    license: str
    require: tuple[RequiredText, ...] = Field(
        default=(),
        description="Texts every question must have (vetting check reports a missing one as "
        "an error); texts not listed are optional (a missing short title is a warning).",
    )
    include: tuple[str, ...] = Field(default=(), description="Part files, in asking order.")
    categories: tuple[Category, ...] = ()
    scoring: ScoringPolicy | None = None
    sources: dict[Id, Source] = Field(default_factory=dict)
    definitions: dict[Id, Definition] = Field(default_factory=dict)
    changelog: tuple[ChangelogEntry, ...] = ()


class ChoiceOverride(_Model):
    """Changes to one choice of a base question; `disabled` removes the choice."""

    label: Text | None = None
    points: Points | None = None
    severity: Severity | None = None
    knockout: KnockOut | None = None
    recommendation: Text | None = None
    evidence_required: EvidenceLevel | None = None
    proposed: bool | None = None
    disabled: bool = False


class QuestionOverride(_Model):
    """Changes to a base question, by id; `disabled` removes the question."""

    text: Text | None = None
    short_title: Text | None = None
    help: Text | None = None
    when: Condition | None = None
    weight: float | None = Field(default=None, ge=0)
    evidence: Text | None = None
    recommendation: Text | None = None
    references: tuple[Reference, ...] | None = None
    choices: dict[ChoiceId, ChoiceOverride] = Field(default_factory=dict)
    verify: Text | None = None
    asked_of: AskedOf | None = None
    disabled: bool = False


class CategoryOverride(_Model):
    """Changes to a base category."""

    title: Text | None = None
    weight: float | None = Field(default=None, ge=0)
    description: Text | None = None


class FindingOverride(_Model):
    """Changes to a base finding rule; `disabled` removes it."""

    when: Condition | None = None
    severity: Severity | None = None
    knockout: KnockOut | None = None
    message: Text | None = None
    recommendation: Text | None = None
    ask_vendor: Text | None = None
    points: Points | None = None
    contradicts_scope: Id | None = None
    disabled: bool = False


class Overrides(_Model):
    """What an overlay changes in its base, by id."""

    questions: dict[Id, QuestionOverride] = Field(default_factory=dict)
    categories: dict[Id, CategoryOverride] = Field(default_factory=dict)
    findings: dict[Id, FindingOverride] = Field(default_factory=dict)
    definitions: dict[Id, Definition] = Field(
        default_factory=dict, description="Replace a base definition (e.g. a stricter one)."
    )
    levels: Levels | None = None
    adjustments: tuple[Adjustment, ...] | None = None


class RuleSet(_Model):
    """A whole rule set, merged from its files (what `vetting rules export` shows)."""

    id: RuleSetId
    version: SemVer
    title: Text
    description: Text | None = None
    languages: tuple[Lang, ...]
    as_of: dt.date
    review_period_months: int | None = None
    review_periods: dict[Verdict, int] = Field(default_factory=dict)
    authors: tuple[str, ...]
    license: str
    require: tuple[RequiredText, ...] = ()
    categories: tuple[Category, ...]
    definitions: dict[Id, Definition]
    sources: dict[Id, Source]
    questions: tuple[Question, ...]
    findings: tuple[FindingRule, ...]
    scoring: ScoringPolicy
    extends: str | None = Field(default=None, description="The base, 'id@version'.")
    changelog: tuple[ChangelogEntry, ...] = ()
