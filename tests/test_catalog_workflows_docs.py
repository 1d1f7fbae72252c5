"""The `workflows` and `docs` catalog namespaces: every key read exists, every key is read.

The code writes each key as one literal dotted string (`"workflows.columns.tool"`),
or a literal prefix ending in a dot when the last part is a value
(`"workflows.portfolio.actions." + code`); the workflow templates read theirs with
`t("workflows....")`. A typo in a key would only fail on the page or the path
that reads it, so these tests read the keys from the sources instead.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

import pytest

from tests.conftest import ROOT, Result
from vetting import catalog
from vetting.assess.answers_model import Outcome
from vetting.ruleset.model import EvidenceLevel, QuestionType, ScoringPolicy
from vetting.workflows.actions import ACTIONS

Cli = Callable[..., Result]
NAMESPACES = ("workflows", "docs")
# A key has a group and a name at least (`workflows.css` is a file, not a key).
_LITERAL = re.compile(r"""["']((?:workflows|docs)\.[a-z_]+\.[a-z_.]*)["']""")
SOURCES = sorted((ROOT / "src" / "vetting").rglob("*.py")) + sorted(
    (ROOT / "reports" / "workflows").glob("*.j2")
)


def _used() -> set[str]:
    return {key for path in SOURCES for key in _LITERAL.findall(path.read_text("utf-8"))}


def _leaves(node: Any, prefix: str) -> Iterable[str]:
    """Every string or counted phrase under `prefix`, by its dotted key."""
    if isinstance(node, Mapping) and set(node) != {"one", "other"}:
        for key, value in node.items():
            yield from _leaves(value, f"{prefix}.{key}")
    else:
        yield prefix


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_every_key_the_code_reads_exists(lang: str) -> None:
    used = _used()
    assert used, "no key found: the pattern no longer matches the code"
    for key in sorted(used):
        node = catalog.entry(lang, key.rstrip("."))
        leaf = isinstance(node, str) or set(node) == {"one", "other"}
        # A group is read whole only to ask whether it holds a value (`catalog.entry`).
        group = isinstance(node, Mapping) and not leaf and key.rstrip(".") + "." in used
        assert leaf != key.endswith(".") or group, key


def test_every_key_of_the_namespaces_is_read() -> None:
    used = _used()
    prefixes = tuple(key for key in used if key.endswith("."))
    keys = [leaf for ns in NAMESPACES for leaf in _leaves(catalog.entry("fr", ns), ns)]
    unread = [key for key in keys if key not in used and not key.startswith(prefixes)]
    assert unread == []


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("workflows.portfolio.actions.", ACTIONS),
        ("workflows.portfolio.review.", ("overdue", "due")),
        ("workflows.outcomes.", get_args(Outcome)),
        ("workflows.evidence.", get_args(EvidenceLevel)),
        ("docs.ruleset.types.", get_args(QuestionType)),
        ("docs.ruleset.evidence_levels.", get_args(EvidenceLevel)),
        (
            "docs.ruleset.denominators.",
            get_args(ScoringPolicy.model_fields["denominator"].annotation),
        ),
        (
            "docs.ruleset.unknown_policies.",
            get_args(ScoringPolicy.model_fields["unknown"].annotation),
        ),
        ("docs.ruleset.floors.", ("knockout", "pending")),
        ("docs.conditions.", ("gt", "gte", "lt", "lte")),
    ],
)
def test_a_key_built_from_a_value_exists_for_every_value(
    prefix: str, values: tuple[str, ...]
) -> None:
    assert values
    for lang in catalog.LANGUAGES:
        for value in values:
            assert catalog.text(lang, prefix + value), (lang, prefix + value)


@pytest.mark.parametrize(
    ("lang", "one", "eleven"),
    [
        ("fr", "· 1 évaluation ·", "· 11 évaluations ·"),
        ("en", "· 1 assessment ·", "· 11 assessments ·"),
    ],
)
def test_the_portfolio_counts_its_assessments_in_the_singular_and_the_plural(
    cli: Cli, tmp_path: Path, lang: str, one: str, eleven: str
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "health-ai" / "scribe-accept.yaml", folder)
    rules = str(ROOT / "rules" / "health-ai")
    args = ("--rules", rules, "--today", "2027-01-01", "--lang", lang)
    single = cli("portfolio", str(folder), *args)
    many = cli("portfolio", str(ROOT / "examples" / "health-ai"), *args)
    assert single.code == 0 and many.code == 0
    assert one in single.out and eleven in many.out
