"""The strict YAML loader: positions, YAML 1.2 booleans, no duplicates, no aliases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vetting.errors import VettingError
from vetting.files import atomic_write
from vetting.yamlio import decode, parse


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "NO", "Yes", "y", "n", "Off"])
def test_yaml_11_booleans_stay_strings(word: str) -> None:
    assert parse(f"answer: {word}\n", "f.yaml").data == {"answer": word}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("false", False),
        ("12", 12),
        ("1.5", 1.5),
        ("~", None),
        ("2026-11-24", dt.date(2026, 11, 24)),
        ("'12'", "12"),
        ('"true"', "true"),
        ("1.0.0", "1.0.0"),
        ("hosting.location", "hosting.location"),
        ("-2.5E-1", -0.25),
        # What PyYAML's dumper writes plain because YAML 1.1 reads it as text:
        ("1e3", "1e3"),
        ("2e4", "2e4"),
        ("-.5", "-.5"),
        ("017", "017"),
        ("1_000", 1000),
        ("!!str 12", "12"),
        ("|\n  12\n", "12\n"),
        ("Null", None),
        ("nullable", "nullable"),
        ("'<<'", "<<"),
        ("{!!str <<: 1}", {"<<": 1}),
    ],
)
def test_scalars_follow_yaml_12(text: str, value: object) -> None:
    assert parse(f"v: {text}\n", "f.yaml").data == {"v": value}


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("a", "b", 1), "f.yaml:4:7"),
        (("a", "b"), "f.yaml:2:3"),
        (("a", "missing", 3), "f.yaml:1:1"),
        (("a", "b", 7), "f.yaml:2:3"),
        (("a", "b", 0, "deeper"), "f.yaml:3:7"),
        (("c", 1, "d"), "f.yaml:5:9"),
        (("c", 0), "f.yaml:5:5"),
        ((), "f.yaml:1:1"),
    ],
)
def test_positions_are_found_per_key_and_item(path: tuple[str | int, ...], where: str) -> None:
    """A mapping entry is where its key is; a list item where it starts; a path that
    leaves the document stops at the last step found."""
    doc = parse("a:\n  b:\n    - x\n    - y\nc: [1, {d: 2}]\n", "f.yaml")
    assert str(doc.position(path)) == where


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "f.yaml:3:1: a: duplicate key 'a' (first defined on line 1)"),
        ("a: &x [1]\nb: *x\n", "f.yaml:2:1: b: YAML anchors and aliases"),
        ("a: [1\n", "f.yaml:2:1: YAML syntax error"),
        ("? [a]\n: 1\n", "f.yaml:1:3: keys must be plain text"),
        ("a: {x: 1}\nb:\n  <<: {x: 2}\n", "f.yaml:3:3: keys must be plain text"),
        ("a: 1\n!!merge b: 2\n", "f.yaml:2:1: keys must be plain text"),
    ],
)
def test_invalid_documents_give_one_positioned_error(text: str, message: str) -> None:
    with pytest.raises(VettingError) as info:
        parse(text, "f.yaml")
    assert str(info.value).startswith(message)


def test_alias_bomb_is_rejected_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    with pytest.raises(VettingError, match="anchors and aliases"):
        parse("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_rejected() -> None:
    with pytest.raises(VettingError, match="nesting deeper than"):
        parse("a: " + "[" * 100 + "]" * 100 + "\n", "deep.yaml")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a: \xff\n", "f.yaml:1:4: not valid UTF-8 (byte 0xff) (save the file as UTF-8)"),
        (b"a: b\x00\n", "f.yaml:1:5: NUL byte in a text file (is it binary?)"),
    ],
)
def test_bad_bytes_are_located(raw: bytes, message: str) -> None:
    with pytest.raises(VettingError) as info:
        decode(raw, "f.yaml")
    assert str(info.value) == message


def test_bom_and_crlf_are_accepted() -> None:
    text = decode(b"\xef\xbb\xbfa: yes\r\nb: 2\r\n", "f.yaml")
    assert parse(text, "f.yaml").data == {"a": "yes", "b": 2}


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    atomic_write(target, "first")
    atomic_write(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_atomic_write_gives_new_files_the_usual_mode_and_keeps_existing_ones(
    tmp_path: Path,
) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        atomic_write(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        private = tmp_path / "private.txt"
        private.write_text("x")
        private.chmod(0o600)
        atomic_write(private, "y")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
