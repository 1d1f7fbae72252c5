"""Find, load, check and compile a rule set: the one call every command makes."""

from __future__ import annotations

from pathlib import Path

from vetting.errors import Position, Problem, VettingError
from vetting.resources import DEFAULT_RULESET, embedded_rules_dir
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.sources import MANIFEST, display_name


def resolve_rules_dir(rules: str | Path | None, cwd: Path | None = None) -> tuple[Path, bool]:
    """Which rule set to use, and whether it is the embedded one.

    `--rules DIR` wins; else `./rules/health-ai/` when the current folder has it;
    else the rule set embedded in the package.
    """
    if rules is not None:
        folder = Path(rules)
        if not folder.exists():
            raise VettingError(
                Problem(Position(str(folder)), "no such folder", hint="check the --rules path")
            )
        if folder.is_file() and folder.name == MANIFEST:
            return folder.parent, False
        if folder.is_dir() and not (folder / MANIFEST).is_file():
            inner = sorted(p.parent for p in folder.glob(f"*/{MANIFEST}"))
            if len(inner) == 1:
                return inner[0], False
        return folder, False
    local = (cwd or Path.cwd()) / "rules" / DEFAULT_RULESET
    if (local / MANIFEST).is_file():
        return local, False
    return embedded_rules_dir(), True


def load_ruleset(
    rules: str | Path | None = None, cwd: Path | None = None, *, cache: bool = False
) -> CompiledRuleSet:
    """Load, validate, check and compile a rule set; raise every problem at once.

    `cache=True` (batch scoring) reuses a rule set checked by an earlier run when
    none of its files changed (see ruleset/cache.py); `vetting check` never does.
    """
    folder, embedded = resolve_rules_dir(rules, cwd)
    display = f"<embedded>/{DEFAULT_RULESET}" if embedded else None
    if cache:
        from vetting.ruleset import cache as stored

        hit = stored.lookup(folder, display or display_name(folder), embedded)
        if hit is not None:
            return hit
    # Loaded and checked only when no checked copy is kept: a batch that hits the
    # cache never imports the loader and the checker (tens of ms of a portfolio run).
    from vetting.ruleset.check import check
    from vetting.ruleset.load import load_folder

    loaded = load_folder(folder, display, keep_going=True)
    compiled = check(loaded, embedded=embedded)
    if cache:
        stored.store(loaded, embedded)
    return compiled
