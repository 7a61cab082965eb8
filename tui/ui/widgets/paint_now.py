"""Painted bytes on their way to the terminal before the work that follows them: one widget painted
at once, out of Textual's frames, or a frame just painted."""

from __future__ import annotations

import time

from textual.app import App
from textual.drivers._writer_thread import WriterThread
from textual.widget import Widget

WRITER_WAIT = 0.002
"""The longest the caller waits for the terminal's writer to take the painted bytes (seconds)."""


def paint_now(widget: Widget) -> None:
    """Paint `widget` alone, now, and let Textual's writer thread take the bytes before returning.

    Only when nothing else asks to be drawn first: a layout pending (the widget may move), a batch
    of updates under way, or another screen on top. Widgets waiting for the next frame still wait
    for it. Reaches the screen's private compositor and the driver's writer thread (Textual is
    pinned in pyproject.toml): Textual has no public way to paint one widget out of its frames."""
    screen, app = widget.screen, widget.app
    if screen is not app.screen or screen._layout_required or app._batch_count:
        return
    waiting = set(screen._dirty_widgets)  # painted by the next frame, as they would have been
    screen._compositor.update_widgets({widget})
    screen._compositor_refresh()
    screen._dirty_widgets.update(waiting)
    let_terminal_take(app)


def let_terminal_take(app: App) -> None:
    """Wait until the terminal's writer thread has taken the frames `app` handed it (at most
    `WRITER_WAIT`): before a search, or a thread's count, holds the interpreter. Nothing to wait
    for without that thread (headless, or the served page, which writes as it goes)."""
    writer = getattr(app._driver, "_writer_thread", None)
    if writer is not None:
        let_writer_take(writer)


def let_writer_take(writer: WriterThread, wait: float = WRITER_WAIT) -> None:
    """Give up the interpreter until Textual's writer thread has taken every write it was handed.

    The writer needs the interpreter to send the bytes it is handed. Whatever comes next (a
    search, a thread counting the rest of one) would hold the interpreter for Python's switch
    interval, 5 ms, before the writer got a turn: the painted bytes would wait for that work. A sleep gives
    the interpreter up; the writer sends the bytes, then gives it back as it writes them out."""
    end = time.perf_counter() + wait
    queue = writer._queue
    while queue.qsize() and time.perf_counter() < end:
        time.sleep(0.00005)
