"""Load a rule-set folder: YAML with positions -> validated models -> one RuleSet.

Schema errors from every file are gathered and reported together, each with
`file:line:col`, the path inside the document and a fix.
"""

from __future__ import annotations

import copy as copy_module
import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from vetting import yamlio
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.resources import embedded_rules_dir
from vetting.ruleset import conditions, model, versions
from vetting.ruleset.overlay import apply_overlay, base_candidates
from vetting.ruleset.sources import (
    MANIFEST,
    LoadedRuleSet,
    SourceMap,
    add_named,
    display_name,
)
from vetting.words import suggest
from vetting.yamlio import DocPath, Document, format_path


def _all_field_names() -> list[str]:
    names: set[str] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            for name, info in obj.model_fields.items():
                names.add(info.alias or name)
    names.update(conditions.QUESTION_OPERATORS)
    names.update(conditions.COMPOUND_KEYS)
    names.add("question")
    return sorted(names)


_FRIENDLY_PATTERNS = {
    "Id": "use lowercase letters, digits and underscores, dot-separated (e.g. hosting.location)",
    "ChoiceId": "use lowercase letters, digits and underscores (e.g. outside_eea)",
}


def validation_problems(exc: ValidationError, doc: Document) -> list[Problem]:
    """Turn pydantic's errors into positioned problems, one per bad node."""
    errors = exc.errors(include_url=False)
    locs = [tuple(e["loc"]) for e in errors]
    vocabulary = _all_field_names()
    problems: list[Problem] = []
    for err, loc in zip(errors, locs, strict=True):
        # An error on a container is noise when one of its items has its own error.
        if err["type"] in {"too_short", "tuple_type", "list_type"} and any(
            other != loc and other[: len(loc)] == loc for other in locs
        ):
            continue
        path = doc.resolve(loc)
        display = format_path(path)
        kind = err["type"]
        hint = ""
        if kind == "missing":
            name = str(loc[-1])
            display = f"{display}.{name}" if display else name
            message = f"missing required field '{name}'"
        elif kind == "extra_forbidden":
            name = str(loc[-1])
            if name in vocabulary:  # a real field, in the wrong place
                message = f"'{name}' is not a field here"
                hint = _MISPLACED.get(
                    name, "it belongs elsewhere in the format: see docs/rules-format.md"
                )
            else:
                message = f"unknown field '{name}'"
                hint = suggest(name, vocabulary) or "remove it (docs/rules-format.md lists them)"
        elif kind == "invalid_condition":
            message = conditions.describe_bad_condition(err.get("input"))
        elif kind == "string_pattern_mismatch":
            message = f"'{err.get('input')}' is not a valid identifier"
            hint = _FRIENDLY_PATTERNS["ChoiceId" if "choices" in display else "Id"]
            if display.endswith("version"):
                message = f"'{err.get('input')}' is not a semantic version"
                hint = "write MAJOR.MINOR.PATCH, e.g. 1.0.0"
        else:
            message = err["msg"]
            got = err.get("input")
            if kind.endswith(("_type", "_parsing")) and not isinstance(got, dict | list):
                message += f", got {str(got)[:40]!r}"
        problems.append(Problem(doc.position(path), message, display, hint))
    return problems


#: Where a field written in the wrong place goes.
_MISPLACED = {
    name: f"move the {name} to a file listed under include: in ruleset.yaml, "
    "e.g. include: [questions.yaml]"
    for name in ("questions", "findings")
}


def _without(data: Any, paths: list[DocPath]) -> Any:
    """A copy of `data` without the mapping keys at `paths`."""
    copy = copy_module.deepcopy(data)
    for path in paths:
        node = copy
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]
    return copy


def _validate(cls: type[model._Model], doc: Document, out: ProblemCollector) -> Any:
    """The file's model, or None; every schema problem goes to `out`.

    When the only problems are unknown fields (a typo such as `wieght`), the model
    is built without them, so the semantic checks can still run and report the
    rest in the same run. The problems stay in `out`: the rule set is refused.
    """
    if not isinstance(doc.data, dict):
        out.add(
            doc.position(()),
            "the file must hold a mapping of fields (key: value)",
            hint="see docs/rules-format.md",
        )
        return None
    try:
        return cls.model_validate(doc.data)
    except ValidationError as exc:
        out.problems.extend(validation_problems(exc, doc))
        errors = exc.errors(include_url=False)
        if any(err["type"] != "extra_forbidden" for err in errors):
            return None
        paths = [doc.resolve(tuple(err["loc"])) for err in errors]
        if any(
            not path or path[-1] != err["loc"][-1] for path, err in zip(paths, errors, strict=True)
        ):
            return None
        try:
            return cls.model_validate(_without(doc.data, paths))
        except ValidationError:
            return None


