"""The templates folder (`reports/`): where templates and their data files are found, how
they load, and the one Jinja2 environment factory of every rendered output.

The report words live in the catalog (`vetting/catalog/*/report.yaml`); a user
who points `--templates DIR` to a folder with a `labels.yaml` rewords them key by
key without touching Python. Other texts live in data files next to the
templates (`clauses.yaml`, `notice.yaml`); a user's copy replaces ours whole.
Templates are looked up in the user's folder first, then in the embedded
`reports/` folder, so a user copies only what they change.

Escaping differs per output kind, so there is one environment per kind:

- HTML: autoescape for `*.html.j2` (and `*.svg.j2`); a text loses its control
  characters and bidi overrides first (`html_finalize`); nothing from an
  answers file is ever marked safe.
- Markdown: every `{{ value }}` goes through `md_escape` (the environment's
  `finalize`), so a template cannot forget it; the `code` filter (a code span
  around an id or a hash) and the `autolink` filter are the only ways to write
  Markdown syntax from data.

The report, the patient notice and the workflows (`reports/workflows/`) all
render through `render`.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from vetting import catalog, yamlio
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.escape import html_finalize, md_escape, plain, web_url
from vetting.resources import embedded_reports_dir
from vetting.words import typo

if TYPE_CHECKING:
    import jinja2

M = TypeVar("M", bound=BaseModel)
Kind = Literal["md", "html"]

LABELS = "labels.yaml"
CLAUSES = "clauses.yaml"
NOTICE = "notice.yaml"

# --------------------------------------------------------------------------- the search path


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


# --------------------------------------------------------------------------- data files


def _read(path: Path) -> yamlio.Document:
    doc = yamlio.load(path)
    if not isinstance(doc.data, dict):
        raise VettingError(Problem(doc.position(()), "expected a mapping at the top of the file"))
    return doc


class DataSpec(BaseModel):
    """The base of every report data file's model (`clauses.yaml`, `notice.yaml`, `pia.yaml`,
    `fria.yaml`): a field nobody reads is a mistake to report, and a spec never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
                    problems.add(doc.position(where), error["msg"], yamlio.format_path(where))
                problems.raise_if_any()
    raise VettingError(Problem(Position(name), "report data file not found"))  # pragma: no cover


Plural = dict[str, str]  # {"one": ..., "other": ...}
_FORMS = {"one", "other"}


class Labels(dict[str, str]):
    """The report words of one language, typeset; counted phrases apart, read with `count`.

    A dict so that templates read `L.key` and code `L["key"]` as before.
    """

    def __init__(self, lang: str, words: Mapping[str, str], counted: Mapping[str, Plural]) -> None:
        super().__init__(words)
        self.lang = lang
        self.counted = dict(counted)

    def count(self, key: str, n: int, /, **fields: object) -> str:
        """A counted phrase in its singular or plural form for `n`, filled with `n` and `fields`."""
        form = self.counted[key][catalog.plural_form(self.lang, n)]
        return form.format(n=n, **fields)


def labels(lang: str, templates: Path | None = None) -> Labels:
    """Every report word in `lang` (the catalog's `report` namespace), French typography
    applied; a `labels.yaml` in the user's `templates` folder overrides ours key by key."""
    words: dict[str, str] = {}
    counted: dict[str, Plural] = {}
    for key, value in catalog.entry(lang, "report").items():
        if isinstance(value, Mapping):
            counted[key] = {form: typo(value[form], lang) for form in _FORMS}
        else:
            words[key] = typo(value, lang)
    path = search_path(templates)[0] / LABELS if templates is not None else None
    if path is not None and path.is_file():
        doc = _read(path)
        for key, value in doc.data.items():
            text = _user_label(doc, str(key), value, lang, counted)
            if isinstance(text, str):
                words[str(key)] = text
                if key in counted:  # one wording whatever the count
                    counted[str(key)] = {form: text for form in _FORMS}
            else:
                counted[str(key)] = text
    return Labels(lang, words, counted)


