"""Every reach into Textual's private parts that the tests need, in one place.

Textual 8 has no public API for these; each function says why the test needs it and what it
reads, so that a Textual upgrade that moves one breaks here, once, with the reason beside it.
What Textual does offer publicly is used directly in the tests instead (`app.screen`,
`app.return_code` for whether the app was asked to exit, `app.workers`, `widget.render()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.app import App
from textual.drivers._writer_thread import WriterThread
from textual.events import Key
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.notifications import Notification
from textual.strip import Strip
from textual.widgets import Select


def screen_strips(app: App) -> list[Strip]:
    """The current screen as the terminal receives it, one strip of segments per line.

    Why: the tests read what is on screen, cell by cell with its style (the cursor's band,
    a highlight, a cut with an ellipsis). The compositor is what combines every widget and
    overlay into those lines; `export_screenshot()` gives only an SVG of them."""
    return app.screen._compositor.render_strips()


def send_key_as_terminal(app: App, key: Key) -> None:
    """Queue a key exactly as the driver does when a terminal sends one, without waiting.

    Why: `Pilot.press` waits for the app to go idle after every key, which hides what only a
    burst shows (a paste without bracketed paste, a slow SSH link): several keys queued before
    the app handles the first."""
    app._driver.send_message(key)


def key_name(character: str) -> str:
    """Textual's name for a typed character (`/` is "slash"), as the driver names it.

    Why: a burst sends keys as a terminal would, and `Pilot.press` does this naming privately."""
    return _character_to_key(character)


def unicode_name(key: str) -> str:
    """The Unicode name Textual looks a key's character up by (the inverse of `key_name`)."""
    return _get_unicode_name_from_key(key)


def select_options(select: Select) -> list[tuple[str, object]]:
    """A Select's options in the order its overlay lists them (a blank one first, if allowed), as
    (label, value).

    Why: choosing an option by keyboard means pressing down or up from the current value to
    the wanted one, so the test needs their order; Select keeps it only in `_options`."""
    return [(str(prompt), value) for prompt, value in select._options]


def queued_writes(writer: WriterThread) -> int:
    """How many writes the terminal's writer thread has been handed and not yet taken.

    Why: whether painted bytes left before the work that follows them shows only in the writer's
    queue: the terminal receives them either way, only later."""
    return writer._queue.qsize()


def notifications(app: App) -> list[Notification]:
    """Every notification the app holds (shown or about to be).

    Why: a toast wraps a long message over lines and may cut it; the tests check the whole text
    (a full path), which only the app's own list keeps."""
    return list(app._notifications)


@contextmanager
def as_active(app: App) -> Iterator[None]:
    """Make `app` the active app while the block runs.

    Why: when two apps run in one test, reading one's screen or pressing its keys from the test
    must resolve styles and messages against that app, not whichever ran last."""
    with app._context():
        yield


@contextmanager
def frames_painted(app: App) -> Iterator[list[str]]:
    """While the block runs, the screen's text as each frame Textual paints leaves it, one entry a frame.

    Why: whether a key's answer is drawn in one frame or two (the rows, then the pane's border a
    frame later) shows only in the frames themselves; a test that reads the screen once things are
    idle sees the same final text either way. Textual paints each frame through `App._display`
    (called headless too, where it writes nothing); it is wrapped to look, and still called."""
    frames: list[str] = []
    display = app._display

    def looked_at(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and screen is app.screen:
            frames.append("\n".join(strip.text for strip in screen_strips(app)))
        display(screen, renderable)

    app._display = looked_at  # type: ignore[method-assign]
    try:
        yield frames
    finally:
        app._display = display  # type: ignore[method-assign]
