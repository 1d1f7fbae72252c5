"""The questionnaire's steps through a pipe: ticks, evidence, notes, buyer-only questions,
the decision; and the helpers under them (wrapping, the lock, file names)."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

import vetting.interview.files as files
from tests.conftest import FIXTURES, ROOT
from vetting import catalog
from vetting.assess.answers import (
    Answers,
    Decision,
    DecisionCondition,
    DecisionMember,
    Tool,
    load_answers,
)
from vetting.assess.score import score
from vetting.errors import VettingError
from vetting.interview.prompts import Terminal
from vetting.interview.record import ask_decision
from vetting.interview.session import Session
from vetting.lockfile import LockBusy, exclusive, lock_path
from vetting.report.naming import slugify
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.words import typo, width, wrap

ENTER, DOWN, UP, CTRL_C = "\r", "\x1b[B", "\x1b[A", "\x03"
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def _terminal(
    pipe: PipeInput,
    lang: str = "en",
    screen: io.StringIO | None = None,
    said: io.StringIO | None = None,
) -> Terminal:
    """A terminal on `pipe`; the prompts drawn on `screen`, and what it says in `said`."""
    output = (
        Vt100_Output(screen, lambda: Size(rows=40, columns=80), term="xterm")
        if screen is not None
        else DummyOutput()
    )
    out = said if said is not None else io.StringIO()
    return Terminal(lang, out=out, prompt_kwargs={"input": pipe, "output": output})


def _session(
    compiled: CompiledRuleSet,
    term: Terminal,
    path: Path,
    answers: dict[str, object] | None = None,
) -> Session:
    start = Answers(
        ruleset=f"{compiled.ruleset.id}@{compiled.ruleset.version}",
        tool=Tool(name="Scribe"),
        date=DAY,
        answers=answers or {},
    )
    return Session(compiled, term, path, start, live=False)


def _keys(pipe: PipeInput, keys: str) -> None:
    """Type `keys`, then end the input: a test whose keys run out fails, never hangs."""
    pipe.send_text(keys)
    pipe.close()


def _saved(path: Path, compiled: CompiledRuleSet) -> Answers:
    answers, _ = load_answers(path, compiled)
    return answers


# ------------------------------------------------------------------ ticks


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ticks_survive_why_we_ask(
    health_ai: CompiledRuleSet, pipe: PipeInput, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "a.yaml"
    session = _session(health_ai, _terminal(pipe, lang), path, {"scope.buyer": "public_hospital"})
    # scope.use: tick the last two uses, open "why we ask", then confirm the ticks as they are
    _keys(pipe, UP + " " + UP + " " + DOWN * 3 + ENTER + ENTER)
    with pytest.raises(EOFError):  # the next question waits for keys that never come
        session.run()
    assert _saved(path, health_ai).answers["scope.use"] == ["research", "general_assistant"]
    assert f"── {catalog.text(lang, 'interview.why_title')} ──" in session.term.out.getvalue()  # type: ignore[attr-defined]


def test_ticks_survive_going_back(
    health_ai: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session = _session(health_ai, _terminal(pipe), path, {"scope.buyer": "public_hospital"})
    # tick one use, go back (keep the buyer's answer), come back: the tick is there
    _keys(pipe, UP + " " + DOWN * 4 + ENTER + ENTER + ENTER)
    with pytest.raises(EOFError):
        session.run()
    assert _saved(path, health_ai).answers["scope.use"] == ["general_assistant"]


# ------------------------------------------------------------------ evidence and notes


def test_evidence_is_recorded_after_the_best_answer(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    session = _session(mini, _terminal(pipe), path, {"scope.data": "patients"})
    # eea (the best answer): evidence, verified, issued, expires (before issued: refused)
    keys = UP + UP + ENTER + "HDS certificate, annex 2" + ENTER + DOWN + ENTER
    keys += "2026-01-15" + ENTER + "2025-01-01" + ENTER + "\x15" + "2029-01-14" + ENTER
    _keys(pipe, keys + UP + UP + ENTER + ENTER)  # then training: no, without evidence
    session.run()
    saved = _saved(path, mini)
    assert saved.answers["data.location"] == "eea"
    record = saved.evidence["data.location"]
    assert (record.text, record.status, record.issued, record.expires) == (
        "HDS certificate, annex 2",
        "verified",
        dt.date(2026, 1, 15),
        dt.date(2029, 1, 14),
    )
    assert "data.training" not in saved.evidence


@pytest.mark.parametrize(
    ("keys", "field", "kept"),
    [
        (UP + ENTER + "contract s", "notes", "contract s"),  # a note on a risky answer
        (UP + UP + ENTER + "HDS cert", "evidence", "HDS cert"),  # evidence text
    ],
)
def test_text_being_typed_is_saved_on_ctrl_c(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path, keys: str, field: str, kept: str
) -> None:
    path = tmp_path / "a.yaml"
    session = _session(mini, _terminal(pipe), path, {"scope.data": "patients"})
    _keys(pipe, keys + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        session.run()
    saved = _saved(path, mini)
    value = getattr(saved, field)["data.location"]
    assert (value if field == "notes" else value.text) == kept


# ------------------------------------------------------------------ buyer-only questions


@pytest.mark.parametrize(
    ("qid", "shown", "hidden"),
    [
        ("regulatory.dpia", "Not decided yet", "the vendor did not answer"),
        ("hosting.location", "the vendor did not answer", "Not decided yet"),
    ],
)
def test_buyer_only_questions_offer_not_decided_yet(
    health_ai: CompiledRuleSet,
    pipe: PipeInput,
    tmp_path: Path,
    qid: str,
    shown: str,
    hidden: str,
) -> None:
    screen = io.StringIO()
    path = tmp_path / "a.yaml"
    session = _session(
        health_ai, _terminal(pipe, screen=screen), path, {"scope.patient_data": ["identifiable"]}
    )
    _keys(pipe, ENTER + ENTER)  # the pointer is on it: Enter records unknown; skip the note
    session.run(iter([qid]))
    assert shown in screen.getvalue() and hidden not in screen.getvalue()
    assert _saved(path, health_ai).answers[qid] == "unknown"


@pytest.mark.parametrize("keys", [" " + ENTER + ENTER, ENTER + ENTER])
def test_not_decided_ticked_on_a_multiple_choice_is_echoed_by_name(
    health_ai: CompiledRuleSet, pipe: PipeInput, tmp_path: Path, keys: str
) -> None:
    """Ticked with Space or chosen with Enter, "not decided yet" is echoed by name, never blank."""
    screen = io.StringIO()
    path = tmp_path / "a.yaml"
    session = _session(health_ai, _terminal(pipe, screen=screen), path)
    _keys(pipe, keys)  # the pointer is on "not decided yet"; then skip the note
    session.run(iter(["scope.use"]))
    assert "→ Not decided yet" in screen.getvalue()
    assert _saved(path, health_ai).answers["scope.use"] == "unknown"


def test_the_buyer_only_marker_is_set_on_the_questions_only_the_buyer_answers(
    health_ai: CompiledRuleSet,
) -> None:
    buyer = {q.id for q in health_ai.questions if q.asked_of == "buyer"}
    assert {"regulatory.dpia", "regulatory.legal_basis", "training.ai_use_policy"} <= buyer
    assert "hosting.location" not in buyer


# ------------------------------------------------------------------ the decision


def test_a_decision_despite_a_knockout_needs_its_justification(
    mini: CompiledRuleSet, pipe: PipeInput
) -> None:
    answers = Answers(
        ruleset="mini@0.1.0",
        tool=Tool(name="Scribe"),
        date=DAY,
        answers={"scope.data": "patients", "data.location": "outside_eea", "data.training": "no"},
    )
    assessment = score(mini, answers)
    assert assessment.knockout_ids
    term = _terminal(pipe)
    keys = UP + UP + ENTER  # from reject (the verdict's) up to accept
    keys += "Board" + ENTER + ENTER  # by, and no member named
    keys += ENTER + "Clinical need" + ENTER + ENTER  # today, why, review
    keys += ENTER + "No alternative; transfer clauses signed" + ENTER  # empty: refused
    _keys(pipe, keys)
    decided = ask_decision(
        term,
        answers,
        mini,
        verdict=assessment.verdict,
        knockouts=assessment.knockout_ids,
        today=dt.date(2026, 12, 1),
    )
    decision = decided.decision
    assert decision is not None
    assert (decision.outcome, decision.by, decision.date) == (
        "accept",
        "Board",
        dt.date(2026, 12, 1),
    )
    assert decision.knockout_justification == "No alternative; transfer clauses signed"


# ------------------------------------------------------------------ wrapping


@pytest.mark.parametrize("columns", [20, 40, 79, 119])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_wrapping_keeps_every_word_within_the_width(
    health_ai: CompiledRuleSet, columns: int, lang: str
) -> None:
    for question in health_ai.questions:
        for text in [question.text[lang], *(ch.label[lang] for ch in question.choices)]:
            lines = wrap(text, columns, indent=5)
            assert all(width(line) <= columns - 5 for line in lines)
            assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost
            if max(width(word) for word in text.split()) <= columns - 5:
                assert " ".join(lines).split() == text.split()  # cut between words only


@pytest.mark.parametrize("columns", [30, 40, 79])
def test_a_french_question_mark_never_starts_a_line(
    health_ai: CompiledRuleSet, columns: int
) -> None:
    """The French texts are typeset (a no-break space before ? : ;) and the wrap keeps it."""
    for question in health_ai.questions:
        for text in [question.text["fr"], *(ch.label["fr"] for ch in question.choices)]:
            lines = wrap(typo(text, "fr"), columns, indent=2)
            assert not any(line.startswith(("?", ":", ";", "!", "»")) for line in lines), lines
            assert all(width(line) <= columns - 2 for line in lines)


def test_a_word_longer_than_the_line_is_cut_not_lost() -> None:
    assert wrap("see https://example.invalid/a-very-long-address", 20) == [
        "see",
        "https://example.inva",
        "lid/a-very-long-addr",
        "ess",
    ]


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize(
    ("a", "b"),
    [("Писарь", "Скрайб"), ("抄写员", "记录员"), ("Scribe", "Писарь"), ("Ἀθηνᾶ", "Ηρα")],
)
def test_names_in_other_scripts_do_not_collide(a: str, b: str) -> None:
    assert slugify(a) != slugify(b)
    assert slugify(a) != "tool"


def test_the_file_of_another_tool_is_offered_never_taken(tmp_path: Path) -> None:
    (tmp_path / "scribe-acme.answers.yaml").touch()
    (tmp_path / "scribe-acme-2.answers.yaml").touch()
    names = {
        tmp_path / "scribe-acme.answers.yaml": "Scribe+ (Acme)",
        tmp_path / "scribe-acme-2.answers.yaml": "scribe  -  ACME",
    }
    found = files.find(tmp_path, "Scribe - Acme", names.__getitem__)
    assert found.own == tmp_path / "scribe-acme-2.answers.yaml"  # the same tool, resumed
    found = files.find(tmp_path, "Scribe (Acme)", names.__getitem__)
    assert found.own is None and found.free == tmp_path / "scribe-acme-3.answers.yaml"
    assert [p.name for p, _ in found.others] == [
        "scribe-acme.answers.yaml",
        "scribe-acme-2.answers.yaml",
    ]


# ------------------------------------------------------------------ the lock


def test_the_lock_refuses_a_second_holder_and_is_removed_after(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    with exclusive(path):
        assert lock_path(path).read_text(encoding="ascii").strip() == str(os.getpid())
        pid = os.fork()
        if pid == 0:  # another process
            try:
                with exclusive(path):
                    os._exit(0)
            except LockBusy as busy:
                os._exit(3 if busy.holder == str(os.getppid()) else 4)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 3
    assert not lock_path(path).exists()


def test_a_stale_lock_file_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    lock_path(path).write_text("99999999\n", encoding="ascii")  # left by a killed session
    with exclusive(path):
        assert lock_path(path).read_text(encoding="ascii").strip() == str(os.getpid())
    assert not lock_path(path).exists()


def test_a_lock_link_is_removed_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    lock_path(path).symlink_to(target)
    with exclusive(path):
        assert not lock_path(path).is_symlink()
    assert target.read_text(encoding="utf-8") == "keep me"


def _decided_answers(members: tuple[DecisionMember, ...]) -> Answers:
    return Answers(
        ruleset="mini@0.1.0",
        tool=Tool(name="Scribe"),
        date=DAY,
        answers={"scope.data": "patients", "data.location": "eea", "data.training": "no"},
        decision=Decision(
            outcome="accept",
            by="AI committee",
            members=members,
            date=dt.date(2026, 12, 1),
            rationale="Hosting checked",
        ),
    )


def _decide_again(
    compiled: CompiledRuleSet,
    pipe: PipeInput,
    answers: Answers,
    keys: str,
    said: io.StringIO | None = None,
) -> Decision | None:
    """The decision recorded after typing `keys` into the decision prompt."""
    assessment = score(compiled, answers)
    _keys(pipe, keys)
    return ask_decision(
        _terminal(pipe, said=said),
        answers,
        compiled,
        verdict=assessment.verdict,
        knockouts=assessment.knockout_ids,
        today=dt.date(2026, 12, 2),
    ).decision


def test_deciding_again_keeps_the_committee_members(mini: CompiledRuleSet, pipe: PipeInput) -> None:
    """Enter through a recorded decision changes nothing: its members are kept."""
    members = (
        DecisionMember(name="Dr Claire Martin", role="CME chair"),
        DecisionMember(name="Paul Durand", role="DPO"),
    )
    answers = _decided_answers(members)
    assert _decide_again(mini, pipe, answers, ENTER * 12) == answers.decision


def test_the_committee_members_are_asked(mini: CompiledRuleSet, pipe: PipeInput) -> None:
    keys = ENTER + ENTER  # the outcome and who decided, as recorded
    keys += "Dr Claire Martin" + ENTER + ENTER  # a member's role is required: refused empty
    keys += "CME chair" + ENTER + ENTER  # no second member
    keys += ENTER * 3  # date, reasons, next review as recorded
    decision = _decide_again(mini, pipe, _decided_answers(()), keys)
    assert decision is not None
    assert decision.members == (DecisionMember(name="Dr Claire Martin", role="CME chair"),)


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_a_recorded_condition_is_marked_met_when_deciding_again(
    mini: CompiledRuleSet, pipe: PipeInput, lang: str
) -> None:
    """The yes/no choice of a condition recorded earlier reads its words from the catalog."""
    condition = DecisionCondition(text="Sign the DPA", due=dt.date(2027, 1, 1))
    answers = _decided_answers(())
    assert answers.decision is not None
    decided = answers.decision.model_copy(
        update={"outcome": "accept_with_conditions", "conditions": (condition,)}
    )
    answers = answers.model_copy(update={"decision": decided})
    keys = ENTER * 5  # outcome, who, no member, date, reasons: as recorded
    keys += ENTER + ENTER + DOWN + ENTER  # condition 1 and its due date kept; met: yes
    keys += ENTER + ENTER  # no second condition; next review as recorded
    _keys(pipe, keys)
    assessment = score(mini, answers)
    decision = ask_decision(
        _terminal(pipe, lang),
        answers,
        mini,
        verdict=assessment.verdict,
        knockouts=assessment.knockout_ids,
        today=dt.date(2026, 12, 2),
    ).decision
    assert decision is not None
    assert decision.conditions == (condition.model_copy(update={"done": True}),)


def test_a_session_never_judges_an_undated_file_on_a_silent_date(
    mini: CompiledRuleSet, pipe: PipeInput, tmp_path: Path
) -> None:
    """`vetting assess` dates every file it opens; a session given an undated one is
    refused as scoring refuses it, instead of asking questions on the rule set's as_of."""
    undated = Answers(ruleset="mini@0.1.0", tool=Tool(name="Scribe"), answers={})
    with pytest.raises(VettingError, match="no assessment date"):
        Session(mini, _terminal(pipe), tmp_path / "s.answers.yaml", undated, live=False)


