"""`vetting diff OLD NEW`: what changed between two assessments of one tool.

Both files are scored with the same rule set (the one given, or the default),
so a difference is a difference in the answers, the evidence or the decision,
never in the method. Answers written for another version of the rule set load
with warnings; answers to questions the rule set no longer has are listed as
such, not silently dropped. Questions are matched by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from vetting import catalog
from vetting.assess.assessment import Assessment, EvidenceStatus, Finding
from vetting.escape import plain
from vetting.i18n import pick
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.words import number, signed
from vetting.workflows import words
from vetting.workflows.inputs import Scored
from vetting.workflows.render import render


@dataclass(frozen=True)
class Side:
    """One of the two assessments, as the header shows it."""

    file: str
    tool: str
    version: str
    vendor: str
    date: str
    written_for: str
    verdict: str
    level: str
    score: str


@dataclass(frozen=True)
class Line:
    """One change: an id, what it is, and its value before and after ("" when absent)."""

    key: str
    label: str
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class Group:
    """Changes of one kind, with their title; `sign` is +, - or ~ in the text format."""

    id: str
    title: str
    sign: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Result:
    """Verdict, level and score before and after; `changed` says whether the value moved."""

    label: str
    old: str
    new: str
    changed: bool
    delta: str = ""


@dataclass(frozen=True)
class AssessmentDiff:
    lang: str
    title: str
    ruleset: str
    old: Side
    new: Side
    results: tuple[Result, ...]
    groups: tuple[Group, ...]
    warnings: tuple[str, ...]
    changed: bool


def _side(item: Scored, lang: str) -> Side:
    a = item.assessment
    return Side(
        file=item.path,
        tool=a.tool.name,
        version=a.tool.version or "",
        vendor=a.tool.vendor or "",
        date=words.day(a.assessment_date),
        written_for=item.answers.ruleset,
        verdict=words.verdict_name(a.verdict, lang),
        level=words.level_name(a.level, lang),
        score=number(a.score, lang),
    )


def _results(old: Assessment, new: Assessment, lang: str) -> tuple[Result, ...]:
    delta = float(Decimal(repr(new.score)) - Decimal(repr(old.score)))
    out = [
        Result(
            catalog.text(lang, "workflows.columns.verdict"),
            words.verdict_name(old.verdict, lang),
            words.verdict_name(new.verdict, lang),
            old.verdict != new.verdict,
        ),
        Result(
            catalog.text(lang, "workflows.columns.level"),
            words.level_name(old.level, lang),
            words.level_name(new.level, lang),
            old.level != new.level,
        ),
        Result(
            catalog.text(lang, "workflows.columns.score_short"),
            number(old.score, lang),
            number(new.score, lang),
            old.score != new.score,
            signed(delta, lang),
        ),
    ]
    decision = (_decision(old, lang), _decision(new, lang))
    if any(decision):
        out.append(
            Result(
                catalog.text(lang, "workflows.columns.decision"),
                *decision,
                decision[0] != decision[1],
            )
        )
    review = (words.day(old.review.next_review), words.day(new.review.next_review))
    out.append(
        Result(catalog.text(lang, "workflows.columns.next_review"), *review, review[0] != review[1])
    )
    return tuple(out)


def _decision(a: Assessment, lang: str) -> str:
    d = a.decision
    if d is None:
        return ""
    text = f"{words.outcome_name(d.outcome, lang)}, {words.day(d.date)}, {words.clean(d.by)}"
    if a.accepted_despite_knockout:
        despite = catalog.text(lang, "workflows.cells.despite_knockout")
        text += f" ({despite})"
    return text


def _added_removed(
    old: Iterable[str], new: Iterable[str], label: Callable[[str], str]
) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    before, after = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    added = tuple(Line(k, label(k)) for k in after if k not in before)
    removed = tuple(Line(k, label(k)) for k in before if k not in after)
    return added, removed


def _findings(
    compiled: CompiledRuleSet, old: Sequence[Finding], new: Sequence[Finding], lang: str
) -> tuple[tuple[Line, ...], tuple[Line, ...], tuple[Line, ...]]:
    before = {f.id: f for f in old}
    after = {f.id: f for f in new}

    def label(f: Finding) -> str:
        """A question's finding by its short title; a rule's by its message."""
        if f.kind != "rule" and f.id in compiled.question_by_id:
            return words.question_text(compiled, f.id, lang, 110)
        return words.short(pick(f.title, lang), 110)

    def severity(f: Finding) -> str:
        return words.severity_name(f.severity, lang)

    added = tuple(Line(k, label(f), "", severity(f)) for k, f in after.items() if k not in before)
    removed = tuple(Line(k, label(f), severity(f), "") for k, f in before.items() if k not in after)
    moved = tuple(
        Line(k, label(f), severity(before[k]), severity(f))
        for k, f in after.items()
        if k in before and before[k].severity != f.severity
    )
    return added, removed, moved


def _answers(
    compiled: CompiledRuleSet, old: Mapping[str, Any], new: Mapping[str, Any], lang: str
) -> tuple[Line, ...]:
    ids = [q.id for q in compiled.questions if q.id in old or q.id in new]
    out = []
    for qid in ids:
        if _same(old.get(qid), new.get(qid)):
            continue
        out.append(
            Line(
                qid,
                words.question_text(compiled, qid, lang, 110),
                words.answer(compiled, qid, old.get(qid), lang),
                words.answer(compiled, qid, new.get(qid), lang),
            )
        )
    return tuple(out)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return bool(a == b) and type(a) is type(b)


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_raw(v) for v in value)
    return str(value)


def _ignored(old: Mapping[str, Any], new: Mapping[str, Any], lang: str) -> tuple[Line, ...]:
    """Answers the rule set cannot read (another version): shown, never scored."""
    ids = sorted(set(old) | set(new))
    return tuple(
        Line(
            qid,
            catalog.text(lang, "workflows.columns.question"),
            _raw(old.get(qid)),
            _raw(new.get(qid)),
        )
        for qid in ids
        if not _same(old.get(qid), new.get(qid))
    )


def _evidence_text(record: EvidenceStatus | None, lang: str) -> str:
    if record is None:
        return ""
    text = words.clean(record.text)
    if record.status:
        text += " [" + catalog.text(lang, "workflows.evidence." + record.status) + "]"
    until = words.day(record.valid_until)
    validity = ""
    if record.expired and record.valid_until:
        validity = catalog.text(lang, "workflows.evidence.expired", date=until)
    elif record.valid_until:
        validity = catalog.text(lang, "workflows.evidence.valid", date=until)
    elif record.undated:
        validity = catalog.text(lang, "workflows.evidence.undated")
    return f"{text} ({validity})" if validity else text


def _evidence(
    compiled: CompiledRuleSet, old: Assessment, new: Assessment, lang: str
) -> tuple[Line, ...]:
    before = {e.question: e for e in old.evidence}
    after = {e.question: e for e in new.evidence}
    ids = [q.id for q in compiled.questions if q.id in before or q.id in after]
    out = []
    for qid in ids:
        a, b = _evidence_text(before.get(qid), lang), _evidence_text(after.get(qid), lang)
        if a != b:
            out.append(Line(qid, words.question_text(compiled, qid, lang, 110), a, b))
    return tuple(out)


def diff(compiled: CompiledRuleSet, old: Scored, new: Scored, lang: str) -> AssessmentDiff:
    """Everything that differs between two scored assessments, in `lang`."""
    a, b = old.assessment, new.assessment

    def ko_label(ko_id: str) -> str:
        return words.knockout_label(compiled, ko_id, lang, answer=60, message=110)

    ko_added, ko_removed = _added_removed(
        (k.id for k in a.knockouts), (k.id for k in b.knockouts), ko_label
    )
    pending_added, pending_removed = _added_removed(
        (ko for p in a.pending for ko in p.knockouts),
        (ko for p in b.pending for ko in p.knockouts),
        ko_label,
    )
    f_added, f_removed, f_moved = _findings(compiled, a.findings, b.findings, lang)
    groups = tuple(
        group
        for group in (
            Group(
                "knockouts_added",
                catalog.text(lang, "workflows.diff.groups.knockouts_added"),
                "+",
                ko_added,
            ),
            Group(
                "knockouts_removed",
                catalog.text(lang, "workflows.diff.groups.knockouts_removed"),
                "-",
                ko_removed,
            ),
            Group(
                "pending_added",
                catalog.text(lang, "workflows.diff.groups.pending_added"),
                "+",
                pending_added,
            ),
            Group(
                "pending_removed",
                catalog.text(lang, "workflows.diff.groups.pending_removed"),
                "-",
                pending_removed,
            ),
            Group(
                "findings_added",
                catalog.text(lang, "workflows.diff.groups.findings_added"),
                "+",
                f_added,
            ),
            Group(
                "findings_removed",
                catalog.text(lang, "workflows.diff.groups.findings_removed"),
                "-",
                f_removed,
            ),
            Group(
                "findings_severity",
                catalog.text(lang, "workflows.diff.groups.findings_severity"),
                "~",
                f_moved,
            ),
            Group(
                "answers_changed",
                catalog.text(lang, "workflows.diff.groups.answers_changed"),
                "~",
                _answers(compiled, old.answers.answers, new.answers.answers, lang),
            ),
            Group(
                "not_in_ruleset",
                catalog.text(lang, "workflows.diff.groups.not_in_ruleset"),
                "~",
                _ignored(old.answers.ignored, new.answers.ignored, lang),
            ),
            Group(
                "evidence",
                catalog.text(lang, "workflows.diff.groups.evidence"),
                "~",
                _evidence(compiled, a, b, lang),
            ),
        )
        if group.lines
    )
    results = _results(a, b, lang)
    before, after = _side(old, lang), _side(new, lang)
    tool = " ".join(p for p in (after.tool, after.version) if p)
    if (before.tool, before.version) != (after.tool, after.version):
        tool = f"{' '.join(p for p in (before.tool, before.version) if p)} → {tool}"
    return AssessmentDiff(
        lang=lang,
        title=catalog.text(lang, "workflows.diff.title", tool=tool),
        ruleset=words.rulesets_named(
            [old.assessment.ruleset, new.assessment.ruleset], compiled, lang
        ),
        old=before,
        new=after,
        results=results,
        groups=groups,
        warnings=_warnings(old, new, lang),
        changed=bool(groups)
        or any(r.changed for r in results)
        or (before.tool, before.version, before.vendor)
        != (after.tool, after.version, after.vendor),
    )


def _warnings(old: Scored, new: Scored, lang: str) -> tuple[str, ...]:
    """The readers' warnings, and a word when the two files name different tools."""
    out = [str(p) for p in (*old.warnings, *new.warnings)]
    a, b = old.answers.tool, new.answers.tool
    if (a.name.casefold(), (a.vendor or "").casefold()) != (
        b.name.casefold(),
        (b.vendor or "").casefold(),
    ):
        out.append(catalog.text(lang, "workflows.diff.other_tool", old=a.name, new=b.name))
    return tuple(out)


