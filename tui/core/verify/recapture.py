"""A newer capture of an address already archived: which stored quotes still match it, which
changed and which vanished. Both captures are kept; this only says what the new one holds."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model.snapshot import Snapshot
from tui.core.verify.archive import Archived
from tui.core.verify.match import QuoteState, SourceText, find, worse


@dataclass(frozen=True)
class Recaptured:
    """The quotes of the sources captured before from the same address, against the new capture."""

    url: str
    sources: tuple[str, ...]
    """The sources with an earlier capture of `url`."""
    still: tuple[str, ...] = ()
    """Quotes whose words (and context) the new capture still holds, verbatim or normalised."""
    changed: tuple[tuple[str, str], ...] = ()
    """Quotes the new capture holds with words changed: (quote id, "store: *…*; source: *…*")."""
    vanished: tuple[str, ...] = ()
    """Quotes that are nowhere in the new capture."""

    def lines(self) -> list[str]:
        """What to tell the person importing, one line each."""
        if not self.sources:
            return []
        out = [f"{self.url} was archived before for {', '.join(self.sources)}; both captures are kept"]
        out += [f"still there: {quote_id}" for quote_id in self.still]
        out += [f"changed: {quote_id}: {diff}" for quote_id, diff in self.changed]
        out += [f"vanished: {quote_id}" for quote_id in self.vanished]
        return out


def compare_capture(snapshot: Snapshot, archived: Archived) -> Recaptured:
    """Check every quote citing a source with an earlier capture of `archived.url` (another file
    than this one) against the new capture's text. Nothing is read from disk: the new capture's
    article came with it."""
    url = archived.url or ""
    sources = tuple(
        source.id for source in snapshot.sources
        if url and any(c.url == url and c.sha256 != archived.sha256 for c in source.archive)
    )
    if not sources:
        return Recaptured(url, ())
    text = SourceText(archived.article.text)
    still: list[str] = []
    changed: list[tuple[str, str]] = []
    vanished: list[str] = []
    for quote in snapshot.quotes:
        if quote.source not in sources:
            continue
        found = find(quote.text, text)
        if quote.context and worse(found, context := find(quote.context, text)):
            found = context
        if found.state in (QuoteState.VERBATIM, QuoteState.NORMALISED):
            still.append(quote.id)
        elif found.state is QuoteState.DIFFERS:
            changed.append((quote.id, found.diff))
        else:
            vanished.append(quote.id)
    return Recaptured(url, sources, tuple(still), tuple(changed), tuple(vanished))
