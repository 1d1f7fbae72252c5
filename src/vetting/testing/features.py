"""Feature files in, scenarios out: the official Gherkin parser, with positions kept.

We use `gherkin` (the Cucumber project's parser, the one pytest-bdd 9 uses), so
`# language: fr` and every other Gherkin dialect, Backgrounds, Rules and
Scenario Outlines behave exactly as in any Cucumber tool. Outlines are expanded
into one scenario per Examples row ("pickles"); each step keeps the line and
the keyword its author wrote, and each datatable cell its line and column, so
that every message points at `file:line:col`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vetting.errors import Position, Problem, VettingError
from vetting.yamlio import decode, read_bytes

FEATURE_SUFFIX = ".feature"


@dataclass(frozen=True)
class Cell:
    """One datatable cell as written, with where it is."""

    text: str
    line: int
    col: int


@dataclass(frozen=True)
class Step:
    """One step of a scenario, after Outline placeholders are filled in."""

    keyword: str
    text: str
    line: int
    col: int
    table: tuple[tuple[Cell, ...], ...] | None = None

    @property
    def display(self) -> str:
        """The step as its author wrote it: `Then the verdict is "reject"`."""
        return f"{self.keyword.strip()} {self.text}".strip()


@dataclass(frozen=True)
class Scenario:
    """One runnable scenario: a Scenario, or one Examples row of a Scenario Outline."""

    file: str
    feature: str
    name: str
    line: int
    language: str
    steps: tuple[Step, ...]
    tags: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def position(self, step: Step | None = None, col: int | None = None) -> Position:
        if step is None:
            return Position(self.file, self.line, 1)
        return Position(self.file, step.line, col if col is not None else step.col)


@dataclass(frozen=True)
class Feature:
    """A parsed feature file: its title, its language and its scenarios in order."""

    file: str
    path: Path
    name: str
    language: str
    scenarios: tuple[Scenario, ...]


def _parser_problems(exc: Exception, file: str) -> list[Problem]:
    """Gherkin's errors as positioned problems, with a hint a rule author can act on."""
    errors = getattr(exc, "errors", None) or [exc]
    problems: list[Problem] = []
    for error in errors:
        location = getattr(error, "location", None) or {}
        line = int(location.get("line", 0) or 0)
        col = int(location.get("column", 0) or 0) or 1
        text = str(error.args[0]) if error.args else str(error)
        if text.startswith("(") and "): " in text:
            text = text.split("): ", 1)[1]
        hint = "check the keyword and the indentation of this line"
        got = text.rsplit(", got '", 1)[1][:-1] if ", got '" in text else None
        if got is not None and text.startswith("expected:"):
            text = f"this line is not understood here: '{got}'"
        if got is not None and got.startswith(("Feature", "Fonctionnalité")):
            hint = "a file holds one Feature"
        elif got is not None:
            hint = (
                "a step starts with a keyword (Given, When, Then, And, But; in French "
                "Étant donné, Quand, Alors, Et, Mais); a table row starts with |"
            )
        elif "Language not supported" in text:
            hint = "write '# language: fr' or '# language: en' on the first line"
        elif "inconsistent cell count" in text:
            hint = "every row of a table needs the same number of cells"
        problems.append(Problem(Position(file, line, col), f"Gherkin syntax: {text}", hint=hint))
    return problems


def _rows(table: Any) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        tuple(
            Cell(cell["value"], cell["location"]["line"], cell["location"]["column"])
            for cell in row["cells"]
        )
        for row in table.get("rows", [])
    )


def _index(node: Any, out: dict[str, Any]) -> None:
    """Every AST node that carries an id, by id (steps, example rows)."""
    if isinstance(node, dict):
        ident = node.get("id")
        if isinstance(ident, str) and ("keyword" in node or "cells" in node):
            out.setdefault(ident, node)
        for value in node.values():
            _index(value, out)
    elif isinstance(node, list):
        for item in node:
            _index(item, out)


def parse_text(text: str, file: str, path: Path | None = None) -> Feature:
    """Parse the text of a feature file; raise `VettingError` with positions."""
    from gherkin.errors import ParserError
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler

    try:
        document: Any = Parser().parse(text)
    except ParserError as exc:
        raise VettingError(_parser_problems(exc, file)) from None
    feature = document.get("feature")
    if not feature:
        raise VettingError(
            Problem(
                Position(file, 1, 1),
                "no Feature in this file",
                hint="start with 'Feature: ...' (in French: 'Fonctionnalité: ...')",
            )
        )
    document["uri"] = file
    pickles: list[Any] = Compiler().compile(document)
    nodes: dict[str, Any] = {}
    _index(feature, nodes)
    scenarios: list[Scenario] = []
    for pickle in pickles:
        steps: list[Step] = []
        for pstep in pickle["steps"]:
            ast = nodes.get(pstep["astNodeIds"][0], {})
            loc = ast.get("location", {"line": pickle["location"]["line"], "column": 1})
            table = None
            argument = pstep.get("argument") or {}
            if "dataTable" in argument:
                written = _rows(ast["dataTable"]) if ast.get("dataTable") else ()
                filled = argument["dataTable"]["rows"]
                table = tuple(
                    tuple(
                        Cell(
                            cell["value"],
                            written[r][k].line if r < len(written) else loc["line"],
                            written[r][k].col if r < len(written) else loc["column"],
                        )
                        for k, cell in enumerate(row["cells"])
                    )
                    for r, row in enumerate(filled)
                )
            steps.append(
                Step(
                    keyword=str(ast.get("keyword", "* ")),
                    text=pstep["text"],
                    line=int(loc["line"]),
                    col=int(loc["column"]),
                    table=table,
                )
            )
        scenarios.append(
            Scenario(
                file=file,
                feature=str(feature.get("name", "")),
                name=str(pickle.get("name", "")),
                line=int(pickle["location"]["line"]),
                language=str(pickle.get("language", "en")),
                steps=tuple(steps),
                tags=tuple(tag["name"] for tag in pickle.get("tags", [])),
            )
        )
    return Feature(
        file=file,
        path=path or Path(file),
        name=str(feature.get("name", "")),
        language=str(feature.get("language", "en")),
        scenarios=tuple(scenarios),
    )


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the author knows it: relative to the project root when inside it."""
    base = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


def parse_feature(path: Path, root: Path | None = None) -> Feature:
    """Read and parse one feature file (UTF-8); raise `VettingError` with positions."""
    file = display_path(path, root)
    return parse_text(decode(read_bytes(path, file), file), file, path)


def find_features(paths: Iterable[Path]) -> list[Path]:
    """Feature files named or found under folders, sorted, hidden folders skipped.

    A path that does not exist is an input error; a file that is not a
    `.feature` file is one too, so that a typo never silently runs nothing.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            if path.suffix != FEATURE_SUFFIX:
                problems.append(
                    Problem(Position(str(path)), "not a .feature file", hint="name it *.feature")
                )
            else:
                found.append(path)
        else:
            problems.append(Problem(Position(str(path)), "no such file or folder"))
    if problems:
        raise VettingError(problems)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob(f"*{FEATURE_SUFFIX}")):
        relative = path.relative_to(folder).parts
        if path.is_file() and not any(part.startswith(".") for part in relative):
            yield path
