"""Which quotes the quotes pane shows: by party, by issue, by words anywhere in the quote's attribution."""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import and_, attrgetter, contains, eq, or_
from typing import TYPE_CHECKING, TypeVar

from tui.core.model.snapshot import Snapshot
from tui.core.views.search import fold
from tui.ui.changed_span import changed_span

if TYPE_CHECKING:
    from tui.core.model.items import Quote

# The filters below walk 50,000 quotes with map/compress over lists and operator functions:
# the loop runs in C, where a comprehension would run one Python step a quote.
_PARTY, _ISSUES, _ID = attrgetter("party"), attrgetter("issues"), attrgetter("id")

T = TypeVar("T")

CHUNK = 5000
"""Quotes searched between two looks at whether the search was cancelled."""


def searched_text(quote: Quote, snapshot: Snapshot) -> str:
    """Everything a search looks in: the words, who said them and for whom, who reported them, the context."""
    return "\n".join([
        quote.text, quote.speaker, quote.speaker_role, snapshot.party_name(quote.party), *quote.reported_by, quote.context,
    ])


def party_names(snapshot: Snapshot) -> dict[str, str]:
    """Each party's id and name: what a quote's row and searched text say of its party."""
    return {party.id: party.name for party in snapshot.parties}


def renamed_parties(old: Snapshot, new: Snapshot) -> set[str]:
    """Parties whose name a quote would show differently (renamed, added or removed)."""
    if old.parties is new.parties:
        return set()
    before, after = party_names(old), party_names(new)
    return {party for party in before.keys() | after.keys() if before.get(party) != after.get(party)}


class QuoteColumns:
    """What the filters compare of each quote of a snapshot (its id, party and issues), one list each, in order.

    Reading a field of 50,000 models costs a cache miss a quote (10–15 ms a filter here); a
    list of the values is read in a fraction of that. `follow` carries the lists to the next
    snapshot by splicing in only the quotes that changed (see changed_span). The party and
    issue lists are made the first time a filter needs them, and carried from then on: a
    store nobody filters pays for the ids alone on each save.

    Lists are never changed in place, only replaced: a row list or a search worker may hold them.
    """

    def __init__(self, quotes: tuple[Quote, ...] = (), ids: list[str] | None = None,
                 parties: list[str | None] | None = None, issues: list[list[str]] | None = None) -> None:
        self.quotes = quotes
        self.ids: list[str] = ids if ids is not None else list(map(_ID, quotes))
        self._parties = parties
        self._issues = issues

    @property
    def parties(self) -> list[str | None]:
        if self._parties is None:
            self._parties = list(map(_PARTY, self.quotes))
        return self._parties

    @property
    def issues(self) -> list[list[str]]:
        if self._issues is None:
            self._issues = list(map(_ISSUES, self.quotes))
        return self._issues

    def follow(self, quotes: tuple[Quote, ...]) -> tuple[QuoteColumns, tuple[Quote, ...], tuple[Quote, ...]]:
        """The columns of `quotes`, with the quotes that came in and those they replaced (both empty: the same quotes)."""
        if quotes is self.quotes:
            return self, (), ()
        start, old_end, new_end = changed_span(self.quotes, quotes)
        new, gone = quotes[start:new_end], self.quotes[start:old_end]
        if not new and not gone:  # the same quotes in a new tuple (a save of another kind of file)
            return QuoteColumns(quotes, self.ids, self._parties, self._issues), new, gone

        def spliced(column: list[T] | None, field: Callable[[Quote], T]) -> list[T] | None:
            if column is None:
                return None
            column = column.copy()  # one copy of the pointers; the slice assignment moves the rest
            column[start:old_end] = map(field, new)
            return column

        columns = QuoteColumns(quotes, spliced(self.ids, _ID), spliced(self._parties, _PARTY), spliced(self._issues, _ISSUES))
        return columns, new, gone


def issue_mask(snapshot: Snapshot, issue_id: str, columns: QuoteColumns) -> Iterator[bool]:
    """For each quote, whether it is tagged with the issue or one of the issue's positions cites it."""
    issue = snapshot.issue_by_id.get(issue_id)
    cited = {quote for position in issue.positions for quote in position.quotes} if issue else set()
    tagged = map(contains, columns.issues, repeat(issue_id))
    return map(or_, tagged, map(cited.__contains__, columns.ids)) if cited else tagged


_Terms = tuple[tuple[str, ...], tuple[str, ...]]
"""The words a quote must hold and those it must not (see `terms`)."""


def _narrows(before: _Terms, after: _Terms) -> bool:
    """Whether every quote `after` finds was found by `before`: each word before is in a word after, and none is excluded less."""
    return all(any(old in new for new in after[0]) for old in before[0]) and set(before[1]) <= set(after[1])


class Cancelled(Exception):
    """A newer keystroke or snapshot made this search useless."""