# --------------------------------------------------------------------------- formats


def to_markdown(changes: AssessmentDiff) -> str:
    return render("diff.md.j2", "md", changes.lang, {"d": changes})


def _clean(changes: AssessmentDiff) -> AssessmentDiff:
    """Every text flattened to one line without control characters: safe in a terminal."""

    def side(s: Side) -> Side:
        return Side(**{f.name: plain(getattr(s, f.name)) for f in fields(Side)})

    def line(x: Line) -> Line:
        return Line(plain(x.key), plain(x.label), plain(x.old), plain(x.new))

    return AssessmentDiff(
        lang=changes.lang,
        title=plain(changes.title),
        ruleset=plain(changes.ruleset),
        old=side(changes.old),
        new=side(changes.new),
        results=tuple(
            Result(r.label, plain(r.old), plain(r.new), r.changed, r.delta) for r in changes.results
        ),
        groups=tuple(
            Group(g.id, g.title, g.sign, tuple(line(x) for x in g.lines)) for g in changes.groups
        ),
        warnings=tuple(plain(w) for w in changes.warnings),
        changed=changes.changed,
    )


def to_text(changes: AssessmentDiff) -> str:
    """For a terminal: one change per line, `+` added, `-` removed, `~` changed."""
    d = _clean(changes)
    lang = d.lang
    colon = catalog.text(lang, "formats.colon")
    none = catalog.text(lang, "workflows.cells.none")
    old, new = catalog.text(lang, "workflows.diff.old"), catalog.text(lang, "workflows.diff.new")
    dated = catalog.text(lang, "workflows.columns.assessment_date")
    written_for = catalog.text(lang, "workflows.diff.written_for")
    out = [d.title, ""]
    for name, side in ((old, d.old), (new, d.new)):
        out.append(
            f"{name}{colon}{side.file} · "
            f"{dated.lower()} {side.date} · {written_for} {side.written_for}"
        )
    out.append(catalog.text(lang, "workflows.diff.scored_with") + colon + d.ruleset)
    out.append("")
    for r in d.results:
        if r.changed:
            delta = f" ({r.delta})" if r.delta else ""
            out.append(f"{r.label}{colon}{r.old or none} → {r.new or none}{delta}")
        else:
            unchanged = catalog.text(lang, "workflows.diff.unchanged")
            out.append(f"{r.label}{colon}{r.new or none} ({unchanged})")
    if not d.changed:
        out += ["", catalog.text(lang, "workflows.diff.nothing_changed")]
    for group in d.groups:
        out += ["", f"{group.title} ({len(group.lines)}){colon.rstrip()}"]
        for x in group.lines:
            if group.id in {"findings_added", "findings_removed"}:
                out.append(f"  {group.sign} [{x.new or x.old}] {x.key}  {x.label}")
            elif group.id == "findings_severity":
                out.append(f"  {group.sign} {x.key}  {x.label}: {x.old} → {x.new}")
            elif group.sign == "~":
                out.append(f"  {group.sign} {x.key}  {x.label}")
                out.append(f"      {old.lower()}{colon}{x.old or none}")
                out.append(f"      {new.lower()}{colon}{x.new or none}")
            else:
                out.append(f"  {group.sign} {x.key}  {x.label}")
    if d.warnings:
        out += ["", catalog.text(lang, "workflows.columns.warnings") + colon.rstrip()]
        out += [f"  {w}" for w in d.warnings]
    return "\n".join(out) + "\n"
