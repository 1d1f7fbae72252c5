"""The `vetting` command line: fast help, versions, exit codes, exports."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, Result
from vetting import __version__
from vetting.assess.answers import load_answers
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.yamlio import load


def test_help_imports_no_heavy_module() -> None:
    """`vetting --help` must stay fast: no prompt toolkit, no templates, no pydantic, no
    renderer."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vetting", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "usage: vetting" in proc.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()}
    assert "vetting" in imported  # the measurement itself works
    heavy_modules = ("prompt_toolkit", "questionary", "pydantic", "yaml", "jinja2")
    renderers = ("weasyprint", "xlsxwriter", "openpyxl")
    for heavy in (*heavy_modules, *renderers):
        assert heavy not in imported, f"`vetting --help` imports {heavy}"


def test_the_first_prompt_waits_for_no_rule_set_module() -> None:
    """What `vetting assess` imports before its first prompt leaves pydantic and YAML to
    the thread that loads the rule set once the prompt is on the screen."""
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import vetting.cli.assess, vetting.interview.prompts, vetting.report",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()}
    assert "questionary" in imported  # the measurement itself works
    for heavy in ("pydantic", "yaml", "jinja2"):
        assert heavy not in imported, f"the first prompt waits for {heavy}"


def test_version(cli: Callable[..., Result]) -> None:
    result = cli("--version")
    assert (result.code, result.out) == (0, f"vetting {__version__}\n")


def test_python_dash_m_runs_the_same_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vetting", "--version"], capture_output=True, text=True
    )
    assert (proc.returncode, proc.stdout) == (0, f"vetting {__version__}\n")


@pytest.mark.parametrize(
    "args",
    [["no-such-command"], ["check", "a", "b"], ["rules"], ["score"], ["rules", "export", "--x"]],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], cli: Callable[..., Result]) -> None:
    result = cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "error:" in result.err


def test_no_command_prints_help(cli: Callable[..., Result]) -> None:
    result = cli()
    assert result.code == 0
    assert "check" in result.out and "score" in result.out


def test_rules_export_describes_compiled_questions(
    cli: Callable[..., Result], in_root: Path
) -> None:
    result = cli("rules", "export", "--format", "json", "--rules", "tests/fixtures/rules/mini")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["ruleset"]["id"] == "mini"
    assert len(data["ruleset"]["sha256"]) == 64
    assert data["ruleset"]["path"] == "tests/fixtures/rules/mini"
    questions = {q["id"]: q for q in data["questions"]}
    location = questions["data.location"]
    assert location["knockout_capable"] is True
    assert location["category"] == "data"
    assert location["when"] == {"is": "patient_data"}
    assert location["reads"] == ["scope.data"]
    assert location["max_points"] == {"risk": 4.0, "mitigation": 2.0}
    assert [c["id"] for c in location["choices"]] == ["eea", "outside_eea"]
    assert questions["scope.data"]["scope"] is True
    assert questions["data.training"]["knockout_capable"] is False
    assert questions["data.training"]["when"]["all"][1] == {
        "question": "data.location",
        "in": ["eea", "outside_eea"],
    }


def test_rules_export_writes_a_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    rules = str(ROOT / "tests/fixtures/rules/mini")
    assert cli("rules", "export", "--rules", rules, "-o", str(target)).code == 0
    assert json.loads(target.read_text())["id"] == "mini"


def _as_json(value: object) -> object:
    return json.loads(json.dumps(value, default=str))


