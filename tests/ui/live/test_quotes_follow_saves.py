"""On a large store the quotes pane follows a save by the quotes that changed: its rows stay exactly the snapshot's.

The pane carries its rows from one snapshot to the next by the run of quotes that differ
(so a save costs the saved file, not the store): these saves add, edit and remove quotes
at the top, in the middle and at the end of the order, unfiltered, filtered by party and
searched, and the rows must be what a plain pass over the new snapshot gives.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers.bench import bench_store
from tests.helpers.pilot import screen_text, started, wait_until
from tui.core.views.search import matches
from tui.ui.quote_filter import searched_text
from tui.ui.widgets.row_list import RowList

SEPARATOR = "\n  - id: "
"""What starts each quote of a generated day file after the first line of `quotes:`."""


def read_day(path: Path) -> tuple[str, list[str]]:
    """A day file as its head and its entries (each starting with the quote's id)."""
    head, *entries = path.read_text(encoding="utf-8").split(SEPARATOR)
    return head, entries


def write_day(path: Path, head: str, entries: list[str]) -> None:
    """Saved as editors save: a temp file renamed over the old one."""
    temp = path.with_name(path.name + ".tmp~")
    temp.write_text(SEPARATOR.join([head, *entries]), encoding="utf-8")
    os.replace(temp, path)


def entry_id(entry: str) -> str:
    return entry.split("\n", 1)[0].strip()


def with_text(entry: str, words: str) -> str:
    """The entry with `words` put before its text."""
    assert "    text: >-\n      " in entry
    return entry.replace("    text: >-\n      ", f"    text: >-\n      {words} ", 1)


def copied(entry: str, new_id: str) -> str:
    return entry.replace(entry_id(entry), new_id, 1)


async def searches_done(pilot) -> None:
    """Wait for the pane's search workers to end, done or cancelled by a newer one (not for
    following the folder, which never ends)."""
    workers = pilot.app.workers
    await wait_until(
        pilot, lambda: all(w.is_finished for w in workers if w.group in ("quote-search", "search-index")), timeout=10, what="the search",
    )


async def test_rows_stay_the_snapshots_through_saves_anywhere_in_a_large_store(tmp_path):
    root = bench_store().write_store(tmp_path / "store", 1500, seed=3)
    days = sorted((root / "quotes").glob("*.yaml"))
    newest, middle, oldest = days[-1], days[len(days) // 2], days[0]
    async with started(root, live=True) as pilot:
        rows = pilot.app.query_one("#quotes-list", RowList)

        async def saved(has: str) -> None:
            """Wait until a quote holding `has` is in the state, its search (if any) done, its frame drawn."""
            await wait_until(pilot, lambda: any(has in q.text for q in pilot.app.state.snapshot.quotes), timeout=10, what=has)
            await searches_done(pilot)
            await pilot.pause()

        # At the top of the order (the newest file's last quote), in the middle (a removal
        # and an addition in one save) and at the end (the oldest file's first quote).
        head, entries = read_day(newest)
        entries[-1] = with_text(entries[-1], "Topmost edit")
        write_day(newest, head, entries)
        await saved("Topmost edit")
        assert list(rows.keys) == [q.id for q in pilot.app.state.snapshot.quotes]
        assert "Topmost edit" in screen_text(pilot)

        head, entries = read_day(middle)
        removed = entry_id(entries[1])
        entries[1] = copied(with_text(entries[1], "Middle addition"), "middle-addition")
        write_day(middle, head, entries)
        await saved("Middle addition")
        keys = list(rows.keys)
        assert keys == [q.id for q in pilot.app.state.snapshot.quotes]
        assert "middle-addition" in keys and removed not in keys

        head, entries = read_day(oldest)
        entries[0] = with_text(entries[0], "Oldest edit")
        write_day(oldest, head, entries)
        await saved("Oldest edit")
        assert list(rows.keys) == [q.id for q in pilot.app.state.snapshot.quotes]

        # A save that only takes a quote away.
        head, entries = read_day(middle)
        removed = entry_id(entries.pop(0))
        write_day(middle, head, entries)
        await wait_until(pilot, lambda: ("quotes", removed) not in pilot.app.state.snapshot.origins, timeout=10, what="the removal")
        await pilot.pause()
        assert removed not in rows.keys
        assert list(rows.keys) == [q.id for q in pilot.app.state.snapshot.quotes]

        # The cursor stays on its quote when one is added above it.
        await pilot.press("4", "j", "j", "j")
        before, at = rows.current, rows.cursor
        head, entries = read_day(newest)
        write_day(newest, head, [*entries, copied(with_text(entries[0], "Newest addition"), "newest-addition")])
        await saved("Newest addition")
        assert rows.current == before and rows.cursor == at + 1
        assert list(rows.keys) == [q.id for q in pilot.app.state.snapshot.quotes]

        # Filtered by a party: a quote of that party added in the middle, another removed.
        await pilot.press("2", "j")
        party = pilot.app.screen.quote_filter.party
        assert party is not None
        head, entries = read_day(middle)
        ours = [e for e in entries if f"\n    party: {party}\n" in e]
        assert ours, "the middle day has no quote of the second party; pick another seed"
        entries.remove(ours[0])
        entries.append(copied(with_text(ours[0], "Party addition"), "party-addition"))
        write_day(middle, head, entries)
        await saved("Party addition")
        snapshot = pilot.app.state.snapshot
        assert list(rows.keys) == [q.id for q in snapshot.quotes if q.party == party]
        assert "party-addition" in rows.keys and entry_id(ours[0]) not in rows.keys

        # Searched (in a worker: more than a thousand quotes): a save brings a new match.
        await pilot.press("escape", "4", "slash", *"zebra", "enter")
        await searches_done(pilot)
        await pilot.pause()
        assert list(rows.keys) == []
        head, entries = read_day(oldest)
        entries[-1] = with_text(entries[-1], "A zebra crossing")
        write_day(oldest, head, entries)
        await saved("A zebra crossing")
        snapshot = pilot.app.state.snapshot
        assert list(rows.keys) == [q.id for q in snapshot.quotes if matches(searched_text(q, snapshot), "zebra")]
        assert len(rows.keys) == 1
        assert "zebra" in screen_text(pilot)


async def test_a_renamed_party_is_found_by_its_new_name_in_a_large_store(tmp_path):
    root = bench_store().write_store(tmp_path / "store", 1500, seed=4)
    async with started(root, live=True) as pilot:
        rows = pilot.app.query_one("#quotes-list", RowList)
        party = pilot.app.state.snapshot.quotes[0].party
        name = pilot.app.state.snapshot.party_name(party)
        # The index is built for the first search, then carried to the next snapshot.
        await pilot.press("slash", *"quokka", "enter")
        await searches_done(pilot)
        parties = root / "parties.yaml"
        text = parties.read_text(encoding="utf-8")
        assert text.count(f"name: {name}\n") == 1
        temp = parties.with_name("parties.yaml.tmp~")
        temp.write_text(text.replace(f"name: {name}\n", "name: Quokka Republic\n"), encoding="utf-8")
        os.replace(temp, parties)
        await wait_until(pilot, lambda: pilot.app.state.snapshot.party_name(party) == "Quokka Republic", timeout=10, what="the rename")
        await searches_done(pilot)
        await pilot.pause()
        snapshot = pilot.app.state.snapshot
        assert list(rows.keys) == [q.id for q in snapshot.quotes if q.party == party]
        assert "Quokka Republic" in screen_text(pilot)
