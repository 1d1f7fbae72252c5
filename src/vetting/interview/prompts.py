"""Asking one question in the terminal, with questionary: the thin layer.

Every prompt offers the answer `unknown`, the "why we ask" help and the way
back. Nothing here decides what to ask: `flow.Interview` does.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import questionary
from questionary import Choice, Separator

from vetting.i18n import pick, t

if TYPE_CHECKING:  # the first prompt must not wait for pydantic: see cli/assess.py
    from collections.abc import Callable

    from vetting.ruleset.compiled import CompiledRuleSet
    from vetting.ruleset.model import Question


class _Action:
    """A navigation reply, distinct from any answer value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


BACK = _Action("back")
HELP = _Action("help")
UNKNOWN_VALUE = "unknown"

STYLE = questionary.Style(
    [
        ("qmark", "fg:#2b6cb0 bold"),
        ("question", "bold"),
        ("pointer", "fg:#2b6cb0 bold"),
        ("highlighted", "fg:#2b6cb0 bold"),
        ("selected", "fg:#2f855a"),
        ("instruction", "fg:#718096"),
        ("separator", "fg:#a0aec0"),
    ]
)


@dataclass
class Terminal:
    """Where prompts read and write: the real terminal, or a pipe in tests."""

    lang: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    prompt_kwargs: dict[str, Any] = field(default_factory=dict)
    #: Called once, when the first prompt is on the screen (`assess` loads its rules then).
    on_shown: Callable[[], None] | None = None

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def text(self, message: str, default: str = "", instruction: str | None = None) -> str:
        """A free-text prompt; raises KeyboardInterrupt on Ctrl-C."""
        question = questionary.text(
            message, default=default, instruction=instruction, style=STYLE, **self.prompt_kwargs
        )
        self._tell_when_shown(question)
        reply = question.unsafe_ask()
        return str(reply or "").strip()

    def _tell_when_shown(self, question: questionary.Question) -> None:
        callback, self.on_shown = self.on_shown, None
        if callback is None:
            return
        done = False

        def shown(_: object) -> None:
            nonlocal done
            if not done:
                done = True
                callback()

        question.application.after_render += shown


def help_text(compiled: CompiledRuleSet, question: Question, lang: str) -> str:
    """The "why we ask" panel: the stake, the references, the evidence to request."""
    # Here, not at the top: the first prompt must not wait for the rule-set models.
    from vetting.ruleset.describe import cite

    rs = compiled.ruleset
    lines = [f"── {t('why_title', lang)} ──", " ".join(pick(question.help, lang).split())]
    if question.evidence:
        lines.append(f"{t('evidence', lang)} : " if lang == "fr" else f"{t('evidence', lang)}: ")
        lines[-1] += " ".join(pick(question.evidence, lang).split())
    refs = []
    for ref in question.references:
        refs.append(f"  · {cite(rs, ref, lang)}")
        if ref.verify:
            refs.append(f"    {t('verify', lang)}: {' '.join(pick(ref.verify, lang).split())}")
    if refs:
        lines.append(t("references", lang) + (" :" if lang == "fr" else ":"))
        lines.extend(refs)
    if question.verify:
        lines.append(f"{t('verify', lang)}: {' '.join(pick(question.verify, lang).split())}")
    return "\n".join(lines)


def _parse_scalar(question: Question, raw: str, lang: str) -> Any:
    """Text typed for a text, number or date question; raises ValueError with a message."""
    if question.type == "number":
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise ValueError(t("not_a_number", lang)) from None
        low, high = question.minimum, question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"[{low if low is not None else '…'}, {high if high is not None else '…'}]"
            raise ValueError(f"{t('out_of_range', lang)} {bounds}")
        return int(number) if number.is_integer() else number
    if question.type == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(t("not_a_date", lang)) from None
    return raw


def ask(
    term: Terminal,
    compiled: CompiledRuleSet,
    question: Question,
    header: str,
    default: Any = None,
    can_go_back: bool = True,
) -> Any:
    """Ask one question until it gets an answer or a BACK; HELP is handled here."""
    lang = term.lang
    message = f"{header}\n  {' '.join(pick(question.text, lang).split())}"
    while True:
        reply = _ask_once(term, question, message, default, can_go_back)
        if reply is HELP:
            term.say(help_text(compiled, question, lang))
            continue
        return reply


