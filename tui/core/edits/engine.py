"""How every edit is made: read the file it may trust, change only the text that must change, check, write.

The door (`tui.core.desk`) calls these under the folder lock, on its own loaded store."""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tui.core.disk.atomic_write import FileChanged, write_atomic
from tui.core.disk.safe_read import NotAFile, OutsideStore, TooLarge, Unstable, read_regular, real_root
from tui.core.disk.settle import StillChanging, wait_settled
from tui.core.edits.field_values import as_data, read_back
from tui.core.edits.new_items import header, modeline_for
from tui.core.model.snapshot import Snapshot
from tui.core.store.crossref import ParsedFile
from tui.core.store.loader import ContentStore, LoadResult, file_digest
from tui.core.text.problems import Problem
from tui.core.yaml.emit import Fields
from tui.core.yaml.reader import YamlDocument, read_yaml
from tui.core.yaml.splice import FileText, Splice, apply, moved

_NUMBER = re.compile(r"\d+")
_ADDS_PROBLEMS = "the edit would add these problems to the store"
_EMPTY = {"source": "this needs a source: name the source it comes from, as every stage and position does (add the source first)"}


class EditRefused(Exception):
    """The edit was not made; `problems` says why, each at FILE:LINE:COL of the text it would have written."""

    def __init__(self, problems: Sequence[Problem], summary: str = _ADDS_PROBLEMS) -> None:
        self.problems = list(problems)
        self.summary = summary
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n  ".join([f"{self.summary}:"] + [str(p) for p in self.problems])


class EditFailed(EditRefused):
    """The edit was right but could not be written (a full disk, a read-only folder); nothing was written."""


class EditConflict(EditRefused):
    """The file changed on disk (a colleague, a git pull, another window); nothing was written."""

    def __init__(self, path: str) -> None:
        self.path = path
        message = "changed on disk since it was read; nothing was written: look at it again, then retry"
        super().__init__([Problem(path, 1, 1, message)], summary=f"conflict: {path} changed on disk")


class StaleRead(EditConflict):
    """The file settled into other bytes than the store last read (it was read mid-save, or before
    a colleague's save): read it again and plan the edit again. Raised only when the caller has
    no view of its own to defend (`expected` None); a form's view that is out of date is a conflict."""


@dataclass(frozen=True)
class Written:
    """What an edit wrote."""

    path: str
    """The store-relative file written."""
    item_id: str
    """The id of the new or changed item ("status" for the status; the issue's id for a position)."""
    line: int
    """The 1-based line where that item (or the position) now starts."""


def digest(raw: bytes | None) -> bytes | None:
    """The digest `ContentStore` keeps of a file's bytes."""
    return None if raw is None else file_digest(raw)


@dataclass
class FileEdit:
    splices: list[Splice]
    data: Any
    """What the whole file must read back as: the edit is refused if the new text reads otherwise."""
    item: tuple
    """Where the new or changed item stands in the file's data."""
    item_id: str
    required: tuple[str, ...] = ()
    """Fields of the item that must not be empty."""


@dataclass
class Context:
    """What `make` works from: the file (text and parse), and the store as loaded."""

    relative: str
    source: FileText
    snapshot: Snapshot
    elsewhere: Callable[[str], Mapping[str, str]] = lambda section: {}  # ids of files held for them alone
    data: Any = field(init=False)

    def __post_init__(self) -> None:
        self.data = copy.deepcopy(self.source.data)

    def taken(self, section: str) -> set[str]:
        """Ids of `section` in the store and in this file (even if it does not validate)."""
        here = self.source.data.get(section) if isinstance(self.source.data, dict) else None
        local = {i.get("id") for i in here if isinstance(i, dict)} if isinstance(here, list) else set()
        return {item.id for item in getattr(self.snapshot, section)} | {i for i in local if isinstance(i, str)} | set(self.elsewhere(section))

    def refuse(self, message: str) -> EditRefused:
        return EditRefused([Problem(self.relative, 1, 1, message)])

    def append(self, section: str, fields: Fields, item_id: str, required: tuple[str, ...], after: str | None = None) -> FileEdit:
        """A new item at the end of `section`, or right after the item with the id `after` when
        the file has it (an item put back where it was)."""
        items = self.data.get(section)
        if items is not None and not isinstance(items, list):
            raise self.refuse(f"'{section}' is not a list; fix the file first")
        items = items or []
        ids = [i.get("id") if isinstance(i, dict) else None for i in items]
        index = ids.index(after) if after is not None and after in ids else None
        splice = self.source.append_item((section,), fields, top_level=True, after=index)
        at = len(items) if index is None else index + 1
        self.data[section] = items[:at] + [as_data(fields)] + items[at:]
        return FileEdit([splice], self.data, (section, at), item_id, required)


