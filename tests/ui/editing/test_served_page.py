"""A dashboard served to a browser page (`--served`): the reader names themselves before their first edit
is written, and the journal and the commit say it was them; the page says when the window is larger
than the server draws.

The real app under Pilot, real key presses; a real repository (the content a subfolder of a clone) for
the commits, and the journal as the changes screen shows it.
"""

from __future__ import annotations

from tests.helpers.forms import choose, open_form, type_into
from tests.helpers.git import git, shared_desk
from tests.helpers.pilot import screen_text, started, wait_until
from tui.ui.forms.base import EditForm
from tui.ui.screens.author import AuthorScreen
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.served_page import MAX_COLUMNS, MAX_ROWS

ASKED = "Who is making this change?"
TRAILER = "Edited-by: Olena Reader (through the served page)"


async def add_event(pilot, title: str) -> None:
    await open_form(pilot, "t")
    await type_into(pilot, "title", title)
    await choose(pilot, "source", "Meduza")
    await pilot.press("ctrl+s")


async def test_a_served_page_asks_its_readers_name_once_and_their_edits_and_commits_name_them(tmp_path):
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    async with started(shared.a, served=True, commit=True, journal=tmp_path / "journal.json", size=(120, 50), notifications=True) as pilot:
        await add_event(pilot, "Delegations meet again in Abu Dhabi")
        await wait_until(pilot, lambda: ASKED in screen_text(pilot), what="the question")
        assert "your name goes with every change you save" in screen_text(pilot)
        await pilot.press("enter")  # no name: not taken
        await wait_until(pilot, lambda: "Type your name" in screen_text(pilot), what="the name asked again")
        assert isinstance(pilot.app.screen, AuthorScreen)
        await type_into(pilot, "author-name", "Olena Reader")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Saved and committed" in screen_text(pilot), what="the edit saved")
        assert isinstance(pilot.app.screen, DashboardScreen)

        # The second edit of the page is hers too, without asking again.
        await add_event(pilot, "Talks resume in Geneva")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, EditForm), what="the second edit saved")
        assert not isinstance(pilot.app.screen, AuthorScreen)

        await pilot.press("c")
        await wait_until(pilot, lambda: "Olena Reader · New event: Talks resume in Geneva" in screen_text(pilot), what="the author in the changes")
        assert "Olena Reader · New event: Delegations meet again in Abu Dhabi" in screen_text(pilot)

    log = git(top, "log", "-2", "--format=%an|%s|%(trailers:only,unfold)").split("\n")
    commits = [line for line in log if line.strip()]
    assert [c.split("|")[0] for c in commits] == ["Anna Editor", "Anna Editor"]  # the commit stays the desk's git user's
    assert [c.split("|")[2] for c in commits] == [TRAILER, TRAILER]


async def test_a_reader_who_gives_no_name_writes_nothing_and_keeps_what_they_typed(store):
    before = {p: p.read_bytes() for p in store.rglob("*.yaml")}
    async with started(store, served=True, size=(120, 50)) as pilot:
        await add_event(pilot, "An unsigned change")
        await wait_until(pilot, lambda: ASKED in screen_text(pilot), what="the question")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Not written: no name was given" in screen_text(pilot), what="the refusal in the form")
        assert "each change is saved under its author's" in screen_text(pilot)
        assert isinstance(pilot.app.screen, EditForm)
        assert pilot.app.screen.query_one("#title").value == "An unsigned change"
    assert {p: p.read_bytes() for p in store.rglob("*.yaml")} == before


async def test_a_dashboard_not_served_never_asks(store):
    async with started(store, size=(120, 50)) as pilot:
        await add_event(pilot, "Our own change")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, EditForm), what="the edit saved")
        assert not isinstance(pilot.app.screen, AuthorScreen)
    assert "Our own change" in (store / "events.yaml").read_text(encoding="utf-8")


async def test_a_page_drawn_at_the_largest_size_says_so(shipped):
    note = f"This page is drawn at most {MAX_COLUMNS} columns by {MAX_ROWS} rows"
    async with started(shipped, served=True, size=(MAX_COLUMNS, 60), notifications=True) as pilot:
        await wait_until(pilot, lambda: note in screen_text(pilot).replace("\n", " "), what="the note")
    async with started(shipped, served=True, size=(MAX_COLUMNS - 1, 60), notifications=True) as pilot:
        await pilot.pause(0.3)
        assert "This page is drawn at most" not in screen_text(pilot)
