"""`vetting assess` end to end, in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.conftest import FIXTURES
from vetting.assess.answers import load_answers
from vetting.ruleset.api import load_ruleset

MINI = str(FIXTURES / "rules" / "mini")
DOWN, UP = "\x1b[B", "\x1b[A"
#: How `python -m vetting` is shown in the hints (the command as the user typed it).
PROG = f"{sys.executable} -m vetting"


def spawn(
    args: list[str],
    cwd: Path,
    lang: str = "en_GB.UTF-8",
    size: tuple[int, int] = (40, 120),
    command: str = "assess",
) -> pexpect.spawn:
    rows, cols = size
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "LANG": lang,
        "LC_ALL": lang,
        "TERM": "xterm",
        "COLUMNS": str(cols),
        "LINES": str(rows),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "vetting", command, *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=size,
    )
    return child


def answer_tool(child: pexpect.spawn, name: str = "Scribe Santé") -> None:
    for prompt, reply in [
        ("Name of the tool|Nom de l'outil", name),
        ("endor", "Acme"),
        ("ersion", ""),
        ("name or role|nom ou fonction", ""),
    ]:
        child.expect(prompt)
        child.sendline(reply)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else -(child.signalstatus or 0))


def saved(path: Path) -> dict[str, object]:
    answers, _ = load_answers(path, load_ruleset(MINI))
    return dict(answers.answers)


def test_whole_questionnaire_then_verdict(tmp_path: Path) -> None:
    child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(child)
    child.expect("Which data")
    child.send(UP + UP + "\r")  # patient data
    child.expect("Where are the data")
    child.send(UP + "\r")  # outside the EEA: a knock-out
    child.expect("Note")
    child.sendline("Hosting annex, p. 4")
    child.expect("Evidence seen")
    child.send("\r")
    child.expect("used for training")
    child.send(UP + UP + "\r")
    child.expect("Evidence seen")
    child.send("\r")
    child.expect("Verdict: REJECT")
    child.expect("decision now")
    child.send("\r")  # later
    child.expect("To record the committee's decision")
    assert finish(child) == 0
    assert not list(tmp_path.glob(".*.lock"))  # a normal exit leaves no lock file
    path = tmp_path / "scribe-sante.answers.yaml"
    assert saved(path) == {
        "scope.data": "patients",
        "data.location": "outside_eea",
        "data.training": "no",
    }
    assert "Hosting annex, p. 4" in path.read_text(encoding="utf-8")


def test_ctrl_c_saves_prints_resume_command_and_resume_finishes(tmp_path: Path) -> None:
    child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(child, "Scribe")
    child.expect("Which data")
    child.send(UP + UP + "\r")
    child.expect("Where are the data")
    child.sendcontrol("c")
    child.expect("To resume:")
    child.expect_exact(f"{PROG} assess --answers scribe.answers.yaml --lang en --rules ")
    assert finish(child) == 130
    path = tmp_path / "scribe.answers.yaml"
    assert saved(path) == {"scope.data": "patients"}

    assert not list(tmp_path.glob(".*.lock"))  # Ctrl-C is a normal exit too

    child = spawn(["--rules", MINI, "--lang", "en", "--answers", str(path)], tmp_path)
    child.expect("Where are the data")  # only what is missing
    child.send(UP + UP + "\r")
    child.expect("Evidence seen")
    child.send("\r")
    child.expect("used for training")
    child.send(UP + UP + "\r")
    child.expect("Evidence seen")
    child.send("\r")
    child.expect("Verdict: ACCEPT")
    child.expect("decision now")
    child.send("\r")
    assert finish(child) == 0
    assert saved(path) == {"scope.data": "patients", "data.location": "eea", "data.training": "no"}


def test_sigterm_saves_like_ctrl_c(tmp_path: Path) -> None:
    child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(child, "Scribe")
    child.expect("Which data")
    child.send(UP + UP + "\r")
    child.expect("Where are the data")
    child.kill(15)
    assert finish(child) == 130
    assert saved(tmp_path / "scribe.answers.yaml") == {"scope.data": "patients"}


def test_french_locale_gives_french_questionnaire(tmp_path: Path) -> None:
    child = spawn(["--rules", MINI], tmp_path, lang="fr_FR.UTF-8")
    child.expect("Nom de l'outil")
    child.sendcontrol("c")
    assert finish(child) == 130


def test_existing_answers_file_is_resumed_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "scribe.answers.yaml"
    path.write_text(
        "ruleset: mini@0.1.0\ntool: {name: Scribe}\nanswers:\n  scope.data: none\n",
        encoding="utf-8",
    )
    child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(child, "Scribe")
    child.expect("Verdict")
    child.expect("decision now")
    child.send("\r")
    assert finish(child) == 0
    assert saved(path) == {"scope.data": "none"}


@pytest.mark.parametrize("stdin", ["devnull", "silent_pipe"])
def test_not_a_terminal_points_to_vetting_score(stdin: str, tmp_path: Path) -> None:
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vetting", "assess", "--lang", "en"],
        stdin=subprocess.DEVNULL if stdin == "devnull" else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    _, err = proc.communicate(timeout=20)  # an open, silent pipe must not hang
    assert proc.returncode == 2
    assert f"{PROG} score" in err
    assert len(err.strip().splitlines()) == 1
    assert time.monotonic() - start < 20


def test_kill_9_between_answers_loses_nothing_answered(tmp_path: Path) -> None:
    child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(child, "Scribe")
    child.expect("Which data")
    child.send(UP + UP + "\r")
    child.expect("Where are the data")
    child.send(UP + UP + "\r")
    child.expect("Evidence seen")
    child.send("\r")
    child.expect("used for training")  # two answers given; the third is being asked
    child.kill(9)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == 9
    assert saved(tmp_path / "scribe.answers.yaml") == {
        "scope.data": "patients",
        "data.location": "eea",
    }
    # and the file is not left locked: a new session resumes it
    again = spawn(["--rules", MINI, "--lang", "en", "--answers", "scribe.answers.yaml"], tmp_path)
    again.expect("used for training")
    again.send("\r")  # unknown
    again.expect("Note")
    again.send("\r")
    again.expect("Verdict")
    again.expect("decision now")
    again.send("\r")
    assert finish(again) == 0


def test_a_second_session_on_the_same_file_is_refused(tmp_path: Path) -> None:
    first = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
    answer_tool(first, "Scribe")
    first.expect("Which data")
    second = spawn(["--rules", MINI, "--lang", "en", "--answers", "scribe.answers.yaml"], tmp_path)
    second.expect("already open in another vetting session")
    assert finish(second) == 2
    first.send(UP + UP + "\r")
    first.expect("Where are the data")
    first.sendcontrol("c")
    assert finish(first) == 130
    assert saved(tmp_path / "scribe.answers.yaml") == {"scope.data": "patients"}
