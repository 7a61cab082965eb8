"""The dashboard on the shipped story, driven through real key presses."""

from __future__ import annotations

import pytest

from tests.helpers.pilot import overlay_text, screen_text, started
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.row_list import RowList


def rows(pilot, pane: str) -> list[str]:
    return list(pilot.app.screen.query_one(f"#{pane} RowList", RowList).keys)


def focused_pane(pilot) -> str | None:
    focused = pilot.app.focused
    return next((n.id for n in focused.ancestors_with_self if n.id in ("status", "parties", "issues", "quotes")), None)


async def walk_to(pilot, digit: str, pane: str, key: str) -> None:
    """Focus a pane by its digit and move the cursor down with j to the row of `key`."""
    await pilot.press(digit)
    for _ in range(rows(pilot, pane).index(key)):
        await pilot.press("j")


def detail_text(pilot) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, DetailScreen)
    return overlay_text(pilot)


async def test_four_panes_show_the_shipped_story(shipped):
    async with started(shipped) as pilot:
        text = screen_text(pilot)
        for title in ("Deal status", "Parties", "Issues", "Quotes"):
            assert title in text
        assert "framework agreed in principle" in text
        assert "Sergey Lavrov" in text and "Andriy Yermak" in text
        assert "Security guarantees" in text and "Territory" in text
        assert "U.S." in text and "Russia" in text and "Ukraine" in text
        assert "told Axios" in text
        assert "passed" not in text or "Thanksgiving" in text
        assert "Thanksgiving" in text and "in 1d" in text  # the next deadline, counted down from the fixed clock
        assert pilot.app.state.problems == ()


async def test_quotes_are_newest_first(shipped):
    async with started(shipped) as pilot:
        quotes = [pilot.app.state.snapshot.quote_by_id[key] for key in rows(pilot, "quotes")]
        dated = [q.date for q in quotes if q.date]
        assert dated == sorted(dated, reverse=True)
        assert quotes[-1].date is None or all(q.date for q in quotes)


async def test_digits_tab_and_shift_tab_move_between_panes(shipped):
    async with started(shipped) as pilot:
        for key, pane in (("1", "status"), ("2", "parties"), ("3", "issues"), ("4", "quotes")):
            await pilot.press(key)
            assert focused_pane(pilot) == pane
        await pilot.press("1")
        await pilot.press("tab")
        assert focused_pane(pilot) == "parties"
        await pilot.press("tab")
        assert focused_pane(pilot) == "issues"
        await pilot.press("shift+tab")
        assert focused_pane(pilot) == "parties"


async def test_arrows_and_jk_move_the_cursor(shipped):
    async with started(shipped) as pilot:
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        await pilot.press("4")
        assert quotes.cursor == 0
        await pilot.press("j", "j", "down")
        assert quotes.cursor == 3
        await pilot.press("k", "up")
        assert quotes.cursor == 1
        await pilot.press("G")
        assert quotes.cursor == len(quotes.keys) - 1
        await pilot.press("g")
        assert quotes.cursor == 0


async def test_enter_opens_a_quote_with_its_whole_attribution(shipped):
    async with started(shipped) as pilot:
        yermak = next(q.id for q in pilot.app.state.snapshot.quotes if q.speaker == "Andriy Yermak")
        await walk_to(pilot, "4", "quotes", yermak)
        await pilot.press("enter")
        await pilot.pause()
        text = detail_text(pilot)
        assert "as soon as possible" in text
        assert "Andriy Yermak" in text and "Ukraine" in text
        assert "told Axios" in text
        assert "Meduza" in text  # the source
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, DetailScreen)
        assert focused_pane(pilot) == "quotes"


async def test_enter_opens_an_issue_with_every_position_and_its_quotes(shipped):
    async with started(shipped) as pilot:
        await walk_to(pilot, "3", "issues", "territory")
        await pilot.press("enter")
        await pilot.pause()
        text = detail_text(pilot)
        issue = pilot.app.state.snapshot.issue_by_id["territory"]
        for position in issue.positions:
            assert pilot.app.state.snapshot.party_name(position.party) in text
            assert position.stance.label in text
        assert "If the spirit and letter of Anchorage" in text
        assert "Quotes (" in text


async def test_enter_opens_a_party_with_people_positions_and_quotes(shipped):
    async with started(shipped) as pilot:
        await walk_to(pilot, "2", "parties", "russia")
        await pilot.press("enter")
        await pilot.pause()
        text = detail_text(pilot)
        assert "Sergey Lavrov" in text and "Vladimir Putin" in text
        assert "Positions" in text and "Territory" in text
        assert "If the spirit and letter of Anchorage" in text


