"""Helpers for driving the real app headlessly: start it on a folder, read the screen, wait for it."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from rich.style import Style
from textual.pilot import Pilot

from tests.helpers.textual_private import key_name, screen_strips, send_key_as_terminal, unicode_name
from tui.ui.app import PeacewatchApp

FIXED_NOW = dt.datetime(2025, 11, 25, 18, 0)
"""The evening the article was published: countdowns and ages read the same on every run."""


def make_app(
    root: Path, live: bool = False, poll: float | None = None, journal: Path | str = "off", now: dt.datetime = FIXED_NOW,
    **options: object,
) -> PeacewatchApp:
    """The app on `root` with a fixed clock; no journal unless a path is given (never the user's).
    `options` are the app's others (follow_git, commit, push…), as the command line would pass them."""
    return PeacewatchApp(root, live=live, poll=poll, journal=journal, clock=lambda: now, **options)  # type: ignore[arg-type]


@asynccontextmanager
async def started(
    content: Path | PeacewatchApp, size: tuple[int, int] = (120, 40), *, notifications: bool = False, **options: object,
) -> AsyncIterator[Pilot]:
    """The app running headless at `size`, its first load on screen; yields the pilot (the app is `pilot.app`).

    `content` is a content folder, and `options` are `make_app`'s (live, poll, journal, now, and the
    app's own: follow_git, commit, read_only…); or it is an app already made (a subclass, one whose
    attributes a test set first), and then there are no options. `notifications` shows toasts,
    which `run_test` hides by default."""
    if isinstance(content, PeacewatchApp):
        if options:
            raise TypeError(f"started() takes no app options with an app already made: {sorted(options)}")
        app = content
    else:
        app = make_app(content, **options)  # type: ignore[arg-type]
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await wait_loaded(pilot)
        yield pilot


def screen_text(pilot: Pilot) -> str:
    """Everything on the current screen, as plain text lines."""
    return "\n".join(strip.text for strip in screen_strips(pilot.app))


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    """Let the app run until `condition()` holds; fail with `what` after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.02)


async def wait_loaded(pilot: Pilot) -> None:
    """Wait for the first load to be on screen (`started` does it; for an app run by other means)."""
    await asyncio.wait_for(pilot.app.loaded.wait(), 10)
    await pilot.pause()


def screen_cells(pilot: Pilot) -> list[list[tuple[str, Style | None]]]:
    """The current screen as the terminal receives it: each line, each cell's character and style."""
    lines = []
    for strip in screen_strips(pilot.app):
        cells: list[tuple[str, Style | None]] = []
        for segment in strip:
            if segment.control:
                continue
            for char in segment.text:
                cells.append((char, segment.style))
        lines.append(cells)
    return lines


def style_of(pilot: Pilot, text: str, occurrence: int = 0) -> Style:
    """The style of the first cell of the `occurrence`-th place `text` is shown on screen."""
    found = 0
    for cells in screen_cells(pilot):
        line = "".join(char for char, _ in cells)
        start = line.find(text)
        while start != -1:
            if found == occurrence:
                return cells[start][1] or Style()
            found += 1
            start = line.find(text, start + 1)
    raise AssertionError(f"{text!r} is not on screen")


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send keys the way a paste without bracketed paste or a slow SSH link does: every key
    queued before the app handles the first, with no pause between them (Pilot's `press`
    waits for the app to go idle after each key, which hides bugs that only bursts show)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS

    app = pilot.app
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = key_name(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(unicode_name(original))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        send_key_as_terminal(app, event)
    await pilot.pause()
    await pilot.pause()


def overlay_text(pilot: Pilot) -> str:
    """All of an overlay's text, wrapped at the width it is shown at, as scrolling through it
    shows it (the screen itself shows only what fits)."""
    import io

    from rich.console import Console

    static = pilot.app.screen.query_one("#detail-text")
    content = static.content
    if isinstance(content, str):
        return content
    console = Console(width=max(static.size.width, 20), file=io.StringIO(), color_system=None, legacy_windows=False)
    with console.capture() as captured:
        console.print(content)
    return captured.get()


def region_text(pilot: Pilot, selector: str) -> str:
    """The text on screen inside one widget's region (an overlay over the dashboard, say)."""
    region = pilot.app.screen.query_one(selector).region
    lines = screen_text(pilot).splitlines()[region.y : region.y + region.height]
    return "\n".join(line[region.x : region.x + region.width] for line in lines)
