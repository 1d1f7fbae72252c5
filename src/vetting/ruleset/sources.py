"""Where a loaded rule set came from: its files, and where each of its parts was written.

The loader fills a `SourceMap` as it reads a folder, an overlay adds its own
places on top, and the checker turns a place into `file:line:col` for every
problem it finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vetting.errors import Position, Problem, ProblemCollector
from vetting.ruleset import model
from vetting.yamlio import DocPath, Document, format_path

MANIFEST = "ruleset.yaml"


def display_name(path: Path) -> str:
    """A rule-set folder as messages show it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass
class SourceMap:
    """Where each element of a merged rule set was written: for precise errors."""

    documents: dict[str, Document] = field(default_factory=dict)
    places: dict[tuple[str, str], tuple[str, DocPath]] = field(default_factory=dict)
    #: Where each question and finding rule was written, by index in the RuleSet.
    questions: list[tuple[str, DocPath]] = field(default_factory=list)
    findings: list[tuple[str, DocPath]] = field(default_factory=list)
    #: Overlays: a base field overridden elsewhere -> where the override was written.
    redirects: dict[tuple[str, DocPath], tuple[str, DocPath]] = field(default_factory=dict)
    #: Overlays: base questions the overlay disabled, and where (for clearer messages).
    disabled: dict[str, tuple[str, DocPath]] = field(default_factory=dict)

    def add(self, kind: str, key: str, doc: Document, path: DocPath) -> None:
        self.places[(kind, key)] = (doc.file, path)

    def at(self, place: tuple[str, DocPath] | None, *sub: str | int) -> tuple[Position, str]:
        """Position and display path of `sub` inside a recorded place."""
        if place is None:
            return Position("?"), ""
        file, base = place
        full = (*base, *sub)
        for cut in range(len(full), len(base), -1):
            target = self.redirects.get((file, full[:cut]))
            if target is not None:
                file, full = target[0], (*target[1], *full[cut:])
                break
        return self.documents[file].position(full), format_path(full)

    def locate(self, kind: str, key: str, *sub: str | int) -> tuple[Position, str]:
        """Position and display path of `sub` inside the element `key` of `kind`."""
        return self.at(self.places.get((kind, key)), *sub)


@dataclass
class LoadedRuleSet:
    """A rule set as loaded: the merged model, where things are, and its digest."""

    ruleset: model.RuleSet
    folder: Path
    display: str
    sha256: str
    sources: SourceMap
    #: Each file of this folder that was read, with the SHA-256 of the bytes parsed.
    files: tuple[tuple[str, str], ...] = ()
    #: Problems found while loading (with `keep_going`): the checker reports them too.
    problems: tuple[Problem, ...] = ()


def add_named(
    kind: str,
    table: dict[str, Any],
    items: dict[str, Any],
    doc: Document,
    sources: SourceMap,
    out: ProblemCollector,
    clash: str = "is defined twice (first at {first})",
    hint: str = "keep one of them",
) -> None:
    """Add named entries (`sources`, `definitions`) to a table; report an id used twice."""
    for key, value in items.items():
        if key in table:
            first, _ = sources.locate(kind, key)
            out.add(
                doc.position((kind, key)),
                f"{kind[:-1]} '{key}' {clash.format(first=first)}",
                f"{kind}.{key}",
                hint,
            )
            continue
        table[key] = value
        sources.add(kind, key, doc, (kind, key))


__all__ = ["MANIFEST", "LoadedRuleSet", "SourceMap", "add_named"]
