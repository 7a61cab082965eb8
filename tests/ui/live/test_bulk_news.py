"""A bulk change (a git checkout, a sync) is one notification, not a stack of them."""

from __future__ import annotations

import os
import re

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


async def test_many_files_changing_at_once_make_one_summary(store, tmp_path):
    async with started(store, live=True, journal=tmp_path / "journal.json", notifications=True) as pilot:
        await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
        for name, old, new in EDITS:
            _rewrite(store / name, old, new)
            await pilot.pause(0.12)  # batches, as a checkout reaches the watcher
        await wait_until(pilot, lambda: "in 5 files — c to see them" in screen_text(pilot), timeout=8, what="one summary")
        await pilot.pause(0.3)
        text = screen_text(pilot)
        assert text.count("Bulk change") == 1
        # No toast of its own for any batch: a toast's title line is "▌ N change(s)".
        assert not re.search(r"▌ \d+ changes?\s*(│|$)", text, re.MULTILINE), text
