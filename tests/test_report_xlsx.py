"""The XLSX checklist: read back with openpyxl, round-tripped, and its import errors."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import FIXTURES, Result
from tests.support.reports import (
    EXAMPLE_NAMES,
    FORMULA,
    LANGS,
    XSS,
    example,
    hostile_answers,
    ruleset,
)
from vetting.assess.answers import dump_answers, load_answers
from vetting.assess.score import score
from vetting.checklist import COLUMNS, checklist_xlsx, import_checklist
from vetting.errors import VettingError
from vetting.escape import FORMULA_PREFIXES, GUARD
from vetting.report import write_reports
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.conditions import ABSENT


def book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet: Any) -> list[dict[str, Any]]:
    """The checklist rows as {column key: value}, keyed by the hidden first row."""
    keys = [c.value for c in sheet[1]]
    return [
        dict(zip(keys, (c.value for c in row), strict=False)) for row in sheet.iter_rows(min_row=3)
    ]


def column(key: str) -> str:
    return chr(ord("A") + COLUMNS.index(key))


@pytest.mark.parametrize("lang", LANGS)
def test_the_checklist_has_one_row_per_question_with_points_and_evidence(
    tmp_path: Path, lang: str
) -> None:
    answers, assessment = example("triage-pending")
    (path,) = write_reports(assessment, ruleset(), answers, ("xlsx",), tmp_path, lang)
    workbook = openpyxl.load_workbook(path)
    tool, checklist, choices = workbook.worksheets
    assert choices.sheet_state == "hidden"
    table = rows(checklist)
    by_id = {row["id"]: row for row in table}
    compiled = ruleset()
    state = compiled.walk(answers.answers, assessment.assessment_date)
    expected = {qid for qid, value in state.items() if value is not ABSENT}
    expected |= set(answers.answers) | set(answers.notes) | set(answers.evidence)
    assert [row["id"] for row in table] == [q.id for q in compiled.questions if q.id in expected]
    hds = by_id["hosting.hds_certified"]
    unknown = {"fr": "Je ne sais pas", "en": "I don't know"}[lang]
    assert hds["answer"] == unknown
    assert hds["points"] == {"fr": "risque 9", "en": "risk 9"}[lang]
    assert hds["severity"] == {"fr": "critique", "en": "critical"}[lang]
    assert "HDS" in hds["evidence_requested"]
    assert "L.1111-8" in hds["references"]
    assert hds["note"] == "The vendor cites its cloud provider's certificate only."
    location = by_id["hosting.location"]
    assert location["answer"] == {"fr": "En France uniquement", "en": "In France only"}[lang]
    assert (
        by_id["scope.use"]["answer"]
        == {
            "fr": "Tri des patients aux urgences, régulation médicale ou évaluation des "
            "appels d'urgence",
            "en": "Emergency triage of patients, medical regulation or evaluation of "
            "emergency calls",
        }[lang]
    )
    values = {row[0].value: row[2].value for row in tool.iter_rows(min_row=5, max_col=3)}
    assert values["tool.name"] == "TriagePlus"
    assert values["ruleset"] == "health-ai@3.0.0"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_answers_to_checklist_and_back_give_the_same_answers(
    tmp_path: Path, name: str, lang: str
) -> None:
    answers, assessment = example(name)
    (path,) = write_reports(assessment, ruleset(), answers, ("xlsx",), tmp_path, lang)
    back, warnings = import_checklist(path, ruleset())
    assert warnings == []
    assert dump_answers(back, ruleset()) == dump_answers(answers, ruleset())
    assert score(ruleset(), back).verdict == assessment.verdict


def test_hostile_text_round_trips_and_never_becomes_a_formula(tmp_path: Path) -> None:
    answers, assessment = hostile_answers()
    data = checklist_xlsx(ruleset(), "en", answers=answers, assessment=assessment)
    workbook = book(data)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_PREFIXES), cell.coordinate
    by_id = {row["id"]: row for row in rows(workbook.worksheets[1])}
    assert by_id["reuse.resale"]["note"] == GUARD + FORMULA
    assert by_id["hosting.hds_certified"]["note"] == XSS
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    back, _ = import_checklist(path, ruleset())
    assert back.notes["reuse.resale"] == FORMULA
    assert back.tool.name == XSS and back.tool.url == "javascript:alert(3)"
    assert dump_answers(back, ruleset()) == dump_answers(answers, ruleset())


def test_the_checklist_bytes_are_deterministic() -> None:
    answers, assessment = example("chatbot-conditional")
    first = checklist_xlsx(ruleset(), "fr", answers=answers, assessment=assessment)
    assert checklist_xlsx(ruleset(), "fr", answers=answers, assessment=assessment) == first


def test_the_blank_checklist_lists_every_question_with_dropdowns() -> None:
    workbook = book(checklist_xlsx(ruleset(), "en"))
    sheet = workbook.worksheets[1]
    table = rows(sheet)
    assert [row["id"] for row in table] == [q.id for q in ruleset().questions]
    assert all(row["answer"] is None and row["note"] is None for row in table)
    lists = {
        str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"
    }
    answer = column("answer")
    singles = [i for i, q in enumerate(ruleset().questions) if q.type == "single"]
    assert len([k for k in lists if k.startswith(answer)]) == len(singles)
    first = singles[0]
    source = lists[f"{answer}{first + 3}"]
    choices = workbook.worksheets[2]
    cells = source.split("!")[1].replace("$", "").split(":")
    labels = [c.value for row in choices[cells[0] : cells[1]] for c in row]
    q = ruleset().questions[first]
    assert labels == [ch.label["en"] for ch in q.choices] + ["I don't know"]
    hidden = [
        key
        for key in ("status", "points", "severity")
        if sheet.column_dimensions[column(key)].hidden
    ]
    assert hidden == ["status", "points", "severity"]


def test_the_blank_checklist_keeps_to_the_buyer_scope_and_hides_buyer_notes() -> None:
    answers, _ = example("planner-conditional")
    workbook = book(checklist_xlsx(ruleset(), "fr", answers=answers, scope=True))
    table = rows(workbook.worksheets[1])
    ids = [row["id"] for row in table]
    assert len(ids) < len(ruleset().questions)
    assert "regulatory.medical_device" not in ids  # an appointment planner: no clinical use
    scope_rows = [row for row in table if str(row["id"]).startswith("scope.")]
    assert scope_rows and all(row["answer"] for row in scope_rows)
    other = [row for row in table if not str(row["id"]).startswith("scope.")]
    assert all(
        row["answer"] is None and row["note"] is None and row["evidence"] is None for row in other
    )


def test_a_vendor_fills_the_blank_checklist_and_it_imports(tmp_path: Path) -> None:
    answers, _ = example("triage-pending")
    workbook = book(checklist_xlsx(ruleset(), "fr", answers=answers, scope=True))
    sheet = workbook.worksheets[1]
    where = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=3)}
    answer, note, evidence, status, expires = (
        column(k) for k in ("answer", "note", "evidence", "evidence_status", "expires")
    )
    full_chain = ruleset().choice("hosting.hds_certified", "full_chain_v2")
    assert full_chain is not None
    sheet[f"{answer}{where['hosting.hds_certified']}"] = full_chain.label["fr"]
    sheet[f"{evidence}{where['hosting.hds_certified']}"] = "Certificat HDS n° 42"
    sheet[f"{status}{where['hosting.hds_certified']}"] = "vérifiée"
    sheet[f"{expires}{where['hosting.hds_certified']}"] = "2028-01-31"
    sheet[f"{answer}{where['reuse.training']}"] = "no"  # a choice id works too
    sheet[f"{note}{where['reuse.training']}"] = "Contrat, article 7."
    sheet[f"{answer}{where['hosting.location']}"] = "  en france UNIQUEMENT "  # case, spaces
    path = tmp_path / "vendor.xlsx"
    workbook.save(path)
    back, warnings = import_checklist(path, ruleset())
    assert warnings == []
    assert back.answers["hosting.hds_certified"] == "full_chain_v2"
    assert back.answers["reuse.training"] == "no"
    assert back.answers["hosting.location"] == "france"
    assert back.answers["scope.use"] == ["triage"]
    assert back.notes == {"reuse.training": "Contrat, article 7."}
    record = back.evidence["hosting.hds_certified"]
    assert (record.text, record.status, str(record.expires)) == (
        "Certificat HDS n° 42",
        "verified",
        "2028-01-31",
    )


def _edit(tmp_path: Path, edits: dict[tuple[str, str], Any]) -> Path:
    answers, assessment = example("triage-pending")
    workbook = book(checklist_xlsx(ruleset(), "en", answers=answers, assessment=assessment))
    sheet = workbook.worksheets[1]
    where = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=3)}
    for (qid, key), value in edits.items():
        sheet[f"{column(key)}{where[qid]}"] = value
    path = tmp_path / "edited.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("edits", "cell", "fragment"),
    [
        (
            {("hosting.location", "answer"): "In Frnace only"},
            "Checklist!D9",
            "'In Frnace only' is not a choice of 'hosting.location' "
            "(did you mean 'In France only'?)",
        ),
        (
            {("hosting.location", "answer"): '=HYPERLINK("http://x")'},
            "Checklist!D9",
            "formulas are not accepted",
        ),
        (
            {("hosting.location", "evidence_status"): "signed"},
            "Checklist!G9",
            "'signed' is not an evidence status",
        ),
        (
            {("hosting.location", "issued"): "2025-01-01"},
            "Checklist!F9",
            "evidence details without the evidence itself",
        ),
        (
            {("hosting.location", "id"): "hosting.locaton"},
            "Checklist!A9",
            "'hosting.locaton' is not a question of health-ai (did you mean 'hosting.location'?)",
        ),
        (
            {
                ("scope.patient_data", "answer"): "Identifiable health data of patients "
                "(record, results, notes, prescriptions)\nNo personal data at all "
                "(no patients, staff or applicants)"
            },
            "Checklist!D5",
            "'none' cannot be combined with other choices",
        ),
        (
            {("hosting.location", "expires"): "next year", ("hosting.location", "evidence"): "Doc"},
            "Checklist!I9",
            "expected a date",
        ),
    ],
)
def test_a_mistake_in_the_sheet_names_its_cell_and_a_fix(
    tmp_path: Path, edits: dict[tuple[str, str], Any], cell: str, fragment: str
) -> None:
    path = _edit(tmp_path, edits)
    with pytest.raises(VettingError) as caught:
        import_checklist(path, ruleset())
    message = str(caught.value)
    assert f"{path}: {cell}: " in message, message
    assert fragment in message, message


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    path = _edit(
        tmp_path,
        {("hosting.location", "answer"): "Mars", ("reuse.training", "answer"): "perhaps"},
    )
    with pytest.raises(VettingError) as caught:
        import_checklist(path, ruleset())
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"not a zip", "not a readable XLSX file"), (b"", "not a readable XLSX file")],
)
def test_a_file_that_is_not_a_workbook_is_refused(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(VettingError) as caught:
        import_checklist(path, ruleset())
    assert fragment in str(caught.value)


def test_a_workbook_that_is_not_a_checklist_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.create_sheet("Other")
    path = tmp_path / "other.xlsx"
    workbook.save(path)
    with pytest.raises(VettingError) as caught:
        import_checklist(path, ruleset())
    assert "not a vetting checklist" in str(caught.value)


def test_the_cli_round_trip(cli: Callable[..., Result], in_root: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.xlsx"
    result = cli(
        "checklist",
        "--scope",
        "examples/health-ai/scribe-accept.yaml",
        "-o",
        str(blank),
        "--lang",
        "en",
    )
    assert result.code == 0, result.err
    assert blank.is_file()
    result = cli(
        "report", "examples/health-ai/scribe-accept.yaml", "--format", "xlsx", "-o", str(tmp_path)
    )
    assert result.code == 0, result.err
    out = tmp_path / "answers.yaml"
    result = cli("import-checklist", str(tmp_path / "scribe-alpha.report.xlsx"), "-o", str(out))
    assert result.code == 0, result.err
    original, _ = load_answers(Path("examples/health-ai/scribe-accept.yaml"), ruleset())
    back, _ = load_answers(out, ruleset())
    assert dump_answers(back, ruleset()) == dump_answers(original, ruleset())
    result = cli("import-checklist", str(tmp_path / "scribe-alpha.report.xlsx"))
    assert result.out == out.read_text(encoding="utf-8")


def test_the_cli_import_error_exits_2_with_the_cell(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = _edit(tmp_path, {("reuse.training", "answer"): "maybe"})
    result = cli("import-checklist", str(path))
    assert result.code == 2
    assert (
        "Checklist!D" in result.err and "'maybe' is not a choice of 'reuse.training'" in result.err
    )
    assert "Traceback" not in result.err


@pytest.mark.parametrize("lang", LANGS)
def test_the_go_live_date_makes_the_round_trip(tmp_path: Path, lang: str) -> None:
    """Duties are judged on the planned go-live when it is later than the assessment: a
    checklist that dropped it would turn this reject (no AI notice once art. 50 applies,
    on 2 August 2026) into a conditional acceptance."""
    answers, _ = example("chatbot-conditional")
    answers = answers.model_copy(
        update={
            "date": dt.date(2026, 7, 1),
            "go_live": dt.date(2026, 9, 1),
            "answers": {**answers.answers, "transparency.ai_disclosure": "not_disclosed"},
        }
    )
    assessment = score(ruleset(), answers)
    assert assessment.verdict == "reject"
    (path,) = write_reports(assessment, ruleset(), answers, ("xlsx",), tmp_path, lang)
    back, warnings = import_checklist(path, ruleset())
    assert warnings == []
    assert back.go_live == dt.date(2026, 9, 1)
    assert dump_answers(back, ruleset()) == dump_answers(answers, ruleset())
    assert score(ruleset(), back).verdict == "reject"


def test_the_blank_checklist_carries_the_buyers_go_live(tmp_path: Path) -> None:
    answers, _ = example("chatbot-conditional")
    answers = answers.model_copy(update={"go_live": dt.date(2027, 3, 1)})
    path = tmp_path / "blank.xlsx"
    path.write_bytes(checklist_xlsx(ruleset(), "en", answers=answers, scope=True))
    back, _ = import_checklist(path, ruleset())
    assert (back.date, back.go_live) == (answers.date, dt.date(2027, 3, 1))


def test_a_choice_typed_in_another_script_matches_its_own_label(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """The import folded every letter outside Latin to nothing: with Cyrillic labels,
    `Никогда` (never) matched the first choice, `Всегда` (always)."""
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(FIXTURES / "scoring" / "clinic", rules)
    ops = rules / "ops.yaml"
    text = ops.read_text(encoding="utf-8")
    for french, russian in (("Toujours", "Всегда"), ("Parfois", "Иногда"), ("Jamais", "Никогда")):
        text = text.replace(f'fr: "{french}"', f'fr: "{russian}"')
    ops.write_text(text, encoding="utf-8")
    answers = tmp_path / "clinic.yaml"
    answers.write_text(
        "ruleset: clinic@1.0.0\ntool: {name: Clinic A}\ndate: 2026-09-01\n"
        "answers:\n  scope.deployment: vendor_saas\n  ops.oversight: always\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli("report", str(answers), "--rules", str(rules), "--format", "xlsx", "-o", str(out))
    assert result.code == 0, result.err
    path = out / "clinic-a.report.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    (row,) = (r for r in range(3, sheet.max_row + 1) if sheet[f"A{r}"].value == "ops.oversight")
    sheet[f"{column('answer')}{row}"] = "Никогда"
    workbook.save(path)
    back, _ = import_checklist(path, load_ruleset(rules))
    assert back.answers["ops.oversight"] == "never"


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("fr", "Liste de contrôle achat : "), ("en", "Procurement checklist: ")],
)
def test_the_tool_sheet_is_titled_with_the_tool_s_name(lang: str, heading: str) -> None:
    answers, assessment = example("triage-pending")
    data = checklist_xlsx(ruleset(), lang, answers=answers, assessment=assessment)
    assert book(data).worksheets[0]["B1"].value == heading + answers.tool.name
