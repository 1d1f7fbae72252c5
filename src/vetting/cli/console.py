"""What every command prints the same way: warnings, and the program's name in hints.

Apart from the package (`vetting.cli`, the parser and the dispatcher), so that a
command's module never imports the dispatcher that imports it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vetting.errors import Problem


def program() -> str:
    """The command as the user typed it, for the hints we print: `vetting`,
    `.venv/bin/vetting` or `python3 -m vetting`."""
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "vetting"
    if Path(argv0).name == "__main__.py":  # python -m vetting
        interpreter = (getattr(sys, "orig_argv", None) or ["python3"])[0]
        return shlex.join([interpreter, "-m", "vetting"])
    if os.sep in argv0 or "/" in argv0:
        # Run from PATH, the system hands us the full path: then the bare name works too.
        found = shutil.which(Path(argv0).name)
        if found and Path(found).resolve() == Path(argv0).resolve():
            return Path(argv0).name
    return shlex.quote(argv0)


def warnings_text(problems: Iterable[Problem]) -> str:
    """Warnings one a line (`file:line:col: warning: ...`), for a command that prints them
    later (`vetting score` keeps each file's output together)."""
    return "".join(problem.warning() + "\n" for problem in problems)


def warn(problems: Iterable[Problem]) -> None:
    """The warnings on stderr: every command prints its warnings here, so they read alike."""
    sys.stderr.write(warnings_text(problems))
