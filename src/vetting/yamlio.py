"""YAML in and out, the strict way: positions, no duplicate keys, YAML 1.2 booleans.

PyYAML silently keeps the last of two duplicate keys and reads `no`, `on`, `off`
as booleans (YAML 1.1): both are traps in a yes/no questionnaire. We compose the
node tree with libyaml's C parser (fast), then build plain Python data ourselves,
remembering where every value sits so later passes can say `file:line:col`.
`dump` writes what `parse` reads back the same: texts that would read as
something else are quoted, and nothing is anchored.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vetting.errors import Position, Problem, VettingError

try:  # the C parser is much faster; fall back if PyYAML was built without libyaml
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

#: The tag every untagged node gets: `_scalar` types plain scalars itself.
_UNTAGGED = "?"


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's composer without PyYAML's YAML 1.1 tag resolution.

    `_scalar` types plain scalars by our own rules, so matching every scalar against
    the YAML 1.1 regular expressions first would be wasted work: about a third of
    the time spent composing an answers file.
    """

    def resolve(self, _kind: Any, _value: Any, _implicit: Any) -> str:
        return _UNTAGGED

    def descend_resolver(self, _node: Any, _index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


#: One step inside a document: a mapping key or a list index.
PathItem = str | int
DocPath = tuple[PathItem, ...]

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
#: Values in one document. The largest file of the default rule set holds some 2,000,
#: an answers file a few hundred; composing 200,000 takes about 80 MiB.
MAX_NODES = 200_000
MAX_STRING = 100_000
#: Digits of a plain integer: Python refuses to convert more than 4,300, and no count,
#: amount or year in an answers file or a rule set comes near 30.
MAX_DIGITS = 30

_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
#: A number with a decimal point (and an exponent with its sign). Narrower than YAML
#: 1.2 on purpose: PyYAML's dumper, which writes our files, quotes only what YAML 1.1
#: reads as a number, so `2e4` or `017` written plain must read back as text.
_FLOAT_RE = re.compile(r"^([-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9]+)([eE][-+][0-9]+)?$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_WORDS = _NULLS | _BOOL_TRUE | _BOOL_FALSE


TEXT_TOO_LONG_HINT = "attach long documents as evidence references, not inline"


def text_too_long(length: int) -> str:
    """The message for a text over `MAX_STRING`, wherever it comes from (YAML, a checklist)."""
    return f"a text of {length:,} characters; the limit is {MAX_STRING:,}"


def format_path(path: DocPath) -> str:
    """`('questions', 3, 'when')` -> `questions[3].when`, as a user reads it."""
    out = ""
    for item in path:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out


@dataclass
class Document:
    """Plain data from one YAML file, and where every value in it sits.

    Positions come from the composed node tree, looked up only when a message
    needs one: scoring a portfolio of valid files never pays for them. Data
    built in memory (a checklist, a rule test) passes an explicit table instead.
    """

    file: str
    data: Any
    positions: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    root: yaml.Node | None = field(default=None, repr=False, compare=False)
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def position(self, path: DocPath) -> Position:
        """Where `path` is, or its nearest ancestor that exists in the file."""
        if self.root is not None:
            return Position(self.file, *_locate(self.root, path, self._index))
        probe = tuple(path)
        while probe:
            found = self.positions.get(probe)
            if found:
                return Position(self.file, *found)
            probe = probe[:-1]
        found = self.positions.get(())
        return Position(self.file, *(found or (1, 1)))

    def resolve(self, loc: tuple[Any, ...]) -> DocPath:
        """Map a validator's location onto this document's path.

        Validators add steps that are not in the data (union tags, model names);
        those are skipped, so the path names only what the user wrote.
        """
        node = self.data
        path: list[PathItem] = []
        for item in loc:
            in_dict = isinstance(node, dict) and isinstance(item, str) and item in node
            in_list = isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node)
            if in_dict or in_list:
                node = node[item]
                path.append(item)
        return tuple(path)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _locate(
    root: yaml.Node, path: DocPath, index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]]
) -> tuple[int, int]:
    """The line and column of `path` in a node tree: a mapping entry is where its key
    is (the line a user looks for: `when:`, `id:`), a list item where it starts;
    a path that leaves the tree stops at the last step found.

    `index` caches each mapping's keys once looked up, so a file with thousands of
    problems is located in linear time.
    """
    node, where = root, _mark(root)
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            keys = index.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    keys.setdefault(key_node.value, (key_node, value_node))
                index[id(node)] = keys
            entry = keys.get(step)
            if entry is None:
                break
            where, node = _mark(entry[0]), entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
            where = _mark(node)
        else:
            break
    return where


