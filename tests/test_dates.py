"""Time in an assessment: no undated scoring, the go-live date, the judged date.

A duty that binds before deployment is judged at the later of the assessment date and
the go-live date; an answers file without a date is refused, never dated silently
(the clock is never read); `--date` dates it on purpose, and every output records the
date used.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from tests.conftest import ROOT, Result
from vetting.assess.answers import Answers, Tool, dump_answers, load_answers, parse_answers
from vetting.assess.score import score
from vetting.dates import add_months
from vetting.errors import VettingError
from vetting.interview.flow import Interview, dated_questions, needs_go_live
from vetting.interview.prompts import Terminal
from vetting.interview.session import Session
from vetting.ruleset.compiled import CompiledRuleSet

Cli = Callable[..., Result]
EXAMPLE = ROOT / "examples" / "health-ai" / "triage-pending.yaml"
SCOPE = {
    "scope.buyer": "public_hospital",
    "scope.use": ["triage"],
    "scope.patient_data": ["identifiable"],
    "scope.deployment": "vendor_saas",
    "scope.audience": "professionals",
    "scope.generative": "no",
}


def _undated(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace("date: 2026-11-24\n", "")
    assert "date:" not in text.split("answers:")[0]
    path = tmp_path / "undated.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ no silent date


def test_an_undated_file_is_refused_with_the_option_that_dates_it(cli: Cli, tmp_path: Path) -> None:
    path = _undated(tmp_path)
    result = cli("score", str(path), "--format", "json")
    assert result.code == 2
    assert f"{path}:1:1: date: these answers have no assessment date" in result.err
    assert "--date YYYY-MM-DD" in result.err


def test_the_date_given_is_recorded_and_judged_on(cli: Cli, tmp_path: Path) -> None:
    path = _undated(tmp_path)
    result = cli("score", str(path), "--format", "json", "--date", "2026-12-04")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["assessment_date"], data["judged_date"], data["go_live"]) == (
        "2026-12-04",
        "2026-12-04",
        None,
    )


def test_a_file_s_own_date_wins_over_the_option(cli: Cli) -> None:
    result = cli("score", str(EXAMPLE), "--format", "json", "--date", "2030-01-01")
    assert json.loads(result.out)["assessment_date"] == "2026-11-24"


@pytest.mark.parametrize(
    "command",
    [
        ("report", "{file}", "-o", "{out}"),
        ("compare", "{file}", "{file}", "-o", "{out}/c.md"),
        ("diff", "{file}", "{file}", "-o", "{out}/d.txt"),
        ("portfolio", "{folder}", "-o", "{out}/p.html", "--today", "2026-12-04"),
    ],
    ids=lambda c: c[0],
)
def test_every_command_that_scores_refuses_undated_files_unless_dated(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = _undated(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(file=path, folder=tmp_path, out=out) for a in command]
    refused = cli(*args)
    assert refused.code == 2 and "--date YYYY-MM-DD" in refused.err
    assert cli(*args, "--date", "2026-12-04").code in (0, 1)  # diff: 0 or 1, never 2


def test_score_refuses_undated_answers_in_memory(health_ai: CompiledRuleSet) -> None:
    answers = Answers(ruleset="health-ai", tool=Tool(name="t"), answers=SCOPE)
    with pytest.raises(VettingError, match="no assessment date"):
        score(health_ai, answers)


# ------------------------------------------------------------------ go-live and judged date


def test_go_live_is_kept_in_the_file_after_the_date(health_ai: CompiledRuleSet) -> None:
    text = (
        "ruleset: health-ai@3.0.0\ntool: {name: T}\ndate: 2026-06-01\ngo_live: 2026-10-01\n"
        "answers:\n  scope.buyer: public_hospital\n"
    )
    answers, _ = parse_answers(text, health_ai)
    assert answers.go_live == dt.date(2026, 10, 1)
    dumped = dump_answers(answers, health_ai)
    assert "date: 2026-06-01\ngo_live: 2026-10-01\nanswers:" in dumped
    again, _ = parse_answers(dumped, health_ai)
    assert again.go_live == answers.go_live


@pytest.mark.parametrize(
    ("date", "go_live", "judged"),
    [
        (dt.date(2026, 6, 1), dt.date(2026, 10, 1), dt.date(2026, 10, 1)),
        (dt.date(2026, 9, 1), dt.date(2026, 1, 15), dt.date(2026, 9, 1)),
        (dt.date(2026, 9, 1), None, dt.date(2026, 9, 1)),
    ],
)
def test_the_judged_date_is_the_later_of_assessment_and_go_live(
    health_ai: CompiledRuleSet, date: dt.date, go_live: dt.date | None, judged: dt.date
) -> None:
    answers = Answers(
        ruleset="health-ai", tool=Tool(name="t"), date=date, go_live=go_live, answers=SCOPE
    )
    a = score(health_ai, answers, explain=False)
    assert (a.assessment_date, a.judged_date, a.go_live) == (date, judged, go_live)


@pytest.mark.parametrize(
    ("go_live", "verdict", "expired"),
    [
        (None, "accept", False),  # the certificate holds on the assessment date
        (dt.date(2028, 2, 28), "accept", False),  # and on its last day of validity
        (dt.date(2028, 3, 1), "pending_evidence", True),  # not when the tool goes live
    ],
)
def test_evidence_must_still_hold_when_the_tool_goes_live(
    health_ai: CompiledRuleSet, go_live: dt.date | None, verdict: str, expired: bool
) -> None:
    """The HDS certificate of the accepted scribe expires on 2028-02-28."""
    answers, _ = load_answers(ROOT / "examples/health-ai/scribe-accept.yaml", health_ai)
    a = score(health_ai, answers.model_copy(update={"go_live": go_live}), explain=False)
    [hds] = [e for e in a.evidence if e.question == "hosting.hds_certified"]
    assert (a.verdict, hds.expired) == (verdict, expired)


def test_a_bad_go_live_names_its_place(health_ai: CompiledRuleSet) -> None:
    text = "ruleset: health-ai@3.0.0\ntool: {name: T}\ndate: 2026-06-01\ngo_live: soon\n"
    with pytest.raises(VettingError) as caught:
        parse_answers(text, health_ai, file="t.yaml")
    assert "t.yaml:4:1: go_live: expected a date YYYY-MM-DD (got 'soon')" in str(caught.value)


# ------------------------------------------------------------------ the questionnaire asks


def test_the_dated_duties_of_health_ai_are_found(health_ai: CompiledRuleSet) -> None:
    assert {"regulatory.fria", "transparency.ai_disclosure", "hosting.hds_certified"} <= set(
        dated_questions(health_ai)
    )


def test_go_live_is_asked_only_when_a_dated_duty_is_in_scope(
    health_ai: CompiledRuleSet,
) -> None:
    day = dt.date(2026, 12, 4)
    assert needs_go_live(Interview(health_ai, day, answers=dict(SCOPE)))
    plain = {**SCOPE, "scope.use": ["administrative"], "scope.patient_data": ["none"]}
    plain |= {"scope.audience": "administrative_staff", "scope.deployment": "on_premises"}
    # An administrative tool could rank staff (Annex III point 4): until the buyer says
    # it does not, the dated Annex III duties stay possible, and so does the go-live date.
    assert needs_go_live(Interview(health_ai, day, answers=plain))
    plain["scope.workforce_decisions"] = "no"
    assert not needs_go_live(Interview(health_ai, day, answers=plain))


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def test_the_questionnaire_asks_the_go_live_once_then_judges_on_it(
    health_ai: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    term = Terminal("en", out=io.StringIO(), prompt_kwargs={"input": pipe, "output": DummyOutput()})
    start = Answers(
        ruleset="health-ai@3.0.0", tool=Tool(name="T"), date=dt.date(2026, 6, 1), answers=SCOPE
    )
    path = tmp_path / "t.answers.yaml"
    session = Session(health_ai, term, path, start, live=False)
    pipe.send_text("2026-10-01\r\x03")  # the go-live, then Ctrl-C at the next question
    pipe.close()
    with pytest.raises(KeyboardInterrupt):
        session.run()
    saved, _ = load_answers(path, health_ai)
    assert saved.go_live == dt.date(2026, 10, 1)
    assert session.flow.day == dt.date(2026, 10, 1)  # relevance is judged on it too


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_shows_the_go_live_and_the_judged_date(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "date: 2026-11-24\n", "date: 2026-11-24\ngo_live: 2027-02-01\n"
    )
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("report", str(path), "--format", fmt, "--lang", "en", "-o", str(tmp_path)).code == 0
    report = next(tmp_path.glob(f"*.report.{fmt}")).read_text(encoding="utf-8")
    assert "Planned go-live" in report and "Date dated duties are judged at" in report
    assert report.count("1 February 2027") >= 2


# ------------------------------------------------------------------ month arithmetic


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 24), 12, dt.date(2027, 11, 24)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
        (dt.date(2025, 3, 1), 36, dt.date(2028, 3, 1)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2027, 1, 15), -36, dt.date(2024, 1, 15)),
    ],
)
def test_months_are_added_as_a_calendar_does(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
