"""Overlays: a small rule set that `extends` another and changes it by id.

A hospital group adapts the default rule set without copying it: it adds
questions, overrides texts, points, severities, weights and thresholds, or
disables a question or a choice. The base is loaded as it is; the overlay's
changes are applied on top, and every overridden field keeps the position of
the overlay line that changed it, so `vetting check` points there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vetting.errors import ProblemCollector
from vetting.resources import embedded_rules_dir
from vetting.ruleset import model, versions
from vetting.ruleset.sources import MANIFEST, LoadedRuleSet, SourceMap, add_named
from vetting.words import suggest
from vetting.yamlio import Document, format_path

_QUESTION_FIELDS = (
    "text",
    "short_title",
    "help",
    "when",
    "weight",
    "evidence",
    "recommendation",
    "references",
    "verify",
    "asked_of",
)
_CHOICE_FIELDS = (
    "label",
    "points",
    "severity",
    "knockout",
    "recommendation",
    "evidence_required",
    "proposed",
)
_FINDING_FIELDS = (
    "when",
    "severity",
    "knockout",
    "message",
    "recommendation",
    "ask_vendor",
    "points",
    "contradicts_scope",
)


def base_candidates(spec: str, folder: Path) -> list[Path]:
    """Where a base may be: a sibling folder of the overlay, then the embedded rule sets."""
    ident, _ = versions.split_spec(spec)
    sibling = folder.resolve().parent / ident
    found = [sibling] if (sibling / MANIFEST).is_file() else []
    embedded = embedded_rules_dir(ident)
    if (embedded / MANIFEST).is_file() and embedded.resolve() not in {p.resolve() for p in found}:
        found.append(embedded)
    return found


def apply_overlay(
    base: LoadedRuleSet,
    manifest: model.Manifest,
    manifest_doc: Document,
    parts: list[tuple[Document, model.RuleFile]],
    sources: SourceMap,
    out: ProblemCollector,
) -> model.RuleSet:
    """The base rule set with the overlay's additions and overrides applied."""
    rs = base.ruleset
    # The base's files and places come first; the overlay's are added on top.
    sources.documents.update(base.sources.documents)
    for place_key, base_place in base.sources.places.items():
        sources.places.setdefault(place_key, base_place)
    manifest_place = (manifest_doc.file, ())

    if manifest.languages is not None and tuple(manifest.languages) != tuple(rs.languages):
        out.add(
            manifest_doc.position(("languages",)),
            f"an overlay keeps its base's languages ({', '.join(rs.languages)})",
            "languages",
            "remove 'languages' from the overlay",
        )

    all_sources = dict(rs.sources)
    definitions = dict(rs.definitions)

    def add(kind: str, table: dict[str, Any], items: dict[str, Any], doc: Document) -> None:
        add_named(
            kind,
            table,
            items,
            doc,
            sources,
            out,
            clash="already exists in the base (at {first})",
            hint="pick another id, or override it under overrides:",
        )

    add("sources", all_sources, manifest.sources, manifest_doc)
    add("definitions", definitions, manifest.definitions, manifest_doc)

    categories = {cat.id: cat for cat in rs.categories}
    order = [cat.id for cat in rs.categories]
    for i, cat in enumerate(manifest.categories):
        if cat.id in categories:
            out.add(
                manifest_doc.position(("categories", i, "id")),
                f"category '{cat.id}' already exists in the base",
                f"categories[{i}].id",
                "override its title or weight under overrides.categories",
            )
            continue
        categories[cat.id] = cat
        order.append(cat.id)
        sources.places[("category", cat.id)] = (manifest_doc.file, ("categories", i))

    questions = {q.id: q for q in rs.questions}
    q_places = dict(zip((q.id for q in rs.questions), base.sources.questions, strict=True))
    disabled_questions: dict[str, tuple[str, Any]] = {}
    findings = {f.id: f for f in rs.findings}
    f_places = dict(zip((f.id for f in rs.findings), base.sources.findings, strict=True))
    disabled_findings: set[str] = set()
    levels, adjustments = rs.scoring.levels, rs.scoring.adjustments
    seen: dict[tuple[str, str], str] = {}

    def once(kind: str, key: str, doc: Document, path: tuple[Any, ...]) -> bool:
        if (kind, key) in seen:
            out.add(
                doc.position(path),
                f"{kind} '{key}' is overridden twice (also in {seen[(kind, key)]})",
                ".".join(str(p) for p in path),
            )
            return False
        seen[(kind, key)] = doc.file
        return True

    for doc, part in parts:
        add("sources", all_sources, part.sources, doc)
        add("definitions", definitions, part.definitions, doc)
        ov = part.overrides
        if ov is None:
            continue
        base_path: tuple[Any, ...] = ("overrides",)
        path: tuple[Any, ...]
        for name, definition in ov.definitions.items():
            path = (*base_path, "definitions", name)
            if name not in definitions:
                out.add(
                    doc.position(path),
                    f"no definition '{name}' to override",
                    "",
                    suggest(name, set(definitions)),
                )
            elif once("definition", name, doc, path):
                definitions[name] = definition
                sources.places[("definitions", name)] = (doc.file, path)
        for cid, change in ov.categories.items():
            path = (*base_path, "categories", cid)
            if cid not in categories:
                out.add(
                    doc.position(path),
                    f"no category '{cid}' to override",
                    "",
                    suggest(cid, set(categories)),
                )
            elif once("category", cid, doc, path):
                categories[cid] = categories[cid].model_copy(update=_set_fields(change))
        for qid, qchange in ov.questions.items():
            path = (*base_path, "questions", qid)
            if qid not in questions:
                out.add(
                    doc.position(path),
                    f"no question '{qid}' to override",
                    format_path(path),
                    suggest(qid, set(questions)),
                )
                continue
            if not once("question", qid, doc, path):
                continue
            if qchange.disabled:
                disabled_questions[qid] = (doc.file, path)
                continue
            question = questions[qid]
            place = q_places[qid]
            update = {
                k: getattr(qchange, k) for k in _QUESTION_FIELDS if k in qchange.model_fields_set
            }
            for key in update:
                sources.redirects[(place[0], (*place[1], key))] = (doc.file, (*path, key))
            choices = list(question.choices)
            for ch_id, chchange in qchange.choices.items():
                cpath = (*path, "choices", ch_id)
                index = next((j for j, ch in enumerate(choices) if ch.id == ch_id), None)
                if index is None:
                    out.add(
                        doc.position(cpath),
                        f"'{ch_id}' is not a choice of '{qid}'",
                        format_path(cpath),
                        suggest(ch_id, [ch.id for ch in choices]),
                    )
                    continue
                original = question.choices.index(choices[index])
                if chchange.disabled:
                    choices.pop(index)
                    continue
                cupdate = {
                    k: getattr(chchange, k)
                    for k in _CHOICE_FIELDS
                    if k in chchange.model_fields_set
                }
                choices[index] = choices[index].model_copy(update=cupdate)
                for key in cupdate:
                    sources.redirects[(place[0], (*place[1], "choices", original, key))] = (
                        doc.file,
                        (*cpath, key),
                    )
            update["choices"] = tuple(choices)
            questions[qid] = question.model_copy(update=update)
        for fid, fchange in ov.findings.items():
            path = (*base_path, "findings", fid)
            if fid not in findings:
                out.add(
                    doc.position(path),
                    f"no finding rule '{fid}' to override",
                    format_path(path),
                    suggest(fid, set(findings)),
                )
                continue
            if not once("finding", fid, doc, path):
                continue
            if fchange.disabled:
                disabled_findings.add(fid)
                continue
            fupdate = {
                k: getattr(fchange, k) for k in _FINDING_FIELDS if k in fchange.model_fields_set
            }
            findings[fid] = findings[fid].model_copy(update=fupdate)
            place = f_places[fid]
            for key in fupdate:
                sources.redirects[(place[0], (*place[1], key))] = (doc.file, (*path, key))
        if ov.levels is not None and once("scoring", "levels", doc, (*base_path, "levels")):
            levels = ov.levels
            sources.places[("scoring", "")] = (doc.file, base_path)
        if ov.adjustments is not None and once(
            "scoring", "adjustments", doc, (*base_path, "adjustments")
        ):
            adjustments = ov.adjustments

    # New questions join the end of their section; new sections come after the base's.
    merged: list[tuple[model.Question, tuple[str, Any]]] = [
        (questions[q.id], q_places[q.id]) for q in rs.questions if q.id not in disabled_questions
    ]
    new_findings: list[tuple[model.FindingRule, tuple[str, Any]]] = []
    for doc, part in parts:
        for i, question in enumerate(part.questions):
            if question.category is None and part.category is not None:
                question = question.model_copy(update={"category": part.category})
            if question.id in questions:
                out.add(
                    doc.position(("questions", i, "id")),
                    f"question '{question.id}' already exists in the base",
                    f"questions[{i}].id",
                    "override it under overrides.questions",
                )
                continue
            position = max(
                (k + 1 for k, (q, _) in enumerate(merged) if q.category == question.category),
                default=len(merged),
            )
            merged.insert(position, (question, (doc.file, ("questions", i))))
        for i, rule in enumerate(part.findings):
            if rule.category is None and part.category is not None:
                rule = rule.model_copy(update={"category": part.category})
            new_findings.append((rule, (doc.file, ("findings", i))))
    kept_findings = [
        (findings[f.id], f_places[f.id]) for f in rs.findings if f.id not in disabled_findings
    ]
    all_findings = kept_findings + new_findings
    sources.questions = [place for _, place in merged]
    sources.findings = [place for _, place in all_findings]
    sources.disabled = disabled_questions
    sources.places[("manifest", "")] = manifest_place

    scoring = manifest.scoring or rs.scoring.model_copy(
        update={"levels": levels, "adjustments": adjustments}
    )
    return model.RuleSet(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        description=manifest.description or rs.description,
        languages=rs.languages,
        as_of=manifest.as_of,
        review_period_months=manifest.review_period_months or rs.review_period_months,
        review_periods=manifest.review_periods or rs.review_periods,
        # An overlay may require more texts than its base, never fewer.
        require=tuple(dict.fromkeys((*rs.require, *manifest.require))),
        authors=manifest.authors,
        license=manifest.license,
        categories=tuple(categories[cid] for cid in order),
        definitions=definitions,
        sources=all_sources,
        questions=tuple(q for q, _ in merged),
        findings=tuple(f for f, _ in all_findings),
        scoring=scoring,
        extends=f"{rs.id}@{rs.version}",
        changelog=manifest.changelog,
    )


def _set_fields(change: model.CategoryOverride) -> dict[str, Any]:
    return {k: getattr(change, k) for k in change.model_fields_set}
