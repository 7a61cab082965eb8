"""The desk's door to merging: the merge driver git runs on a content file, and setting it up in a clone.

`run_merge_driver` is what `peacewatch merge %O %A %B %P` does: the item-level merge of
`tui/core/merge` where the file is content, git's own line merge where it is not (another YAML
file, a file over the size limit, one no side of which reads as content), so that no merge
comes out worse than git alone would have made it.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.disk.atomic_write import write_atomic
from tui.core.disk.limits import Limits
from tui.core.disk.paths import YAML_SUFFIXES
from tui.core.git.merge_driver import line_merge, patterns_for, set_driver, with_driver
from tui.core.git.repo import GitError, GitRepo
from tui.core.merge.file_merge import Conflict, merge_file, reads_as_content


@dataclass(frozen=True)
class MergeDriven:
    """What the merge driver did with one file."""

    clean: bool
    said: tuple[str, ...] = ()
    """One line for each conflict (or for falling back to git's line merge), for stderr."""
    by_item: bool = True
    """False when git's own line merge made it."""
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)


def run_merge_driver(base: Path, ours: Path, theirs: Path, path: str | None = None, limits: Limits = Limits()) -> MergeDriven:
    """Merge the three files as git's merge driver does: the result written into `ours`.

    Raises OSError when a file cannot be read or written, GitError when git's line merge cannot run."""
    shown = path or ours.name
    sizes = [p.stat().st_size for p in (base, ours, theirs)]
    not_content = "not a peacewatch content file"
    if path is not None and not path.endswith(YAML_SUFFIXES):
        return _by_lines(base, ours, theirs, shown, not_content)
    if max(sizes) > limits.max_file_bytes:
        limit = limits.max_file_bytes
        size = f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
        return _by_lines(base, ours, theirs, shown, f"over the {size} limit for one file")
    raws = [p.read_bytes() for p in (base, ours, theirs)]
    if not any(reads_as_content(raw, shown, limits) for raw in raws):
        return _by_lines(base, ours, theirs, shown, not_content)
    try:
        result = merge_file(raws[0], raws[1], raws[2], shown, limits)
    except Exception as exc:  # noqa: BLE001 - a bug of ours must leave git's markers, never a silent half-merge
        return _by_lines(base, ours, theirs, shown, f"peacewatch could not merge it ({type(exc).__name__}; please report it)")
    write_atomic(ours, result.text)
    said = tuple(f"{shown}:{c.line}: {c.words}" for c in result.conflicts)
    return MergeDriven(result.clean, said, True, tuple(result.conflicts))


def _by_lines(base: Path, ours: Path, theirs: Path, shown: str, why: str) -> MergeDriven:
    conflicts = line_merge(base, ours, theirs)
    if conflicts == 0:
        return MergeDriven(True, (), False)
    return MergeDriven(False, (f"{shown}: {why}, so git merged it line by line and left {conflicts} conflict(s) to resolve",), False)


@dataclass(frozen=True)
class DriverInstalled:
    """What `install_merge_driver` did, to say to the user."""

    attributes: Path
    """The repository's top `.gitattributes`."""
    added: tuple[str, ...]
    """The lines it added to it; none when they were all there."""
    command: str
    """The driver's command now in the clone's own git config."""


def driver_command(python: str | None = None) -> str:
    """The command git runs: this Python running this peacewatch (`-P`: never a module named like
    ours from the folder git runs it in, which is the repository's)."""
    return f"{shlex.quote(python or sys.executable)} -P -m tui merge %O %A %B %P"


def install_merge_driver(content: Path, python: str | None = None) -> DriverInstalled:
    """In the repository holding the content folder: `.gitattributes` at its top names the driver
    for the content's YAML files (its other lines kept), and the clone's config runs it. Idempotent.
    Raises GitError (not in a repository, git failing) or OSError (the file cannot be written)."""
    repo = GitRepo.find(content)
    if repo is None:
        raise GitError(f"{content} is not in a git repository: the merge driver is set up in the repository that holds the content")
    folder = Path(content).resolve().relative_to(repo.top).as_posix()
    attributes = repo.top / ".gitattributes"
    try:
        old = attributes.read_bytes().decode("utf-8")
    except FileNotFoundError:
        old = ""
    except UnicodeDecodeError:
        raise GitError(f"{attributes} is not UTF-8 text; add the lines for the merge driver by hand") from None
    text, added = with_driver(old, patterns_for("" if folder == "." else folder))
    if added:
        write_atomic(attributes, text.encode("utf-8"))
    command = driver_command(python)
    set_driver(repo, command)
    return DriverInstalled(attributes, tuple(added), command)

