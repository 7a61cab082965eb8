"""A list left open on a monitor: at the top it stays at the top as news arrives; scrolled down,
it keeps the rows being read and says what arrived above; never half a row at the top."""

from __future__ import annotations

import os

from tests.helpers.pilot import region_text, started, wait_until

NEW = ("\n  - id: new-{n}\n    text: News number {n}\n    speaker: Sergey Lavrov\n    party: russia\n"
       "    date: 2025-11-25\n    medium: other\n    source: meduza-thanksgiving-deadline\n")  # a source with no archived copy


def arrive(store, n: int) -> None:
    day = store / "quotes" / "2025-11-25.yaml"
    temp = day.with_name(".day.tmp")
    temp.write_text(day.read_text(encoding="utf-8") + NEW.format(n=n), encoding="utf-8")
    os.replace(temp, day)


def rows(pilot) -> list[str]:
    """The quotes pane's lines inside its border."""
    return [line.strip("│ ▂▃▄▅▆▇█") for line in region_text(pilot, "#quotes").splitlines()[1:-1]]


def whole_top(pilot) -> bool:
    """The first line on screen is a row's first line (its mark against the archived source, its
    date and speaker), not the words of one cut in half."""
    first = rows(pilot)[0].strip()
    return first[2:].startswith(("25 Nov 2025", "undated")) and first[0] in "✓≈≠✗?·"


async def test_at_the_top_news_arrives_in_view(store):
    async with started(store, live=True) as pilot:
        arrive(store, 1)
        await wait_until(pilot, lambda: "News number 1" in rows(pilot)[1], what="the news at the top")
        assert whole_top(pilot)


async def test_scrolled_down_the_rows_stay_and_the_news_above_is_said(store):
    async with started(store, live=True) as pilot:
        await pilot.press("4", "G")
        await wait_until(pilot, lambda: "12 of 12 quotes" in region_text(pilot, "#quotes"), what="the bottom of the list")
        reading = rows(pilot)
        assert whole_top(pilot)
        arrive(store, 1)
        await wait_until(pilot, lambda: "▲ 1 new above" in region_text(pilot, "#quotes"), what="the news said above")
        assert rows(pilot) == reading and whole_top(pilot)  # the same rows, whole
        await pilot.press("g")
        await wait_until(pilot, lambda: "News number 1" in rows(pilot)[1], what="the news, once at the top")
        assert "new above" not in region_text(pilot, "#quotes")


async def test_moving_down_row_by_row_never_shows_half_a_row(store):
    async with started(store, size=(80, 24)) as pilot:
        await pilot.press("4")
        for _ in range(11):
            await pilot.press("j")
            await pilot.pause()
            assert whole_top(pilot), rows(pilot)[:2]


async def test_rows_a_search_hid_come_back_without_being_called_new(store):
    # Scrolled down, a search and its esc bring back rows above the ones being read: they were
    # there all along, so the border says nothing new arrived; news after that still counts.
    async with started(store, live=True) as pilot:
        await pilot.press("4", "G")
        await wait_until(pilot, lambda: "12 of 12 quotes" in region_text(pilot, "#quotes"), what="the bottom of the list")
        await pilot.press("slash", *"pea")
        await wait_until(pilot, lambda: "quotes match" in region_text(pilot, "#quotes"), what="the search's rows")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "quotes match" not in region_text(pilot, "#quotes"), what="every row back")
        await pilot.pause()
        assert "new above" not in region_text(pilot, "#quotes")
        arrive(store, 1)
        await wait_until(pilot, lambda: "News number 1" in region_text(pilot, "#quotes") or "▲ 1 new above" in region_text(pilot, "#quotes"),
                         what="the news")


async def test_a_late_report_of_the_rows_on_screen_never_undoes_a_newer_count(shipped):
    # The list tells its pane which rows are on screen at once where it can, and by a posted
    # message after a frame where it must: a posted report made before the rows came (none of
    # them yet) that arrives after they did must not leave the border saying "0 quotes".
    from tui.ui.widgets.row_list import RowList

    async with started(shipped) as pilot:
        rows = pilot.app.query_one("#quotes-list", RowList)
        await wait_until(pilot, lambda: "12 quotes" in region_text(pilot, "#quotes"), what="the count")
        # Posted, a report waits in the list's queue and then, bubbled, in the pane's: a newer
        # count told at once can pass it in either.
        for queue in (rows, rows.parent):
            queue.post_message(RowList.Shown(rows, 0, 0, 0))  # what the list said before its rows came
            await pilot.pause(0.1)
            assert "12 quotes" in region_text(pilot, "#quotes") and "0 quotes" not in region_text(pilot, "#quotes"), queue
