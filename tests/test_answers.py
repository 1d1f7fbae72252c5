"""The answers file: a public contract. Strict, helpful errors; canonical, stable dumps."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from vetting.assess import (
    Answers,
    Evidence,
    Tool,
    answers_sha256,
    check_answers,
    dump_answers,
    load_answers,
    parse_answers,
)
from vetting.dates import EARLIEST, LATEST
from vetting.errors import VettingError
from vetting.ruleset.compiled import CompiledRuleSet

CLINIC = FIXTURES / "scoring" / "clinic"
HEAD = "ruleset: clinic@1.0.0\ntool: {name: X}\nanswers:\n"

GOOD = """\
ruleset: clinic@1.0.0
tool: {name: "Scribe", vendor: "Acme", version: "3.2", url: "https://scribe.example"}
assessor: "DSI"
date: 2026-11-24
answers:
  ops.safeguards: [encryption, audit_log]
  scope.patient_data: [identifiable]
  scope.deployment: vendor_saas
  data.hosting: eea
  data.hds: yes
  data.training: unknown
  data.dpa_date: 2026-01-15
  ops.uptime: 99.5
  ops.oversight: null
notes: {data.training: "Contract section 7 is silent"}
evidence:
  data.hds: {text: "certificate n° 42", status: verified, expires: 2027-05-31}
  data.hosting: "Hosting contract, annex 2"
