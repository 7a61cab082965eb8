"""A reload's snapshot made from the one before: its quotes spliced in, not sorted again, and what
changed known by file, exactly as a whole load and the comparison of every item would find it
(and the journal's state of the files re-read, as a pass over every item makes it)."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from tui.core.journal.state import changed_paths, file_states
from tui.core.model.diff import diff_snapshots
from tui.core.store.loader import MISSING_GRACE, ContentStore

LAVROV = "meduza-2025-11-25-lavrov"


def quote(item_id: str, date: str | None, text: str = "Words.") -> str:
    dated = f"    date: {date}\n" if date else ""
    return f"  - id: {item_id}\n    text: {text}\n    speaker: Sergey Lavrov\n    party: russia\n{dated}    medium: statement\n    source: {LAVROV}\n"


def day_file(path: Path, *quotes: str) -> None:
    path.write_text("quotes:\n" + "".join(quotes) if quotes else "quotes: []\n", encoding="utf-8")


def test_each_reload_gives_what_a_whole_load_and_a_whole_comparison_give(store: Path) -> None:
    live = ContentStore(store)
    live.load()
    steps = [
        ("quotes/2025-11-20.yaml", [quote("a-early", "2025-11-20"), quote("b-early", "2025-11-20")]),  # a new file
        ("quotes/2025-11-20.yaml", [quote("b-early", "2025-11-20"), quote("a-early", "2025-11-20", "Other words.")]),  # reordered, edited
        ("quotes/2025-11-21.yaml", [quote("c-later", "2025-11-26"), quote("d-none", None), quote("e-old", "2025-11-01")]),
        ("quotes/2025-11-25.yaml", None),  # the shipped day's file deleted
        ("quotes/undated.yaml", [quote("f-undated", None)]),
        ("quotes/2025-11-20.yaml", []),  # emptied
        ("quotes/2025-11-21.yaml", [quote("c-later", "2025-11-25")]),  # its date moved
    ]
    for relative, quotes in steps:
        path = store / relative
        if quotes is None:
            path.unlink()
        else:
            day_file(path, *quotes)
        before = live.snapshot
        after = live.reload([relative]).snapshot
        if quotes is None:  # gone only once it has stayed gone (an editor deletes, then writes)
            time.sleep(MISSING_GRACE)
            after = live.reload([relative]).snapshot
        assert after.changes_from(before) is not None  # made from it, so the splice and the lineage were used
        whole = ContentStore(store)
        whole.load()
        assert [q.id for q in after.quotes] == [q.id for q in whole.snapshot.quotes], relative
        # The diff and the journal's files from the lineage, against a copy without it (every item compared).
        compared = dataclasses.replace(after)
        assert compared.changes_from(before) is None
        assert diff_snapshots(before, after) == diff_snapshots(before, compared), relative
        assert changed_paths(before, after) >= changed_paths(before, compared) and relative in changed_paths(before, after)
        # The journal's state of the files re-read, from the items the reload put in.
        assert file_states(after, changed_paths(before, after)) == file_states(compared, changed_paths(before, after)), relative
