"""Contract clauses derived from the findings: what to write into the contract.

The clause texts live in `reports/clauses.yaml`, keyed by the question and
finding-rule ids they answer, in the shape a rule set could carry later. A
clause is *to negotiate* when a finding touches it (a risky answer, an unknown,
a fired rule), *standard* otherwise (to check in the contract anyway), and left
out when none of its questions applies to the buyer's situation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from vetting.assess.assessment import Assessment, Finding
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.templates import CLAUSES, DataSpec, data_file

Text = dict[str, str]


class ClauseRef(DataSpec):
    """A reference to one of the rule set's `sources`, like a rule set's own references."""

    ref: str
    article: str | None = None


class ClauseSpec(DataSpec):
    """One clause of `reports/clauses.yaml`."""

    id: str
    title: Text
    text: Text
    questions: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    references: tuple[ClauseRef, ...] = ()


class ClausesSpec(DataSpec):
    clauses: tuple[ClauseSpec, ...] = Field(min_length=1)


@dataclass(frozen=True)
class DerivedClause:
    """A clause for this assessment: the findings that call for it, if any."""

    spec: ClauseSpec
    findings: tuple[Finding, ...]

    @property
    def required(self) -> bool:
        return bool(self.findings)


def load_spec(templates: Path | None) -> ClausesSpec:
    """The clause texts: the user's `clauses.yaml` when `--templates` has one, else ours."""
    return data_file(CLAUSES, ClausesSpec, templates)


def _touches(spec: ClauseSpec, finding: Finding) -> bool:
    if finding.kind == "rule":
        return finding.id in spec.findings
    return finding.id in spec.questions


def derive_clauses(
    spec: ClausesSpec,
    assessment: Assessment,
    compiled: CompiledRuleSet,
    state: dict[str, Any],
) -> list[DerivedClause]:
    """The clauses that apply, those to negotiate first, each group in the file's order."""
    out: list[DerivedClause] = []
    for clause in spec.clauses:
        known = [q for q in clause.questions if q in compiled.question_by_id]
        if clause.questions and not known and not clause.findings:
            continue  # written for another rule set
        applies = not clause.questions or any(state.get(q, ABSENT) is not ABSENT for q in known)
        touched = tuple(f for f in assessment.findings if _touches(clause, f))
        if applies or touched:
            out.append(DerivedClause(clause, touched))
    return sorted(out, key=lambda c: not c.required)