@dataclass
class Planned:
    """One file's edit, made in memory and read back: what the door checks, then writes."""

    relative: str
    full: Path
    raw: bytes | None
    """The bytes on disk the edit was made from (None: a new file)."""
    new_raw: bytes
    new_doc: YamlDocument
    """The one parse of the new bytes: read back, checked, then adopted by the store as read."""
    changes: list[FileEdit]
    """What was changed in the file, in order (two when one request adds two items to it)."""
    where: Callable[[int, int], tuple[int, int] | None]
    """Takes a (line, column) of the file on disk to where it stands in the new text."""
    new_text: str

    @property
    def base(self) -> bytes | None:
        return digest(self.raw)

    def written(self) -> Written:
        change = self.changes[-1]
        return Written(self.relative, change.item_id, self.new_doc.position(change.item)[0])


def plan(
    store: ContentStore,
    relative: str,
    expected: Mapping[str, bytes] | None,
    make: Callable[[Context], FileEdit],
    kind: str = "",
    day: str = "",
    on_top_of: Planned | None = None,
) -> Planned:
    """Make one file's edit in memory: the file is read (only if it can be trusted), changed at
    the places its parse recorded, and the new text read back. Nothing is written.

    `on_top_of`, an earlier edit of the same file in the same request, is built on instead of the disk.
    """
    root = store.root
    full = root / relative
    if on_top_of is not None:
        raw, base_text = on_top_of.raw, on_top_of.new_text
        doc, problems = read_yaml(on_top_of.new_raw, relative, store.limits, spans=True)
    else:
        store.make_whole(relative)  # held for its ids alone by a command's load: it is now read whole
        raw = _read_trusted(store, full, relative, expected)
        if raw is None:
            neighbours = sorted({origin.path for origin in store.snapshot.origins.values()} | store.held_for_ids())
            base_text = header(kind, modeline_for(root, relative, neighbours), day=day)
            doc, problems = read_yaml(base_text.encode("utf-8"), relative, store.limits, spans=True)
        else:
            doc, problems = read_yaml(raw, relative, store.limits, spans=True)
            base_text = raw.decode("utf-8-sig") if doc is not None else ""
    if doc is None:
        raise EditRefused(problems, f"{relative} cannot be read as YAML; fix it first")
    if doc.data is not None and not isinstance(doc.data, dict):
        raise EditRefused([Problem(relative, 1, 1, "expected sections such as 'quotes:' at the top of the file")])
    change = make(Context(relative, FileText(base_text, doc), store.snapshot, store.ids_elsewhere))
    new_text = apply(base_text, change.splices)
    try:
        new_raw = (codecs.BOM_UTF8 if raw and raw.startswith(codecs.BOM_UTF8) else b"") + new_text.encode("utf-8")
    except UnicodeEncodeError:
        raise EditRefused([Problem(relative, 1, 1, "the text holds characters that are not valid Unicode")]) from None
    new_doc, _ = read_yaml(new_raw, relative, store.limits)
    if new_doc is None or new_doc.data != change.data:
        # Never expected (values are quoted wherever plain text would read otherwise): the safety net.
        why = "internal error: the edit would not read back as intended; nothing was written; please report it"
        raise EditRefused([Problem(relative, 1, 1, why)])
    step = moved(base_text, new_text, change.splices)
    if on_top_of is None:
        return Planned(relative, full, raw, new_raw, new_doc, [change], step, new_text)
    first = on_top_of.where

    def where(line: int, column: int) -> tuple[int, int] | None:
        middle = first(line, column)
        return step(*middle) if middle else None

    return Planned(relative, full, raw, new_raw, new_doc, on_top_of.changes + [change], where, new_text)


