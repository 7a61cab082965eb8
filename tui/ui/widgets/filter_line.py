"""The line above the quotes that names what they are filtered by."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import Static


class FilterLine(Static):
    """One line, its height and width set by the stylesheet (app.tcss), never by its text."""

    # Shown, the line is given its size by a layout, and Textual takes the new virtual size for a
    # reason to lay the whole screen out again and paint the line anew: a second frame with nothing
    # new in it, after the one that drew the filtered quotes (`f` and the first party filter
    # settled at ~47 ms, not 16). The layout that sized the line paints it already.
    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False, repaint=False)
