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
    labels: dict[str, str]
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
    L = words.labels(lang)
    delta = float(Decimal(repr(new.score)) - Decimal(repr(old.score)))
    out = [
        Result(
            L["verdict"],
            words.verdict_name(old.verdict, lang),
            words.verdict_name(new.verdict, lang),
            old.verdict != new.verdict,
        ),
        Result(
            L["level"],
            words.level_name(old.level, lang),
            words.level_name(new.level, lang),
            old.level != new.level,
        ),
        Result(
            L["score_short"],
            number(old.score, lang),
            number(new.score, lang),
            old.score != new.score,
            signed(delta, lang),
        ),
    ]
    decision = (_decision(old, lang), _decision(new, lang))
    if any(decision):
        out.append(Result(L["decision"], *decision, decision[0] != decision[1]))
    review = (words.day(old.review.next_review), words.day(new.review.next_review))
    out.append(Result(L["next_review"], *review, review[0] != review[1]))
    return tuple(out)


def _decision(a: Assessment, lang: str) -> str:
    d = a.decision
    if d is None:
        return ""
    text = f"{words.outcome_name(d.outcome, lang)}, {words.day(d.date)}, {words.clean(d.by)}"
    if a.accepted_despite_knockout:
        text += f" ({words.labels(lang)['despite_knockout']})"
    return text


def _added_removed(
    old: Iterable[str], new: Iterable[str], label: Callable[[str], str]
) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    before, after = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    added = tuple(Line(k, label(k)) for k in after if k not in before)
    removed = tuple(Line(k, label(k)) for k in before if k not in after)
    return added, removed


def _findings(
    old: Sequence[Finding], new: Sequence[Finding], lang: str
) -> tuple[tuple[Line, ...], tuple[Line, ...], tuple[Line, ...]]:
    before = {f.id: f for f in old}
    after = {f.id: f for f in new}

    def label(f: Finding) -> str:
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
    L = words.labels(lang)
    ids = sorted(set(old) | set(new))
    return tuple(
        Line(qid, L["question"], _raw(old.get(qid)), _raw(new.get(qid)))
        for qid in ids
        if not _same(old.get(qid), new.get(qid))
    )


def _evidence_text(record: EvidenceStatus | None, lang: str) -> str:
    if record is None:
        return ""
    L = words.labels(lang)
    text = words.clean(record.text)
    if record.status:
        text += f" [{L['evidence_' + record.status]}]"
    if record.expired and record.valid_until:
        text += f" ({L['evidence_expired'].format(date=words.day(record.valid_until))})"
    elif record.valid_until:
        text += f" ({L['evidence_valid'].format(date=words.day(record.valid_until))})"
    elif record.undated:
        text += f" ({L['evidence_undated']})"
    return text


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
    L = words.labels(lang)
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
    f_added, f_removed, f_moved = _findings(a.findings, b.findings, lang)
    groups = tuple(
        group
        for group in (
            Group("knockouts_added", L["knockouts_added"], "+", ko_added),
            Group("knockouts_removed", L["knockouts_removed"], "-", ko_removed),
            Group("pending_added", L["pending_added"], "+", pending_added),
            Group("pending_removed", L["pending_removed"], "-", pending_removed),
            Group("findings_added", L["findings_added"], "+", f_added),
            Group("findings_removed", L["findings_removed"], "-", f_removed),
            Group("findings_severity", L["findings_severity"], "~", f_moved),
            Group(
                "answers_changed",
                L["answers_changed"],
                "~",
                _answers(compiled, old.answers.answers, new.answers.answers, lang),
            ),
            Group(
                "not_in_ruleset",
                L["not_in_ruleset"],
                "~",
                _ignored(old.answers.ignored, new.answers.ignored, lang),
            ),
            Group("evidence", L["evidence_changed"], "~", _evidence(compiled, a, b, lang)),
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
        labels=L,
        title=L["diff_title"].format(tool=tool),
        ruleset=words.ruleset_name(compiled, lang),
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
        out.append(words.labels(lang)["other_tool"].format(old=a.name, new=b.name))
    return tuple(out)


# --------------------------------------------------------------------------- formats


def to_markdown(changes: AssessmentDiff) -> str:
    return render("diff.md.j2", "md", {"d": changes, "L": changes.labels})


def _clean(changes: AssessmentDiff) -> AssessmentDiff:
    """Every text flattened to one line without control characters: safe in a terminal."""

    def side(s: Side) -> Side:
        return Side(**{f.name: plain(getattr(s, f.name)) for f in fields(Side)})

    def line(x: Line) -> Line:
        return Line(plain(x.key), plain(x.label), plain(x.old), plain(x.new))

    return AssessmentDiff(
        lang=changes.lang,
        labels=changes.labels,
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
    L = d.labels
    colon = L["colon"]
    out = [d.title, ""]
    for name, side in ((L["old"], d.old), (L["new"], d.new)):
        out.append(
            f"{name}{colon}{side.file} · {L['assessment_date'].lower()} {side.date} · "
            f"{L['written_for']} {side.written_for}"
        )
    out.append(f"{L['scored_with']}{colon}{d.ruleset}")
    out.append("")
    for r in d.results:
        if r.changed:
            delta = f" ({r.delta})" if r.delta else ""
            out.append(f"{r.label}{colon}{r.old or L['none']} → {r.new or L['none']}{delta}")
        else:
            out.append(f"{r.label}{colon}{r.new or L['none']} ({L['unchanged']})")
    if not d.changed:
        out += ["", L["nothing_changed"]]
    for group in d.groups:
        out += ["", f"{group.title} ({len(group.lines)}){colon.rstrip()}"]
        for x in group.lines:
            if group.id in {"findings_added", "findings_removed"}:
                out.append(f"  {group.sign} [{x.new or x.old}] {x.key}  {x.label}")
            elif group.id == "findings_severity":
                out.append(f"  {group.sign} {x.key}  {x.label}: {x.old} → {x.new}")
            elif group.sign == "~":
                out.append(f"  {group.sign} {x.key}  {x.label}")
                out.append(f"      {L['old'].lower()}{colon}{x.old or L['none']}")
                out.append(f"      {L['new'].lower()}{colon}{x.new or L['none']}")
            else:
                out.append(f"  {group.sign} {x.key}  {x.label}")
    if d.warnings:
        out += ["", f"{L['warnings']}{colon.rstrip()}"]
        out += [f"  {w}" for w in d.warnings]
    return "\n".join(out) + "\n"
