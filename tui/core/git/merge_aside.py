"""Merging the upstream into a branch that has moved on too, in a worktree of its own.

Following never leaves a conflict in the content folder, nor shows a half-merged file for a
moment: the merge is made in a temporary worktree (git's own merge, with peacewatch's item-level
driver for the content files and hooks off), and only a clean merge commit is brought into the
content folder, as a fast-forward. A merge that conflicts is abandoned there, after its three
versions of each conflicting file have been read so that the items can be named.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.git.run import NO_REPOSITORY_COMMANDS, GitError


@dataclass(frozen=True)
class Merged:
    """What a merge made aside came to."""

    sha: str | None
    """The merge commit, when the merge was clean; None when it conflicts."""
    conflicted: dict[str, tuple[bytes, bytes, bytes]] = field(default_factory=dict)
    """Each conflicting file (from the top of the repository) with its base, ours and theirs."""


def merge_aside(run_in: Callable[..., str], top: Path, upstream_sha: str, driver: str, patterns: Sequence[str], message: str) -> Merged:
    """Merge `upstream_sha` into HEAD in a temporary worktree; `run_in(cwd, *args)` runs git.

    `driver` is the merge driver's command and `patterns` the attribute patterns of the files it
    merges (given here, so that a clone that never ran `desk init` merges item by item all the
    same, and no command the repository names is run)."""
    aside = Path(tempfile.mkdtemp(prefix="peacewatch-merge-"))
    attributes = aside / "attributes"
    attributes.write_text("".join(f"{pattern} merge=peacewatch\n" for pattern in patterns), encoding="utf-8")
    tree = aside / "tree"
    run_in(top, *NO_REPOSITORY_COMMANDS, "worktree", "add", "--quiet", "--detach", str(tree), "HEAD")
    try:
        settings = (
            *NO_REPOSITORY_COMMANDS, "-c", f"core.attributesFile={attributes}",
            "-c", "merge.peacewatch.name=peacewatch: content files merged item by item", "-c", f"merge.peacewatch.driver={driver}",
            "-c", "commit.gpgSign=false",
        )
        try:
            run_in(tree, *settings, "merge", "--no-ff", "--no-edit", "--quiet", "-m", message, upstream_sha)
        except GitError:
            names = [n for n in run_in(tree, "diff", "--name-only", "-z", "--diff-filter=U").split("\0") if n]
            if not names:
                raise  # not a conflict: git's own words say what went wrong
            return Merged(None, {name: (_stage(run_in, tree, 1, name), _stage(run_in, tree, 2, name), _stage(run_in, tree, 3, name))
                                 for name in names})
        return Merged(run_in(tree, "rev-parse", "HEAD").strip())
    finally:
        try:
            run_in(top, "worktree", "remove", "--force", str(tree))
        except GitError:
            run_in(top, "worktree", "prune")
        shutil.rmtree(aside, ignore_errors=True)


def _stage(run_in: Callable[..., str], tree: Path, stage: int, name: str) -> bytes:
    try:
        return run_in(tree, "cat-file", "blob", f":{stage}:{name}").encode("utf-8", "surrogateescape")
    except GitError:
        return b""  # added on one side only: no such version
