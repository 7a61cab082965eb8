"""Search as the user types it, pastes it, or sends it down a slow link: every key in a burst, no pause."""

from __future__ import annotations

import pytest

from tests.helpers.bench import bench_store
from tests.helpers.pilot import burst, screen_text, started, style_of, wait_until
from tui.ui.screens.dashboard import DashboardScreen


def _filter_line(pilot) -> str:
    return next((line for line in screen_text(pilot).splitlines() if "Filter:" in line), "")


def _quote_count(pilot) -> str:
    return next(line for line in screen_text(pilot).splitlines() if "quotes ─" in line or "quotes─" in line)


async def test_a_pasted_search_is_exactly_what_was_pasted_and_fires_no_shortcut(shipped):
    async with started(shipped) as pilot:
        # 'a', 'p', 't', 'S' and 'T' are shortcuts on the dashboard; in a burst after '/' they must be typed.
        await burst(pilot, "slash", *"Trump's 28-point peace plan")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert "“Trump's 28-point peace plan”" in _filter_line(pilot)
        # Straight quote typed, curly quote in the story (Putin's context): found.
        assert "2 of 12 quotes" in screen_text(pilot)


async def test_esc_in_the_same_burst_clears_the_search_and_gives_the_focus_back(shipped):
    async with started(shipped) as pilot:
        await burst(pilot, "slash", *"lavrov", "escape")
        await pilot.pause()
        assert _filter_line(pilot) == ""
        assert "of 12 quotes ↕" in screen_text(pilot) and "match" not in screen_text(pilot)
        assert pilot.app.focused is pilot.app.query_one("#quotes-list")
        # And the keys after it act on the list again: 'j' moves, it is not typed anywhere.
        await burst(pilot, "j", "slash", *"zelensky", "escape", "slash", *"umerov")
        await pilot.pause()
        assert "“umerov”" in _filter_line(pilot) and "zelensky" not in _filter_line(pilot)


