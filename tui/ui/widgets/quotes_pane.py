"""The quotes, newest first: speaker, party, date, medium and who reported them; filterable and searchable."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.core.snapshot import Snapshot
from tui.ui import render
from tui.ui.quote_filter import QuoteFilter
from tui.ui.widgets.pane import Pane
from tui.ui.widgets.row_list import RowList


class QuotesPane(Pane):
    """Enter opens a quote with its whole attribution and source; / searches text and speakers."""

    BORDER_TITLE = "4 Quotes"
    KIND, OPENS = "quotes", "quote"

    quote_filter: reactive[QuoteFilter] = reactive(QuoteFilter, init=False)
    """Which quotes to show; set by the screen."""

    class SearchChanged(Message):
        """The search text was edited."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Static(id="filter-bar")
        yield Input(placeholder="search quotes by text or speaker (Enter: to list, Esc: clear)", id="quote-search")
        yield RowList(row_height=2, empty="no quotes match", id="quotes-list")

    def on_mount(self) -> None:
        self.query_one("#quote-search").display = False
        self.query_one("#filter-bar").display = False

    def open_search(self) -> None:
        search = self.query_one("#quote-search", Input)
        search.display = True
        search.focus()

    def close_search(self) -> None:
        search = self.query_one("#quote-search", Input)
        search.display = bool(search.value)
        self.query_one(RowList).focus()

    def _draw(self, changed: list[str]) -> None:
        snapshot, quote_filter = self.snapshot, self.quote_filter
        shown = quote_filter.apply(snapshot)
        quotes = snapshot.quote_by_id
        self.query_one(RowList).set_rows(
            [q.id for q in shown], lambda key, width: render.quote_row(quotes[key], snapshot), changed
        )
        total = len(snapshot.quotes)
        self.border_subtitle = f"{len(shown)} of {total} quotes" if quote_filter.active else f"{total} quotes"
        bar = self.query_one("#filter-bar", Static)
        bar.display = quote_filter.active
        if quote_filter.active:
            bar.update(Text.assemble(("Filter: ", "bold"), render.v(quote_filter.describe(snapshot)), ("  esc clears", "dim")))

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        if old.quotes == new.quotes and old.parties == new.parties and self.query_one(RowList).keys:
            return
        # A party's new name shows in every row of that party's quotes.
        renamed = {p.id for p in new.parties if old.party_by_id.get(p.id) != p}
        changed = [q.id for q in new.quotes if old.quote_by_id.get(q.id) != q or q.party in renamed]
        self._draw(changed)

    def watch_quote_filter(self) -> None:
        self._draw([])
        search = self.query_one("#quote-search", Input)
        if search.value != self.quote_filter.text:
            search.value = self.quote_filter.text
        if not self.quote_filter.text and not search.has_focus:
            search.display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close_search()
