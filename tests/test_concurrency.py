"""Several processes writing into one folder never leave a torn or mixed file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "health-ai"


def test_concurrent_reports_into_one_folder_stay_whole(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    files = [EXAMPLES / "scribe-accept.yaml", EXAMPLES / "us-chatbot-reject.yaml"]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vetting",
                "report",
                str(files[i % 2]),
                "--format",
                "md,html,json",
                "--lang",
                "en",
                "-o",
                str(out),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(8)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    # Each file is one whole, deterministic rendering: identical to a lone run's.
    alone = tmp_path / "alone"
    for source in files:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "vetting",
                "report",
                str(source),
                "--format",
                "md,html,json",
                "--lang",
                "en",
                "-o",
                str(alone),
            ],
            check=True,
            capture_output=True,
        )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in alone.iterdir())  # no temporary file left
    for name in names:
        assert (out / name).read_bytes() == (alone / name).read_bytes(), name
    json.loads((out / "carechat.report.json").read_text(encoding="utf-8"))
