"""The file is the old bytes or the new ones whenever a write stops, and no temp file is left behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.disk.atomic_write import FileChanged, write_atomic
from tui.core.store.loader import ContentStore

OLD = b"sources:\n  - id: wire-1\n    outlet: The Wire\n"
NEW = OLD + b"  - id: wire-2\n    outlet: The Other Wire\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_it_writes_the_new_bytes_and_keeps_the_permissions(target: Path):
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(target) == []


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.yaml", NEW)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


def test_a_link_stays_a_link_and_its_target_changes(target: Path):
    link = target.parent / "link.yaml"
    link.symlink_to(target.name)
    write_atomic(link, NEW)
    assert link.is_symlink() and target.read_bytes() == NEW


def _failing_at(monkeypatch, name: str, call: int, exc: BaseException = OSError(5, "I/O error")) -> None:
    """Make the `call`-th call of os.`name` fail with `exc`, after doing nothing."""
    real = getattr(os, name)
    calls = {"n": 0}

    def patched(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == call:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, patched)


@pytest.mark.parametrize(("step", "name", "call", "survives"), [
    ("setting the temp file's permissions", "chmod", 1, OLD),
    ("fsyncing the temp file", "fsync", 1, OLD),
    ("renaming it over the file", "replace", 1, OLD),
    ("fsyncing the folder after the rename", "fsync", 2, NEW),
])
def test_a_failure_at_each_step_leaves_old_or_new_bytes_and_no_temp_file(
    target: Path, monkeypatch, step: str, name: str, call: int, survives: bytes
):
    _failing_at(monkeypatch, name, call)
    with pytest.raises(OSError):
        write_atomic(target, NEW)
    assert target.read_bytes() == survives, step
    assert leftovers(target) == [], step


def test_an_interrupt_before_the_rename_cleans_up(target: Path, monkeypatch):
    _failing_at(monkeypatch, "replace", 1, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD and leftovers(target) == []


def test_a_file_changed_meanwhile_is_not_replaced(target: Path):
    checked = []

    def unchanged() -> bool:
        checked.append(True)
        return False

    with pytest.raises(FileChanged):
        write_atomic(target, NEW, unchanged=unchanged)
    assert checked and target.read_bytes() == OLD and leftovers(target) == []


def test_the_check_comes_after_the_temp_file_is_durable_and_before_the_rename(target: Path, monkeypatch):
    order: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (order.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append("replace"), real_replace(a, b))[1])
    write_atomic(target, NEW, unchanged=lambda: order.append("check") is None)
    assert order == ["fsync", "check", "replace", "fsync"]


CRASH = """
import os, sys
from tui.core.disk.atomic_write import write_atomic
os.replace = lambda *a: os._exit(3)  # the power goes off just before the rename
write_atomic(sys.argv[1], b"half of the new bytes")
"""


def test_a_crash_before_the_rename_leaves_the_old_file_and_a_hidden_temp_file_the_store_ignores(tmp_path: Path):
    root = tmp_path / "store"
    root.mkdir()
    (root / "sources.yaml").write_bytes(OLD)
    done = subprocess.run([sys.executable, "-c", CRASH, str(root / "sources.yaml")], capture_output=True, timeout=30)
    assert done.returncode == 3
    assert (root / "sources.yaml").read_bytes() == OLD
    left = leftovers(root / "sources.yaml")
    assert len(left) == 1 and left[0].startswith(".sources.yaml.") and left[0].endswith(".tmp")
    result = ContentStore(root).load()
    assert [s.id for s in result.snapshot.sources] == ["wire-1"]
    assert all(p.path in ("story.yaml", "status.yaml") for p in result.problems)
