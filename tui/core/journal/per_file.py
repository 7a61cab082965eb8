"""The journal's "files" table: one document per content file, naming the state of its items
as last recorded, kept apart by its digest (see `kept`), or inline where it cannot be."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tinydb.table import Document, Table

from tui.core.journal.kept import KeptStates, state_digest
from tui.core.journal.lines import encode
from tui.core.journal.state import combined, each_file_state, in_display_order, merged_state, snapshot_of
from tui.core.model.snapshot import Snapshot


def _document(path: str, state: dict[str, Any], at: str, kept: KeptStates | None) -> dict[str, Any]:
    if kept is not None:
        try:
            return {"path": path, "digest": kept.put(state), "at": at}
        except OSError:
            pass  # the state folder cannot be written: kept inline, as a journal without one does
    return {"path": path, "state": state, "at": at}


def _same(was: Mapping[str, Any] | None, now: Mapping[str, Any]) -> bool:
    if was is None:
        return False
    if "digest" in now:
        return bool(was.get("digest") == now["digest"])
    return "digest" not in was and bool(was.get("state") == now["state"])


def save_files(table: Table, snapshot: Snapshot, paths: set[str] | None, at: dt.datetime, kept: KeptStates | None) -> bool:
    """Write the state of the items of `paths` (None: of every file), one document a file, one
    file's state made at a time. Documents that still hold their state inline are moved apart.
    Returns whether the table changed so much that the journal's file is best rewritten."""
    docs = table.all()
    ids = {doc.get("path"): doc.doc_id for doc in docs}
    by_id = {doc.doc_id: doc for doc in docs}
    when = at.isoformat()
    written: dict[int, dict[str, Any]] = {}
    recorded: set[str] = set()
    next_id = max(ids.values(), default=0) + 1
    for path, state in each_file_state(snapshot, paths):
        recorded.add(path)
        doc_id = ids.get(path)
        document = _document(path, state, when, kept)
        if doc_id is None:
            doc_id, next_id = next_id, next_id + 1
        elif _same(by_id[doc_id], document):
            continue  # the same items (new objects of an equal file): its document, and when it changed, stand
        written[doc_id] = document
    gone = [doc_id for path, doc_id in ids.items() if (paths is None or path in paths) and path not in recorded]
    if paths is None:
        gone += [doc_id for path, doc_id in ids.items() if not isinstance(path, str)]
    moved = 0
    if kept is not None:
        for doc in docs:
            if doc.doc_id not in written and doc.doc_id not in gone and isinstance(doc.get("state"), dict):
                document = _document(str(doc.get("path")), doc["state"], str(doc.get("at", when)), kept)
                if "digest" in document:
                    written[doc.doc_id], moved = document, moved + 1
    if kept is not None:
        kept.flush()
    table.remove(doc_ids=[*gone, *(doc_id for doc_id in written if doc_id in by_id)])
    table.insert_multiple([Document(document, doc_id) for doc_id, document in sorted(written.items())])
    if kept is not None:
        # What the file holds now and what is being written: either may be what is read next.
        kept.keep_only({d for doc in [*docs, *written.values()] if isinstance(d := doc.get("digest"), str)})
    return moved > 0


def state_of_document(doc: Mapping[str, Any], kept: KeptStates | None) -> dict[str, Any]:
    """A document's state; raises KeyError, OSError or ValueError when it cannot be had."""
    if "digest" in doc:
        if kept is None:
            raise KeyError("digest")
        return kept.get(str(doc["digest"]))
    state = doc["state"]
    if not isinstance(state, dict):
        raise TypeError("a file's state is not an object")
    return state


def files_baseline(docs: list[Document], current: Snapshot | None, kept: KeptStates | None) -> Snapshot:
    """The recorded state from its per-file documents. With the store's `current` state, a file
    whose items are recorded exactly as they are now is taken from `current` (the same objects,
    which the diff then skips); only the other files' states are read and rebuilt as models."""
    # In path order, as the loader merges files, so the state reads in the store's own order.
    docs = sorted(docs, key=lambda doc: str(doc["path"]))
    if current is None:
        return in_display_order(snapshot_of(merged_state([(doc["path"], state_of_document(doc, kept)) for doc in docs])))
    recorded = {doc["path"]: doc for doc in docs}
    same: set[str] = set()
    for path, state in each_file_state(current, set(recorded)):
        doc = recorded[path]
        if ("digest" in doc and doc["digest"] == state_digest(encode(state))) or doc.get("state") == state:
            same.add(path)
    rest = [(doc["path"], state_of_document(doc, kept)) for doc in docs if doc["path"] not in same]
    return in_display_order(combined(current, same, snapshot_of(merged_state(rest))))