def _read_trusted(store: ContentStore, full: Path, relative: str, expected: Mapping[str, bytes] | None) -> bytes | None:
    """The file's bytes if an edit may be made on top of them; None if it does not exist yet."""

    def refuse(why: str) -> EditRefused:
        return EditRefused([Problem(relative, 1, 1, why)], f"{relative} cannot be edited")

    try:
        # An editor's save may pause between two writes with valid YAML on disk: trust only bytes
        # that have settled, never the first half of someone's save.
        wait_settled(full)
    except StillChanging:
        raise refuse("has kept changing for seconds (is something writing it continuously?); nothing was written") from None
    except OSError:
        pass  # said below, by the read
    try:
        raw: bytes | None = read_regular(full, real_root(store.root), store.limits.max_file_bytes)
    except FileNotFoundError:
        if full.is_symlink():
            raise refuse("is a link to a file that does not exist; nothing was written") from None
        raw = None
    except OutsideStore:
        raise refuse("is (or is inside) a link that leads out of the content folder; edits never follow it") from None
    except IsADirectoryError:
        raise refuse("is a folder, expected a YAML file; nothing was written") from None
    except NotAFile:
        raise refuse("is not a regular file (a pipe or device?); nothing was written") from None
    except TooLarge:
        raise refuse("is over the size limit; split it before editing it here") from None
    except Unstable:
        raise refuse("changed while it was read: a save is in progress; try again in a moment") from None
    except NotADirectoryError:
        raise refuse("a part of its path is a file, not a folder; nothing was written") from None
    except OSError as exc:
        raise refuse(f"cannot be read ({exc.strerror or exc})") from None
    # Said first: an emptied file is a save in progress, not a colleague's finished change.
    if raw is not None and not raw.strip():
        raise refuse(
            "is empty: is a save in progress? Nothing was written; wait for the save to finish "
            "(or restore the file), then try again"
        )
    base = digest(raw)
    # Only the file written matters: a colleague's save elsewhere is validated against, not clobbered.
    if expected is not None and expected.get(relative) != base:
        raise EditConflict(relative)
    if store.digest(relative) != base:
        # It changed since the store read it: with a form's view to defend (`expected`), that
        # view is out of date; otherwise the desk reads the settled file and plans again.
        raise EditConflict(relative) if expected is not None else StaleRead(relative)
    trouble = store.problems_of(relative)
    if raw is not None and not store.shows_as_read(relative):
        trouble = trouble or [Problem(relative, 1, 1, "has not been read yet; try again in a moment")]
        line = trouble[0].line
        raise EditRefused(trouble, f"{relative} does not read as the dashboard shows it (line {line}); fix it first, nothing was written")
    return raw


def check(store: ContentStore, plans: Sequence[Planned]) -> dict[str, ParsedFile]:
    """Refuse the edit if it adds a problem to the store; returns each new file's validated content.

    Problems already there, moved by the edit, do not count.
    """
    checked = {p.relative: store.validate(p.relative, p.new_doc, file_digest(p.new_raw), unwritten=True) for p in plans}
    where = {p.relative: p.where for p in plans}

    def key(problem: Problem, move: bool) -> tuple | None:
        position = where[problem.path](problem.line, problem.column) if move else (problem.line, problem.column)
        return position and (problem.path, *position, _essence(problem.message))

    before = store.problems
    known = {key(p, p.path in where) for p in before}
    fresh = [p for p in store.preview(checked) if key(p, False) not in known]
    for planned in plans:
        doc = planned.new_doc
        for change in planned.changes:
            for name in change.required:
                path = change.item + (name,)
                if not str(_get(doc.data, path) or "").strip():
                    fresh.append(Problem(planned.relative, *doc.position(path), _EMPTY.get(name, f"'{name}' must not be empty")))
    if fresh:
        raise EditRefused(sorted(set(fresh)))
    parsed = {}
    for relative, (content, problems) in checked.items():
        if content is None:  # never expected: its problems would have been fresh above
            raise EditRefused(problems)
        parsed[relative] = content
    return parsed


