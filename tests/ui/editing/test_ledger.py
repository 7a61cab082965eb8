"""The ledger (`D`) as a new user tries it: the shipped story's drafts in order with their sources;
then a later draft added through the dashboard, its three points (one carried over reworded, one
dropped, one new) added by keys, and the reworded point's words shown as a word diff.

Real keys on a copy of the shipped story; what is asserted is the screen, a style of the diff and
the file's bytes."""

from __future__ import annotations

import re

from rich.console import Console
from rich.style import Style
from textual.widgets import SelectionList

from tests.helpers.forms import choose, save, type_into
from tests.helpers.pilot import region_text, screen_cells, screen_text, started, wait_until
from tui.core.desk import NO_JOURNAL, Desk
from tui.ui import render
from tui.ui.forms.ledger_form import LedgerForm
from tui.ui.palette import Palette
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.ledger import LedgerScreen

NEWEST_POINTS = """\
    points:
      - id: withdrawal
        says: Ukraine withdraws from the part of Donetsk it still controls.
        issues:
          - territory
        source: meduza-2025-11-25-lavrov
      - id: army-cap
        says: Ukraine caps its army at 600,000 troops.
        source: meduza-2025-11-25-lavrov
"""


def _with_points_on_the_newest(store) -> None:
    """The newest version with two points, as an editor would have written them."""
    path = store / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "      it diverges from the terms Putin and Trump discussed in Alaska.\n    source: meduza-2025-11-25-lavrov\n"
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + NEWEST_POINTS), encoding="utf-8")


def _with_a_typo_in_supersedes(store) -> None:
    """The framework said to supersede a document the store does not have: a problem of documents.yaml."""
    path = store / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    title: Washington’s framework\n"
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + "    supersedes: us-plan-newst\n"), encoding="utf-8")


def _style_in_line(pilot, line_text: str, word: str) -> Style:
    """The style of `word` in the last screen line that shows `line_text`."""
    for cells in reversed(screen_cells(pilot)):
        line = "".join(char for char, _ in cells)
        if line_text in line:
            return cells[line.index(line_text) + line_text.index(word)][1] or Style()
    raise AssertionError(f"{line_text!r} is not on screen")


async def _to_row(pilot, key: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, LedgerScreen)
    for _ in range(20):
        if screen.current == key:
            return
        keys = list(screen.query_one("#ledger-list").keys)
        up = key in keys and screen.current in keys and keys.index(key) < keys.index(screen.current)
        await pilot.press("k" if up else "j")
    raise AssertionError(f"no row {key}: {screen.query_one('#ledger-list').keys}")


async def _add_point(pilot, says: str, change: str, earlier: str | None) -> None:
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerForm), what="the point form")
    if says:
        await type_into(pilot, "f-says", says)
    await choose(pilot, "f-change", change)
    if earlier is not None:
        picks = pilot.app.screen.query_one("#f-earlier", SelectionList)
        picks.focus()
        index = next(i for i in range(picks.option_count) if picks.get_option_at_index(i).value == earlier)
        await pilot.press(*(["down"] * index), "space")
        await pilot.pause()
        # Ticked or not is said by a mark in the box, not by its colour alone.
        boxes = re.findall(r"▐.▌", region_text(pilot, "#f-earlier"))
        assert sorted(boxes) == ["▐ ▌", "▐✓▌"], boxes  # the newest's two points, one ticked
    await save(pilot)


