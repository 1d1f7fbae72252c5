"""`vetting score`: many files in one run, a stable JSON contract, CI exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import FIXTURES, ROOT, Result
from vetting.assess.assessment import assessment_schema

CLINIC = str(FIXTURES / "scoring" / "clinic")
HEAD = "ruleset: clinic@1.0.0\ndate: 2026-01-01\n"
SCOPE = "  scope.patient_data: [identifiable]\n  scope.deployment: vendor_saas\n"
# Level moderate (20.8), verdict conditional: see tests/test_score.py for the arithmetic.
MODERATE = (
    HEAD + 'tool: {name: "Scribe", version: "3.2"}\nanswers:\n' + SCOPE + "  data.hosting: eea\n"
    "  data.hds: 'yes'\n  data.training: opt_out\n  data.training_scope: deidentified\n"
    "  ops.oversight: sometimes\n  ops.safeguards: [audit_log, encryption]\n  ops.uptime: 99.5\n"
)
REJECT = MODERATE.replace("data.hosting: eea", "data.hosting: outside_eea").replace(
    "Scribe", "Hoster"
)
ACCEPT = (
    HEAD + "tool: {name: Calm}\nanswers:\n" + SCOPE + "  data.hosting: eea\n  data.hds: 'yes'\n"
    "  data.training: never\n  data.dpa_date: 2025-01-01\n  ops.oversight: always\n"
    "  ops.safeguards: [audit_log, encryption, pentest]\n  ops.uptime: 99\n"
)
PENDING = ACCEPT.replace("data.hds: 'yes'", "data.hds: unknown").replace("Calm", "Vague")


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four answer files in the current folder, one per verdict."""
    monkeypatch.chdir(tmp_path)
    for name, text in {
        "accept.yaml": ACCEPT,
        "moderate.yaml": MODERATE,
        "pending.yaml": PENDING,
        "reject.yaml": REJECT,
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


Cli = Callable[..., Result]


def test_a_text_summary_table_by_default(cli: Cli, files: Path) -> None:
    result = cli(
        "score", "moderate.yaml", "reject.yaml", "accept.yaml", "--rules", CLINIC, "--lang", "en"
    )
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "file           tool        verdict      level     points level  score  KO  complete\n"
        "moderate.yaml  Scribe 3.2  conditional  moderate  moderate       20.8   0    90.0 %\n"
        "reject.yaml    Hoster 3.2  reject       critical  high           52.1   1    90.0 %\n"
        "accept.yaml    Calm        accept       low       low             0.0   0   100.0 %\n"
        "3 files: 1 accept, 1 conditional, 1 reject\n"
        "Score from 0 (no risk found) to 100 (every risk). Level: the score's band, raised by "
        "what was found (a knock-out: critical; a knock-out pending evidence: high; a high or "
        "critical finding: high).\n"
    )


