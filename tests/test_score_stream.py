"""`vetting score --format json|jsonl`: results written as they arrive, in input order.

A portfolio of 10,000 files must not be held in memory to be written: each
result is on stdout before the next file is scored, and the array of
`--format json` is byte for byte the indented array it always was.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.test_cli_score import ACCEPT, MODERATE, REJECT, Cli
from vetting.assess import Assessment, assessment_json, load_answers, score
from vetting.cli import main, score_output
from vetting.cli import score as score_cli
from vetting.ruleset.api import load_ruleset

CLINIC = str(FIXTURES / "scoring" / "clinic")


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    names = []
    for index in range(6):
        name = f"tool-{index}.yaml"
        (tmp_path / name).write_text((ACCEPT, MODERATE, REJECT)[index % 3], encoding="utf-8")
        names.append(name)
    return names


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_each_result_is_written_before_the_next_file_is_scored(
    portfolio: list[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    out = io.StringIO()
    written_when_scored: list[int] = []
    real = score_cli._score_one

    def counted(job: Any, entry: str) -> Any:
        written_when_scored.append(out.getvalue().count('"vetting_score"'))
        return real(job, entry)

    monkeypatch.setattr(score_cli, "_score_one", counted)
    monkeypatch.setattr("sys.stdout", out)
    code = main(["score", *portfolio, "--rules", CLINIC, "--format", fmt, "--jobs", "1"])
    assert code == 0
    assert written_when_scored == list(range(len(portfolio)))


@pytest.mark.parametrize("count", [1, 2, 6])
def test_the_streamed_array_is_the_indented_array(
    cli: Cli, portfolio: list[str], count: int
) -> None:
    inputs = [*portfolio[:count], "missing.yaml"] if count > 1 else portfolio[:1]
    result = cli("score", *inputs, "--rules", CLINIC, "--format", "json")
    data = json.loads(result.out)
    assert result.out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if count > 1:
        assert [item["source"] for item in data] == inputs
        assert "errors" in data[-1]


def test_a_folder_of_one_file_is_still_an_array(cli: Cli, portfolio: list[str]) -> None:
    folder = Path("only")
    folder.mkdir()
    Path(portfolio[0]).rename(folder / "a.yaml")
    result = cli("score", "only", "--rules", CLINIC, "--format", "json")
    assert [item["source"] for item in json.loads(result.out)] == ["only/a.yaml"]


def test_each_line_is_the_compact_json_of_its_result(
    cli: Cli, tmp_path: Path, portfolio: list[str]
) -> None:
    # Escapes and non-ASCII text as `json.dumps` writes them, from a hostile tool name.
    hostile = Path("hostile.yaml")
    name = '"\\e[31mÉvaluation\\u2028\\t\\x7f\\" /"'
    text = Path(portfolio[0]).read_text(encoding="utf-8")
    text = re.sub(r"tool: \{name: [^,}]*", lambda _: "tool: {name: " + name, text)
    hostile.write_text(text, encoding="utf-8")
    result = cli("score", *portfolio, str(hostile), "--rules", CLINIC, "--format", "jsonl")
    lines = result.out.split("\n")  # not splitlines(): U+2028 in a string is no line end
    assert lines.pop() == ""
    assert len(lines) == len(portfolio) + 1
    for line in lines:
        compact = json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))
        assert line == compact
    assert "\\u001b[31mÉvaluation" in lines[-1]


_EXAMPLES = sorted((ROOT / "examples" / "health-ai").glob("*.yaml"))


@pytest.mark.parametrize("path", _EXAMPLES, ids=lambda path: path.name)
@pytest.mark.parametrize(("lang", "compact"), [(None, False), ("fr", False), (None, True)])
def test_findings_encoded_once_are_the_bytes_of_the_whole_result(
    path: Path, lang: str | None, compact: bool
) -> None:
    """Each finding is encoded once and spliced into the rest of its result: the bytes are
    those of encoding the whole result, in every layout, the first time and the next."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(path, compiled)
    _assert_encoded_whole(score(compiled, answers), lang, compact)


@pytest.mark.parametrize("path", _EXAMPLES, ids=lambda path: path.name)
def test_a_result_scored_without_its_answer_points_is_the_same_json(path: Path) -> None:
    """`vetting score` leaves out the answers' points (no JSON result carries them):
    the assessment is the full one but for them, and its bytes are the same."""
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(path, compiled)
    full, lean = score(compiled, answers), score(compiled, answers, points=False)
    assert full.answer_points
    assert lean == full.model_copy(update={"answer_points": {}})
    for fmt, single in (("jsonl", False), ("json", True), ("json", False)):
        for lang, compact in ((None, False), ("fr", False), (None, True)):
            encoded = [
                score_output.encode_assessment(a, fmt, single=single, lang=lang, compact=compact)
                for a in (lean, full)
            ]
            assert encoded[0] == encoded[1]


@pytest.mark.parametrize("text", [ACCEPT, MODERATE, REJECT], ids=["accept", "moderate", "reject"])
@pytest.mark.parametrize(("lang", "compact"), [(None, False), ("fr", False), (None, True)])
def test_a_result_with_few_or_no_findings_is_encoded_whole(
    tmp_path: Path, text: str, lang: str | None, compact: bool
) -> None:
    compiled = load_ruleset(Path(CLINIC))
    path = tmp_path / "tool.yaml"
    path.write_text(text, encoding="utf-8")
    answers, _ = load_answers(path, compiled)
    _assert_encoded_whole(score(compiled, answers), lang, compact)


def _assert_encoded_whole(assessment: Assessment, lang: str | None, compact: bool) -> None:
    """`encode` of the data and `encode_assessment` of the model both give the bytes of
    encoding the whole data, in every layout, the first time and the next (memos)."""
    data = assessment_json(assessment, lang=lang, compact=compact)
    for fmt, single in (("jsonl", False), ("json", True), ("json", False)):
        whole = score_output._whole(data, fmt, single)
        for _ in range(2):
            assert score_output.encode(data, fmt, single=single) == whole
            direct = score_output.encode_assessment(
                assessment, fmt, single=single, lang=lang, compact=compact
            )
            assert direct == whole


@pytest.mark.parametrize(("fmt", "single"), [("jsonl", False), ("json", True), ("json", False)])
def test_a_result_holding_the_findings_mark_is_encoded_whole(fmt: str, single: bool) -> None:
    """Were another part of a result to read as the findings' mark, nothing is spliced."""
    item = {"notes": [score_output._MARK], "findings": [{"id": "hosting.location"}]}
    assert score_output.encode(item, fmt, single=single) == score_output._whole(item, fmt, single)
