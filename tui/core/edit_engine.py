"""How every edit is made: find the file, change only the text that must change, check, write."""

from __future__ import annotations

import codecs
import copy
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.atomic_write import FileChanged, folder_lock, write_atomic
from tui.core.loader import ContentStore, file_digest
from tui.core.new_items import header, modeline_for
from tui.core.problems import Problem
from tui.core.snapshot import Snapshot
from tui.core.yaml_emit import Fields, Plain
from tui.core.yaml_reader import YamlDocument, read_yaml
from tui.core.yaml_splice import Source, Splice, apply, moved

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"\d+")
_ADDS_PROBLEMS = "the edit would add these problems to the store"


class EditRefused(Exception):
    """The edit was not made; `problems` says why, each at FILE:LINE:COL of the text it would have written."""

    def __init__(self, problems: Sequence[Problem], summary: str = _ADDS_PROBLEMS) -> None:
        self.problems = list(problems)
        self.summary = summary
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n  ".join([f"{self.summary}:"] + [str(p) for p in self.problems])


class EditConflict(EditRefused):
    """The file changed on disk (a colleague, a git pull, another window); nothing was written."""

    def __init__(self, path: str) -> None:
        self.path = path
        message = "changed on disk since it was read; nothing was written: look at it again, then retry"
        super().__init__([Problem(path, 1, 1, message)], summary=f"conflict: {path} changed on disk")


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
class Change:
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
    source: Source
    snapshot: Snapshot
    data: Any = field(init=False)

    def __post_init__(self) -> None:
        self.data = copy.deepcopy(self.source.data)

    def taken(self, section: str) -> set[str]:
        """Ids of `section` in the store and in this file (even if it does not validate)."""
        here = self.source.data.get(section) if isinstance(self.source.data, dict) else None
        local = {i.get("id") for i in here if isinstance(i, dict)} if isinstance(here, list) else set()
        return {item.id for item in getattr(self.snapshot, section)} | {i for i in local if isinstance(i, str)}

    def refuse(self, message: str) -> EditRefused:
        return EditRefused([Problem(self.relative, 1, 1, message)])

    def append(self, section: str, fields: Fields, item_id: str, required: tuple[str, ...]) -> Change:
        items = self.data.get(section)
        if items is not None and not isinstance(items, list):
            raise self.refuse(f"'{section}' is not a list; fix the file first")
        splice = self.source.append_item((section,), fields, top_level=True)
        self.data[section] = (items or []) + [as_data(fields)]
        return Change([splice], self.data, (section, len(self.data[section]) - 1), item_id, required)


def as_data(fields: Fields) -> dict:
    """The fields as the reader reads them back: text, lists of text, lists of mappings."""
    def value(v: Any) -> Any:
        if isinstance(v, list):
            return [as_data(x) if isinstance(x, list) else str(x) for x in v]
        return str(v)
    return {key: value(v) for key, v in fields}


def fields(*pairs: tuple[str, Any], required: tuple[str, ...] = ()) -> Fields:
    """Fields in order, leaving out the empty ones unless they are required (then written empty)."""
    out: Fields = []
    for key, value in pairs:
        if isinstance(value, (list, tuple)):
            value = [str(v) for v in value]
        elif value is not None and not isinstance(value, Plain):
            value = str(value)
        if value or key in required:
            out.append((key, value if value is not None else ""))
    return out


