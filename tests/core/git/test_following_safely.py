"""Following a colleague's commits safely: nothing unsafe put on disk, no local file written over,
a person's unfinished git work named as what it is, quitting never kept waiting by a remote.

Real repositories in a temp dir (a bare remote and two clones); nothing of git is stood in for.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.helpers.git import commit_file, ended, git, shared_desk
from tui.core.desk import Desk, GitError
from tui.core.git.repo import GitRepo


def push_link(content: Path, name: str, target: str, message: str) -> None:
    os.symlink(target, content / name)
    git(content.parent, "add", "--", f"content/{name}")
    git(content.parent, "commit", "--quiet", "-m", message)
    git(content.parent, "push", "--quiet")


def followed(content: Path):
    desk = Desk(content, journal="off")
    desk.load()
    desk.fetch()
    try:
        return desk.fast_forward()
    finally:
        desk.close()


def test_a_commit_with_a_link_out_is_held_back_named_and_following_goes_on_once_it_is_fixed(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    head = shared.head(shared.b)
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# a good change first\n", "A good change")
    push_link(shared.a, "quotes/leak.yaml", "/etc/passwd", "Add the leak")

    held = followed(shared.b)
    assert not held.ok and "up to date" not in held.note
    assert held.note == "2 commits held back: content/quotes/leak.yaml"
    short = git(shared.a.parent, "rev-parse", "--short", "HEAD").strip()
    assert f"commit {short} by Anna Editor" in held.detail and "Add the leak" in held.detail
    assert "a link pointing out of the content folder (to /etc/passwd)" in held.detail
    assert shared.head(shared.b) == head and not os.path.lexists(shared.b / "quotes/leak.yaml")
    assert held == followed(shared.b)  # held back at every look, not once

    # A link that stays inside the content folder is no danger, but one through ../ is.
    git(shared.a.parent, "rm", "--quiet", "content/quotes/leak.yaml")
    git(shared.a.parent, "commit", "--quiet", "-m", "Remove the leak")
    git(shared.a.parent, "push", "--quiet")
    arrived = followed(shared.b)
    assert arrived.ok and arrived.note == "updated" and shared.head(shared.b) == shared.head(shared.a)
    assert (shared.b / "events.yaml").read_text().endswith("# a good change first\n")

    push_link(shared.a, "quotes/up.yaml", "../../NOTES.md", "Point at the notes")
    assert followed(shared.b).note == "1 commit held back: content/quotes/up.yaml"


def test_an_ignored_local_file_an_incoming_commit_adds_is_never_written_over(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    # Boris keeps drafts git ignores; Anna commits a file at the same path.
    (shared.b.parent / ".git" / "info" / "exclude").write_text("content/quotes/2025-11-30.yaml\n")
    draft = shared.b / "quotes/2025-11-30.yaml"
    draft.write_text("# Boris's draft, never committed\nquotes: []\n")
    commit_file(shared.a, "quotes/2025-11-30.yaml", "quotes: []\n", "Start the 30th")
    git(shared.a.parent, "push", "--quiet")
    head = shared.head(shared.b)

    refused = followed(shared.b)
    assert not refused.ok and refused.note == "1 commit held back: content/quotes/2025-11-30.yaml is a local file" and "nothing was changed" in refused.detail
    assert "content/quotes/2025-11-30.yaml (ignored)" in refused.detail and "never writes over a local file" in refused.detail
    assert draft.read_text() == "# Boris's draft, never committed\nquotes: []\n" and shared.head(shared.b) == head

    draft.rename(tmp_path / "draft-aside.yaml")
    assert followed(shared.b).note == "updated"


def test_a_rebase_in_progress_and_a_detached_head_are_named_as_what_they_are(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.b.parent
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# from A\n", "A note")
    git(shared.a.parent, "push", "--quiet")

    git(top, "checkout", "--quiet", "--detach", "HEAD")
    detached = followed(shared.b)
    assert (detached.ok, detached.note) == (False, "detached HEAD") and "git switch" in detached.detail
    git(top, "checkout", "--quiet", "main")

    # A rebase stopped on a conflict, as a person leaves it to go and read the two versions.
    commit_file(shared.b, "events.yaml", (shared.b / "events.yaml").read_text() + "# from B\n", "B's note")
    git(top, "fetch", "--quiet")
    done = subprocess.run(["git", "rebase", "origin/main"], cwd=top, capture_output=True, text=True)
    assert done.returncode != 0
    head = shared.head(shared.b)
    rebasing = followed(shared.b)
    assert (rebasing.ok, rebasing.note) == (False, "rebase in progress") and "git rebase --abort" in rebasing.detail
    assert shared.head(shared.b) == head and "<<<<<<<" in (shared.b / "events.yaml").read_text()


def test_closing_the_desk_ends_a_fetch_from_a_remote_that_hangs_and_all_it_started(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    marker = tmp_path / "upload-pack.pid"
    # The remote answers nothing for a minute, as a server that hangs would.
    git(shared.b.parent, "config", "remote.origin.uploadpack", f"echo $$ > {marker}; sleep 60; git-upload-pack")
    desk = Desk(shared.b, journal="off")
    desk.load()
    failed: list[BaseException] = []

    def fetch() -> None:
        try:
            desk.fetch()
        except GitError as exc:
            failed.append(exc)

    fetching = threading.Thread(target=fetch)
    fetching.start()
    for _ in range(400):
        if marker.exists() and marker.read_text().strip():
            break
        time.sleep(0.05)
    else:
        pytest.fail("the fetch never reached the remote")
    start = time.monotonic()
    desk.close()
    fetching.join(5)
    took = time.monotonic() - start
    assert not fetching.is_alive() and took < 2, took
    assert failed and "being closed" in str(failed[0]), failed
    assert ended(int(marker.read_text())), "the remote's helper is still running"


def test_a_commit_waits_out_another_gits_index_lock(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    lock = shared.a.parent / ".git" / "index.lock"
    lock.write_text("")
    threading.Timer(0.5, lock.unlink).start()  # another git (an editor's plugin) finishing its work
    repo = GitRepo.find(shared.a)
    assert repo is not None
    (shared.a / "events.yaml").write_text((shared.a / "events.yaml").read_text() + "# noted\n")
    made = repo.commit([shared.a / "events.yaml"], "A note\n")
    assert made.subject == "A note" and git(shared.a.parent, "status", "--porcelain") == ""

    lock.write_text("")  # and one that stays: git's words, after the retries
    (shared.a / "events.yaml").write_text((shared.a / "events.yaml").read_text() + "# again\n")
    with pytest.raises(GitError, match="index.lock"):
        repo.commit([shared.a / "events.yaml"], "Again\n")
