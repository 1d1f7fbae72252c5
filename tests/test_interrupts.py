"""Ctrl-C always ends a command with exit 130, even when Python drops the exception.

`score --jobs` once exited 0 after Ctrl-C: an interrupted CI gate reporting success.
Python raises `KeyboardInterrupt` wherever the main thread is when its handler runs;
raised inside a finalizer or a fork hook, it is printed and dropped, and the batch
runs on to exit 0. And a signal taken by one of the pool's helper threads waits
until the main thread next looks. Each case is provoked at a fixed point by a
small driver (fault injection), never by a timed sleep.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "health-ai"

DRIVER = textwrap.dedent(
    """
    import gc, os, signal, sys, threading, weakref
    import vetting.cli.score as score
    from vetting.cli import main

    how, argv = sys.argv[1], sys.argv[2:]
    parent = os.getpid()
    real = score._score_each
    calls = []

    class Thing:
        pass

    def ctrl_c_in_a_finalizer():
        thing = Thing()
        weakref.finalize(thing, signal.raise_signal, signal.SIGINT)
        del thing  # the finalizer runs here; its KeyboardInterrupt is printed, dropped

    def blocked_in_helpers():
        for thread in threading.enumerate():
            if thread is threading.main_thread():
                continue
            status = open(f"/proc/self/task/{thread.native_id}/status").read()
            line = next(l for l in status.splitlines() if l.startswith("SigBlk:"))
            blocked = int(line.split()[1], 16) & (1 << (signal.SIGINT - 1))
            print(thread.name, "blocks SIGINT" if blocked else "takes SIGINT", file=sys.stderr)

    def block(job, entries):  # the blocks this process scores itself
        calls.append(1)
        if len(calls) == 2 and how == "finalizer":
            ctrl_c_in_a_finalizer()
        if len(calls) == 2 and how == "helpers":
            blocked_in_helpers()
        return real(job, entries)

    def before_fork():
        if os.getpid() == parent and how == "fork":
            signal.raise_signal(signal.SIGINT)  # Ctrl-C while a worker is being forked

    score._score_each = block
    os.register_at_fork(before=before_fork)
    sys.exit(main(argv))
    """
)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for the parent to score several blocks of its own."""
    folder = tmp_path_factory.mktemp("batch")
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for index in range(240):
        source = examples[index % len(examples)]
        (folder / f"{index:04d}-{source.name}").write_bytes(source.read_bytes())
    (folder.parent / "driver.py").write_text(DRIVER, encoding="utf-8")
    return folder


def _drive(batch: Path, how: str) -> subprocess.CompletedProcess[str]:
    argv = ["score", str(batch), "--format", "jsonl", "--jobs", "3"]
    return subprocess.run(
        [sys.executable, str(batch.parent / "driver.py"), how, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("how", ["fork", "finalizer"])
def test_a_swallowed_ctrl_c_still_exits_130_and_stops_the_batch(batch: Path, how: str) -> None:
    proc = _drive(batch, how)
    assert proc.returncode == 130, proc.stderr[-1500:]
    assert proc.stderr.endswith("interrupted\n")
    # Stopped at the next file, not after the whole batch.
    assert len(proc.stdout.splitlines()) < 240


@pytest.mark.slow
def test_a_batch_without_ctrl_c_still_exits_0(batch: Path) -> None:
    proc = _drive(batch, "none")
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert len(proc.stdout.splitlines()) == 240


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads Linux's /proc")
def test_only_the_main_thread_takes_ctrl_c(batch: Path) -> None:
    """The pool's helper threads block SIGINT: the kernel hands Ctrl-C to the main thread."""
    proc = _drive(batch, "helpers")
    assert proc.returncode == 0, proc.stderr[-1500:]
    helpers = [line for line in proc.stderr.splitlines() if "SIGINT" in line]
    assert len(helpers) == 3, proc.stderr
    assert all(line.endswith("blocks SIGINT") for line in helpers), helpers


def test_ctrl_c_to_the_whole_group_exits_130(batch: Path) -> None:
    """Ctrl-C reaches every process once the parent has started writing results."""
    argv = ["score", str(batch), "--format", "jsonl", "--jobs", "3"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "vetting", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # an event, not a delay: the pool runs and output flows
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err.decode()[-2000:]
    assert b"Traceback" not in err


def test_a_command_that_handled_its_ctrl_c_is_not_told_interrupted_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`assess` and `decide` say in the user's language what Ctrl-C kept and return 130:
    the top level adds no English "interrupted" under their message."""
    import vetting.cli.decide
    from vetting.cli import main

    def handled(args: object) -> int:
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            sys.stderr.write("Interrompu : le fichier n'a pas changé.\n")
            return 130
        raise AssertionError("no KeyboardInterrupt")  # pragma: no cover

    monkeypatch.setattr(vetting.cli.decide, "execute", handled)
    assert main(["decide", "x.yaml", "--lang", "fr"]) == 130
    assert capsys.readouterr().err == "Interrompu : le fichier n'a pas changé.\n"