def _is_merge(key: yaml.ScalarNode) -> bool:
    """`<<:` written plain or tagged `!!merge` (a quoted or `!!str` one is a key)."""
    if key.tag == "tag:yaml.org,2002:merge":
        return True
    return key.tag == _UNTAGGED and not key.style and key.value == "<<"


class _NumberTooLarge(ValueError):
    """A plain scalar that reads as a number no computation can use."""


def _scalar(node: yaml.ScalarNode) -> Any:
    """A plain scalar typed: YAML 1.2 booleans and nulls, integers, decimals as PyYAML
    writes them, ISO dates; the rest, and anything quoted or `!!str`, is text."""
    value: str = node.value
    if node.style or node.tag == "tag:yaml.org,2002:str":  # plain: "" (C) or None
        return value
    if value[:1].isalpha() and value not in _WORDS:
        return value  # most answers are choice ids: no number, date or keyword
    if value in _NULLS:
        return None
    if value in _BOOL_TRUE:
        return True
    if value in _BOOL_FALSE:
        return False
    if _INT_RE.match(value):
        digits = value.replace("_", "")
        if len(digits.lstrip("+-")) > MAX_DIGITS:
            raise _NumberTooLarge(f"a number of {len(digits.lstrip('+-')):,} digits")
        return int(digits)
    if _FLOAT_RE.match(value) and any(c.isdigit() for c in value):
        number = float(value.replace("_", ""))
        if not math.isfinite(number):
            raise _NumberTooLarge("a number too large to compute with")
        return number
    if _DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class _Builder:
    """Turns a composed node tree into plain data and a position table."""

    def __init__(self, file: str, root: yaml.Node) -> None:
        self.file = file
        self.root = root
        self.seen: set[int] = set()
        self.count = 0

    def fail(
        self, node: yaml.Node, message: str, hint: str = "", path: DocPath = ()
    ) -> VettingError:
        line, col = _mark(node)
        return VettingError(
            Problem(Position(self.file, line, col), message, format_path(path), hint)
        )

    def build(self, node: yaml.Node, path: DocPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the document has more than {MAX_NODES:,} values")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the data")
        if id(node) in self.seen:
            # The composer hands an alias over as the anchored node itself: a second
            # visit is an alias. Reject it where it is used (this also stops alias bombs).
            line, col = _locate(self.root, path, {})
            raise VettingError(
                Problem(
                    Position(self.file, line, col),
                    "YAML anchors and aliases (&name, *name, <<) are not supported",
                    format_path(path),
                    "write the value out in full",
                )
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_STRING:
                line, col = _mark(node)
                raise VettingError(
                    Problem(
                        Position(self.file, line, col),
                        text_too_long(len(node.value)),
                        format_path(path),
                        TEXT_TOO_LONG_HINT,
                    )
                )
            try:
                return _scalar(node)
            except _NumberTooLarge as exc:
                raise self.fail(
                    node,
                    f"{exc}; numbers have at most {MAX_DIGITS} digits",
                    "put it in quotes if it is a text",
                    path,
                ) from None
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                items.append(self.build(child, (*path, index), depth + 1))
            return items
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            first_seen: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or _is_merge(key_node):
                    raise self.fail(
                        key_node,
                        "keys must be plain text",
                        "YAML merge keys (<<) and complex keys are not supported",
                    )
                key = key_node.value
                if key in first_seen:
                    line, _ = _mark(first_seen[key])
                    raise self.fail(
                        key_node,
                        f"duplicate key '{key}' (first defined on line {line})",
                        "keep one of them",
                        (*path, key),
                    )
                first_seen[key] = key_node
                child_path = (*path, key)
                result[key] = self.build(value_node, child_path, depth + 1)
            return result
        raise self.fail(node, "unsupported YAML node")  # pragma: no cover


def _too_large(limit: int) -> str:
    return f"file is larger than {limit // (1024 * 1024)} MiB"


def decode(raw: bytes, file: str) -> str:
    """Bytes to text: UTF-8 (a BOM is accepted and dropped), or a clear error."""
    if len(raw) > MAX_BYTES:
        raise VettingError(Problem(Position(file), _too_large(MAX_BYTES)))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise VettingError(
            Problem(
                Position(file, line, col),
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                hint="save the file as UTF-8",
            )
        ) from None
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        raise VettingError(
            Problem(Position(file, line, col), "NUL byte in a text file", hint="is it binary?")
        )
    return text


def _syntax_error(exc: yaml.YAMLError, file: str) -> VettingError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        pos = Position(file, mark.line + 1, mark.column + 1) if mark else Position(file)
        what = exc.problem or exc.context or "invalid YAML"
        return VettingError(Problem(pos, f"YAML syntax error: {what}"))
    return VettingError(Problem(Position(file), f"YAML syntax error: {exc}"))


def _count_nodes(text: str, file: str) -> None:
    """Refuse a document of more than `MAX_NODES` values before composing it.

    Composing keeps every node with its marks (some 300 bytes each): 8 million `0,`
    in a 16 MiB file would take gigabytes before the builder could count them. This
    pass reads libyaml's events one at a time and keeps none, so its memory is flat.
    """
    loader = _Loader(text)
    count = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.NodeEvent):
                count += 1
                if count > MAX_NODES:
                    mark = event.start_mark
                    where = (
                        Position(file, mark.line + 1, mark.column + 1) if mark else Position(file)
                    )
                    raise VettingError(
                        Problem(
                            where,
                            f"the document has more than {MAX_NODES:,} values",
                            hint="split it, or attach long data as evidence references",
                        )
                    )
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file) from None
    finally:
        loader.dispose()


