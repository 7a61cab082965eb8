"""A keyboard list that draws only the rows on screen, so 50,000 quotes cost what 20 do."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Self, TypeAlias

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.widgets import row_list_messages as messages
from tui.ui.widgets.bubble import bubble_now
from tui.ui.widgets.list_scroll_bar import ListScrollBar

RowRenderer = Callable[[str, int], list[Text]]
"""Given a row's key and the width, the row's lines (exactly `row_height` of them)."""


class RowList(ScrollView, can_focus=True):
    """Rows of equal height, identified by stable keys; the cursor follows its key across updates."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
    ]

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--changed", "row-list--empty", "row-list--unseen", "row-list--watched"}

    GUTTER = 2
    """Columns left of every row for the unseen-change mark (and, below it, the watched mark)."""

    DEFAULT_CSS = """
    RowList { background: transparent; overflow-x: hidden; scrollbar-gutter: stable; }
    RowList > .row-list--cursor { background: $primary 30%; }
    RowList:focus > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RowList > .row-list--changed { background: $warning 30%; }
    RowList > .row-list--empty { color: $text-muted; text-style: italic; }
    RowList > .row-list--unseen { color: $accent; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)

    # Textual lays the whole screen out again when a widget's virtual size changes (~10 ms at 120x40), and the number
    # of rows changes with every search letter and filter. The list's own size never depends on its rows (its height
    # is set by the layout, its scroll bar gutter is stable), so only the scroll bar and the scroll range follow it.
    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        if self.styles.auto_dimensions:
            self.refresh(layout=True)  # a list sized by its rows (none is, in app.tcss) needs the layout after all
        self._scroll_update(size)

    @property
    def vertical_scrollbar(self) -> ListScrollBar:
        return self._vertical_scrollbar or ListScrollBar.start_in(self)  # type: ignore[return-value]  # always one of ours

    def _arrange_scrollbars(self, region: Region) -> Iterator[tuple[Widget, Region]]:
        with ListScrollBar.laid_out(self._vertical_scrollbar):  # the bar's new window, painted by this layout's frame
            yield from super()._arrange_scrollbars(region)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Each layout hands a scroll view its viewport's size, which ScrollView took for a change of its rows (~12 ms a save at 50k).
        with ListScrollBar.laid_out(self._vertical_scrollbar):
            if resized := super()._size_updated(size, self.virtual_size, container_size, layout):
                # The scroll range for the new height, set in this layout: set by the Resize after it, it painted the list twice.
                if (virtual := Size(0, self._virtual_height())) != self.virtual_size:
                    self.set_reactive(RowList.virtual_size, virtual)
                    self._scroll_update(virtual)
        if resized and self._shown is not None:
            self._report_shown(at_once=True)  # the rows counted at the height this frame paints
        return resized

    Highlighted: TypeAlias = messages.Highlighted
    Opened: TypeAlias = messages.Opened
    Shown: TypeAlias = messages.Shown

    def __init__(self, row_height: int = 1, empty: str = "nothing here", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.row_height = row_height
        self.empty = empty
        self._keys: list[str] = []
        self._render_row: RowRenderer = lambda key, width: [Text(key)]
        self._cache: dict[tuple[str, int], list[Strip]] = {}
        self._flash: frozenset[str] = frozenset()
        self._marked: frozenset[str] = frozenset()
        self._watched: frozenset[str] = frozenset()
        self._shown: tuple[int, int, int, int] | None = None
        self._new_above = 0  # rows that arrived above the view while it was scrolled down: said, never scrolled into
        self._style: Style | None = None

    @property
    def shown_now(self) -> tuple[int, int, int, int] | None:
        """What the list last said of its rows: first, last, total, new above."""
        return self._shown

    @property
    def keys(self) -> Sequence[str]:
        return self._keys

    @property
    def current(self) -> str | None:
        return self._keys[self.cursor] if 0 <= self.cursor < len(self._keys) else None

    def set_rows(self, keys: Sequence[str], render: RowRenderer, changed: Collection[str] | None = (), news: bool = True) -> None:
        """Replace the rows; the cursor stays on its key if that key is still there.

        `changed` lists keys whose content is new, so their cached drawing is dropped;
        None drops every row's (the rendering itself changed). Unless `news`, rows that come in above (a filter taken off) are not new.
        """
        current = self.current
        before = self.cursor
        keys = list(keys)
        same_rows = keys == self._keys  # a C loop over pointers: a save seldom changes which rows there are
        top_row = -(-round(self.scroll_offset.y) // self.row_height)
        # Scrolled down, a reader keeps reading the same rows when news arrives above them.
        kept_top = self._keys[top_row] if not same_rows and 0 < top_row < len(self._keys) else None
        old_keys = self._keys
        if not same_rows:
            self._keys = keys
        self._render_row = render
        dropped: Collection[str] = ()
        # The cache holds only rows that were on screen: walk it once, not once per changed key.
        if changed is None:
            self._cache.clear()
        elif changed:
            dropped = changed if isinstance(changed, (set, frozenset)) else set(changed)
            for cached in [c for c in self._cache if c[0] in dropped]:
                del self._cache[cached]
        if len(self._cache) > 4 * len(self._keys) + 200:
            self._cache.clear()
        self.virtual_size = Size(0, self._virtual_height())
        # Checked again after the frame: a shorter list may yet be scrolled back by Textual.
        self.call_after_refresh(self._report_shown)
        if kept_top is not None and (at := self._find(kept_top, top_row)) is not None:
            if at != top_row:
                known = set(old_keys)
                self._new_above += sum(1 for key in keys[:at] if key not in known) if news else 0
                self.scroll_to(y=at * self.row_height, animate=False, force=True, immediate=True)
        found = self._find(current, before) if current is not None else None
        if found is not None:
            self._move(found, announce=False)
        else:
            self._move(min(self.cursor, max(len(self._keys) - 1, 0)), announce=True)
        if same_rows and changed is not None:
            # Only the rows on screen whose content changed are painted again, not the whole list.
            self._refresh_keys(dropped)
        else:
            self.refresh()
        self._report_shown(at_once=True)

    def _virtual_height(self) -> int:
        """The rows' lines, and the part of a row the view has room for below the last: scrolled to the end, the first row is whole."""
        return len(self._keys) * self.row_height + self.scrollable_content_region.height % self.row_height

    def _refresh_keys(self, keys: Collection[str]) -> None:
        """Paint again the rows on screen whose key is in `keys`."""
        if not keys:
            return
        first = self.scroll_offset.y // self.row_height
        for row in range(first, min(first + self.size.height // self.row_height + 2, len(self._keys))):
            if self._keys[row] in keys:
                self._refresh_row(row)

    def _refresh_row(self, row: int) -> None:
        """Paint one row again (its lines only: the rest of the list stays as drawn)."""
        if 0 <= row < len(self._keys):
            self.refresh_lines(row * self.row_height, self.row_height)

    def _find(self, key: str, near: int) -> int | None:
        """Where `key` is among the rows, looking first where it was (`near`): a save seldom moves it.

        No index by key is kept: building one costs a Python step a row on every change of
        rows (50,000 for an unfiltered store), where `list.index` walks the keys in C.
        """
        keys = self._keys
        if 0 <= near < len(keys) and keys[near] == key:
            return near
        try:
            return keys.index(key)
        except ValueError:
            return None

    def _report_shown(self, at_once: bool = False) -> None:
        """Tell the pane which rows are whole on screen, so it can say how many are not.

        `at_once` tells it before this frame is painted: posted, the border's new "X–Y of N"
        painted the whole pane again a frame later (`pgdn` and `G` settled at 30–40 ms, not 10).
        Without a height yet it waits for the frame; a layout that resizes it reports again."""
        if at_once and not self.size.height:
            self.call_after_refresh(self._report_shown)
            return
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        total = len(self._keys)
        first = -(-top // self.row_height)  # the first row that starts on screen
        last = min((top + height) // self.row_height, total)  # rows that end on screen
        if top == 0:
            self._new_above = 0  # at the top, what arrived is in view
        shown = (min(first + 1, total), last, total, self._new_above)
        if shown != self._shown:
            self._shown = shown
            message = self.Shown(self, *shown)
            if at_once:
                bubble_now(self, message)
            else:
                self.post_message(message)

    def report_shown_again(self) -> None:
        """Report which rows are shown even if that has not changed (what the pane says of them has)."""
        self._shown = None
        self._report_shown(at_once=True)
        self.call_after_refresh(self._report_shown)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report_shown(at_once=True)

    def redraw(self) -> None:
        """Forget every drawn row: the renderer's output changed for all of them."""
        self._cache.clear()
        self.refresh()

    def flash(self, keys: frozenset[str]) -> None:
        """Mark rows as just changed (drawn highlighted until the next call)."""
        if keys != self._flash:
            self._flash, before = keys, self._flash
            self._refresh_keys(keys ^ before)

    def mark(self, keys: frozenset[str]) -> None:
        """Mark rows whose item has changes the user hasn't seen (a ● in the gutter)."""
        if keys != self._marked:
            self._marked, before = keys, self._marked
            self._refresh_keys(keys ^ before)

    def mark_watched(self, keys: frozenset[str]) -> None:
        """Mark rows whose item the user watches (a ⚑ in the gutter, under the unseen mark)."""
        if keys != self._watched:
            self._watched, before = keys, self._watched
            self._refresh_keys(keys ^ before)

    def select_key(self, key: str) -> None:
        found = self._find(key, self.cursor)
        if found is not None:
            self._move(found, announce=True)

    def _move(self, index: int, announce: bool, key: bool = False) -> None:
        before, row_before, scrolled = self.current, self.cursor, self.scroll_offset.y
        self.cursor = max(0, min(index, len(self._keys) - 1)) if self._keys else 0
        # Scrolled by whole rows, never to half of one: the first row on screen is whole.
        height = self.scrollable_content_region.height
        visible = max(height // self.row_height, 1)
        first = -(-round(scrolled) // self.row_height)
        if self.cursor < first:
            first = self.cursor
        elif self.cursor >= first + visible:
            first = self.cursor - visible + 1
        if height and first * self.row_height != scrolled:
            self.scroll_to(y=first * self.row_height, animate=False, force=True, immediate=True)
        if self.scroll_offset.y == scrolled:
            # The list did not scroll: only the row the cursor left and the one it reached change.
            self._refresh_row(row_before)
            self._refresh_row(self.cursor)
        else:
            self.refresh()
        if announce or self.current != before:
            if key:  # what follows the cursor (the quotes a party filters) is then drawn in the key's frame
                bubble_now(self, self.Highlighted(self, self.current))
            else:
                self.post_message(self.Highlighted(self, self.current))

    # Rows are cut to the visible width, so nothing scrolls sideways: a virtual width of 0
    # keeps a vertical scroll bar from bringing a horizontal one (and hiding the last row).
    @property
    def row_width(self) -> int:
        """The width rows are drawn at: the pane less its vertical scroll bar, if it shows one."""
        return self.scrollable_content_region.width

    def on_focus(self) -> None:
        self.refresh()  # the cursor row's colours follow focus
    on_blur = on_focus

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()  # rows drawn at the old width (the scroll range was set by the layout: _size_updated)
        self.call_after_refresh(self._report_shown)

    def render_line(self, y: int) -> Strip:
        width = self.row_width
        line_no = self.scroll_offset.y + y
        row, offset = divmod(line_no, self.row_height)
        if not self._keys:
            if line_no == 0:
                style = self.get_component_rich_style("row-list--empty")
                return Strip([Segment(self.empty, style)]).crop_extend(0, width, None).apply_style(self._own_style())
            return Strip.blank(width, self._own_style())
        if row >= len(self._keys):
            return Strip.blank(width, self._own_style())
        key = self._keys[row]
        inner = max(width - self.GUTTER, 1)
        strips = self._cache.get((key, inner))
        if strips is None:
            strips = [self._to_strip(text, inner) for text in self._render_row(key, inner)[: self.row_height]]
            strips += [Strip.blank(inner, self._own_style())] * (self.row_height - len(strips))
            self._cache[(key, inner)] = strips
        if offset == 0 and key in self._marked:
            gutter = Strip([Segment("● ", self.get_component_rich_style("row-list--unseen"))])
        elif key in self._watched and offset == min(1, self.row_height - 1):
            gutter = Strip([Segment("⚑ ", self.get_component_rich_style("row-list--watched"))])
        else:
            gutter = Strip.blank(self.GUTTER)
        strip = Strip.join([gutter.apply_style(self._own_style()), strips[offset]])
        overlay: Style | None = None
        if row == self.cursor:
            cursor = self.get_component_rich_style("row-list--cursor")
            # Focused, the cursor is a solid block in the theme's cursor colours; unfocused, a
            # band that keeps each word's own colour (stances stay readable).
            overlay = cursor if self.has_focus else Style(bgcolor=cursor.bgcolor)
        elif key in self._flash:
            overlay = Style(bgcolor=self.get_component_rich_style("row-list--changed").bgcolor)
        if overlay is None:
            return strip
        # On top of each cell's own style: applied beneath, a row's own background would hide it.
        return Strip(Segment.apply_style(iter(strip), post_style=overlay), strip.cell_length)

    def _own_style(self) -> Style:
        """The list's own style (its ancestors' background and colour), worked out once a repaint.

        Textual's `rich_style` walks every ancestor's styles on each call, and a row's lines
        asked for it three times each: a few milliseconds a frame of the whole list.
        """
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        self._style = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._style = None
        super().notify_style_update()

    def _to_strip(self, text: Text, width: int) -> Strip:
        text = text.copy()
        text.truncate(width, overflow="ellipsis")
        segments = list(text.render(self.app.console))
        return Strip(segments).crop_extend(0, width, None).apply_style(self._own_style())

    def on_click(self, event: events.Click) -> None:
        row = (self.scroll_offset.y + event.y) // self.row_height
        if 0 <= row < len(self._keys):
            self._move(row, announce=True, key=True)
            if event.chain == 2 and self.current:
                self.post_message(self.Opened(self, self.current))

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1, announce=False, key=True)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1, announce=False, key=True)

    def action_page_up(self) -> None:
        self._move(self.cursor - max(self.size.height // self.row_height, 1), announce=False, key=True)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(self.size.height // self.row_height, 1), announce=False, key=True)

    def action_first(self) -> None:
        self._move(0, announce=False, key=True)

    def action_last(self) -> None:
        self._move(len(self._keys) - 1, announce=False, key=True)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self, self.current))
