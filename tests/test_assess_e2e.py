"""`vetting assess` end to end, in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.conftest import FIXTURES, ROOT
from vetting.assess.answers import load_answers
from vetting.ruleset.api import load_ruleset

pytestmark = pytest.mark.slow  # the questionnaire in a real pseudo-terminal

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
) -> pexpect.spawn[str]:
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


def answer_tool(child: pexpect.spawn[str], name: str = "Scribe Santé") -> None:
    for prompt, reply in [
        ("Name of the tool|Nom de l'outil", name),
        ("endor|Fournisseur", "Acme"),
        ("ersion", ""),
        ("name or role|nom ou fonction", ""),
    ]:
        child.expect(prompt)
        child.sendline(reply)


def finish(child: pexpect.spawn[str]) -> int:
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
    child.expect("Every relevant question has an answer.")
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
    proc = subprocess.Popen(
        [sys.executable, "-m", "vetting", "assess", "--lang", "en"],
        stdin=subprocess.DEVNULL if stdin == "devnull" else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    # The pipe stays open and silent until the process has exited: it must not wait on it
    # (communicate() would close it first, and test an end of input instead). What it
    # prints is one line, far below a pipe's buffer: waiting before reading cannot block.
    code = proc.wait(timeout=60)  # a guard against a hang only
    assert proc.stderr is not None
    err = proc.stderr.read()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    assert code == 2
    assert f"{PROG} score" in err
    assert len(err.strip().splitlines()) == 1


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


# ------------------------------------------------------------------ the screen as a person sees it

ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\r")


def plain(stream: str) -> str:
    """What a terminal stream says, without its control sequences."""
    return ESCAPES.sub("", stream)


def screen_text(stream: str, size: tuple[int, int]) -> list[str]:
    """The lines on the screen of a terminal of `size` after `stream`."""
    rows, cols = size
    screen = pyte.Screen(cols, rows)
    pyte.Stream(screen).feed(stream)
    return [line.rstrip() for line in screen.display]


def shown_whole(label: str, lines: list[str]) -> bool:
    """Whether `label` is on the screen in full, its lines wrapped between words."""
    joined = " ".join(" ".join(line.split()) for line in lines)
    return " ".join(label.split()) in joined


def _answers_file(path: Path, answers: dict[str, object]) -> None:
    lines = ["ruleset: health-ai", "tool: {name: Scribe}", "answers:"]
    lines += [f"  {qid}: {value}" for qid, value in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_choice_of_a_long_question_is_shown_whole_at_80_columns(
    tmp_path: Path, lang: str
) -> None:
    """hosting.hds_certified has choices of 150 characters and more: none is clipped."""
    path = tmp_path / "scribe.answers.yaml"
    _answers_file(path, {"scope.patient_data": "[identifiable]"})
    size = (24, 80)
    child = spawn(
        ["--answers", path.name, "--lang", lang, "--review", "hosting.hds_certified"],
        tmp_path,
        size=size,
    )
    seen = io.StringIO()
    child.logfile_read = seen
    question = load_ruleset(ROOT / "rules" / "health-ai").question_by_id["hosting.hds_certified"]
    child.expect("← Question précédente" if lang == "fr" else "← Previous question")  # last row
    # The last column is the list's scrollbar (its arrows); labels wrap before it.
    lines = [line[: size[1] - 1].rstrip() for line in screen_text(seen.getvalue(), size)]
    assert any(line.endswith("^") for line in screen_text(seen.getvalue(), size))
    for choice in question.choices:
        assert shown_whole(choice.label[lang], lines), choice.label[lang]
    assert shown_whole(question.text[lang], lines)
    child.sendcontrol("c")
    assert finish(child) == 130


# A prompt starts where its application turns bracketed paste on: once per prompt.
PROMPT_START = "\x1b[?2004h"
#: The first line of a prompt, after its "?" mark.
FIRST_LINE = r"\?\x1b\[[0-9;]*m ([^\x1b]*)"
#: The question under a list prompt's header.
QUESTION_LINE = r"\n\x1b\[[0-9;]*m  ([^\x1b]*)"
#: Words of the English interface that no French screen may show.
ENGLISH = (
    "the", "and", "done", "selection", "selections", "Answer", "Previous", "Why", "know",
    "vendor", "did", "not", "saved", "Enter", "Space", "tick", "move", "choose", "resume",
    "Level", "pending", "evidence", "Evidence", "decided", "yet", "Reports", "written", "Top",
    "findings", "warning", "Use", "arrow", "keys", "Record", "Later", "Decision", "Yes", "No",
)  # fmt: skip


def matched(child: pexpect.spawn[str]) -> str:
    """The first group of what the last `expect` matched."""
    assert isinstance(child.match, re.Match)
    return str(child.match.group(1))


def prompts(child: pexpect.spawn[str]) -> Iterator[str]:
    """The first line of each prompt, as it comes, until the program ends."""
    while child.expect_exact([PROMPT_START, pexpect.EOF]) == 0:
        child.expect(FIRST_LINE)
        yield matched(child).strip()


def english_words(text: str) -> list[str]:
    # Whole words, accented letters included: "noté" is French, not "not" and "é".
    return sorted({w for w in re.findall(r"[^\W\d_]+", text) if w in ENGLISH})


def test_pressing_enter_through_a_fresh_french_assessment_never_accepts(tmp_path: Path) -> None:
    """Nothing chosen, nothing recorded as favourable: every answer is unknown, the verdict
    pending evidence, and the screen holds no English."""
    child = spawn(["--lang", "fr"], tmp_path, lang="fr_FR.UTF-8", size=(24, 80))
    seen = io.StringIO()
    child.logfile_read = seen
    count = 0
    for first in prompts(child):
        child.send("Scribe\r" if first.startswith("Nom de l'outil") else "\r")
        count += 1
    child.close()
    assert child.exitstatus == 0
    answers, _ = load_answers(tmp_path / "scribe.answers.yaml", load_ruleset())
    assert count > len(answers.answers) > 50
    assert set(answers.answers.values()) == {"unknown"}
    said = " ".join(plain(seen.getvalue()).split())
    assert "Verdict : EN ATTENTE DE PREUVES" in said
    # Unknown answers are not answers: the end says how many, never "all answered".
    assert f"{len(answers.answers)} questions pertinentes restent sans réponse connue" in said
    assert "ont une réponse." not in said
    assert english_words(plain(seen.getvalue())) == []


def test_a_full_french_run_shows_no_english(tmp_path: Path) -> None:
    """Ticks, "why we ask", evidence and the decision, all in French."""
    child = spawn(["--lang", "fr"], tmp_path, lang="fr_FR.UTF-8", size=(24, 80))
    seen = io.StringIO()
    child.logfile_read = seen
    helped = False
    replies = {
        "Nom de l'outil": "Scribe\r",
        "Preuve vue": "Annexe 3, p. 4\r",
        "Date d'émission": "2026-01-01\r",
        "Verdict : ": DOWN + "\r",  # "Verdict : ... Enregistrer maintenant la décision ?"
        "Décidé par": "Comité du numérique en santé\r",
        "Membre n° 1": "Dr Claire Martin\r",
        "Fonction du membre n° 1": "présidente de la CME\r",
        "Motifs de la décision": "Preuves attendues du fournisseur\r",
    }
    for first in prompts(child):
        question = ""
        if "/" in first:  # a question: its header, then its text
            child.expect(QUESTION_LINE)
            question = matched(child)
        if question.startswith("À quoi l'IA servira") and not helped:
            # tick the last two uses, then open "why we ask": the ticks must survive
            child.send(UP + " " + UP + " " + DOWN * 3 + "\r")
            helped = True
        elif question.startswith("Dans quels pays"):
            child.send(UP + "\r")
        else:
            child.send(next((keys for key, keys in replies.items() if first.startswith(key)), "\r"))
    child.close()
    assert child.exitstatus == 0
    text = plain(seen.getvalue())
    answers, _ = load_answers(tmp_path / "scribe.answers.yaml", load_ruleset())
    assert answers.answers["scope.use"] == ["research", "general_assistant"]
    assert "Pourquoi cette question ──" in text
    assert answers.evidence["hosting.location"].text == "Annexe 3, p. 4"
    assert answers.evidence["hosting.location"].issued == dt.date(2026, 1, 1)
    assert answers.decision is not None and answers.decision.outcome == "reject"
    assert [(m.name, m.role) for m in answers.decision.members] == [
        ("Dr Claire Martin", "présidente de la CME")
    ]
    assert english_words(text) == []


# ------------------------------------------------------------------ the lock and the file names


def test_a_planted_lock_link_never_touches_the_file_it_points_to(tmp_path: Path) -> None:
    """A committed `.x.answers.yaml.lock -> other.answers.yaml` is not written through."""
    other = tmp_path / "other.answers.yaml"
    other.write_text("ruleset: mini\ntool: {name: Other}\nanswers: {}\n", encoding="utf-8")
    before = other.read_bytes()
    path = tmp_path / "scribe.answers.yaml"
    path.write_text("ruleset: mini\ntool: {name: Scribe}\nanswers: {}\n", encoding="utf-8")
    (tmp_path / ".scribe.answers.yaml.lock").symlink_to("other.answers.yaml")
    child = spawn(["--rules", MINI, "--lang", "en", "--answers", path.name], tmp_path)
    child.expect("Which data")
    child.sendcontrol("c")
    assert finish(child) == 130
    assert other.read_bytes() == before
    assert not (tmp_path / ".scribe.answers.yaml.lock").exists()


def test_a_name_that_maps_to_another_tools_file_is_never_merged(tmp_path: Path) -> None:
    """ "Scribe+ (Acme)" and "Scribe - Acme" share a slug: the second asks, and by default
    starts its own file; the first tool's answers stay as they were."""
    first = tmp_path / "scribe-acme.answers.yaml"
    first.write_text(
        "ruleset: mini\ntool: {name: Scribe+ (Acme)}\nanswers: {scope.data: none}\n",
        encoding="utf-8",
    )
    before = first.read_bytes()
    child = spawn(["--rules", MINI, "--lang", "fr"], tmp_path, lang="fr_FR.UTF-8")
    answer_tool(child, "Scribe - Acme")
    child.expect("contient déjà l'évaluation d'un autre outil : Scribe\\+ \\(Acme\\)")
    child.send("\r")  # the default: a new file
    child.expect("Quelles données")
    child.sendcontrol("c")
    assert finish(child) == 130
    assert first.read_bytes() == before
    second, _ = load_answers(tmp_path / "scribe-acme-2.answers.yaml", load_ruleset(MINI))
    assert second.tool.name == "Scribe - Acme"


