"""`--format pia`: the file the CNIL's PIA tool imports, checked against what the tool reads.

What the tool expects is recorded here, read from LINCnil/pia at commit
44dd3138cde72251fba29e3b6bfd7bac3fa9fbe1 (GPL: read, not copied):

- `src/assets/files/pia_architecture.json`: the question ids and their
  `answer_type` (text, list, gauge); 324, 334 and 344 list the measures of
  section 3.1 (`is_measure`), which are the PIA's `measures`.
- `src/app/services/pia.service.ts`, `importData` / `importAnswers` /
  `importMeasures` / `importEvaluations` / `importComments`: the top-level keys
  and the fields each record is read from (`answers`, `measures`,
  `evaluations` and `comments` must be arrays: the import iterates them).
- `src/assets/files/2018-02-21-pia-example.json`: an export, with the shape of
  `data` (`text`, `gauge`, `list`) per answer type and gauges 0 (not assessed)
  to 4 (maximum).
- `src/app/modules/pia/content/questions/questions.component.html` and
  `.../measures/measures.component.html`: answer texts and measure titles and
  contents are shown through `innerHTML` with the sanitiser bypassed
  (`safeHtml`), list items as text (`{{ item }}`).

When the checkout is present (`PIA_CHECKOUT`, default /work/upstream/pia), a
test compares this record with the real files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result
from tests.support.reports import (
    EXAMPLE_NAMES,
    EXAMPLES,
    LANGS,
    XSS,
    example,
    hostile_answers,
    ruleset,
)
from vetting.assess import parse_answers, score
from vetting.report import write_reports
from vetting.report.pia import MEASURE_PLACEHOLDER, load_spec, pia_json
from vetting.resources import embedded_reports_dir

UPSTREAM_COMMIT = "44dd3138cde72251fba29e3b6bfd7bac3fa9fbe1"

#: pia_architecture.json: question id -> answer_type.
QUESTIONS: dict[int, str] = {
    **{qid: "text" for qid in (111, 112, 113, 121, 122, 123)},
    **{qid: "text" for qid in (211, 212, 213, 214, 215)},
    **{qid: "text" for qid in (221, 222, 223, 224, 225, 226, 227)},
    **{base + n: "list" for base in (320, 330, 340) for n in (1, 2, 3, 4)},
    **{base + n: "gauge" for base in (320, 330, 340) for n in (5, 6)},
}
#: The list questions whose items are the titles of the PIA's measures (`is_measure`).
MEASURE_LISTS = {324, 334, 344}
#: What `importData` reads.
TOP_LEVEL = {"pia", "answers", "measures", "evaluations", "comments"}
PIA_FIELDS = {
    "name",
    "category",
    "status",
    "author_name",
    "evaluator_name",
    "validator_name",
    "dpo_status",
    "dpo_opinion",
    "concerned_people_opinion",
    "concerned_people_status",
    "concerned_people_searched_opinion",
    "concerned_people_searched_content",
    "rejection_reason",
    "applied_adjustments",
    "created_at",
    "updated_at",
    "dpos_names",
    "people_names",
}
PIA_REQUIRED = {"name", "status", "created_at", "author_name", "evaluator_name", "validator_name"}
ANSWER_FIELDS = {"reference_to", "data", "created_at", "updated_at"}
DATA_FIELDS = {"text", "gauge", "list"}
MEASURE_FIELDS = {"id", "title", "content", "placeholder", "created_at", "updated_at"}
GAUGES = range(0, 5)
#: The only markup a generated text carries; everything else is escaped text.
OUR_TAGS = {"p", "br", "strong", "em"}


def generate(name: str, lang: str) -> dict[str, Any]:
    answers, assessment = example(name)
    data: dict[str, Any] = json.loads(pia_json(assessment, ruleset(), answers, lang))
    return data


def parse_date(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def markup(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    parser.close()
    return parser


def check_import_shape(data: dict[str, Any]) -> None:
    """Everything the PIA tool's import reads, as it reads it."""
    assert set(data) == TOP_LEVEL
    for key in TOP_LEVEL - {"pia"}:
        assert isinstance(data[key], list), key
    pia = data["pia"]
    assert PIA_REQUIRED <= set(pia) <= PIA_FIELDS
    assert pia["name"] and pia["status"] == 0
    parse_date(pia["created_at"])
    parse_date(pia["updated_at"])
    references = [a["reference_to"] for a in data["answers"]]
    assert len(references) == len(set(references)), "one answer per question"
    titles = {m["title"] for m in data["measures"]}
    for answer in data["answers"]:
        assert set(answer) == ANSWER_FIELDS
        kind = QUESTIONS[answer["reference_to"]]  # KeyError: not a question of the tool
        parse_date(answer["created_at"])
        body = answer["data"]
        assert set(body) == DATA_FIELDS
        if kind == "list":
            assert body["text"] is None and body["gauge"] is None
            assert all(isinstance(item, str) and item for item in body["list"])
            if answer["reference_to"] in MEASURE_LISTS:
                assert set(body["list"]) <= titles
        else:
            assert isinstance(body["text"], str) and body["text"]
            assert body["list"] == []
            assert markup(body["text"]).tags <= OUR_TAGS
            assert body["gauge"] in GAUGES
            if kind == "gauge":
                assert body["gauge"] == 0, "seriousness and likelihood are the DPO's"
    ids = [m["id"] for m in data["measures"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, int) for i in ids)
    for measure in data["measures"]:
        assert set(measure) == MEASURE_FIELDS
        assert measure["placeholder"] == MEASURE_PLACEHOLDER
        assert markup(measure["title"]).tags == set()
        assert markup(measure["content"]).tags <= OUR_TAGS
        parse_date(measure["created_at"])
    assert data["evaluations"] == [] and data["comments"] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_gives_a_file_the_tool_imports(name: str, lang: str) -> None:
    data = generate(name, lang)
    check_import_shape(data)
    text_questions = {q for q, kind in QUESTIONS.items() if kind == "text"}
    filled = {a["reference_to"] for a in data["answers"]}
    # The context and the fundamental principles, and the three risks, all pre-filled.
    assert {111, 112, 113, 121, 122, 123} <= filled
    assert {q for q in text_questions if q // 10 in (21, 22)} <= filled
    assert {q for q, kind in QUESTIONS.items() if q > 300} <= filled


def test_named_answers_are_reflected_where_the_dpo_expects_them() -> None:
    data = generate("triage-pending", "en")
    by_ref = {a["reference_to"]: a["data"] for a in data["answers"]}
    compiled = ruleset()

    def label(qid: str, choice: str) -> str:
        found = compiled.choice(qid, choice)
        assert found is not None
        return found.label["en"]

    assert "TriagePlus" in by_ref[111]["text"]
    assert label("scope.use", "triage") in by_ref[111]["text"]
    assert label("regulatory.legal_basis", "care") in by_ref[212]["text"]
    assert label("hosting.location", "france") in by_ref[227]["text"]
    assert label("reuse.retention", "none") in by_ref[215]["text"]
    # hosting.hds_certified is unknown: its measure says what to ask for, never invents it.
    hosting = next(m for m in data["measures"] if m["title"] == "HDS-certified hosting")
    assert "To be completed: ask the vendor for the HDS certificate" in hosting["content"]
    assert "Encryption" in by_ref[324]["list"]
    assert "Data read by an unauthorised party" in by_ref[322]["list"]
    # A France-hosted tool with no foreign access: no foreign authority among the sources.
    assert "Foreign authority" not in by_ref[323]["list"]


def test_foreign_access_shows_as_a_threat_and_a_source() -> None:
    data = generate("us-chatbot-reject", "fr")
    by_ref = {a["reference_to"]: a["data"] for a in data["answers"]}
    assert "Accès par une autorité étrangère (loi extraterritoriale)" in by_ref[322]["list"]
    assert "Autorité étrangère" in by_ref[323]["list"]


def test_unknown_answers_become_explicit_gaps() -> None:
    data = generate("everything-unknown-pending", "fr")
    texts = " ".join(a["data"]["text"] or "" for a in data["answers"])
    assert texts.count("À compléter") >= 20
    by_ref = {a["reference_to"]: a["data"] for a in data["answers"]}
    # An answer only the buyer can give is not asked of the vendor.
    assert "À compléter par l'établissement." in by_ref[113]["text"]


DECISION = (
    "decision:\n  outcome: accept\n  by: Commission IA\n"
    "  members:\n  - {name: Dr Claire Martin, role: présidente de la CME}\n"
    "  - {name: Paul Durand, role: délégué à la protection des données}\n"
    "  - {name: Anne Roy, role: DPO adjointe}\n"
    "  date: 2026-12-01\n  rationale: Lowest risk of the tender.\n"
)


@pytest.mark.parametrize("decided", [True, False])
def test_people_come_from_the_answers_file_and_the_decision(decided: bool) -> None:
    compiled = ruleset()
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    answers, _ = parse_answers(text + (DECISION if decided else ""), compiled, file="s.yaml")
    pia = json.loads(pia_json(score(compiled, answers), compiled, answers, "fr"))["pia"]
    assert pia["name"] == "Scribe Alpha"
    assert pia["author_name"] == answers.assessor
    if decided:
        assert pia["validator_name"] == "Commission IA"
        assert pia["evaluator_name"] == "Paul Durand, Anne Roy"
        assert pia["dpos_names"] == "Paul Durand, Anne Roy"
    else:
        assert pia["validator_name"] == pia["evaluator_name"] == pia["dpos_names"] == ""


def test_untrusted_text_is_escaped_as_the_tool_renders_it() -> None:
    answers, assessment = hostile_answers()
    data = json.loads(pia_json(assessment, ruleset(), answers, "en"))
    check_import_shape(data)
    assert data["pia"]["name"] == XSS  # shown as text by the tool's lists
    texts = [a["data"]["text"] for a in data["answers"] if a["data"]["text"]]
    texts += [m["content"] for m in data["measures"]]
    joined = "\n".join(texts)
    assert "<script" not in joined and "<img" not in joined and "<svg" not in joined
    parsed = markup(joined)
    assert parsed.tags <= OUR_TAGS and parsed.attributes == []
    # The payload is there, as text the reader sees.
    assert XSS in "".join(parsed.text)


def test_the_file_is_deterministic_and_written_with_the_others(tmp_path: Path) -> None:
    answers, assessment = example("triage-pending")
    paths = write_reports(assessment, ruleset(), answers, ("pia", "json"), tmp_path, "fr")
    assert [p.name for p in paths] == ["triageplus.report.json", "triageplus.pia.json"]
    again = pia_json(assessment, ruleset(), answers, "fr")
    assert (tmp_path / "triageplus.pia.json").read_text(encoding="utf-8") == again


def test_the_mapping_names_questions_of_the_tool_and_of_the_rule_set() -> None:
    spec = load_spec(None)
    compiled = ruleset()
    for item in spec.answers:
        assert QUESTIONS[item.pia] == "text"
        for qid in item.questions:
            assert qid in compiled.question_by_id, qid
    for measure in spec.measures:
        for qid in measure.questions:
            assert qid in compiled.question_by_id, qid
    measure_ids = {m.id for m in spec.measures}
    for risk in spec.risks:
        assert {risk.impacts, risk.threats, risk.sources, risk.measures} <= set(QUESTIONS)
        assert {QUESTIONS[q] for q in (risk.impacts, risk.threats, risk.sources)} == {"list"}
        assert risk.measures in MEASURE_LISTS
        assert QUESTIONS[risk.seriousness] == QUESTIONS[risk.likelihood] == "gauge"
        assert set(risk.measure_ids) <= measure_ids
    assert (embedded_reports_dir() / "pia.yaml").is_file()


def _checkout() -> Path:
    path = Path(os.environ.get("PIA_CHECKOUT", "/work/upstream/pia"))
    if not (path / "src/assets/files/pia_architecture.json").is_file():
        pytest.skip(f"no LINCnil/pia checkout at {path} (set PIA_CHECKOUT)")
    return path


def test_the_record_matches_the_upstream_files() -> None:
    """Run where a checkout of LINCnil/pia is at hand: the record above is still true."""
    root = _checkout()
    commit_file = root / "UPSTREAM_COMMIT"
    if commit_file.is_file():
        assert commit_file.read_text(encoding="utf-8").strip() == UPSTREAM_COMMIT
    architecture = json.loads((root / "src/assets/files/pia_architecture.json").read_text())
    found: dict[int, str] = {}
    measure_lists: set[int] = set()
    for section in architecture["sections"]:
        for item in section["items"]:
            for question in item.get("questions", []):
                found[question["id"]] = question["answer_type"]
                if question.get("is_measure"):
                    measure_lists.add(question["id"])
    assert found == QUESTIONS
    assert measure_lists == MEASURE_LISTS
    service = (root / "src/app/services/pia.service.ts").read_text(encoding="utf-8")
    for field in PIA_FIELDS - {"status", "updated_at", "created_at"}:
        assert f"data.pia.{field}" in service, field
    for field in ("reference_to", "data", "created_at", "updated_at"):
        assert f"answer.{field}" in service
    for field in ("title", "content", "placeholder", "created_at", "id"):
        assert f"measure.{field}" in service
    example_file = json.loads((root / "src/assets/files/2018-02-21-pia-example.json").read_text())
    assert set(example_file) == TOP_LEVEL
    for answer in example_file["answers"]:
        assert set(answer["data"]) == DATA_FIELDS


def test_a_users_mapping_with_an_unknown_definition_is_a_user_error(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    ours = (embedded_reports_dir() / "pia.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "pia.yaml").write_text(ours.replace("{is: vendor_operates}", "{is: vendor_runs}"))
    result = cli("report", str(EXAMPLES / "triage-pending.yaml"), "--format", "pia",
                 "--templates", str(folder), "-o", str(tmp_path / "out"))  # fmt: skip
    assert result.code == 2
    assert "pia.yaml" in result.err and "'vendor_runs'" in result.err
    assert "vendor_operates" in result.err  # the hint lists the names that exist
    assert "Traceback" not in result.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