def load_folder(
    folder: Path,
    display: str | None = None,
    _chain: tuple[Path, ...] = (),
    *,
    keep_going: bool = False,
) -> LoadedRuleSet:
    """Read every file of a rule set, validate each, merge them; raise all problems.

    A rule set that `extends` another is loaded on top of its base (see overlay.py).
    Every file is validated even when an earlier one has problems. With
    `keep_going`, a rule set whose files could all be built (unknown fields set
    aside) is merged and returned with its problems in `problems`, so that the
    semantic pass reports its own problems in the same run; the caller raises.
    """
    folder = Path(folder)
    shown = display or display_name(folder)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise VettingError(
            Problem(
                Position(f"{shown}/{MANIFEST}"),
                "no rule set here: the manifest ruleset.yaml is missing",
                hint="point --rules to a folder that holds ruleset.yaml",
            )
        )
    out = ProblemCollector()
    sources = SourceMap()
    digest = hashlib.sha256()
    files: list[tuple[str, str]] = []

    def read(path: Path, name: str) -> Document | None:
        try:
            raw = yamlio.read_bytes(path, f"{shown}/{name}")
            digest.update(name.encode() + b"\0" + raw + b"\0")
            files.append((name, hashlib.sha256(raw).hexdigest()))
            doc = yamlio.parse(yamlio.decode(raw, f"{shown}/{name}"), f"{shown}/{name}")
        except VettingError as exc:
            out.problems.extend(exc.problems)
            return None
        sources.documents[doc.file] = doc
        return doc

    manifest_doc = read(manifest_path, MANIFEST)
    manifest = _validate(model.Manifest, manifest_doc, out) if manifest_doc else None
    if manifest is None or manifest_doc is None:
        # Still validate the files it includes, so that one run lists every problem.
        raw = manifest_doc.data if manifest_doc is not None else None
        included = raw.get("include") if isinstance(raw, dict) else None
        for name in included if isinstance(included, list) else ():
            if isinstance(name, str) and ".." not in Path(name).parts:
                path = folder / name
                doc = read(path, name) if path.is_file() else None
                if doc is not None:
                    _validate(model.RuleFile, doc, out)
        out.raise_if_any()
        raise AssertionError("unreachable")  # pragma: no cover
    complete = True
    base = _load_base(manifest, manifest_doc, folder, _chain, out) if manifest.extends else None
    if manifest.extends is None:
        for name in ("languages", "categories", "scoring", "include"):
            if not getattr(manifest, name):
                out.add(
                    manifest_doc.position(()),
                    f"missing required field '{name}'",
                    name,
                    "only an overlay (a rule set with 'extends') may leave it out",
                )
                complete = False

    parts: list[tuple[Document, model.RuleFile]] = []
    for index, name in enumerate(manifest.include):
        path = folder / name
        if Path(name).is_absolute() or ".." in Path(name).parts:
            out.add(
                manifest_doc.position(("include", index)),
                f"'{name}' must be a file of the rule-set folder",
                "include",
            )
            complete = False
            continue
        if not path.is_file():
            available = [p.name for p in yamlio.iter_yaml_files(folder) if p.name != MANIFEST]
            out.add(
                manifest_doc.position(("include", index)),
                f"included file '{name}' not found",
                f"include[{index}]",
                suggest(name, available, cutoff=0.85),
            )
            complete = False
            continue
        doc = read(path, name)
        if doc is None:
            complete = False
            continue
        part = _validate(model.RuleFile, doc, out)
        if part is None:
            complete = False
        else:
            if part.overrides is not None and base is None:
                out.add(
                    doc.position(("overrides",)),
                    "overrides apply only to an overlay",
                    "overrides",
                    "add 'extends: <base id>@<version>' to ruleset.yaml",
                )
            parts.append((doc, part))
    if not (keep_going and complete and (base is not None or not manifest.extends)):
        out.raise_if_any()
    if base is not None:
        ruleset = apply_overlay(base, manifest, manifest_doc, parts, sources, out)
        digest.update(base.sha256.encode())
    else:
        ruleset = _merge(manifest, manifest_doc, parts, sources, out)
    if not keep_going:
        out.raise_if_any()
    loaded = LoadedRuleSet(ruleset, folder, shown, digest.hexdigest(), sources, tuple(files))
    loaded.problems = tuple(out.problems)
    return loaded


