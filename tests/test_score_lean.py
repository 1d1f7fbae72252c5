"""`vetting score --lang` and `--compact`: leaner JSON records, on request only.

The default keeps the rule set's texts in both languages; `--lang` keeps one
language of them in the same shape; `--compact` leaves them out and keeps every
id and number. Each mode validates against the one published schema.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.test_cli_score import Cli
from vetting.assess.assessment import REFERENCE_TEXTS, RULESET_TEXTS, assessment_schema

EXAMPLES = [
    str(ROOT / "examples" / "health-ai" / name)
    for name in ("us-chatbot-reject.yaml", "assistant-reject.yaml")
]


def _score(cli: Cli, *options: str) -> list[dict[str, Any]]:
    result = cli("score", *EXAMPLES, "--format", "jsonl", *options)
    assert result.code in (0, 1), result.err
    return [json.loads(line) for line in result.out.splitlines()]


def _texts(record: dict[str, Any]) -> list[Any]:
    """Every text of the rule set in a record, as the record holds it."""
    found: list[Any] = []
    for key, (_, names) in RULESET_TEXTS.items():
        for item in record[key]:
            found.extend(item[name] for name in names if name in item)
    return found


def _maps(value: Any) -> list[dict[str, str]]:
    """The language maps inside a text field (a map, a list of them, or references)."""
    if isinstance(value, list):
        return [m for item in value for m in _maps(item)]
    if isinstance(value, dict) and "ref" in value:
        return [m for key in REFERENCE_TEXTS if key in value for m in _maps(value[key])]
    return [value] if isinstance(value, dict) else []


def test_the_default_keeps_both_languages(cli: Cli) -> None:
    for record in _score(cli):
        maps = [m for text in _texts(record) for m in _maps(text)]
        assert maps and all(set(m) == {"fr", "en"} for m in maps)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lang_keeps_one_language_of_the_same_texts(cli: Cli, lang: str) -> None:
    full, lean = _score(cli), _score(cli, "--lang", lang)
    for whole, record in zip(full, lean, strict=True):
        jsonschema.validate(record, assessment_schema())
        expected = [{lang: m[lang]} for text in _texts(whole) for m in _maps(text)]
        assert [m for text in _texts(record) for m in _maps(text)] == expected
        assert len(json.dumps(record)) < len(json.dumps(whole))


def test_compact_keeps_every_id_and_number_and_no_rule_set_text(cli: Cli) -> None:
    full, compact = _score(cli), _score(cli, "--compact")
    for whole, record in zip(full, compact, strict=True):
        jsonschema.validate(record, assessment_schema())
        assert _texts(record) == []
        stripped = copy.deepcopy(whole)
        for key, (_, names) in RULESET_TEXTS.items():
            for item in stripped[key]:
                for name in names:
                    item.pop(name, None)
        assert record == stripped
        assert len(json.dumps(record)) * 3 < len(json.dumps(whole))


def test_compact_with_the_text_table_is_a_usage_error(cli: Cli) -> None:
    result = cli("score", EXAMPLES[0], "--compact")
    assert result.code == 2
    assert "--compact" in result.err and "--format json" in result.err
    assert "Traceback" not in result.err


def test_lang_and_compact_stream_the_json_array_too(cli: Cli) -> None:
    result = cli("score", *EXAMPLES, "--format", "json", "--compact", "--lang", "fr")
    data = json.loads(result.out)
    assert [item["source"] for item in data] == EXAMPLES
    assert all(_texts(item) == [] for item in data)