async def test_the_filter_line_comes_with_the_search_box_and_goes_with_it(shipped, monkeypatch):
    # Shown from `/`, the line is already there when the first letter comes: that letter's frame
    # draws the rows it finds without laying the screen out again.
    async with started(shipped) as pilot:
        assert _filter_line(pilot) == ""
        await pilot.press("slash")
        await pilot.pause()
        assert "Filter: every quote" in _filter_line(pilot) and "esc closes" in _filter_line(pilot)
        screen, layouts = pilot.app.screen, []
        lay_out = screen._refresh_layout  # Textual's: counted, not changed
        monkeypatch.setattr(screen, "_refresh_layout", lambda *args, **kwargs: layouts.append(1) or lay_out(*args, **kwargs))
        await pilot.press("v")
        await pilot.pause()
        assert not layouts, "the first letter laid the screen out"
        assert "“v”" in _filter_line(pilot) and "esc clears" in _filter_line(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert _filter_line(pilot) == ""
        await pilot.press("slash", "enter")  # an empty search left with enter closes the box and its line
        await pilot.pause()
        assert _filter_line(pilot) == "" and "search quotes" not in screen_text(pilot)
        await pilot.press("3", "j", "f", "slash")  # an issue filter: the line names it, box open or not
        await pilot.pause()
        assert "Filter: issue" in _filter_line(pilot) and "esc clears" in _filter_line(pilot)


async def test_search_folds_accents_and_case_and_looks_in_reported_by_and_party(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"FINANCIAL TIMES")  # a party's name, in any case
        await pilot.pause()
        assert "Christopher Miller" in screen_text(pilot)
        await pilot.press("ctrl+u", *"told reporters")  # a reported_by step
        await pilot.pause()
        assert "Sergey Lavrov" in screen_text(pilot) and "of 12 quotes" in screen_text(pilot)


async def test_what_the_search_finds_is_highlighted_in_the_rows(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"anchorage", "enter")
        await pilot.pause()
        found = style_of(pilot, "Anchorage")
        around = style_of(pilot, "spirit")
        assert (found.reverse, found.bold) == (True, True) and not around.reverse


async def test_n_and_shift_n_step_through_what_the_search_found(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"lavrov", "enter")
        await pilot.pause()
        rows = pilot.app.query_one("#quotes-list")
        first = style_of(pilot, rows_text(pilot.app, rows, 0))
        await pilot.press("n")
        await pilot.pause()
        assert style_of(pilot, rows_text(pilot.app, rows, 0)).bgcolor != first.bgcolor  # the cursor left row 1
        assert style_of(pilot, rows_text(pilot.app, rows, 1)).bgcolor == first.bgcolor  # and is on row 2
        await pilot.press("N")
        await pilot.pause()
        assert style_of(pilot, rows_text(pilot.app, rows, 0)).bgcolor == first.bgcolor


def rows_text(app, rows, index: int) -> str:
    """The date-and-speaker text that starts a row, as drawn (unique enough to find on screen)."""
    quote = app.state.snapshot.quote_by_id[rows.keys[index]]
    return quote.text[:30]


async def test_esc_after_a_party_filter_keeps_the_focus_on_the_parties(shipped):
    async with started(shipped) as pilot:
        await pilot.press("2", "j", "f")
        await pilot.pause()
        assert "party Russia" in _filter_line(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert _filter_line(pilot) == ""
        assert pilot.app.focused is pilot.app.query_one("#parties-list")


async def test_a_pane_digit_then_a_pasted_search_in_one_burst(shipped):
    async with started(shipped) as pilot:
        await burst(pilot, "3", "slash", *"Putin")  # 't' is a shortcut (add an event)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert "“Putin”" in _filter_line(pilot)
        await burst(pilot, "escape", "4", "slash", *"Lavrov")  # 'a' is a shortcut (add a quote)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert "“Lavrov”" in _filter_line(pilot)




@pytest.mark.parametrize("count", [2000, 2500])
async def test_a_search_typed_in_bursts_on_a_large_store_ends_on_exactly_its_rows(tmp_path, count):
    # 2,000 quotes: enough that the search runs in a worker, each key cancelling the one before;
    # 2,500: enough that the worker shows the top of what it finds before it looks through the rest.
    from tui.core.store.loader import ContentStore
    from tui.core.views.search import matches
    from tui.ui.quote_filter import searched_text

    root = bench_store().write_store(tmp_path / "store", count, seed=5)
    snapshot = ContentStore(root).load().snapshot

    def expected(text: str) -> list[str]:
        # The plain way, one quote at a time, as the pane did before it had an index.
        return [q.id for q in snapshot.quotes if matches(searched_text(q, snapshot), text)]

    async with started(root) as pilot:
        rows = pilot.app.query_one("#quotes-list")

        async def settled(text: str) -> None:
            wanted = expected(text)
            assert 0 < len(wanted) < count
            await wait_until(pilot, lambda: f"{len(wanted)} of {count} quotes match" in screen_text(pilot), what=f"the rows of “{text}”")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            # Nothing older lands after the newest: the rows, the count and the filter line are the last text's.
            assert list(rows.keys) == wanted
            assert f"{len(wanted)} of {count} quotes match" in screen_text(pilot)
            assert f"“{text}”" in _filter_line(pilot)
            first = snapshot.quote_by_id[wanted[0]]
            assert first.speaker in screen_text(pilot)

        # Typed unaccented and in another case; each letter narrows the one before.
        await burst(pilot, "slash", *"SOKOLOV")
        await settled("SOKOLOV")
        # Not a narrowing: the old text is gone, so every quote is searched again. (ctrl+u is
        # the box's binding, which acts after the keys queued behind it: pressed on its own.)
        await pilot.press("ctrl+u")
        await burst(pilot, *"ceasefire hax")
        # Letters taken back widen the search: each key starts a search that the next cancels.
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await settled("ceasefi")


async def test_a_long_quote_ends_in_an_ellipsis_and_a_match_cut_by_the_edge_is_still_marked(store):
    # A row draws only what fits of a quote's words: cut before it is drawn, the match that
    # the edge cuts in two keeps its mark, and the line still says that it goes on.
    async with started(store) as pilot:
        rows = pilot.app.query_one("#quotes-list")
        # The words' columns in a row: made up, these words are not the archived source's, so the row
        # says "not verbatim" and draws them without quotation marks.
        shown = rows.row_width - rows.GUTTER - len("  ")
        path = store / "quotes" / "2025-11-25.yaml"
        long_text = "w" * (shown - 4) + " zebrafish " + "and more words after it " * 20
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "    text: when the deal to end this war is final or is in its final stages.\n", f"    text: {long_text}\n"
            ),
            encoding="utf-8",
        )
        pilot.app.reload_now()
        # The word runs past the edge: cut, with an ellipsis.
        await wait_until(pilot, lambda: "www ze…" in screen_text(pilot), what="the long quote, cut")
        await pilot.press("slash", *"zebrafish", "enter")
        await pilot.pause()
        found = style_of(pilot, "ze…")
        assert (found.reverse, found.bold) == (True, True)
        assert not style_of(pilot, "www").reverse


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_search_is_cut_in_the_filter_line_with_an_ellipsis_and_keeps_how_to_clear_it(shipped, size):
    text = "the quick question: can Lavrov and Zelensky agree on peace, security guarantees, territory and elections"
    async with started(shipped, size) as pilot:
        await pilot.press("slash")
        await burst(pilot, *text)
        await wait_until(pilot, lambda: "“the quick question" in _filter_line(pilot), what="the search in the filter line")
        line = _filter_line(pilot)  # one line: what does not fit ends in an ellipsis, and the hint stays
        assert "…" in line and line.rstrip(" │").endswith("esc clears"), line


async def test_enter_on_a_search_goes_to_the_quotes_list_from_whichever_pane_it_was_opened(shipped):
    # The box's hint says "enter: to the list": from the parties pane too, so `n` then steps
    # through what was found; esc still goes back to where the focus was.
    async with started(shipped) as pilot:
        await pilot.press("2", "slash", *"Lavrov", "enter")
        await pilot.pause()
        rows = pilot.app.query_one("#quotes-list")
        assert pilot.app.screen.focused is rows and "“Lavrov”" in _filter_line(pilot)
        first = style_of(pilot, rows_text(pilot.app, rows, 0))
        await pilot.press("n")
        await pilot.pause()
        # `n` moved the quotes list's cursor: row 2 now has the band row 1 had.
        assert style_of(pilot, rows_text(pilot.app, rows, 1)).bgcolor == first.bgcolor
        assert style_of(pilot, rows_text(pilot.app, rows, 0)).bgcolor != first.bgcolor
        await pilot.press("2", "slash", "escape")
        await pilot.pause()
        assert _filter_line(pilot) == ""
        await pilot.press("j")  # the focus went back to the parties: a move there filters the quotes by party
        await pilot.pause()
        assert "Filter: party" in _filter_line(pilot), _filter_line(pilot)