def _user_label(
    doc: yamlio.Document, key: str, value: object, lang: str, counted: Mapping[str, Plural]
) -> str | Plural:
    """One entry of a user's `labels.yaml` (`key: {fr: ..., en: ...}`) in `lang`, typeset.

    A counted phrase may give, per language, a text or `{one: ..., other: ...}`.
    """
    where = doc.position((key,))
    if not isinstance(value, Mapping) or not value:
        raise VettingError(
            Problem(
                where, f"label '{key}' must map languages to texts", hint="key: {fr: ..., en: ...}"
            )
        )
    chosen = value.get(lang) or value.get("en") or next(iter(value.values()))
    if isinstance(chosen, str):
        return typo(chosen, lang)
    if (
        key in counted
        and isinstance(chosen, Mapping)
        and set(chosen) == _FORMS
        and all(isinstance(form, str) for form in chosen.values())
    ):
        return {form: typo(chosen[form], lang) for form in _FORMS}
    hint = "a text, or {one: ..., other: ...} for a counted phrase" if key in counted else "a text"
    raise VettingError(Problem(where, f"label '{key}' must give {hint} per language"))


# --------------------------------------------------------------------------- Jinja2


class MarkdownCode(str):
    """Markdown written by the template itself (a code span, an autolink): not escaped again."""

    __slots__ = ()


def code(value: object) -> MarkdownCode:
    """An id or a hash as a code span, on one line; backticks inside are dropped, never
    interpreted. Nothing (not an empty pair of backticks, which Markdown shows) for ""."""
    text = plain(value).replace("`", "")
    return MarkdownCode(f"`{text}`" if text else "")


def autolink(url: object) -> MarkdownCode | str:
    """An http(s) URL as a Markdown autolink `<...>`; anything else as escaped text."""
    href = web_url(str(url))
    return MarkdownCode(f"<{href}>") if href else md_escape(url)


def _finalize_markdown(value: object) -> str:
    if isinstance(value, MarkdownCode):
        return str(value)
    return md_escape(value)


def environment(kind: Kind, folders: Sequence[Path]) -> jinja2.Environment:
    """The Jinja2 environment of one output kind over `folders`, searched in order.

    Cached per kind and folders, so templates are compiled once per process (a
    report renders in a few tens of milliseconds instead of a hundred).
    """
    return _environment(kind, tuple(str(Path(f).resolve()) for f in folders))


@functools.lru_cache(maxsize=16)
def _environment(kind: Kind, folders: tuple[str, ...]) -> jinja2.Environment:
    import jinja2

    common: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(list(folders)),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if kind == "html":
        return jinja2.Environment(
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html", "html.j2", "svg.j2"), default=False
            ),
            finalize=html_finalize,
            **common,
        )
    env = jinja2.Environment(autoescape=False, finalize=_finalize_markdown, **common)
    env.filters["code"] = code
    env.filters["autolink"] = autolink
    return env


def _template_position(exc: BaseException, roots: list[Path]) -> Position | None:
    """Where in a template a rendering error happened (Jinja2 rewrites the traceback)."""
    found: Position | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if any(root in path.parents for root in roots) and frame.lineno:
            found = Position(str(path), frame.lineno)
    return found


def render(name: str, kind: Kind, context: dict[str, Any], folders: Sequence[Path]) -> str:
    """Render one template; a broken template is a `VettingError` at its line, not a traceback."""
    import jinja2

    env = environment(kind, folders)
    roots = [Path(p).resolve() for p in folders]
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = Position(exc.filename or name, exc.lineno or 0)
        raise VettingError(Problem(where, f"template error: {exc.message}")) from None
    except jinja2.TemplateNotFound as exc:
        hint = f"looked in {', '.join(str(p) for p in roots)}"
        raise VettingError(
            Problem(Position(name), f"template not found: {exc}", hint=hint)
        ) from None
    except jinja2.TemplateError as exc:
        where = _template_position(exc, roots) or Position(name)
        raise VettingError(Problem(where, f"template error: {exc}")) from None


__all__ = [
    "CLAUSES",
    "LABELS",
    "NOTICE",
    "Kind",
    "Labels",
    "MarkdownCode",
    "autolink",
    "code",
    "data_file",
    "environment",
    "labels",
    "render",
    "search_path",
]
