"""No network, ever: the whole flow runs in processes whose sockets are disabled.

Nothing about a hospital's tools may leave the machine. Each command runs in a
child process with a `sitecustomize` that replaces socket creation and name
resolution: any attempt raises, and also leaves a marker file, so an attempt
that the code catches and ignores is still seen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import FIXTURES, ROOT

# Every command in a child process, the questionnaire in a pseudo-terminal.
pytestmark = pytest.mark.slow

GUARD = """
import os, socket

_MARK = os.environ["VETTING_NETWORK_MARK"]


def _refuse(*args, **kwargs):
    with open(_MARK, "a", encoding="utf-8") as handle:
        handle.write(repr(args)[:200] + "\\n")
    raise OSError("network disabled by the test")


class _NoSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6) or fileno is None and family == -1:
            _refuse("socket", family, type)
        super().__init__(family, type, proto, fileno)


socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
"""

EXAMPLES = ROOT / "examples" / "health-ai"


@pytest.fixture
def offline(tmp_path: Path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    mark = tmp_path / "network-attempts.log"
    return {
        **os.environ,
        "PYTHONPATH": str(guard),
        "VETTING_NETWORK_MARK": str(mark),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "LANG": "en_GB.UTF-8",
    }


def _attempts(env: dict[str, str]) -> str:
    mark = Path(env["VETTING_NETWORK_MARK"])
    return mark.read_text(encoding="utf-8") if mark.exists() else ""


def test_the_guard_works(offline: dict[str, str], tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://x.invalid')"],
        env=offline,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode != 0
    assert _attempts(offline)  # the attempt was seen


COMMANDS = [
    ["check"],
    ["check", "--stale", "--today", "2028-01-01"],
    ["rules", "export"],
    ["rules", "schema"],
    ["rules", "doc", "--lang", "fr"],
    ["rules", "diff", str(ROOT / "rules/health-ai"), str(FIXTURES / "rules/chu-overlay")],
    ["score", "--format", "json", str(EXAMPLES)],
    ["score", "--format", "jsonl", str(EXAMPLES)],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_commands_work_without_network(
    args: list[str], offline: dict[str, str], tmp_path: Path
) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vetting", *args],
        env=offline,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: a diff found differences
    assert _attempts(offline) == ""


def test_questionnaire_works_without_network(offline: dict[str, str], tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "vetting", "assess", "--rules", str(FIXTURES / "rules/mini"), "--lang", "en"],
        cwd=str(tmp_path),
        env=offline,
        encoding="utf-8",
        timeout=20,
    )
    for prompt, reply in [
        ("Name of the tool", "Scribe"),
        ("Vendor", ""),
        ("Version", ""),
        ("name or role", ""),
    ]:
        child.expect(prompt)
        child.sendline(reply)
    child.expect("Which data")
    child.send("\x1b[A\r")  # no patient data (one up from "I don't know"): nothing else applies
    child.expect("Verdict")
    child.expect("decision now")
    child.send("\r")  # later
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert _attempts(offline) == ""


def test_no_pydantic_plugin_is_loaded(offline: dict[str, str], tmp_path: Path) -> None:
    """A pydantic plugin sees every answer validated: one installed beside vetting
    (an entry point of group `pydantic`) is never imported by the command."""
    site = tmp_path / "plugin-site"
    (site / "spy-1.0.dist-info").mkdir(parents=True)
    (site / "spy-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: spy\nVersion: 1.0\n", encoding="utf-8"
    )
    (site / "spy-1.0.dist-info" / "entry_points.txt").write_text(
        "[pydantic]\nspy = spy:plugin\n", encoding="utf-8"
    )
    mark = tmp_path / "plugin-loaded"
    (site / "spy.py").write_text(
        f"open({str(mark)!r}, 'w').close()\nplugin = object()\n", encoding="utf-8"
    )
    env = {**offline, "PYTHONPATH": f"{offline['PYTHONPATH']}{os.pathsep}{site}"}
    # An in-process `main()` of another test sets it in this process: not for the probe.
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    probe = [sys.executable, "-c", "import pydantic.plugin._loader as l; list(l.get_plugins())"]
    subprocess.run(probe, env=env, capture_output=True, cwd=tmp_path, check=False)
    assert mark.exists()  # the plugin is found when nothing disables it
    mark.unlink()
    proc = subprocess.run(
        [sys.executable, "-m", "vetting", "score", "--format", "json", str(EXAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert not mark.exists()
