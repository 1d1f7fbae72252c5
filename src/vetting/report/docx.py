"""Editable reports (`--format docx`): the risk report and the FRIA draft as Word documents.

Committees edit a report before they sign it, usually in Word or LibreOffice.
The DOCX is built from the same views as the HTML (`context.build_report`,
`fria.build_fria`), with real headings, tables and list styles so that the
navigation pane and the table of contents work. The risk report opens on a
decision sheet: the verdict and level, what blocks, what is pending, the
priority actions, and the committee's decision from the decision record, or
blank lines to fill in and sign. The detail follows on the next page.

python-docx is an optional dependency (`pip install 'vetting[docx]'`),
imported here only. The file is deterministic: the document's dates are the
assessment's and every ZIP entry gets a fixed timestamp, so the same inputs give
the same bytes. Text from the answers file loses its control characters (XML
forbids them); python-docx escapes the rest.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from vetting import __version__
from vetting.controls import drop_controls
from vetting.errors import Problem, VettingError
from vetting.report.drafting import draft_text
from vetting.words import fill

if TYPE_CHECKING:
    from vetting.report.fria import Fria
    from vetting.report.views import Report

#: The timestamp of every ZIP entry (the earliest a ZIP can hold): no clock in the file.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Severities whose recommendations are the decision sheet's priority actions.
_ACTION_SEVERITIES = ("critical", "high")


def _document(title: str, day: str, lang: str) -> Any:
    try:
        import docx
        from docx.shared import Pt
    except ImportError as exc:  # an optional extra
        raise VettingError(
            Problem(
                None,
                "--format docx needs python-docx",
                hint="pip install 'vetting[docx]' (or pip install python-docx)",
            )
        ) from exc
    document = docx.Document()
    props = document.core_properties
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.UTC)
    props.title = _clean(title)
    props.author = f"vetting {__version__}"
    props.last_modified_by = f"vetting {__version__}"
    props.created = moment
    props.modified = moment
    props.revision = 1
    props.language = lang
    # Room between a table and the paragraph after it, as in the HTML.
    document.styles["Normal"].paragraph_format.space_before = Pt(4)
    return document


def _clean(text: object) -> str:
    return drop_controls(str(text))


def _para(document: Any, text: str, style: str | None = None, *, bold: str = "") -> Any:
    """A paragraph, optionally starting with a bold lead (`Label: `)."""
    paragraph = document.add_paragraph(style=style)
    if bold:
        paragraph.add_run(_clean(bold)).bold = True
    if text:
        paragraph.add_run(_clean(text))
    return paragraph


def _bullets(document: Any, items: Iterable[str]) -> None:
    for item in items:
        _para(document, item, "List Bullet")


def _table(
    document: Any, header: Sequence[str] | None, rows: Iterable[Sequence[str]], cols: int = 2
) -> Any:
    """A table in the grid style; its bold header row (if any) is repeated on each page."""
    table = document.add_table(rows=0, cols=len(header) if header else cols)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(_clean(text)).bold = True
        _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _clean(text)
    return table


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _page_break(document: Any) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _save(document: Any) -> bytes:
    """The document's bytes, with fixed ZIP timestamps (same inputs, same bytes)."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- the risk report