@pytest.mark.parametrize(
    ("how", "header"),
    [
        (("--lang", "fr"), "fichier"),
        ((), "fichier"),  # LANG=fr_FR.UTF-8 below
    ],
)
def test_the_table_speaks_french(
    cli: Cli, files: Path, monkeypatch: pytest.MonkeyPatch, how: tuple[str, ...], header: str
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = cli("score", "moderate.yaml", "--rules", CLINIC, *how)
    lines = result.out.splitlines()
    assert lines[0].split() == [
        header,
        "outil",
        "verdict",
        "niveau",
        "niveau",
        "des",
        "points",
        "score",
        "bloquants",
        "complétude",
    ]
    assert "acceptable sous conditions" in lines[1] and "20,8" in lines[1]


def test_json_for_one_file_is_one_object_with_the_contract(cli: Cli, files: Path) -> None:
    result = cli("score", "reject.yaml", "--rules", CLINIC, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    jsonschema.validate(data, assessment_schema())
    assert data["vetting_score"] == 2
    assert data["ruleset"]["id"] == "clinic" and len(data["ruleset"]["sha256"]) == 64
    assert data["ruleset"]["path"] == CLINIC
    assert data["source"] == "reject.yaml"
    assert (data["verdict"], data["level"], data["points_level"], data["score"]) == (
        "reject",
        "critical",
        "high",
        52.1,
    )
    assert data["level_raised_by"] == [
        {"kind": "knockout", "level": "critical", "ids": ["data.hosting=outside_eea"]}
    ]
    assert data["tool"] == {"name": "Hoster", "vendor": None, "version": "3.2", "url": None}
    # (15 + 6 + 2) of 39; the data section holds the knock-out: its level is critical.
    assert [(c["id"], c["score"], c["points_level"], c["level"]) for c in data["categories"]] == [
        ("data", 59.0, "high", "critical"),
        ("ops", 22.2, "moderate", "moderate"),
    ]
    assert [(k["id"], k["questions"][0]) for k in data["knockouts"]] == [
        ("data.hosting=outside_eea", "data.hosting")
    ]
    assert data["findings"][0]["severity"] == "blocker"
    assert data["unanswered"] == ["data.dpa_date"]
    assert data["not_applicable"] == []
    assert data["completeness"] == 90.0
    assert data["assessment_date"] == "2026-01-01"
    whatif = data["explanation"]["what_would_change"][0]
    assert whatif["changes"] == [
        {"question": "data.hosting", "from": "outside_eea", "to": "adequacy"}
    ]


def test_json_for_several_files_is_an_array_in_the_order_given(cli: Cli, files: Path) -> None:
    result = cli("score", "reject.yaml", "accept.yaml", "--rules", CLINIC, "--format", "json")
    data = json.loads(result.out)
    assert [item["source"] for item in data] == ["reject.yaml", "accept.yaml"]
    for item in data:
        jsonschema.validate(item, assessment_schema())


def test_jsonl_is_one_object_per_line(cli: Cli, files: Path) -> None:
    result = cli("score", ".", "--rules", CLINIC, "--format", "jsonl")
    lines = result.out.splitlines()
    assert [json.loads(line)["verdict"] for line in lines] == [
        "accept",
        "conditional",
        "pending_evidence",
        "reject",
    ]


def test_folders_are_searched_recursively_in_order(cli: Cli, files: Path) -> None:
    nested = files / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "z.json").write_text(
        json.dumps({"ruleset": "clinic", "tool": {"name": "J"}, "date": "2026-01-01"})
    )
    (files / ".hidden.yaml").write_text("not: an answers file\n")
    (files / "notes.txt").write_text("ignored\n")
    (files / "dangling.yaml").symlink_to(files / "gone.yaml")
    os.mkfifo(files / "pipe.yaml")  # would block the run if it were opened
    result = cli("score", ".", "--rules", CLINIC, "--format", "jsonl")
    assert result.code == 0, result.err
    assert [json.loads(line)["source"] for line in result.out.splitlines()] == [
        "accept.yaml",
        "moderate.yaml",
        "more/deeper/z.json",
        "pending.yaml",
        "reject.yaml",
    ]


def test_an_unreadable_file_is_reported_and_the_others_scored(cli: Cli, files: Path) -> None:
    (files / "typo.yaml").write_text(HEAD + "tool: {name: T}\nanswers: {data.hosting: eeaa}\n")
    result = cli(
        "score", "accept.yaml", "typo.yaml", "missing.yaml", "--rules", CLINIC, "--format", "json"
    )
    assert result.code == 2
    assert result.err == (
        "typo.yaml:4:11: answers.data.hosting: 'eeaa' is not a choice of 'data.hosting' "
        "(did you mean 'eea'?)\n"
        "missing.yaml: file not found\n"
    )
    data = json.loads(result.out)
    assert [item["source"] for item in data] == ["accept.yaml", "typo.yaml", "missing.yaml"]
    assert data[0]["verdict"] == "accept"
    assert data[1] == {
        "vetting_score": 2,
        "source": "typo.yaml",
        "errors": [
            "typo.yaml:4:11: answers.data.hosting: 'eeaa' is not a choice of 'data.hosting' "
            "(did you mean 'eea'?)"
        ],
    }


@pytest.mark.parametrize(
    ("gate", "code"),
    [
        ("low", 1),
        ("moderate", 1),
        ("high", 0),
        ("critical", 0),
        ("accept", 1),
        ("conditional", 1),
        ("pending_evidence", 0),
        ("pending-evidence", 0),
        ("reject", 0),
    ],
)
def test_fail_on_a_level_or_a_verdict(cli: Cli, files: Path, gate: str, code: int) -> None:
    result = cli("score", "accept.yaml", "moderate.yaml", "--rules", CLINIC, "--fail-on", gate)
    assert result.code == code
    if code:
        assert result.err.startswith(f"--fail-on {gate}: ")


def test_fail_on_uses_the_order_of_verdicts(cli: Cli, files: Path) -> None:
    assert cli("score", "pending.yaml", "--rules", CLINIC, "--fail-on", "conditional").code == 1
    assert (
        cli("score", "pending.yaml", "--rules", CLINIC, "--fail-on", "pending_evidence").code == 1
    )
    assert cli("score", "pending.yaml", "--rules", CLINIC, "--fail-on", "reject").code == 0
    assert cli("score", "reject.yaml", "--rules", CLINIC, "--fail-on", "reject").code == 1


HEALTH_AI = ROOT / "examples" / "health-ai"


@pytest.mark.parametrize("gate", ["low", "moderate", "high", "critical"])
def test_a_knockout_fails_every_level_gate_whatever_its_points(cli: Cli, gate: str) -> None:
    """Four knock-outs and 11 / 100: the points band is low, the level is critical."""
    path = str(HEALTH_AI / "assistant-reject.yaml")
    result = cli("score", path, "--fail-on", gate, "--rules", str(ROOT / "rules" / "health-ai"))
    assert result.code == 1, result.err
    assert result.err.endswith(f"--fail-on {gate}: 1 of 1 reached it: {path}\n")


@pytest.mark.parametrize(
    "path", sorted(HEALTH_AI.rglob("*.yaml")), ids=lambda p: p.relative_to(HEALTH_AI).as_posix()
)
def test_the_schema_validates_every_example(cli: Cli, path: Path) -> None:
    rules = str(ROOT / "rules" / "health-ai")
    result = cli("score", str(path), "--format", "json", "--rules", rules)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.validate(data, assessment_schema())
    if data["verdict"] == "reject":
        assert data["level"] == "critical"
        assert [r["kind"] for r in data["level_raised_by"]][:1] in (["knockout"], [])
    assert {c["level"] for c in data["categories"]} <= {"low", "moderate", "high", "critical"}


def test_an_unknown_gate_is_a_usage_error(cli: Cli, files: Path) -> None:
    result = cli("score", "accept.yaml", "--rules", CLINIC, "--fail-on", "rejected")
    assert result.code == 2
    assert "'rejected' is neither a level" in result.err
    assert "(did you mean 'reject'?)" in result.err
    assert result.out == ""


def test_an_unreadable_file_wins_over_a_failed_gate(cli: Cli, files: Path) -> None:
    result = cli("score", "reject.yaml", "missing.yaml", "--rules", CLINIC, "--fail-on", "reject")
    assert result.code == 2


def test_answers_of_a_rule_set_not_found_get_one_line_and_the_others_are_scored(
    cli: Cli, files: Path
) -> None:
    (files / "other.yaml").write_text("ruleset: ghost@1.0.0\ntool: {name: T}\n")
    result = cli("score", "accept.yaml", "other.yaml", "reject.yaml", "--rules", CLINIC)
    assert result.code == 2
    assert result.err.splitlines() == [
        "other.yaml:1:1: ruleset: no rule set found for 'ghost@1.0.0' (found: clinic 1.0.0) "
        "(give its folder with --rules DIR, or put it in ./rules/ghost/)"
    ]
    table = result.out.splitlines()
    assert [line.split()[0] for line in table[1:4]] == ["accept.yaml", "other.yaml", "reject.yaml"]
    assert "error" in table[2] and "reject" in table[3]


def _clinic_as(tmp: Path, version: str, changelog: str = "") -> str:
    """A copy of the clinic rule set at another version, with a changelog."""
    folder = tmp / f"clinic-{version}"
    shutil.copytree(CLINIC, folder)
    manifest = folder / "ruleset.yaml"
    text = manifest.read_text(encoding="utf-8").replace("version: 1.0.0", f"version: {version}")
    manifest.write_text(text + changelog, encoding="utf-8")
    return str(folder)


def test_another_version_warns_unless_strict(cli: Cli, files: Path, tmp_path: Path) -> None:
    newer = _clinic_as(tmp_path, "1.1.0")
    loose = cli("score", "accept.yaml", "--rules", newer)
    assert loose.code == 0
    assert loose.err.startswith("accept.yaml:1:1: warning: ruleset: these answers were written")
    assert "clinic 1.1.0 (answers 1.0.0)" in loose.out
    strict = cli("score", "accept.yaml", "--rules", newer, "--strict")
    assert strict.code == 2
    assert strict.err.startswith("accept.yaml:1:1: ruleset: these answers were written")


def test_each_file_is_scored_with_its_own_rule_set_in_input_order(
    cli: Cli, files: Path, tmp_path: Path
) -> None:
    health = ROOT / "examples" / "health-ai" / "scribe-accept.yaml"
    (files / "scribe.yaml").write_text(health.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(
        "score",
        "--rules",
        CLINIC,
        "--rules",
        str(ROOT / "rules" / "health-ai"),
        "reject.yaml",
        "scribe.yaml",
        "accept.yaml",
        "--format",
        "jsonl",
    )
    assert result.code == 0 or result.code == 1, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["source"], r["ruleset"]["id"]) for r in rows] == [
        ("reject.yaml", "clinic"),
        ("scribe.yaml", "health-ai"),
        ("accept.yaml", "clinic"),
    ]
    table = cli("score", "--rules", CLINIC, "reject.yaml", "scribe.yaml").out
    assert "rule set" in table.splitlines()[0]
    assert "health-ai 3.0.0" in table and "clinic 1.0.0" in table


