"""Checklists at their limits: a stray far cell, texts longer than a cell, imports that
must pass the answers file's own checks, and an answers file an import must not clobber.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import FIXTURES, ROOT, Result
from vetting.assess.answers import load_answers
from vetting.checklist.layout import CELL_MAX, split_text
from vetting.ruleset.api import load_ruleset

EXAMPLES = ROOT / "examples" / "health-ai"
CLINIC = FIXTURES / "scoring" / "clinic"


def _report_xlsx(cli: Callable[..., Result], answers: Path, out: Path, *rules: str) -> Path:
    result = cli("report", str(answers), "--format", "xlsx", "-o", str(out), *rules)
    assert result.code == 0, result.err
    return next(out.glob("*.report.xlsx"))


def _replace_string(workbook: Path, old: str, new: str) -> None:
    """Rewrite one string inside the workbook's zip (inline or shared)."""
    import zipfile

    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(workbook) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    holding = [name for name, data in parts.items() if old.encode() in data]
    assert len(holding) == 1, holding
    parts[holding[0]] = parts[holding[0]].replace(old.encode(), new.encode())
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _column(sheet: object, key: str) -> int:
    keys = [cell.value for cell in sheet[1]]  # type: ignore[index]
    return keys.index(key) + 1


# ------------------------------------------------------------------ a stray far cell


@pytest.mark.slow
def test_a_cell_at_column_xfd_imports_in_bounded_memory(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """46 KB with one cell at Checklist!XFD2000: 98 s and 8 GB before; a child capped
    at 300 MiB of address space now imports it like the same file without that cell."""
    source = _report_xlsx(cli, EXAMPLES / "us-chatbot-reject.yaml", tmp_path)
    book = openpyxl.load_workbook(source)
    book.worksheets[1]["XFD2000"] = "x"
    wide = tmp_path / "wide.xlsx"
    book.save(wide)
    assert wide.stat().st_size < 60_000

    def cap() -> None:
        limit = 300 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    runs = [
        subprocess.run(
            [sys.executable, "-m", "vetting", "import-checklist", str(path)],
            capture_output=True,
            text=True,
            preexec_fn=cap,
            check=False,
        )
        for path in (wide, source)
    ]
    assert runs[0].returncode == 0, runs[0].stderr[-2000:]
    assert runs[0].stdout == runs[1].stdout


# ------------------------------------------------------------------ long texts


def test_split_text_fits_each_part_in_a_cell_even_in_utf16() -> None:
    text = "é" * 40_000 + "🩺" * 30_000 + "=SUM(1)" + "x" * 5
    parts = split_text(text)
    assert "".join(parts) == text
    assert all(len(p.encode("utf-16-le")) // 2 <= CELL_MAX - 1 for p in parts)


@pytest.fixture
def long_answers(tmp_path: Path) -> Path:
    """A note of 99,999 characters, evidence of 40,000 whose second part starts like a
    formula, a name of 33,000 emoji (66,000 UTF-16 units)."""
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    note = "n" * 99_999
    evidence = "e" * (CELL_MAX - 1) + "=HYPERLINK(1)" + "f" * 7_000
    text = text.replace("name: Scribe Alpha", "name: '" + "🩺" * 33_000 + "'", 1)
    text = text.replace("notes:\n", f"notes:\n  scope.use: {note}\n", 1)
    text = text.replace(
        "    text: HDS certificate n° 2025-HDS-0421 (fictional)", f"    text: '{evidence}'", 1
    )
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_long_texts_make_the_round_trip_whole(
    tmp_path: Path, cli: Callable[..., Result], long_answers: Path
) -> None:
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    before, _ = load_answers(long_answers, compiled)
    workbook = _report_xlsx(cli, long_answers, tmp_path / "out")
    book = openpyxl.load_workbook(workbook)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert len(cell.value.encode("utf-16-le")) // 2 <= CELL_MAX
                    assert not cell.value.startswith(("=", "+", "-", "@"))
    checklist = book.worksheets[1]
    keys = [cell.value for cell in checklist[1]]
    assert {"note+2", "note+3", "note+4", "evidence+2"} <= set(keys)
    result = cli("import-checklist", str(workbook), "-o", str(tmp_path / "back.yaml"))
    assert result.code == 0, result.err
    after, _ = load_answers(tmp_path / "back.yaml", compiled)
    assert after.tool.name == before.tool.name
    assert after.notes == before.notes
    assert after.evidence == before.evidence


# ------------------------------------------------------------------ the answers file's checks


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("note", "n" * 300_000, "a text of 300,000 characters; the limit is 100,000"),
        ("evidence", "e" * 100_001, "a text of 100,001 characters; the limit is 100,000"),
        ("answer", "nan", "'ops.uptime' takes a finite number, got nan"),
        ("answer", "inf", "'ops.uptime' takes a finite number, got inf"),
        ("answer", 1e300, "'ops.uptime' takes a finite number, got 1e+300"),
    ],
)
def test_an_import_gets_the_checks_of_an_answers_file(
    tmp_path: Path, cli: Callable[..., Result], column: str, value: object, message: str
) -> None:
    answers = tmp_path / "clinic.yaml"
    answers.write_text(
        "ruleset: clinic@1.0.0\ntool: {name: Scribe}\ndate: 2026-11-24\nanswers:\n"
        "  scope.patient_data: [identifiable]\n  scope.deployment: vendor_saas\n"
        "  ops.uptime: 99.5\n",
        encoding="utf-8",
    )
    source = _report_xlsx(cli, answers, tmp_path / "out", "--rules", str(CLINIC))
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[1]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "ops.uptime")
    target = row[_column(sheet, column) - 1]
    long = isinstance(value, str) and len(value) > CELL_MAX
    target.value = "MARKER" if long else value
    book.save(tmp_path / "filled.xlsx")
    if long:  # no spreadsheet program writes such a cell: put it in the XML itself
        _replace_string(tmp_path / "filled.xlsx", "MARKER", str(value))
    output = tmp_path / "imported.yaml"
    result = cli(
        "import-checklist", str(tmp_path / "filled.xlsx"), "--rules", str(CLINIC), "-o", str(output)
    )
    assert result.code == 2
    assert f"filled.xlsx: Checklist!{target.coordinate}: {message}" in result.err
    assert not output.exists()


