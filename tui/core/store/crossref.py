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
import weakref
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from tui.core.model.items import Quote
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.model.people import people_index, unknown_person
from tui.core.model.snapshot import Lineage, Origin, Snapshot
from tui.core.store.display_order import events_in_time_order, order_key, quotes_newest_first
from tui.core.store.document_checks import lineage_problems
from tui.core.store.parsed_file import SINGLES, ParsedFile
from tui.core.store.unknown_refs import second_positions, unknown, unknown_references
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
        self.own_problems = second_positions(parsed)

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
        self._since: dict[str, tuple[_Part | None, _Part | None]] = {}
        """Each file taken out or put in since the last snapshot: its part then, and now."""
        self._last: tuple[Snapshot, bool] | None = None
        """The last snapshot made, and whether an id was defined twice in it."""

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
            self._since[path] = (self._since[path][0] if path in self._since else old, new)
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
        bad = unknown_references(parsed.content, kind, _KnownOrBroken(known, broken) if broken else known)
        if not bad:
            return []
        places = parsed.positions(loc for _, loc in bad)
        return [Problem(parsed.path, line, column, unknown(kind, ref, known)) for (ref, _), (line, column) in zip(bad, places, strict=True)]

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
            problems += self._versions()
        if ("story", "story") not in self._defs and not self._broken["story"]:
            problems.append(Problem("story.yaml", 1, 1, "no file defines 'story:' (title, as_of, deadlines); add one"))
        if ("status", "status") not in self._defs and not self._broken["status"]:
            problems.append(Problem("status.yaml", 1, 1, "no file defines 'status:' (stage, headline); add one"))
        return problems

    def _versions(self) -> list[Problem]:
        """The documents' lineage problems (`earlier` naming no point, versions in a circle)."""
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

    def _lineage(self, sections: Mapping[str, tuple]) -> tuple[Lineage | None, list[Quote]]:
        """What changed since the last snapshot, by file, and the quotes newest first: known exactly
        unless an id is (or was) defined twice, when which definition is shown can change in
        files not re-read (then None, and the quotes sorted whole)."""
        since, self._since = self._since, {}
        if self._last is None or self._last[1] or self._doubled:
            return None, quotes_newest_first(self._items("quotes"))
        last = self._last[0]
        swapped = {path: (old, new) for path, (old, new) in since.items() if (old and old.parsed) is not (new and new.parsed)}
        # Quotes in the order the snapshots show them (newest first), the others as their tuples hold them.
        gone_quotes = sorted(((order_key(q, path, i), q) for path, (old, _) in swapped.items() if old
                              for i, q in enumerate(old.parsed.content.quotes)), key=itemgetter(0), reverse=True)
        new_quotes = sorted(((order_key(q, path, i), q) for path, (_, new) in swapped.items() if new
                             for i, q in enumerate(new.parsed.content.quotes)), key=itemgetter(0), reverse=True)
        gone, added = {"quotes": tuple(q for _, q in gone_quotes)}, {"quotes": tuple(q for _, q in new_quotes)}
        for section in LIST_SECTIONS:
            if section != "quotes":
                out = {id(item) for old, _ in swapped.values() if old for item in getattr(old.parsed.content, section)}
                came = {id(item) for _, new in swapped.values() if new for item in getattr(new.parsed.content, section)}
                gone[section] = tuple(item for item in getattr(last, section) if id(item) in out) if out else ()
                added[section] = tuple(item for item in sections[section] if id(item) in came) if came else ()
        lineage = Lineage(weakref.ref(last), frozenset(swapped), gone, added)
        return lineage, self._spliced_quotes(last, gone_quotes, new_quotes)

    def _spliced_quotes(self, last: Snapshot, gone: list[tuple[tuple, Quote]], added: list[tuple[tuple, Quote]]) -> list[Quote]:
        """The last snapshot's quotes with the re-read files' quotes taken out and theirs put in
        where `quotes_newest_first` would put them (by date, then later in path and file order
        first, the undated last): each found by halving, the list copied once in slices, so a
        save costs its file's quotes, not a pass over every quote."""
        was = {id(q): key for key, q in gone}
        defs = self._defs

        def key(quote: Quote) -> tuple:
            # A quote taken out stands where it stood; the others' files were not re-read.
            return was.get(id(quote)) or order_key(quote, *defs[("quotes", quote.id)][0])

        def cut(quotes: Sequence[Quote], at: list[int], put: list[Quote] | None) -> list[Quote]:
            made: list[Quote] = []
            start = 0
            for n, index in enumerate(at):
                made += quotes[start:index]
                if put is None:
                    start = index + 1  # taken out
                else:
                    made.append(put[n])
                    start = index
            return made + list(quotes[start:])

        kept = list(last.quotes)
        if gone:
            # A saved file's quotes mostly stand together (one day's file, say): one halving finds
            # the run, and the run is checked quote by quote; else each is found on its own.
            start = _halving(kept, gone[0][0], key)
            if all(a is b for a, (_, b) in zip(kept[start:start + len(gone)], gone, strict=False)) and start + len(gone) <= len(kept):
                del kept[start:start + len(gone)]
            else:
                kept = cut(kept, [_halving(kept, wanted, key) for wanted, _ in gone], None)
        if not added:
            return kept
        first, last_place = _halving(kept, added[0][0], key), _halving(kept, added[-1][0], key)
        if first == last_place:  # no quote kept stands among them: they go in as one run
            return kept[:first] + [q for _, q in added] + kept[first:]
        return cut(kept, [_halving(kept, wanted, key) for wanted, _ in added], [q for _, q in added])

    def _snapshot(self) -> Snapshot:
        singles = {}
        for section in SINGLES:
            defs = self._defs.get((section, section))
            singles[section] = getattr(self._parts[defs[0][0]].parsed.content, section) if defs else None
        sections = {"parties": tuple(self._items("parties")), "issues": tuple(self._items("issues")),
                    "events": tuple(events_in_time_order(self._items("events"))), "sources": tuple(self._items("sources")),
                    "documents": tuple(self._items("documents"))}
        lineage, quotes = self._lineage(sections)
        snapshot = Snapshot(story=singles["story"], status=singles["status"], quotes=tuple(quotes), origins=dict(self._origins),
                            lineage=lineage, **sections)
        if lineage is not None:
            object.__setattr__(lineage, "child", weakref.ref(snapshot))  # made after it: see Lineage.child
        self._last = (snapshot, bool(self._doubled))
        for section in LIST_SECTIONS:
            # The indexes the snapshot would build on first use, kept here a file at a time; one no
            # file changed is the last snapshot's (never changed once made).
            same = lineage is not None and not lineage.gone[section] and not lineage.added[section]
            by_id = BY_SECTION[section].by_id
            snapshot.__dict__[by_id] = lineage.parent().__dict__[by_id] if same and lineage.parent() else dict(self._by_id[section])  # type: ignore[union-attr]
        return snapshot


def _halving(quotes: Sequence[Quote], wanted: tuple, key: Callable[[Quote], tuple]) -> int:
    """The first index in `quotes` (newest first) whose quote stands at or after `wanted`."""
    low, high = 0, len(quotes)
    while low < high:
        middle = (low + high) // 2
        if key(quotes[middle]) > wanted:
            low = middle + 1
        else:
            high = middle
    return low


def merge(files: Iterable[ParsedFile]) -> tuple[Snapshot, list[Problem]]:
    """Combine parsed files into a snapshot, with the cross-file problems (a merger used once)."""
    snapshot, problems = Merger().update({parsed.path: parsed for parsed in files})
    assert snapshot is not None
    return snapshot, problems
