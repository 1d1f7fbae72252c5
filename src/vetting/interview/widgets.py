"""The two list prompts of the questionnaire, on questionary's list control.

questionary's own `select` and `checkbox` clip a long choice at the terminal's
edge, wrap the question in the middle of a word, always start on the first
choice and print an English summary ("done (2 selections)"). These keep its
list control and layout and change what they show and what Enter does:

- every line (question, choices, answer) is cut between words at the width the
  terminal has when it is drawn, with a hanging indent under its first word;
- the pointer starts where the caller says (the recorded answer, else "I don't know");
- the summary after the answer is the caller's, in the user's language;
- in a multiple choice, Enter on "why we ask" or "back" is that action and keeps
  the ticks; with nothing ticked, Enter takes the row under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app_or_none
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import Layout
from prompt_toolkit.layout.margins import ScrollbarMargin
from prompt_toolkit.styles import Style
from questionary import utils
from questionary.prompts import common
from questionary.prompts.common import Choice, InquirerControl, Separator
from questionary.question import Question
from questionary.styles import merge_styles_default

from vetting.words import hanging

#: Columns before a choice's text: " » " (and "● " in a multiple choice).
_SELECT_INDENT = 3
_CHECKBOX_INDENT = 5
#: Columns assumed when no terminal says (a pipe).
_DEFAULT_COLUMNS = 80


def columns(output: Any = None) -> int:
    """The width to wrap to: the running prompt's, else `output`'s, else 80.

    One column is kept free: a line that fills the last column makes some
    terminals wrap by themselves.
    """
    app = get_app_or_none()
    source = app.output if app is not None and app.is_running else output
    try:
        width = int(source.get_size().columns) if source is not None else 0
    except (OSError, ValueError):  # an output that cannot tell its size: assume 80
        width = 0
    return max((width or _DEFAULT_COLUMNS) - 1, 20)


@dataclass(frozen=True)
class Row:
    """One line of a list: a label and the value returned when it is chosen."""

    label: str
    value: Any
    #: An action (why we ask, back): never ticked, Enter on it is the action itself.
    action: bool = False


SEPARATOR = Row("────", None)


class _WrappedControl(InquirerControl):
    """questionary's list, each label wrapped to the terminal's width when drawn."""

    def __init__(self, rows: Sequence[Row], indent: int, **kwargs: Any) -> None:
        self._rows = list(rows)
        self._indent = indent
        self._width = 0
        choices: list[Choice] = [
            Separator(f"  {row.label}") if row is SEPARATOR else Choice(row.label, value=index)
            for index, row in enumerate(self._rows)
        ]
        super().__init__(choices, **kwargs)

    def _get_choice_tokens(self) -> Any:
        width = columns()
        if width != self._width:
            self._width = width
            for choice, row in zip(self.choices, self._rows, strict=True):
                if not isinstance(choice, Separator):
                    choice.title = hanging(row.label, width, self._indent)
        return super()._get_choice_tokens()  # type: ignore[no-untyped-call]

    def row(self) -> Row:
        """The row under the pointer."""
        return self._rows[int(self.get_pointed_at().value or 0)]

    def ticked(self) -> list[Row]:
        return [self._rows[int(i)] for i in sorted(self.selected_options)]


def _prompt_tokens(
    message: Callable[[], tuple[str, str]],
    instruction: str,
    answered: Callable[[], str | None],
) -> Callable[[], list[tuple[str, str]]]:
    """The lines above the list: header, question, then the hint or the answer."""

    def tokens() -> list[tuple[str, str]]:
        width = columns()
        header, text = message()
        out = [("class:qmark", "?"), ("class:question", " " + hanging(header, width, 2, 2))]
        if text:
            out.append(("class:question", "\n  " + hanging(text, width, 2)))
        answer = answered()
        if answer is None:
            out.append(("class:instruction", "\n  " + hanging(instruction, width, 2)))
        else:
            out.append(("class:answer", "\n  → " + hanging(answer, width, 4)))
        return out

    return tokens


def _application(
    control: _WrappedControl,
    tokens: Callable[[], list[tuple[str, str]]],
    bindings: KeyBindings,
    style: Style,
    kwargs: dict[str, Any],
) -> Question:
    layout = common.create_inquirer_layout(control, tokens, **kwargs)
    _add_scrollbar(layout, control)

    @bindings.add(Keys.ControlQ, eager=True)
    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def down(event: KeyPressEvent) -> None:
        control.select_next()
        while not control.is_selection_valid():
            control.select_next()

    def up(event: KeyPressEvent) -> None:
        control.select_previous()
        while not control.is_selection_valid():
            control.select_previous()

    for key in (Keys.Down, "j", Keys.ControlN):
        bindings.add(key, eager=True)(down)
    for key in (Keys.Up, "k", Keys.ControlP):
        bindings.add(key, eager=True)(up)

    @bindings.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Nothing to type in a list."""

    merged = merge_styles_default([Style([("bottom-toolbar", "noreverse")]), style])
    app: Application[Any] = Application(
        layout=layout,
        key_bindings=bindings,
        style=merged,
        **utils.used_kwargs(kwargs, Application.__init__),
    )
    return Question(app)


