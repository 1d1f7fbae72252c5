"""The compiled rule set and the format's JSON Schema, as data for tools and docs."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import Manifest, Question, RuleFile


def max_points(question: Question, pool: str) -> float:
    """The most a question can score in a pool (a multiple choice sums its choices)."""
    values = [float(ch.points.get(pool, 0.0)) for ch in question.choices]
    if not values:
        return 0.0
    if question.type == "multiple":
        plain = sum(v for ch, v in zip(question.choices, values, strict=True) if not ch.exclusive)
        exclusive = max(
            (v for ch, v in zip(question.choices, values, strict=True) if ch.exclusive), default=0.0
        )
        return max(plain, exclusive)
    return max(values)


def export_ruleset(compiled: CompiledRuleSet) -> dict[str, Any]:
    """Everything a tool needs: questions with types, choices, points, conditions, KO capability."""
    rs = compiled.ruleset
    data = rs.model_dump(mode="json", by_alias=True, exclude_none=True)
    pools = rs.scoring.pools
    for q_out, q in zip(data["questions"], rs.questions, strict=True):
        q_out["knockout_capable"] = q.id in compiled.knockout_capable
        q_out["scope"] = compiled.is_scope(q.id)
        q_out["reads"] = sorted(compiled.depends_on[q.id])
        q_out["max_points"] = {pool: max_points(q, pool) for pool in pools}
    return {
        "vetting_export": 1,
        "ruleset": compiled.origin.as_dict(),
        **data,
    }


def ruleset_schema() -> dict[str, Any]:
    """JSON Schema for any file of a rule set: the manifest or a part file."""
    _, defs = models_json_schema(
        [(Manifest, "validation"), (RuleFile, "validation")],
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vetting.invalid/schema/ruleset-1.json",
        "title": "vetting rule-set file",
        "description": "A rule-set manifest (ruleset.yaml) or a part file (questions, findings, "
        "sources, definitions). See docs/rules-format.md.",
        "anyOf": [{"$ref": "#/$defs/Manifest"}, {"$ref": "#/$defs/RuleFile"}],
        "$defs": defs.get("$defs", {}),
    }