def parse(text: str, file: str) -> Document:
    """Parse one YAML document from text, keeping positions."""
    # A value takes at least two characters but for a few bare `?` and `-`: only a
    # text over a million characters can hold MAX_NODES values, and only such a
    # text pays for counting them first.
    if 2 * len(text) >= MAX_NODES:
        _count_nodes(text, file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file) from None
    except RecursionError:
        raise VettingError(
            Problem(Position(file), f"nesting deeper than {MAX_DEPTH} levels")
        ) from None
    if node is None:
        return Document(file, None, {(): (1, 1)})
    data = _Builder(file, node).build(node, (), 0)
    return Document(file, data, root=node)


def read_bytes(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, or an error a user can act on (named as `name`).

    The size is checked before reading, and at most `limit` + 1 bytes are read
    (a file growing meanwhile, a device): an 8 GB file costs a `stat`, not 8 GB.
    """
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = b"" if size > limit else handle.read(limit + 1)
        if size > limit or len(raw) > limit:
            raise VettingError(Problem(Position(name), _too_large(limit)))
        return raw
    except FileNotFoundError:
        raise VettingError(Problem(Position(name), "file not found")) from None
    except IsADirectoryError:
        raise VettingError(Problem(Position(name), "is a folder, not a file")) from None
    except OSError as exc:
        raise VettingError(Problem(Position(name), f"cannot read: {exc.strerror}")) from None


def load(path: Path, display: str | None = None) -> Document:
    """Read and parse a YAML (or JSON, a subset of YAML) file."""
    name = display or str(path)
    return parse(decode(read_bytes(path, name), name), name)


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """YAML files of a folder in a stable order."""
    yield from sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"})


# --------------------------------------------------------------------------- writing


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, but short lists of choice ids in flow style: `[identifiable, audio]`.

    Never anchors (`&id001`): our loader refuses them, and a value repeated
    (a date used twice) must be written out twice.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(item, str | int | float) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


#: Plain texts our YAML 1.2 loader reads as something else start with one of these,
#: or are one of `_NOT_TEXT`: only those are worth checking.
_NUMERIC_START = frozenset("+-.0123456789")
_NOT_TEXT = frozenset(
    {"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}
)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Quote a text that our YAML 1.2 loader would read as something else (`1e5`)."""
    style = None
    if data in _NOT_TEXT or (data[:1] in _NUMERIC_START and "\n" not in data and len(data) < 100):
        try:
            if parse(data, "<text>").data != data:
                style = "'"
        except VettingError:
            pass  # not a plain scalar at all: the emitter quotes it by itself
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def dump(data: Any, width: int = 100) -> str:
    """Block-style YAML of plain data, in its own key order, that `parse` reads back the same."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=width,
    )
    return text
