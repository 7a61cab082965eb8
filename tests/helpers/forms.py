"""Filling the dashboard's forms by keyboard, as a user does: shared by the form tests."""

from __future__ import annotations

from textual.widgets import Input, Select

from tests.helpers.pilot import wait_until
from tests.helpers.textual_private import select_options
from tui.ui.forms.base import EditForm


async def choose(pilot, select_id: str, label_start: str) -> None:
    """Pick an option of a Select by keyboard: focus, open, move to the option, enter."""
    select = pilot.app.screen.query_one(f"#{select_id}", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    # The overlay lists the options in order (the blank one first) and opens on the current value.
    values = [value for _, value in select_options(select)]
    labels = [label for label, _ in select_options(select)]
    target = next(i for i, label in enumerate(labels) if label.startswith(label_start))
    current = values.index(select.value)
    for _ in range(abs(target - current)):
        await pilot.press("down" if target > current else "up")
    await pilot.press("enter")
    await pilot.pause()


async def open_form(pilot, *keys: str) -> None:
    """Press the keys that open a form (e.g. "3", "j", "p"), and check a form is open."""
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, EditForm)


async def save(pilot) -> None:
    """ctrl+s, then wait until the form has closed (written) or fail."""
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, EditForm), what="the form to save and close")


async def type_into(pilot, field_id: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{field_id}")
    widget.focus()
    if isinstance(widget, Input):
        await pilot.press("ctrl+a", "ctrl+k")
    await pilot.press(*text)
