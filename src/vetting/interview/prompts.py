"""Asking one question in the terminal, with questionary: the thin layer.

Every prompt offers the answer `unknown` ("I don't know / the vendor did not
answer", or "not decided yet" on a question only the buyer can answer), the
"why we ask" help and the way back. The pointer starts on `unknown` for a
question not answered yet, so pressing Enter never records an answer nobody
chose. Nothing here decides what to ask: `flow.Interview` does.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import questionary

from vetting import catalog
from vetting.i18n import pick
from vetting.interview.widgets import SEPARATOR, Row, Ticked, choose, columns, tick
from vetting.words import hanging, text_in
from vetting.words import width as text_width

if TYPE_CHECKING:  # the first prompt must not wait for pydantic: see cli/assess.py
    from vetting.ruleset.compiled import CompiledRuleSet
    from vetting.ruleset.model import Question


class Interrupted(KeyboardInterrupt):
    """Ctrl-C in a text prompt, with the text typed so far."""

    def __init__(self, typed: str) -> None:
        super().__init__()
        self.typed = typed


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


#: Columns a free-text reply needs after its prompt (a date is 10): with fewer left on the
#: prompt's last line, the reply starts a line of its own.
INPUT_ROOM = 16
#: Marks at the start of a printed line; its continuation lines go under the text after them.
_BULLETS = frozenset({"· ", "? ", "✖ ", "→ ", "- "})


@dataclass
class Terminal:
    """Where prompts read and write: the real terminal, or a pipe in tests."""

    lang: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    prompt_kwargs: dict[str, Any] = field(default_factory=dict)
    #: Called once, when the first prompt is on the screen (`assess` loads its rules then).
    on_shown: Callable[[], None] | None = None

    def say(self, text: str = "", *, wrap: bool = True) -> None:
        """Print lines cut between words; a line's continuation lines go under its text
        (after its indent and its bullet, if any). A command to copy is not wrapped:
        a line break in it would end the command when pasted."""
        if not wrap:
            self.out.write(text + "\n")
            self.out.flush()
            return
        width = self.columns()
        lines = []
        for line in text.split("\n"):
            body = line.lstrip(" ")
            indent = len(line) - len(body)
            if body[:2] in _BULLETS:
                indent += 2
            lines.append(line[: len(line) - len(body)] + hanging(body, width, indent, indent))
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def columns(self) -> int:
        """The width prompts are wrapped to (the test output's, else the terminal's)."""
        output = self.prompt_kwargs.get("output")
        if output is None:
            return shutil.get_terminal_size().columns - 1
        return columns(output)

    def text(
        self,
        message: str | Sequence[str],
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
    ) -> str:
        """A free-text prompt, its lines cut between words with a hanging indent.

        Ctrl-C raises `Interrupted`, which carries what was typed so far: the
        caller saves it (a note half typed is not lost).
        """
        lines = [message] if isinstance(message, str) else list(message)
        width = self.columns()
        shown = hanging(lines[0], width, 2, 2)
        for line in lines[1:]:
            shown += "\n  " + hanging(line, width, 2)
        last = shown.rsplit("\n", 1)[-1]
        used = text_width(last) + (0 if "\n" in shown else 2)  # "? " before the first line
        if width - used - 1 < INPUT_ROOM:
            shown += "\n "  # the reply on a line of its own, not cut at the screen's edge
        question = questionary.text(
            shown, default=default, validate=validate, style=STYLE, **self.prompt_kwargs
        )
        self._tell_when_shown(question)
        try:
            reply = question.unsafe_ask()
        except KeyboardInterrupt:
            typed = question.application.current_buffer.text
            raise Interrupted(typed.strip()) from None
        return str(reply or "").strip()

    def select(self, message: str, options: Sequence[tuple[str, Any]], pointer: Any) -> Any:
        """One of `options` (label, value), the pointer starting on the value `pointer`."""
        return choose(
            lambda: (message, ""),
            [Row(label, value) for label, value in options],
            pointer=pointer,
            instruction=catalog.text(self.lang, "interview.select_hint"),
            style=STYLE,
            **self.prompt_kwargs,
        )

    def yes_no(self, message: str, pointer: bool) -> bool:
        """ "No" or "yes", in that order, the pointer on `pointer`."""
        no, yes = catalog.text(self.lang, "interview.no"), catalog.text(self.lang, "interview.yes")
        return bool(self.select(message, [(no, False), (yes, True)], pointer=pointer))

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
    why = text_in(question.help, lang)
    lines = [
        f"── {catalog.text(lang, 'interview.why_title')} ──",
        why or catalog.text(lang, "interview.no_help"),
    ]
    # French sets a space before a colon: "À vérifier :", "To verify:".
    colon = catalog.text(lang, "interview.colon").rstrip()
    if question.evidence:
        lines.append(f"{catalog.text(lang, 'interview.evidence')}{colon} ")
        lines[-1] += text_in(question.evidence, lang)
    refs = []
    for ref in question.references:
        refs.append(f"  · {cite(rs, ref, lang)}")
        if ref.verify:
            verify = text_in(ref.verify, lang)
            refs.append(f"    {catalog.text(lang, 'interview.verify')}{colon} {verify}")
    if refs:
        lines.append(catalog.text(lang, "interview.references"))
        lines.extend(refs)
    if question.verify:
        verify = text_in(question.verify, lang)
        lines.append(f"{catalog.text(lang, 'interview.verify')}{colon} {verify}")
    return "\n".join(lines)


def _parse_scalar(question: Question, raw: str, lang: str) -> Any:
    """Text typed for a text, number or date question; raises ValueError with a message."""
    if question.type == "number":
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise ValueError(catalog.text(lang, "interview.not_a_number")) from None
        low, high = question.minimum, question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"[{low if low is not None else '…'}, {high if high is not None else '…'}]"
            raise ValueError(f"{catalog.text(lang, 'interview.out_of_range')} {bounds}")
        return int(number) if number.is_integer() else number
    if question.type == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(catalog.text(lang, "interview.not_a_date")) from None
    return raw


def ask(
    term: Terminal,
    compiled: CompiledRuleSet,
    question: Question,
    header: Callable[[], str],
    default: Any = None,
    can_go_back: bool = True,
) -> tuple[Any, Any]:
    """Ask one question until it gets an answer or a BACK; HELP is handled here.

    Returns the reply and, for a multiple choice left with BACK, the ticks to
    offer again when the question comes back (None otherwise). Ticks survive
    "why we ask": the question comes back with them.
    """
    while True:
        reply, draft = _ask_once(term, question, header, default, can_go_back)
        if reply is HELP:
            term.say(help_text(compiled, question, term.lang))
            if draft is not None:  # the ticks as they were when "why we ask" was chosen
                default = draft
            continue
        return reply, draft


def unknown_label(question: Question, lang: str) -> str:
    """What "unknown" is called: the vendor did not answer, or (buyer-only) not decided yet."""
    return (
        catalog.text(lang, "interview.not_decided")
        if question.asked_of == "buyer"
        else catalog.text(lang, "interview.unknown")
    )


def _ask_once(
    term: Terminal, question: Question, header: Callable[[], str], default: Any, can_go_back: bool
) -> tuple[Any, Any]:
    """One prompt: the reply (an answer, HELP or BACK) and the ticks to keep as a draft."""
    lang = term.lang
    text = text_in(question.text, lang)

    def message() -> tuple[str, str]:
        return header(), text

    unknown = unknown_label(question, lang)
    extras = [
        SEPARATOR,
        Row(unknown, UNKNOWN_VALUE),
        Row(catalog.text(lang, "interview.why"), HELP, action=True),
    ]
    if can_go_back:
        extras.append(Row(catalog.text(lang, "interview.back"), BACK, action=True))
    rows = [*(Row(text_in(ch.label, lang), ch.id) for ch in question.choices), *extras]
    if question.type == "single":
        values = {ch.id for ch in question.choices}
        reply = choose(
            message,
            rows,
            pointer=default if default in values else UNKNOWN_VALUE,
            instruction=catalog.text(lang, "interview.select_hint"),
            style=STYLE,
            **term.prompt_kwargs,
        )
        return reply, None
    if question.type == "multiple":
        ticked = list(default) if isinstance(default, list) else []
        labels = {ch.id: text_in(ch.label, lang) for ch in question.choices}
        # "Not decided yet" ticked is an answer too: the echo names it, never a bare arrow.
        shown = {**labels, UNKNOWN_VALUE: unknown}

        def summary(result: Ticked) -> str:
            if result.row is not None and result.row.value in labels:
                return labels[result.row.value]
            if result.row is not None:
                return result.row.label
            separator = catalog.text(lang, "interview.semicolon")
            return separator.join(shown[v] for v in result.values if v in shown)

        result = tick(
            message,
            rows,
            ticked=ticked if ticked else ([UNKNOWN_VALUE] if default == UNKNOWN_VALUE else []),
            pointer=ticked[0] if ticked else UNKNOWN_VALUE,
            instruction=catalog.text(lang, "interview.checkbox_hint"),
            validate=lambda values: _validate_multiple(question, values, lang),
            summary=summary,
            style=STYLE,
            **term.prompt_kwargs,
        )
        draft = [v for v in result.values if v in labels or v == UNKNOWN_VALUE]
        if result.row is not None and result.row.action:
            return result.row.value, draft
        chosen = [result.row.value] if result.row is not None else list(result.values)
        if UNKNOWN_VALUE in chosen:
            return UNKNOWN_VALUE, None
        return [ch.id for ch in question.choices if ch.id in chosen], None

    def validate(raw: str) -> bool | str:
        raw = raw.strip()
        if raw in {"", "?", "<"}:
            return True
        try:
            _parse_scalar(question, raw, lang)
        except ValueError as exc:
            return str(exc)
        return True

    hint = catalog.text(lang, "interview.text_hint").format(unknown=unknown)
    raw = term.text(
        [header(), text, hint, "›"],
        default="" if default in (None, UNKNOWN_VALUE) else str(default),
        validate=validate,
    )
    if raw == "?":
        return HELP, None
    if raw == "<":
        return (BACK if can_go_back else HELP), None
    if raw == "":
        return UNKNOWN_VALUE, None
    return _parse_scalar(question, raw, lang), None


def _validate_multiple(question: Question, values: list[Any], lang: str) -> bool | str:
    if BACK in values or HELP in values:
        return True
    chosen = [v for v in values if isinstance(v, str)]
    if UNKNOWN_VALUE in chosen and len(chosen) > 1:
        return catalog.text(lang, "interview.unknown_alone").format(
            unknown=unknown_label(question, lang)
        )
    alone = [ch for ch in question.choices if ch.exclusive and ch.id in chosen]
    if alone and len(chosen) > 1:
        return catalog.text(lang, "interview.exclusive_alone").format(
            choice=pick(alone[0].label, lang)
        )
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
        name = term.text(
            catalog.text(lang, "interview.tool_name"), default=existing.name if existing else ""
        )
        if not name:
            term.say(catalog.text(lang, "interview.required"))
    vendor = term.text(
        catalog.text(lang, "interview.tool_vendor"),
        default=(existing.vendor or "") if existing else "",
    )
    version = term.text(
        catalog.text(lang, "interview.tool_version"),
        default=(existing.version or "") if existing else "",
    )
    assessor = term.text(catalog.text(lang, "interview.assessor"))
    return ToolDetails(name, vendor or None, version or None, assessor or None)
