"""The state files peacewatch keeps for a user (the journal, the parse cache) and the temp files
of its writes can never hurt the user: a folder, pipe or link named by mistake is refused with a
message and left as it is; the cache's clean-up removes only its own entries; a journal past its
retention shrinks on disk; a killed write's temp file does not stay in the content folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.paths import REPO, SHIPPED
from tui.core.desk import AddQuote, Desk
from tui.core.journal.journal import Journal, Retention


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    return root


def changes(root: Path, journal: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", "changes", str(root), "--journal", str(journal)],
                          capture_output=True, text=True, timeout=30, cwd=REPO)


@pytest.mark.parametrize("kind", ["folder", "fifo", "link"])
def test_a_journal_path_that_is_not_a_file_is_refused_in_words_and_left_as_it_is(root: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "mine"
    if kind == "folder":
        path.mkdir()
        (path / "notes.txt").write_text("the user's own\n")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        (tmp_path / "elsewhere.json").write_text("{}")
        path.symlink_to(tmp_path / "elsewhere.json")
    before = sorted(p.name for p in tmp_path.iterdir())
    done = changes(root, path)  # a pipe must not hang it: the timeout would fail the test
    assert done.returncode == 2 and "no changes recorded" not in done.stderr
    said = {"folder": "it is a folder", "fifo": "it is not a regular file", "link": "it is a link"}[kind]
    assert f"the change journal {path} cannot be used ({said}" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing renamed, nothing beside it
    if kind == "folder":
        assert (path / "notes.txt").read_text() == "the user's own\n"
    if kind == "link":
        assert path.is_symlink() and (tmp_path / "elsewhere.json").read_text() == "{}"


def test_a_journal_past_its_retention_shrinks_on_disk_when_opened(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    desk = Desk(root, journal=path, state_dir=tmp_path / "state")
    desk.load()
    desk.record()
    for n in range(30):
        desk.apply(AddQuote(text=f"Quote {n}", speaker="Sergey Lavrov", medium="press-conference",
                            date="2025-11-25", source="meduza-2025-11-25-lavrov"))
    desk.close()
    before = path.stat().st_size
    journal, warnings = Journal.open(root, path=path, retention=Retention(max_entries=5))
    assert warnings == [] and len(journal.entries()) == 5
    assert path.stat().st_size < before / 2
    again, _ = Journal.open(root, path=path, retention=Retention(max_entries=5))
    assert len(again.entries()) == 5


def test_the_caches_clean_up_removes_only_its_own_entries_even_through_a_link(root: Path, tmp_path: Path) -> None:
    state = tmp_path / "state"
    Desk(root, journal="off", state_dir=state).load()
    [cache] = (state / "parsed").iterdir()
    own = sorted(p.name for p in cache.iterdir())
    assert own and all(name.endswith(".json") for name in own)
    # The user moves the cache to a folder of their own and links it back.
    mine = tmp_path / "my-files"
    shutil.copytree(cache, mine)
    (mine / "thesis.docx").write_text("a user's file\n")
    (mine / "data.json").write_text("[]\n")
    shutil.rmtree(cache)
    cache.symlink_to(mine)
    (root / "quotes" / "undated.yaml").unlink()  # its entry is now stale: cleaned up
    Desk(root, journal="off", state_dir=state).load()
    left = sorted(p.name for p in mine.iterdir())
    assert "thesis.docx" in left and "data.json" in left and len(left) == len(own) + 1


def test_a_temp_file_a_killed_write_left_is_swept_by_the_next_edit(root: Path) -> None:
    leftover = root / "quotes" / ".2025-11-25.yaml.0badc0de.tmp"
    leftover.write_text("quotes:\n  - id: half")
    old = time.time() - 60
    os.utime(leftover, (old, old))
    fresh = root / ".events.yaml.1234abcd.tmp"  # as if another write were under way now: left alone
    fresh.write_text("")
    lookalike = root / "quotes" / ".notes.tmp"  # not a name of ours
    lookalike.write_text("")
    os.utime(lookalike, (old, old))
    desk = Desk(root, journal="off")
    desk.apply(AddQuote(text="We are ready", speaker="Sergey Lavrov", medium="press-conference",
                        date="2025-11-25", source="meduza-2025-11-25-lavrov"))
    desk.close()
    assert not leftover.exists() and fresh.exists() and lookalike.exists()
