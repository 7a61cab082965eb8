"""Which quotes the quotes pane shows: by party, by issue, by words anywhere in the quote's attribution."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.search import fold
from tui.core.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.model import Quote


def searched_text(quote: Quote, snapshot: Snapshot) -> str:
    """Everything a search looks in: the words, who said them and for whom, who reported them, the context."""
    return "\n".join([
        quote.text, quote.speaker, quote.speaker_role, snapshot.party_name(quote.party), *quote.reported_by, quote.context,
    ])


class Cancelled(Exception):
    """A newer keystroke or snapshot made this search useless."""


class SearchIndex:
    """Each quote of one snapshot with its searched text already folded, so a keystroke folds only itself.

    Built once per snapshot (`for_snapshot`), and from the last one: a reload gives back the
    very same model objects for the files it did not read again, so only the quotes of the
    saved file (or of a renamed party) are folded again.
    """

    _lock = threading.Lock()
    _latest: SearchIndex | None = None

    def __init__(self, snapshot: Snapshot, previous: SearchIndex | None = None, cancelled: Callable[[], bool] = lambda: False) -> None:
        self.snapshot = snapshot
        known = previous._by_id if previous is not None else {}
        entries: list[tuple[Quote, str, str]] = []
        for count, quote in enumerate(snapshot.quotes):
            if count % 2000 == 0 and cancelled():
                raise Cancelled
            party = snapshot.party_name(quote.party)
            old = known.get(quote.id)
            # `is`, not `==`: comparing pydantic models field by field would cost what folding saves.
            if old is not None and old[0] is quote and old[1] == party:
                entries.append(old)
            else:
                entries.append((quote, party, fold(searched_text(quote, snapshot))))
        self._by_id = {entry[0].id: entry for entry in entries}
        self.folded: tuple[str, ...] = tuple(entry[2] for entry in entries)
        self._last: tuple[str | None, str | None, str, tuple[int, ...]] | None = None

    @classmethod
    def for_snapshot(cls, snapshot: Snapshot, cancelled: Callable[[], bool] = lambda: False) -> SearchIndex:
        """The index of `snapshot`, built now if it is not the one built last (callable from any thread)."""
        with cls._lock:
            latest = cls._latest
            if latest is not None and latest.snapshot is snapshot:
                return latest
            built = cls(snapshot, latest, cancelled)
            cls._latest = built
            return built

    @classmethod
    def ready(cls, snapshot: Snapshot) -> bool:
        latest = cls._latest
        return latest is not None and latest.snapshot is snapshot

    def find(
        self, quote_filter: QuoteFilter, allowed: Sequence[int] | None, cancelled: Callable[[], bool] = lambda: False,
    ) -> list[int]:
        """The positions (in snapshot.quotes) among `allowed` (None: all) whose text holds the filter's text.

        When the text extends the last one searched with the same party and issue, only the
        last hits can match (a text holding the longer one holds the shorter), so only they
        are searched.
        """
        wanted = fold(quote_filter.text.strip())
        last = self._last
        candidates: Sequence[int] = allowed if allowed is not None else range(len(self.folded))
        if last is not None and last[:2] == (quote_filter.party, quote_filter.issue) and last[2] in wanted:
            candidates = last[3]
        folded = self.folded
        hits: list[int] = []
        for start in range(0, len(candidates), 5000):
            if cancelled():
                raise Cancelled
            hits.extend(i for i in candidates[start:start + 5000] if wanted in folded[i])
        # Replaced whole, never changed in place: a search on another thread reads it too.
        self._last = (quote_filter.party, quote_filter.issue, wanted, tuple(hits))
        return hits




@dataclass(frozen=True)
class QuoteFilter:
    """A filter on quotes; every part that is set must match."""

    party: str | None = None
    issue: str | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.party or self.issue or self.text)

    @property
    def searches(self) -> bool:
        """Whether the text must be looked for (the costly part: the rest is a comparison a quote)."""
        return bool(self.text.strip())

    def _allowed(self, snapshot: Snapshot) -> list[int] | None:
        """Positions in snapshot.quotes that the party and issue let through (None: every one)."""
        if not (self.party or self.issue):
            return None
        wanted = {q.id for q in snapshot.quotes_for_issue(self.issue)} if self.issue else None
        return [
            i for i, q in enumerate(snapshot.quotes)
            if (not self.party or q.party == self.party) and (wanted is None or q.id in wanted)
        ]

    def apply(self, snapshot: Snapshot, cancelled: Callable[[], bool] = lambda: False) -> list[Quote]:
        """The quotes that pass, in the snapshot's order; a search uses (and builds) the snapshot's index.

        `cancelled` is asked now and then on a long search, which then raises `Cancelled`.
        """
        if not self.searches:
            # A party or issue alone: a comparison a quote, cheaper than going through positions.
            quotes: list[Quote] | tuple[Quote, ...] = snapshot.quotes
            if self.party:
                quotes = [q for q in quotes if q.party == self.party]
            if self.issue:
                wanted = {q.id for q in snapshot.quotes_for_issue(self.issue)}
                quotes = [q for q in quotes if q.id in wanted]
            return list(quotes)
        index = SearchIndex.for_snapshot(snapshot, cancelled)
        found = index.find(self, self._allowed(snapshot), cancelled)
        return [snapshot.quotes[i] for i in found]

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