def _add_scrollbar(layout: Layout, control: _WrappedControl) -> None:
    """A scrollbar with arrows beside the list: when the list is taller than the screen and
    opens on its last row ("I don't know"), the rows above are seen to be there."""
    for window in layout.find_all_windows():
        if window.content is control:
            window.right_margins = [ScrollbarMargin(display_arrows=True)]


def _start(rows: Sequence[Row], pointer: Any) -> int:
    for index, row in enumerate(rows):
        if row is not SEPARATOR and row.value == pointer:
            return index
    return next(i for i, row in enumerate(rows) if row is not SEPARATOR)


def choose(
    message: Callable[[], tuple[str, str]],
    rows: Sequence[Row],
    *,
    pointer: Any,
    instruction: str,
    style: Style,
    **kwargs: Any,
) -> Any:
    """One row among `rows`, the pointer starting on the row whose value is `pointer`.

    `message` gives the header and the question text, read each time the screen
    is drawn (the header holds the live level). Raises KeyboardInterrupt on Ctrl-C.
    """
    control = _WrappedControl(
        rows, _SELECT_INDENT, use_indicator=False, initial_choice=_start(rows, pointer)
    )
    chosen: list[Row] = []
    bindings = KeyBindings()

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        chosen.append(control.row())
        control.is_answered = True
        event.app.exit(result=control.row().value)

    tokens = _prompt_tokens(message, instruction, lambda: chosen[0].label if chosen else None)
    return _application(control, tokens, bindings, style, kwargs).unsafe_ask()


@dataclass(frozen=True)
class Ticked:
    """What a multiple choice returned: the row chosen by Enter (an action, "I don't know")
    or None for the ticks, and the values ticked when Enter was pressed."""

    row: Row | None
    values: tuple[Any, ...]


def tick(
    message: Callable[[], tuple[str, str]],
    rows: Sequence[Row],
    *,
    ticked: Sequence[Any],
    pointer: Any,
    instruction: str,
    validate: Callable[[list[Any]], bool | str],
    summary: Callable[[Ticked], str],
    style: Style,
    **kwargs: Any,
) -> Ticked:
    """Several rows among `rows`; Space ticks, Enter confirms (see the module's docstring).

    `validate` sees the values about to be confirmed and returns True or a message
    shown under the list; `summary` gives the line shown once it is answered.
    """
    start = _start(rows, pointer)
    control = _WrappedControl(rows, _CHECKBOX_INDENT, use_indicator=True, initial_choice=start)
    control.selected_options = [
        i for i, row in enumerate(rows) if row is not SEPARATOR and row.value in ticked
    ]
    done: list[Ticked] = []
    bindings = KeyBindings()

    def values() -> tuple[Any, ...]:
        return tuple(row.value for row in control.ticked())

    @bindings.add(" ", eager=True)
    def _toggle(event: KeyPressEvent) -> None:
        index = control.get_pointed_at().value
        if control.row().action:
            return
        if index in control.selected_options:
            control.selected_options.remove(index)
        else:
            control.selected_options.append(index)
        control.error_message = None

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        row = control.row()
        if row.action:
            result = Ticked(row, values())
        elif control.selected_options:
            result = Ticked(None, values())
        else:
            result = Ticked(row, ())
        candidate = [result.row.value] if result.row is not None else list(result.values)
        verdict = True if row.action else validate(candidate)
        if verdict is not True:
            control.error_message = [("class:validation-toolbar", str(verdict))]  # type: ignore[assignment]
            return
        done.append(result)
        control.is_answered = True
        event.app.exit(result=result)

    tokens = _prompt_tokens(message, instruction, lambda: summary(done[0]) if done else None)
    reply: Ticked = _application(control, tokens, bindings, style, kwargs).unsafe_ask()
    return reply


__all__ = ["SEPARATOR", "Row", "Ticked", "choose", "columns", "tick"]
