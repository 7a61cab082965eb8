"""Merge the files of a store into one snapshot and check what refers to what, file by file.

Each file that parsed and validated contributes its items. Problems that span files are
found here: a section defined twice, an id used twice, a reference to an id that no file
defines. Such problems are reported but hide nothing: the first definition (in path order)
wins and an unknown reference is shown as unknown, so one mistake never blanks good content.

The `Merger` keeps what it found per file, so a save costs what the saved file holds, not
what the store holds: only that file's ids and references are looked at again, plus the
references elsewhere to a kind whose ids that file added or removed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from itertools import chain
from operator import attrgetter
from typing import Any

from tui.core.model.items import ContentFile, Event, Quote
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.model.people import people_index, unknown_person
from tui.core.model.snapshot import Origin, Snapshot
from tui.core.store.document_checks import document_references, lineage_problems, point_problems
from tui.core.store.parsed_file import SINGLES, ParsedFile
from tui.core.text.problems import Problem

__all__ = ["Merger", "ParsedFile", "events_in_time_order", "merge", "quotes_newest_first"]

Key = tuple[str, str]
"""(section, id); ('story', 'story') and ('status', 'status') for the two single sections."""
Loc = tuple[str | int, ...]

REF_KINDS = {"party": "parties", "issue": "issues", "quote": "quotes", "event": "events", "source": "sources", "document": "documents"}
"""What a reference can name, and the section that defines it."""
_KIND_OF = {section: kind for kind, section in REF_KINDS.items()}
_CHECKED = (*REF_KINDS, "person")
"""Every kind of reference checked: a person is named inside a party (`russia/vladimir-putin`)."""


def _unknown(kind: str, ref: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(ref, known, n=1)
    if close:
        return f"unknown {kind} '{ref}'; did you mean '{close[0]}'?"
    listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    return f"unknown {kind} '{ref}'; known: {listed or 'none yet'}"


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


def _unknown_references(content: ContentFile, kind: str, known: Container[str]) -> list[tuple[str, Loc]]:
    """Every reference of `kind` the file makes to an id not in `known`, with where it stands.

    Written out per kind as comprehensions: at start every reference of a large store is
    looked at once, and this is most of that time.
    """
    found: list[tuple[str, Loc]] = []  # every entry's id is a str: the Nones are filtered out
    issues, quotes, events = content.issues, content.quotes, content.events
    if kind == "source":
        if content.story is not None:
            found += [(d.source, ("story", "deadlines", i, "source")) for i, d in enumerate(content.story.deadlines)
                      if d.source is not None and d.source not in known]
        if content.status is not None:
            status = content.status
            if status.source is not None and status.source not in known:
                found.append((status.source, ("status", "source")))
            found += [(c.source, ("status", "history", i, "source")) for i, c in enumerate(status.history)
                      if c.source is not None and c.source not in known]
        found += [(i.source, ("issues", n, "source")) for n, i in enumerate(issues) if i.source is not None and i.source not in known]
        found += [(q.source, ("quotes", n, "source")) for n, q in enumerate(quotes) if q.source is not None and q.source not in known]
        found += [(e.source, ("events", n, "source")) for n, e in enumerate(events) if e.source is not None and e.source not in known]
        found += [(p.source, ("issues", n, "positions", i, "source")) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) if p.source is not None and p.source not in known]
    elif kind == "party":
        found += [(p.party, ("issues", n, "positions", i, "party")) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) if p.party not in known]
        found += [(q.party, ("quotes", n, "party")) for n, q in enumerate(quotes) if q.party is not None and q.party not in known]
        found += [(ref, ("events", n, "parties", j)) for n, e in enumerate(events)
                  for j, ref in enumerate(e.parties) if ref not in known]
        found += [(ref, ("events", n, key)) for n, e in enumerate(events) if e.host or e.mediator
                  for key, ref in (("host", e.host), ("mediator", e.mediator)) if ref is not None and ref not in known]
    elif kind in ("quote", "event"):
        field = "quotes" if kind == "quote" else "events"
        found += [(ref, ("issues", n, "positions", i, field, j)) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) for j, ref in enumerate(getattr(p, field)) if ref not in known]
    elif kind == "issue":
        found += [(ref, ("quotes", n, "issues", j)) for n, q in enumerate(quotes)
                  for j, ref in enumerate(q.issues) if ref not in known]
    if content.documents:
        found += document_references(content, kind, known)
    return found


def _second_positions(parsed: ParsedFile) -> list[Problem]:
    """A party with two positions on one issue: wrong within the file, whatever else the store holds."""
    found = []
    for n, issue in enumerate(parsed.content.issues):
        seen: set[str] = set()
        for i, position in enumerate(issue.positions):
            if position.party in seen:
                line, column = parsed.at("issues", n, "positions", i, "party")
                found.append(Problem(parsed.path, line, column, f"a second position for '{position.party}' on this issue; keep one"))
            seen.add(position.party)
    if parsed.content.documents:
        told = point_problems(parsed.content)
        found += [Problem(parsed.path, line, column, why) for (_, why), (line, column) in zip(told, parsed.positions(loc for loc, _ in told), strict=True)]
    return found


class _Part:
    """What one file contributes: its definitions, in file order."""

    __slots__ = ("parsed", "keys", "lines", "own_problems")

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        content, places = parsed.content, parsed.places
        singles = [s for s in SINGLES if getattr(content, s) is not None]
        keys: list[tuple[Key, int]] = [((s, s), 0) for s in singles]
        lines = [parsed.at(s)[0] for s in singles]
        for section in LIST_SECTIONS:
            items = getattr(content, section)
            keys += [((section, item.id), index) for index, item in enumerate(items)]
            flat = places.items.get(section)
            lines += flat[0::4] if flat is not None and len(flat) == 4 * len(items) else [parsed.at(section, i)[0] for i in range(len(items))]
        self.keys = keys
        """Each definition's key and its index in its section (0 for the story and the status)."""
        self.lines = lines
        """The line each definition starts on, in the order of `keys`."""
        self.own_problems = _second_positions(parsed)

    def ids(self, section: str) -> set[str]:
        return {item.id for item in getattr(self.parsed.content, section)}

    def people(self) -> set[str]:
        return {f"{party.id}/{person.id}" for party in self.parsed.content.parties for person in party.people}

    def id_at(self, key: Key, index: int) -> tuple[int, int]:
        return self.parsed.at(key[0]) if key[0] in SINGLES else self.parsed.at(key[0], index, "id")


