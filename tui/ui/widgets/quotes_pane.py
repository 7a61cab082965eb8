"""The quotes, newest first: speaker, party, date, medium and who reported them; filterable and searchable."""

from __future__ import annotations

import threading
from operator import attrgetter
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import get_current_worker

from tui.core.desk.state import DeskState
from tui.core.model.snapshot import Snapshot
from tui.ui import quote_render, render
from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.quote_filter import Cancelled, QuoteColumns, QuoteFilter, SearchIndex, renamed_parties
from tui.ui.widgets.filter_line import FilterLine
from tui.ui.widgets.paint_now import let_terminal_take
from tui.ui.widgets.pane import Pane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from tui.core.desk import Verification
    from tui.core.model.items import Quote

INLINE_SEARCH = 1000
"""Up to this many quotes a search is done at once: a few milliseconds, less than a thread's hop."""
FIRST_ROWS = 1000, 40
"""A search over more quotes first looks through this many from the top and shows what it finds
while a worker looks through the rest: at once when the search index is built, else from the
worker, if it finds at least this many rows there (more than a screen holds)."""


class QuotesPane(Pane):
    """Enter opens a quote with its whole attribution and source; / searches text and speakers."""

    BORDER_TITLE = "4 Quotes"
    SECTION, NOUN = "quotes", "quote"
    BELOW_TOP = True

    quote_filter: reactive[QuoteFilter] = reactive(QuoteFilter, init=False, repaint=False)
    """Which quotes to show; set by the screen."""

    COMPONENT_CLASSES = {"quotes-pane--match"}
    DEFAULT_CSS = """
    QuotesPane > .quotes-pane--match { text-style: bold reverse; }
    """

    BINDINGS = [
        Binding("n", "next_match", "Next match", show=False, tooltip="The next quote the search finds", id="quotes.next-match"),
        Binding("N", "next_match(-1)", "Previous match", show=False, tooltip="The previous quote the search finds", id="quotes.previous-match"),
        Binding("y", "copy_attribution", "Copy attribution", show=False,
                tooltip="Copy the quote under the cursor as one attribution line, with its source", id="quotes.copy-attribution"),
        Binding("o", "open_source", "Open source", show=False,
                tooltip="Open the address of the quote's source in the browser, if one is known", id="quotes.open-source"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._by_id: dict[str, Quote] = {}
        """Each quote of the snapshot shown by its id, kept from snapshot to snapshot (see `_follow`)."""

    def compose(self) -> ComposeResult:
        yield FilterLine(id="filter-bar")
        hint = "search quotes: words, speaker, party, reported by  (enter: to the list · esc: clear · n N: next, previous)"
        yield SearchBox(placeholder=hint, id="quote-search")
        yield RowList(row_height=2, empty="no quotes match", id="quotes-list")

    def on_mount(self) -> None:
        self.query_one("#quote-search").display = False
        self.query_one("#filter-bar").display = False

    def open_search(self) -> None:
        search = self.query_one(SearchBox)
        search.display = True
        self._show_filter_line(self.snapshot, self.quote_filter)
        if self.screen.focused is not search:
            search.return_to = self.screen.focused
        # At once, not on the next turn of the loop, so keys right behind '/' are typed in it.
        self.screen.set_focus(search)
        snapshot = self.snapshot
        if len(self._columns.ids) > INLINE_SEARCH and not SearchIndex.ready(snapshot):
            # Fold the quotes while the first letter is being typed, not after it: the index of a
            # large store takes a second to build, its update after a save a few milliseconds.
            # A search asked for meanwhile waits for it (the index's lock) rather than start again.
            self.run_worker(
                lambda: SearchIndex.for_snapshot(snapshot), thread=True, group="search-index", exit_on_error=False,
                name="Preparing the search",
            )

    def clear_search(self) -> None:
        """Empty the search box; if it had the focus, give it back to where it was."""
        search = self.query_one(SearchBox)
        search.display = False  # first: the emptied box's filter line then goes with it
        search.value = ""
        self._show_filter_line(self.snapshot, self.quote_filter)
        if self.screen.focused is search:
            back = search.return_to if search.return_to is not None and search.return_to.is_attached else self.query_one(RowList)
            self.screen.set_focus(back)
        search.return_to = None

    def on_search_box_left(self, message: SearchBox.Left) -> None:
        self._show_filter_line(self.snapshot, self.quote_filter)  # enter on an empty box closed it
        if not message.cleared and self.screen.focused in (None, self.query_one(SearchBox)):
            self.screen.set_focus(self.query_one(RowList))

    def action_next_match(self, step: int = 1) -> None:
        rows = self.query_one(RowList)
        if not self.quote_filter.text.strip():
            self.notify("No search: press / and type what to find.", markup=False, timeout=3)
            return
        if rows.keys:
            rows.select_key(rows.keys[(rows.cursor + step) % len(rows.keys)])

    def action_copy_attribution(self) -> None:
        key = self.query_one(RowList).current
        if key is None:
            self.notify("No quote under the cursor to copy.", markup=False, timeout=3)
            return
        app_of(self).briefs.copy_attribution(key)

    def action_open_source(self) -> None:
        key = self.query_one(RowList).current
        if key is None:
            self.notify("No quote under the cursor.", markup=False, timeout=3)
            return
        app_of(self).briefs.open_source("quote", key)

    def _follow(self, quotes: tuple[Quote, ...]) -> list[str] | None:
        """Bring the pane's columns and quotes by id to `quotes`: the ids of the quotes that came
        in changed (their rows draw differently), or None if no quote came or went.

        Only the run of quotes that changed since the last snapshot is walked (see
        QuoteColumns.follow): a save of one day's file costs its quotes, not the store's.
        """
        self._columns, new, gone = self._columns.follow(quotes)
        if not new and not gone:
            return None
        by_id = self._by_id
        ids = list(map(attrgetter("id"), new))
        if gone:
            # The saved file's quotes are all new objects: only those that differ from the one
            # they replace draw differently (a few equal models compared, not the store).
            before = {quote.id: quote for quote in gone}
            changed = [quote.id for quote in new if (was := before.get(quote.id)) is None or was != quote]
            for quote in gone:
                by_id.pop(quote.id, None)
        else:
            changed = ids  # the first snapshot, or quotes added where none went
        by_id.update(zip(ids, new, strict=True))
        return changed

    def _draw(self, changed: list[str] | None) -> None:
        """Show the quotes the filter lets through; `changed` None redraws every row.

        A search over more than INLINE_SEARCH quotes runs in a thread, the newest keystroke
        cancelling the one before, so typing never waits for it; the rows on screen stay as
        they were until the newest result replaces them (an older one is dropped).
        """
        self._generation += 1
        snapshot, quote_filter = self.snapshot, self.quote_filter
        followed = self._follow(snapshot.quotes)  # nothing to do when show_snapshot just did it
        if changed is None or self._stale is None:
            self._stale = None
        else:
            self._stale.update(changed, followed or ())
        columns = self._columns
        if quote_filter.searches and len(columns.ids) > INLINE_SEARCH:
            top: threading.Event | None = None
            if SearchIndex.ready(snapshot):
                # With the index built, the top of the result is a millisecond's scan: drawn in
                # the first frame after the key (its echo is painted before it: SearchBox); the thread counts the rest once it is drawn.
                first = quote_filter.keys(snapshot, columns, upto=FIRST_ROWS[0])
                self._show(snapshot, quote_filter, first, whole=False)
                top = threading.Event()
                self.call_after_refresh(self._once_sent, top)
            self._search(snapshot, quote_filter, columns, self._generation, top)
            return
        # Unfiltered, the rows are the pane's own ids, carried from snapshot to snapshot.
        self._show(snapshot, quote_filter, quote_filter.keys(snapshot, columns) if quote_filter.active else columns.ids)

    def _search(
        self, snapshot: Snapshot, quote_filter: QuoteFilter, columns: QuoteColumns, generation: int, top_drawn: threading.Event | None,
    ) -> None:
        def search() -> None:
            worker = get_current_worker()
            cancelled = lambda: worker.is_cancelled  # noqa: E731
            top, enough = FIRST_ROWS
            try:
                if top_drawn is not None:
                    # The scan holds the interpreter for milliseconds at a time: the frame that
                    # draws the top of the result goes first.
                    top_drawn.wait(0.2)
                elif len(columns.ids) > 2 * top:
                    # The rows on screen are the first the search finds: scanning the whole store
                    # (10–25 ms at 50,000 quotes) need not delay them, only the count of the rest.
                    first = quote_filter.keys(snapshot, columns, cancelled, upto=top)
                    if len(first) >= enough and not cancelled():
                        drawn = threading.Event()
                        self.app.call_from_thread(self._searched, snapshot, quote_filter, first, generation, drawn)
                        # The scan holds the interpreter for milliseconds at a time: it waits until
                        # the first rows are drawn rather than slow down the frame that draws them.
                        drawn.wait(0.2)
                shown = quote_filter.keys(snapshot, columns, cancelled)
            except Cancelled:
                return
            if not cancelled():
                self.app.call_from_thread(self._searched, snapshot, quote_filter, shown, generation)

        self.run_worker(search, thread=True, exclusive=True, group="quote-search", exit_on_error=False, name="Searching the quotes")

    def _searched(
        self, snapshot: Snapshot, quote_filter: QuoteFilter, shown: list[str], generation: int, drawn: threading.Event | None = None,
    ) -> None:
        """Show a search's result; with `drawn`, the top of it, and `drawn` is set once it is on screen."""
        # A draw asked for after this search began supersedes it (a newer key, snapshot or filter).
        if generation == self._generation:
            self._show(snapshot, quote_filter, shown, whole=drawn is None)
        if drawn is not None:
            if generation == self._generation:
                self.call_after_refresh(self._once_sent, drawn)
            else:
                drawn.set()

    def _once_sent(self, drawn: threading.Event) -> None:
        """Set `drawn` once the frame just painted is on its way: the thread it lets go would hold
        the interpreter the terminal's writer needs to send it (10–25 ms at 50,000 quotes)."""
        let_terminal_take(self.app)
        drawn.set()

    def _show(self, snapshot: Snapshot, quote_filter: QuoteFilter, keys: list[str], whole: bool = True) -> None:
        """Make `keys` the rows; unless `whole`, they are the top of a search still looking through the rest."""
        stale, self._stale = self._stale, set()
        quotes = self._by_id
        search, mark = quote_filter.text, self.get_component_rich_style("quotes-pane--match")
        doubt, verified = self.state.in_doubt, self.state.verified
        palette = Palette.of(self.app)

        def draw(key: str, width: int) -> list[Text]:
            quote = quotes.get(key)
            # A quote a save removed while a search was under way: its row goes with the search's result.
            if quote is None:
                return []
            check = verified.of(key) if verified is not None else None
            return quote_render.quote_row(quote, snapshot, search, mark, width, key in doubt, check, palette)

        rows = self.query_one(RowList)
        # Rows of a new snapshot can be news; the same snapshot's rows come and go with the filter.
        rows.set_rows(keys, draw, stale, news=snapshot is not self._rows_of)
        self._rows_of = snapshot
        total = len(self._columns.ids)
        matching = "" if not quote_filter.active else f"{len(keys)} of {total} quotes match" if whole else f"{len(keys)}+ of {total} quotes match, searching…"
        if quote_filter.active and not _words_only(quote_filter.text):
            # A field filter, a phrase or an exclusion is not applied while typing: say so, never "12 of 12 match".
            matching = "enter: search every kind with the filters"
        if matching != self._matching:
            self._matching = matching
            rows.report_shown_again()
        self._show_filter_line(snapshot, quote_filter)

    def _show_filter_line(self, snapshot: Snapshot, quote_filter: QuoteFilter) -> None:
        """The line above the quotes names the filter. It is there as soon as the search box is:
        shown by the first letter, it laid the screen out again in that letter's frame (~8 ms)."""
        bar = self.query_one("#filter-bar", FilterLine)
        searching = self.query_one(SearchBox).display
        bar.display = quote_filter.active or searching
        # One line, always (see app.tcss): a new text needs no new layout of the screen.
        if quote_filter.active:
            bar.show(Text("Filter: ", "bold"), Text(render.v(quote_filter.describe(snapshot))), Text("  esc clears", "dim"))
        elif searching:
            bar.show(Text("Filter: ", "bold"), Text("every quote"), Text("  type to search · esc closes", "dim"))

    _rows_of: Snapshot | None = None
    """The snapshot the rows were last set from."""
    _generation = 0
    """Counts draws asked for; a search's result is shown only if none was asked for since."""
    _stale: set[str] | None = None
    """Rows whose drawing is out of date since rows were last set (None: all of them)."""
    _columns = QuoteColumns()
    """The id, party and issues of each quote of the snapshot shown, in order (its ids: the rows when nothing is filtered)."""

    def watch_state(self, old: DeskState, new: DeskState) -> None:
        super().watch_state(old, new)
        if old.verified is not new.verified:
            self._show_verified(old.verified, new.verified)

    def _show_verified(self, old: Verification | None, new: Verification | None) -> None:
        """Redraw the rows whose mark changed (all of them when marks come or go); the legend says
        what each mark on show means."""
        legend = quote_render.legend(new.checked.values() if new is not None else ())
        if new is not None and len(new.checked) < len(self._columns.ids):
            legend = "  ".join(filter(None, (legend, f"{new.of('').state.mark} not archived")))
        title = f"{self.BORDER_TITLE}  {legend}" if legend else self.BORDER_TITLE
        if title != self.border_title:
            self.border_title = title
        if old is None or new is None:
            self._draw(None)
            return
        changed = [key for key, check in new.checked.items() if old.checked.get(key) is not check]
        changed += [key for key in old.checked if key not in new.checked]
        if changed:
            self._draw(changed)

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        changed = self._follow(new.quotes)
        # A party's new name shows in every row of that party's quotes: rare, so every row is
        # drawn again then (only rows on screen are drawn at all).
        renamed = bool(renamed_parties(old, new))
        if changed is None and not renamed and self.query_one(RowList).keys:
            return
        self._draw(None if renamed else changed or [])

    def _theme_changed(self, _theme: object) -> None:
        # The search's highlight is drawn in the theme's colours: every row again, with the new ones.
        self._draw(None)

    _matching = ""

    def count_text(self, first: int, last: int, total: int) -> str:
        if not self._matching:
            return super().count_text(first, last, total)
        if total and last < first:
            return self._matching + " · z shows them"
        return self._matching + (f" · {first}–{last} ↕" if first > 1 or last < total else "")

    def watch_quote_filter(self, old: QuoteFilter, new: QuoteFilter) -> None:
        # Rows show what the search finds, so a new search redraws them all.
        self._draw(None if old.text != new.text else [])
        search = self.query_one(SearchBox)
        if not new.text and self.screen.focused is not search and search.display:
            search.display = False
            self._show_filter_line(self.snapshot, new)



def _words_only(text: str) -> bool:
    """Whether the search box holds plain words (what the pane filters as it is typed)."""
    import datetime as dt

    from tui.core.views.query import QueryError, parse

    try:
        return parse(text, dt.date.today()).plain
    except QueryError:
        return False
