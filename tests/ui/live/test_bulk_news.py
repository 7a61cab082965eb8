"""A bulk change (a git checkout, a sync) is one notification, not a stack of them."""

from __future__ import annotations

import json
import os
import re

from tests.helpers.journal import stored
from tests.helpers.pilot import screen_text, started, wait_until

EDITS = [
    ("status.yaml", "Ukraine agrees", "Ukraine accepts"),
    ("parties.yaml", "Sergey Lavrov", "Sergei Lavrov"),
    ("events.yaml", "Abu Dhabi", "Abu-Dhabi"),
    ("sources.yaml", "Meduza", "Meduza (English)"),
    ("issues.yaml", "Security guarantees", "Security guarantees for Ukraine"),
]


def _rewrite(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temp, path)


def _journal_holds(journal, texts) -> bool:
    """Whether the journal has recorded every one of `texts` as a new value."""
    if not journal.is_file():
        return False
    recorded = json.dumps(stored(journal), ensure_ascii=False)
    return all(text in recorded for text in texts)


async def test_many_files_changing_at_once_make_one_summary(store, tmp_path):
    journal = tmp_path / "journal.json"
    async with started(store, live=True, journal=journal, notifications=True) as pilot:
        await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
        for name, old, new in EDITS:
            _rewrite(store / name, old, new)
            await pilot.pause(0.12)  # batches, as a checkout reaches the watcher
        await wait_until(pilot, lambda: "in 5 files — c to see them" in screen_text(pilot), timeout=8, what="one summary")
        # The app records a reload in the journal after announcing it: once the journal holds the
        # last of the edits, every batch has been read and announced, and a toast of its own would be up.
        await wait_until(pilot, lambda: _journal_holds(journal, [new for _, _, new in EDITS]), what="every edit in the journal")
        await pilot.pause()
        text = screen_text(pilot)
        assert "in 5 files — c to see them" in text
        assert text.count("Bulk change") == 1
        # No toast of its own for any batch: a toast's title line is "▌ N change(s)".
        assert not re.search(r"▌ \d+ changes?\s*(│|$)", text, re.MULTILINE), text
