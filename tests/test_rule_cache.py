"""The cache of checked rule sets: a hit gives the same results, any change is a miss.

Every test points VETTING_CACHE_DIR at its own folder, and proves a hit or a
miss by what the cache holds, never by timing.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT
from vetting.errors import VettingError
from vetting.ruleset import cache
from vetting.ruleset.api import load_ruleset

EXAMPLES = ROOT / "examples" / "health-ai"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("VETTING_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "health-ai"
    shutil.copytree(ROOT / "rules" / "health-ai", target)
    return target


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("ruleset-*.pickle")) if folder.is_dir() else []


def test_a_hit_compiles_the_same_rule_set(store: Path, rules: Path) -> None:
    first = load_ruleset(rules, cache=True)
    [entry] = entries(store)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    # A hit: the file is still there and a checked load gives an equal rule set.
    again = load_ruleset(rules, cache=True)
    assert again.ruleset == first.ruleset
    assert again.origin == first.origin
    assert again.depends_on == first.depends_on
    assert again.knockout_capable == first.knockout_capable
    assert again.choice_ids == first.choice_ids


def test_a_hit_is_used_and_a_changed_file_is_a_miss(
    store: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_ruleset(rules, cache=True)
    assert cache.lookup(rules, str(rules), False) is not None

    def no_parsing(*args: object) -> None:
        raise AssertionError("a hit must not parse the rule files")

    with monkeypatch.context() as patch:
        patch.setattr("vetting.ruleset.load.load_folder", no_parsing)
        assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"
    text = (rules / "ruleset.yaml").read_text(encoding="utf-8")
    (rules / "ruleset.yaml").write_text(text + "\n# edited\n", encoding="utf-8")
    assert cache.lookup(rules, str(rules), False) is None


def test_a_hit_imports_neither_the_loader_nor_the_checker(store: Path, rules: Path) -> None:
    """A batch that finds its rule set checked spends no start-up time on them."""
    load_ruleset(rules, cache=True)
    probe = (
        "import sys\n"
        "from vetting.ruleset.api import load_ruleset\n"
        f"load_ruleset({str(rules)!r}, cache=True)\n"
        "print(sorted(m for m in sys.modules if m in "
        "('vetting.ruleset.check', 'vetting.ruleset.load')))\n"
    )
    env = {**os.environ, "VETTING_CACHE_DIR": str(store)}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
    (rules / "ruleset.yaml").write_text(
        (rules / "ruleset.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "['vetting.ruleset.check', 'vetting.ruleset.load']"


def test_without_owner_ids_as_on_windows_a_private_entry_is_still_a_hit(
    store: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no os.getuid: the cache must still serve its own private entries."""
    load_ruleset(rules, cache=True)
    monkeypatch.delattr("os.getuid")
    assert cache.lookup(rules, str(rules), False) is not None
    [entry] = entries(store)
    entry.chmod(0o666)  # writable by others: untrusted everywhere
    assert cache.lookup(rules, str(rules), False) is None


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(store: Path, rules: Path) -> None:
    load_ruleset(rules, cache=True)
    manifest = rules / "ruleset.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "bogus_field: 1\n", "utf-8")
    with pytest.raises(VettingError, match="bogus_field"):
        load_ruleset(rules, cache=True)


@pytest.mark.parametrize("damage", ["garbage", "foreign", "group_writable"])
def test_a_damaged_or_untrusted_entry_is_a_miss(store: Path, rules: Path, damage: str) -> None:
    load_ruleset(rules, cache=True)
    [entry] = entries(store)
    if damage == "garbage":
        entry.write_bytes(b"\x80\x04not a pickle")
    elif damage == "foreign":
        import pickle

        entry.write_bytes(pickle.dumps({"not": "an entry"}))
    else:
        entry.chmod(0o620)
    assert cache.lookup(rules, str(rules), False) is None
    # ...and the rule set still loads, checked.
    assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"


def test_an_entry_is_written_whole_and_private_whatever_the_umask(store: Path, rules: Path) -> None:
    """The cache writes with the one atomic write, asking for owner-only permissions: not
    those of the entry it replaces, nor those a group-writable umask would give."""
    previous = os.umask(0o002)
    try:
        load_ruleset(rules, cache=True)
        [entry] = entries(store)
        entry.chmod(0o664)  # untrusted: the next load checks again and stores anew
        load_ruleset(rules, cache=True)
    finally:
        os.umask(previous)
    assert [path.name for path in store.iterdir()] == [entry.name]  # no temporary left
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert cache.lookup(rules, str(rules), False) is not None


