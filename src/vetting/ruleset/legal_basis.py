"""The knock-outs of a rule set as a table a DPO can defend, generated from the rules.

One row per knock-out: what blocks, the law that blocks, where it applies (in the
author's words and as the exact condition), and the lawful neighbour it must not
catch. `vetting rules doc --legal-basis` writes it; a test keeps the committed copy
current, so the table never drifts from the rules that score.
"""

from __future__ import annotations

from dataclasses import dataclass

from vetting import catalog
from vetting.i18n import pick
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import Condition
from vetting.ruleset.describe import describe
from vetting.ruleset.docgen import cell, colon, references_text, semicolon, texts_in
from vetting.ruleset.model import KnockOut


@dataclass(frozen=True)
class KnockOutRow:
    """One knock-out with what the table needs to show about it."""

    target: str
    label: str
    knockout: KnockOut
    asked_when: Condition | None


def knockout_rows(compiled: CompiledRuleSet, lang: str) -> list[KnockOutRow]:
    """Every knock-out of the rule set, in asking order, then the finding rules'."""
    rs = compiled.ruleset
    rows: list[KnockOutRow] = []
    for q in rs.questions:
        for choice in q.choices:
            if choice.knockout is not None:
                rows.append(
                    KnockOutRow(
                        f"{q.id}={choice.id}", pick(choice.label, lang), choice.knockout, q.when
                    )
                )
    for rule in rs.findings:
        if rule.knockout is not None:
            finding = catalog.text(lang, "docs.legal_basis.finding")
            label = f"{finding}{colon(lang)}{' '.join(pick(rule.message, lang).split())}"
            rows.append(KnockOutRow(rule.id, label, rule.knockout, rule.when))
    return rows


def legal_basis_markdown(compiled: CompiledRuleSet, lang: str) -> str:
    """The knock-out table of a rule set, in one language."""
    rs = compiled.ruleset
    labels = {name: pick(d.label, lang) for name, d in rs.definitions.items()}
    rows = knockout_rows(compiled, lang)
    t = texts_in(lang)
    c = colon(lang)
    head = [
        t("docs.legal_basis.columns.knockout"),
        t("docs.legal_basis.columns.basis"),
        t("docs.legal_basis.columns.scope"),
        t("docs.legal_basis.columns.neighbour"),
    ]
    out = [
        f"# {t('docs.legal_basis.title')}",
        "",
        f"> {t('docs.legal_basis.generated')}",
        "",
        f"- {t('docs.legal_basis.about.ruleset')}{c}{pick(rs.title, lang)}",
        f"- {t('docs.legal_basis.about.version')}{c}`{rs.id}` {rs.version} "
        f"(sha256 `{compiled.origin.sha256}`)",
        f"- {t('docs.legal_basis.about.count')}{c}{len(rows)}",
        "",
        t("docs.legal_basis.intro"),
        "",
        "| " + " | ".join(head) + " |",
        "|---|---|---|---|",
    ]
    missing = t("docs.legal_basis.missing")
    for row in rows:
        ko = row.knockout
        asked = (
            f"{t('docs.legal_basis.scope.asked')} {describe(row.asked_when, lang, labels)}"
            if row.asked_when
            else t("docs.legal_basis.scope.always")
        )
        blocks = (
            f"{t('docs.legal_basis.scope.ko_when')} {describe(ko.when, lang, labels)}"
            if ko.when
            else t("docs.legal_basis.scope.whenever")
        )
        plain = pick(ko.applies_when, lang) if ko.applies_when else missing
        scope = f"{plain} ({asked}{semicolon(lang)}{blocks})"
        neighbour = pick(ko.lawful_neighbour, lang) if ko.lawful_neighbour else missing
        cells = [
            f"`{row.target}`{c}{row.label}",
            references_text(rs, ko.references, lang),
            scope,
            neighbour,
        ]
        out.append("| " + " | ".join(cell(x) for x in cells) + " |")
    return "\n".join(out) + "\n"