def test_names_in_other_scripts_get_files_of_their_own(tmp_path: Path) -> None:
    for name in ("Писарь", "抄写员"):
        child = spawn(["--rules", MINI, "--lang", "en"], tmp_path)
        answer_tool(child, name)
        child.expect("Which data")
        child.sendcontrol("c")
        assert finish(child) == 130
    names = sorted(p.name for p in tmp_path.glob("*.answers.yaml"))
    assert names == ["писарь.answers.yaml", "抄写员.answers.yaml"]


def test_a_second_session_is_refused_in_french(tmp_path: Path) -> None:
    first = spawn(["--rules", MINI, "--lang", "fr"], tmp_path, lang="fr_FR.UTF-8")
    answer_tool(first, "Scribe")
    first.expect("Quelles données")
    second = spawn(
        ["--rules", MINI, "--lang", "fr", "--answers", "scribe.answers.yaml"],
        tmp_path,
        lang="fr_FR.UTF-8",
    )
    second.expect("est déjà ouvert dans une autre session vetting")
    assert finish(second) == 2
    first.sendcontrol("c")
    assert finish(first) == 130


# ------------------------------------------------------------------ the committee's decision


def test_vetting_decide_records_a_decision_without_editing_yaml(tmp_path: Path) -> None:
    path = tmp_path / "scribe.answers.yaml"
    path.write_text(
        "ruleset: mini\ntool: {name: Scribe}\ndate: 2026-11-24\n"
        "answers: {scope.data: patients, data.location: eea, data.training: 'no'}\n",
        encoding="utf-8",
    )
    child = spawn(["--rules", MINI, "--lang", "en", path.name], tmp_path, command="decide")
    child.expect("Verdict: ACCEPT")
    child.expect("The committee's decision")
    child.send(DOWN + "\r")  # from accept (the verdict's) to accept with conditions
    for prompt, reply in [
        ("Decided by", "AI committee"),
        ("Member 1 of the committee", "Dr Claire Martin"),
        ("Role of member 1", "CME chair"),
        ("Member 2 of the committee", ""),
        ("Date of the decision", "\x15" + "2026-12-01"),  # Ctrl-U clears today's date
        ("Reasons", "Hosting checked"),
        ("Condition 1", "Pilot report"),
        ("Due date of condition 1", "2026-11-30"),  # before the decision: refused
    ]:
        child.expect(prompt)
        child.sendline(reply)
    child.expect("comes before the date of the decision")
    child.send("\x15" + "2027-03-01\r")
    child.expect("Condition 2")
    child.send("\r")
    child.expect("Next review")
    child.send("\r")
    child.expect("Decision saved in")
    assert finish(child) == 0
    answers, _ = load_answers(path, load_ruleset(MINI))
    decision = answers.decision
    assert decision is not None
    assert (decision.outcome, decision.by, decision.date) == (
        "accept_with_conditions",
        "AI committee",
        dt.date(2026, 12, 1),
    )
    assert [(m.name, m.role) for m in decision.members] == [("Dr Claire Martin", "CME chair")]
    assert [(c.text, c.due) for c in decision.conditions] == [("Pilot report", dt.date(2027, 3, 1))]
    assert not list(tmp_path.glob(".*.lock"))


