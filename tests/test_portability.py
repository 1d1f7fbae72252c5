"""Windows is the usual desktop of a hospital DPO: nothing POSIX-only at import time.

Every module of the package must import where `fcntl`, `termios`, `pty` and the
other POSIX-only modules do not exist; what needs them (the answers-file lock)
chooses at run time.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result

#: Modules of the standard library that exist on POSIX systems only.
POSIX_ONLY = ("fcntl", "termios", "pty", "tty", "resource", "grp", "pwd", "syslog")

IMPORT_ALL = f"""
import importlib, pkgutil, sys
for name in {POSIX_ONLY!r}:
    sys.modules[name] = None  # `import name` now raises ImportError
import vetting
names, failed = ["vetting"], []
def broken(name):
    failed.append(f"{{name}}: cannot be walked")
for info in pkgutil.walk_packages(vetting.__path__, "vetting.", onerror=broken):
    if info.name.endswith(".__main__"):  # runs the CLI
        continue
    names.append(info.name)
    try:
        importlib.import_module(info.name)
    except ImportError as exc:
        failed.append(f"{{info.name}}: {{exc}}")
print(" ".join(names))
print("\\n".join(failed))
"""


def test_every_module_imports_without_posix_only_modules() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, check=True
    )
    imported, *failed = proc.stdout.strip().splitlines()
    assert failed == []
    package = ROOT / "src"
    expected = {
        ".".join(path.relative_to(package).with_suffix("").parts).removesuffix(".__init__")
        for path in package.glob("vetting/**/*.py")
    }
    assert set(imported.split()) == expected - {"vetting.__main__"}


def test_score_with_several_jobs_needs_no_signal_mask(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Windows has no `signal.pthread_sigmask`: `vetting score --jobs 2` does without."""
    monkeypatch.delattr(signal, "pthread_sigmask")
    examples = ROOT / "examples" / "health-ai"
    result = cli("score", str(examples), "--format", "jsonl", "--jobs", "2")
    alone = cli("score", str(examples), "--format", "jsonl", "--jobs", "1")
    assert result.code == alone.code
    assert result.out == alone.out