"""


def _errors(text: str, compiled: CompiledRuleSet, **kwargs: bool) -> list[str]:
    with pytest.raises(VettingError) as info:
        parse_answers(text, compiled, file="t.yaml", **kwargs)
    return [str(p) for p in info.value.problems]


def test_a_good_file_loads_with_normalised_values(clinic: CompiledRuleSet) -> None:
    answers, warnings = parse_answers(GOOD, clinic, file="t.yaml")
    assert warnings == []
    assert answers.ruleset_id == "clinic"
    assert answers.ruleset_version == "1.0.0"
    assert answers.tool == Tool(
        name="Scribe", vendor="Acme", version="3.2", url="https://scribe.example"
    )
    assert answers.date == dt.date(2026, 11, 24)
    # Asking order; a multiple choice in the rule set's order; `yes` stays a string (YAML 1.2);
    # null means unanswered.
    assert answers.answers == {
        "scope.patient_data": ["identifiable"],
        "scope.deployment": "vendor_saas",
        "data.hosting": "eea",
        "data.hds": "yes",
        "data.training": "unknown",
        "data.dpa_date": dt.date(2026, 1, 15),
        "ops.safeguards": ["audit_log", "encryption"],
        "ops.uptime": 99.5,
    }
    assert answers.notes == {"data.training": "Contract section 7 is silent"}
    assert answers.evidence == {
        "data.hosting": Evidence(text="Hosting contract, annex 2"),
        "data.hds": Evidence(
            text="certificate n° 42", status="verified", expires=dt.date(2027, 5, 31)
        ),
    }


def test_json_reads_like_yaml(clinic: CompiledRuleSet, tmp_path: Path) -> None:
    yaml_answers, _ = parse_answers(GOOD, clinic)
    data = json.loads(json.dumps(yaml_answers.model_dump(mode="json")))
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    json_answers, warnings = load_answers(path, clinic)
    assert warnings == []
    assert json_answers.model_dump() == yaml_answers.model_dump()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "  data.hosting: eeaa\n",
            "t.yaml:4:3: answers.data.hosting: 'eeaa' is not a choice of 'data.hosting' "
            "(did you mean 'eea'?)",
        ),
        (
            "  data.hosting: mars\n",
            "t.yaml:4:3: answers.data.hosting: 'mars' is not a choice of 'data.hosting' "
            "(choices: eea, adequacy, outside_eea, or unknown)",
        ),
        (
            "  ops.safeguards: [audit_log, pentset]\n",
            "t.yaml:4:31: answers.ops.safeguards[1]: 'pentset' is not a choice of "
            "'ops.safeguards' (did you mean 'pentest'?)",
        ),
        (
            "  ops.safeguards: [audit_log, unknown]\n",
            "t.yaml:4:31: answers.ops.safeguards[1]: 'unknown' stands alone, never inside a "
            "list (write: ops.safeguards: unknown)",
        ),
        (
            "  ops.safeguards: [none, audit_log]\n",
            "t.yaml:4:3: answers.ops.safeguards: 'none' cannot be combined with other choices "
            "(keep [none] alone, or remove it)",
        ),
        (
            "  ops.safeguards: audit_log\n",
            "t.yaml:4:3: answers.ops.safeguards: 'ops.safeguards' is multiple choice: "
            "write a list ([audit_log])",
        ),
        (
            "  ops.safeguards: [audit_log, audit_log]\n",
            "t.yaml:4:31: answers.ops.safeguards[1]: 'audit_log' is listed twice",
        ),
        (
            "  data.hosting: [eea]\n",
            "t.yaml:4:3: answers.data.hosting: 'data.hosting' takes one choice, not a list "
            "(choices: eea, adequacy, outside_eea)",
        ),
        (
            "  data.hds: true\n",
            "t.yaml:4:3: answers.data.hds: expected a choice id of 'data.hds', got true "
            "(choices: yes, no)",
        ),
        (
            "  ops.uptime: 101\n",
            "t.yaml:4:3: answers.ops.uptime: 101 is above the maximum of 'ops.uptime' (100)",
        ),
        (
            "  ops.uptime: fast\n",
            "t.yaml:4:3: answers.ops.uptime: 'ops.uptime' takes a number, got a text "
            "(write a number, or unknown)",
        ),
        (
            "  data.dpa_date: 2026-13-01\n",
            "t.yaml:4:3: answers.data.dpa_date: 'data.dpa_date' takes a date, got '2026-13-01' "
            "(write YYYY-MM-DD, or unknown)",
        ),
        (
            "  data.hostng: eea\n",
            "t.yaml:4:3: answers.data.hostng: 'data.hostng' is not a question of clinic 1.0.0 "
            "(did you mean 'data.hosting'?)",
        ),
    ],
    ids=lambda value: value.strip()[:30] if value.startswith("  ") else "",
)
def test_a_bad_answer_names_its_place_and_a_fix(
    clinic: CompiledRuleSet, body: str, expected: str
) -> None:
    assert _errors(HEAD + body, clinic) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ruleset: other@1.0.0\ntool: {name: X}\n",
            "t.yaml:1:1: ruleset: these answers are for the rule set 'other', not 'clinic' "
            "(tests/fixtures/scoring/clinic) (use --rules DIR to point to the 'other' rule set)",
        ),
        (
            "ruleset: clinic@1.0.0\n",
            "t.yaml:1:1: tool: missing required field 'tool' (add: tool: {name: \"...\"})",
        ),
        (
            "ruleset: clinic@1.0.0\ntool: {name: X}\nanswer: {}\n",
            "t.yaml:3:1: answer: unknown field 'answer' (did you mean 'answers'?)",
        ),
        (
            "ruleset: clinic@1.0.0\ntool: {name: X, version: 2.1}\n",
            "t.yaml:2:17: tool.version: expected a text, got a number (put it in quotes)",
        ),
        (
            "ruleset: clinic@1.0.0\ntool: {name: X}\nevidence: {data.hds: {text: c, status: ok}}\n",
            "t.yaml:3:32: evidence.data.hds.status: 'ok' is not an evidence status "
            "(use declared or verified)",
        ),
        ("- a\n- b\n", "t.yaml:1:1: an answers file holds a mapping: ruleset, tool, answers, ..."),
    ],
    ids=["other-ruleset", "no-tool", "misspelt-field", "unquoted-version", "status", "a-list"],
)
def test_a_bad_file_names_its_place_and_a_fix(
    clinic: CompiledRuleSet, text: str, expected: str
) -> None:
    assert _errors(text, clinic) == [expected]


DECIDED = """\
ruleset: clinic@1.0.0
tool: {name: X}
decision: {outcome: reject, by: Committee, date: 2026-12-01, rationale: Unsafe}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "evidence: {data.hds: ''}\n",
            "t.yaml:4:12: evidence.data.hds: 'text' cannot be empty",
        ),
        # The short form is the long form's text: blank proves nothing either (it was
        # counted as declared evidence).
        (
            HEAD + "evidence: {data.hds: '  '}\n",
            "t.yaml:4:12: evidence.data.hds: 'text' cannot be empty",
        ),
        (
            HEAD + "evidence: {data.hds: {text: '', status: verified}}\n",
            "t.yaml:4:23: evidence.data.hds.text: 'text' cannot be empty",
        ),
        (
            DECIDED.replace("by: Committee", "by: ''"),
            "t.yaml:3:29: decision.by: 'by' cannot be empty",
        ),
        (
            DECIDED.replace("rationale: Unsafe", "rationale: ''"),
            "t.yaml:3:62: decision.rationale: 'rationale' cannot be empty",
        ),
        # One mistake, one line: no "missing required field 'name'" under a tool that is none.
        (
            "ruleset: clinic@1.0.0\ntool: [X]\n",
            "t.yaml:2:1: tool: expected a mapping (key: value), got a list",
        ),
    ],
    ids=["evidence", "blank-evidence", "evidence-text", "decided-by", "rationale", "tool-list"],
)
def test_an_empty_text_or_a_wrong_shape_is_one_clear_error(
    clinic: CompiledRuleSet, text: str, expected: str
) -> None:
    """These stopped the reader with a traceback (or passed, for blank evidence)."""
    assert _errors(text, clinic) == [expected]