def test_review_of_an_unknown_section_names_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "scribe.answers.yaml"
    path.write_text("ruleset: mini\ntool: {name: Scribe}\nanswers: {}\n", encoding="utf-8")
    child = spawn(
        ["--rules", MINI, "--lang", "fr", "--answers", path.name, "--review", "dta"], tmp_path
    )
    child.expect("« dta » n'est ni une section ni une question de mini 0.1.0")
    child.expect("vouliez-vous dire « data » ?")
    assert finish(child) == 2
    assert not list(tmp_path.glob(".*.lock"))


def test_vetting_decide_dates_an_undated_file_with_the_option_its_error_names(
    tmp_path: Path,
) -> None:
    """An undated file is refused with a hint naming --date: decide takes that option too,
    and the file then records the date its decision was checked against."""
    path = tmp_path / "scribe.answers.yaml"
    path.write_text(
        "ruleset: mini\ntool: {name: Scribe}\n"
        "answers: {scope.data: patients, data.location: eea, data.training: 'no'}\n",
        encoding="utf-8",
    )
    refused = spawn(["--rules", MINI, "--lang", "en", path.name], tmp_path, command="decide")
    refused.expect("give it with --date YYYY-MM-DD")
    assert finish(refused) == 2
    child = spawn(
        ["--rules", MINI, "--lang", "en", "--date", "2026-11-24", path.name],
        tmp_path,
        command="decide",
    )
    child.expect("Verdict: ACCEPT")
    child.expect("The committee's decision")
    child.send("\r")
    for prompt, reply in [
        ("Decided by", "AI committee"),
        ("Member 1 of the committee", ""),
        ("Date of the decision", "\x15" + "2026-12-01"),
        ("Reasons", "Hosting checked"),
        ("Next review", ""),
    ]:
        child.expect(prompt)
        child.sendline(reply)
    child.expect("Decision saved in")
    assert finish(child) == 0
    answers, _ = load_answers(path, load_ruleset(MINI))
    assert answers.date == dt.date(2026, 11, 24)
    assert answers.decision is not None and answers.decision.by == "AI committee"


def test_vetting_decide_prints_warnings_as_every_command_does(tmp_path: Path) -> None:
    """`file:line:col: warning: ...`, as score, report and assess print them."""
    path = tmp_path / "scribe.answers.yaml"
    path.write_text(
        "ruleset: mini\ntool: {name: Scribe}\ndate: 2026-11-24\n"
        "answers: {scope.data: patients, data.location: eea, data.training: 'no'}\n"
        "decision: {outcome: accept, by: Board, date: 2026-01-01, rationale: ok}\n",
        encoding="utf-8",
    )
    child = spawn(["--rules", MINI, "--lang", "en", path.name], tmp_path, command="decide")
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Verdict: ACCEPT")
    child.sendcontrol("c")
    assert finish(child) == 130
    assert "scribe.answers.yaml:5:40: warning: decision.date: the decision" in seen.getvalue()
