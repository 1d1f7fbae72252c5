"""`vetting compare`, `vetting diff`, `vetting portfolio`: golden outputs, exit codes, escaping.

Golden files live in tests/golden/workflows/. After an intended change, run
`VETTING_UPDATE_GOLDEN=1 pytest tests/test_workflows.py` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from vetting.assess import dump_answers, load_answers
from vetting.assess.answers import Tool
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.workflows.portfolio import DUE_SOON_DAYS, _state
from vetting.workflows.render import csp_hash

GOLDEN = ROOT / "tests" / "golden" / "workflows"
RULES = "rules/health-ai"
EX = "examples/health-ai"
THREE = (
    f"{EX}/scribe-accept.yaml",
    f"{EX}/chatbot-conditional.yaml",
    f"{EX}/us-chatbot-reject.yaml",
)
Cli = Callable[..., Result]

HOSTILE_NAME = (
    '=HYPERLINK("http://evil.example","x") <script>alert(1)</script> | **b** [l](javascript:x)'
)
HOSTILE_VENDOR = "Evil\x1b[31m Corp\nline2 & <b>"


def golden(name: str, content: str | bytes) -> None:
    """Compare with the golden file, or rewrite it under VETTING_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    data = content.encode("utf-8") if isinstance(content, str) else content
    if os.environ.get("VETTING_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.is_file(), f"missing golden file {path}: run with VETTING_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    if isinstance(content, str):
        assert content == expected.decode("utf-8"), f"{name} differs from its golden file"
    else:
        assert data == expected, f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def health_ai() -> CompiledRuleSet:
    return load_ruleset(ROOT / RULES)


@pytest.fixture
def hostile(tmp_path: Path, health_ai: CompiledRuleSet) -> Path:
    """Scribe Alpha under a name, vendor and note that try to break every output format."""
    answers, _ = load_answers(ROOT / EX / "scribe-accept.yaml", health_ai)
    notes = dict(answers.notes, **{"hosting.location": "=cmd|'/C calc'!A0 \x07"})
    bad = answers.model_copy(
        update={
            "tool": Tool(name=HOSTILE_NAME, vendor=HOSTILE_VENDOR, version="@1"),
            "notes": notes,
            "answers": {**answers.answers, "security.penetration_test": "outdated"},
        }
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(dump_answers(bad, health_ai), encoding="utf-8")
    return path


# ------------------------------------------------------------------ compare


@pytest.mark.parametrize(
    ("fmt", "lang"), [("md", "en"), ("md", "fr"), ("html", "en"), ("html", "fr")]
)
def test_compare_matches_its_golden_file(cli: Cli, in_root: Path, fmt: str, lang: str) -> None:
    result = cli("compare", *THREE, "--rules", RULES, "--format", fmt, "--lang", lang)
    assert result.code == 0, result.err
    golden(f"compare.{lang}.{fmt}", result.out)


def test_compare_marks_the_best_and_the_differences(cli: Cli, in_root: Path) -> None:
    out = cli("compare", *THREE, "--rules", RULES, "--lang", "en").out
    rows = {
        line.split(" |")[0].lstrip("| "): line for line in out.splitlines() if line.startswith("| ")
    }
    assert rows["Verdict"] == "| Verdict | **accept** | conditional | reject | ≠ |"
    assert rows["Score (0 = no risk)"] == "| Score (0 = no risk) | **0.0** | 41.1 | 24.9 | ≠ |"
    # Two tools tie for the best: both in bold.
    assert rows["Knock-outs"] == "| Knock-outs | **0** | **0** | 4 | ≠ |"
    # Equal everywhere: neither best nor different.
    assert rows["Assessment date"] == "| Assessment date | 2026-11-24 | 2026-11-24 | 2026-11-24 | |"
    # Rows are named by the questions' short titles; internal ids stay out of the table.
    ko = next(line for line in out.splitlines() if "| Training on your data → Yes" in line)
    assert ko.endswith("| **no** | **no** | ✖ KO | ≠ |")
    assert "`" not in out
    # The key questions come first, always; then only the questions that differ.
    key, other = out.split("## Key questions")[1].split("## Other differences")
    dpa = "| Processing agreement (GDPR art. 28) |"
    assert dpa in key and dpa not in other
    assert "| Type of organisation |" in other and "| Hosting location |" not in other
    rows_other = [
        line for line in other.splitlines() if line.startswith("| ") and "---" not in line
    ]
    assert all(line.rstrip().endswith("≠ |") for line in rows_other[1:])


def test_compare_keeps_the_order_given(cli: Cli, in_root: Path) -> None:
    out = cli("compare", *reversed(THREE), "--rules", RULES, "--lang", "en").out
    header = next(line for line in out.splitlines() if line.startswith("| Row"))
    assert header == "| Row | CareChat 4.0 | Allo Clinique 5.1 | Scribe Alpha 3.2 | ≠ |"


def test_compare_html_is_self_contained_and_accessible(cli: Cli, in_root: Path) -> None:
    html = cli("compare", *THREE, "--rules", RULES, "--format", "html", "--lang", "en").out
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script" not in html
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None and f"style-src '{csp_hash(style.group(1))}'" in html
    assert html.count('<th scope="col">') == 5
    assert '<th scope="row">' in html and 'scope="colgroup"' in html
    assert '<td class="best"><strong>accept</strong>' in html


def _cells(data: bytes) -> list[list[str]]:
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_compare_xlsx_has_the_same_rows(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    assert cli("compare", *THREE, "--rules", RULES, "--format", "xlsx", "-o", str(out)).code == 0
    data = out.read_bytes()
    golden("compare.en.xlsx.txt", "\n".join("\t".join(row) for row in _cells(data)) + "\n")
    again = tmp_path / "again.xlsx"
    cli("compare", *THREE, "--rules", RULES, "--format", "xlsx", "-o", str(again))
    assert again.read_bytes() == data, "the same inputs must give the same bytes"

    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    verdict = next(r for r in sheet.iter_rows() if r[0].value == "Verdict")
    assert verdict[2].font.b and not verdict[3].font.b  # the best is bold
    score = next(r for r in sheet.iter_rows() if r[0].value == "Score (0 = no risk)")
    assert [c.value for c in score[2:5]] == [0.0, 41.1, 24.9]


def test_compare_escapes_untrusted_text_in_every_format(
    cli: Cli, in_root: Path, hostile: Path, tmp_path: Path
) -> None:
    files = (str(hostile), THREE[0])
    md = cli("compare", *files, "--rules", RULES, "--lang", "en").out
    header = next(line for line in md.splitlines() if line.startswith("| Row"))
    assert header.count(" | ") == 3, header  # the `|` in the name cannot add a column
    assert "<script>" not in md and "\\<script\\>" in md and "\\*\\*b\\*\\*" in md
    assert "\\[l\\](javascript:x)" in md and "\x1b" not in md
    html = cli("compare", *files, "--rules", RULES, "--format", "html").out
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    out = tmp_path / "h.xlsx"
    assert cli("compare", *files, "--rules", RULES, "--format", "xlsx", "-o", str(out)).code == 0
    cells = [c for row in _cells(out.read_bytes()) for c in row]
    assert f"'{HOSTILE_NAME} @1" in cells  # written as text, guarded against formulas
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_xlsx_is_not_written_to_a_terminal(
    cli: Cli, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("compare", *THREE, "--rules", RULES, "--format", "xlsx")
    assert result.code == 2 and "-o FILE.xlsx" in result.err


def test_compare_stops_on_an_unreadable_file(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "ruleset: health-ai@1.0.0\ntool: {name: X}\nanswers: {hosting.location: mars}\n"
    )
    result = cli("compare", THREE[0], str(broken), "--rules", RULES)
    assert result.code == 2 and result.out == ""
    assert f"{broken}:3:" in result.err and "'mars' is not a choice" in result.err


# ------------------------------------------------------------------ diff

SCRIBE_2027 = f"{EX}/reviews/scribe-alpha-2027.yaml"


@pytest.mark.parametrize(("fmt", "lang"), [("text", "en"), ("md", "fr"), ("md", "en")])
def test_diff_matches_its_golden_file(cli: Cli, in_root: Path, fmt: str, lang: str) -> None:
    result = cli("diff", THREE[0], SCRIBE_2027, "--rules", RULES, "--format", fmt, "--lang", lang)
    assert result.code == 1, result.err
    golden(f"diff.{lang}.{'txt' if fmt == 'text' else 'md'}", result.out)


def test_diff_names_what_changed(cli: Cli, in_root: Path) -> None:
    out = cli("diff", THREE[0], SCRIBE_2027, "--rules", RULES, "--lang", "en").out
    assert "Score: 0.0 → 1.1 (+1.1)" in out
    assert "Verdict: accept (unchanged)" in out
    assert "  + [medium] security.penetration_test" in out
    assert (
        "after: Pentest report, September 2026 (version 3.2) [verified] (expired on 2027-09-15)"
        in out
    )
    assert "Next review: 2027-11-24 → 2028-06-01" in out


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (THREE[0], THREE[0], 0),
        (THREE[0], SCRIBE_2027, 1),
        (SCRIBE_2027, THREE[0], 1),
        (f"{EX}/triage-pending.yaml", f"{EX}/reviews/triageplus-2027.yaml", 1),
        (THREE[0], "no-such-file.yaml", 2),
    ],
)
def test_diff_exit_codes(cli: Cli, in_root: Path, old: str, new: str, code: int) -> None:
    result = cli("diff", old, new, "--rules", RULES)
    assert result.code == code, result.err
    if code == 0:
        assert "Nothing changed" in result.out or "Rien n'a changé" in result.out


def test_diff_lists_knockouts_lifted(cli: Cli, in_root: Path) -> None:
    out = cli(
        "diff",
        f"{EX}/triage-pending.yaml",
        f"{EX}/reviews/triageplus-2027.yaml",
        "--rules",
        RULES,
        "--lang",
        "en",
    ).out
    assert "Verdict: pending evidence → accept" in out
    # The art. 28 agreement, now proven, too; the GHT exemption, closed to a vendor SaaS;
    # and a device made in-house by another institution, which the unknown answer left open.
    assert "Knock-outs no longer pending (10):" in out
    assert "  - reuse.training=yes" in out
    assert "Decision: — → accepted, 2027-03-20" in out


def test_diff_across_rule_set_versions(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    """Answers written for an older version: scored with this one, unknown questions listed."""
    text = (ROOT / THREE[0]).read_text(encoding="utf-8")
    old = text.replace("ruleset: health-ai@3.0.0", "ruleset: health-ai@1.0.0").replace(
        "answers:\n", "answers:\n  hosting.legacy_region: eu_only\n"
    )
    path = tmp_path / "scribe-2025.yaml"
    path.write_text(old, encoding="utf-8")
    result = cli("diff", str(path), THREE[0], "--rules", RULES, "--lang", "en")
    assert result.code == 1, result.err
    assert "written for health-ai@1.0.0" in result.out
    assert "Answers to questions not in this rule set (ignored) (1):" in result.out
    assert "  ~ hosting.legacy_region  Question" in result.out
    assert "      before: eu_only" in result.out
    assert "warning: ruleset: these answers were written for health-ai 1.0.0" in result.err
    md = cli("diff", str(path), THREE[0], "--rules", RULES, "--lang", "en", "--format", "md").out
    assert "| `hosting.legacy_region` | Question | eu\\_only | — |" in md
    assert "## Warnings" in md


def test_diff_text_is_safe_in_a_terminal(cli: Cli, in_root: Path, hostile: Path) -> None:
    result = cli("diff", THREE[0], str(hostile), "--rules", RULES, "--lang", "en")
    assert result.code == 1
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "describe different tools" in result.out  # a name changed: probably not the same tool
    md = cli("diff", THREE[0], str(hostile), "--rules", RULES, "--format", "md").out
    assert "<script>" not in md and "\\<script\\>" in md


def test_output_goes_to_a_file_with_o(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "diff.md"
    result = cli(
        "diff", THREE[0], SCRIBE_2027, "--rules", RULES, "--format", "md", "-o", str(target)
    )
    assert result.code == 1 and result.out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")


# ------------------------------------------------------------------ portfolio


@pytest.mark.parametrize(("fmt", "lang"), [("html", "en"), ("html", "fr"), ("json", "en")])
def test_portfolio_matches_its_golden_file(cli: Cli, in_root: Path, fmt: str, lang: str) -> None:
    result = cli(
        "portfolio", EX, "--rules", RULES, "--today", "2027-12-15", "--format", fmt, "--lang", lang
    )
    assert result.code == 0, result.err
    out = result.out
    if fmt == "json":
        # The rule set's hash changes with any edit of its texts; the rest must not move.
        out = re.sub(r'"sha256": "[0-9a-f]{64}"', '"sha256": "…"', out)
        golden("portfolio.json", out)
    else:
        golden(f"portfolio.{lang}.html", out)


@pytest.mark.parametrize(
    ("lang", "marked"),
    [
        ("en", "scored with health-ai 3.0.0; answers written for 1.0.0"),
        (
            "fr",
            "évalué avec le référentiel health-ai 3.0.0 ; réponses rédigées pour la version 1.0.0",
        ),
    ],
)
def test_a_portfolio_of_two_versions_scores_in_one_run_and_marks_the_older(
    cli: Cli, in_root: Path, tmp_path: Path, lang: str, marked: str
) -> None:
    folder = tmp_path / "tools"
    shutil.copytree(ROOT / EX, folder)
    old = folder / "planner-conditional.yaml"
    text = old.read_text(encoding="utf-8")
    old.write_text(text.replace("health-ai@3.0.0", "health-ai@1.0.0"), encoding="utf-8")
    args = ("portfolio", str(folder), "--today", "2027-12-15", "--lang", lang)
    data = json.loads(cli(*args, "--format", "json").out)
    written = {row["file"]: row["scored_with"]["written_for"] for row in data["rows"]}
    assert written["planner-conditional.yaml"] == "1.0.0"
    assert {v for k, v in written.items() if k != "planner-conditional.yaml"} == {None}
    assert not data["errors"]
    page = cli(*args).out
    assert page.count(escape(marked)) == 1


def test_portfolio_is_byte_identical_for_identical_inputs(cli: Cli, in_root: Path) -> None:
    args = ("portfolio", EX, "--rules", RULES, "--today", "2027-12-15")
    assert cli(*args).out == cli(*args).out


def test_portfolio_rows_and_review_states(cli: Cli, in_root: Path) -> None:
    data = json.loads(
        cli("portfolio", EX, "--rules", RULES, "--today", "2027-12-15", "--format", "json").out
    )
    rows = {row["file"]: row for row in data["rows"]}
    assert len(rows) == 11 and data["summary"]["current"] == 9
    # Of two assessments of one tool, the latest is current.
    assert rows["scribe-accept.yaml"]["superseded"] is True
    assert rows["reviews/scribe-alpha-2027.yaml"]["superseded"] is False
    assert rows["scribe-accept.yaml"]["needs_action"] is False
    scribe = rows["reviews/scribe-alpha-2027.yaml"]
    assert scribe["review"] == {
        "next_review": "2028-06-01",
        "basis": "decision",
        "state": "scheduled",
        "overdue_conditions": [],
        "open_conditions": 1,
    }
    assert [e["question"] for e in scribe["evidence"]["expired"]] == ["security.penetration_test"]
    dicta = rows["reviews/dictanote-pilot.yaml"]
    assert dicta["accepted_despite_knockout"] is True and dicta["review"]["state"] == "overdue"
    assert [c["text"] for c in dicta["review"]["overdue_conditions"]] == [
        "HDS v2 certificate produced before any patient data is sent"
    ]
    # HDS certificate issued 2024-06-03, no end date: the rule set's 36 months apply.
    triage = rows["reviews/triageplus-2027.yaml"]
    assert triage["evidence"]["expired"][0]["valid_until"] == "2027-06-03"


def test_the_2026_portfolio_golden_says_what_needs_action(cli: Cli, in_root: Path) -> None:
    """Read the day after the assessments: the 2027 files are in the future."""
    result = cli("portfolio", EX, "--rules", RULES, "--today", "2026-12-15", "--format", "json")
    assert result.code == 0, result.err
    golden(
        "portfolio.2026-12-15.json",
        re.sub(r'"sha256": "[0-9a-f]{64}"', '"sha256": "…"', result.out),
    )


def test_every_reject_pending_or_undecided_tool_needs_action(cli: Cli, in_root: Path) -> None:
    data = json.loads(
        cli("portfolio", EX, "--rules", RULES, "--today", "2026-12-15", "--format", "json").out
    )
    rows = {row["file"]: row for row in data["rows"]}
    actions = {f: tuple(r["actions"]) for f, r in rows.items()}
    assert actions == {
        "assistant-reject.yaml": ("reject",),
        "imaging-no-ce-reject.yaml": ("reject",),
        "us-chatbot-reject.yaml": ("reject",),
        "reviews/dictanote-pilot.yaml": ("accepted_despite_knockout", "future_date"),
        "everything-unknown-pending.yaml": ("no_decision",),
        "triage-pending.yaml": ("no_decision",),
        "chatbot-conditional.yaml": ("no_decision",),
        "planner-conditional.yaml": ("no_decision",),
        "scribe-accept.yaml": (),
        "reviews/scribe-alpha-2027.yaml": ("future_date",),
        "reviews/triageplus-2027.yaml": ("future_date",),
    }
    # A future-dated assessment never supersedes the one in force.
    assert rows["scribe-accept.yaml"]["current"] is True
    assert rows["scribe-accept.yaml"]["superseded"] is False
    assert rows["reviews/scribe-alpha-2027.yaml"]["current"] is False
    assert rows["reviews/scribe-alpha-2027.yaml"]["future"] is True
    assert rows["triage-pending.yaml"]["current"] is True
    # A tool assessed only in the future is current, and flagged.
    assert rows["reviews/dictanote-pilot.yaml"]["current"] is True
    summary = data["summary"]
    assert (summary["current"], summary["needs_action"], summary["future"]) == (9, 10, 3)
    assert summary["verdicts"] == {
        "accept": 1,
        "conditional": 2,
        "pending_evidence": 2,
        "reject": 4,
    }
    html = cli("portfolio", EX, "--rules", RULES, "--today", "2026-12-15", "--lang", "en").out
    assert html.count('data-action="1"') == 10
    assert '<span class="flag bad">future date</span>' in html
    assert "reject: record the committee&#39;s decision" in html


def test_a_recorded_rejection_needs_no_action(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tools"
    folder.mkdir()
    rejected = (ROOT / EX / "assistant-reject.yaml").read_text(encoding="utf-8")
    (folder / "rejected.yaml").write_text(
        rejected + "decision:\n  outcome: reject\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
    )
    data = json.loads(
        cli(
            "portfolio", str(folder), "--rules", RULES, "--today", "2026-12-15", "--format", "json"
        ).out
    )
    (row,) = data["rows"]
    assert (row["actions"], row["needs_action"]) == ([], False)
    stale = json.loads(
        cli(
            "portfolio", str(folder), "--rules", RULES, "--today", "2028-01-01", "--format", "json"
        ).out
    )
    assert "stale_rules" in stale["rows"][0]["actions"]


def test_the_portfolio_is_read_on_the_day_given(cli: Cli, in_root: Path) -> None:
    def state(today: str) -> tuple[str, list[str]]:
        data = json.loads(
            cli("portfolio", EX, "--rules", RULES, "--today", today, "--format", "json").out
        )
        row = next(r for r in data["rows"] if r["file"] == "reviews/triageplus-2027.yaml")
        return row["review"]["state"], [e["question"] for e in row["evidence"]["expired"]]

    assert state("2027-04-01") == ("scheduled", [])
    assert state("2027-06-04") == ("scheduled", ["hosting.hds_certified"])
    assert state("2028-02-01") == ("due", ["hosting.hds_certified"])
    assert state("2028-03-11") == ("overdue", ["hosting.hds_certified"])


@pytest.mark.parametrize(
    ("next_review", "state"),
    [
        (None, "none"),
        (dt.date(2027, 12, 14), "overdue"),
        (dt.date(2027, 12, 15), "due"),
        (dt.date(2027, 12, 15) + dt.timedelta(days=DUE_SOON_DAYS), "due"),
        (dt.date(2027, 12, 16) + dt.timedelta(days=DUE_SOON_DAYS), "scheduled"),
    ],
)
def test_review_states(next_review: dt.date | None, state: str) -> None:
    assert _state(next_review, dt.date(2027, 12, 15)) == state


def test_an_unreadable_file_is_listed_and_exits_2(cli: Cli, in_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tools"
    folder.mkdir()
    shutil.copy(ROOT / THREE[0], folder / "a-scribe.yaml")
    (folder / "b-typo.yaml").write_text(
        "ruleset: health-ai@1.0.0\ntool: {name: Typo}\nanswers: {hosting.location: frnace}\n"
    )
    rejected = (ROOT / EX / "assistant-reject.yaml").read_text(encoding="utf-8")
    (folder / "c-unjustified.yaml").write_text(
        rejected + "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
    )
    (folder / ".hidden.yaml").write_text("not: an answers file\n")
    (folder / "notes.txt").write_text("ignored\n")
    result = cli(
        "portfolio", str(folder), "--rules", RULES, "--today", "2027-01-01", "--format", "json"
    )
    assert result.code == 2
    data = json.loads(result.out)
    assert [r["file"] for r in data["rows"]] == ["a-scribe.yaml"]
    assert [Path(e["file"]).name for e in data["errors"]] == ["b-typo.yaml", "c-unjustified.yaml"]
    assert "did you mean 'france'" in data["errors"][0]["problems"][0]
    assert "knockout_justification" in data["errors"][1]["problems"][0]
    assert "b-typo.yaml:3:" in result.err
    html = cli("portfolio", str(folder), "--rules", RULES, "--today", "2027-01-01")
    assert html.code == 2
    assert 'class="errors"' in html.out and "b-typo.yaml" in html.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("no-such-folder",), "no such folder"),
        (("--today", "tomorrow", EX), "--today: 'tomorrow' is not a date"),
    ],
)
def test_portfolio_input_errors(
    cli: Cli, in_root: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli("portfolio", *args, "--rules", RULES)
    assert result.code == 2 and message in result.err


def test_an_empty_folder_is_an_input_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("portfolio", str(tmp_path), "--rules", str(ROOT / RULES))
    assert result.code == 2 and "no .yaml, .yml or .json answers file" in result.err


def test_the_portfolio_page_is_self_contained(
    cli: Cli, in_root: Path, hostile: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copy(hostile, folder / "hostile.yaml")
    html = cli("portfolio", str(folder), "--rules", RULES, "--today", "2027-01-01").out
    assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", html)
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "import(" not in html
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script is not None and style is not None
    assert html.count("<script") == 1  # our own script only; the tool's name is text
    style_src, script_src = csp_hash(style.group(1)), csp_hash(script.group(1))
    assert f"default-src 'none'; style-src '{style_src}'; script-src '{script_src}'" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "\x1b" not in html
    # Readable without JavaScript: the controls only appear when the script runs.
    assert '<div id="controls" class="controls" hidden>' in html


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs a headless chromium")
def test_the_portfolio_script_runs_under_its_policy_in_a_browser(
    cli: Cli, in_root: Path, tmp_path: Path
) -> None:
    page = tmp_path / "index.html"
    assert (
        cli("portfolio", EX, "--rules", RULES, "--today", "2027-12-15", "-o", str(page)).code == 0
    )
    proc = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    dom = proc.stdout
    assert '<table id="portfolio">' in dom, proc.stderr[-2000:]
    # The script ran (the policy allowed it): controls shown, headers turned into sort buttons.
    assert '<div id="controls" class="controls">' in dom
    assert '<th scope="col" data-type="number"><button type="button">Score</button></th>' in dom
