"""Faults while writing: a report set is written as a unit; OS errors are one line.

A full disk, Ctrl-C or SIGTERM is injected before each system call that writes
the set (each `write`, `fsync`, `link` and `rename`); afterwards the folder holds
the whole old set or the whole new set, byte for byte, and no temporary file.
`vetting assess` ends with the same `write_reports`.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, Result

EXAMPLES = ROOT / "examples" / "health-ai"
FORMATS = "md,html,json,xlsx"
CALLS = ("write", "fsync", "link", "replace")


def _new_answers(folder: Path) -> Path:
    """The same tool (same file names), answered so that every report changes."""
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    path = folder / "new.yaml"
    assert "hosting.location: france" in text
    path.write_text(text.replace("hosting.location: france", "hosting.location: outside_eea"))
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def new_answers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file for every run: the report's JSON records where the answers came from."""
    return _new_answers(tmp_path_factory.mktemp("answers"))


@pytest.fixture(scope="module")
def sets(
    tmp_path_factory: pytest.TempPathFactory, new_answers: Path
) -> dict[str, dict[str, bytes]]:
    from vetting.cli import main

    tmp = tmp_path_factory.mktemp("sets")
    for name, answers in (("old", EXAMPLES / "scribe-accept.yaml"), ("new", new_answers)):
        code = main(["report", str(answers), "--format", FORMATS, "-o", str(tmp / name)])
        assert code == 0
    old, new = _snapshot(tmp / "old"), _snapshot(tmp / "new")
    assert old.keys() == new.keys() and len(old) == 4
    assert all(old[name] != new[name] for name in old)
    return {"old": old, "new": new}


def _count_calls(tmp_path: Path, sets: dict[str, dict[str, bytes]]) -> dict[str, int]:
    """How many of each call writing the set makes, measured on a clean run."""
    out = tmp_path / "count"
    out.mkdir()
    for name, data in sets["old"].items():
        (out / name).write_bytes(data)
    counts = dict.fromkeys(CALLS, 0)
    real = {name: getattr(os, name) for name in CALLS}

    def counting(name: str) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            counts[name] += 1
            return real[name](*args, **kwargs)

        return call

    from vetting.cli import main

    saved = {name: getattr(os, name) for name in CALLS}
    try:
        for name in CALLS:
            setattr(os, name, counting(name))
        assert (
            main(["report", str(_new_answers(tmp_path)), "--format", FORMATS, "-o", str(out)]) == 0
        )
    finally:
        for name, function in saved.items():
            setattr(os, name, function)
    return counts


