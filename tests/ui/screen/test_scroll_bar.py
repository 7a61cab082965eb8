"""A list's scroll bar shows its rows, and is drawn again only when they, the list's size or its place change."""

from __future__ import annotations

from textual.scrollbar import ScrollBar

from tests.helpers.pilot import started, wait_until
from tui.ui.widgets.row_list import RowList


def bar_of(rows: RowList) -> tuple[int, int]:
    """What the list's scroll bar is drawn for: the rows' lines and the lines in view."""
    bar = rows.vertical_scrollbar
    return bar.window_virtual_size, bar.window_size


def bar_is_true(rows: RowList) -> bool:
    """The bar shows exactly when the rows do not fit, and then for the rows and the view the list has."""
    lines, view = rows.virtual_size.height, rows.scrollable_content_region.height
    if rows.show_vertical_scrollbar != (lines > view):
        return False
    return not rows.show_vertical_scrollbar or bar_of(rows) == (lines, view)


async def test_the_scroll_bar_follows_the_rows_and_the_size_of_the_list(shipped):
    async with started(shipped, size=(120, 30)) as pilot:
        rows = pilot.app.query_one("#quotes-list", RowList)
        assert rows.show_vertical_scrollbar  # more quotes than the pane holds at this size
        assert bar_is_true(rows)
        # Fewer rows (a search): the bar is drawn for them, or goes if they fit.
        await pilot.press("4", "slash", *"Lavrov")
        await wait_until(pilot, lambda: len(rows.keys) < len(pilot.app.state.snapshot.quotes), what="the search")
        await pilot.pause()
        assert bar_is_true(rows)
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(rows.keys) == len(pilot.app.state.snapshot.quotes), what="the search cleared")
        await pilot.pause()
        assert rows.show_vertical_scrollbar and bar_is_true(rows)
        # A taller terminal: the same rows, more of them in view.
        before = bar_of(rows)[1]
        await pilot.resize_terminal(120, 44)
        await wait_until(pilot, lambda: rows.scrollable_content_region.height > before, what="the list taller")
        await pilot.pause()
        assert bar_is_true(rows) and bar_of(rows)[1] > before


async def test_a_notification_lays_the_screen_out_without_drawing_the_lists_scroll_bars_again(shipped, monkeypatch):
    drawn: list[ScrollBar] = []
    render = ScrollBar.render

    def looked_at(bar: ScrollBar):  # type: ignore[no-untyped-def]
        drawn.append(bar)  # a bar drawn anew (the lines of one drawn before are kept, and shown where a toast was)
        return render(bar)

    async with started(shipped, size=(120, 30), notifications=True) as pilot:
        rows = pilot.app.query_one("#quotes-list", RowList)
        assert rows.show_vertical_scrollbar
        await pilot.pause(0.1)
        monkeypatch.setattr(ScrollBar, "render", looked_at)
        # A toast comes and goes: each lays the whole screen out, and a save brings one.
        pilot.app.notify("A change", timeout=0.2)
        await pilot.pause(0.5)
        assert not any(bar.parent is rows for bar in drawn), "the quotes list's scroll bar was drawn again for a notification"
