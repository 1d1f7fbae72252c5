"""Semantic versions and constraints (`^1`, `~1.2`, `>=1.1.0`, `1.0.0`) for `extends`."""

from __future__ import annotations

import re

_VERSION = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$")


def parse(version: str) -> tuple[int, int, int]:
    """`1.2.3` -> (1, 2, 3); missing parts are 0. Raises ValueError when not a version."""
    match = _VERSION.match(version.strip())
    if not match:
        raise ValueError(f"'{version}' is not a version")
    major, minor, patch = (int(part) if part else 0 for part in match.groups())
    return major, minor, patch


def satisfies(version: str, constraint: str) -> bool:
    """Whether `version` meets `constraint` (npm-style caret and tilde, comparisons, exact)."""
    constraint = constraint.strip()
    have = parse(version)
    for op in (">=", "<=", ">", "<", "="):
        if constraint.startswith(op):
            want = parse(constraint[len(op) :])
            return {
                ">=": have >= want,
                "<=": have <= want,
                ">": have > want,
                "<": have < want,
                "=": have == want,
            }[op]
    if constraint.startswith("^"):
        text = constraint[1:]
        low = parse(text)
        parts = text.count(".") + 1
        if low[0] > 0 or parts == 1:
            high = (low[0] + 1, 0, 0)
        elif low[1] > 0 or parts == 2:
            high = (0, low[1] + 1, 0)
        else:
            high = (0, 0, low[2] + 1)
        return low <= have < high
    if constraint.startswith("~"):
        text = constraint[1:]
        low = parse(text)
        high = (low[0] + 1, 0, 0) if text.count(".") == 0 else (low[0], low[1] + 1, 0)
        return low <= have < high
    return have == parse(constraint)


def split_spec(spec: str) -> tuple[str, str | None]:
    """`health-ai@^1` -> ("health-ai", "^1"); `health-ai` -> ("health-ai", None)."""
    ident, _, constraint = spec.partition("@")
    return ident, constraint or None


def bump(old: str, new: str) -> str:
    """Which part a version change bumped: major, minor, patch, or none."""
    a, b = parse(old), parse(new)
    if b[0] > a[0]:
        return "major"
    if b[:2] > a[:2] and b[0] == a[0]:
        return "minor"
    if b > a:
        return "patch"
    return "none"
