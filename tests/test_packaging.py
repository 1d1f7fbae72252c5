"""The package as shipped: the wheel's data and type marker, the extras, the dependencies.

An installed, non-editable wheel finds its embedded rule set and report templates.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("vetting-*.whl"))


@pytest.mark.slow
def test_wheel_ships_rules_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "vetting/_data/rules/health-ai/ruleset.yaml" in names
    assert any(n.startswith("vetting/_data/reports/") for n in names)
    assert "vetting/cli/__init__.py" in names
    assert "vetting/py.typed" in names  # users' type checkers read our annotations


@pytest.mark.slow
def test_installed_wheel_checks_its_embedded_rules(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import vetting; print(vetting.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert where.stdout.startswith(str(target))  # the wheel, not the checkout
    proc = subprocess.run(
        [sys.executable, "-m", "vetting", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("<embedded>/health-ai: ok: rule set health-ai")


def _extra(name: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=\[ ;]", req)[0] for req in project["optional-dependencies"][name]}


def test_the_test_extra_is_what_vetting_test_needs_and_no_more() -> None:
    """Rule authors install `vetting[test]`; the project's own test tools are in `[dev]`."""
    assert _extra("test") == {"pytest", "pytest-bdd", "gherkin-official"}
    assert "vetting" in _extra("dev")  # [test,pdf] and the tools of the suite and the gates


def test_openpyxl_reads_vendor_workbooks_with_defusedxml() -> None:
    """Why defusedxml is a dependency: openpyxl parses XML with it when it is installed."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
