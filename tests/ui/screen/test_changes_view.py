"""The journal on the dashboard: what changed, marked until seen, across restarts."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.pilot import make_app, region_text, screen_text, started, wait_until
from tui.ui.screens.changes import ChangesScreen
from tui.ui.widgets.row_list import RowList

NEW_QUOTES = """
  - id: lavrov-new-one
    text: A first new statement
    speaker: Sergey Lavrov
    party: russia
    date: 2025-11-26
    medium: press-conference
    source: meduza-2025-11-25-lavrov
  - id: umerov-new-one
    text: A second new statement
    speaker: Rustem Umerov
    party: ukraine
    date: 2025-11-26
    medium: statement
    source: meduza-2025-11-25-lavrov
"""


def add_two_quotes(store: Path) -> None:
    path = store / "quotes" / "2025-11-26.yaml"
    path.write_text("quotes:" + NEW_QUOTES, encoding="utf-8")


def harden_russia_on_territory(store: Path) -> None:
    path = store / "issues.yaml"
    text = path.read_text(encoding="utf-8")
    assert "stance: conditional" in text
    path.write_text(text.replace("stance: conditional", "stance: insists", 1), encoding="utf-8")


def changes_text(pilot) -> str:
    assert isinstance(pilot.app.screen, ChangesScreen)
    return region_text(pilot, "#list-body")


async def test_edits_while_running_are_listed_marked_and_cleared(store, tmp_path):
    journal = tmp_path / "journal.json"
    async with started(store, live=True, journal=journal) as pilot:
        assert pilot.app.state.unseen == frozenset()
        harden_russia_on_territory(store)
        await wait_until(pilot, lambda: ("issues", "territory") in pilot.app.state.unseen, what="the position change")
        add_two_quotes(store)
        await wait_until(pilot, lambda: len(pilot.app.state.unseen) == 3, what="two new quotes")
        assert pilot.app.state.unseen == {("issues", "territory"), ("quotes", "lavrov-new-one"), ("quotes", "umerov-new-one")}
        assert "3 new since" in screen_text(pilot)
        # The marks in the panes: a ● in the gutter of each changed row.
        issues = pilot.app.screen.query_one("#issues RowList", RowList)
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        assert issues.render_line(2 * issues.keys.index("territory")).text.startswith("●")
        assert quotes.render_line(0).text.startswith("●") and quotes.render_line(2).text.startswith("●")
        assert not quotes.render_line(4).text.startswith("●")
        await pilot.press("c")
        await wait_until(pilot, lambda: "stance" in changes_text(pilot), what="the changes view")
        text = changes_text(pilot)
        assert "Russia on Territory: stance conditional → insists" in text
        assert "Sergey Lavrov" in text and "Rustem Umerov" in text
        assert text.count("●") == 3
        await pilot.press("m")
        await wait_until(pilot, lambda: not pilot.app.state.unseen, what="mark all seen")
        await wait_until(pilot, lambda: "●" not in changes_text(pilot), what="the marks to go")
        await pilot.press("escape")
        await pilot.pause()
        assert "new since" not in screen_text(pilot)
        assert not quotes.render_line(0).text.startswith("●")


async def test_opening_an_item_marks_it_seen(store, tmp_path):
    async with started(store, live=True, journal=tmp_path / "journal.json") as pilot:
        harden_russia_on_territory(store)
        add_two_quotes(store)
        await wait_until(pilot, lambda: len(pilot.app.state.unseen) == 3, what="three changes")
        await pilot.press("3")
        issues = pilot.app.screen.query_one("#issues RowList", RowList)
        issues.select_key("territory")
        await pilot.press("enter")
        await wait_until(pilot, lambda: ("issues", "territory") not in pilot.app.state.unseen, what="the issue to be seen")
        assert len(pilot.app.state.unseen) == 2


async def test_edits_made_while_closed_show_on_the_next_start(store, tmp_path):
    journal = tmp_path / "journal.json"
    async with started(store, journal=journal) as pilot:
        assert pilot.app.state.unseen == frozenset()
    harden_russia_on_territory(store)
    async with started(store, journal=journal) as pilot:
        assert pilot.app.state.unseen == {("issues", "territory")}
        await pilot.press("c")
        await wait_until(pilot, lambda: "insists" in changes_text(pilot), what="the change made while closed")


async def test_each_reload_that_changes_something_is_announced(store, tmp_path):
    app = make_app(store, live=True, journal=tmp_path / "journal.json")
    rings = []
    app.bell = lambda: rings.append(1)  # Textual's bell writes to the terminal; count it instead
    app.ring_bell = True
    async with started(app, notifications=True) as pilot:
        harden_russia_on_territory(store)
        await wait_until(pilot, lambda: "1 change" in screen_text(pilot), what="the notification")
        assert "Russia on Territory: stance conditional → insists" in screen_text(pilot)
        assert rings == [1]


async def test_a_corrupt_journal_is_moved_aside_and_the_dashboard_starts(store, tmp_path):
    journal = tmp_path / "journal.json"
    journal.write_text('{"changes": {"1": {"kind": "iss', encoding="utf-8")
    async with started(store, journal=journal, notifications=True) as pilot:
        await wait_until(pilot, lambda: "Change journal" in screen_text(pilot), what="the warning")
        assert "Sergey Lavrov" in screen_text(pilot)
    assert list(tmp_path.glob("journal.json.corrupt-*"))


async def test_enter_on_a_change_opens_the_item_it_is_about(store, tmp_path):
    from tui.ui.screens.detail import DetailScreen

    async with started(store, live=True, journal=tmp_path / "journal.json") as pilot:
        harden_russia_on_territory(store)
        await wait_until(pilot, lambda: ("issues", "territory") in pilot.app.state.unseen, what="the change")
        await pilot.press("c")
        await wait_until(pilot, lambda: "insists" in changes_text(pilot), what="the changes view")
        await pilot.press("j", "enter")  # the reload's heading, then its one change
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailScreen)
        assert "Territory" in screen_text(pilot)
        await wait_until(pilot, lambda: pilot.app.state.unseen == frozenset(), what="opening it marks it seen")
