"""What the journal keeps of the store: where a journal lives, the store's state as JSON, and that
state kept per content file so a record rewrites only the files that changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tui.core.disk.state_dirs import folder_key, state_base
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.model.snapshot import Origin, Snapshot

# --- where a journal lives, and the store's state as JSON -----------------------------



def default_journal_path(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    """One journal per content folder, in the user's state directory, named by its resolved path."""
    return state_base(state_dir) / "journals" / f"{folder_key(content_dir)}.json"


def state_of(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as JSON-safe data: every item, and the file each one came from."""
    state: dict[str, Any] = {
        kind: (item.model_dump(mode="json") if (item := getattr(snapshot, kind)) is not None else None)
        for kind in ("story", "status")
    }
    for kind in LIST_SECTIONS:
        state[kind] = [item.model_dump(mode="json") for item in getattr(snapshot, kind)]
    state["origins"] = [[kind, item_id, origin.path] for (kind, item_id), origin in snapshot.origins.items()]
    return state


def snapshot_of(state: dict[str, Any]) -> Snapshot:
    """The inverse of `state_of`; raises ValueError, TypeError or ValidationError on bad data."""
    # The kinds table knows each section's model only as a BaseModel: the checker cannot match them to Snapshot's fields.
    singles: dict[str, Any] = {k: (BY_SECTION[k].model.model_validate(state[k]) if state.get(k) is not None else None) for k in ("story", "status")}
    lists: dict[str, Any] = {k: tuple(BY_SECTION[k].model.model_validate(v) for v in state.get(k, ())) for k in LIST_SECTIONS}
    origins = {(str(kind), str(item_id)): Origin(str(path), 0) for kind, item_id, path in state.get("origins", ())}
    return Snapshot(**singles, **lists, origins=origins)


# --- the last recorded state, kept per content file ----------------------------------


def changed_paths(old: Snapshot, new: Snapshot) -> set[str]:
    """The files whose items differ between two snapshots, found by identity first.

    Items of a file a reload did not re-read are the very same objects (from the same file),
    so this costs a pointer comparison per item; an item that is a new object but equal
    counts as changed, which only means its file's state is written again (and found equal).
    """
    lineage = new.changes_from(old)
    if lineage is not None:
        return set(lineage.paths)  # made from `old` by a reload: the files it re-read

    def where(snapshot: Snapshot, kind: str, item_id: str) -> str:
        origin = snapshot.origins.get((kind, item_id))
        return origin.path if origin else ""

    paths: set[str] = set()
    for kind in ("story", "status"):
        a, b = getattr(old, kind), getattr(new, kind)
        if a is not b:
            if a is not None:
                paths.add(where(old, kind, kind))
            if b is not None:
                paths.add(where(new, kind, kind))
    for kind in LIST_SECTIONS:
        a_items, b_items = getattr(old, kind), getattr(new, kind)
        if a_items is b_items:
            continue
        a_by = getattr(old, BY_SECTION[kind].by_id)
        # The identities compared as sets, at C speed: only the new and the gone objects are looked at.
        a_kept, b_kept = set(map(id, a_items)), set(map(id, b_items))
        for item in [item for item in b_items if id(item) not in a_kept]:
            paths.add(where(new, kind, item.id))
            if item.id in a_by:
                paths.add(where(old, kind, item.id))
        paths.update(where(old, kind, item.id) for item in a_items if id(item) not in b_kept)
    return paths


def file_states(snapshot: Snapshot, paths: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """The state (as `state_of` writes it) of the items each file defines, for `paths` or every
    file, each file's items in the order they are written in it."""
    return dict(each_file_state(snapshot, paths))


def origins_in(snapshot: Snapshot, paths: set[str] | None) -> Iterable[tuple[tuple[str, str], Origin]]:
    """Where each item stands, for at least the items of `paths` (None: every item)."""
    lineage = snapshot.lineage
    if paths is not None and lineage is not None and lineage.child is not None and lineage.child() is snapshot and paths <= lineage.paths:
        # Made by a reload of these files: their items are the ones it put in, no pass over every origin.
        keys = [(kind, kind) for kind in ("story", "status")] + [(kind, item.id) for kind in LIST_SECTIONS for item in lineage.added[kind]]
        return [(key, origin) for key in keys if (origin := snapshot.origins.get(key)) is not None]
    return snapshot.origins.items()


def each_file_state(snapshot: Snapshot, paths: set[str] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """`file_states` one file at a time, in path order: only one file's items are made JSON at
    once, so recording a large store never holds it whole as JSON."""
    found: dict[str, list[tuple[int, str, Any]]] = {}
    for (kind, item_id), origin in origins_in(snapshot, paths):
        if paths is not None and origin.path not in paths:
            continue  # most items, on a record: nothing is made for them
        if kind in ("story", "status"):
            item = getattr(snapshot, kind)
        else:
            item = getattr(snapshot, BY_SECTION[kind].by_id).get(item_id)
        if item is not None:
            found.setdefault(origin.path, []).append((origin.line, kind, item))
    for path in sorted(found):
        state: dict[str, Any] = {}
        for _, kind, item in sorted(found.pop(path), key=lambda entry: entry[0]):
            dumped = item.model_dump(mode="json")
            if kind in ("story", "status"):
                state[kind] = dumped
            else:
                state.setdefault(kind, []).append(dumped)
        if state:
            yield path, state


def merged_state(states: Iterator[tuple[str, dict[str, Any]]] | list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The files' states as one `state_of` state, for `snapshot_of`."""
    merged: dict[str, Any] = {"story": None, "status": None, **{kind: [] for kind in LIST_SECTIONS}, "origins": []}
    for path, state in states:
        for kind in ("story", "status"):
            if state.get(kind) is not None:
                merged[kind] = state[kind]
                if path:
                    merged["origins"].append([kind, kind, path])
        for kind in LIST_SECTIONS:
            for item in state.get(kind, ()):
                merged[kind].append(item)
                if path and isinstance(item, dict) and "id" in item:
                    merged["origins"].append([kind, item["id"], path])
    return merged


def combined(current: Snapshot, paths: set[str], rest: Snapshot) -> Snapshot:
    """The items `current` has from `paths`, with every item of `rest` (from other files)."""
    def keep(kind: str, item_id: str) -> bool:
        origin = current.origins.get((kind, item_id))
        return origin is not None and origin.path in paths

    singles: dict[str, Any] = {k: getattr(current, k) if keep(k, k) else getattr(rest, k) for k in ("story", "status")}
    lists: dict[str, Any] = {
        k: tuple(item for item in getattr(current, k) if keep(k, item.id)) + getattr(rest, k) for k in LIST_SECTIONS
    }
    origins = {key: origin for key, origin in current.origins.items() if origin.path in paths} | dict(rest.origins)
    return Snapshot(**singles, **lists, origins=origins)


def in_display_order(snapshot: Snapshot) -> Snapshot:
    """The snapshot with its quotes and events in the order the loader gives them (files merged in path order)."""
    from tui.core.store.crossref import events_in_time_order, quotes_newest_first

    return dataclasses.replace(snapshot, quotes=tuple(quotes_newest_first(list(snapshot.quotes))),
                               events=tuple(events_in_time_order(list(snapshot.events))))
