"""The catalog of interface strings: both languages agree, and formats read from it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.source import code_of
from vetting import catalog
from vetting.words import long_date, number, percent

SRC = Path(catalog.__file__).resolve().parent.parent
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(node, dict):
        flat: dict[str, Any] = {}
        for key, value in node.items():
            flat.update(_flatten(value, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): node}


CATALOG = Path(catalog.__file__).resolve().parent


def test_both_languages_hold_the_same_files_keys_placeholders_and_plurals() -> None:
    files = {lang: sorted(p.name for p in (CATALOG / lang).glob("*.yaml")) for lang in ("fr", "en")}
    assert files["fr"] == files["en"]
    fr = _flatten(catalog.catalog("fr"))
    en = _flatten(catalog.catalog("en"))
    assert sorted(fr) == sorted(en), sorted(set(fr) ^ set(en))
    for key, value in fr.items():
        if isinstance(value, str):
            assert set(_PLACEHOLDER.findall(value)) == set(_PLACEHOLDER.findall(en[key])), key
        elif isinstance(value, list):
            assert len(value) == len(en[key]), key
        else:
            assert type(value) is type(en[key]), key


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_every_key_is_a_string(lang: str) -> None:
    """`yes:` or `no:` unquoted would be a boolean key that no dotted key can read."""

    def keys(node: Any) -> Iterator[object]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from keys(value)

    assert [key for key in keys(catalog.catalog(lang)) if not isinstance(key, str)] == []


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("fr", 0, "one"),
        ("fr", 1, "one"),
        ("fr", 2, "other"),
        ("en", 0, "other"),
        ("en", 1, "one"),
        ("en", 2, "other"),
    ],
)
def test_counted_phrases_follow_the_language_plural_rule(lang: str, n: int, expected: str) -> None:
    plurals = [
        k.removesuffix(".one") for k in _flatten(catalog.catalog(lang)) if k.endswith(".one")
    ]
    assert plurals, "no counted phrase found: the catalog or this test changed shape"
    for key in plurals:
        form = catalog.entry(lang, f"{key}.{expected}")
        fields = {name: name for name in _PLACEHOLDER.findall(form) if name != "n"}
        assert catalog.plural(lang, key, n, **fields) == form.format(n=n, **fields), key


def test_formats_come_from_the_catalog() -> None:
    assert number(9.5, "fr") == "9,5"
    assert percent(94.44, "fr") == "94,4\u00a0%"
    assert percent(94.44, "en") == "94.4%"
    assert long_date(dt.date(2026, 11, 1), "fr") == "1er novembre 2026"
    assert long_date(dt.date(2026, 11, 24), "en") == "24 November 2026"
    assert long_date(dt.date(2026, 2, 1), "de") == "1 February 2026"


def test_no_hand_written_month_names_outside_the_catalog() -> None:
    pattern = re.compile(r"\b(janvier|février|décembre|January|February|December)\b")
    found = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if pattern.search(code_of(path))
    ]
    assert found == []


# A language code compared, looked up in a tuple or matched: `lang == "fr"`,
# `"fr" != lang`, `lang in ("fr", "de")`, `lang.startswith("fr")`, `case "fr":`.
_CODE = r"""["'](?:fr|en)["']"""
_LANGUAGE_TEST = re.compile(
    rf"(?:[=!]=|\bis\b|\bin\b|\bcase\b|startswith)\s*\(?\s*\(?{_CODE}|{_CODE}\s*(?:[=!]=|\bin\b)"
)


@pytest.mark.parametrize(
    "line",
    [
        'text = fr if lang == "fr" else en',
        "heading = f\"{title}{' : ' if self.lang == 'fr' else ': '}\"",
        'if "en" != lang:',
        'if lang in ("fr", "de"):',
        'sep = "," if lang.startswith("fr") else "."',
        'case "fr":',
    ],
)
def test_the_language_test_pattern_catches_each_form(line: str) -> None:
    assert _LANGUAGE_TEST.search(line)


def test_no_inline_language_test_outside_the_catalog() -> None:
    """What differs by language is a catalog entry, never a branch on the language."""
    found = [
        f"{path.relative_to(SRC)}: {match.group(0)}"
        for path in sorted(SRC.rglob("*.py"))
        if CATALOG not in path.parents
        for match in _LANGUAGE_TEST.finditer(code_of(path))
    ]
    assert found == []


def test_help_does_not_read_a_catalog() -> None:
    code = "import sys, vetting.words; assert 'yaml' not in sys.modules, 'yaml imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
