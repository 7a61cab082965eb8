"""What the loader keeps of each file as last read, and what a load or reload gives back."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.model.snapshot import Snapshot
from tui.core.store.parsed_file import ParsedFile
from tui.core.text.problems import Problem


@dataclass
class FileState:
    digest: bytes | None = None
    good: ParsedFile | None = None
    problems: list[Problem] = field(default_factory=list)
    """What is wrong with the content last read."""
    read_problem: Problem | None = None
    """Why the file could not be read just now; shown instead of `problems` until it reads again."""
    missing_since: float | None = None
    good_digest: bytes | None = None
    """The digest of the bytes `good` was read from."""

    stand_in: Problem | None = None
    """Set while `good` is not a version of the file this run read (it never read one): what was
    kept of it instead, said in the banner with when it was last good."""

    def shown_problems(self) -> list[Problem]:
        said = [self.read_problem] if self.read_problem else self.problems
        return said + [self.stand_in] if self.stand_in else said


@dataclass(frozen=True)
class LoadResult:
    """What a load or reload produced."""

    snapshot: Snapshot
    problems: tuple[Problem, ...]
    changed: frozenset[str]
    """Files whose valid content changed in this reload."""
    recheck_in: float | None
    """If set, some file was mid-save or briefly missing: reload again after this many seconds."""