class SearchIndex:
    """Each quote of one snapshot with its searched text already folded, so a keystroke folds only itself.

    Built once per snapshot (`for_snapshot`), from the last one built: a reload gives back
    the very same model objects for the files it did not read again, so only the run of
    quotes that changed between the two (one day's file for a save) is folded again, and
    the rest of the folds are taken over by slicing, in C, whatever the size of the store.
    """

    _lock = threading.Lock()
    _latest: SearchIndex | None = None

    def __init__(self, snapshot: Snapshot, previous: SearchIndex | None = None, cancelled: Callable[[], bool] = lambda: False) -> None:
        self.snapshot = snapshot
        quotes = snapshot.quotes
        before = previous.snapshot if previous is not None else Snapshot()
        start, old_end, new_end = changed_span(before.quotes, quotes)
        fresh: list[str] = []
        for count, quote in enumerate(quotes[start:new_end]):
            if count % 2000 == 0 and cancelled():
                raise Cancelled
            fresh.append(fold(searched_text(quote, snapshot)))
        kept = previous.folded if previous is not None else []
        self.folded: list[str] = kept[:start] + fresh + kept[old_end:]
        """Each quote's searched text, folded, in the snapshot's order."""
        renamed = renamed_parties(before, snapshot) if previous is not None else set()
        if renamed:
            # A party's new name is in the searched text of each of its quotes: rare, and it
            # touches quotes all over the store, so they are found by walking them all.
            for position, quote in enumerate(quotes):
                if quote.party in renamed:
                    self.folded[position] = fold(searched_text(quote, snapshot))
        self._last: tuple[str | None, str | None, _Terms, list[int]] | None = None

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
        upto: int | None = None,
    ) -> list[int]:
        """The positions (in snapshot.quotes) among `allowed` (None: all) whose text holds every word of the filter's text (and no -word).

        When the words narrow the last ones searched with the same party and issue (more words,
        or longer ones), only the last hits can match, so only they are searched. With `upto`, only the positions before it are (the top of the list, to
        show before the rest is searched), and what the next search narrows from is left alone.
        """
        from tui.core.views.query import terms  # the query language: imported by the first search, not by a start

        words, excluded = terms(quote_filter.text)
        last = self._last
        candidates: Sequence[int] | None = allowed
        if last is not None and last[:2] == (quote_filter.party, quote_filter.issue) and _narrows(last[2], (words, excluded)):
            candidates = last[3]
        folded = self.folded
        limit = len(folded) if upto is None else min(upto, len(folded))
        if candidates is not None and upto is not None:
            candidates = candidates[:bisect_left(candidates, limit)]
        hits: list[int] = []
        total = limit if candidates is None else len(candidates)
        # The first word in C over the chunk (the common one-word search stays as quick as it was); the rest only on its hits.
        first, rest = (words[0], words[1:]) if words else ("", ())
        for start in range(0, total, CHUNK):
            if cancelled():
                raise Cancelled
            end = min(start + CHUNK, total)
            if candidates is None:
                found = list(compress(range(start, end), map(contains, folded[start:end], repeat(first))))
            else:
                chunk = candidates[start:end]
                found = list(compress(chunk, map(contains, map(folded.__getitem__, chunk), repeat(first))))
            if rest or excluded:
                found = [at for at in found if all(w in folded[at] for w in rest) and not any(w in folded[at] for w in excluded)]
            hits += found
        if upto is None:
            # Replaced whole, never changed in place: a search on another thread reads it too.
            self._last = (quote_filter.party, quote_filter.issue, (words, excluded), hits)
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

    def _mask(self, snapshot: Snapshot, columns: QuoteColumns) -> Iterator[bool] | None:
        """For each quote, whether the party and issue let it through (None: every one does)."""
        party = map(eq, columns.parties, repeat(self.party)) if self.party else None
        issue = issue_mask(snapshot, self.issue, columns) if self.issue else None
        if party is not None and issue is not None:
            return map(and_, party, issue)
        return party if party is not None else issue

    def keys(
        self, snapshot: Snapshot, columns: QuoteColumns | None = None, cancelled: Callable[[], bool] = lambda: False,
        upto: int | None = None,
    ) -> list[str]:
        """The ids of the quotes that pass, in the snapshot's order; `columns` are the snapshot's, if at hand.

        A search uses (and builds) the snapshot's index; `cancelled` is asked now and then on
        a long search, which then raises `Cancelled`. With `upto`, only the first `upto`
        quotes are searched: the ids are those at the top of the whole result.
        """
        if columns is None or columns.quotes is not snapshot.quotes:
            columns = QuoteColumns(snapshot.quotes)
        return self._pick(snapshot, columns, columns.ids, cancelled, upto)

    def apply(self, snapshot: Snapshot, cancelled: Callable[[], bool] = lambda: False) -> list[Quote]:
        """The quotes that pass, in the snapshot's order (see `keys`)."""
        return self._pick(snapshot, QuoteColumns(snapshot.quotes), snapshot.quotes, cancelled)

    def _pick(
        self, snapshot: Snapshot, columns: QuoteColumns, items: Sequence[T], cancelled: Callable[[], bool], upto: int | None = None,
    ) -> list[T]:
        """Those of `items` (one per quote of the snapshot, in its order) whose quote passes (a search: among the first `upto`)."""
        if not self.searches:
            mask = self._mask(snapshot, columns)
            return list(items) if mask is None else list(compress(items, mask))
        index = SearchIndex.for_snapshot(snapshot, cancelled)
        return list(map(items.__getitem__, self._found(snapshot, columns, index, cancelled, upto)))

    def _found(
        self, snapshot: Snapshot, columns: QuoteColumns, index: SearchIndex, cancelled: Callable[[], bool], upto: int | None = None,
    ) -> list[int]:
        mask = self._mask(snapshot, columns)
        count = len(columns.ids) if upto is None else min(upto, len(columns.ids))
        allowed = None if mask is None else list(compress(range(count), mask))
        return index.find(self, allowed, cancelled, upto)

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
