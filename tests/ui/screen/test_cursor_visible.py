"""The cursor and the change highlight are visible in the cells the terminal draws, in every theme."""

from __future__ import annotations

import os

import pytest

from tests.helpers.pilot import screen_cells, started, wait_until


def save_text(path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _row_styles(pilot, list_id: str, rows: int) -> list[tuple]:
    """The background and foreground the terminal gets at the start of each row's text, row by row."""
    widget = pilot.app.query_one(f"#{list_id}")
    region = widget.region
    cells = screen_cells(pilot)
    out = []
    for row in range(rows):
        y = region.y + row * widget.row_height
        _, style = cells[y][region.x + 3]
        out.append((style.bgcolor, style.color, style.bold))
    return out


async def test_the_cursor_row_looks_different_from_its_neighbours_and_moves_with_j(store):
    async with started(store) as pilot:
        first, second, third = _row_styles(pilot, "quotes-list", 3)
        assert first != second and second == third  # the cursor starts on the newest quote
        await pilot.press("j")
        first, second, third = _row_styles(pilot, "quotes-list", 3)
        assert second != first and second != third and first == third


async def test_keys_in_a_burst_leave_the_cursor_where_they_say(store):
    async with started(store) as pilot:
        await pilot.press(*"jjjk")  # no pause between keys, as a paste or a slow link sends them
        rows = _row_styles(pilot, "quotes-list", 4)
        assert rows[2] != rows[0] and rows[0] == rows[1] == rows[3]


@pytest.mark.parametrize("pane", ["parties", "issues", "events"])
async def test_every_list_shows_its_cursor_focused_and_unfocused(store, pane):
    async with started(store) as pilot:
        list_id = f"{pane}-list"
        # Unfocused: a band on the cursor row, the words keeping their own colours.
        band, other = _row_styles(pilot, list_id, 2)
        assert band[0] != other[0]
        pilot.app.query_one(f"#{list_id}").focus()
        await pilot.pause()
        focused, other = _row_styles(pilot, list_id, 2)
        assert focused[0] != other[0] and focused != band


async def test_the_cursor_is_visible_in_every_built_in_theme(store):
    async with started(store) as pilot:
        invisible = []
        for theme in sorted(pilot.app.available_themes):
            pilot.app.theme = theme
            await pilot.pause()
            cursor, neighbour = _row_styles(pilot, "quotes-list", 2)
            if cursor[:2] == neighbour[:2]:
                invisible.append(theme)
        assert invisible == []


async def test_a_changed_row_is_highlighted_until_the_flash_ends(store):
    async with started(store, live=True) as pilot:
        before = _row_styles(pilot, "parties-list", 3)
        parties = store / "parties.yaml"
        save_text(parties, parties.read_text(encoding="utf-8").replace("Sergey Lavrov", "Sergei Lavrov"))
        # Russia is the second party; the cursor sits on the first, so the highlight is its own.
        await wait_until(pilot, lambda: _row_styles(pilot, "parties-list", 3)[1] != before[1], what="the highlight")
        assert _row_styles(pilot, "parties-list", 3)[2] == before[2]
        await wait_until(pilot, lambda: _row_styles(pilot, "parties-list", 3) == before, timeout=6, what="the highlight to end")


async def test_keys_behind_a_pane_jump_in_a_burst_move_that_pane(store):
    from tests.helpers.pilot import burst

    async with started(store) as pilot:
        quotes_before = _row_styles(pilot, "quotes-list", 3)
        await burst(pilot, "2", "j", "j")
        parties = _row_styles(pilot, "parties-list", 3)
        assert parties[2] != parties[0] and parties[0] == parties[1]  # the cursor is on the third party
        quotes = [bg for bg, _, _ in _row_styles(pilot, "quotes-list", 3)]
        assert quotes[0] != quotes[1] == quotes[2]  # the quotes' cursor did not move
        assert quotes_before[0][0] != quotes_before[1][0]


async def test_the_border_counts_the_rows_that_are_whole_on_screen(shipped):
    import re

    from tests.helpers.pilot import screen_text

    async with started(shipped) as pilot:
        await pilot.press("4", "G")
        await wait_until(pilot, lambda: re.search(r"(\d+)–12 of 12 quotes", screen_text(pilot)) is not None, what="the last quote in the border's count")
        first, last = map(int, re.search(r"(\d+)–(\d+) of 12 quotes", screen_text(pilot)).groups())
        assert last == 12
        rows = pilot.app.query_one("#quotes-list")
        # The first row counted starts on screen (the line above it may show the end of the row before).
        quote = pilot.app.state.snapshot.quote_by_id[rows.keys[first - 1]]
        before = pilot.app.state.snapshot.quote_by_id[rows.keys[first - 2]]
        top = screen_text(pilot).splitlines()[rows.region.y : rows.region.y + 2]
        assert any(quote.speaker in line for line in top) and not any(before.speaker in line for line in top)