def report_docx(r: Report) -> bytes:
    """The risk report as an editable DOCX: the decision sheet first, then the detail."""
    L, lang = r.L, r.lang
    colon = r.colon
    g = r.glance
    document = _document(r.title, r.cover.date_iso, lang)
    document.add_heading(_clean(r.title), level=0)
    for alert in r.alerts:
        _para(document, alert, "Intense Quote")

    # The decision sheet: what a committee reads before it decides.
    document.add_heading(draft_text(lang, "drafts.docx_sheet"), level=1)
    _para(document, draft_text(lang, "drafts.docx_sheet_intro"))
    _table(
        document,
        (L["field"], L["value"]),
        [
            (L["verdict"], g.verdict_name),
            (L["level"], g.level_name),
            *((f.label, f.value) for f in g.figures),
        ],
    )
    _para(document, g.summary)
    if g.level_note:
        _para(document, g.level_note)
    _bullets(document, g.claims)
    if r.dpia:
        _para(document, r.dpia)

    document.add_heading(L["h_knockouts"], level=2)
    if not r.knockouts:
        _para(document, L["no_knockouts"])
    for ko in r.knockouts:
        _para(document, ko.answer, "List Bullet", bold=f"{ko.title}{colon}")
        if ko.lift:
            _para(document, ko.lift, "List Bullet 2", bold=f"{L['lift']}{colon}")
    document.add_heading(L["h_pending"], level=2)
    if not r.pending:
        _para(document, L["no_pending"])
    for item in r.pending:
        questions = "; ".join(f"{q.question} ({q.answer})" for q in item.questions)
        _para(document, questions or item.id, "List Bullet")
        if item.reason:
            _para(document, item.reason, "List Bullet 2", bold=f"{L['pending_why']}{colon}")
        for evidence in item.evidence:
            _para(document, evidence, "List Bullet 2", bold=f"{L['evidence_to_request']}{colon}")

    document.add_heading(draft_text(lang, "drafts.docx_actions"), level=2)
    actions = [
        (f.title, f.severity_name, f.recommendation)
        for group in r.severity_groups
        if group.severity in _ACTION_SEVERITIES
        for f in group.findings
        if f.recommendation
    ]
    if actions:
        _table(document, (L["question"], L["severity"], L["recommendation"]), actions)
    else:
        _para(document, draft_text(lang, "drafts.docx_no_actions"))

    _decision_block(document, r)
    _page_break(document)
    _detail(document, r)
    _para(
        document,
        fill(draft_text(lang, "drafts.docx_editable"), {"generator": r.generator}),
        "Caption",
    )
    return _save(document)


def _decision_block(document: Any, r: Report) -> None:
    L, colon, lang = r.L, r.colon, r.lang
    d = r.decision
    if d is None:
        document.add_heading(draft_text(lang, "drafts.docx_decision_blank"), level=2)
        _para(document, draft_text(lang, "drafts.docx_outcomes"))
        for key in (
            "drafts.docx_sign_date",
            "drafts.docx_sign_conditions",
            "drafts.docx_sign_members",
        ):
            _para(document, " " + "_" * 40, bold=draft_text(lang, key))
        return
    document.add_heading(L["h_decision"], level=2)
    rows = [
        (L["outcome"], d.outcome_name),
        (L["decided_by"], d.by),
        (L["decided_on"], d.date),
        (L["decision_rationale"], d.rationale),
    ]
    if d.members:
        rows.append((L["decision_members"], "; ".join(d.members)))
    if d.next_review:
        rows.append((L["next_review"], d.next_review))
    if d.justification:
        rows.append((L["ko_justification"], d.justification))
    _table(document, (L["field"], L["value"]), rows)
    if d.conditions:
        _para(document, "", bold=f"{L['decision_conditions']}{colon}")
        _bullets(
            document,
            (
                f"{c.text} ({L['condition_due']} {c.due}, "
                f"{L['condition_done'] if c.done else L['condition_open']})"
                for c in d.conditions
            ),
        )


