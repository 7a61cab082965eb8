"""The scroll bar of a row list: Textual's, without the second frame its resizing painted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget


class ListScrollBar(ScrollBar):
    """A vertical scroll bar that a layout sizes and paints in one frame.

    A layout that resizes the list resizes its bar, and the frame that layout makes paints the bar
    at its new place from its figures then. Two things painted it again in a frame of its own,
    ~30 ms later (the filter line shown or hidden over a list long enough to scroll): Textual took
    the bar's new virtual size for a reason to lay the whole screen out again, and the list's new
    figures asked for a repaint. Within the layout, the bar is only marked for that frame.
    """

    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False, repaint=False)
    _in_layout = False

    @classmethod
    @contextmanager
    def laid_out(cls, bar: ScrollBar | None) -> Iterator[None]:
        """While a layout sizes the list that has `bar` (None: it has none yet)."""
        if not isinstance(bar, cls):
            yield
            return
        bar._in_layout = True
        try:
            yield
        finally:
            bar._in_layout = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if self._in_layout and not layout and not recompose:
            self._set_dirty(*regions)  # painted by the frame of the layout under way
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @classmethod
    def start_in(cls, widget: Widget) -> ListScrollBar:
        """Make `widget`'s vertical bar one of these, as Textual's `Widget.vertical_scrollbar` makes its own."""
        widget._vertical_scrollbar = bar = cls(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget.app._start_widget(widget, bar)
        return bar
