"""Regenerate the SVG screenshots in screenshots/ from the real app on the shipped story.

Run from anywhere: `python scripts/screenshots.py`. The clock is fixed to the evening
the source article was published, so countdowns read the same on every run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from tui.ui.app import PeacewatchApp

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "screenshots"
NOW = dt.datetime(2025, 11, 25, 18, 0)

SHOTS = [
    # name, size, keys pressed after the first load, whether to break a file first
    ("main", (120, 40), [], False),
    ("main-80x24", (80, 24), [], False),
    ("issue-detail", (120, 40), ["3", "j", "enter"], False),
    ("quote-detail", (120, 40), ["4", "j", "j", "enter"], False),
    ("error-banner", (120, 40), [], True),
    ("help", (120, 40), ["question_mark"], False),
    ("timeline", (120, 40), ["T"], False),
    ("ledger", (120, 40), ["D", "j"], False),
    ("ledger-80x24", (80, 24), ["D", "j"], False),
    ("who-met-whom", (120, 40), ["M"], False),
]


def break_a_file(store: Path) -> None:
    """A typo an editor makes: an unknown role and an unknown party, both reported with their line."""
    parties = store / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("role: belligerent", "role: beligerent", 1), encoding="utf-8")


async def shoot(name: str, size: tuple[int, int], keys: list[str], broken: bool) -> Path:
    with tempfile.TemporaryDirectory() as temp:
        store = Path(temp) / "content"
        shutil.copytree(REPO / "content", store)
        app = PeacewatchApp(store, live=False, journal="off", clock=lambda: NOW, settings="off")  # the default theme, whatever yours is
        async with app.run_test(size=size) as pilot:
            await asyncio.wait_for(app.loaded.wait(), 10)
            await pilot.pause()
            if broken:
                break_a_file(store)
                app.action_reload()
                await pilot.pause(0.5)
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)
            return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, size, keys, broken in SHOTS:
        print(await shoot(name, size, keys, broken))


if __name__ == "__main__":
    asyncio.run(main())
