"""One copy of each text helper (vetting.words): numbers, answers and matching read the
same in the report, the checklist and the workflows.

The copies these replace had drifted: the workflows wrote `99.5` in French and
dropped the unit where the report wrote `99,5 %`; the checklist import folded
every letter outside Latin to nothing, so two Cyrillic choices matched each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Result
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.model import Question
from vetting.words import amount, answer_text, fold, long_date, number, percent, signed

CLINIC = FIXTURES / "scoring" / "clinic"
WORDS = {"unanswered": "not answered", "unknown": "unknown", "none_ticked": "nothing ticked"}


def _question(qid: str, **changes: object) -> Question:
    question = load_ruleset(CLINIC).question_by_id[qid]
    return question.model_copy(update=changes)


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (4.0, "4", "4"),
        (4.5, "4.5", "4,5"),
        (1.2 * 1.5, "1.8", "1,8"),
        (0.1 + 0.2, "0.3", "0,3"),
        (-0.0, "0", "0"),
        (1234567.0, "1234567", "1234567"),
        (123.4567, "123.4567", "123,4567"),
    ],
)
def test_an_amount_reads_as_written_by_hand(value: float, en: str, fr: str) -> None:
    assert (amount(value, "en"), amount(value, "fr")) == (en, fr)


def test_fixed_decimals_percentages_and_changes_take_the_french_comma() -> None:
    assert (number(9.45, "en"), number(9.5, "fr"), number(9.5, "fr", 2)) == ("9.4", "9,5", "9,50")
    assert (percent(94.44, "en"), percent(94.44, "fr")) == ("94.4%", "94,4\u00a0%")
    assert percent(50, "fr", 0) == "50\u00a0%"
    assert [signed(v, "fr") for v in (4.5, -2.0, 0.04)] == ["+4,5", "-2,0", "0,0"]


def test_long_dates_need_no_locale() -> None:
    assert long_date(dt.date(2026, 11, 1), "fr") == "1er novembre 2026"
    assert long_date(dt.date(2026, 8, 24), "en") == "24 August 2026"


@pytest.mark.parametrize("typeset", [False, True])
def test_a_number_answer_has_the_french_comma_and_its_unit(typeset: bool) -> None:
    uptime = _question("ops.uptime", unit={"fr": "%", "en": "%"})
    assert answer_text(uptime, 99.5, "fr", WORDS, typeset=typeset) == "99,5 %"
    assert answer_text(uptime, 99.5, "en", WORDS, typeset=typeset) == "99.5 %"
    assert answer_text(_question("ops.uptime"), 98, "fr", WORDS, typeset=typeset) == "98"


def test_choices_read_as_their_labels_with_the_outputs_typography() -> None:
    safeguards = _question("ops.safeguards")
    chosen = ["audit_log", "encryption"]
    assert answer_text(safeguards, chosen, "fr", WORDS) == "Journal; Chiffrement"
    assert answer_text(safeguards, chosen, "fr", WORDS, typeset=True) == (
        "Journal\u00a0; Chiffrement"
    )
    assert answer_text(safeguards, [], "en", WORDS) == "nothing ticked"
    assert answer_text(safeguards, None, "en", WORDS) == "not answered"
    assert answer_text(safeguards, "unknown", "en", WORDS) == "unknown"


def test_dates_and_texts_read_as_given() -> None:
    assert answer_text(_question("data.dpa_date"), dt.date(2026, 3, 2), "fr", WORDS) == (
        "2026-03-02"
    )
    assert answer_text(None, ["a", "b"], "en", WORDS) == "a; b"
    assert answer_text(None, "  as *written*\n", "en", WORDS) == "  as *written*\n"


def test_folding_ignores_case_accents_quotes_and_spacing() -> None:
    assert fold("« Élevé »") == fold("eleve") == "eleve"
    assert fold("l’IA  générative") == fold("L'IA generative") == "l ia generative"
    assert fold("Pending-evidence", "_") == fold("pending evidence", "_") == "pending_evidence"
    assert fold("Oui\u00a0: partiel") == fold("oui : partiel")


def test_folding_keeps_letters_of_other_scripts() -> None:
    assert fold("Нет") != fold("Да")
    assert fold("Нет") == fold("нет") == "нет"


def test_a_number_answer_reads_the_same_in_the_report_and_the_workflows(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """`vetting diff` and `vetting compare` wrote `99.5` in French; the report `99,5`."""
    files = []
    for name, uptime in (("old", "99.5"), ("new", "98")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            "ruleset: clinic@1.0.0\ntool: {name: Clinic A}\ndate: 2026-09-01\n"
            f"answers:\n  scope.deployment: vendor_saas\n  ops.uptime: {uptime}\n",
            encoding="utf-8",
        )
        files.append(str(path))
    rules = ("--rules", str(CLINIC), "--lang", "fr")
    report = cli("report", files[0], "--format", "md", "-o", str(tmp_path / "out"), *rules)
    assert report.code == 0, report.err
    assert "Réponse\u00a0: 99,5" in (tmp_path / "out" / "clinic-a.report.md").read_text("utf-8")
    diff = cli("diff", *files, *rules)
    assert "avant\u00a0: 99,5" in diff.out and "99.5" not in diff.out
    compare = cli("compare", *files, "--format", "md", *rules)
    assert "| 99,5 | 98 |" in compare.out
