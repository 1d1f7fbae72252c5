"""The interface strings and language formats, one YAML catalog per language.

`fr.yaml` and `en.yaml` hold the same keys, grouped by namespace (`formats`...);
`entry("fr", "formats.months")` reads one. A catalog is parsed once, on first use,
with the C loader when available: `vetting --help` imports this module (through
`words.py`) but never reads a catalog, so YAML stays unimported there. An unknown
language reads the English catalog, as the old tables did.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

LANGUAGES = ("fr", "en")
_FALLBACK = "en"
_HERE = Path(__file__).resolve().parent


@functools.cache
def catalog(lang: str) -> dict[str, Any]:
    """The whole catalog of one language, as nested mappings (parsed once)."""
    import yaml  # lazily: `vetting --help` must not pay for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    name = lang if lang in LANGUAGES else _FALLBACK
    with (_HERE / f"{name}.yaml").open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=loader)
    if not isinstance(data, dict):
        raise TypeError(f"catalog {name}.yaml is not a mapping")
    return data


def entry(lang: str, key: str) -> Any:
    """One entry by its dotted key (`formats.months`); a missing key is our bug."""
    node: Any = catalog(lang)
    for part in key.split("."):
        node = node[part]
    return node


def text(lang: str, key: str) -> str:
    """One string entry."""
    value = entry(lang, key)
    if not isinstance(value, str):
        raise TypeError(f"catalog key {key} is not a string")
    return value
