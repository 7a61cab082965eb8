"""The journal's "files" table: one document per content file, naming the state of its items
as last recorded, kept apart by its digest (see `kept`), or inline where it cannot be."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Mapping
from typing import Any

from tinydb.table import Document, Table

from tui import __version__
from tui.core.journal.kept import KeptStates, state_digest
from tui.core.journal.lines import encode
from tui.core.journal.state import combined, each_file_state, in_display_order, merged_state, origins_in, snapshot_of
from tui.core.model.snapshot import Snapshot


def file_tokens(snapshot: Snapshot, sources: Mapping[str, bytes], only: Collection[str] | None = None) -> dict[str, str]:
    """For each file of `sources` (its path: the digest of the bytes its items were read from; of
    those in `only`, if given: a save's record pays for the files it writes), a
    token that is the same whenever its items in `snapshot` are: those bytes, the ids the file owns
    in the store (of an id defined twice, the first definition's file owns it) and the version of
    the code that reads them. A file whose recorded token is its token now is recorded as it is,
    so a start need not make every file's items JSON again to learn that they did not change."""
    if only is not None:
        sources = {path: digest for path, digest in sources.items() if path in only}
    owned: dict[str, list[str]] = {path: [] for path in sources}
    for (kind, item_id), origin in origins_in(snapshot, set(sources)):
        ids = owned.get(origin.path)
        if ids is not None:
            ids.append(f"{kind}\0{item_id}")
    tokens = {}
    for path, digest in sources.items():
        token = hashlib.blake2b(digest, digest_size=16)
        token.update(__version__.encode())
        token.update("\n".join(sorted(owned[path])).encode())
        tokens[path] = token.hexdigest()
    return tokens


def _document(path: str, state: dict[str, Any], at: str, kept: KeptStates | None, token: str | None) -> dict[str, Any]:
    source = {"source": token} if token is not None else {}
    if kept is not None:
        try:
            return {"path": path, "digest": kept.put(state), "at": at, **source}
        except OSError:
            pass  # the state folder cannot be written: kept inline, as a journal without one does
    return {"path": path, "state": state, "at": at, **source}


def _same(was: Mapping[str, Any] | None, now: Mapping[str, Any]) -> bool:
    if was is None:
        return False
    if "digest" in now:
        return bool(was.get("digest") == now["digest"])
    return "digest" not in was and bool(was.get("state") == now["state"])


def _confirmed(docs: list[Document], confirmed: Mapping[str, str]) -> dict[int, dict[str, Any]]:
    """The documents of the files found recorded as they are whose token is not yet the one now."""
    return {doc.doc_id: {**doc, "source": token} for doc in docs
            if (token := confirmed.get(str(doc.get("path")))) is not None and doc.get("source") != token}


def confirm_sources(table: Table, confirmed: Mapping[str, str]) -> None:
    """Give the files found recorded as they are (other bytes, the same items: a comment, say) the
    token of their bytes now, so the next start knows them by it; writes nothing if none is new."""
    if updated := _confirmed(table.all(), confirmed):
        table.remove(doc_ids=list(updated))
        table.insert_multiple([Document(document, doc_id) for doc_id, document in sorted(updated.items())])


def save_files(
    table: Table, snapshot: Snapshot, paths: set[str] | None, at: dt.datetime, kept: KeptStates | None,
    tokens: Mapping[str, str] | None = None, confirmed: Mapping[str, str] | None = None,
) -> bool:
    """Write the state of the items of `paths` (None: of every file), one document a file, one
    file's state made at a time, each with its `tokens` entry (see `file_tokens`), if any.
    `confirmed` names files found recorded as they are (not in `paths`) with their token now, which
    their documents take. Documents that still hold their state inline are moved apart.
    Returns whether the table changed so much that the journal's file is best rewritten."""
    tokens = tokens or {}
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
        document = _document(path, state, when, kept, tokens.get(path))
        if doc_id is None:
            doc_id, next_id = next_id, next_id + 1
        elif _same(by_id[doc_id], document):
            if by_id[doc_id].get("source") == document.get("source"):
                continue  # the same items (new objects of an equal file): its document, and when it changed, stand
            document["at"] = str(by_id[doc_id].get("at", when))  # the same items from other bytes (a comment): they did not change
        written[doc_id] = document
    for doc_id, document in _confirmed(docs, confirmed or {}).items():
        written.setdefault(doc_id, document)
    gone = [doc_id for path, doc_id in ids.items() if (paths is None or path in paths) and path not in recorded]
    if paths is None:
        gone += [doc_id for path, doc_id in ids.items() if not isinstance(path, str)]
    moved = 0
    if kept is not None:
        for doc in docs:
            if doc.doc_id not in written and doc.doc_id not in gone and isinstance(doc.get("state"), dict):
                document = _document(str(doc.get("path")), doc["state"], str(doc.get("at", when)), kept, doc.get("source"))
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


def files_baseline(
    docs: list[Document], current: Snapshot | None, kept: KeptStates | None, tokens: Mapping[str, str] | None = None,
) -> tuple[Snapshot, set[str]]:
    """The recorded state from its per-file documents, and the files found recorded as they are.

    With the store's `current` state, a file whose items are recorded exactly as they are now is
    taken from `current` (the same objects, which the diff then skips); only the other files'
    states are read and rebuilt as models. A file is known to be recorded as it is by its token
    (`tokens`, see `file_tokens`), else by making its items JSON and comparing."""
    # In path order, as the loader merges files, so the state reads in the store's own order.
    docs = sorted(docs, key=lambda doc: str(doc["path"]))
    if current is None:
        return in_display_order(snapshot_of(merged_state([(doc["path"], state_of_document(doc, kept)) for doc in docs]))), set()
    recorded = {doc["path"]: doc for doc in docs}
    tokens = tokens or {}
    same = {path for path, doc in recorded.items() if "source" in doc and doc["source"] == tokens.get(path)}
    for path, state in each_file_state(current, set(recorded) - same):
        doc = recorded[path]
        if ("digest" in doc and doc["digest"] == state_digest(encode(state))) or doc.get("state") == state:
            same.add(path)
    rest = [(doc["path"], state_of_document(doc, kept)) for doc in docs if doc["path"] not in same]
    return in_display_order(combined(current, same, snapshot_of(merged_state(rest)))), same