@pytest.mark.parametrize(
    ("version", "changelog", "used"),
    [
        # Across a major version: only when the changelog documents it.
        ("2.0.0", "changelog:\n  - version: 2.0.0\n    changed: [data.training]\n", "2.0.0"),
        ("2.0.0", "", None),
    ],
)
def test_a_newer_major_version_reads_old_answers_only_through_its_changelog(
    cli: Cli, files: Path, tmp_path: Path, version: str, changelog: str, used: str | None
) -> None:
    newer = _clinic_as(tmp_path, version, changelog)
    result = cli("score", "accept.yaml", "--rules", newer, "--format", "jsonl")
    if used is None:
        assert result.code == 2
        assert "no rule set found for 'clinic@1.0.0' (found: clinic 2.0.0)" in result.err
        return
    row = json.loads(result.out)
    assert (row["ruleset"]["version"], row["ruleset"]["written_for"]) == (used, "1.0.0")
    # The answer whose meaning changed is not counted: the tool is no longer "accept".
    assert "data.training" in row["unanswered"]
    assert row["verdict"] != "accept"


def test_the_exact_version_is_used_when_the_newer_cannot_read_the_answers(
    cli: Cli, files: Path, tmp_path: Path
) -> None:
    newer = _clinic_as(tmp_path, "2.0.0")
    result = cli("score", "accept.yaml", "--rules", newer, "--rules", CLINIC, "--format", "jsonl")
    row = json.loads(result.out)
    assert (row["ruleset"]["version"], row["ruleset"]["written_for"]) == ("1.0.0", None)


