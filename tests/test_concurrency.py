"""Several processes writing into one folder never leave a torn or mixed file.

The processes are made to overlap, not hoped to: each one stops at its first
rename into the folder, with its new files staged there, until every other one
has reached the same point (two pipes, no timing). Then all rename at once.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # eight processes and two lone runs

EXAMPLES = ROOT / "examples" / "health-ai"
FILES = [EXAMPLES / "scribe-accept.yaml", EXAMPLES / "us-chatbot-reject.yaml"]
PROCESSES = 8
FORMATS = "md,html,json"

#: `vetting ARGS...` whose first rename into FOLDER waits at a barrier: it says it has
#: arrived on one pipe, and waits for a byte on the other.
GATED = """
import os, sys
arrive, go, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
real_replace = os.replace
waited = []
def replace(source, target, *args, **kwargs):
    if not waited and os.fspath(target).startswith(folder):
        waited.append(target)
        os.write(arrive, b"!")
        os.read(go, 1)
    return real_replace(source, target, *args, **kwargs)
os.replace = replace
from vetting.cli import run
sys.argv = ["vetting", *sys.argv[4:]]
run()
"""


def _report(source: Path, out: Path) -> list[str]:
    return ["report", str(source), "--format", FORMATS, "--lang", "en", "-o", str(out)]


def test_concurrent_reports_into_one_folder_stay_whole(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    arrive_r, arrive_w = os.pipe()
    go_r, go_w = os.pipe()
    gated = [sys.executable, "-c", GATED, str(arrive_w), str(go_r), str(out)]
    procs = [
        subprocess.Popen(
            [*gated, *_report(FILES[i % 2], out)],
            pass_fds=(arrive_w, go_r),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    os.close(arrive_w)
    os.close(go_r)
    try:
        arrived = 0
        while arrived < PROCESSES:
            ready, _, _ = select.select([arrive_r], [], [], 300)  # a guard against a hang only
            chunk = os.read(arrive_r, PROCESSES) if ready else b""
            assert chunk, [p.communicate()[1] for p in procs if p.poll() is not None]
            arrived += len(chunk)
        # Every process is between staging its files and renaming them: all at once.
        staged = list(out.glob(".*.tmp"))
        assert len(staged) == PROCESSES * len(FORMATS.split(","))
        os.write(go_w, b"!" * PROCESSES)
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
    finally:
        os.close(go_w)
        os.close(arrive_r)
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    # Each file is one whole, deterministic rendering: identical to a lone run's.
    alone = tmp_path / "alone"
    for source in FILES:
        subprocess.run(
            [sys.executable, "-m", "vetting", *_report(source, alone)],
            check=True,
            capture_output=True,
        )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in alone.iterdir())  # no temporary file left
    for name in names:
        assert (out / name).read_bytes() == (alone / name).read_bytes(), name
    json.loads((out / "carechat.report.json").read_text(encoding="utf-8"))
