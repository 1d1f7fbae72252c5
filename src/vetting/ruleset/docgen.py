"""The whole method of a rule set as a Markdown document, generated, never hand-written.

`vetting rules doc` writes it; a test fails when the committed copy is stale, so
the document a buyer reads is always the rule set that scores. Its words are the
catalog's `docs.ruleset` entries (`catalog/<lang>/docs.yaml`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from vetting import catalog
from vetting.i18n import level_name, pick, severity_name, verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.describe import cite, describe
from vetting.ruleset.export import max_points
from vetting.ruleset.model import Question, Reference, RuleSet


def texts_in(lang: str) -> Callable[..., str]:
    """`catalog.text` in `lang`: `t("docs.ruleset.labels.type")`, the key still written whole."""
    return functools.partial(catalog.text, lang)


def colon(lang: str) -> str:
    """A colon as the generated documents write it (a plain space before it in French)."""
    return catalog.text(lang, "docs.punctuation.colon")


def semicolon(lang: str) -> str:
    """A semicolon between list items as the generated documents write it."""
    return catalog.text(lang, "docs.punctuation.semicolon")


def cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _num(value: float) -> str:
    return f"{value:g}"


def _flat(text: str) -> str:
    return " ".join(text.split())


def references_text(rs: RuleSet, refs: tuple[Reference, ...], lang: str) -> str:
    verify = catalog.text(lang, "docs.ruleset.labels.verify")
    out = []
    for ref in refs:
        item = cite(rs, ref, lang)
        if ref.verify:
            item += f" [{verify}{colon(lang)}{pick(ref.verify, lang)}]"
        out.append(item)
    return semicolon(lang).join(out)


def _labels(rs: RuleSet, lang: str) -> dict[str, str]:
    return {name: pick(d.label, lang) for name, d in rs.definitions.items()}


def _pool_heading(pool: str, lang: str) -> str:
    """A pool's heading: the catalog's name for the pools it knows, the id for the others."""
    if pool in catalog.entry(lang, "docs.ruleset.pools"):
        return catalog.text(lang, "docs.ruleset.pools." + pool)
    return pool


def _unknown_row(compiled: CompiledRuleSet, q: Question, lang: str) -> list[str]:
    """The last row of a choice table: what "I don't know" scores in each pool."""
    rs = compiled.ruleset
    row = ["`unknown`", ""]
    for p in rs.scoring.pools:
        if q.unknown is not None and q.unknown.points is not None:
            value = q.unknown.points.get(p, 0)
        elif rs.scoring.unknown == "worst" and p == rs.scoring.score_pool:
            value = max_points(q, p)
        else:
            value = 0
        row.append(_num(value))
    if q.id in compiled.knockout_capable:
        effect = catalog.text(lang, "docs.ruleset.unknown_row.ko")
    else:
        effect = catalog.text(lang, "docs.ruleset.unknown_row.plain")
    return [*row, "", effect]


def _choices(compiled: CompiledRuleSet, q: Question, lang: str) -> list[str]:
    """A question's choice table, its knock-outs' rationales and the evidence it requires."""
    rs = compiled.ruleset
    t = texts_in(lang)
    labels = _labels(rs, lang)
    head = [t("docs.ruleset.labels.choice"), t("docs.ruleset.labels.label")]
    head += [_pool_heading(p, lang) for p in rs.scoring.pools]
    head += [t("docs.ruleset.labels.severity"), t("docs.ruleset.labels.knockout")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for ch in q.choices:
        ko = ""
        if ch.knockout is not None:
            ko = (
                f"{t('docs.ruleset.labels.ko_when')} {describe(ch.knockout.when, lang, labels)}"
                if ch.knockout.when is not None
                else t("docs.ruleset.labels.knockout")
            )
        exclusive = f" ({t('docs.ruleset.labels.exclusive')})" if ch.exclusive else ""
        row = [f"`{ch.id}`", pick(ch.label, lang) + exclusive]
        row += [_num(ch.points.get(p, 0)) for p in rs.scoring.pools]
        row += [severity_name(ch.severity, lang), ko]
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    lines.append("| " + " | ".join(cell(x) for x in _unknown_row(compiled, q, lang)) + " |")
    lines.append("")
    rationale = t("docs.ruleset.labels.rationale")
    for ch in q.choices:
        if ch.knockout is not None:
            lines.append(
                f"- {rationale} (`{ch.id}`): {_flat(pick(ch.knockout.rationale, lang))} "
                f"({references_text(rs, ch.knockout.references, lang)})"
            )
    if any(ch.knockout for ch in q.choices):
        lines.append("")
    required = next((ch for ch in q.choices if ch.evidence_required), None)
    if required is not None and required.evidence_required is not None:
        level = t("docs.ruleset.evidence_levels." + required.evidence_required)
        lines += [t("docs.ruleset.evidence_required", level=level, choice=required.id), ""]
    return lines


def _question(compiled: CompiledRuleSet, q: Question, lang: str) -> list[str]:
    rs = compiled.ruleset
    t = texts_in(lang)
    c = colon(lang)
    labels = _labels(rs, lang)
    heading = f"### `{q.id}`"
    if q.short_title:  # the name reports give the question
        heading += f" — {_flat(pick(q.short_title, lang))}"
    lines = [heading, "", f"**{pick(q.text, lang)}**", ""]
    kind = t("docs.ruleset.types." + q.type)
    meta = f"{t('docs.ruleset.labels.type')}{c}{kind} · "
    meta += f"{t('docs.ruleset.labels.weight')} {_num(q.weight)}"
    if q.asked_of == "buyer":
        meta += f" · {t('docs.ruleset.labels.buyer_only')}"
    when = describe(q.when, lang, labels) if q.when else t("docs.ruleset.labels.always")
    lines += [meta + "  ", f"{t('docs.ruleset.labels.asked_when')}{c}{when}", ""]
    if q.help:  # optional unless the rule set requires it (`require: [help]`)
        lines += [f"*{t('docs.ruleset.labels.why')}.* {_flat(pick(q.help, lang))}", ""]
    if q.choices:
        lines += _choices(compiled, q, lang)
    for label, text in (
        (t("docs.ruleset.labels.evidence"), q.evidence),
        (t("docs.ruleset.labels.recommendation"), q.recommendation),
    ):
        if text:
            lines += [f"*{label}.* {_flat(pick(text, lang))}", ""]
    if q.references:
        refs = references_text(rs, q.references, lang)
        lines += [f"*{t('docs.ruleset.labels.references')}.* {refs}", ""]
    if q.verify:
        lines += [f"*{t('docs.ruleset.labels.verify')}.* {_flat(pick(q.verify, lang))}", ""]
    return lines


def _head(compiled: CompiledRuleSet, lang: str) -> list[str]:
    """The title, the list under it, the description and how to read the document."""
    rs = compiled.ruleset
    t = texts_in(lang)
    c = colon(lang)
    out: list[str] = [
        f"# {pick(rs.title, lang)}",
        "",
        f"> {t('docs.ruleset.generated')}",
        "",
        f"- {t('docs.ruleset.about.version')}{c}`{rs.id}` {rs.version} "
        f"(sha256 `{compiled.origin.sha256}`)",
        f"- {t('docs.ruleset.about.as_of')}{c}{rs.as_of.isoformat()}",
    ]
    if rs.review_period_months:
        out.append(f"- {t('docs.ruleset.about.review', n=rs.review_period_months)}")
    if rs.review_periods:
        periods = ", ".join(
            f"{verdict_name(v, lang)}{c}{t('docs.ruleset.about.months', n=n)}"
            for v, n in rs.review_periods.items()
        )
        out.append(f"- {t('docs.ruleset.about.review_by_verdict')} ({periods})")
    out += [
        f"- {t('docs.ruleset.about.authors')}{c}{', '.join(rs.authors)}",
        f"- {t('docs.ruleset.about.license')}{c}{rs.license}",
        "",
    ]
    if rs.description:
        out += [_flat(pick(rs.description, lang)), ""]
    out += [f"## {t('docs.ruleset.howto.title')}", "", t("docs.ruleset.howto.text"), ""]
    return out


def _definitions(rs: RuleSet, lang: str) -> list[str]:
    t = texts_in(lang)
    c = colon(lang)
    labels = _labels(rs, lang)
    out = [f"## {t('docs.ruleset.definitions.title')}", ""]
    for name, definition in rs.definitions.items():
        line = (
            f"- **{pick(definition.label, lang)}** (`{name}`){c}"
            f"{_flat(pick(definition.text, lang))} "
            f"{t('docs.ruleset.definitions.condition')}{c}"
            f"{describe(definition.when, lang, labels)}."
        )
        if definition.references:
            refs = references_text(rs, definition.references, lang)
            line += f" {t('docs.ruleset.labels.references')}{c}{refs}."
        if definition.verify:
            note = _flat(pick(definition.verify, lang))
            line += f" [{t('docs.ruleset.labels.verify')}{c}{note}]"
        out.append(line)
    out.append("")
    return out


def _scoring(rs: RuleSet, lang: str) -> list[str]:
    t = texts_in(lang)
    c = colon(lang)
    policy = rs.scoring
    levels = policy.levels
    unit = "%" if levels.unit == "percent" else " pts"
    sign = "≥" if levels.reached == "at_or_above" else ">"  # `reached: above` is strict
    thresholds = ", ".join(
        f"{level_name(name, lang)} {sign} {_num(getattr(levels, name))}{unit}"
        for name in ("moderate", "high", "critical")
    )
    out = [
        f"## {t('docs.ruleset.scoring.title')}",
        "",
        f"- {t('docs.ruleset.scoring.pools')}{c}{', '.join(f'`{p}`' for p in policy.pools)}; "
        f"{t('docs.ruleset.scoring.score_pool')}{c}`{policy.score_pool}`",
        f"- {t('docs.ruleset.scoring.denominator')}{c}"
        f"{t('docs.ruleset.denominators.' + policy.denominator)}",
        f"- {t('docs.ruleset.scoring.levels')}{c}{thresholds}",
        f"- {t('docs.ruleset.scoring.unknown_policy')}{c}"
        f"{t('docs.ruleset.unknown_policies.' + policy.unknown)}",
    ]
    floors = policy.level_floors
    parts = [
        f"{t('docs.ruleset.floors.' + kind)} → {level_name(level, lang)}"
        for kind, level in (("knockout", floors.knockout), ("pending", floors.pending))
        if level is not None
    ] + [
        f"{t('docs.ruleset.floors.severity', s=severity_name(s, lang))} → {level_name(lv, lang)}"
        for s, lv in floors.severity.items()
    ]
    if parts:
        joiner = catalog.text(lang, "formats.semicolon")
        out.append(f"- {t('docs.ruleset.scoring.floors')}{c}{joiner.join(parts)}")
    for adj in policy.adjustments:
        out.append(
            f"- {t('docs.ruleset.scoring.adjustments')} (`{adj.id}`): {pick(adj.label, lang)}"
        )
    return out


def _summary(compiled: CompiledRuleSet, lang: str) -> list[str]:
    """The table of every question: its section, type, whether it can block, when asked."""
    rs = compiled.ruleset
    t = texts_in(lang)
    labels = _labels(rs, lang)
    head = [
        t("docs.ruleset.labels.question"),
        t("docs.ruleset.labels.section"),
        t("docs.ruleset.labels.type"),
        t("docs.ruleset.labels.knockout"),
        t("docs.ruleset.labels.asked_when"),
    ]
    out = [f"## {t('docs.ruleset.summary.title')}", ""]
    out += ["| " + " | ".join(head) + " |", "|---|---|---|---|---|"]
    for q in rs.questions:
        cat = compiled.category_by_id[q.category or ""]
        when = describe(q.when, lang, labels) if q.when else t("docs.ruleset.labels.always")
        ko = t("docs.ruleset.summary.can_block") if q.id in compiled.knockout_capable else ""
        cells = [f"`{q.id}`", pick(cat.title, lang), q.type, ko, when]
        out.append("| " + " | ".join(cell(x) for x in cells) + " |")
    out.append("")
    return out


def _findings(rs: RuleSet, lang: str) -> list[str]:
    t = texts_in(lang)
    c = colon(lang)
    labels = _labels(rs, lang)
    out = [f"## {t('docs.ruleset.findings.title')}", ""]
    for rule in rs.findings:
        out += [f"### `{rule.id}`", "", _flat(pick(rule.message, lang)), ""]
        out.append(f"- {t('docs.ruleset.labels.fires_when')}{c}{describe(rule.when, lang, labels)}")
        out.append(f"- {t('docs.ruleset.labels.severity')}{c}{severity_name(rule.severity, lang)}")
        if rule.contradicts_scope:
            out.append(f"- {t('docs.ruleset.findings.contradicts', q=rule.contradicts_scope)}")
        if rule.points:
            pts = ", ".join(f"{p} {_num(v)}" for p, v in rule.points.items())
            out.append(f"- {t('docs.ruleset.labels.points')}{c}{pts}")
        if rule.knockout is not None:
            cond = (
                f" ({t('docs.ruleset.labels.ko_when')} "
                f"{describe(rule.knockout.when, lang, labels)})"
                if rule.knockout.when is not None
                else ""
            )
            out.append(
                f"- {t('docs.ruleset.labels.knockout')}{cond}: "
                f"{_flat(pick(rule.knockout.rationale, lang))} "
                f"({references_text(rs, rule.knockout.references, lang)})"
            )
        for label, text in (
            (t("docs.ruleset.labels.recommendation"), rule.recommendation),
            (t("docs.ruleset.labels.ask_vendor"), rule.ask_vendor),
        ):
            if text:
                out.append(f"- {label}{c}{_flat(pick(text, lang))}")
        if rule.references:
            refs = references_text(rs, rule.references, lang)
            out.append(f"- {t('docs.ruleset.labels.references')}{c}{refs}")
        out.append("")
    return out


def _sources(rs: RuleSet, lang: str) -> list[str]:
    t = texts_in(lang)
    head = [
        "id",
        t("docs.ruleset.sources.name"),
        t("docs.ruleset.sources.date"),
        t("docs.ruleset.labels.verify"),
    ]
    out = [f"## {t('docs.ruleset.sources.title')}", ""]
    out += ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for name, source in rs.sources.items():
        title = pick(source.title, lang)
        if source.url:
            title = f"[{title}]({source.url})"
        cells = [
            f"`{name}`",
            title,
            source.date.isoformat() if source.date else "",
            pick(source.verify, lang) if source.verify else "",
        ]
        out.append("| " + " | ".join(cell(x) for x in cells) + " |")
    return out


def ruleset_markdown(compiled: CompiledRuleSet, lang: str) -> str:
    """The generated reference document of a rule set, in one language."""
    rs = compiled.ruleset
    t = texts_in(lang)
    out = _head(compiled, lang) + _definitions(rs, lang) + _scoring(rs, lang)
    out += ["", *_summary(compiled, lang)]
    for cat in rs.categories:
        questions = [q for q in rs.questions if q.category == cat.id]
        if not questions:
            continue
        weight = t("docs.ruleset.labels.weight")
        out += [f"## {pick(cat.title, lang)} ({weight} {_num(cat.weight)})", ""]
        if cat.scope:
            out += [t("docs.ruleset.scope_section"), ""]
        if cat.description:
            out += [_flat(pick(cat.description, lang)), ""]
        for q in questions:
            out += _question(compiled, q, lang)
    if rs.findings:
        out += _findings(rs, lang)
    out += _sources(rs, lang)
    return "\n".join(out).rstrip() + "\n"