@pytest.mark.parametrize(("deployment", "warned"), [("vendor_saas", True), ("on_premises", False)])
def test_the_evidence_step_says_when_skipping_it_leaves_the_verdict_pending(
    pipe: PipeInput, tmp_path: Path, deployment: str, warned: bool
) -> None:
    """ "Certified" rules the SaaS knock-out out only with a verified certificate: the
    optional evidence step says so, rather than let Enter turn the verdict pending
    unannounced. On premises no knock-out is at stake, and nothing is said."""
    claims = load_ruleset(FIXTURES / "scoring" / "claims")
    term = _terminal(pipe)
    session = _session(claims, term, tmp_path / "a.yaml", {"scope.deployment": deployment})
    _keys(pipe, UP * 3 + ENTER + ENTER)  # "Certified", then Enter on the evidence text
    with pytest.raises(EOFError):
        session.run()
    assert _saved(tmp_path / "a.yaml", claims).answers["host.certified"] == "certified"
    said = " ".join(term.out.getvalue().split())  # type: ignore[attr-defined]
    needed = "This answer rules out a knock-out only with evidence verified by your organisation"
    assert (needed in said) is warned


@pytest.mark.parametrize(
    ("lang", "verify", "evidence"),
    [
        ("en", "\nTo verify: The public-establishment status", "\nEvidence to request: "),
        ("fr", "\nÀ vérifier : Le statut d'établissement public", "\nPreuve à demander : "),
    ],
)
def test_why_we_ask_writes_its_labels_as_each_language_does(
    health_ai: CompiledRuleSet, lang: str, verify: str, evidence: str
) -> None:
    """French puts a space before a colon, English does not; a [verify] note reads like one."""
    from vetting.interview.prompts import help_text

    assert verify in help_text(health_ai, health_ai.question_by_id["scope.public_law"], lang)
    hosting = help_text(health_ai, health_ai.question_by_id["hosting.hds_certified"], lang)
    assert evidence in hosting


