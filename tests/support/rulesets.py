"""The rule sets the tests share, each loaded once per session."""

from __future__ import annotations

import functools

from tests.support.paths import FIXTURES, ROOT
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

HEALTH_AI = ROOT / "rules" / "health-ai"
MINI = FIXTURES / "rules" / "mini"
CLINIC = FIXTURES / "scoring" / "clinic"


@functools.cache
def health_ai() -> CompiledRuleSet:
    """The default rule set, from the checkout (also usable at collection time)."""
    return load_ruleset(HEALTH_AI)
