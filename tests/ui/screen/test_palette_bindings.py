"""The command palette is read from the bindings: a key added to a class is offered by name with no second list."""

import importlib
import pkgutil
import sys
from pathlib import Path

from textual.binding import Binding

import tui.ui
from tests.helpers.pilot import FIXED_NOW, screen_text, started, wait_until
from tui.ui.app import PeacewatchApp


class OneMoreKey(PeacewatchApp):
    """The dashboard with a key added the way a new feature would add one."""

    CSS_PATH = Path(sys.modules[PeacewatchApp.__module__].__file__).with_name(PeacewatchApp.CSS_PATH)  # a subclass's is relative to its own file
    BINDINGS = [*PeacewatchApp.BINDINGS, Binding("x", "say_hello", "Say hello", tooltip="Greets the desk", id="app.say-hello")]

    def action_say_hello(self) -> None:
        self.notify("Hello, desk", markup=False)


async def test_a_new_binding_is_offered_in_the_palette_and_runs(shipped):
    async with started(OneMoreKey(shipped, live=False, journal="off", clock=lambda: FIXED_NOW), (120, 40), notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"say hello")
        await wait_until(pilot, lambda: "Greets the desk (key x)" in screen_text(pilot), what="the new command")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Hello, desk" in screen_text(pilot), what="the action run")


def test_every_key_is_a_binding_with_an_id_and_a_description():
    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)
    owners = [cls for name, mod in sys.modules.items() if name.startswith("tui.ui.") for cls in vars(mod).values()
              if isinstance(cls, type) and cls.__module__ == name and "BINDINGS" in vars(cls)]
    assert len(owners) > 10
    bad = [(owner.__name__, binding) for owner in owners for binding in vars(owner)["BINDINGS"]
           if not isinstance(binding, Binding) or not binding.id or not binding.description]
    assert bad == []
