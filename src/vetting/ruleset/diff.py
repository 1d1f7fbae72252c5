"""What changed between two rule sets, and which version bump that requires.

Compatible changes (a new question or choice, new points, texts) keep old
answer files valid; incompatible ones (a removed or retyped question or choice,
a meaning declared changed) need a major version. Renames declared in the new
version's changelog are compatible: old answers are migrated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from vetting.ruleset import versions
from vetting.ruleset.migrate import migration
from vetting.ruleset.model import KnockOut, Question, RuleSet

Bump = Literal["major", "minor", "patch"]
_RANK = {"none": 0, "patch": 1, "minor": 2, "major": 3}

_TEXT_FIELDS = (
    "text",
    "help",
    "evidence",
    "recommendation",
    "references",
    "verify",
    "unit",
    "asked_of",
)
_SCORING_FIELDS = ("when", "weight", "unknown", "minimum", "maximum")


@dataclass(frozen=True)
class Change:
    """One difference, with the bump it needs."""

    bump: Bump
    subject: str
    what: str

    def __str__(self) -> str:
        return f"[{self.bump}] {self.subject}: {self.what}"


def _shown(value: Any) -> str:
    """A value as a change line shows it: `risk 4, mitigation 1`, `1.5`, `high`, `none`."""
    if value is None or value == {} or value == ():
        return "none"
    if isinstance(value, dict) and all(isinstance(v, int | float) for v in value.values()):
        return ", ".join(f"{k} {v:g}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, str):
        return value
    return json.dumps(_dump(value), ensure_ascii=False, sort_keys=True)


def _was(name: str, old: Any, new: Any) -> str:
    """`points risk 4 -> risk 2`: what changed, from what to what."""
    return f"{name} {_shown(old)} -> {_shown(new)}"


def _dump(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


def _knockout_bump(old: KnockOut | None, new: KnockOut | None) -> Bump | None:
    """Whether a knock-out blocks differently (minor) or only reads differently (patch)."""
    if _dump(old) == _dump(new):
        return None
    if old is None or new is None or _dump(old.when) != _dump(new.when):
        return "minor"
    return "patch"


def _question_changes(
    old: Question, new: Question, renamed_choices: dict[str, str]
) -> list[Change]:
    out: list[Change] = []
    if old.type != new.type:
        out.append(Change("major", new.id, f"type {old.type} -> {new.type}"))
    if old.category != new.category:
        out.append(Change("minor", new.id, f"moved from {old.category} to {new.category}"))
    for name in _SCORING_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if _dump(before) != _dump(after):
            out.append(Change("minor", new.id, _was(name, before, after)))
    for name in _TEXT_FIELDS:
        if _dump(getattr(old, name)) != _dump(getattr(new, name)):
            out.append(Change("patch", new.id, f"{name} changed"))
    new_choices = {ch.id: ch for ch in new.choices}
    matched: set[str] = set()
    for ch in old.choices:
        current = renamed_choices.get(ch.id, ch.id)
        target = new_choices.get(current)
        if target is None:
            out.append(Change("major", new.id, f"choice '{ch.id}' removed"))
            continue
        matched.add(current)
        if current != ch.id:
            out.append(Change("minor", new.id, f"choice '{ch.id}' renamed '{current}'"))
        for name in ("points", "severity", "exclusive", "rank"):
            before, after = getattr(ch, name), getattr(target, name)
            if _dump(before) != _dump(after):
                out.append(
                    Change("minor", new.id, f"choice '{current}': {_was(name, before, after)}")
                )
        ko_bump = _knockout_bump(ch.knockout, target.knockout)
        if ko_bump == "minor":
            out.append(Change("minor", new.id, f"choice '{current}': knockout changed"))
        elif ko_bump == "patch":
            out.append(Change("patch", new.id, f"choice '{current}': knockout texts changed"))
        for name in ("label", "recommendation"):
            if _dump(getattr(ch, name)) != _dump(getattr(target, name)):
                out.append(Change("patch", new.id, f"choice '{current}': {name} changed"))
    for ch in new.choices:
        if ch.id not in matched:
            out.append(Change("minor", new.id, f"choice '{ch.id}' added"))
    old_order = [renamed_choices.get(c.id, c.id) for c in old.choices]
    new_order = [c.id for c in new.choices if c.id in set(old_order)]
    if [c for c in old_order if c in set(new_order)] != new_order:
        # Only the order shown: which answer is worse follows knock-outs, severity, points.
        out.append(Change("patch", new.id, "choices shown in another order"))
    return out


def diff_rulesets(old: RuleSet, new: RuleSet) -> list[Change]:
    """Every difference from `old` to `new`, questions in the new asking order."""
    moves = migration(new, old.version) if old.id == new.id else None
    renamed = moves.renamed if moves else {}
    out: list[Change] = []
    if old.id != new.id:
        out.append(Change("patch", "rule set", f"id {old.id} -> {new.id}"))
    old_questions = {renamed.get(q.id, q.id): q for q in old.questions}
    new_ids = {q.id for q in new.questions}
    for q in old.questions:
        current = renamed.get(q.id, q.id)
        if current not in new_ids:
            out.append(Change("major", q.id, "question removed"))
        elif current != q.id:
            out.append(Change("minor", q.id, f"renamed '{current}' (answers are migrated)"))
    changed = set(moves.changed) if moves else set()
    for q in new.questions:
        before = old_questions.get(q.id)
        if before is None:
            out.append(Change("minor", q.id, "question added"))
            continue
        choices = moves.renamed_choices.get(q.id, {}) if moves else {}
        out.extend(_question_changes(before, q, choices))
        if q.id in changed:
            out.append(Change("major", q.id, "meaning changed (declared in the changelog)"))
    old_findings = {f.id: f for f in old.findings}
    new_findings = {f.id: f for f in new.findings}
    for fid in old_findings.keys() - new_findings.keys():
        out.append(Change("minor", fid, "finding rule removed"))
    for fid, rule in new_findings.items():
        before_rule = old_findings.get(fid)
        if before_rule is None:
            out.append(Change("minor", fid, "finding rule added"))
        elif _dump(before_rule) != _dump(rule):
            scoring = _knockout_bump(before_rule.knockout, rule.knockout) == "minor" or any(
                _dump(getattr(before_rule, n)) != _dump(getattr(rule, n))
                for n in ("when", "severity", "points", "category")
            )
            out.append(Change("minor" if scoring else "patch", fid, "finding rule changed"))
    old_cats = {c.id: c for c in old.categories}
    for cat in new.categories:
        prior = old_cats.get(cat.id)
        if prior is None:
            out.append(Change("minor", f"category {cat.id}", "added"))
        elif prior.weight != cat.weight or prior.scope != cat.scope:
            out.append(
                Change("minor", f"category {cat.id}", f"weight {prior.weight:g} -> {cat.weight:g}")
            )
        elif _dump(prior) != _dump(cat):
            out.append(Change("patch", f"category {cat.id}", "texts changed"))
    for name in sorted(old.definitions.keys() | new.definitions.keys()):
        a, b = old.definitions.get(name), new.definitions.get(name)
        if a is None or b is None:
            out.append(Change("minor", f"definition {name}", "added" if a is None else "removed"))
        elif _dump(a.when) != _dump(b.when):
            out.append(Change("minor", f"definition {name}", "condition changed"))
        elif _dump(a) != _dump(b):
            out.append(Change("patch", f"definition {name}", "texts changed"))
    for name in type(new.scoring).model_fields:
        before, after = getattr(old.scoring, name), getattr(new.scoring, name)
        if _dump(before) == _dump(after):
            continue
        if isinstance(before, BaseModel) and isinstance(after, BaseModel):
            # levels, level_floors: each sub-field that moved, e.g. levels.high 30 -> 25.
            for sub in type(after).model_fields:
                a, b = getattr(before, sub), getattr(after, sub)
                if _dump(a) != _dump(b):
                    out.append(Change("minor", "scoring", _was(f"{name}.{sub}", a, b)))
        else:
            out.append(Change("minor", "scoring", _was(name, before, after)))
    if old.require != new.require:
        out.append(Change("minor", "require", _was("texts required", old.require, new.require)))
    if _dump(old.sources) != _dump(new.sources):
        out.append(Change("patch", "sources", "references changed"))
    return out


def needed_bump(changes: list[Change]) -> str:
    """The largest bump the changes need: major, minor, patch, or none."""
    return max((c.bump for c in changes), key=_RANK.__getitem__, default="none")


def bump_is_enough(old: RuleSet, new: RuleSet, changes: list[Change]) -> tuple[bool, str]:
    """Whether the new version number is a large enough bump, and why."""
    if old.id != new.id:
        return True, f"not compared ({new.id} is another rule set than {old.id})"
    needed = needed_bump(changes)
    got = versions.bump(old.version, new.version)
    ok = _RANK[got] >= _RANK[needed]
    step = "keeps the version" if got == "none" else f"is a {got} bump"
    need = "need no bump" if needed == "none" else f"need a {needed} bump"
    return ok, f"{old.version} -> {new.version} {step}; the changes {need}"
