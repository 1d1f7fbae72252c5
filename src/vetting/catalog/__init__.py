"""The interface strings and language formats: one catalog per language.

A catalog is a folder (`fr/`, `en/`) of YAML files, one per namespace
(`formats.yaml`, `interview.yaml`, `report.yaml`...); both folders hold the same
files and keys, and a test checks it. `text("fr", "interview.back")` reads one
string, `plural("fr", "cli.score.files", 2)` picks the singular or plural form
of a counted phrase by the language's rule (in French 0 and 1 take the
singular). A catalog is parsed once, on first use, with the C loader when
available: `vetting --help` imports this module but reads no catalog, so YAML
stays unimported there. An unknown language reads the English catalog.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

LANGUAGES = ("fr", "en")
_FALLBACK = "en"
_HERE = Path(__file__).resolve().parent


def language(lang: str) -> str:
    """`lang` when a catalog exists for it, else the fallback (English)."""
    return lang if lang in LANGUAGES else _FALLBACK


@functools.cache
def catalog(lang: str) -> dict[str, Any]:
    """The whole catalog of one language: namespace -> nested mappings (parsed once)."""
    import yaml  # lazily: `vetting --help` must not pay for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = {}
    for path in sorted((_HERE / language(lang)).glob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            content = yaml.load(stream, Loader=loader)
        if not isinstance(content, dict):
            raise TypeError(f"catalog file {path} is not a mapping")
        data[path.stem] = content
    return data


def entry(lang: str, key: str) -> Any:
    """One entry by its dotted key (`formats.months`); a missing key is our bug."""
    node: Any = catalog(lang)
    for part in key.split("."):
        node = node[part]
    return node


def text(lang: str, key: str, /, **fields: object) -> str:
    """One string, with its `{placeholders}` filled from `fields` when given."""
    value = entry(lang, key)
    if not isinstance(value, str):
        raise TypeError(f"catalog key {key} is not a string")
    return value.format(**fields) if fields else value


def plural(lang: str, key: str, n: int, /, **fields: object) -> str:
    """A counted phrase: the entry's `one` or `other` form for `n`, filled with `n` and `fields`."""
    forms = entry(lang, key)
    if not isinstance(forms, Mapping) or set(forms) != {"one", "other"}:
        raise TypeError(f"catalog key {key} is not a plural (one/other)")
    return str(forms[plural_form(lang, n)]).format(n=n, **fields)


def plural_form(lang: str, n: int) -> str:
    """`one` or `other`: the form a counted phrase takes for `n` (for phrases a user overrides)."""
    singular = n == 1 or (n == 0 and bool(entry(lang, "formats.singular_zero")))
    return "one" if singular else "other"