def test_an_empty_folder_is_an_input_error(cli: Cli, files: Path) -> None:
    (files / "empty").mkdir()
    result = cli("score", "empty", "accept.yaml", "--rules", CLINIC, "--format", "jsonl")
    assert result.code == 2
    assert result.err == "empty: no .yaml, .yml or .json answers file in this folder\n"
    assert [json.loads(line)["source"] for line in result.out.splitlines()] == [
        "empty",
        "accept.yaml",
    ]


def test_output_is_deterministic(cli: Cli, files: Path) -> None:
    first = cli("score", ".", "--rules", CLINIC, "--format", "json")
    second = cli("score", ".", "--rules", CLINIC, "--format", "json")
    assert first.out == second.out


def test_score_imports_no_template_or_prompt_module(files: Path) -> None:
    command = [sys.executable, "-X", "importtime", "-m", "vetting", "score", "accept.yaml"]
    proc = subprocess.run(
        [*command, "--rules", CLINIC],
        capture_output=True,
        text=True,
        check=False,
        cwd=files,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()}
    assert "vetting" in imported
    for heavy in ("jinja2", "questionary", "prompt_toolkit"):
        assert heavy not in imported, f"`vetting score` imports {heavy}"


def test_the_documented_schema_is_the_generated_one() -> None:
    documented = json.loads((ROOT / "docs" / "score-json.schema.json").read_text(encoding="utf-8"))
    assert documented == assessment_schema(), "regenerate docs/score-json.schema.json"


def test_every_field_of_the_contract_is_documented() -> None:
    doc = (ROOT / "docs" / "score-json.md").read_text(encoding="utf-8")
    for name in assessment_schema()["properties"]:
        assert f"`{name}`" in doc, f"docs/score-json.md does not describe `{name}`"


@pytest.mark.parametrize("command", ["compare", "diff"])
def test_compare_and_diff_say_when_files_were_scored_with_different_rule_sets(
    cli: Cli, files: Path, command: str
) -> None:
    health = ROOT / "examples" / "health-ai" / "scribe-accept.yaml"
    (files / "scribe.yaml").write_text(health.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(command, "accept.yaml", "scribe.yaml", "--rules", CLINIC, "--lang", "en")
    assert result.code in (0, 1), result.err
    assert (
        "clinic 1.0.0, health-ai 3.0.0 (the files were scored with different rule sets; the "
        "question-by-question rows follow " in " ".join(result.out.split())
    )
    same = cli(command, "accept.yaml", "reject.yaml", "--rules", CLINIC, "--lang", "en")
    assert "different rule sets" not in same.out