def write(store: ContentStore, plans: Sequence[Planned], parsed: Mapping[str, ParsedFile]) -> LoadResult:
    """Write every planned file, atomically, or none: a later failure puts the earlier ones back.

    The store then takes the written files as read, so they are never parsed again.
    """
    done: list[Planned] = []
    try:
        for planned in plans:
            base = planned.base
            if planned.raw is None:
                planned.full.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(planned.full, planned.new_raw, unchanged=partial(_holds, planned, base))
            done.append(planned)
    except FileChanged:
        _undo(done)
        raise EditConflict(planned.relative) from None
    except OSError as exc:
        _undo(done)
        why = f"could not be written ({exc.strerror or exc}); nothing was written"
        raise EditFailed([Problem(planned.relative, 1, 1, why)], f"{planned.relative} could not be written") from None
    return store.adopt({p.relative: (p.new_raw, parsed[p.relative], p.new_doc) for p in plans})


def _digest_now(planned: Planned) -> bytes | None:
    try:
        return digest(planned.full.read_bytes())
    except FileNotFoundError:
        return None
    except OSError:
        return b"unreadable"


def _holds(planned: Planned, expected: bytes | None) -> bool:
    """Whether the planned file still holds what we expect (its digest; None: no file)."""
    return _digest_now(planned) == expected


def _undo(done: list[Planned]) -> None:
    """Put back what this edit wrote, unless someone has changed it since."""
    for planned in reversed(done):
        mine = digest(planned.new_raw)
        try:
            if planned.raw is None:
                if _digest_now(planned) == mine:
                    planned.full.unlink()
            else:
                write_atomic(planned.full, planned.raw, unchanged=partial(_holds, planned, mine))
        except (OSError, FileChanged):
            pass  # the first failure is the one reported; this file then holds the edit's part


def _essence(message: str) -> str:
    """What a problem says, less what an edit elsewhere changes: the ids it suggests after
    '; ' (known: ..., did you mean ...) and the line numbers it cites."""
    return _NUMBER.sub("#", message.split("; ")[0])


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def update_mapping(src: FileText, where: tuple, current: dict, wanted: Mapping[str, Any], order: Sequence[str]) -> list[Splice]:
    """Splices that set only the keys of `wanted` whose value differs; "" or [] removes a key. Every
    other key, comment and line is left as written; a new key goes after the last kept key that
    comes before it in `order`. `current` (the file's data at `where`) is updated to match."""
    splices: list[Splice] = []
    added: Fields = []
    removed: set[str] = set()
    original = list(current)
    for key, value in wanted.items():
        empty = value is None or value == "" or value == []
        if key in current:
            if empty:
                splices.append(src.remove_key(where, key))
                removed.add(key)
                del current[key]
            elif read_back(current[key]) != read_back(value):
                splices.append(src.set_value(where, key, value))
                current[key] = read_back(value)
        elif not empty:
            added.append((key, value))
            current[key] = read_back(value)
    if added:
        kept = [k for k in original if k not in removed]
        rank = {k: i for i, k in enumerate(order)}
        by_anchor: dict[str, Fields] = {}
        for key, value in sorted(added, key=lambda kv: rank.get(kv[0], len(rank))):
            before = [k for k in kept if rank.get(k, len(rank)) < rank.get(key, len(rank))] or kept
            if not before:
                raise EditRefused([Problem("", 1, 1, "the item has no fields left to add to; edit the file by hand")])
            anchor = max(before, key=lambda k: src.doc.span[where + (k,)][1])
            by_anchor.setdefault(anchor, []).append((key, value))
        splices += [src.insert_keys(where, anchor, new) for anchor, new in by_anchor.items()]
    return splices
