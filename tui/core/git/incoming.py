"""What following looks at before it brings commits in: the state the repository is in, and
what the incoming commits would put on disk.

Plain `git merge --ff-only` would bring in a link pointing anywhere on the machine, and write over
an ignored local file that an incoming commit adds at the same path (it protects untracked files,
not ignored ones). Both are looked for here first, so that nothing is changed until it is safe.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.core.git.run import GitError

Git = Callable[..., str]

IN_PROGRESS = (
    ("rebase-merge", "rebase in progress", "A rebase is in progress", "git rebase --continue, or git rebase --abort"),
    ("rebase-apply", "rebase in progress", "A rebase (or git am) is in progress", "git rebase --continue, or git rebase --abort"),
    ("MERGE_HEAD", "merge in progress", "A merge is in progress", "commit it, or git merge --abort"),
    ("CHERRY_PICK_HEAD", "cherry-pick in progress", "A cherry-pick is in progress", "git cherry-pick --continue, or --abort"),
    ("REVERT_HEAD", "revert in progress", "A revert is in progress", "git revert --continue, or --abort"),
    ("BISECT_LOG", "bisect in progress", "A bisect is in progress", "git bisect reset"),
)
"""Operations a person is in the middle of: (git's marker, the title's words, the sentence, how to end it)."""


@dataclass(frozen=True)
class Unsafe:
    """A file the incoming commits hold that peacewatch will not put on disk."""

    path: str
    """From the top of the repository."""
    why: str
    """What it is, in a few words: "a link pointing out of the repository (to /etc/passwd)"."""


def operation_in_progress(git: Git, top: Path) -> tuple[str, str] | None:
    """(The title's words, the notification's sentence) when a rebase, merge, cherry-pick, revert
    or bisect is under way: bringing commits in then would land in the middle of someone's work."""
    names = [marker for marker, *_ in IN_PROGRESS]
    args = [arg for name in names for arg in ("--git-path", name)]
    paths = git("rev-parse", *args).splitlines()
    for (_, note, sentence, finish), path in zip(IN_PROGRESS, paths, strict=False):
        if (top / path).exists():
            return note, f"{sentence} in the content repository: peacewatch brings nothing in until it is finished ({finish})."
    return None


def unsafe_files(git: Git, ref: str, pathspec: str) -> list[Unsafe]:
    """Links in the content folder at `ref` that point out of it, and submodules: a link out would
    have the dashboard read (or an edit write) a file anywhere on the machine."""
    found: list[Unsafe] = []
    out = git("ls-tree", "-r", "-z", "--full-tree", ref, "--", pathspec)
    for entry in out.split("\0"):
        if "\t" not in entry:
            continue
        head, path = entry.split("\t", 1)
        mode, _kind, sha = head.split(" ")
        if mode == "160000":
            found.append(Unsafe(path, "a submodule (another repository inside this one)"))
        elif mode == "120000":
            target = git("cat-file", "blob", sha)
            if _leaves(path, target, pathspec):
                found.append(Unsafe(path, f"a link pointing out of the content folder (to {target})"))
    return found


def _leaves(path: str, target: str, pathspec: str) -> bool:
    if target.startswith("/") or "\0" in target:
        return True
    landing = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    folder = "" if pathspec == "." else pathspec.rstrip("/") + "/"
    return landing.startswith("../") or landing == ".." or not (landing + "/").startswith(folder)


def files_in_the_way(git: Git, top: Path, head: str, ref: str) -> list[str]:
    """Files the incoming commits add where a local file not in git (untracked or ignored) already is."""
    added = git("diff", "--name-only", "-z", "--no-renames", "--diff-filter=A", head, ref).split("\0")
    in_way = []
    for path in filter(None, added):
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            here = top.joinpath(*parts[:depth])
            last = depth == len(parts)
            if os.path.lexists(here) and (last or not here.is_dir() or here.is_symlink()):
                in_way.append("/".join(parts[:depth]))
                break
    return sorted(set(in_way))


def ignored(git: Git, paths: list[str]) -> set[str]:
    """Which of `paths` git ignores (the rest are plain untracked files)."""
    if not paths:
        return set()
    try:
        out = git("check-ignore", "-z", "--no-index", "--stdin", input_text="\0".join(paths) + "\0")
    except GitError:  # exit status 1: none of them is ignored
        return set()
    return set(filter(None, out.split("\0")))
