"""The reachability search prunes its enumeration; its answers must stay exact.

`vetting check` asks, for every question and finding rule, whether some answers (on
some day) make its condition true. The search skips what cannot change the result (a
question earlier answers leave unasked, the days of an undated condition) and tries the
latest days first. These tests compare it with the plain enumeration it replaced: every
answer combination of the questions read, on every day, in order.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vetting.ruleset import conditions as c
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.reachability import (
    Search,
    reads_the_day,
    search_for,
    unreachable,
    unreachable_by,
)
from vetting.ruleset.slots import conditions_of

RULE_SETS = [
    ROOT / "rules" / "health-ai",
    ROOT / "examples" / "rulesets" / "aia-like",
    ROOT / "tests" / "fixtures" / "rules" / "mini",
    ROOT / "tests" / "fixtures" / "rules" / "mini-v2",
]


class _Plain(Search):
    """The enumeration the pruning replaced: every day, every combination of answers."""

    def satisfiable(self, target: c.Predicate, reads: Iterable[str], target_dated: bool) -> bool:
        cases = self.cases(reads, target_dated=True)
        if cases is None:
            return True
        ordered, options, days = cases
        for day in days:
            for combo in itertools.product(*options):
                answers: dict[str, Any] = {}
                for qid, value in zip(ordered, combo, strict=True):
                    rel = self.relevance.get(qid)
                    answers[qid] = c.ABSENT if rel and rel(answers, day) is False else value
                if target(answers, day) is True:
                    return True
        return False


def _plain(compiled: CompiledRuleSet) -> tuple[list[int], list[int]]:
    search = search_for(compiled, conditions_of(compiled.ruleset))
    plain = _Plain(**{f.name: getattr(search, f.name) for f in dataclasses.fields(search)})
    return unreachable_by(plain, compiled)


@pytest.mark.parametrize("folder", RULE_SETS, ids=lambda p: p.name)
def test_the_pruned_search_finds_what_the_plain_enumeration_finds(folder: Path) -> None:
    compiled = load_ruleset(folder)
    assert unreachable(compiled, conditions_of(compiled.ruleset)) == _plain(compiled)


def test_a_condition_through_a_dated_definition_reads_the_day() -> None:
    """A finding that holds only from 2029 is dated through its definition, not its own text."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    rs = compiled.ruleset
    expired = next(r for r in rs.findings if r.id == "regulatory.legacy_certificate_expired")
    assert reads_the_day(expired.when, rs.definitions)
    denied = next(r for r in rs.findings if r.id == "regulatory.annex_i_denied")
    assert not reads_the_day(denied.when, rs.definitions)


def test_a_finding_possible_only_on_an_early_day_is_still_found(tmp_path: Path) -> None:
    """Latest days first is an order, not a filter: a window before a date is reached too."""
    folder = tmp_path / "early"
    folder.mkdir()
    (folder / "ruleset.yaml").write_text(
        """format: 1
id: early
version: 1.0.0
title: {fr: "Fenêtre", en: "Window"}
as_of: 2026-01-01
authors: ["vetting tests"]
license: CC-BY-4.0
languages: [fr, en]
include: [questions.yaml]
categories:
  - id: data
    weight: 1
    title: {fr: "Données", en: "Data"}
definitions:
  before_2025:
    label: {fr: "avant 2025", en: "before 2025"}
    text: {fr: "Avant le 1er janvier 2025.", en: "Before 1 January 2025."}
    when: {judged_date: {lt: 2025-01-01}}
scoring:
  pools: [risk]
  score_pool: risk
  levels: {unit: percent, moderate: 15, high: 30, critical: 50}
""",
        encoding="utf-8",
    )
    (folder / "questions.yaml").write_text(
        """category: data
questions:
  - id: data.kind
    short_title: {fr: "Nature", en: "Kind"}
    type: single
    text: {fr: "Quelles données ?", en: "Which data?"}
    help: {fr: "Pour savoir.", en: "To know."}
    choices:
      - id: none
        label: {fr: "Aucune", en: "None"}
        points: {risk: 0}
      - id: health
        label: {fr: "Santé", en: "Health"}
        severity: high
        points: {risk: 2}
findings:
  - id: data.early_health
    severity: medium
    when:
      all:
        - {question: data.kind, equals: health}
        - {is: before_2025}
    message: {fr: "Santé, avant 2025.", en: "Health, before 2025."}
""",
        encoding="utf-8",
    )
    compiled = load_ruleset(folder)
    assert unreachable(compiled, conditions_of(compiled.ruleset)) == ([], [])