def test_an_import_never_replaces_an_answers_file_without_force(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    decided = tmp_path / "tool.answers.yaml"
    decided.write_bytes(
        (
            EXAMPLES
            / "reviews"
            / next(iter(sorted(p.name for p in (EXAMPLES / "reviews").glob("*.yaml"))))
        ).read_bytes()
    )
    before = decided.read_bytes()
    workbook = _report_xlsx(cli, EXAMPLES / "scribe-accept.yaml", tmp_path / "out")
    result = cli("import-checklist", str(workbook), "-o", str(decided))
    assert result.code == 2
    assert result.err == (
        f"{decided}: already exists: the import would replace its answers and its decision "
        "(choose another -o file, or add --force to replace it)\n"
    )
    assert decided.read_bytes() == before
    forced = cli("import-checklist", str(workbook), "-o", str(decided), "--force")
    assert forced.code == 0, forced.err
    assert decided.read_bytes() != before


# ------------------------------------------------------------------ judged on go-live

DATED_QUESTION = """
  - id: data.ai_notice
    type: single
    when: {judged_date: {gte: 2027-08-02}}
    text: {fr: "Les patients sont-ils informés ?", en: "Are patients told?"}
    help: {fr: "Une obligation datée.", en: "A dated duty."}
    choices:
      - id: "yes"
        label: {fr: "Oui", en: "Yes"}
      - id: "no"
        label: {fr: "Non", en: "No"}
        points: {risk: 2}
"""


@pytest.mark.parametrize(("go_live", "asked"), [("2028-01-01", True), (None, False)])
@pytest.mark.parametrize("filled", [False, True])
def test_the_checklist_asks_what_applies_on_the_judged_date(
    tmp_path: Path, go_live: str | None, asked: bool, filled: bool
) -> None:
    """A duty that starts between the assessment and go-live is on the checklist, as the
    score counts it; without a go-live date it is not yet one."""
    from vetting.assess.score import score
    from vetting.checklist import checklist_xlsx

    rules = tmp_path / "rules"
    rules.mkdir()
    for name in ("ruleset.yaml", "questions.yaml"):
        (rules / name).write_text((FIXTURES / "rules/mini" / name).read_text("utf-8"), "utf-8")
    with (rules / "questions.yaml").open("a", encoding="utf-8") as handle:
        handle.write(DATED_QUESTION)
    compiled = load_ruleset(rules)
    answers_file = tmp_path / "tool.yaml"
    answers_file.write_text(
        "ruleset: mini@0.1.0\ndate: 2026-11-24\n"
        + (f"go_live: {go_live}\n" if go_live else "")
        + "tool: {name: T}\nanswers:\n  scope.data: patients\n",
        encoding="utf-8",
    )
    answers, _ = load_answers(answers_file, compiled)
    assessment = score(compiled, answers) if filled else None
    workbook = tmp_path / "c.xlsx"
    workbook.write_bytes(
        checklist_xlsx(compiled, "en", answers=answers, assessment=assessment, scope=not filled)
    )
    sheet = openpyxl.load_workbook(workbook).worksheets[1]
    cells = {cell.value for row in sheet.iter_rows() for cell in row}
    assert ("data.ai_notice" in cells) is asked
    if assessment is not None:
        assert ("data.ai_notice" in assessment.unanswered) is asked  # the score agrees
