"""Every catalog key the code reads exists, and every key of the catalog is read.

The code names a key as one literal dotted string (`"workflows.columns.tool"`),
or a literal prefix ending in a dot when the last part is a value
(`"scale.levels." + level`); the workflow templates read theirs with
`t("workflows....")`. The report words (the `report` namespace) are read
through `templates.labels` without the namespace: `L.key` in the report
templates, `L["key"]`, `L.count("key", n)` or a key held in a variable in
code, and a literal prefix before a value (`L[f"summary_{verdict}"]`,
`"pool_" + pool`). A typo in a key would only fail on the page or the path that
reads it, and a key left behind would be translated for nothing, so these
tests read the keys from the sources instead.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

import pytest

from tests.conftest import ROOT, Result
from tests.support.source import code_of
from vetting import catalog
from vetting.assess.answers_model import Outcome
from vetting.assess.assessment import LEVELS, SEVERITIES, VERDICTS
from vetting.checklist.layout import COLUMNS
from vetting.ruleset.model import EvidenceLevel, QuestionType, ScoringPolicy
from vetting.workflows.actions import ACTIONS

Cli = Callable[..., Result]
CATALOG = Path(catalog.__file__).resolve().parent
NAMESPACES = tuple(sorted(path.stem for path in (CATALOG / "en").glob("*.yaml")))
CODE = sorted((ROOT / "src" / "vetting").rglob("*.py"))
TEMPLATES = sorted((ROOT / "reports").rglob("*.j2"))

_DOTTED = re.compile(rf"""["']((?:{"|".join(NAMESPACES)})\.[a-z_][a-z0-9_.]*)["']""")
_FILE_NAME = re.compile(r"\.(?:css|js|json|ya?ml|md|html|j2)$")  # `"report.css"` is no key
# The report words, as the report templates and the code that holds `L` read them; the
# drafts' words (PIA, FRIA, DOCX) as `D`.
_LABEL_MAPS = {"L": "report", "D": "drafts"}
_LABEL_READS = {
    name: re.compile(
        rf"""\b{name}\.(?!count\b|get\b)([a-z_][a-z0-9_]*)\b(?!\()"""
        rf"""|\b{name}\.(?:count|get)\(\s*["']([a-z_][a-z0-9_]*)["']\s*[,)]"""
        rf"""|\b{name}\[\s*["']([a-z_][a-z0-9_]*)["']\s*\]"""
    )
    for name in _LABEL_MAPS
}
_LABEL_CODE = re.compile(r"""\bL\[|\bL\.(?:get|count)\(|\bwords\[["']""")
_LITERAL = re.compile(r"""(?<![\w.])["']([a-z_][a-z0-9_]*)["']""")
_PREFIX = re.compile(r"""\bf["']([a-z][a-z0-9_]*_)\{|["']([a-z][a-z0-9_]*_)["']\s*\+""")


def _text(path: Path) -> str:
    """A template whole; Python without its docstrings and comments, which quote keys freely."""
    return code_of(path) if path.suffix == ".py" else path.read_text(encoding="utf-8")


@functools.cache
def _named() -> set[str]:
    """Every full key the sources name, with its namespace; a prefix keeps its final dot."""
    keys = {
        key
        for path in [*CODE, *TEMPLATES]
        for key in _DOTTED.findall(_text(path))
        if not _FILE_NAME.search(key)
    }
    for path in [*CODE, *TEMPLATES]:
        for name, namespace in _LABEL_MAPS.items():
            for groups in _LABEL_READS[name].findall(_text(path)):
                keys.update(f"{namespace}.{word}" for word in groups if word)
    return keys


@functools.cache
def _report_words_in_code() -> tuple[set[str], tuple[str, ...]]:
    """The report words the code that reads labels holds as literals, and its literal prefixes."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for path in CODE:
        text = _text(path)
        if _LABEL_CODE.search(text):
            words.update(f"report.{word}" for word in _LITERAL.findall(text))
            prefixes.update(f"report.{p}" for pair in _PREFIX.findall(text) for p in pair if p)
    return words, tuple(sorted(prefixes))


def _leaves(node: Any, prefix: str) -> Iterable[str]:
    """Every string, list, flag or counted phrase under `prefix`, by its dotted key."""
    if isinstance(node, Mapping) and set(node) != {"one", "other"}:
        for key, value in node.items():
            yield from _leaves(value, f"{prefix}.{key}")
    else:
        yield prefix


def _is_leaf(node: object) -> bool:
    return not isinstance(node, Mapping) or set(node) == {"one", "other"}


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_every_key_the_code_names_exists(lang: str) -> None:
    named = _named()
    assert {key.partition(".")[0] for key in named} == set(NAMESPACES), "a pattern went stale"
    missing = []
    for key in sorted(named):
        try:
            node = catalog.entry(lang, key.rstrip("."))
        except (KeyError, TypeError):
            missing.append(key)
            continue
        # A group is read whole only to ask what it holds (`catalog.entry`), and by prefix too.
        group = not _is_leaf(node) and key.rstrip(".") + "." in named
        if _is_leaf(node) == key.endswith(".") and not group:
            missing.append(key)
    assert missing == []


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_every_key_of_the_catalog_is_read(namespace: str) -> None:
    named = _named()
    words, label_prefixes = _report_words_in_code()
    read = named | words
    prefixes = tuple(key for key in named if key.endswith(".")) + label_prefixes
    keys = list(_leaves(catalog.entry("en", namespace), namespace))
    assert keys
    unread = [key for key in keys if key not in read and not key.startswith(prefixes)]
    assert unread == []


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("scale.levels.", LEVELS),
        ("scale.verdicts.", VERDICTS),
        ("scale.severities.", SEVERITIES),
        ("scale.raised_by.", ("knockout", "pending", "finding")),
        ("scale.floor_what.", ("knockout", "pending")),
        ("interview.outcomes.", get_args(Outcome)),
        ("testing.languages.", catalog.LANGUAGES),
        ("report.summary_", VERDICTS),
        ("report.outcome_", get_args(Outcome)),
        ("report.col_", COLUMNS),
        ("report.denominator_", get_args(ScoringPolicy.model_fields["denominator"].annotation)),
        ("report.unknown_", get_args(ScoringPolicy.model_fields["unknown"].annotation)),
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
            assert _is_leaf(catalog.entry(lang, prefix + value)), (lang, prefix + value)


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
