"""The forms through the door, as the user sees them: one-line changes, no news of one's own save,
refusals and failures shown in the form with nothing written, and a visible, cancellable wait."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from textual.widgets import Input, Select

from tests.helpers.edits import assert_changed, set_headline
from tests.helpers.forms import choose, open_form, type_into
from tests.helpers.pilot import FIXED_NOW, screen_text, started, wait_until
from tui.ui import app as app_module
from tui.ui.app import PeacewatchApp
from tui.ui.forms.base import EditForm


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class BellCountingApp(PeacewatchApp):
    """The app, counting the times it rings the terminal bell."""

    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")  # a subclass looks beside its own module

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rung = 0

    def bell(self) -> None:
        self.rung += 1


def form_open(pilot) -> bool:
    return isinstance(pilot.app.screen, EditForm)


async def fill_event(pilot, title: str) -> None:
    await open_form(pilot, "t")
    await type_into(pilot, "title", title)
    await choose(pilot, "source", "Meduza")


# -- (a) one line ----------------------------------------------------------------------------------

async def test_saving_a_position_with_only_the_stance_changed_writes_one_line(store: Path):
    path = store / "issues.yaml"
    old = path.read_bytes()
    others = {k: v for k, v in tree(store).items() if k != "issues.yaml"}
    async with started(store, live=True, size=(120, 50), notifications=True) as pilot:
        await open_form(pilot, "3", "j", "p")  # the territory issue
        await choose(pilot, "party", "Russia")
        assert pilot.app.screen.query_one("#stance", Select).value == "conditional"  # the stored position, filled in
        await choose(pilot, "stance", "insists")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not form_open(pilot), what="the form to save and close")
        await wait_until(pilot, lambda: "Saved" in screen_text(pilot), what="the Saved notification")
    assert_changed(old, path.read_bytes(), ["        stance: conditional"], ["        stance: insists"])
    assert {k: v for k, v in tree(store).items() if k != "issues.yaml"} == others


# -- (b) one's own save is not news ----------------------------------------------------------------

async def test_the_authors_save_says_saved_but_is_not_announced_and_rings_no_bell(store: Path, tmp_path: Path):
    async with started(BellCountingApp(store, live=True, journal=tmp_path / "journal.json", bell=True, clock=lambda: FIXED_NOW), size=(120, 50), notifications=True) as pilot:
        await fill_event(pilot, "A meeting we recorded ourselves")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not form_open(pilot), what="the form to save and close")
        await wait_until(pilot, lambda: "Saved" in screen_text(pilot), what="the Saved notification")
        assert "Written to events.yaml:" in screen_text(pilot)
        shown = screen_text(pilot)
        assert "1 change" not in shown, shown  # the title of the announcement of others' changes
        assert pilot.app.rung == 0
        assert "new since" not in shown

        # A colleague's save, for contrast: announced, with the bell. The watcher reports the
        # folder's changes in order and the app reads them one batch at a time, so once the
        # colleague's save is announced, the echo of one's own save has been read before it
        # (or with it): had it been announced, the bell would have rung twice, or the
        # announcement would count two changes.
        events = store / "events.yaml"
        events.write_text(events.read_text(encoding="utf-8").replace(
            "title: Putin and Trump meet in Alaska", "title: Putin and Trump meet in Anchorage", 1), encoding="utf-8")
        await wait_until(pilot, lambda: "1 change" in screen_text(pilot), what="the colleague's change to be announced")
        shown = screen_text(pilot)
        assert pilot.app.rung == 1
        assert "2 changes" not in shown, shown


# -- (c) a file emptied after the form opened ------------------------------------------------------

async def test_a_save_into_a_file_emptied_after_the_form_opened_says_it_is_empty(store: Path):
    path = store / "events.yaml"
    async with started(store, live=True, size=(120, 50), notifications=True) as pilot:
        await fill_event(pilot, "Delegations meet again")
        path.write_bytes(b"")  # a save in progress elsewhere
        await wait_until(pilot, lambda: any(p.path == "events.yaml" for p in pilot.app.state.problems), what="the watcher to read the empty file")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "nothing was written" in screen_text(pilot).lower(), what="the refusal")
        assert form_open(pilot)
        banner = str(pilot.app.screen.query_one("#form-error").render())  # the form's own message, as shown
        assert banner[:40] in screen_text(pilot)  # on screen
        assert "events.yaml" in banner and "empty" in banner, banner
        assert pilot.app.screen.query_one("#title", Input).value == "Delegations meet again"
    assert path.read_bytes() == b""


# -- (d) a busy folder -----------------------------------------------------------------------------

async def test_a_save_waits_visibly_for_a_busy_folder_and_esc_stops_it(store: Path):
    path = store / "events.yaml"
    before = tree(store)
    async with started(store, live=True, size=(120, 50), notifications=True) as pilot:
        await fill_event(pilot, "Delegations meet again")
        fd = os.open(store, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # another peacewatch is editing the folder
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Waiting for another edit" in screen_text(pilot), what="the waiting message")
            assert form_open(pilot)
            await pilot.press("escape")
            await wait_until(pilot, lambda: not form_open(pilot), what="esc to close the form")
        finally:
            os.close(fd)  # released
        # The save's worker has ended: esc reached it.
        await wait_until(pilot, lambda: not any(w.name == "Saving the form" and not w.is_finished for w in pilot.app.workers), what="the save to stop")
        shown = screen_text(pilot)
        assert "Saved" not in shown and "Something went wrong" not in shown, shown
        assert "Delegations meet again" not in shown
        assert path.read_bytes() == before["events.yaml"]
        assert tree(store) == before
        # The app holds no lock either: it stopped waiting.
        probe = os.open(store, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(probe)
        # A later save takes the folder's lock and writes: had the stopped one still been waiting
        # for the lock, it would have taken it first, and its event would be in the file too.
        await fill_event(pilot, "A later meeting")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not form_open(pilot) and "Saved" in screen_text(pilot), what="the later save")
        written = path.read_text(encoding="utf-8")
        assert "A later meeting" in written and "Delegations meet again" not in written
    assert "Delegations meet again" not in path.read_text(encoding="utf-8")
    assert {k: v for k, v in tree(store).items() if k != "events.yaml"} == {k: v for k, v in before.items() if k != "events.yaml"}


# -- (e) a write that fails ------------------------------------------------------------------------

async def test_a_full_disk_is_shown_in_the_form_which_keeps_what_was_typed(store: Path, monkeypatch):
    before = tree(store)
    async with started(store, live=True, size=(120, 50), notifications=True) as pilot:
        await fill_event(pilot, "Delegations meet again")
        await type_into(pilot, "place", "Abu Dhabi")

        def full_disk(*_args: object, **_kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", full_disk)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "No space left on device" in screen_text(pilot), what="the failure in the form")
        monkeypatch.undo()
        assert form_open(pilot)
        shown = screen_text(pilot)
        assert "events.yaml" in shown and "Saved" not in shown
        assert pilot.app.screen.query_one("#title", Input).value == "Delegations meet again"
        assert pilot.app.screen.query_one("#place", Input).value == "Abu Dhabi"
        assert "Delegations meet again" in shown and "Abu Dhabi" in shown  # still on screen, as typed
        assert tree(store) == before
        # The disk has room again: the same form saves.
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not form_open(pilot), what="the second save")
    assert "title: Delegations meet again" in (store / "events.yaml").read_text(encoding="utf-8")



# -- one parse ---------------------------------------------------------------------------------------

async def test_one_form_save_parses_the_written_file_once_even_with_the_watchers_echo(store: Path, monkeypatch):
    from tui.core.edits import engine as edit_engine
    from tui.core.store import file_parser

    parsed: list[bytes] = []
    for module in (edit_engine, file_parser):
        real = module.read_yaml

        def spy(raw, *args, real=real, **kwargs):
            parsed.append(bytes(raw))
            return real(raw, *args, **kwargs)

        monkeypatch.setattr(module, "read_yaml", spy)
    async with started(store, live=True, size=(120, 50)) as pilot:
        await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
        parsed.clear()
        await pilot.press("3", "j")
        await open_form(pilot, "p")
        await choose(pilot, "party", "Russia")
        await choose(pilot, "stance", "insists")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not form_open(pilot), what="the save")
        # A marker saved to another file after the form's write: the watcher reports changes in
        # order and the app reads them one batch at a time, so once the marker is on screen the
        # echo of the form's write has arrived and been read.
        (store / "status.yaml").write_text(set_headline(store, "The echo has been read"), encoding="utf-8")
        await wait_until(pilot, lambda: "The echo has been read" in screen_text(pilot), what="the marker on screen")
        written = (store / "issues.yaml").read_bytes()
        assert parsed.count(written) == 1
