"""The order the snapshot shows quotes and events in, and where one quote stands in it."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

from tui.core.model.items import Event, Quote


def events_in_time_order(events: list[Event]) -> list[Event]:
    """Dated events by date; an undated one stays after the dated event it follows in its file."""
    keyed, last = [], dt.date.min
    for index, event in enumerate(events):
        last = event.date or last
        keyed.append((last, index, event))
    return [e for _, _, e in sorted(keyed, key=lambda k: (k[0], k[1]))]


def quotes_newest_first(quotes: list[Quote]) -> list[Quote]:
    """By date, newest first; among the same date, the one written later first; undated last."""
    backwards = quotes[::-1]
    dates = list(map(_DATE, backwards))
    if None not in dates:
        # Sorting on the date alone (a C-level key) is stable: equal dates keep the reversed order.
        backwards.sort(key=_DATE, reverse=True)
        return backwards
    dated = sorted((q for q, d in zip(backwards, dates, strict=True) if d is not None), key=_DATE, reverse=True)
    return dated + [q for q, d in zip(backwards, dates, strict=True) if d is None]


_DATE = attrgetter("date")


def order_key(quote: Quote, path: str, index: int) -> tuple:
    """Where a quote stands in `quotes_newest_first`, as the greater the newer: dated before
    undated, by date, then the later file (in path order) and the later in its file."""
    return (quote.date is not None, quote.date or dt.date.min, path, index)
