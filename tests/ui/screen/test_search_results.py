"""The search language on the dashboard, with real keys: plain words filter the quotes (ANDed), a query with more
than words lists what it finds of every kind, enter opens an item's full view, and a search saved as a view comes
back from the command palette, from help and from `peacewatch DIR --view NAME`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.pilot import screen_text, started, wait_until
from tui.cli import parse
from tui.commands.dashboard import build_app
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.ledger import LedgerScreen
from tui.ui.screens.search_results import SearchResultsScreen

WEEK = "party:ukraine since:2025-11-20"


def settings_file() -> Path:
    from tui.core.desk import settings_path

    return settings_path()


async def test_plain_words_are_anded_so_lavrov_anchorage_finds_his_quote(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"lavrov anchorage", "enter")
        await wait_until(pilot, lambda: "1 of 12 quotes" in screen_text(pilot) or "1 quote" in screen_text(pilot), what="one quote found")
        assert "spirit and letter of Anchorage" in screen_text(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen)  # plain words: the quotes pane, as before


async def test_a_query_lists_every_kind_found_and_enter_opens_the_item(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("slash", *WEEK, "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchResultsScreen) and "found" in screen_text(pilot), what="the results")
        text = screen_text(pilot)
        assert f"Search: {WEEK} · 6 found" in text  # with the framework Ukraine accepts
        for row in ("quote    Andriy Yermak: “as soon as possible”", "event    2025-11-25 · U.S., Russian and Ukrainian delegations",
                    "position Ukraine on Territory"):
            assert row in text, row
        assert "party    Ukraine" not in text  # undated: left out by since:
        await pilot.press("enter")  # the first row: Yermak's quote, in full
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen), what="the quote's full view")
        assert pilot.app.screen.noun == "quote" and pilot.app.screen.item_id == "yermak-as-soon-as-possible"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchResultsScreen)
        await pilot.press("G", "k", "enter")  # the row before the last: a position opens its issue
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen), what="the issue's full view")
        assert pilot.app.screen.noun == "issue"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchResultsScreen), what="the results")
        await pilot.press("G", "enter")  # the last: the framework Ukraine accepts, which the ledger shows
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen), what="the ledger")
        assert pilot.app.screen.current == "document:us-framework"


async def test_the_match_is_highlighted_in_its_field(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *'"spirit and letter"', "enter")
        await wait_until(pilot, lambda: "2 found" in screen_text(pilot), what="the results")
        assert "text: If the spirit and letter of Anchorage" in screen_text(pilot)
        from tests.helpers.pilot import style_of

        # The second row (the cursor's block covers the first): the event's summary, the phrase marked in it alone.
        assert "summary: …" in screen_text(pilot)
        assert style_of(pilot, "spirit and letter", 2).reverse and not style_of(pilot, "Lavrov now speaks").reverse


async def test_a_query_that_cannot_be_read_is_said_in_words(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("slash", *"since:tomorrowish", "enter")
        await wait_until(pilot, lambda: "since: takes a date" in screen_text(pilot), what="the error said")
        assert isinstance(pilot.app.screen, DashboardScreen)


async def test_a_search_saved_as_a_view_reopens_from_the_palette_help_and_the_command_line(store):
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "nord"}), encoding="utf-8")
    async with started(store, notifications=True) as pilot:
        await pilot.press("slash", *WEEK, "enter")
        await wait_until(pilot, lambda: "6 found" in screen_text(pilot), what="the results")
        await pilot.press("s")
        await wait_until(pilot, lambda: "Save this search as" in screen_text(pilot), what="asked for a name")
        await pilot.press(*"ukraine week", "enter")
        await wait_until(pilot, lambda: "Saved the view" in screen_text(pilot), what="saved")
        assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "nord", "views": {"ukraine week": WEEK}}
        await pilot.press("escape", "escape")  # the results, then the search
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("G")  # the saved views are help's last group
        await wait_until(pilot, lambda: "View: ukraine week" in screen_text(pilot), what="the view in help")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"View: ukr")
        await wait_until(pilot, lambda: "View: ukraine week" in screen_text(pilot), what="the view in the palette")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchResultsScreen) and "6 found" in screen_text(pilot),
                         what="the view's results")
    app = build_app(parse([str(store), "--view", "ukraine week", "--no-journal"]))
    app.live = False
    async with started(app) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchResultsScreen) and "6 found" in screen_text(pilot),
                         what="the dashboard opening on the view")


async def test_a_filter_typed_but_not_yet_run_says_enter_runs_it_never_that_every_quote_matches(shipped):
    async with started(shipped, size=(120, 40)) as pilot:
        await pilot.press("slash", *"speaker:yermak")
        await wait_until(pilot, lambda: "enter: search every kind with the filters" in screen_text(pilot), what="the hint")
        assert "12 of 12 quotes match" not in screen_text(pilot)
        await pilot.press("ctrl+u", *"lavrov anchorage")
        await wait_until(pilot, lambda: "1 of 12 quotes match" in screen_text(pilot), what="plain words filtering as typed")