def test_every_problem_is_reported_at_once(clinic: CompiledRuleSet) -> None:
    problems = _errors(HEAD + "  data.hosting: eeaa\n  ops.uptime: -1\n  data.hds: maybe\n", clinic)
    assert [p.split(": ", 2)[1] for p in problems] == [
        "answers.data.hosting",
        "answers.ops.uptime",
        "answers.data.hds",
    ]


def test_an_unknown_question_is_an_error_without_a_version(clinic: CompiledRuleSet) -> None:
    text = "ruleset: clinic\ntool: {name: X}\nanswers: {old.question: x}\n"
    assert _errors(text, clinic) == [
        "t.yaml:3:11: answers.old.question: 'old.question' is not a question of clinic 1.0.0"
    ]


OLDER = """\
ruleset: clinic@0.9.0
tool: {name: X}
answers: {old.question: x, data.hosting: eea}
notes: {gone.too: "a note"}
"""


def test_answers_for_another_version_load_with_warnings(clinic: CompiledRuleSet) -> None:
    answers, warnings = parse_answers(OLDER, clinic, file="t.yaml")
    assert answers.answers == {"data.hosting": "eea"}
    assert [str(w) for w in warnings] == [
        "t.yaml:3:11: answers.old.question: 'old.question' is not a question of clinic 1.0.0; "
        "ignored",
        "t.yaml:4:9: notes.gone.too: 'gone.too' is not a question of clinic 1.0.0; ignored",
        "t.yaml:1:1: ruleset: these answers were written for clinic 0.9.0, scored with clinic "
        "1.0.0; 1 answered question(s) no longer exist and are ignored: old.question "
        "(review the answers against this version, then update 'ruleset')",
    ]


def test_strict_turns_version_warnings_into_errors(clinic: CompiledRuleSet) -> None:
    problems = _errors(OLDER, clinic, strict=True)
    assert len(problems) == 3
    assert problems[0].startswith(
        "t.yaml:1:1: ruleset: these answers were written for clinic 0.9.0"
    )


def test_an_invalid_choice_is_an_error_even_for_another_version(clinic: CompiledRuleSet) -> None:
    text = "ruleset: clinic@0.9.0\ntool: {name: X}\nanswers: {data.hosting: eeaa}\n"
    assert _errors(text, clinic) == [
        "t.yaml:3:11: answers.data.hosting: 'eeaa' is not a choice of 'data.hosting' "
        "(did you mean 'eea'?)"
    ]


def test_a_changed_rule_set_of_the_same_version_warns(clinic: CompiledRuleSet) -> None:
    text = f"ruleset: clinic@1.0.0\nruleset_sha256: {'a' * 64}\ntool: {{name: X}}\n"
    _, warnings = parse_answers(text, clinic, file="t.yaml")
    assert [w.message for w in warnings] == [
        "the rule set changed since these answers were written (same version 1.0.0, other content)"
    ]
    same = f"ruleset: clinic@1.0.0\nruleset_sha256: {clinic.origin.sha256}\ntool: {{name: X}}\n"
    assert parse_answers(same, clinic)[1] == []


# --------------------------------------------------------------------------- dumps and hashes


