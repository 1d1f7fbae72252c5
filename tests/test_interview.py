"""The questionnaire: the pure flow, and whole sessions driven through a pipe."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from vetting.assess.answers import Answers, Tool, load_answers
from vetting.interview.flow import Interview
from vetting.interview.prompts import Terminal
from vetting.interview.session import Session
from vetting.ruleset.compiled import CompiledRuleSet

DAY = dt.date(2026, 11, 24)


# ------------------------------------------------------------------ the pure flow


def test_next_question_follows_asking_order_and_relevance(mini: CompiledRuleSet) -> None:
    flow = Interview(mini, DAY)
    first = flow.next_question()
    assert first is not None and first.id == "scope.data"
    flow.answer("scope.data", "none")
    assert flow.next_question() is None  # nothing else applies without patient data
    flow.answer("scope.data", "patients")
    nxt = flow.next_question()
    assert nxt is not None and nxt.id == "data.location"


def test_switching_a_scope_answer_adds_and_removes_questions(health_ai: CompiledRuleSet) -> None:
    flow = Interview(health_ai, DAY)
    flow.answer("scope.use", ["general_assistant"])
    before = len(flow.questions())
    flow.answer("scope.patient_data", ["none"])
    without_data = len(flow.questions())
    flow.answer("scope.patient_data", ["identifiable"])
    with_data = len(flow.questions())
    assert without_data < with_data <= before

    def asked(use: str) -> set[str]:
        answers = {"scope.use": [use], "scope.patient_data": ["none"]}
        return {q.id for q in Interview(health_ai, DAY, answers=answers).questions()}

    assert "hosting.location" not in asked("general_assistant")
    # A scribe is about a given patient: its data are health data whatever the box says.
    assert "hosting.location" in asked("clinical_documentation")


def test_answers_made_irrelevant_are_parked_then_restored(mini: CompiledRuleSet) -> None:
    flow = Interview(mini, DAY)
    flow.answer("scope.data", "patients")
    flow.answer("data.location", "eea")
    moved = flow.answer("scope.data", "none")
    assert moved == ["data.location"]
    assert "data.location" not in flow.answers
    flow.answer("scope.data", "patients")
    assert flow.answers["data.location"] == "eea"  # nothing the user typed is lost


def test_back_returns_the_previous_relevant_question(mini: CompiledRuleSet) -> None:
    flow = Interview(mini, DAY)
    flow.answer("scope.data", "patients")
    flow.answer("data.location", "eea")
    previous = flow.back("data.training")
    assert previous is not None and previous.id == "data.location"
    previous = flow.back("data.location")
    assert previous is not None and previous.id == "scope.data"
    assert flow.back("scope.data") is None


def test_progress_counts_the_questions_that_apply(mini: CompiledRuleSet) -> None:
    flow = Interview(mini, DAY, answers={"scope.data": "patients"})
    assert flow.position("data.location") == (2, 3)


# ------------------------------------------------------------------ sessions through a pipe
# The pointer starts on "I don't know" for a question not answered yet: in the mini rule
# set's lists (two choices, a separator, unknown, why, back), UP reaches the second
# choice and UP UP the first. A risky answer asks for a note, any answer but unknown
# outside the scope section for evidence (ENTER skips each).

ENTER, DOWN, UP = "\r", "\x1b[B", "\x1b[A"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def _session(
    compiled: CompiledRuleSet,
    pipe: PipeInput,
    path: Path,
    answers: dict[str, object] | None = None,
    live: bool = False,
    lang: str = "en",
) -> tuple[Session, io.StringIO]:
    out = io.StringIO()
    term = Terminal(lang, out=out, prompt_kwargs={"input": pipe, "output": DummyOutput()})
    start = Answers(
        ruleset=f"{compiled.ruleset.id}@{compiled.ruleset.version}",
        tool=Tool(name="Scribe"),
        date=DAY,
        answers=answers or {},
    )
    return Session(compiled, term, path, start, live=live), out


def _keys(pipe: PipeInput, keys: str) -> None:
    """Type `keys`, then end the input: a test whose keys run out fails, never hangs."""
    pipe.send_text(keys)
    pipe.close()


def _saved(path: Path, compiled: CompiledRuleSet) -> Answers:
    answers, warnings = load_answers(path, compiled)
    assert warnings == []
    return answers


def test_a_whole_session_saves_answers_and_notes(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "scribe.answers.yaml"
    session, _ = _session(mini, pipe, path, live=True)
    # patients; outside_eea (a knock-out), a note, no evidence; "no" for training, no evidence
    keys = UP + UP + ENTER + UP + ENTER + "Contract section 7" + ENTER + ENTER
    _keys(pipe, keys + UP + UP + ENTER + ENTER)
    session.run()
    assert "Knock-outs 1" in session.indicator()  # the live bar shows the knock-out at once
    saved = _saved(path, mini)
    assert saved.answers == {
        "scope.data": "patients",
        "data.location": "outside_eea",
        "data.training": "no",
    }
    assert saved.notes == {"data.location": "Contract section 7"}
    assert saved.ruleset == "mini@0.1.0" and saved.ruleset_sha256 == mini.origin.sha256


def test_scope_answer_skips_the_section(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session, _ = _session(mini, pipe, path)
    _keys(pipe, UP + ENTER)  # no patient data
    session.run()
    assert _saved(path, mini).answers == {"scope.data": "none"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_enter_alone_records_unknown_never_a_choice(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path, lang: str
) -> None:
    """Enter on a fresh question records "I don't know", then skips its note."""
    path = tmp_path / "a.yaml"
    session, _ = _session(mini, pipe, path, lang=lang)
    _keys(pipe, ENTER * 6)
    session.run()
    saved = _saved(path, mini)
    assert saved.answers == {
        "scope.data": "unknown",
        "data.location": "unknown",
        "data.training": "unknown",
    }
    assert saved.notes == {} and saved.evidence == {}


def test_back_changes_an_earlier_answer_and_drops_what_no_longer_applies(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session, _ = _session(mini, pipe, path)
    back = DOWN * 2  # unknown -> why -> back
    # patients; back; the pointer is on "patients" (the recorded answer): DOWN to none
    _keys(pipe, UP + UP + ENTER + back + ENTER + DOWN + ENTER)
    session.run()
    assert _saved(path, mini).answers == {"scope.data": "none"}


def test_help_is_one_choice_away(mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    session, out = _session(mini, pipe, path, answers={"scope.data": "patients"})
    # why; then eea and no evidence; then training "no" and no evidence
    _keys(pipe, DOWN + ENTER + UP + UP + ENTER + ENTER + UP + UP + ENTER + ENTER)
    session.run()
    assert "Why we ask" in out.getvalue()
    assert "GDPR, art. 44" in out.getvalue()
    assert _saved(path, mini).answers["data.location"] == "eea"


def test_resume_asks_only_what_is_missing(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session, _ = _session(
        mini, pipe, path, answers={"scope.data": "patients", "data.location": "eea"}
    )
    _keys(pipe, UP + ENTER + ENTER + ENTER)  # training: yes (risky), skip the note and evidence
    session.run()
    assert _saved(path, mini).answers == {
        "scope.data": "patients",
        "data.location": "eea",
        "data.training": "yes",
    }


def test_review_keeps_answers_on_enter_and_changes_them_otherwise(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session, _ = _session(
        mini,
        pipe,
        path,
        answers={"scope.data": "patients", "data.location": "eea", "data.training": "no"},
    )
    # keep (scope: no evidence step); keep, skip evidence; change to yes, no note, no evidence
    _keys(pipe, ENTER + ENTER + ENTER + DOWN + ENTER + ENTER + ENTER)
    session.review()
    assert _saved(path, mini).answers["data.training"] == "yes"


@pytest.mark.parametrize(
    ("target", "asked"),
    [("data.training", ["data.training"]), ("scope", ["scope.data"])],
)
def test_review_of_one_question_or_one_section(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path, target: str, asked: list[str]
) -> None:
    path = tmp_path / "a.yaml"
    answers: dict[str, object] = {
        "scope.data": "patients",
        "data.location": "eea",
        "data.training": "no",
    }
    session, _ = _session(mini, pipe, path, answers=answers)
    seen: list[str] = []
    real = session.header

    def header(question_id: str) -> str:
        seen.append(question_id)
        return real(question_id)

    session.header = header  # type: ignore[method-assign]
    _keys(pipe, ENTER * 4)
    session.review(target)
    assert seen == asked


def test_french_session_shows_french_prompts(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session, out = _session(mini, pipe, path, answers={"scope.data": "patients"}, lang="fr")
    _keys(pipe, DOWN + ENTER + ENTER + ENTER + ENTER + ENTER)
    session.run()
    assert "Pourquoi cette question" in out.getvalue()
    assert "RGPD, art. 44" in out.getvalue()


@pytest.mark.parametrize(
    ("ticked", "lang", "message"),
    [
        (["none", "audio"], "fr", "« Aucune donnée personnelle (ni patients, ni personnel, ni"),
        (["none", "audio"], "en", "'No personal data at all (no patients, staff or applicants)'"),
        (["unknown", "audio"], "en", "'I don't know / the vendor did not answer' stands alone."),
        (["identifiable", "audio"], "en", None),
        ([], "en", None),
    ],
)
def test_a_multiple_choice_refuses_impossible_combinations(
    health_ai: CompiledRuleSet, ticked: list[str], lang: str, message: str | None
) -> None:
    from vetting.interview.prompts import _validate_multiple

    question = health_ai.question_by_id["scope.patient_data"]
    result = _validate_multiple(question, ticked, lang)
    if message is None:
        assert result is True
    else:
        assert isinstance(result, str) and result.startswith(message)
