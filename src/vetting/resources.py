"""Where the embedded rule set and report templates live, in a checkout or a wheel.

In a wheel they are package data under `vetting/_data/`; in a source checkout
(editable install) they are the repository's top-level `rules/` and `reports/`.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_RULESET = "health-ai"

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def embedded_rules_dir(ruleset_id: str = DEFAULT_RULESET) -> Path:
    """The folder of an embedded rule set."""
    return _data_dir("rules") / ruleset_id


def embedded_reports_dir() -> Path:
    """The folder of the embedded report templates."""
    return _data_dir("reports")