def test_the_dump_is_canonical(clinic: CompiledRuleSet) -> None:
    answers, _ = parse_answers(GOOD, clinic)
    assert dump_answers(answers, clinic) == (
        "ruleset: clinic@1.0.0\n"
        "tool:\n"
        "  name: Scribe\n"
        "  vendor: Acme\n"
        "  version: '3.2'\n"
        "  url: https://scribe.example\n"
        "assessor: DSI\n"
        "date: 2026-11-24\n"
        "answers:\n"
        "  scope.patient_data: [identifiable]\n"
        "  scope.deployment: vendor_saas\n"
        "  data.hosting: eea\n"
        "  data.hds: 'yes'\n"
        "  data.training: unknown\n"
        "  data.dpa_date: 2026-01-15\n"
        "  ops.safeguards: [audit_log, encryption]\n"
        "  ops.uptime: 99.5\n"
        "notes:\n"
        "  data.training: Contract section 7 is silent\n"
        "evidence:\n"
        "  data.hosting: Hosting contract, annex 2\n"
        "  data.hds:\n"
        "    text: certificate n° 42\n"
        "    status: verified\n"
        "    expires: 2027-05-31\n"
    )


texts = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
    # Texts that look like numbers, dates or keywords to some YAML reader: the dumper
    # quotes what YAML 1.1 would misread, so the loader must read the rest as text.
    st.from_regex(r"[-+]?[0-9]{0,3}[.]?[0-9]{0,3}([eE][-+]?[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["2e4", "017", "-.5", "1_000", "0x1F", "1:30", ".inf", "~", "yes", "Off"]),
)


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=texts.filter(str.strip),
    note=texts,
    hosting=st.sampled_from(["eea", "adequacy", "outside_eea", "unknown"]),
    safeguards=st.sampled_from([[], ["audit_log"], ["audit_log", "pentest"], ["none"], "unknown"]),
    uptime=st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False)),
    day=st.dates(min_value=EARLIEST, max_value=LATEST),  # others: tests/test_far_dates.py
)
def test_dump_then_load_gives_the_same_answers(
    clinic: CompiledRuleSet,
    name: str,
    note: str,
    hosting: str,
    safeguards: list[str] | str,
    uptime: float,
    day: dt.date,
) -> None:
    """Any text survives the YAML round trip: 'no', '1.0', ': x', '#', unicode."""
    answers = Answers(
        ruleset="clinic@1.0.0",
        tool=Tool(name=name, version=note or None),
        assessor=note,
        date=day,
        answers={
            "data.hosting": hosting,
            "ops.safeguards": safeguards,
            "ops.uptime": uptime,
            "data.dpa_date": day,
        },
        notes={"data.hosting": note},
        evidence={"data.hds": Evidence(text=name, status="declared", expires=day)},
    )
    text = dump_answers(answers, clinic)
    again, warnings = parse_answers(text, clinic)
    assert warnings == []
    assert again.model_dump() == answers.model_dump()
    assert dump_answers(again, clinic) == text


def test_the_hash_is_of_the_file_bytes_or_of_the_canonical_dump(
    clinic: CompiledRuleSet, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(GOOD, encoding="utf-8")
    loaded, _ = load_answers(path, clinic)
    assert answers_sha256(loaded) == hashlib.sha256(GOOD.encode()).hexdigest()
    in_memory = loaded.model_copy(update={"file_sha256": None})
    canonical = dump_answers(in_memory, clinic).encode()
    assert answers_sha256(in_memory, clinic) == hashlib.sha256(canonical).hexdigest()
    changed = in_memory.model_copy(
        update={"answers": {**in_memory.answers, "data.hosting": "adequacy"}}
    )
    assert answers_sha256(changed, clinic) != answers_sha256(in_memory, clinic)


def test_answers_built_in_memory_are_checked_like_a_file(clinic: CompiledRuleSet) -> None:
    good = Answers(ruleset="clinic@1.0.0", tool=Tool(name="X"), answers={"data.hosting": "eea"})
    assert check_answers(good, clinic) == []
    bad = good.model_copy(update={"answers": {"data.hosting": "eeaa"}})
    with pytest.raises(VettingError, match=r"'eeaa' is not a choice of 'data\.hosting'"):
        check_answers(bad, clinic)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("missing.yaml", "missing.yaml: file not found"), (".", ".: is a folder, not a file")],
)
def test_an_unreadable_file_is_a_clear_error(
    clinic: CompiledRuleSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(VettingError) as info:
        load_answers(Path(name), clinic)
    assert str(info.value) == expected
