"""Hostile inputs: every bad file gets a clean error, exit 2, no traceback, bounded cost.

Answer files and checklists come back from vendors, rule sets from colleagues:
the loaders must fail cleanly on anything. Each case runs the real CLI in a child
process with a memory cap, so a blow-up is seen as such, not as a slow test.
"""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, ROOT
from vetting.assess.answers import parse_answers
from vetting.errors import VettingError
from vetting.ruleset.api import load_ruleset

MEMORY_CAP = 1024 * 1024 * 1024  # 1 GiB of address space for the child
#: Seconds of CPU the child may use: a blow-up is killed (SIGXCPU) whatever the machine's
#: load, where a wall-clock limit would fail a correct run on a busy machine.
CPU_CAP = 20

HEAD = "ruleset: health-ai@3.0.0\ntool: {name: T}\nanswers:\n"


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP, CPU_CAP + 5))


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "vetting", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=600,  # a guard against a hang only: the cost is bounded by CPU_CAP
        preexec_fn=_cap,
    )
    assert proc.returncode != -signal.SIGXCPU, f"{args} used more than {CPU_CAP} s of CPU"
    assert proc.returncode != -signal.SIGKILL, f"{args} was killed (out of memory?)"
    return proc


HOSTILE: dict[str, Callable[[], bytes]] = {
    "huge_file": lambda: b"# padding\n" * (1_800_000),
    "deep_nesting": lambda: ("answers: " + "[" * 100_000 + "]" * 100_000).encode(),
    "deep_mappings": lambda: ("".join(f"{' ' * i}k{i}:\n" for i in range(2000))).encode(),
    "alias_bomb": lambda: (
        "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    ).encode(),
    "merge_key": lambda: (HEAD + "  <<: {scope.buyer: practice}\n").encode(),
    "binary_garbage": lambda: bytes(range(256)) * 64,
    "utf16": lambda: (HEAD + "  scope.buyer: practice\n").encode("utf-16"),
    "latin1": lambda: (HEAD.replace("T", "Téléconsult") + "  scope.buyer: practice\n").encode(
        "latin-1"
    ),
    "nul_byte": lambda: (HEAD + "  scope.buyer: prac\x00tice\n").encode(),
    "python_tag": lambda: (
        HEAD + "  scope.buyer: !!python/object/apply:os.system ['touch pwned']\n"
    ).encode(),
    "long_string": lambda: (HEAD + "notes: {scope.buyer: '" + "x" * 5_000_000 + "'}\n").encode(),
    "many_unknown_ids": lambda: (HEAD + "".join(f"  q.x{i}: a\n" for i in range(50_000))).encode(),
    "not_a_mapping": lambda: b"- just\n- a list\n",
    "empty": lambda: b"",
    "json_duplicate_keys": lambda: (
        b'{"ruleset": "health-ai", "ruleset": "x", "tool": {"name": "T"}}'
    ),
    "wrong_types": lambda: b"ruleset: [1, 2]\ntool: 3\nanswers: yes\n",
    "unterminated": lambda: b'{"ruleset": "health-ai", "tool": {"name": "T"',
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_answer_file_is_a_clean_error(case: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(HOSTILE[case]())
    proc = run_cli("score", "--rules", str(ROOT / "rules/health-ai"), str(path), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(str(path)), proc.stderr[:300]
    assert not (tmp_path / "pwned").exists()


@pytest.mark.slow
def test_a_flood_of_problems_is_summarised(tmp_path: Path) -> None:
    path = tmp_path / "flood.yaml"
    path.write_bytes(HOSTILE["many_unknown_ids"]())
    proc = run_cli("score", str(path), cwd=tmp_path)
    lines = proc.stderr.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "... and 49,900 more problems"


def test_bom_and_crlf_answer_file_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    text = HEAD.replace("answers:", "date: 2026-12-04\nanswers:") + (
        "  scope.buyer: practice\n  scope.generative: no\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    proc = run_cli("score", "--format", "json", str(path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["tool"]["name"] == "T"


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_rule_file_is_a_clean_error(case: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for source in (FIXTURES / "rules" / "mini").iterdir():
        (rules / source.name).write_bytes(source.read_bytes())
    (rules / "questions.yaml").write_bytes(HOSTILE[case]())
    proc = run_cli("check", str(rules), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "rules/" in proc.stderr


# ------------------------------------------------------------------ fuzzing in-process

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["unknown", "yes", "no", "practice", "[]", "eea", "2026-01-01"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
_question_ids = st.sampled_from(
    [
        "scope.buyer",
        "scope.use",
        "scope.patient_data",
        "hosting.location",
        "reuse.training",
        "not.a.question",
        "",
        "unknown",
    ]
)
_documents = st.fixed_dictionaries(
    {},
    optional={
        "ruleset": st.one_of(st.just("health-ai@3.0.0"), st.just("health-ai"), _values),
        "tool": st.one_of(st.fixed_dictionaries({"name": st.text(max_size=10)}), _values),
        "answers": st.one_of(st.dictionaries(_question_ids, _values, max_size=5), _values),
        "notes": st.one_of(st.dictionaries(_question_ids, st.text(max_size=10)), _values),
        "evidence": _values,
        "date": _values,
        "assessor": _values,
    },
)


@pytest.mark.slow
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=_documents)
def test_any_answers_structure_loads_or_fails_cleanly(health_ai, document) -> None:  # type: ignore[no-untyped-def]
    text = json.dumps(document, default=str)
    try:
        parse_answers(text, health_ai, file="fuzz.json")
    except VettingError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_loads_or_fails_cleanly(health_ai, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        parse_answers(HEAD + text, health_ai, file="fuzz.yaml")
    except VettingError as exc:
        assert exc.problems


# ------------------------------------------------------------------ hostile checklists


def _checklist_with(tmp_path: Path, sheet_xml: bytes) -> Path:
    """A real blank checklist whose answers sheet is replaced by `sheet_xml`."""
    import zipfile

    blank = tmp_path / "blank.xlsx"
    run_cli("checklist", "-o", str(blank), "--lang", "en", cwd=tmp_path)
    out = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = sheet_xml
            dst.writestr(item.filename, data)
    return out


_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
_ENTITIES = "".join(
    "<!ENTITY e" + str(i) + ' "' + ("&e" + str(i - 1) + ";") * 10 + '">' for i in range(1, 10)
)
HOSTILE_XLSX: dict[str, Callable[[Path], Path]] = {
    "random_bytes": lambda d: _write(d / "x.xlsx", bytes(range(256)) * 40),
    "empty": lambda d: _write(d / "x.xlsx", b""),
    "zip_not_xlsx": lambda d: _zip(d / "x.xlsx", {"a.txt": b"hello"}),
    "entity_bomb": lambda d: _checklist_with(
        d,
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e0 "lol">'
        + _ENTITIES.encode()
        + b"]>"
        + _SHEET
        + b"<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>&e9;</t></is></c></row>"
        + b"</sheetData></worksheet>",
    ),
    "decompression_bomb": lambda d: _checklist_with(
        d, _SHEET + b"<sheetData>" + b"<row/>" * 7_000_000 + b"</sheetData></worksheet>"
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE_XLSX))
def test_hostile_checklist_is_a_clean_error(case: str, tmp_path: Path) -> None:
    path = HOSTILE_XLSX[case](tmp_path)
    proc = run_cli("import-checklist", str(path), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout[:300] + proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(str(path))


# ------------------------------------------------------------------ fuzzing rules and checklists

_rule_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "text",
                    "help",
                    "when",
                    "choices",
                    "points",
                    "label",
                    "fr",
                    "en",
                    "question",
                    "equals",
                    "all",
                    "not",
                    "knockout",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(questions=st.lists(_rule_values, max_size=3), category=_scalars)
def test_any_rule_file_loads_or_fails_cleanly(questions: list[object], category: object) -> None:
    import shutil
    import tempfile

    from vetting.ruleset.check import check
    from vetting.ruleset.load import load_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "rules"
        shutil.copytree(FIXTURES / "rules" / "mini", folder)
        (folder / "questions.yaml").write_text(
            json.dumps({"category": category, "questions": questions}, default=str),
            encoding="utf-8",
        )
        try:
            check(load_folder(folder))
        except VettingError as exc:
            assert exc.problems and all(str(p) for p in exc.problems)


@pytest.fixture(scope="module")
def blank_checklist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vetting.checklist import checklist_xlsx

    path = tmp_path_factory.mktemp("checklist") / "blank.xlsx"
    path.write_bytes(checklist_xlsx(load_ruleset(FIXTURES / "rules" / "mini"), "en"))
    return path


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        st.one_of(
            # Control characters cannot be stored in XLSX at all (openpyxl refuses them).
            st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40),
            st.integers(),
            st.floats(allow_nan=False),
            st.none(),
        ),
        min_size=3,
        max_size=9,
    )
)
def test_any_filled_checklist_imports_or_fails_cleanly(
    blank_checklist: Path, cells: list[object], tmp_path_factory: pytest.TempPathFactory
) -> None:
    import openpyxl

    from vetting.checklist import COLUMNS, import_checklist

    book = openpyxl.load_workbook(blank_checklist)
    sheet = book.worksheets[1]
    keys = [cell.value for cell in sheet[1]]
    targets = [keys.index(k) + 1 for k in ("answer", "note", "evidence") if k in keys]
    assert targets and set(COLUMNS) >= {"answer", "note"}
    for index, value in enumerate(cells):
        row = 3 + index % 3
        sheet.cell(row=row, column=targets[index % len(targets)], value=value)
    path = tmp_path_factory.mktemp("filled") / "filled.xlsx"
    book.save(path)
    try:
        import_checklist(path, load_ruleset(FIXTURES / "rules" / "mini"))
    except VettingError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
