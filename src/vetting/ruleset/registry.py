"""Which rule set scores an answers file: the one its `ruleset: id@version` names.

A run may hold files of several rule sets (health-ai and a hospital's overlay) and of
several versions of one (a portfolio kept across an upgrade). Each file is scored with
a rule set found, in this order, among:

1. the folders given with `--rules` (repeatable), in the order given;
2. `./rules/<id>/` in the current folder;
3. the rule sets embedded in vetting.

For a file written for `id@X`, the first of them with that id that can *migrate* it
wins: its version is X, or it is newer and its changelog documents every major version
since X (minor and patch versions are compatible by the rule-set versioning policy:
`vetting rules diff --check-version`). The file is then read through the changelog's
renames and scored with the newer version, and the outputs say so. Failing that, the
first with exactly version X is used; failing that, the file is refused with one line
that names what was found, and the other files of the run are still scored.

Rule sets are loaded lazily (from the cache of checked rule sets), so a run over files
of one rule set loads one rule set, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vetting.errors import Position, Problem, VettingError
from vetting.resources import DEFAULT_RULESET, embedded_rules_dir
from vetting.ruleset import versions
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import RuleSet
from vetting.ruleset.sources import MANIFEST

#: `id` or `id@version`, as an answers file's `ruleset:` field writes it.
CLAIM = re.compile(r"^([a-z][a-z0-9-]*)(?:@([0-9A-Za-z.+-]+))?$")


def can_migrate(rs: RuleSet, version: str) -> bool:
    """Whether answers written for `version` can be read by `rs` through its changelog.

    Yes for the same version or an older one of the same major version; across major
    versions, only when the changelog has the `N.0.0` entry of every major version
    crossed (it lists what was removed, renamed or changed in meaning).
    """
    try:
        have, want = versions.parse(rs.version), versions.parse(version)
    except ValueError:
        return False
    if want > have:
        return False
    documented = set()
    for entry in rs.changelog:
        major, minor, patch = versions.parse(entry.version)
        if (minor, patch) == (0, 0):
            documented.add(major)
    return all(major in documented for major in range(want[0] + 1, have[0] + 1))


def written_for(claim: str, version: str) -> str | None:
    """The version an answers file names, when it is not `version` (the one that scored)."""
    match = CLAIM.match(claim)
    if match is None or match.group(2) in (None, version):
        return None
    return match.group(2)


@dataclass
class _Candidate:
    folder: Path
    embedded: bool
    #: The id its folder promises (./rules/<id>/ and embedded ones); None for --rules.
    named: str | None
    compiled: CompiledRuleSet | None = None


@dataclass
class RuleSets:
    """The rule sets a run may use, loaded on first need; picklable for worker processes."""

    rules: tuple[str, ...] = ()
    cwd: Path = field(default_factory=Path.cwd)
    _candidates: list[_Candidate] | None = None
    #: Claims already answered (`health-ai@3.0.0` -> its rule set): a portfolio's files
    #: name a handful of versions, each looked up once.
    _claimed: dict[str, CompiledRuleSet] = field(default_factory=dict)

    def candidates(self) -> list[_Candidate]:
        if self._candidates is None:
            from vetting.ruleset.api import resolve_rules_dir

            found: list[_Candidate] = []
            for given in self.rules:
                folder, embedded = resolve_rules_dir(given, self.cwd)
                found.append(_Candidate(folder, embedded, None))
            local = self.cwd / "rules"
            if local.is_dir():
                for folder in sorted(p.parent for p in local.glob(f"*/{MANIFEST}")):
                    found.append(_Candidate(folder, False, folder.name))
            found.append(_Candidate(embedded_rules_dir(), True, DEFAULT_RULESET))
            unique: dict[Path, _Candidate] = {}
            for candidate in found:
                unique.setdefault(candidate.folder.resolve(), candidate)
            self._candidates = list(unique.values())
        return self._candidates

    def _load(self, candidate: _Candidate) -> CompiledRuleSet:
        if candidate.compiled is None:
            from vetting.ruleset.api import load_ruleset

            where = None if candidate.embedded else candidate.folder
            candidate.compiled = load_ruleset(where, self.cwd, cache=True)
        return candidate.compiled

    def default(self) -> CompiledRuleSet:
        """The rule set of a run's first choice: the first `--rules`, else as before."""
        return self._load(self.candidates()[0])

    def _with_id(self, rid: str) -> list[CompiledRuleSet]:
        """Every candidate that is the rule set `rid`, in the order of precedence."""
        out = []
        for candidate in self.candidates():
            if candidate.named is not None and candidate.named != rid:
                continue  # ./rules/<other>/ or another embedded one: not loaded
            compiled = self._load(candidate)
            if compiled.ruleset.id == rid:
                out.append(compiled)
        return out

    def for_claim(self, claim: object, where: Callable[[], Position]) -> CompiledRuleSet:
        """The rule set that scores a file whose `ruleset:` field is `claim`.

        A missing or malformed claim goes to the default rule set, whose reading of the
        file reports it with its usual message. `where` gives the field's position, only
        when a message needs it (looking it up costs more than the rest).
        """
        if isinstance(claim, str) and claim in self._claimed:
            return self._claimed[claim]
        found = self._for_claim(claim, where)
        if isinstance(claim, str):
            self._claimed[claim] = found
        return found

    def _for_claim(self, claim: object, where: Callable[[], Position]) -> CompiledRuleSet:
        match = CLAIM.match(claim) if isinstance(claim, str) else None
        if match is None:
            return self.default()
        rid, version = match.group(1), match.group(2)
        first = self.default()
        if first.ruleset.id == rid and (version is None or can_migrate(first.ruleset, version)):
            return first  # the common case: no other rule set is looked at
        same_id = self._with_id(rid)
        if version is None and same_id:
            return same_id[0]
        for compiled in same_id:
            if version is not None and can_migrate(compiled.ruleset, version):
                return compiled
        for compiled in same_id:
            if compiled.ruleset.version == version:
                return compiled
        raise VettingError(
            Problem(where(), self._not_found(str(claim)), "ruleset", hint=self._hint(rid))
        )

    def _not_found(self, claim: str) -> str:
        """What was looked for, and what was found (the versions that could not take it)."""
        seen = [
            f"{c.compiled.ruleset.id} {c.compiled.ruleset.version}"
            for c in self.candidates()
            if c.compiled is not None
        ]
        return f"no rule set found for '{claim}'" + (f" (found: {', '.join(seen)})" if seen else "")

    @staticmethod
    def _hint(rid: str) -> str:
        return f"give its folder with --rules DIR, or put it in ./rules/{rid}/"