def _ask_once(
    term: Terminal, question: Question, message: str, default: Any, can_go_back: bool
) -> Any:
    lang = term.lang
    extras: list[Any] = [
        Separator("  ────"),
        Choice(t("unknown", lang), value=UNKNOWN_VALUE),
        Choice(t("why", lang), value=HELP),
    ]
    if can_go_back:
        extras.append(Choice(t("back", lang), value=BACK))
    if question.type == "single":
        choices = [Choice(pick(ch.label, lang), value=ch.id) for ch in question.choices]
        values = [ch.id for ch in question.choices] + [UNKNOWN_VALUE]
        return questionary.select(
            message,
            choices=[*choices, *extras],
            default=default if default in values else None,
            instruction=t("select_hint", lang),
            style=STYLE,
            **term.prompt_kwargs,
        ).unsafe_ask()
    if question.type == "multiple":
        ticked = set(default) if isinstance(default, list) else set()
        choices = [
            Choice(pick(ch.label, lang), value=ch.id, checked=ch.id in ticked)
            for ch in question.choices
        ]
        extras[1] = Choice(t("unknown", lang), value=UNKNOWN_VALUE, checked=default == "unknown")
        picked = questionary.checkbox(
            message,
            choices=[*choices, *extras],
            instruction=t("checkbox_hint", lang),
            style=STYLE,
            validate=lambda values: _validate_multiple(question, values, lang),
            **term.prompt_kwargs,
        ).unsafe_ask()
        for action in (BACK, HELP):
            if action in picked:
                return action
        if UNKNOWN_VALUE in picked:
            return UNKNOWN_VALUE
        return [ch.id for ch in question.choices if ch.id in picked]

    def validate(raw: str) -> bool | str:
        raw = raw.strip()
        if raw in {"", "?", "<"}:
            return True
        try:
            _parse_scalar(question, raw, lang)
        except ValueError as exc:
            return str(exc)
        return True

    shown = "" if default in (None, UNKNOWN_VALUE) else str(default)
    raw = questionary.text(
        message,
        default=shown,
        instruction=t("text_hint", lang),
        validate=validate,
        style=STYLE,
        **term.prompt_kwargs,
    ).unsafe_ask()
    raw = str(raw or "").strip()
    if raw == "?":
        return HELP
    if raw == "<":
        return BACK if can_go_back else HELP
    if raw == "":
        return UNKNOWN_VALUE
    return _parse_scalar(question, raw, lang)


def _validate_multiple(question: Question, values: list[Any], lang: str) -> bool | str:
    if BACK in values or HELP in values:
        return True
    chosen = [v for v in values if isinstance(v, str)]
    if UNKNOWN_VALUE in chosen and len(chosen) > 1:
        return t("unknown_alone", lang)
    alone = [ch for ch in question.choices if ch.exclusive and ch.id in chosen]
    if alone and len(chosen) > 1:
        return t("exclusive_alone", lang).format(choice=pick(alone[0].label, lang))
    return True


@dataclass(frozen=True)
class ToolDetails:
    """What the buyer types first: the tool, its vendor, and who assesses it."""

    name: str
    vendor: str | None
    version: str | None
    assessor: str | None


def ask_tool(term: Terminal, existing: ToolDetails | None = None) -> ToolDetails:
    """The tool's name and vendor, asked before the questions."""
    lang = term.lang
    name = ""
    while not name:
        name = term.text(t("tool_name", lang), default=existing.name if existing else "")
        if not name:
            term.say(t("required", lang))
    vendor = term.text(t("tool_vendor", lang), default=(existing.vendor or "") if existing else "")
    version = term.text(
        t("tool_version", lang), default=(existing.version or "") if existing else ""
    )
    assessor = term.text(t("assessor", lang))
    return ToolDetails(name, vendor or None, version or None, assessor or None)
