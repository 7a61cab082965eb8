"""The line above the quotes that names what they are filtered by."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import Static


class FilterLine(Static):
    """One line, its height and width set by the stylesheet (app.tcss), never by its text.

    What the filter is (a long search, say) is cut to the line with an ellipsis; the label before
    it and the hint after it (how to clear it) always show whole."""

    # Shown, the line is given its size by a layout, and Textual takes the new virtual size for a
    # reason to lay the whole screen out again and paint the line anew: a second frame with nothing
    # new in it, after the one that drew the filtered quotes (`f` and the first party filter
    # settled at ~47 ms, not 16). The layout that sized the line paints it already.
    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False, repaint=False)

    _parts: tuple[Text, Text, Text] = (Text(), Text(), Text())

    def show(self, label: Text, what: Text, hint: Text) -> None:
        """Name the filter: `label`, then `what` (cut to fit), then `hint`. Repaints the line only."""
        if (label, what, hint) != self._parts:
            self._parts = (label, what, hint)
            self.refresh()

    def render(self) -> Text:
        label, what, hint = self._parts
        room = self.content_size.width - label.cell_len - hint.cell_len
        if what.cell_len > room:
            what = what.copy()
            what.truncate(max(room, 1), overflow="ellipsis")
        return Text.assemble(label, what, hint, no_wrap=True, overflow="ellipsis", end="")