def _base_display(candidate: Path) -> str:
    if candidate.resolve() == embedded_rules_dir(candidate.name).resolve():
        return f"<embedded>/{candidate.name}"
    return display_name(candidate)


#: How many overlays may stand on top of one another (a region over a national
#: set over the default is three); each level is a nested load.
MAX_EXTENDS = 16


def _load_base(
    manifest: model.Manifest,
    manifest_doc: Document,
    folder: Path,
    chain: tuple[Path, ...],
    out: ProblemCollector,
) -> LoadedRuleSet | None:
    """Find and load the rule set an overlay extends, at a version that fits."""
    spec = manifest.extends or ""
    if len(chain) >= MAX_EXTENDS:
        out.add(
            manifest_doc.position(("extends",)),
            f"overlays extend each other more than {MAX_EXTENDS} levels deep",
            "extends",
            "extend the base rule set directly, or merge some of the overlays",
        )
        return None
    ident, constraint = versions.split_spec(spec)
    seen: list[str] = []
    for candidate in base_candidates(spec, folder):
        if candidate.resolve() in chain or candidate.resolve() == folder.resolve():
            out.add(
                manifest_doc.position(("extends",)),
                "rule sets extend each other in a loop",
                "extends",
            )
            return None
        shown = _base_display(candidate)
        loaded = load_folder(candidate, shown, (*chain, folder.resolve()))
        version = loaded.ruleset.version
        if loaded.ruleset.id != ident:
            seen.append(f"{shown} is '{loaded.ruleset.id}'")
        elif constraint is None or versions.satisfies(version, constraint):
            return loaded
        else:
            seen.append(f"{shown} is {version}")
    found = "; ".join(seen) if seen else "no folder of that name beside this one, nor embedded"
    out.add(
        manifest_doc.position(("extends",)),
        f"base rule set '{spec}' not found ({found})",
        "extends",
        "put the base beside this folder, or change the version constraint",
    )
    return None


def _merge(
    manifest: model.Manifest,
    manifest_doc: Document,
    parts: list[tuple[Document, model.RuleFile]],
    sources: SourceMap,
    out: ProblemCollector,
) -> model.RuleSet:
    all_sources: dict[str, model.Source] = {}
    definitions: dict[str, model.Definition] = {}
    questions: list[model.Question] = []
    findings: list[model.FindingRule] = []

    add_named("sources", all_sources, manifest.sources, manifest_doc, sources, out)
    add_named("definitions", definitions, manifest.definitions, manifest_doc, sources, out)
    for i, category in enumerate(manifest.categories):
        sources.add("category", category.id, manifest_doc, ("categories", i))
    sources.add("scoring", "", manifest_doc, ("scoring",))
    sources.add("manifest", "", manifest_doc, ())

    for doc, part in parts:
        add_named("sources", all_sources, part.sources, doc, sources, out)
        add_named("definitions", definitions, part.definitions, doc, sources, out)
        for i, question in enumerate(part.questions):
            if question.category is None and part.category is not None:
                question = question.model_copy(update={"category": part.category})
            if question.category is None:
                out.add(
                    doc.position(("questions", i)),
                    f"question '{question.id}' has no category",
                    f"questions[{i}]",
                    "add 'category: <id>' at the top of the file or on the question",
                )
            questions.append(question)
            sources.questions.append((doc.file, ("questions", i)))
        for i, rule in enumerate(part.findings):
            if rule.category is None and part.category is not None:
                rule = rule.model_copy(update={"category": part.category})
            findings.append(rule)
            sources.findings.append((doc.file, ("findings", i)))

    assert manifest.languages is not None and manifest.scoring is not None  # checked above
    return model.RuleSet(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        description=manifest.description,
        languages=manifest.languages,
        as_of=manifest.as_of,
        review_period_months=manifest.review_period_months,
        review_periods=manifest.review_periods,
        require=manifest.require,
        authors=manifest.authors,
        license=manifest.license,
        categories=manifest.categories,
        definitions=definitions,
        sources=all_sources,
        questions=tuple(questions),
        findings=tuple(findings),
        scoring=manifest.scoring,
        changelog=manifest.changelog,
    )


__all__ = ["load_folder", "validation_problems"]