def test_the_set_is_written_with_one_call_of_each_kind_per_file(
    tmp_path: Path, sets: dict[str, dict[str, bytes]]
) -> None:
    assert _count_calls(tmp_path, sets) == {"write": 4, "fsync": 4, "link": 4, "replace": 4}


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("nth", [1, 2, 4])
def test_a_full_disk_at_any_step_leaves_the_old_set(
    tmp_path: Path,
    sets: dict[str, dict[str, bytes]],
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    nth: int,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in sets["old"].items():
        (out / name).write_bytes(data)
    real = getattr(os, call)
    seen = [0]

    def failing(*args: object, **kwargs: object) -> object:
        seen[0] += 1
        if seen[0] == nth:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out / "x"))
        return real(*args, **kwargs)

    answers = _new_answers(tmp_path)
    monkeypatch.setattr(os, call, failing)
    result = cli("report", str(answers), "--format", FORMATS, "-o", str(out))
    monkeypatch.setattr(os, call, real)
    assert result.code == 2
    assert result.err.endswith(
        "no space left on device (the disk is full: free some space, then run the command again)\n"
    )
    assert len(result.err.splitlines()) == 1
    assert _snapshot(out) == sets["old"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


DRIVER = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    from vetting.cli import main

    signum, answers, formats = getattr(signal, sys.argv[1]), sys.argv[2], sys.argv[4]
    out = Path(sys.argv[3])
    old = json.loads(Path(sys.argv[5]).read_text())
    calls = ("write", "fsync", "link", "replace")
    real = {name: getattr(os, name) for name in calls}
    results = []
    for call in calls:
        for nth in (1, 2, 3, 4):
            for path in out.iterdir():
                path.unlink()
            for name, data in old.items():
                (out / name).write_bytes(bytes.fromhex(data))
            seen = [0]
            def hook(*args, _call=call, _nth=nth, **kwargs):
                seen[0] += 1
                if seen[0] == _nth:
                    os.kill(os.getpid(), signum)  # the signal arrives just before this call
                return real[_call](*args, **kwargs)
            setattr(os, call, hook)
            try:
                code = main(["report", answers, "--format", formats, "-o", str(out)])
            finally:
                setattr(os, call, real[call])
            files = {p.name: p.read_bytes().hex() for p in sorted(out.iterdir())}
            results.append({"call": call, "nth": nth, "code": code, "files": files})
    print(json.dumps(results))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_signal_at_any_step_leaves_the_old_or_the_new_set(
    tmp_path: Path, sets: dict[str, dict[str, bytes]], new_answers: Path, signame: str
) -> None:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({k: v.hex() for k, v in sets["old"].items()}), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    argv = [signame, str(new_answers), str(out), FORMATS, str(old)]
    proc = subprocess.run(
        [sys.executable, str(driver), *argv], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]  # SIGTERM did not kill it outright
    results = json.loads(proc.stdout)
    assert len(results) == 16
    old_set = {k: v.hex() for k, v in sets["old"].items()}
    new_set = {k: v.hex() for k, v in sets["new"].items()}
    for result in results:
        where = f"{signame} before {result['call']} #{result['nth']}"
        assert result["code"] == 130, where
        assert result["files"] in (old_set, new_set), where  # nothing else: no temporary
        # Held during the renames: once linking starts, the new set is completed first.
        if result["call"] in ("link", "replace"):
            assert result["files"] == new_set, where
        else:
            assert result["files"] == old_set, where


# ------------------------------------------------------------------ OS errors, one line


@pytest.mark.parametrize(
    ("argv", "shown", "hint"),
    [
        (["report", "{answers}", "-o", "{file}"], "{file}", "a file is in the way"),
        (["report", "{answers}", "-o", "{file}/sub"], "{file}/sub", "a part of the path is a file"),
        (["checklist", "-o", "{file}/sub.xlsx"], "{file}", "a file is in the way"),
        (["rules", "export", "-o", "{file}/x.json"], "{file}", "a file is in the way"),
        (["rules", "doc", "-o", "{file}/x.md"], "{file}", "a file is in the way"),
        (["compare", "{answers}", "-o", "{file}/x.md"], "{file}", "a file is in the way"),
        (["report", "{answers}", "-o", "{folder}"], "{folder}/", "that is a folder"),
    ],
)
def test_an_os_error_is_one_line_and_exit_2(
    tmp_path: Path, cli: Callable[..., Result], argv: list[str], shown: str, hint: str
) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    folder = tmp_path / "out"
    (folder / "scribe-alpha.report.md").mkdir(parents=True)  # a folder where a file goes
    values = {
        "{answers}": str(EXAMPLES / "scribe-accept.yaml"),
        "{file}": str(tmp_path / "afile"),
        "{folder}": str(folder),
    }

    def fill(text: str) -> str:
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    result = cli(*[fill(arg) for arg in argv])
    assert result.code == 2, result.err
    assert len(result.err.splitlines()) == 1, result.err
    assert result.err.startswith(fill(shown)), result.err
    assert hint in result.err


def test_a_full_disk_while_saving_an_import_is_one_line(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        cli(
            "report", str(EXAMPLES / "scribe-accept.yaml"), "--format", "xlsx", "-o", str(tmp_path)
        ).code
        == 0
    )

    def full(*args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    result = cli(
        "import-checklist", str(next(tmp_path.glob("*.xlsx"))), "-o", str(tmp_path / "a.yaml")
    )
    monkeypatch.undo()
    assert result.code == 2
    assert result.err == (
        "no space left on device (the disk is full: free some space, then run the command again)\n"
    )
    assert not list(tmp_path.glob(".*"))


# ------------------------------------------------------------------ modes, overlays


@pytest.mark.parametrize("existing", ["link_to_setuid", "setuid_file", "plain_0640", "none"])
def test_a_report_gets_the_usual_mode(
    tmp_path: Path, cli: Callable[..., Result], existing: str
) -> None:
    umask = os.umask(0o022)
    try:
        out = tmp_path / "out"
        out.mkdir()
        target = out / "scribe-alpha.report.html"
        program = tmp_path / "program"
        program.write_text("#!/bin/sh\n", encoding="utf-8")
        program.chmod(0o4755)
        if existing == "link_to_setuid":
            target.symlink_to(program)
        elif existing == "setuid_file":
            target.write_text("old", encoding="utf-8")
            target.chmod(0o4755)
        elif existing == "plain_0640":
            target.write_text("old", encoding="utf-8")
            target.chmod(0o640)
        result = cli(
            "report", str(EXAMPLES / "scribe-accept.yaml"), "--format", "html", "-o", str(out)
        )
        assert result.code == 0, result.err
    finally:
        os.umask(umask)
    info = os.lstat(target)
    assert stat.S_ISREG(info.st_mode)
    expected = {"link_to_setuid": 0o644, "setuid_file": 0o755, "plain_0640": 0o640, "none": 0o644}
    assert stat.S_IMODE(info.st_mode) == expected[existing]
    assert stat.S_IMODE(program.stat().st_mode) == 0o4755  # the link's target is untouched
    assert program.read_text(encoding="utf-8") == "#!/bin/sh\n"


def test_a_long_chain_of_overlays_is_a_clean_error(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """1,200 overlays each extending the next: RecursionError before, now one line."""
    import shutil

    shutil.copytree(FIXTURES / "rules" / "mini", tmp_path / "mini")
    count = 1200
    for index in range(count):
        base = f"o{index + 1}" if index + 1 < count else "mini"
        folder = tmp_path / f"o{index}"
        folder.mkdir()
        (folder / "ruleset.yaml").write_text(
            f"format: 1\nid: o{index}\nversion: 1.0.0\nextends: {base}\n"
            "title: {fr: O, en: O}\nas_of: 2026-01-01\nauthors: [t]\nlicense: CC0-1.0\n",
            encoding="utf-8",
        )
    result = cli("check", str(tmp_path / "o0"))
    assert result.code == 2
    assert "overlays extend each other more than 16 levels deep" in result.err
    assert len(result.err.splitlines()) == 1
