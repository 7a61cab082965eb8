"""Keys keep the promises help makes: q quits from every view but a form, esc asks before
throwing typing away, Tab takes a completion, g and G move in every overlay."""

from __future__ import annotations

import pytest

from tests.helpers.pilot import make_app, screen_text, started, wait_until
from tui.ui.forms.base import EditForm
from tui.ui.screens.confirm import ConfirmScreen

VIEWS = {"help": ["question_mark"], "changes": ["c"], "full item": ["enter"], "problems": ["exclamation_mark"],
         "stage history": ["1", "s"], "timeline": ["T"]}


@pytest.mark.parametrize("keys", list(VIEWS.values()), ids=list(VIEWS))
async def test_q_quits_from_every_view(shipped, keys):
    async with started(shipped) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert pilot.app.screen is not pilot.app.screen_stack[0]  # the view is open
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0  # asked to exit (None until then)


async def test_q_in_a_form_is_typed_not_quit(store):
    async with started(store, size=(120, 50)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"quiet")
        await pilot.pause()
        assert pilot.app.return_code is None and isinstance(pilot.app.screen, EditForm)
        assert "quiet" in screen_text(pilot)


async def test_esc_on_a_filled_form_asks_first_and_n_keeps_the_typing(store):
    before = {p: p.read_bytes() for p in store.rglob("*.yaml")}
    async with started(store, size=(120, 50)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Talks go on")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Discard what you typed in this form?" in screen_text(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditForm) and "Talks go on" in screen_text(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (EditForm, ConfirmScreen))
    assert {p: p.read_bytes() for p in store.rglob("*.yaml")} == before


async def test_esc_on_an_untouched_form_closes_it_at_once(store):
    async with started(store, size=(120, 50)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (EditForm, ConfirmScreen))


async def test_tab_takes_the_completion_shown_for_a_speaker(store):
    async with started(store, size=(120, 50)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        pilot.app.screen.query_one("#speaker").focus()
        await pilot.press(*"Sergey")
        await wait_until(pilot, lambda: "Sergey Lavrov" in screen_text(pilot), what="the completion shown")
        await pilot.press("tab")
        await pilot.pause()
        # Taken: the role and the party of a known person follow.
        await wait_until(pilot, lambda: "Russian Foreign Minister" in screen_text(pilot), what="the role filled in")


async def test_g_and_shift_g_go_to_the_top_and_bottom_of_an_overlay(shipped):
    async with started(shipped, size=(120, 24)) as pilot:  # small: help does not fit
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Anywhere" in screen_text(pilot) and "Full item" not in screen_text(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert "Full item" in screen_text(pilot) and "Anywhere" not in screen_text(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert "Anywhere" in screen_text(pilot)


async def test_every_key_in_help_is_bound_to_an_action_that_exists(shipped):
    """Help is read from the bindings; each binding's action must be one the app can run."""
    from textual.app import App

    from tui.ui.key_guide import help_groups
    from tui.ui.screens.changes import ChangesScreen
    from tui.ui.screens.dashboard import DashboardScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.ledger import LedgerScreen
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.search_results import SearchResultsScreen
    from tui.ui.screens.timeline import TimelineScreen
    from tui.ui.widgets.pane import FilteringPane
    from tui.ui.widgets.quotes_pane import QuotesPane
    from tui.ui.widgets.row_list import RowList
    from tui.ui.widgets.status_pane import StatusPane

    app = make_app(shipped)
    owners = [type(app), App, DashboardScreen, RowList, QuotesPane, StatusPane, FilteringPane, ChangesScreen, ProblemsScreen, DetailScreen, TimelineScreen,
              SearchResultsScreen, LedgerScreen]
    owners += [base for screen in (ChangesScreen, ProblemsScreen, DetailScreen, TimelineScreen) for base in screen.__mro__]
    missing = []
    for title, bindings in help_groups(app):
        for binding in bindings:
            if not binding.action:
                continue  # tab, which Textual's screen binds itself
            name = binding.action.split("(")[0]
            if name.startswith("app."):
                found = hasattr(app, f"action_{name[4:]}")
            else:
                found = any(hasattr(owner, f"action_{name}") for owner in owners)
            if not found:
                missing.append((title, binding.key, binding.action))
    assert missing == []


async def test_zooming_any_pane_keeps_the_title_bar_on_top(shipped):
    async with started(shipped, size=(100, 30)) as pilot:
        for digit in "1234":
            await pilot.press(digit, "z")
            await pilot.pause()
            lines = screen_text(pilot).splitlines()
            assert "Trump’s peace plan" in lines[0], (digit, lines[0])
            await pilot.press("z")
            await pilot.pause()