@pytest.mark.parametrize(
    ("confirm", "outcome"),
    [(ENTER, "reject"), (DOWN + ENTER, "accept")],
    ids=["not-sure-then-reject", "accepted-knowingly"],
)
def test_accepting_a_tool_still_pending_evidence_is_confirmed_first(
    pipe: PipeInput, confirm: str, outcome: str
) -> None:
    """Enter on the confirmation keeps "no" and asks the outcome again; only an explicit
    "yes" records an acceptance the evidence does not support yet."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(ROOT / "examples" / "health-ai" / "triage-pending.yaml", compiled)
    assert score(compiled, answers).verdict == "pending_evidence"
    keys = UP + UP + ENTER + confirm  # "accept" (the pointer starts on "reject"), then confirm
    if outcome == "reject":
        keys += ENTER  # asked again, the pointer back on "reject": Enter keeps it
    keys += "Commission IA" + ENTER + ENTER + ENTER + "Reasons" + ENTER + ENTER
    said = io.StringIO()
    decided = _decide_again(compiled, pipe, answers, keys, said)
    assert decided is not None and decided.outcome == outcome
    assert "The verdict is “pending evidence”" in said.getvalue()


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_a_reply_typed_after_a_long_prompt_is_never_cut_at_the_screens_edge(
    pipe: PipeInput, lang: str
) -> None:
    """The go-live prompt runs to the screen's edge: the date typed goes on a line of its
    own, not "2027-03" at the end of one line and "-01" at the start of the next."""
    screen = io.StringIO()
    _keys(pipe, "2027-03-01" + ENTER)
    term = _terminal(pipe, lang, screen)
    assert term.text(catalog.text(lang, "interview.go_live")) == "2027-03-01"
    display = pyte.Screen(80, 40)
    pyte.Stream(display).feed(screen.getvalue())
    assert any("2027-03-01" in line for line in display.display)