def _detail(document: Any, r: Report) -> None:
    L, colon = r.L, r.colon
    document.add_heading(draft_text(r.lang, "drafts.docx_detail"), level=1)
    c = r.cover
    document.add_heading(L["h_identification"], level=2)
    _table(
        document,
        (L["field"], L["value"]),
        [
            (L["tool"], c.tool),
            (L["vendor"], c.vendor),
            (L["version"], c.version),
            (L["assessor"], c.assessor),
            (L["date"], c.date),
            (L["answers_file"], c.source),
            (L["answers_sha256"], c.answers_sha256),
            (L["ruleset"], f"{c.ruleset_id} {c.ruleset_version} — {c.ruleset_title}"),
            (L["ruleset_sha256"], c.ruleset_sha256),
        ],
    )

    document.add_heading(L["h_categories"], level=2)
    _table(
        document,
        (L["section"], L["score"], L["level"], L["points_over_max"]),
        [
            (cat.title, cat.score, cat.level_name, f"{cat.points} / {cat.max}")
            for cat in r.categories
        ],
    )

    document.add_heading(L["h_findings"], level=2)
    if not r.severity_groups:
        _para(document, L["no_findings"])
    for group in r.severity_groups:
        document.add_heading(group.name, level=3)
        for f in group.findings:
            document.add_heading(_clean(f.title), level=4)
            if f.answer:
                _para(document, f.answer, bold=f"{L['answer']}{colon}")
            if f.recommendation:
                _para(document, f.recommendation, bold=f"{L['recommendation']}{colon}")
            if f.ask_vendor:
                _para(document, f.ask_vendor, bold=f"{L['ask_vendor']}{colon}")
            if f.note:
                _para(document, f.note, bold=f"{L['note']}{colon}")
            if f.references:
                refs = "; ".join(ref.text for ref in f.references)
                _para(document, refs, bold=f"{L['references']}{colon}")

    document.add_heading(L["h_vendor"], level=2)
    if r.vendor_questions:
        _table(
            document,
            (L["question"], L["evidence_to_request"]),
            [(q.question, q.evidence) for q in r.vendor_questions],
        )
    else:
        _para(document, L["no_vendor_questions"])

    document.add_heading(L["h_clauses"], level=2)
    for clause in r.clauses:
        state = L["clause_required"] if clause.required else L["clause_standard"]
        document.add_heading(_clean(f"{clause.title} ({state})"), level=3)
        _para(document, clause.text)

    document.add_heading(L["h_appendix"], level=2)
    for section in r.appendix:
        document.add_heading(_clean(section.title), level=3)
        _table(
            document,
            (L["question"], L["answer"], L["points"]),
            [(q.text, q.answer, q.points) for q in section.questions],
        )

    document.add_heading(L["h_sources"], level=2)
    _bullets(document, (", ".join(p for p in (s.title, s.date, s.url) if p) for s in r.sources))


# --------------------------------------------------------------------------- the FRIA draft


def fria_docx(f: Fria) -> bytes:
    """The FRIA draft as an editable DOCX: the six elements as headings, answers as lists."""
    D, colon = f.D, f.colon
    document = _document(f"{f.title}{colon}{f.tool}", f.date_iso, f.lang)
    _para(document, f.draft, "Intense Quote")
    document.add_heading(_clean(f"{f.title}{colon}{f.tool}"), level=0)
    _para(document, f.intro)
    _para(document, f.basis)

    document.add_heading(D["fria_h_context"], level=1)
    rows = list(f.context)
    if f.status is not None:
        rows.append((D["fria_answer"], f.status.answer))
    _table(document, None, rows)
    if f.status_verify:
        _para(document, f.status_verify, bold=f"{D['fria_verify']}{colon}")

    document.add_heading(D["fria_h_elements"], level=1)
    for e in f.elements:
        document.add_heading(_clean(f"{e.letter}) {e.title}"), level=2)
        state = D["fria_filled"] if e.filled else D["fria_open"]
        _para(document, state, "Subtitle")
        if not e.filled:
            _para(document, "", bold=D["fria_element_open"])
        for line in e.lines:
            paragraph = _para(document, "", "List Bullet", bold=f"{line.question} ")
            run = paragraph.add_run(_clean(line.answer))
            run.italic = not line.known
            if line.note:
                _para(document, fill(D["note"], {"note": line.note}), "List Bullet 2")
            if line.evidence:
                _para(document, fill(D["evidence"], {"evidence": line.evidence}), "List Bullet 2")
        _bullets(document, e.facts)
        if e.findings:
            _para(document, D["fria_findings"])
            _bullets(document, e.findings)

    document.add_heading(D["fria_h_next"], level=1)
    _para(document, f.dpia)
    if f.dpia_statement:
        _para(document, f.dpia_statement)
    _para(document, f.notify)
    _para(document, f" {f.template_verify}", bold=f.template)
    _para(document, f.generated, "Caption")
    _para(document, f.draft, "Intense Quote")
    return _save(document)


__all__ = ["fria_docx", "report_docx"]
