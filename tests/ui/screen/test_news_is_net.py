"""What is new is the net change, and each reader's own: a flip and its revert is not news, and a
read-only reader's `m` leaves the editor's "new" alone."""

from __future__ import annotations

import os

from tests.helpers.pilot import screen_text, started, wait_until
from tests.helpers.textual_private import notifications

ISSUES = "issues.yaml"


def save(store, old: str, new: str) -> None:
    path = store / ISSUES
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    temp = path.with_name(".issues.tmp")
    temp.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temp, path)


def title(pilot) -> str:
    return screen_text(pilot).splitlines()[0]


async def test_a_stance_flipped_and_flipped_back_leaves_the_new_count_alone(store, tmp_path):
    async with started(store, (120, 40), live=True, journal=tmp_path / "journal.json") as pilot:
        app = pilot.app
        assert "new since" not in title(pilot)
        save(store, "stance: conditional", "stance: opposes")
        await wait_until(pilot, lambda: "1 new since" in title(pilot), what="the flip counted as new")
        save(store, "stance: opposes", "stance: conditional")
        await wait_until(pilot, lambda: [p.stance for p in app.state.snapshot.issue_by_id["territory"].positions if p.party == "russia"] == ["conditional"], what="the revert read")
        await wait_until(pilot, lambda: "new since" not in title(pilot), what="the net change: nothing new")
        assert app.state.unseen == frozenset()


async def test_a_read_only_readers_m_leaves_the_editors_new_alone(store, tmp_path):
    journal = tmp_path / "journal.json"
    async with started(store, (120, 40), live=True, journal=journal) as pilot:
        save(store, "stance: conditional", "stance: opposes")
        await wait_until(pilot, lambda: "1 new since" in title(pilot), what="the change counted as new")
    async with started(store, (120, 40), journal=journal, read_only=True) as pilot:
        await wait_until(pilot, lambda: "1 new since" in title(pilot), what="the wall screen's news")
        await pilot.press("m")
        await wait_until(pilot, lambda: "new since" not in title(pilot), what="the wall's reader marking all seen")
    async with started(store, (120, 40), journal=journal) as pilot:
        await wait_until(pilot, lambda: "1 new since" in title(pilot), what="the editor's news, still new")


async def test_a_change_undone_within_a_burst_leaves_no_notification(store, tmp_path):
    async with started(store, (120, 40), live=True, journal=tmp_path / "journal.json", notifications=True) as pilot:
        app = pilot.app

        def said() -> str:
            return " ".join(note.message for note in notifications(app))

        save(store, "stance: conditional", "stance: opposes")
        await wait_until(pilot, lambda: "stance conditional → opposes" in said(), what="the flip announced")
        await wait_until(pilot, lambda: "stance conditional → opposes" in " ".join(screen_text(pilot).split()), what="the flip on screen")
        save(store, "stance: opposes", "stance: conditional")
        # A recorded state that shows the revert comes only after its changes were announced (or not): a positive signal.
        await wait_until(pilot, lambda: app.state.recorded and [p.stance for p in app.state.snapshot.issue_by_id["territory"].positions
                                                               if p.party == "russia"] == ["conditional"], what="the revert recorded")
        # Within the burst the net change is nothing: the flip's notification is taken down, and none replaces it.
        assert "stance" not in said()