@pytest.mark.slow
@pytest.mark.parametrize("value", ["off", "0", "", "none"])
def test_the_cache_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch, rules: Path, tmp_path: Path, value: str
) -> None:
    monkeypatch.setenv("VETTING_CACHE_DIR", value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() is None
    load_ruleset(rules, cache=True)
    load_ruleset(rules, cache=True)
    assert not (tmp_path / "xdg").exists()
    assert not (tmp_path / "home").exists()


def test_without_a_setting_the_cache_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, rules: Path, tmp_path: Path
) -> None:
    monkeypatch.delenv("VETTING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_ruleset(rules, cache=True)
    assert len(entries(tmp_path / "xdg" / "vetting")) == 1


def test_an_unwritable_cache_is_silently_skipped(
    tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("VETTING_CACHE_DIR", str(blocker / "cache"))
    assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"
    assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"


def test_overlays_are_never_cached(store: Path) -> None:
    load_ruleset(FIXTURES / "rules" / "chu-overlay", cache=True)
    assert entries(store) == []


def test_vetting_check_never_uses_the_cache(store: Path, rules: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "vetting", "check", "--rules", str(rules)],
        check=True,
        capture_output=True,
        env={**os.environ, "VETTING_CACHE_DIR": str(store)},
    )
    assert entries(store) == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_score_prints_the_same_with_a_cold_a_warm_and_no_cache(
    store: Path, rules: Path, fmt: str
) -> None:
    def run(cache_dir: str) -> str:
        argv = ["score", "--rules", str(rules), "--format", fmt, str(EXAMPLES)]
        proc = subprocess.run(
            [sys.executable, "-m", "vetting", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "VETTING_CACHE_DIR": cache_dir},
        )
        assert proc.returncode in {0, 1}, proc.stderr
        return proc.stdout

    cold = run(str(store))
    assert len(entries(store)) == 1
    warm = run(str(store))
    off = run("off")
    assert cold == warm == off
    if fmt == "jsonl":
        refs = {json.loads(line)["ruleset"]["sha256"] for line in warm.splitlines()}
        assert len(refs) == 1


def test_the_entry_holds_the_digests_of_the_bytes_that_were_checked(
    store: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved between the check and the store must not bless the new bytes."""
    from vetting.ruleset.check import check

    def check_then_edit(*args: Any, **kwargs: Any) -> Any:
        compiled = check(*args, **kwargs)
        manifest = rules / "ruleset.yaml"
        manifest.write_text(manifest.read_text(encoding="utf-8") + "bogus_field: 1\n", "utf-8")
        return compiled

    with monkeypatch.context() as patch:
        patch.setattr("vetting.ruleset.check.check", check_then_edit)
        load_ruleset(rules, cache=True)
    with pytest.raises(VettingError, match="bogus_field"):
        load_ruleset(rules, cache=True)


def test_no_home_folder_is_no_cache_not_a_crash(
    rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("VETTING_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"


def test_a_cache_folder_we_may_not_read_is_a_miss(
    store: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As after a `sudo vetting score` left ~/.cache/vetting owned by root."""
    load_ruleset(rules, cache=True)
    is_file = Path.is_file

    def denied(self: Path) -> bool:
        if self.parent == store:
            raise PermissionError(13, "Permission denied", str(self))
        return is_file(self)

    monkeypatch.setattr(Path, "is_file", denied)
    assert load_ruleset(rules, cache=True).ruleset.id == "health-ai"


@pytest.mark.slow
def test_another_build_of_vetting_never_reuses_an_entry(tmp_path: Path, rules: Path) -> None:
    """A development checkout changes a check: its modules' dates and sizes are in the key."""
    package = tmp_path / "site" / "vetting"
    shutil.copytree(ROOT / "src" / "vetting", package)
    shutil.copytree(ROOT / "rules", package / "_data" / "rules", dirs_exist_ok=True)
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(package.parent), "VETTING_CACHE_DIR": str(cache_dir)}

    def score_once() -> None:
        subprocess.run(
            [sys.executable, "-m", "vetting", "score", "--rules", str(rules), str(EXAMPLES)],
            capture_output=True,
            env=env,
            check=False,
        )

    score_once()
    assert len(entries(cache_dir)) == 1
    module = package / "ruleset" / "check.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a new check\n", "utf-8")
    score_once()
    assert len(entries(cache_dir)) == 2