class _KnownOrBroken:
    """The ids of a section that references may name: those defined, and those of items left
    out for failing validation (their own problem is said once; a reference to them is not)."""

    __slots__ = ("defined", "broken")

    def __init__(self, defined: Container[str], broken: Container[str]) -> None:
        self.defined, self.broken = defined, broken

    def __contains__(self, item: object) -> bool:
        return item in self.defined or item in self.broken


class Merger:
    """The store's files merged, kept up to date one changed file at a time."""

    def __init__(self) -> None:
        self._parts: dict[str, _Part] = {}
        self._order: list[str] = []
        """The files, in path order: the order definitions are taken in."""
        self._defs: dict[Key, list[tuple[str, int]]] = {}
        """Each key to the (file, index) of every definition, first one first."""
        self._doubled: set[Key] = set()
        """Keys defined more than once."""
        self._origins: dict[Key, Origin] = {}
        self._by_id: dict[str, dict[str, Any]] = {section: {} for section in LIST_SECTIONS}
        self._unknown: dict[tuple[str, str], list[Problem]] = {}
        """(file, kind of reference) to the references there that name nothing."""
        self._broken: dict[str, Counter[str]] = {section: Counter() for section in (*SINGLES, *LIST_SECTIONS)}
        """Per section, the ids of items left out of their files for failing validation (counted per file)."""

    def update(self, files: Mapping[str, ParsedFile | None], *, snapshot: bool = True) -> tuple[Snapshot | None, list[Problem]]:
        """Take each file's new content (None: it has none now); the snapshot if asked, and every cross-file problem."""
        touched_kinds: set[str] = set()
        for path, parsed in files.items():
            old = self._parts.get(path)
            if old is not None and parsed is old.parsed:
                continue
            new = _Part(parsed) if parsed is not None else None
            if (old.people() if old else set()) != (new.people() if new else set()):
                touched_kinds.add("person")
            for section in LIST_SECTIONS:
                if (old.ids(section) if old else set()) != (new.ids(section) if new else set()):
                    touched_kinds.add(_KIND_OF[section])
                elif (old.parsed.broken.get(section) if old else None) != (new.parsed.broken.get(section) if new else None):
                    touched_kinds.add(_KIND_OF[section])
            if old is not None:
                self._forget(path, old)
            if new is not None:
                self._take(path, new)
        changed = {path for path in files}
        for path in self._order:
            kinds = _CHECKED if path in changed else touched_kinds
            for kind in kinds:
                self._unknown[(path, kind)] = self._check(self._parts[path].parsed, kind)
        for path in changed - set(self._parts):
            for kind in _CHECKED:
                self._unknown.pop((path, kind), None)
        problems = self._problems()
        return (self._snapshot() if snapshot else None), problems

    def what_if(self, files: Mapping[str, ParsedFile | None]) -> list[Problem]:
        """The problems the store would have with these files; the merger is left as it was."""
        before = {path: (part.parsed if (part := self._parts.get(path)) else None) for path in files}
        try:
            return self.update(files, snapshot=False)[1]
        finally:
            self.update(before, snapshot=False)

    # -- definitions ---------------------------------------------------------------------------

    def _take(self, path: str, part: _Part) -> None:
        for section, ids in part.parsed.broken.items():
            self._broken[section].update(ids)
        self._parts[path] = part
        bisect.insort(self._order, path)
        defs_of, origins, by_id = self._defs, self._origins, self._by_id
        for (key, index), line in zip(part.keys, part.lines, strict=True):
            defs = defs_of.get(key)
            if defs is None:  # the common case, kept short: the first load takes every item here
                defs_of[key] = [(path, index)]
                origins[key] = Origin(path, line)
                section = key[0]
                if section in by_id:
                    by_id[section][key[1]] = getattr(part.parsed.content, section)[index]
                continue
            bisect.insort(defs, (path, index))
            self._doubled.add(key)
            self._own(key)

    def _forget(self, path: str, part: _Part) -> None:
        for section, ids in part.parsed.broken.items():
            self._broken[section].subtract(ids)
            self._broken[section] = +self._broken[section]  # drop the ids counted down to nothing
        for key, index in part.keys:
            defs = self._defs[key]
            defs.remove((path, index))
            if len(defs) < 2:
                self._doubled.discard(key)
            if not defs:
                del self._defs[key]
        del self._parts[path]
        self._order.remove(path)
        for key, _ in part.keys:
            self._own(key)

    def _own(self, key: Key) -> None:
        """Keep the origin and the by-id entry of `key` on its first definition."""
        section, item_id = key
        defs = self._defs.get(key)
        if not defs:
            self._origins.pop(key, None)
            if section in self._by_id:
                self._by_id[section].pop(item_id, None)
            return
        path, index = defs[0]
        part = self._parts[path]
        self._origins[key] = Origin(path, part.lines[part.keys.index((key, index))])
        if section in self._by_id:
            self._by_id[section][item_id] = getattr(part.parsed.content, section)[index]

    # -- problems ------------------------------------------------------------------------------

    def _check(self, parsed: ParsedFile, kind: str) -> list[Problem]:
        if kind == "person":
            return self._check_people(parsed)
        section = REF_KINDS[kind]
        known = self._by_id[section]
        broken = self._broken[section]
        bad = _unknown_references(parsed.content, kind, _KnownOrBroken(known, broken) if broken else known)
        if not bad:
            return []
        places = parsed.positions(loc for _, loc in bad)
        return [Problem(parsed.path, line, column, _unknown(kind, ref, known)) for (ref, _), (line, column) in zip(bad, places, strict=True)]

    def _check_people(self, parsed: ParsedFile) -> list[Problem]:
        """Each event's participants: a person of a party (a party left out as broken hides its people's faults)."""
        events = parsed.content.events
        if not any(e.participants for e in events):
            return []
        index, broken = people_index(self._by_id["parties"].values()), self._broken["parties"]
        bad = [(ref, ("events", n, "participants", j)) for n, e in enumerate(events) for j, ref in enumerate(e.participants)
               if len(index.get(ref, ())) != 1 and ref.partition("/")[0] not in broken]
        places = parsed.positions(loc for _, loc in bad)
        return [Problem(parsed.path, line, column, unknown_person(index, ref)) for (ref, _), (line, column) in zip(bad, places, strict=True)]

    def _problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for key in sorted(self._doubled):
            (first_path, first_index), *later = self._defs[key]
            first = self._origins[key]
            for path, index in later:
                line, column = self._parts[path].id_at(key, index)
                if key[0] in SINGLES:
                    message = f"'{key[0]}' is already defined in {first.path}:{first.line}; keep one"
                else:
                    message = f"duplicate {BY_SECTION[key[0]].noun} id '{key[1]}': first defined at {first.path}:{first.line}"
                problems.append(Problem(path, line, column, message))
        for path in self._order:
            problems += self._parts[path].own_problems
        problems += chain.from_iterable(self._unknown.values())
        if self._by_id["documents"]:
            problems += self._lineage()
        if ("story", "story") not in self._defs and not self._broken["story"]:
            problems.append(Problem("story.yaml", 1, 1, "no file defines 'story:' (title, as_of, deadlines); add one"))
        if ("status", "status") not in self._defs and not self._broken["status"]:
            problems.append(Problem("status.yaml", 1, 1, "no file defines 'status:' (stage, headline); add one"))
        return problems

    def _lineage(self) -> list[Problem]:
        problems = []
        for document_id, loc, why in lineage_problems(self._by_id["documents"]):
            path, index = self._defs[("documents", document_id)][0]
            line, column = self._parts[path].parsed.at("documents", index, *loc)
            problems.append(Problem(path, line, column, why))
        return problems

    # -- the snapshot --------------------------------------------------------------------------

    def _items(self, section: str) -> list[Any]:
        """The section's items in path order, each id's first definition only."""
        parts = [(path, self._parts[path]) for path in self._order]
        if not any(key[0] == section for key in self._doubled):
            return list(chain.from_iterable(getattr(part.parsed.content, section) for _, part in parts))
        items = []
        for path, part in parts:
            for index, item in enumerate(getattr(part.parsed.content, section)):
                if self._defs[(section, item.id)][0] == (path, index):
                    items.append(item)
        return items

    def _snapshot(self) -> Snapshot:
        singles = {}
        for section in SINGLES:
            defs = self._defs.get((section, section))
            singles[section] = getattr(self._parts[defs[0][0]].parsed.content, section) if defs else None
        snapshot = Snapshot(
            story=singles["story"],
            status=singles["status"],
            parties=tuple(self._items("parties")),
            issues=tuple(self._items("issues")),
            quotes=tuple(quotes_newest_first(self._items("quotes"))),
            events=tuple(events_in_time_order(self._items("events"))),
            sources=tuple(self._items("sources")),
            documents=tuple(self._items("documents")),
            origins=dict(self._origins),
        )
        for section in LIST_SECTIONS:
            # The indexes the snapshot would build on first use, kept here a file at a time.
            snapshot.__dict__[BY_SECTION[section].by_id] = dict(self._by_id[section])
        return snapshot


def merge(files: Iterable[ParsedFile]) -> tuple[Snapshot, list[Problem]]:
    """Combine parsed files into a snapshot, with the cross-file problems (a merger used once)."""
    snapshot, problems = Merger().update({parsed.path: parsed for parsed in files})
    assert snapshot is not None
    return snapshot, problems