def date_text(value: dt.date | str | None) -> str:
    """A date as the file writes it; text is kept as given, so that a bad one is reported, not guessed at."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return (value or "").strip()


def date_value(text: str) -> str | None:
    """Written plain if it looks like a date (the model says if it is a real one), else as text."""
    return (Plain(text) if _ISO.match(text) else text) if text else None


def real_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat() if _ISO.match(text) else None
    except ValueError:
        return None


def edit(
    root: Path | str,
    expected: Mapping[str, bytes] | None,
    locate: Callable[[Snapshot], str],
    make: Callable[[Context], Change],
    kind: str = "",
    day: str = "",
) -> Written:
    """Load the store, find the file (`locate`), compute the change (`make`), check it, write it.

    The text changes only at the places the parse recorded; the new text is checked with the
    rest of the store, in memory, and refused if it adds a problem; the write is atomic and
    refused if the file changed since it was read (or since the caller's `expected` digest).
    """
    root = Path(root)
    if not root.is_dir():
        raise EditRefused([Problem(root.name or str(root), 1, 1, "the content folder is missing or not a folder")])
    # One peacewatch edit at a time per folder (dashboards, the command line): each then reads
    # what the one before it wrote, and two edits to one file never race to the rename.
    with folder_lock(root):
        return _edit(root, expected, locate, make, kind, day)


def _edit(
    root: Path,
    expected: Mapping[str, bytes] | None,
    locate: Callable[[Snapshot], str],
    make: Callable[[Context], Change],
    kind: str,
    day: str,
) -> Written:
    store = ContentStore(root)
    before = store.load()
    relative = locate(before.snapshot)
    full = root / relative
    raw = _read(full, relative)
    base = digest(raw)
    # Only the file written matters: a colleague's save elsewhere is validated against, not clobbered.
    if expected is not None and expected.get(relative) != base:
        raise EditConflict(relative)
    if store.digest(relative) is not None and store.digest(relative) != base:
        raise EditConflict(relative)  # it changed between the load and our read
    if raw is None:
        neighbours = sorted({origin.path for origin in before.snapshot.origins.values()})
        text = header(kind, modeline_for(root, relative, neighbours), day=day)
        doc, problems = read_yaml(text.encode("utf-8"), relative, spans=True)
    else:
        doc, problems = read_yaml(raw, relative, spans=True)
        text = raw.decode("utf-8-sig") if doc is not None else ""
    if doc is None:
        raise EditRefused(problems, f"{relative} cannot be read as YAML; fix it first")
    if doc.data is not None and not isinstance(doc.data, dict):
        raise EditRefused([Problem(relative, 1, 1, "expected sections such as 'quotes:' at the top of the file")])
    change = make(Context(relative, Source(text, doc), before.snapshot))
    new_text = apply(text, change.splices)
    try:
        new_raw = (codecs.BOM_UTF8 if raw and raw.startswith(codecs.BOM_UTF8) else b"") + new_text.encode("utf-8")
    except UnicodeEncodeError:
        raise EditRefused([Problem(relative, 1, 1, "the text holds characters that are not valid Unicode")]) from None
    new_doc, _ = read_yaml(new_raw, relative)
    if new_doc is None or new_doc.data != change.data:
        # Never expected (values are quoted wherever plain text would read otherwise): the safety net.
        why = "internal error: the edit would not read back as intended; nothing was written; please report it"
        raise EditRefused([Problem(relative, 1, 1, why)])
    _refuse_new_problems(store, before.problems, relative, text, new_text, new_raw, change, new_doc)
    if raw is None:
        full.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(full, new_raw, unchanged=lambda: digest(_read(full, relative)) == base)
    except FileChanged:
        raise EditConflict(relative) from None
    return Written(relative, change.item_id, new_doc.position(change.item)[0])


def _read(full: Path, relative: str) -> bytes | None:
    try:
        return full.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EditRefused([Problem(relative, 1, 1, f"cannot be read ({exc.strerror or exc})")]) from None


def _refuse_new_problems(
    store: ContentStore, before: Sequence[Problem], relative: str, text: str, new_text: str,
    new_raw: bytes, change: Change, new_doc: YamlDocument,
) -> None:
    """Refuse the edit if it adds a problem; those already there, moved by the edit, do not count."""
    where = moved(text, new_text, change.splices)

    def key(problem: Problem, move: bool) -> tuple | None:
        position = where(problem.line, problem.column) if move else (problem.line, problem.column)
        return position and (problem.path, *position, _essence(problem.message))

    known = {key(p, p.path == relative) for p in before}
    fresh = [p for p in store.preview(relative, new_raw) if key(p, False) not in known]
    for name in change.required:
        path = change.item + (name,)
        if not str(_get(new_doc.data, path) or "").strip():
            fresh.append(Problem(relative, *new_doc.position(path), f"'{name}' must not be empty"))
    if fresh:
        raise EditRefused(sorted(set(fresh)))


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
