"""Load a content folder and keep it loaded: re-read only the files that changed.

The loader remembers, for every file, the last version that was valid. A file that is
mid-save, broken, emptied or briefly missing never replaces that version: the snapshot
keeps showing it, and the problem is reported with file, line and column until the file
is fixed. Nothing here touches the UI; the dashboard and `peacewatch check` share it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from tui.core.disk.limits import Limits
from tui.core.disk.paths import is_content_file
from tui.core.disk.safe_read import NotAFile, OutsideStore, TooLarge, Unstable, read_regular, real_root
from tui.core.disk.settle import SAVE_QUIET_SECONDS
from tui.core.model.snapshot import Snapshot
from tui.core.store.crossref import Merger
from tui.core.store.file_parser import FileParser, cut_texts, file_digest, stand_in_of
from tui.core.store.file_state import FileState, LoadResult
from tui.core.store.ids_only import doubled_elsewhere, ids_in, ids_only
from tui.core.store.parse_cache import ParseCache
from tui.core.store.parsed_file import ParsedFile
from tui.core.store.reading import UNSHOWABLE, BadName, collector_paused, oversized_problem, shown_name
from tui.core.text.problems import Problem
from tui.core.yaml.reader import YamlDocument

__all__ = ["ContentStore", "LoadResult", "ParsedFile", "file_digest"]

HEAD_FIRST_BYTES = 256_000
"""From this many bytes in a store's subfolders on, a start shows the files at its top first (when
the head cache has nothing to show): at 1,000 quotes (0.9 MB) a cold start's story came ~0.4 s
sooner for ~0.15 s more until the whole store is read, measured on a busy machine."""

MISSING_GRACE = 0.4
"""Seconds a file may be absent before it counts as deleted: editors delete, then write."""

class ContentStore:
    """A content folder, loaded incrementally."""

    def __init__(self, root: Path, limits: Limits = Limits(), cache: ParseCache | None = None) -> None:
        self.root = Path(root)
        self.limits = limits
        self._cache = cache
        """Parsed files from earlier runs, by content: a file read before is not parsed again."""
        self._parser = FileParser(self.root, limits, cache)
        self._files: dict[str, FileState] = {}
        self._snapshot = Snapshot()
        self._merger = Merger()
        self._cross_problems: list[Problem] = []
        self._root_problem: Problem | None = None
        self._merged = False
        self._real_root = ""
        """The store's real path, with a trailing separator, as of the current reload."""
        self._ids_only: set[str] = set()
        """Files held for their ids alone (`load_for_edit`): no items, their ids as if broken."""
        self._elsewhere: dict[str, dict[str, str]] = {}

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def digest(self, relative: str) -> bytes | None:
        """blake2b(digest_size=16) of the file's bytes as last read; None if not read (or unreadable)."""
        state = self._files.get(relative)
        return state.digest if state else None

    def digests(self) -> dict[str, bytes]:
        """Every file's digest as last read: what an edit form passes as the `expected` state."""
        # A copy of the items first: the dashboard asks from a thread while its follower reloads.
        return {path: state.digest for path, state in list(self._files.items()) if state.digest is not None}

    def sources(self) -> dict[str, bytes]:
        """For each file whose items in the snapshot are just what its bytes say (read whole, no
        item left out for failing its check, no stand-in): the digest of those bytes."""
        return {
            path: state.good_digest for path, state in list(self._files.items())
            if state.good is not None and state.good_digest is not None and state.stand_in is None
            and not state.good.broken and not state.good.places.kept and path not in self._ids_only
        }

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything wrong with the store as last read."""
        return self._result(set(), None).problems

    def shows_as_read(self, relative: str) -> bool:
        """Whether what the store shows of a file is what was last read of it (it loaded)."""
        state = self._files.get(relative)
        return state is not None and state.good is not None and state.good_digest == state.digest

    def field_at(self, section: str, item_id: str, *loc: str | int) -> tuple[str, int, int] | None:
        """Where a field of a loaded item stands (its file, line and column): read again from the
        file if it still holds the bytes it was loaded from, else the item's own line."""
        origin = self._snapshot.origins.get((section, item_id))
        state = self._files.get(origin.path) if origin is not None else None
        if origin is None or state is None or state.good is None:
            return None
        index = next((i for i, item in enumerate(getattr(state.good.content, section, ())) if item.id == item_id), None)
        if index is None:
            return origin.path, origin.line, 1
        return (origin.path, *state.good.at(section, index, *loc))

    def problems_of(self, relative: str) -> list[Problem]:
        """What is wrong with one file as last read (empty if it read and validated)."""
        state = self._files.get(relative)
        return state.shown_problems() if state else []

    def preview(self, new: Mapping[str, tuple[ParsedFile | None, list[Problem]]]) -> tuple[Problem, ...]:
        """Every problem the store would have if the files of `new` held those contents; changes nothing.

        This is how an edit is validated before it is written: the new files together with
        the last good version of every other file. A new file that does not validate is
        stood in for by its last good version, as in a reload.
        """
        others = {path: state for path, state in self._files.items() if path not in new}
        cross = self._merger.what_if({relative: parsed for relative, (parsed, _) in new.items() if parsed is not None})
        wholes = {p: s.good for p, s in others.items() if p not in self._ids_only} | {p: parsed for p, (parsed, _) in new.items()}
        cross += doubled_elsewhere(self.ids_elsewhere, wholes)
        in_files = sorted({p for _, found in new.values() for p in found}.union(*(s.shown_problems() for s in others.values())))
        root = [self._root_problem] if self._root_problem else []
        return tuple(root + in_files + sorted(set(cross) - set(in_files)))

    def adopt(self, written: Mapping[str, tuple[bytes, ParsedFile, YamlDocument]]) -> LoadResult:
        """Take files just written by an edit as read: their parse is the one the edit checked,
        so the written bytes are never parsed again (the watcher's echo finds the same digest)."""
        for relative, (raw, parsed, doc) in written.items():
            state = self._files.setdefault(relative, FileState())
            state.digest = state.good_digest = file_digest(raw)
            # Its positions are found on disk from now on, not in the edit's parse (let it go).
            state.good = ParsedFile(relative, parsed.content, parsed.places, self._parser.rereader(relative, state.digest), parsed.broken)
            state.read_problem, state.missing_since = None, None
            if parsed.broken or parsed.places.kept:
                # Written around an item that fails validation (the edit was elsewhere in the file):
                # its problem stays said, and the file is not cached (the cache keeps whole files).
                state.problems = self._parser.validate(relative, doc, state.digest, unwritten=True)[1]
                continue
            state.problems = cut_texts(doc, relative)
            if self._cache is not None:
                self._cache.put(relative, state.digest, doc.data, parsed.places, state.problems)
        self._remerge(set(written))
        return self._result(set(written), None)

    def relative(self, path: Path | str) -> str:
        return Path(os.path.relpath(Path(path).absolute(), self.root.absolute())).as_posix()

    def _scan(self) -> list[str]:
        found = []
        for directory, dirnames, filenames in os.walk(self.root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                relative = self.relative(Path(directory) / name)
                if is_content_file(relative):
                    found.append(relative)
        return sorted(found)

    def load(self) -> LoadResult:
        """Scan the whole folder: new, changed and deleted files alike."""
        if not self.root.is_dir():
            self._root_problem = Problem(self.root.name or str(self.root), 1, 1, "the content folder is missing or not a folder; showing the last good state")
            return self._result(set(), None)
        self._root_problem = None
        found = self._scan()
        for relative in self._ids_only:  # read whole now
            self._files[relative].digest = self._files[relative].good = None
        self._ids_only.clear()
        self._elsewhere.clear()
        result = self.reload(set(found) | set(self._files))
        if self._cache is not None:
            self._cache.keep_only(set(found))
        return result

    def load_for_edit(self) -> LoadResult:
        """For one edit by a command: the files at the top read whole, each in the folders below (the
        quotes and events, the bulk of a large store) for its ids alone, from its parse cache entry
        (else whole). The engine reads whole the file it writes (`make_whole`); references are checked
        against the ids, so an edit costs the file it writes. Partial: `load` reads the rest."""
        if self._merged or self._cache is None or not self.root.is_dir():
            return self.load()
        found, now = self._scan(), time.monotonic()
        self._real_root = real_root(self.root)
        with collector_paused():
            for relative in found:
                if "/" not in relative or not self._read_ids(relative):
                    self._read(relative, now)
            self._remerge(set(found))
        return self._result(set(found), None)

    def _read_ids(self, relative: str) -> bool:
        assert self._cache is not None
        try:
            raw = self._read_bytes(self.root / relative) if not UNSHOWABLE.search(relative) else None
        except (OSError, Unstable, TooLarge, NotAFile, OutsideStore):
            raw = None
        digest = file_digest(raw) if raw is not None else b""
        ids = self._cache.ids(relative, digest) if raw is not None else None
        if ids is None:
            return False  # read whole, which says what is wrong with it
        state = self._files.setdefault(relative, FileState())
        # Like a file that does not read: its ids known, as what references may name, nothing else.
        state.digest, state.good = digest, ids_only(relative, ids)
        self._ids_only.add(relative)
        self._elsewhere.clear()
        return True

    def make_whole(self, relative: str) -> None:
        """Read whole a file `load_for_edit` holds for its ids alone (an edit is about to be made in it)."""
        if relative in self._ids_only:
            self._ids_only.discard(relative)
            self._elsewhere.clear()
            self._files[relative].digest = self._files[relative].good = None
            self.reload([relative])

    def held_for_ids(self) -> set[str]:
        """The files `load_for_edit` holds for their ids alone, that define any."""
        return {path for path in self._ids_only if any(self._files[path].good.broken.values())}  # type: ignore[union-attr]

    def ids_elsewhere(self, section: str) -> dict[str, str]:
        """The ids of `section` in the files held for their ids alone, with the file of each."""
        if section not in self._elsewhere:
            self._elsewhere[section] = ids_in({path: self._files[path].good for path in self._ids_only}, section)
        return self._elsewhere[section]

    def load_head(self) -> LoadResult | None:
        """Before the first `load` of a large store, read only the files at the top of the folder.

        The story, the status, the parties and the issues are there (as the editors' guide
        keeps them), the quotes and events in folders below; so a dashboard can show the
        story while the bulk is read. None if the folders below hold less than `HEAD_FIRST_BYTES`
        (one load is quicker than two) or a load has already happened. What it returns is
        partial: problems between files are not known until `load`.
        """
        if self._merged or not self.root.is_dir():
            return None
        found = self._scan()
        below = 0
        for relative in found:
            if "/" in relative:
                with contextlib.suppress(OSError):
                    below += os.stat(self.root / relative, follow_symlinks=False).st_size
        if below < HEAD_FIRST_BYTES:
            return None
        return self.reload([relative for relative in found if "/" not in relative])

    def reload(self, paths: Iterable[str | Path]) -> LoadResult:
        """Re-read the given files (store-relative or absolute); others keep their state."""
        changed: set[str] = set()
        recheck: float | None = None
        now = time.monotonic()
        self._real_root = real_root(self.root)
        # Taking what a load built out of the collector's passes for good (gc.freeze) is the
        # dashboard's call, a long-lived process; a command ends before it would matter.
        with collector_paused():
            for item in paths:
                relative = self.relative(item) if Path(item).is_absolute() else Path(item).as_posix()
                if not is_content_file(relative) or relative.startswith("../"):
                    continue
                outcome = self._read(relative, now)
                if outcome == "changed":
                    changed.add(relative)
                elif isinstance(outcome, float):
                    recheck = min(recheck or outcome, outcome)
            if changed or not self._merged:
                self._remerge(changed)
        return self._result(changed, recheck)

    def _result(self, changed: set[str], recheck: float | None) -> LoadResult:
        # A broken file comes first: the unknown references after it are often its echo.
        in_files = sorted({p for state in self._files.values() for p in state.shown_problems()})
        problems = [self._root_problem] if self._root_problem else []
        cross = self._cross_problems + doubled_elsewhere(self.ids_elsewhere, {p: s.good for p, s in self._files.items() if p not in self._ids_only})
        problems += in_files + sorted(set(cross) - set(in_files))
        return LoadResult(self._snapshot, tuple(problems), frozenset(changed), recheck)

    def _remerge(self, changed: set[str]) -> None:
        self._merged = True
        goods = {path: (state.good if (state := self._files.get(path)) else None) for path in changed}
        snapshot, self._cross_problems = self._merger.update(goods)
        assert snapshot is not None
        self._snapshot = snapshot

    def _read(self, relative: str, now: float) -> str | float | None:
        """Read one file; returns 'changed', a recheck delay, or None for no change."""
        state = self._files.setdefault(relative, FileState())
        full = self.root / relative
        try:
            if UNSHOWABLE.search(relative):
                if not os.path.lexists(full):
                    raise FileNotFoundError(relative)
                raise BadName
            raw = self._read_bytes(full)
        except FileNotFoundError:
            if full.is_symlink():
                self._unreadable(state, relative, "is a link to a file that does not exist")
                return None
            return self._missing(relative, state, now)
        except IsADirectoryError:
            self._unreadable(state, relative, "is a folder, expected a YAML file")
            return None
        except Unstable:  # changed while read: again once quiet, by the watcher's own rule
            return SAVE_QUIET_SECONDS
        except TooLarge as too_large:
            state.read_problem = oversized_problem(relative, too_large.size, self.limits)
            state.digest = None
            state.missing_since = None
            return None
        except NotAFile:
            self._unreadable(state, relative, "is not a regular file (a pipe or device?), expected a YAML file")
            return None
        except OutsideStore:
            state.read_problem = Problem(relative, 1, 1, "is a link to a file outside the content folder; ignored")
            return self._drop(relative, state)
        except BadName:
            state.read_problem = Problem(
                shown_name(relative), 1, 1,
                "the file name holds control characters or bytes that are not UTF-8; rename the file to load it",
            )
            return self._drop(relative, state)
        except OSError as exc:
            self._unreadable(state, relative, f"cannot be read ({exc.strerror or exc})")
            return None
        state.missing_since = None
        state.read_problem = None
        digest = file_digest(raw)
        if digest == state.digest:
            return None
        state.digest = digest
        parsed, problems = self._parser.parse(relative, raw, digest)
        state.problems = problems
        if parsed is None:
            if state.good is None:
                # Never read whole this run: the ids its items have still mark what refers to them as known,
                # so one mistake is one problem (until the desk puts the last good version in its place).
                state.good = stand_in_of(relative, raw)
                return "changed"
            return None
        state.good, state.good_digest, state.stand_in = parsed, digest, None
        return "changed"

    def without_good_version(self) -> list[str]:
        """Files that exist but have given this run nothing it read whole: each shows only a stand-in."""
        return sorted(path for path, state in self._files.items()
                      if state.good is not None and state.good_digest is None and state.stand_in is None)

    def stand_in(self, relative: str, parsed: ParsedFile, note: Problem) -> LoadResult:
        """Show `parsed` (what was kept of a file that cannot be read now, such as its last good
        version in the journal) in its place until the file reads again; `note` says so."""
        state = self._files.get(relative)
        if state is None or state.good_digest is not None:
            return self._result(set(), None)  # read whole meanwhile: the file itself wins
        state.good, state.stand_in = parsed, note
        self._remerge({relative})
        return self._result({relative}, None)

    def _unreadable(self, state: FileState, relative: str, what: str) -> None:
        """A file that is there but cannot be read now: report it, keep its last good content."""
        state.missing_since = None
        kept = "; showing its last good content" if state.good else ""
        state.read_problem = Problem(relative, 1, 1, what + kept)

    def _missing(self, relative: str, state: FileState, now: float) -> str | float | None:
        if state.good is None and state.digest is None:
            del self._files[relative]
            return None
        if state.missing_since is None:
            state.missing_since = now
        waited = now - state.missing_since
        if waited < MISSING_GRACE:
            return MISSING_GRACE - waited
        state.problems, state.read_problem = [], None
        return self._drop(relative, state)

    def _drop(self, relative: str, state: FileState) -> str | None:
        """Forget a file's content; keep its entry only while it has a problem to report."""
        had_content = state.good is not None
        # A stand-in goes with the file: its note would otherwise outlive what it speaks of.
        state.good, state.digest, state.missing_since, state.stand_in = None, None, None, None
        if not state.shown_problems():
            del self._files[relative]
        return "changed" if had_content else None

    def _read_bytes(self, full: Path) -> bytes:
        return read_regular(full, self._real_root, self.limits.max_file_bytes)

    def validate(self, relative: str, doc: YamlDocument, digest: bytes, unwritten: bool = False) -> tuple[ParsedFile | None, list[Problem]]:
        """See `FileParser.validate`: how an edit checks the content it is about to write."""
        return self._parser.validate(relative, doc, digest, unwritten)