async def test_the_ledger_shows_the_drafts_in_order_and_a_later_draft_added_by_keys_shows_its_word_diff(store, tmp_path):
    _with_points_on_the_newest(store)
    _with_a_typo_in_supersedes(store)
    async with started(store, notifications=True, journal=tmp_path / "journal.json") as pilot:
        await pilot.press("D")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen), what="the ledger")
        shown = screen_text(pilot)
        order = [shown.index(t) for t in ("Trump’s peace plan, initial version", "Subsequent drafts of the plan",
                                          "The newest version of the U.S. proposal", "Washington’s framework")]
        assert order == sorted(order), shown
        assert "28 points (Meduza)" in shown and "source: Meduza" in shown
        # The typo is said over the ledger, and its document marked, not shown as if all were well.
        assert "⚠ 1 problem in documents.yaml" in shown and "◆ ⚠ Washington’s framework" in shown, shown

        # ? opens help over the ledger (a modal screen: the app's own ? does not reach it), with the ledger's keys.
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="help over the ledger")
        for _ in range(12):  # a page at a time, to the ledger's group
            if "Add a point to the document under the cursor" in screen_text(pilot):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        shown = screen_text(pilot)
        assert "Add a point to the document under the cursor" in shown and "Into the card beside the list" in shown, shown
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen), what="back on the ledger")

        # A later version of the newest: n fills in what it supersedes.
        await _to_row(pilot, "document:us-plan-newest")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerForm), what="the document form")
        # Saved from the bottom with the title empty: refused, and the title comes into view with the focus in it.
        await choose(pilot, "f-source", "Meduza")
        await pilot.press("ctrl+s")
        form = pilot.app.screen
        await wait_until(pilot, lambda: form.focused is not None and form.focused.id == "f-title", what="the focus on the title")
        await pilot.pause()
        body, title, error = (form.query_one(s).region for s in ("#form-body", "#f-title", "#f-title-error"))
        assert error.height and body.contains_region(title) and body.contains_region(error), (body, title, error)
        await type_into(pilot, "f-title", "The Geneva draft")
        await choose(pilot, "f-type", "draft")
        await choose(pilot, "f-status", "presented")
        await save(pilot)
        # Saved: the cursor on the new version, and the one it supersedes said to be still standing, not changed.
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen) and pilot.app.screen.current == "document:the-geneva-draft",
                         what="the cursor on the new version")
        await wait_until(pilot, lambda: "us-plan-newest is still 'presented'" in screen_text(pilot), what="the superseded one's status said")
        await _add_point(pilot, "Ukraine caps its army at 800,000 troops.", "reworded", "army-cap")
        await _add_point(pilot, "", "dropped", "withdrawal")
        await _add_point(pilot, "A non-aggression pact with NATO.", "new", None)

        await _to_row(pilot, "point:the-geneva-draft/ukraine-caps-its-army")
        await wait_until(pilot, lambda: "800,000" in screen_text(pilot), what="the point's card")
        shown = screen_text(pilot)
        assert "Ukraine caps its army at 600,000 800,000 troops." in shown, shown
        assert "a-non-aggression-pact  new  A non-aggression pact" in shown, shown
        removed, added = _style_in_line(pilot, "600,000 800,000", "600,000"), _style_in_line(pilot, "600,000 800,000", "800,000")
        assert removed.strike and not removed.underline and added.underline and not added.strike

        # The dropped point says so, with the words the later version leaves out struck.
        await _to_row(pilot, "point:the-geneva-draft/dropped-withdrawal")
        await wait_until(pilot, lambda: "leaves it out" in screen_text(pilot), what="the dropped point's card")
        assert _style_in_line(pilot, "│   Ukraine withdraws from the part of", "Ukraine").strike  # the dropped version's, after the newest's

        # A point a later version comes from is refused removal with the reason, before any question.
        await _to_row(pilot, "point:us-plan-newest/army-cap")
        await pilot.press("d")
        await wait_until(pilot, lambda: "cannot be removed: 1 point" in screen_text(pilot), what="the refusal")
        assert isinstance(pilot.app.screen, LedgerScreen)

        # Closed and opened again, the ledger is where it was; enter on a document's change opens it at the point.
        await pilot.press("escape", "D")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen) and pilot.app.screen.current == "point:us-plan-newest/army-cap",
                         what="the ledger where it was")
        await pilot.press("escape", "c")
        await wait_until(pilot, lambda: "new point" in screen_text(pilot), what="the changes")
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LedgerScreen)
                         and pilot.app.screen.current == "point:the-geneva-draft/a-non-aggression-pact", what="the ledger at the new point")

    written = (store / "documents.yaml").read_text(encoding="utf-8")
    assert "supersedes: us-plan-newest" in written and "change: dropped" in written and "- withdrawal" in written


def test_an_issues_full_view_lists_the_points_that_touch_it(store):
    _with_points_on_the_newest(store)
    snapshot = Desk(store, journal=NO_JOURNAL).load().snapshot
    console = Console(width=100, record=True, color_system=None)
    palette = Palette(primary="blue", success="green", warning="yellow", error="red", accent="cyan")
    console.print(render.issue_detail(snapshot.issue_by_id["territory"], snapshot, palette))
    text = console.export_text()
    assert "In the texts (2 points)" in text
    assert "Trump’s peace plan, initial version (initial)  territory-given-up" in text
    assert "The newest version of the U.S. proposal (newest)  withdrawal" in text
    assert "Ukraine withdraws from the part of Donetsk it still controls." in text
