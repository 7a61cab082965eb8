"""Rich Text for a quote: its row in the list and its full view, each with how it stands against
its source's archived copy (a mark, coloured by the theme through the palette, and a legend).

As everywhere in the UI, every string from the store goes through `visible()` into a `Text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text

from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import Problem
from tui.core.views.search import spans
from tui.core.views.timefmt import day
from tui.ui.palette import Palette
from tui.ui.render import _field, _join, line, source_line, v

if TYPE_CHECKING:
    from tui.core.desk import QuoteCheck
    from tui.core.model.items import Quote

LEGEND = {
    "verbatim": "verbatim", "normalised": "normalised", "differs": "differs", "missing": "missing",
    "unchecked": "copy changed", "not archived": "not archived",
}
"""What each state's mark is called in the quotes pane's legend, in the order it lists them."""


def legend(checks: Iterable[QuoteCheck]) -> str:
    """The marks of the states among `checks`, each with its name: "✓ verbatim  · not archived"."""
    marks = {check.state.value: check.state.mark for check in checks}
    return "  ".join(f"{marks[state]} {name}" for state, name in LEGEND.items() if state in marks)


def quote_row(
    quote: Quote, snapshot: Snapshot, search: str = "", mark: str | Style = "reverse", width: int | None = None, doubt: bool = False,
    check: QuoteCheck | None = None, palette: Palette | None = None,
) -> list[Text]:
    """A quote in two lines; what `search` finds is drawn in `mark`. A quote in `doubt` (its words
    are not what the source printed) says so first, and its words are not between quotation marks.
    With `check` (the store keeps archived copies), the row starts with the quote's mark against its
    source's copy, in the palette's colour for it.

    Given the `width` the row is drawn at, the words are cut a little past it first: a
    quote runs to hundreds of characters, and finding the search's matches and measuring
    the cells of all of them, for a row that shows one line of it, is most of the cost of
    drawing it. The cut leaves room for a match that the edge cuts to be marked, and is made
    only where the cells kept still run past the edge, so the line ends in "…" as before.
    """
    party = snapshot.party_name(quote.party)
    chain = ", ".join(v(step) for step in quote.reported_by)
    verified = (f"{check.state.mark} ", (palette or _PLAIN).verified(check.state.value)) if check is not None else ("", "")
    head = line(
        verified,
        (f"{day(quote.date):<12}", "dim"),
        ("⚠ not verbatim · " if doubt else "", "bold reverse"),
        (v(quote.speaker), "bold"),
        (f" · {v(party)}" if party else "", ""),
        (f" · {quote.medium.label}", "dim"),
        (f" · {chain}" if chain else "", "dim italic"),
    )
    words = quote.text
    if width is not None and len(words) > (keep := width + 2 * len(search) + 1) and cell_len(words[:keep]) > width:
        words = words[:keep]
    opening, closing = ("  ", "") if doubt else ("  “", "”")
    body = line((opening + v(words).replace("\n", " ") + (closing if words is quote.text else ""), ""))
    if search.strip():
        from tui.core.views.query import terms  # the query language: imported by the first search, not by a start

        for text in (head, body):
            for word in terms(search)[0]:  # each word the search looks for (the query language's words and phrases)
                for start, end in spans(text.plain, word):
                    text.stylize(mark, start, end)
    return [head, body]


def quote_detail(
    quote: Quote, snapshot: Snapshot, doubt: Problem | None = None, check: QuoteCheck | None = None, palette: Palette | None = None,
) -> Group:
    """The quote in full. With `check`, a first line says how it stands against its source's
    archived copy, in words (the legend of the list's mark), with the words that differ."""
    issues = ", ".join(v(snapshot.issue_by_id[i].title) if i in snapshot.issue_by_id else f"{v(i)} (unknown)" for i in quote.issues)
    lines: list[RenderableType] = []
    if check is not None:
        said = v(check.describe())
        lines += [Text(f"{check.state.mark} {said[:1].upper()}{said[1:]}", style=(palette or _PLAIN).verified(check.state.value)), Text()]
    if doubt is not None:
        # Never passed off as verbatim: said first, and the words shown without quotation marks.
        lines += [Text.assemble(("⚠ Not verbatim: ", "bold reverse"), (f" {doubt}", "")), Text()]
    lines += [Text(v(quote.text) if doubt else f"“{v(quote.text)}”", style="bold"), Text()]
    if quote.context:
        lines += [Text(v(quote.context), style="italic"), Text()]
    lines += [
        _field("Speaker", v(quote.speaker) + (f", {v(quote.speaker_role)}" if quote.speaker_role else "")),
        _field("Party", v(snapshot.party_name(quote.party)) or "—"),
        _field("Date", day(quote.date)),
        _field("Medium", quote.medium.label),
        _field("Reported", " → ".join(v(s) for s in quote.reported_by) or "—"),
        _field("Source", source_line(quote.source, snapshot)),
        _field("Issues", issues or "—"),
    ]
    return _join(lines)


_PLAIN = Palette(primary="bold", success="bold", warning="bold", error="bold reverse", accent="bold")
"""Without the app's palette (a test of the text alone): states told apart by their marks."""
