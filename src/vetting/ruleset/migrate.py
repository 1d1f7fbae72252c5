"""Reading answers written for an older version of a rule set: the migration map.

A rule set's `changelog` says, per version, which questions were added,
removed, renamed or changed in meaning. Between the version an answers file
names and the current one, renames are applied (so nothing is mis-scored),
and the rest is listed for the buyer; the questionnaire asks again what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vetting.ruleset import versions
from vetting.ruleset.model import RuleSet


@dataclass
class Migration:
    """What changed between two versions of one rule set, for one answers file."""

    from_version: str
    to_version: str
    renamed: dict[str, str] = field(default_factory=dict)
    renamed_choices: dict[str, dict[str, str]] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def question(self, qid: str) -> str:
        """The current id of a question answered under the old version."""
        return self.renamed.get(qid, qid)

    def choice(self, qid: str, choice: str) -> str:
        """The current id of a choice (of the current question id)."""
        return self.renamed_choices.get(qid, {}).get(choice, choice)

    def is_empty(self) -> bool:
        return not (
            self.renamed or self.renamed_choices or self.added or self.removed or self.changed
        )


def migration(ruleset: RuleSet, from_version: str) -> Migration:
    """The changelog entries after `from_version`, up to the rule set's version, combined."""
    result = Migration(from_version, ruleset.version)
    try:
        start = versions.parse(from_version)
    except ValueError:
        return result
    entries = sorted(
        (
            e
            for e in ruleset.changelog
            if start < versions.parse(e.version) <= versions.parse(ruleset.version)
        ),
        key=lambda e: versions.parse(e.version),
    )
    for entry in entries:
        # A rename of a rename: old -> middle -> new becomes old -> new.
        for old, new in entry.renamed.items():
            for first, middle in list(result.renamed.items()):
                if middle == old:
                    result.renamed[first] = new
            result.renamed.setdefault(old, new)
        for qid, table in entry.renamed_choices.items():
            result.renamed_choices.setdefault(qid, {}).update(table)
        for qid in entry.added:
            if qid not in result.added:
                result.added.append(qid)
        for qid in entry.removed:
            if qid in result.added:
                result.added.remove(qid)
            elif qid not in result.removed:
                result.removed.append(qid)
        for qid in entry.changed:
            if qid not in result.changed and qid not in result.added:
                result.changed.append(qid)
    return result
