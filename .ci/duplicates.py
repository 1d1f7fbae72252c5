"""The duplicate-code gate: pylint's similarity checker over src/ and tests/ (settings in
pyproject.toml), run by .ci/run.

It fails on any copy that .ci/known-duplicates does not list, and on a listed copy that
is gone (so the list only shrinks). A listed copy is a pair of modules, one per line.

    .venv/bin/python .ci/duplicates.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN = ROOT / ".ci" / "known-duplicates"


def found() -> dict[frozenset[str], str]:
    """Every copy pylint reports, as the set of its modules -> pylint's message."""
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", "--output-format=json", "src/vetting", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode & 1 or proc.returncode & 32:  # fatal, or a usage error
        sys.exit(f"pylint failed ({proc.returncode}):\n{proc.stderr}")
    copies: dict[frozenset[str], str] = {}
    for message in json.loads(proc.stdout or "[]"):
        if message["symbol"] == "duplicate-code":
            modules = frozenset(re.findall(r"^==([\w.]+):", message["message"], re.M))
            copies[modules] = message["message"]
    return copies


def known() -> set[frozenset[str]]:
    if not KNOWN.exists():
        return set()
    lines = (line.split("#")[0].split() for line in KNOWN.read_text().splitlines())
    return {frozenset(words) for words in lines if words}


def main() -> int:
    copies, listed = found(), known()
    new = [copies[pair] for pair in copies if pair not in listed]
    gone = [" ".join(sorted(pair)) for pair in listed if pair not in copies]
    for message in new:
        print(f"duplicate code: {message}\n", file=sys.stderr)
    for pair in gone:
        print(f"{KNOWN.name}: '{pair}' no longer has a copy: delete its line", file=sys.stderr)
    if new:
        print("Move the shared lines into one helper (CONTRIBUTING.md).", file=sys.stderr)
    print(f"duplicate code: {len(new)} new, {len(copies) - len(new)} known, {len(gone)} gone")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