def test_schema_validates_every_shipped_rule_file(cli: Callable[..., Result]) -> None:
    result = cli("rules", "schema")
    schema = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "rules").glob("*/*.yaml")) + sorted(
        (ROOT / "tests/fixtures/rules/mini").glob("*.yaml")
    )
    assert len(files) > 3
    for path in files:
        errors = list(validator.iter_errors(_as_json(load(path).data)))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_rejects_a_broken_file(cli: Callable[..., Result]) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(cli("rules", "schema").out))
    bad = load(ROOT / "tests/fixtures/rules/broken/unknown_field/questions.yaml").data
    assert list(validator.iter_errors(_as_json(bad)))


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["scor", "x.yaml"], "invalid choice: 'scor' (did you mean 'score'?)"),
        (["rules", "exprot"], "invalid choice: 'exprot' (did you mean 'export'?)"),
        (["score", "x.yaml", "--fail-onn", "high"], "(did you mean '--fail-on'?)"),
        (["score", "x.yaml", "--format", "jsn"], "invalid choice: 'jsn' (did you mean 'json'?)"),
        (["report", "x.yaml", "--templtes", "t"], "(did you mean '--templates'?)"),
    ],
)
def test_a_mistyped_command_choice_or_flag_gets_a_did_you_mean(
    args: list[str], hint: str, cli: Callable[..., Result]
) -> None:
    result = cli(*args)
    assert result.code == 2
    assert hint in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--fail-on", "high"],  # a flag of `score`
        ["decide", "x.yaml", "--jobs", "2"],  # a flag of `score`
        ["rules", "schema", "--lang", "fr"],  # a flag of `rules doc`
    ],
)
def test_a_flag_of_another_command_is_never_proposed(
    args: list[str], cli: Callable[..., Result]
) -> None:
    """`did you mean '--draft'?` for `--draft` itself would send the user round in a
    circle: only the command's own flags are proposed."""
    result = cli(*args)
    assert result.code == 2
    flag = next(arg for arg in args if arg.startswith("--"))
    assert f"unrecognized arguments: {flag}" in result.err
    assert "did you mean" not in result.err


def test_a_nested_command_proposes_its_own_flags(cli: Callable[..., Result]) -> None:
    result = cli("rules", "doc", "--legl-basis")
    assert result.code == 2
    assert "(did you mean '--legal-basis'?)" in result.err


@pytest.mark.parametrize(
    "command",
    [
        ["assess"],
        ["decide", "a.yaml"],
        ["report", "a.yaml"],
        ["checklist"],
        ["import-checklist", "a.xlsx"],
        ["rules", "export"],
        ["rules", "schema"],
        ["rules", "doc"],
        ["compare", "a.yaml"],
        ["diff", "a.yaml", "b.yaml"],
        ["portfolio", "dir"],
    ],
)
@pytest.mark.parametrize("flag", ["-o", "--out", "--output"])
def test_every_command_that_writes_takes_o_and_out(command: list[str], flag: str) -> None:
    from vetting.cli import build_parser

    args = build_parser().parse_args([*command, flag, "somewhere"])
    assert args.output == "somewhere"


@pytest.mark.parametrize(
    ("args", "reads"),
    [
        (("report", "a.yaml", "-o", "out"), 1),
        (("checklist", "--scope", "a.yaml", "-o", "c.xlsx"), 1),
        (("score", "a.yaml"), 1),
        (("compare", "a.yaml", "a.yaml"), 2),
        (("diff", "a.yaml", "a.yaml"), 2),
        (("portfolio", "."), 1),
    ],
)
def test_every_command_prints_an_answers_file_s_warnings_alike(
    cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    health_ai: CompiledRuleSet,
    args: tuple[str, ...],
    reads: int,
) -> None:
    """Answers written for an older rule set, with a question since removed: warnings, the
    same lines whichever command reads the file."""
    text = (ROOT / "examples" / "health-ai" / "scribe-accept.yaml").read_text(encoding="utf-8")
    text = text.replace("ruleset: health-ai@3.0.0", "ruleset: health-ai@1.0.0")
    (tmp_path / "a.yaml").write_text(text.replace("answers:\n", "answers:\n  gone: x\n", 1))
    monkeypatch.chdir(tmp_path)
    _, warnings = load_answers(Path("a.yaml"), health_ai, display="a.yaml")
    assert len(warnings) >= 2  # the question removed, the rule set's version
    result = cli(*args, "--rules", str(ROOT / "rules" / "health-ai"))
    assert result.code == 0, result.err
    printed = [line for line in result.err.splitlines() if ": warning: " in line]
    assert printed == [problem.warning() for problem in warnings] * reads
