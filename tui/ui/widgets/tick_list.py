"""A SelectionList whose boxes say ticked or not in a character, not by colour alone."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED = "✓"
UNTICKED = " "


class TickList(SelectionList[str]):
    """Textual draws every box with the same "X", ticked ones in another colour: on a monochrome
    terminal, in some themes, or to a reader who does not see the colours, all look alike. Here a
    ticked box holds ✓ and an unticked one is empty; the colours stay as the theme gives them."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        # The box is the first three segments (left side, inner, right side) when the line is an option's.
        if len(segments) < 3 or segments[1].text != Checkbox.BUTTON_INNER or segments[0].text != Checkbox.BUTTON_LEFT:
            return line
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        ticked = self.get_option_at_index(index).value in self.selected
        inner = segments[1]
        segments[1] = Segment(TICKED if ticked else UNTICKED, inner.style, inner.control)
        return Strip(segments, line.cell_length)