async def test_enter_opens_an_event_and_s_the_stage_history(shipped):
    async with started(shipped) as pilot:
        await pilot.press("1", "enter")
        await pilot.pause()
        newest = pilot.app.state.snapshot.events[-1]
        assert newest.title in detail_text(pilot)
        await pilot.press("escape", "s")
        await pilot.pause()
        text = detail_text(pilot)
        assert "Earlier stages" in text and "proposed" in text


async def test_moving_in_parties_filters_quotes_and_escape_clears(shipped):
    async with started(shipped) as pilot:
        total = len(rows(pilot, "quotes"))
        await walk_to(pilot, "2", "parties", "russia")
        await pilot.pause()
        shown = rows(pilot, "quotes")
        assert shown and len(shown) < total
        assert all(pilot.app.state.snapshot.quote_by_id[k].party == "russia" for k in shown)
        assert "Filter: party Russia" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(pilot, "quotes")) == total
        assert "Filter:" not in screen_text(pilot)


async def test_f_filters_by_the_issue_under_the_cursor(shipped):
    async with started(shipped) as pilot:
        await pilot.press("3", "f")
        await pilot.pause()
        issue = rows(pilot, "issues")[0]
        shown = set(rows(pilot, "quotes"))
        assert shown == {q.id for q in pilot.app.state.snapshot.quotes_for_issue(issue)}
        assert "Filter: issue" in screen_text(pilot)


async def test_slash_searches_quotes_by_text_or_speaker(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"lavrov")
        await pilot.pause()
        shown = rows(pilot, "quotes")
        assert shown and all(pilot.app.state.snapshot.quote_by_id[k].speaker == "Sergey Lavrov" for k in shown)
        assert "“lavrov”" in screen_text(pilot)
        await pilot.press("enter")
        assert focused_pane(pilot) == "quotes"
        await pilot.press("slash", "ctrl+u", *"anchorage")
        await pilot.pause()
        shown = rows(pilot, "quotes")
        assert len(shown) == 1 and "Anchorage" in pilot.app.state.snapshot.quote_by_id[shown[0]].text
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(pilot, "quotes")) == len(pilot.app.state.snapshot.quotes)


async def test_question_mark_shows_every_key(shipped):
    async with started(shipped, size=(120, 90)) as pilot:  # tall enough for the whole list
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot)
        for words in ("Search quotes", "Quit peacewatch", "Jump to the parties pane", "Maximise", "Search every action", "with earlier stages", "Mark every change seen", "What changed"):
            assert words in text, words
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_command_palette_offers_the_apps_actions(shipped):
    async with started(shipped) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"focus: parties")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert focused_pane(pilot) == "parties"


async def test_the_palette_opens_the_changes_view(shipped, tmp_path):
    from tui.ui.screens.changes import ChangesScreen

    async with started(shipped, journal=tmp_path / "journal.json") as pilot:
        await pilot.press("ctrl+p", *"changes")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChangesScreen)


async def test_z_zooms_the_focused_pane_and_escape_restores(shipped):
    async with started(shipped, size=(80, 24)) as pilot:
        await pilot.press("3", "z")
        await pilot.pause()
        assert pilot.app.screen.maximized is not None and pilot.app.screen.maximized.id == "issues"
        assert "Territory" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen.maximized is None


async def test_footer_shows_the_main_keys(shipped):
    async with started(shipped) as pilot:
        footer = screen_text(pilot).splitlines()[-1]
        for words in ("Search", "Add…", "Quit", "Help", "Changes", "palette"):
            assert words in footer


async def test_the_footer_fits_80_columns_whole(shipped):
    async with started(shipped, size=(80, 24)) as pilot:
        footer = screen_text(pilot).splitlines()[-1]
        # Every key shown is whole and the palette's corner keeps its room ("c Changes" was cut).
        assert "c Changes" in footer and "^p palette" in footer, footer


async def test_q_quits(shipped):
    async with started(shipped) as pilot:
        assert pilot.app.return_code is None  # not asked to exit
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0  # asked to exit by the key itself, not by the test harness closing it
    assert pilot.app.return_code == 0


@pytest.mark.parametrize("sizes", [[(80, 24), (120, 40)], [(120, 40), (80, 24), (120, 40)]], ids=["widen", "narrow-and-widen"])
async def test_the_status_card_is_as_tall_as_its_words_after_a_resize(shipped, sizes):
    # At 80 columns the stage's date goes on a line of its own: the card is a line taller
    # there, and must be a line shorter again at 120 (one blank line, its margin, above the timeline).
    async with started(shipped, size=sizes[0]) as pilot:
        for width, height in sizes[1:]:
            await pilot.resize_terminal(width, height)
        for _ in range(3):
            await pilot.pause(0.05)
        lines = screen_text(pilot).splitlines()
        last = next(i for i, line in enumerate(lines) if "Last moved:" in line)
        first_event = next(i for i, line in enumerate(lines) if "Trump says he will meet" in line)
        assert first_event == last + 2, "\n".join(lines[: first_event + 1])
