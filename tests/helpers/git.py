"""Real git repositories for tests: a bare "remote" a desk shares, and clones of it, each with its own identity.

Identities are set in each repository's own config, never globally; the content folder sits in a
subfolder of the repository, as it does in a newsroom's repository of several things.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.paths import SHIPPED


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed in {cwd}: {done.stderr}")
    return done.stdout


def identity(repo: Path, name: str) -> None:
    git(repo, "config", "user.name", name)
    git(repo, "config", "user.email", f"{name.split()[0].lower()}@example.org")
    git(repo, "config", "commit.gpgsign", "false")


@dataclass
class Desk:
    remote: Path
    a: Path
    """Clone A's content folder (Anna Editor's)."""
    b: Path
    """Clone B's content folder (Boris Editor's)."""

    @staticmethod
    def top(content: Path) -> Path:
        return content.parent

    def head(self, content: Path) -> str:
        return git(content.parent, "rev-parse", "HEAD").strip()


def shared_desk(tmp_path: Path) -> Desk:
    """A bare remote holding the shipped story in `content/`, and two clones of it, A and B."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    seed = tmp_path / "seed"
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(seed))
    identity(seed, "Sam Seed")
    shutil.copytree(SHIPPED, seed / "content")
    (seed / "NOTES.md").write_text("Not content: the desk's notes live beside it.\n")
    git(seed, "add", ".")
    git(seed, "commit", "--quiet", "-m", "Start the story")
    git(seed, "remote", "add", "origin", str(remote))
    git(seed, "push", "--quiet", "-u", "origin", "main")
    clones = []
    for name, who in (("a", "Anna Editor"), ("b", "Boris Editor")):
        git(tmp_path, "clone", "--quiet", str(remote), name)
        identity(tmp_path / name, who)
        clones.append(tmp_path / name / "content")
    return Desk(remote, *clones)


def commit_file(content: Path, relative: str, text: str, message: str) -> None:
    """Write a content file and commit it, as a colleague working with git by hand would."""
    (content / relative).write_text(text, encoding="utf-8")
    git(content.parent, "add", "--", f"content/{relative}")
    git(content.parent, "commit", "--quiet", "-m", message)


def ended(pid: int, within: float = 2.5) -> bool:
    """Whether process `pid` (a helper git started: ssh, a credential helper, a remote's command)
    is gone, or goes within `within` seconds."""
    import os
    import time

    deadline = time.monotonic() + within
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
