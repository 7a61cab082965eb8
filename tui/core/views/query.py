"""One search language for the dashboard, the command line and saved views: parsing a query and finding its hits.

    lavrov anchorage          every word, anywhere in an item (ANDed)
    "spirit and letter"       an exact phrase
    -draft                    not this word
    speaker:yermak party:ukraine issue:territory kind:quote source:meduza
    since:2025-11-20 until:7d (YYYY-MM-DD, Nd, Nw, today, yesterday: counted from the story's today)

Everything is folded as the quote search folds it (case, accents, curly quotes), the query and the
items alike. A query that cannot be read raises `QueryError`, with a sentence saying why.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tui.core.model.snapshot import Snapshot
from tui.core.views.search import fold, spans

KINDS = ("quote", "event", "position", "issue", "party", "person", "source", "document", "point")
"""Every kind a query finds, in the order its hits are listed."""
_KIND_NAMES = {kind: kind for kind in KINDS} | {"quotes": "quote", "events": "event", "positions": "position", "issues": "issue",
                                                 "parties": "party", "people": "person", "persons": "person", "sources": "source",
                                                 "documents": "document", "points": "point"}
FILTERS = ("speaker", "party", "issue", "kind", "source", "since", "until")
_TOKEN = re.compile(r'(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S*))')
_RELATIVE = re.compile(r"(\d{1,5})([dw])")
CONTEXT = 30
"""Characters of a field kept each side of a match, for the hit's context."""


class QueryError(ValueError):
    """The query cannot be read; the message says why, in words for the user."""


@dataclass(frozen=True)
class Query:
    """A parsed query: folded words and phrases that must all occur, words that must not, and field filters."""

    text: str = ""
    words: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    """(name, folded value) of each field filter but the dates."""
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def empty(self) -> bool:
        return not (self.words or self.excluded or self.filters or self.since or self.until)

    @property
    def plain(self) -> bool:
        """Only words: what the quote search has always taken (no phrase, exclusion or filter)."""
        return not (self.excluded or self.filters or self.since or self.until) and '"' not in fold(self.text)


def _date(name: str, value: str, today: dt.date) -> dt.date:
    if value == "today":
        return today
    if value == "yesterday":
        return today - dt.timedelta(days=1)
    if relative := _RELATIVE.fullmatch(value):
        count = int(relative.group(1))
        return today - dt.timedelta(days=count * (7 if relative.group(2) == "w" else 1))
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _bad_date(name, value)
    except ValueError:
        return _bad_date(name, value)


def _bad_date(name: str, value: str) -> dt.date:
    raise QueryError(f"{name}: takes a date (YYYY-MM-DD) or a time back from today (7d, 2w, today, yesterday), not {value!r}")


def parse(text: str, today: dt.date) -> Query:
    """The query `text` means, relative dates counted back from `today` (the story's). Raises QueryError."""
    words: list[str] = []
    excluded: list[str] = []
    filters: list[tuple[str, str]] = []
    dates: dict[str, dt.date] = {}
    for match in _TOKEN.finditer(fold(text)):
        minus, name, phrase, word = match.groups()
        value = (phrase if phrase is not None else word).strip()
        if name is not None and name not in FILTERS:  # "10:30", "note:" in a quote's words: plain text
            value, name = f"{name}:{value}", None
        if name is None:
            if value:
                (excluded if minus else words).append(value)
            continue
        if not value:
            raise QueryError(f"{name}: needs a value after the colon, e.g. {name}:{'2025-11-20' if name in ('since', 'until') else 'ukraine'}")
        if minus:
            raise QueryError(f"-{name}: excluding by a field is not supported; exclude words with -word")
        if name in ("since", "until"):
            dates[name] = _date(name, value, today)
        elif name == "kind" and value not in _KIND_NAMES:
            raise QueryError(f"kind: is one of {', '.join(KINDS)}, not {value!r}")
        else:
            filters.append((name, _KIND_NAMES[value] if name == "kind" else value))
    since, until = dates.get("since"), dates.get("until")
    if since and until and since > until:
        raise QueryError(f"since:{since.isoformat()} is after until:{until.isoformat()}: nothing can be both")
    return Query(text, tuple(words), tuple(excluded), tuple(filters), since, until)


@dataclass(frozen=True)
class Record:
    """One item as a query sees it: its text fields, and what the field filters compare."""

    kind: str
    id: str
    label: str
    fields: tuple[tuple[str, str], ...]
    folded: str
    """Every field folded, one a line: a word is looked for in all of them at once."""
    date: dt.date | None = None
    speakers: tuple[str, ...] = ()
    parties: frozenset[str] = frozenset()
    issues: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Hit:
    """An item a query found: what it is, and where the first word matched (field None: found by filters alone)."""

    kind: str
    id: str
    label: str
    field: str | None = None
    start: int | None = None
    end: int | None = None
    """The match's characters in the field's own text."""
    context: str = ""
    """The field's text around the match (on one line), with the match at `context_start`…`context_end`."""
    context_start: int = 0
    context_end: int = 0
    spans: tuple[tuple[int, int], ...] = ()
    """Every word's matches in `context`, to highlight."""


