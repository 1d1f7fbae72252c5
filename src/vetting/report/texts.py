"""The words of the reports: labels, clause and notice texts, numbers and dates per language.

Texts live in data files next to the templates (`reports/labels.yaml`,
`clauses.yaml`, `notice.yaml`), so that a user who points `--templates DIR` to
their own copy can reword them without touching Python. Labels are merged (a
user file may hold only the keys it changes); clause and notice files replace
the embedded ones whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vetting import yamlio
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.resources import embedded_reports_dir
from vetting.yamlio import Document, format_path

M = TypeVar("M", bound=BaseModel)

LABELS = "labels.yaml"
CLAUSES = "clauses.yaml"
NOTICE = "notice.yaml"

_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

NBSP = "\u00a0"
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BEFORE = re.compile(r" ([:;?!»%])")
_AFTER = re.compile(r"« ")


def search_path(templates: Path | None) -> list[Path]:
    """Where templates and data files are looked up: the user's folder first."""
    embedded = embedded_reports_dir()
    if templates is None:
        return [embedded]
    folder = Path(templates)
    if not folder.is_dir():
        raise VettingError(
            Problem(Position(str(folder)), "no such folder", hint="check the --templates path")
        )
    return [folder, embedded]


def _read(path: Path) -> Document:
    doc = yamlio.load(path)
    if not isinstance(doc.data, dict):
        raise VettingError(Problem(doc.position(()), "expected a mapping at the top of the file"))
    return doc


def data_file(name: str, model: type[M], templates: Path | None) -> M:
    """The first `name` on the search path, validated, with `file:line:col` on every mistake."""
    for folder in search_path(templates):
        path = folder / name
        if path.is_file():
            doc = _read(path)
            try:
                return model.model_validate(doc.data)
            except ValidationError as exc:
                problems = ProblemCollector()
                for error in exc.errors():
                    where = doc.resolve(tuple(error["loc"]))
                    problems.add(doc.position(where), error["msg"], format_path(where))
                problems.raise_if_any()
    raise VettingError(Problem(Position(name), "report data file not found"))  # pragma: no cover


def labels(lang: str, templates: Path | None = None) -> dict[str, str]:
    """Every report label in `lang`, French typography applied; user labels override ours."""
    merged: dict[str, Any] = {}
    for folder in reversed(search_path(templates)):
        path = folder / LABELS
        if path.is_file():
            merged.update(_read(path).data)
    out: dict[str, str] = {}
    for key, value in merged.items():
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise VettingError(
                Problem(Position(LABELS), f"label '{key}' must map languages to texts")
            )
        out[str(key)] = typo(pick_text(value, lang), lang)
    return out


def pick_text(text: Mapping[str, str] | None, lang: str) -> str:
    """A `{fr: ..., en: ...}` text in `lang`, else English, else any."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))


def typo(text: str, lang: str) -> str:
    """Whitespace collapsed and, in French, no-break spaces before : ; ? ! » % and after «.

    Only for our own texts and the rule set's: text from an answers file is shown
    exactly as written.
    """
    flat = _SPACE_RUN.sub(" ", text).strip()
    if lang != "fr":
        return flat
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", flat))


def num(value: float, lang: str, decimals: int = 1) -> str:
    """`9.5` -> `9,5` in French; a fixed number of decimals, so outputs never jitter."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "fr" else text


def points(value: float, lang: str) -> str:
    """Points as written by hand: `4`, `4.5` (`4,5` in French), never `4.500000001`."""
    text = f"{round(value, 4):g}"
    return text.replace(".", ",") if lang == "fr" else text


def percent(value: float, lang: str, decimals: int = 1) -> str:
    """`94.4 %` in French (with a no-break space), `94.4%` in English."""
    text = num(value, lang, decimals)
    return f"{text}{NBSP}%" if lang == "fr" else f"{text}%"


def long_date(day: dt.date, lang: str) -> str:
    """`24 novembre 2026`, `24 November 2026`: no locale, so the same on every machine."""
    month = _MONTHS.get(lang, _MONTHS["en"])[day.month - 1]
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {month} {day.year}"


def fill(template: str, values: dict[str, str]) -> str:
    """Replace `{name}` placeholders in one pass: a value is never read as a template.

    Never `str.format`, which would read attributes, and never a loop of
    `replace`, which would expand a `{vendor}` written inside a tool's name.
    """
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
