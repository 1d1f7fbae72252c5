"""The risk report states whether the answers make a DPIA mandatory, and whether one exists."""

from __future__ import annotations

import pytest

from tests.support.reports import EXAMPLES, ruleset
from vetting import catalog
from vetting.assess import parse_answers, score
from vetting.report import render_html, render_markdown
from vetting.words import fill, typo


def _with(scope: dict[str, str], dpia: str | None) -> str:
    """triage-pending.yaml with some scope answers and the DPIA answer replaced (a scope
    answer the file does not give is added)."""
    lines = []
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8")
    given = {line.strip().split(":")[0] for line in text.splitlines()}
    added = "".join(f"\n  {key}: {value}" for key, value in scope.items() if key not in given)
    for line in text.replace("answers:", "answers:" + added, 1).splitlines():
        key = line.strip().split(":")[0]
        if key in scope:
            line = f"  {key}: {scope[key]}"
        elif key == "regulatory.dpia":
            if dpia is None:
                continue
            line = f"  regulatory.dpia: {dpia}"
        lines.append(line)
    return "\n".join(lines) + "\n"


CASES = [
    # A public hospital with identifiable patient data: the CNIL's list.
    ({}, "done", "mandatory", "dpia_status"),
    ({"scope.buyer": "practice"}, "planned", "likely", "dpia_status"),
    # Triage is about a given patient (health data whatever the box says): an office tool.
    (
        {"scope.use": "[administrative]", "scope.patient_data": "[staff_accounts]"},
        "unknown",
        "to_assess",
        "dpia_status_unknown",
    ),
    (
        {
            "scope.use": "[administrative]",
            "scope.patient_data": "[none]",
            # Unknown, it could be a recruitment tool: a DPIA would then be to assess.
            "scope.workforce_decisions": "no",
        },
        None,
        "not_required",
        None,
    ),
    # Triage with the "no personal data" box ticked still processes patients' health data.
    ({"scope.patient_data": "[none]"}, "done", "mandatory", "dpia_status"),
    ({"scope.buyer": "unknown"}, "done", "undetermined", "dpia_status"),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("scope", "dpia", "need", "status"), CASES)
def test_the_report_says_whether_a_dpia_is_mandatory_and_done(
    scope: dict[str, str], dpia: str | None, need: str, status: str | None, lang: str
) -> None:
    compiled = ruleset()
    answers, _ = parse_answers(_with(scope, dpia), compiled, file="t.yaml")
    assessment = score(compiled, answers)
    markdown = render_markdown(assessment, compiled, answers, lang)
    html = render_html(assessment, compiled, answers, lang)
    expected = typo(catalog.text(lang, "drafts.dpia." + need), lang)
    for other in ("mandatory", "likely", "to_assess", "not_required", "undetermined"):
        sentence = typo(catalog.text(lang, "drafts.dpia." + other), lang)
        assert (sentence in markdown) == (other == need), other
    assert expected.replace("'", "&#39;") in html
    template = typo(catalog.text(lang, "drafts.dpia_status"), lang)
    if status is None:
        assert template.split("{")[0] not in markdown
    elif status == "dpia_status":
        choice = compiled.choice("regulatory.dpia", str(dpia))
        assert choice is not None
        assert fill(template, {"answer": typo(choice.label[lang], lang)}) in markdown
    else:
        assert typo(catalog.text(lang, f"drafts.{status}"), lang) in markdown