def _line(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _record(kind: str, ident: str, label: str, fields: Iterable[tuple[str, str]], **facts: object) -> Record:
    kept = tuple((name, value) for name, value in fields if value)
    return Record(kind, ident, _line(label), kept, "\n".join(fold(value) for _, value in kept), **facts)  # type: ignore[arg-type]


def records(snapshot: Snapshot) -> list[Record]:
    """Every item of the snapshot as a query sees it, in the order hits are listed."""
    cites: dict[str, set[str]] = {}
    for issue in snapshot.issues:
        for position in issue.positions:
            for item in (*position.quotes, *position.events):
                cites.setdefault(item, set()).add(issue.id)
    sources = snapshot.source_by_id
    name = snapshot.party_name
    out: list[Record] = []
    for quote in snapshot.quotes:
        out.append(_record(
            "quote", quote.id, f"{quote.speaker}: “{quote.text}”",
            [("text", quote.text), ("speaker", quote.speaker), ("role", quote.speaker_role), ("party", name(quote.party) if quote.party else ""),
             ("reported by", ", ".join(quote.reported_by)), ("context", quote.context)],
            date=quote.date, speakers=(fold(quote.speaker),), parties=frozenset([quote.party] if quote.party else []),
            issues=frozenset(quote.issues) | cites.get(quote.id, set()), sources=frozenset([quote.source])))
    for event in snapshot.events:
        when = event.date.isoformat() if event.date else event.when
        out.append(_record(
            "event", event.id, f"{when} · {event.title}" if when else event.title,
            [("title", event.title), ("when", event.when), ("place", event.place), ("parties", ", ".join(map(name, event.parties))),
             ("summary", event.summary)],
            date=event.date, parties=frozenset(event.parties), issues=frozenset(cites.get(event.id, set())), sources=frozenset([event.source])))
    for issue in snapshot.issues:
        for position in issue.positions:
            source = sources.get(position.source) if position.source else None
            out.append(_record(
                "position", f"{issue.id}/{position.party}", f"{name(position.party)} on {issue.title}: {position.stance} — {position.says}",
                [("says", position.says), ("stance", str(position.stance)), ("party", name(position.party)), ("issue", issue.title)],
                date=source.date if source else None, parties=frozenset([position.party]), issues=frozenset([issue.id]),
                sources=frozenset([position.source] if position.source else [])))
    for issue in snapshot.issues:
        source = sources.get(issue.source) if issue.source else None
        out.append(_record(
            "issue", issue.id, f"{issue.title} ({issue.status})", [("title", issue.title), ("status", str(issue.status)), ("why", issue.why)],
            date=source.date if source else None, issues=frozenset([issue.id]), sources=frozenset([issue.source] if issue.source else [])))
    for party in snapshot.parties:
        out.append(_record(
            "party", party.id, f"{party.name} ({party.role})", [("name", party.name), ("short", party.short), ("role", str(party.role))],
            parties=frozenset([party.id])))
    for party in snapshot.parties:
        for person in party.people:
            out.append(_record(
                "person", person.id, f"{person.name}, {person.title} ({party.name})" if person.title else f"{person.name} ({party.name})",
                [("name", person.name), ("title", person.title), ("aliases", ", ".join(person.aliases)), ("party", party.name)],
                speakers=tuple(fold(n) for n in (person.name, *person.aliases)), parties=frozenset([party.id])))
    for document in snapshot.documents:
        out += _document_records(document, name, sources)
    for source in snapshot.sources:
        out.append(_record(
            "source", source.id, f"{source.outlet}: {source.title}" if source.title else source.outlet,
            [("outlet", source.outlet), ("title", source.title), ("url", source.url or ""), ("note", source.note)],
            date=source.date, sources=frozenset([source.id])))
    return out


def _document_records(document: Any, name: Callable[[str | None], str], sources: Mapping[str, Any]) -> list[Record]:
    """A document (its title, version, summary) and each of its points (what it says) as a query sees them."""
    source = sources.get(document.source)
    label = f"{document.title} ({document.version})" if document.version else document.title
    stances = frozenset(p.party for p in document.positions)
    out = [_record("document", document.id, f"{label}: {document.status.label}",
                   [("title", document.title), ("version", document.version), ("status", str(document.status)), ("summary", document.summary),
                    ("presented by", ", ".join(map(name, document.presented_by)))],
                   date=document.date or (source.date if source else None), parties=frozenset(document.presented_by) | stances,
                   issues=frozenset(i for p in document.points for i in p.issues), sources=frozenset([document.source]))]
    for point in document.points:
        said = point.says or f"dropped: {', '.join(point.earlier)}"
        out.append(_record("point", f"{document.id}/{point.id}", f"{label}, point {point.number or point.id}: {said}",
                           [("says", point.says), ("change", str(point.change or "")), ("document", document.title)],
                           date=document.date or (source.date if source else None),
                           parties=frozenset(p.party for p in point.positions) | stances, issues=frozenset(point.issues),
                           sources=frozenset([point.source or document.source])))
    return out


_cache_lock = threading.Lock()
_cached: tuple[Snapshot, list[Record]] | None = None


def records_of(snapshot: Snapshot) -> list[Record]:
    """`records(snapshot)`, kept for the last snapshot asked about (each key of a search asks again; callable from any thread)."""
    global _cached
    with _cache_lock:
        if _cached is not None and _cached[0] is snapshot:
            return _cached[1]
        made = records(snapshot)
        _cached = (snapshot, made)
        return made


def _ids(values: Iterable[tuple[str, str, str]], wanted: str) -> frozenset[str]:
    """The ids among (id, name, short name) that `wanted` (folded) names: the id itself, else a whole name, else a part of one.

    So `party:russia` is Russia, not also the Free Russia Foundation; `party:free` is the foundation.
    """
    rows = [(ident, [fold(n) for n in names if n]) for ident, *names in values]
    for named in (lambda ident, names: fold(ident) == wanted, lambda ident, names: wanted in names,
                  lambda ident, names: any(wanted in n for n in names) or wanted in fold(ident)):
        found = frozenset(ident for ident, names in rows if named(ident, names))
        if found:
            return found
    return frozenset()


def _test(snapshot: Snapshot, name: str, value: str) -> Callable[[Record], bool]:
    if name == "kind":
        return lambda record: record.kind == value
    if name == "speaker":
        return lambda record: any(value in speaker for speaker in record.speakers)
    if name == "party":
        parties = _ids(((p.id, p.name, p.short) for p in snapshot.parties), value)
        return lambda record: not parties.isdisjoint(record.parties)
    if name == "issue":
        issues = _ids(((i.id, i.title, "") for i in snapshot.issues), value)
        return lambda record: not issues.isdisjoint(record.issues)
    sources = _ids(((s.id, s.outlet, s.title) for s in snapshot.sources), value)  # source:
    return lambda record: not sources.isdisjoint(record.sources)


def _hit(record: Record, query: Query) -> Hit:
    """The hit, located at the first match in the field holding the most of the words (by a speaker: filter alone, the speaker's name)."""
    words = query.words or tuple(value for name, value in query.filters if name == "speaker")
    held = [sum(word in fold(text) for word in words) for _, text in record.fields]
    best = max(held, default=0)
    for (name, text), count in zip(record.fields, held, strict=True):
        found = spans(text, next((word for word in words if word in fold(text)), "")) if count == best and best else []
        if not found:
            continue
        start, end = found[0]
        left = max(0, start - CONTEXT)
        right = min(len(text), end + CONTEXT)
        raw = text[left:right]
        context = ("…" if left else "") + raw.replace("\n", " ") + ("…" if right < len(text) else "")
        shift = 1 if left else 0
        marks = sorted({(a + shift, b + shift) for word in words for a, b in spans(raw, word)})
        return Hit(record.kind, record.id, record.label, name, start, end, context, start - left + shift, end - left + shift, tuple(marks))
    return Hit(record.kind, record.id, record.label)  # the words span fields of their own (each in another)


def find(snapshot: Snapshot, query: Query, cancelled: Callable[[], bool] = lambda: False) -> list[Hit]:
    """Every item `query` finds, quotes first, then events, positions, issues, parties, people and sources.

    `cancelled` is asked now and then (a newer key made this search useless): it then returns what it has.
    """
    if query.empty:
        return []
    tests = [_test(snapshot, name, value) for name, value in query.filters]
    hits: list[Hit] = []
    for count, record in enumerate(records_of(snapshot)):
        if count % 2000 == 0 and cancelled():
            break
        if query.since or query.until:
            if record.date is None or (query.since and record.date < query.since) or (query.until and record.date > query.until):
                continue
        folded = record.folded
        if not all(word in folded for word in query.words) or any(word in folded for word in query.excluded):
            continue
        if all(test(record) for test in tests):
            hits.append(_hit(record, query))
    return hits


def search(snapshot: Snapshot, text: str, today: dt.date, cancelled: Callable[[], bool] = lambda: False) -> list[Hit]:
    """`find` for a query's text; raises QueryError if it cannot be read."""
    return find(snapshot, parse(text, today), cancelled)


def terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words (and phrases) a text must hold and those it must not, folded, ignoring any field filter (the quote search's part)."""
    words: list[str] = []
    excluded: list[str] = []
    for match in _TOKEN.finditer(fold(text)):
        minus, name, phrase, word = match.groups()
        if name is not None and name in FILTERS:
            continue
        value = (phrase if phrase is not None else word).strip()
        value = f"{name}:{value}" if name is not None else value
        if value:
            (excluded if minus else words).append(value)
    return tuple(words), tuple(excluded)
