"""Which quotes the quotes pane shows: by party, by issue, by words anywhere in the quote's attribution."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.search import matches
from tui.core.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.model import Quote


def searched_text(quote: Quote, snapshot: Snapshot) -> str:
    """Everything a search looks in: the words, who said them and for whom, who reported them, the context."""
    return "\n".join([
        quote.text, quote.speaker, quote.speaker_role, snapshot.party_name(quote.party), *quote.reported_by, quote.context,
    ])


@dataclass(frozen=True)
class QuoteFilter:
    """A filter on quotes; every part that is set must match."""

    party: str | None = None
    issue: str | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.party or self.issue or self.text)

    def apply(self, snapshot: Snapshot) -> list[Quote]:
        quotes: list[Quote] | tuple[Quote, ...] = snapshot.quotes
        if self.party:
            quotes = [q for q in quotes if q.party == self.party]
        if self.issue:
            wanted = {q.id for q in snapshot.quotes_for_issue(self.issue)}
            quotes = [q for q in quotes if q.id in wanted]
        if self.text.strip():
            quotes = [q for q in quotes if matches(searched_text(q, snapshot), self.text)]
        return list(quotes)

    def describe(self, snapshot: Snapshot) -> str:
        """The filter in words, e.g. 'party Russia · issue Territory · "lavrov"'."""
        parts = []
        if self.party:
            parts.append(f"party {snapshot.party_name(self.party)}")
        if self.issue:
            issue = snapshot.issue_by_id.get(self.issue)
            parts.append(f"issue {issue.title if issue else self.issue}")
        if self.text:
            parts.append(f"“{self.text}”")
        return " · ".join(parts)
