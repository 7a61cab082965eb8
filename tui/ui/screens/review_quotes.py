"""Import an article, second step: its text with each proposed quote marked, and the proposals to
accept (enter), correct in the quote form (e) or skip (x); ctrl+s writes the accepted ones with the
article's source and its archived copy, as one edit."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.render import v
from tui.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from tui.core.desk import AddQuote, Applied, ArticleRead  # noqa: F401 - Applied: the screen's result type, a string
    from tui.core.model.snapshot import Snapshot

ACCEPTED, EDITED, SKIPPED, OPEN, HELD = "✓", "✎", "✗", "·", "="
"""Each proposal's mark: accepted, accepted as corrected, skipped, not decided, in the store already."""


class ReviewQuotesScreen(ModalScreen["Applied | None"]):
    """Dismisses with the edit written, or None when the editor goes back without writing."""

    BINDINGS = [
        # Before the list's own enter ("open"): here enter decides, one key a quote.
        Binding("enter", "accept", "Accept", priority=True, tooltip="Accept the quote under the cursor (again: undo)", id="review.accept"),
        Binding("e", "edit", "Edit", tooltip="Correct the quote under the cursor in the quote form, then accept it", id="review.edit"),
        Binding("x", "skip", "Skip", tooltip="Leave the quote under the cursor out, and go to the next", id="review.skip"),
        Binding("ctrl+s", "write", "Write", tooltip="Write the accepted quotes with the article's source, as one edit", id="review.write"),
        Binding("escape", "back", "Back", tooltip="Close without writing anything", id="review.back"),
    ]

    def __init__(self, read: ArticleRead, snapshot: Snapshot) -> None:
        super().__init__()
        self.read, self.snapshot = read, snapshot
        self.quotes: dict[int, AddQuote] = {n: read.quote(p, snapshot) for n, p in enumerate(read.proposals, 1)}
        """Each proposal's quote as it would be written (the editor's correction, once made)."""
        self.marks: dict[int, str] = {n: HELD if p.duplicate else OPEN for n, p in enumerate(read.proposals, 1)}

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-body") as body:
            body.border_title = f"Import: {v(self.read.title or (self.read.name if self.read.name != '-' else 'pasted text'))}"
            body.border_subtitle = "enter accept · e edit · x skip · ctrl+s write · esc back"
            with VerticalScroll(id="review-article"):
                yield Static(id="review-article-text")
            with Vertical(id="review-side"):
                yield Static(id="review-source")
                if self.read.source is None:
                    # A new source: what the page did not say, the editor gives here.
                    yield Label("New source · outlet (who published it)")
                    yield Input(self.read.outlet, id="review-outlet", placeholder="who published it")
                    yield Label("Title (the headline, exactly)")
                    yield Input(self.read.title, id="review-title", placeholder="its headline, exactly")
                    yield Label("Publication date (YYYY-MM-DD)")
                    yield Input(self.read.date.isoformat() if self.read.date else "", id="review-date", placeholder="publication date")
                yield RowList(row_height=3, empty="No quotes found: nothing in quotation marks with a speaker.", id="review-proposals")
                yield Static(id="review-count")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()
        self.query_one(RowList).focus()

    def on_resize(self) -> None:
        # Narrow (80 columns): the article's text above the proposals, not beside them.
        self.set_class(self.size.width < 100, "-narrow")

    # -- what is shown ------------------------------------------------------------------------

    def _draw(self) -> None:
        keys = [str(n) for n in self.quotes]
        self.query_one(RowList).set_rows(keys, self._row, None)
        self._draw_article()
        accepted = sum(1 for mark in self.marks.values() if mark in (ACCEPTED, EDITED))
        held = sum(1 for mark in self.marks.values() if mark == HELD)
        said = f"{accepted} of {len(self.quotes)} accepted" + (f" · {held} in the store already" if held else "")
        legend = f"  {ACCEPTED} accepted {EDITED} corrected {SKIPPED} skipped {HELD} in the store · enter again: undo"
        self.query_one("#review-count", Static).update(Text.assemble((said, "bold"), (legend, "dim"), no_wrap=True, overflow="ellipsis"))
        where = (f"Source: {self.read.source}, in the store" if self.read.source else "Source: new (below)") + (
            f" · published {self.read.date}" if self.read.date else "")
        self.query_one("#review-source", Static).update(Text(v(where)))

    def _row(self, key: str, width: int) -> list[Text]:
        n = int(key)
        proposal, quote, mark = self.read.proposals[n - 1], self.quotes[n], self.marks[n]
        palette = Palette.of(self.app)
        tone = {ACCEPTED: palette.success, EDITED: palette.success, SKIPPED: "dim", HELD: "dim"}.get(mark, palette.accent)
        who = quote.speaker + (" (from a pronoun)" if proposal.pronoun else "")
        head = Text.assemble((f"{mark} {n:>2} ", f"bold {tone}"), (v(who), "bold"), (f" · {v(proposal.cue)}", "dim"),
                             no_wrap=True, overflow="ellipsis")
        words = Text(f"   “{v(quote.text)}”", no_wrap=True, overflow="ellipsis", style="strike dim" if mark == SKIPPED else "")
        how = " · ".join(filter(None, [quote.party or "", quote.medium, "; ".join(quote.reported_by),
                                       "in the store already" if mark == HELD else ""]))
        return [head, words, Text(f"   {v(how)}", style="dim", no_wrap=True, overflow="ellipsis")]

    def _draw_article(self) -> None:
        palette = Palette.of(self.app)
        text = Text(v(self.read.text))
        current = self.query_one(RowList).current
        for n, proposal in enumerate(self.read.proposals, 1):
            mark = self.marks[n]
            style = {ACCEPTED: f"bold {palette.success}", EDITED: f"bold {palette.success}", SKIPPED: "dim strike", HELD: "dim underline"}.get(
                mark, f"bold {palette.accent}")
            if current == str(n):
                style += " reverse"
            text.stylize(style, proposal.start, proposal.end)
        self.query_one("#review-article-text", Static).update(text)

    @on(RowList.Highlighted, "#review-proposals")
    def _follow_cursor(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._draw_article()
        if event.key is None:
            return
        # The article scrolls to the quote: its line, as the text wraps at the pane's width.
        start = self.read.proposals[int(event.key) - 1].start
        pane = self.query_one("#review-article", VerticalScroll)
        width = max(pane.scrollable_content_region.width, 10)
        before = Text(v(self.read.text[:start])).wrap(self.app.console, width)
        pane.scroll_to(y=max(len(before) - 3, 0), animate=False)

    # -- deciding ------------------------------------------------------------------------------

    def action_accept(self) -> None:
        rows = self.query_one(RowList)
        if self.focused is not rows:
            self.focus_next()  # enter in the new source's fields moves on, as in a form
            return
        if rows.current is None:
            return
        n = int(rows.current)
        if self.marks[n] == HELD:
            self.notify("That quote is in the store already: never added twice.", markup=False, timeout=4)
            return
        self.marks[n] = OPEN if self.marks[n] in (ACCEPTED, EDITED) else ACCEPTED
        self._decided(n)

    def action_skip(self) -> None:
        key = self.query_one(RowList).current
        if key is not None and self.marks[int(key)] != HELD:
            self.marks[int(key)] = OPEN if self.marks[int(key)] == SKIPPED else SKIPPED
            self._decided(int(key))

    def _decided(self, n: int) -> None:
        rows = self.query_one(RowList)
        rows.set_rows([str(k) for k in self.quotes], self._row, [str(n)])
        self._draw()
        if self.marks[n] in (ACCEPTED, EDITED, SKIPPED):
            rows.action_cursor_down()  # one key a quote: the next is under the cursor

    def action_edit(self) -> None:
        from tui.ui.forms.proposed_quote_form import ProposedQuoteForm

        key = self.query_one(RowList).current
        if key is None or self.marks[int(key)] == HELD:
            return
        n = int(key)

        def corrected(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.quotes[n] = dataclasses.replace(self.quotes[n], **values)
                self.marks[n] = EDITED
                self._decided(n)

        desk = app_of(self).desk
        form = ProposedQuoteForm(self.snapshot, desk.digests() if desk else {}, self.quotes[n], self.read.text)
        self.app.push_screen(form, corrected)

    # -- writing -------------------------------------------------------------------------------

    def action_write(self) -> None:
        chosen = [self.quotes[n] for n, mark in self.marks.items() if mark in (ACCEPTED, EDITED)]
        if not chosen:
            self.notify("Nothing accepted yet: enter accepts the quote under the cursor.", markup=False, timeout=5)
            return
        read = self.read
        if read.source is None:
            from tui.ui.forms.base import parse_date

            outlet = self.query_one("#review-outlet", Input)
            if not outlet.value.strip():
                outlet.focus()
                self.notify("The new source needs its outlet (who published it): type it here, then ctrl+s.", markup=False, timeout=6)
                return
            day, wrong = parse_date(self.query_one("#review-date", Input).value)
            if wrong:
                self.notify(f"The new source's date: expected {wrong}.", severity="error", markup=False, timeout=6)
                return
            # A source the store has (same outlet, title and date: a pasted copy of an article already
            # archived, say) is cited, and this copy recorded on it: never a second source.
            read = read.given(self.snapshot, outlet.value.strip(), self.query_one("#review-title", Input).value.strip(), day)
            # The publication date given here dates the quotes the article did not (as it would have).
            chosen = [q if q.date or day is None else dataclasses.replace(q, date=day) for q in chosen]
        self._write(read, chosen)

    @work(exclusive=True, group="save", exit_on_error=False, name="Writing the article's quotes")
    async def _write(self, read: ArticleRead, chosen: list[AddQuote]) -> None:
        from tui.core.desk import EditRefused, Wait

        app = app_of(self)
        desk = await app.open_desk()
        try:
            request = desk.import_request(read, chosen, captured=app.now().date())
            applied = await app.submit(request, desk.digests(), Wait())
        except EditRefused as refused:
            said = "\n".join(str(p) for p in refused.problems)
            self.notify(f"Not written: {refused.summary}" + (f":\n{said}" if said else ""), title="Not written", severity="error",
                        markup=False, timeout=12)
            return
        self.dismiss(applied)

    def action_back(self) -> None:
        if not any(mark in (ACCEPTED, EDITED) for mark in self.marks.values()):
            self.dismiss(None)
            return
        from tui.ui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Leave without writing the accepted quotes?", yes="y leave", no="n keep reviewing"), answered)
