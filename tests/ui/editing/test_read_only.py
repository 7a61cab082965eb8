"""`peacewatch --read-only`: the story is shown, nothing is written and no editor opens, whichever key asks.

The refusal is at the app's doors (open_form, submit, edit_file, edit_item), so the keys below that the
dashboard does not have, standing in for keys added later, are refused as well as today's.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from textual.binding import Binding

from tests.helpers.forms import choose, type_into
from tests.helpers.pilot import FIXED_NOW, overlay_text, screen_text, started, wait_until
from tui.ui.app import PeacewatchApp
from tui.ui.forms.base import EditForm
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.widgets.row_list import RowList

EDITOR = f"""#!{sys.executable}
# A stand-in editor: if it is ever started, it leaves a trace and changes the file.
import sys
from pathlib import Path
Path(sys.argv[0]).with_name("editor-ran").write_text(" ".join(sys.argv[1:]))
path = Path(sys.argv[-1])
path.write_text(path.read_text(encoding="utf-8") + "# edited\\n", encoding="utf-8")
"""


class LaterKeys(PeacewatchApp):
    """The dashboard with keys written without a thought for read-only mode, as a new form key might be."""

    CSS_PATH = Path(sys.modules[PeacewatchApp.__module__].__file__).with_name(PeacewatchApp.CSS_PATH)  # a subclass's is relative to its own file
    BINDINGS = [
        Binding("x", "new_form", "New form", tooltip="Opens a form through the app"),
        Binding("X", "pushed_form", "Pushed form", tooltip="Pushes a form itself, past open_form"),
        Binding("w", "open_editor", "Editor", tooltip="Opens a file in the editor"),
    ]

    def action_new_form(self) -> None:
        self.open_form("event")

    async def action_pushed_form(self) -> None:
        from tui.ui.forms import FORMS

        self.push_screen(FORMS["event"](self.state.snapshot, await self.digests_after_reload()))

    def action_open_editor(self) -> None:
        self.editor.edit_file("parties.yaml", 1)


def app_on(store: Path, read_only: bool = True, cls: type[PeacewatchApp] = PeacewatchApp) -> PeacewatchApp:
    return cls(store, live=False, journal="off", read_only=read_only, clock=lambda: FIXED_NOW)


def files(store: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(store.rglob("*")) if path.is_file()}


def stand_in_editor(tmp_path: Path, monkeypatch) -> Path:
    script = tmp_path / "editor"
    script.write_text(EDITOR, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return tmp_path / "editor-ran"


async def test_each_form_key_says_read_only_and_opens_nothing(store):
    before = files(store)
    async with started(app_on(store), notifications=True) as pilot:
        assert "when the deal to end this war is final" in screen_text(pilot)  # the story is shown
        assert "read-only · not watching" in screen_text(pilot).splitlines()[0]  # said in the title bar
        for keys in (("a",), ("t",), ("S",), ("3", "p")):
            pilot.app.clear_notifications()
            await pilot.press(*keys)
            await wait_until(pilot, lambda: "read-only: adding to or changing" in screen_text(pilot), what=f"the refusal of {keys}")
            assert isinstance(pilot.app.screen, DashboardScreen), keys
    assert files(store) == before


async def test_without_read_only_the_same_key_opens_the_form(store):
    async with started(app_on(store, read_only=False), notifications=True) as pilot:
        assert "read-only" not in screen_text(pilot).splitlines()[0]
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, EditForm), what="the quote form")
        assert "read-only" not in screen_text(pilot)


async def test_e_opens_no_editor_in_a_list_a_full_item_or_the_problems(store, tmp_path, monkeypatch):
    ran = stand_in_editor(tmp_path, monkeypatch)
    store.joinpath("events.yaml").write_text("events: [\n", encoding="utf-8")  # a problem to open
    before = files(store)
    async with started(app_on(store), notifications=True) as pilot:
        refusal = "read-only: opening a file"
        pilot.app.screen.query_one("#parties RowList", RowList).focus()
        await pilot.press("e")
        await wait_until(pilot, lambda: refusal in screen_text(pilot), what="the refusal in the parties pane")
        pilot.app.clear_notifications()
        await pilot.press("4", "enter")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, DashboardScreen), what="the quote's detail")
        await pilot.press("e")
        await wait_until(pilot, lambda: refusal in screen_text(pilot), what="the refusal in a full item")
        await pilot.press("escape")
        pilot.app.clear_notifications()
        await pilot.press("exclamation_mark")
        await wait_until(pilot, lambda: "events.yaml" in screen_text(pilot), what="the problems list")
        assert "read-only: fix each in the file itself" in screen_text(pilot) and "open the file there" not in screen_text(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: refusal in screen_text(pilot), what="the refusal in the problems list")
        pilot.app.clear_notifications()
        await pilot.press("e")
        await wait_until(pilot, lambda: refusal in screen_text(pilot), what="the refusal of e in the problems list")
    assert not ran.exists()
    assert files(store) == before


async def test_keys_added_later_are_stopped_at_the_doors(store, tmp_path, monkeypatch):
    ran = stand_in_editor(tmp_path, monkeypatch)
    before = files(store)
    async with started(app_on(store, cls=LaterKeys), size=(120, 50), notifications=True) as pilot:
        await pilot.press("x")
        await wait_until(pilot, lambda: "read-only: adding to or changing" in screen_text(pilot), what="open_form's refusal")
        assert isinstance(pilot.app.screen, DashboardScreen)
        await pilot.press("w")
        await wait_until(pilot, lambda: "read-only: opening a file" in screen_text(pilot), what="edit_file's refusal")
        # A form that got on screen some other way is still written by nobody: submit says so in the form.
        await pilot.press("X")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, EditForm), what="the pushed form")
        await type_into(pilot, "title", "Delegations meet again in Abu Dhabi")
        await choose(pilot, "source", "Meduza")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Not written: read-only: writing to the content files" in screen_text(pilot), what="submit's refusal")
        assert isinstance(pilot.app.screen, EditForm)  # what was typed is kept
    assert not ran.exists()
    assert files(store) == before


async def test_edit_keys_are_left_out_of_the_footer_help_and_palette(store):
    async def shown(read_only: bool) -> tuple[str, str, str]:
        async with started(app_on(store, read_only=read_only), notifications=True) as pilot:
            await pilot.press("2")
            footer = screen_text(pilot).splitlines()[-1]
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: "Show every key" in overlay_text(pilot), what="help")
            help_text = overlay_text(pilot)
            await pilot.press("escape", "ctrl+p")
            await pilot.pause()
            await pilot.press(*"add a")
            # The palette has searched: it lists what matched, or says nothing did.
            await wait_until(pilot, lambda: "No matches found" in screen_text(pilot) or "Add a quote" in screen_text(pilot), what="the palette's search")
            return footer, help_text, screen_text(pilot)

    footer, help_text, palette = await shown(read_only=True)
    assert "Edit" not in footer and "Filter quotes" in footer
    for hidden in ("Add a quote", "Add an event to the timeline", "Move the deal", "Set a party's position", "in $EDITOR"):
        assert hidden not in help_text, hidden
    assert "Jump to the quotes pane" in help_text and "Mark every change seen" in help_text
    assert "Add a quote" not in palette
    # The same screens with read-only off show them all: the checks above can fail.
    footer, help_text, palette = await shown(read_only=False)
    assert "Edit" in footer
    assert "Add a quote" in help_text and "in $EDITOR" in help_text
    assert "Add a quote" in palette
