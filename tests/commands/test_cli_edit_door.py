"""`peacewatch add` and `peacewatch set` through the door: one-line changes, refusals that name the file,
and write failures that say so and leave the folder as it was."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.edits import assert_changed
from tui.cli import main

LAVROV = "meduza-2025-11-25-lavrov"
DAY = "quotes/2025-11-25.yaml"
QUOTE_ARGS = ["--text", "We are ready to talk", "--speaker", "Sergey Lavrov", "--medium", "press-conference",
              "--source", LAVROV, "--date", "2025-11-25"]


def peacewatch(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60, **kwargs)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def git_numstat(old: Path, new: Path) -> str:
    """`git diff --numstat` of two files: "ADDED<TAB>REMOVED" lines, as a reviewer would see the change."""
    run = subprocess.run(["git", "diff", "--no-index", "--numstat", "--", str(old), str(new)],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode in (0, 1), run.stderr
    return " ".join(line.split("\t", 2)[0] + "\t" + line.split("\t", 2)[1] for line in run.stdout.splitlines())


def test_set_position_with_only_a_stance_changes_one_line(store: Path, tmp_path: Path):
    path = store / "issues.yaml"
    old = path.read_bytes()
    before = tree(store)
    run = peacewatch("set", "position", "content", "--issue", "territory", "--party", "russia", "--stance", "insists",
                     cwd=store.parent)
    assert (run.returncode, run.stdout, run.stderr) == (0, "content/issues.yaml:95: set position of russia on territory\n", "")
    new = path.read_bytes()
    assert_changed(old, new, ["        stance: conditional"], ["        stance: insists"])
    # Byte for byte: everything before and after that one line is the same.
    start = old.index(b"        stance: conditional\n", old.index(b"      - party: russia\n", old.index(b"  - id: territory")))
    assert new == old[:start] + b"        stance: insists\n" + old[start + len(b"        stance: conditional\n"):]
    saved = tmp_path / "issues.before.yaml"
    saved.write_bytes(old)
    if shutil.which("git"):
        assert git_numstat(saved, path) == "1\t1"
    assert {k: v for k, v in tree(store).items() if k != "issues.yaml"} == {k: v for k, v in before.items() if k != "issues.yaml"}


def test_add_quote_into_an_emptied_file_is_refused_naming_it(store: Path):
    (store / DAY).write_bytes(b"")
    before = tree(store)
    run = peacewatch("add", "quote", "content", *QUOTE_ARGS, cwd=store.parent)
    assert run.returncode != 0 and run.stdout == ""
    assert f"content/{DAY}" in run.stderr and "empty" in run.stderr, run.stderr
    assert "nothing was written" in run.stderr.lower(), run.stderr
    assert (store / DAY).read_bytes() == b""
    assert tree(store) == before


def test_set_status_without_a_source_is_refused_by_its_arguments(store: Path):
    before = tree(store)
    run = peacewatch("set", "status", "content", "--stage", "final-stages", "--headline", "Final stages",
                     "--since", "2025-11-26", cwd=store.parent)
    assert run.returncode == 2
    assert "--source" in run.stderr and "required" in run.stderr, run.stderr
    assert tree(store) == before


def test_set_status_with_an_empty_source_is_refused_naming_the_file(store: Path):
    before = tree(store)
    run = peacewatch("set", "status", "content", "--stage", "final-stages", "--headline", "Final stages",
                     "--since", "2025-11-26", "--source", "", cwd=store.parent)
    assert run.returncode == 1
    assert "content/status.yaml" in run.stderr and "needs a source" in run.stderr, run.stderr
    assert tree(store) == before


def test_a_real_write_failure_exits_non_zero_and_writes_nothing(store: Path):
    # A real write failure, even for root: the process may not write a file larger than the one it
    # edits, so the new version (a quote longer) cannot be written. Python ignores SIGXFSZ, so the
    # write fails with EFBIG ("File too large") instead of killing the process.
    limit = (store / DAY).stat().st_size + 16

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    before = tree(store)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    run = peacewatch("add", "quote", "content", *QUOTE_ARGS, cwd=store.parent, preexec_fn=small_files, env=env)
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert run.stdout == ""
    assert f"content/{DAY}" in run.stderr and "File too large" in run.stderr, run.stderr
    assert "nothing was written" in run.stderr, run.stderr
    assert tree(store) == before, "the failed write left something behind (a temp file, a half-written file)"


def test_a_full_disk_exits_non_zero_saying_so_and_writes_nothing(store: Path, monkeypatch, capsys):
    before = tree(store)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code = main(["add", "quote", str(store), *QUOTE_ARGS])
    monkeypatch.undo()
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "No space left on device" in err and "nothing was written" in err, err
    assert DAY in err
    assert tree(store) == before


@pytest.mark.parametrize("args", [
    ("set", "position", "--issue", "territory", "--party", "russia", "--stance", "insists"),
    ("add", "source", "--outlet", "AP"),
])
def test_a_successful_edit_leaves_no_temp_file(store: Path, args):
    kind, name, *rest = args
    run = peacewatch(kind, name, "content", *rest, cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert not [p for p in store.rglob(".*")]
