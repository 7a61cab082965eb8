"""Merge the files of a store into one snapshot and check what refers to what.

Each file that parsed and validated contributes its items. Problems that span files are
found here: a section defined twice, an id used twice, a reference to an id that no file
defines. Such problems are reported but hide nothing: the first definition wins and an
unknown reference is shown as unknown, so one mistake never blanks good content.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.model import ContentFile, Event, Quote
from tui.core.problems import Problem
from tui.core.snapshot import Origin, Snapshot
from tui.core.yaml_reader import YamlDocument


@dataclass(frozen=True)
class ParsedFile:
    """A file that parsed and validated: its content and where each part stands."""

    path: str
    content: ContentFile
    doc: YamlDocument

    def at(self, *loc: str | int) -> tuple[int, int]:
        return self.doc.position(loc)




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
    """By date, newest first; among the same date, the one written later first."""
    return sorted(reversed(quotes), key=lambda q: q.date or dt.date.min, reverse=True)


def merge(files: Iterable[ParsedFile]) -> tuple[Snapshot, list[Problem]]:
    """Combine parsed files (in path order) into a snapshot, with the cross-file problems."""
    problems: list[Problem] = []
    origins: dict[tuple[str, str], Origin] = {}
    where: dict[tuple[str, str], tuple[ParsedFile, tuple]] = {}
    singles: dict[str, Any] = {}  # the story and the deal status, as read by getattr
    lists: dict[str, list] = {section: [] for section in LIST_SECTIONS}
    files = sorted(files, key=lambda f: f.path)

    for parsed in files:
        for section in ("story", "status"):
            value = getattr(parsed.content, section)
            if value is None:
                continue
            line, column = parsed.at(section)
            if section in singles:
                first = origins[(section, section)]
                problems.append(
                    Problem(parsed.path, line, column, f"'{section}' is already defined in {first.path}:{first.line}; keep one")
                )
                continue
            singles[section] = value
            origins[(section, section)] = Origin(parsed.path, line)
            where[(section, section)] = (parsed, (section,))
        for section in LIST_SECTIONS:
            for index, item in enumerate(getattr(parsed.content, section)):
                key = (section, item.id)
                line, column = parsed.at(section, index, "id")
                if key in origins:
                    first = origins[key]
                    problems.append(
                        Problem(
                            parsed.path, line, column,
                            f"duplicate {BY_SECTION[section].noun} id '{item.id}': first defined at {first.path}:{first.line}",
                        )
                    )
                    continue
                origins[key] = Origin(parsed.path, parsed.at(section, index)[0])
                where[key] = (parsed, (section, index))
                lists[section].append(item)

    snapshot = Snapshot(
        story=singles.get("story"),
        status=singles.get("status"),
        parties=tuple(lists["parties"]),
        issues=tuple(lists["issues"]),
        quotes=tuple(quotes_newest_first(lists["quotes"])),
        events=tuple(events_in_time_order(lists["events"])),
        sources=tuple(lists["sources"]),
        origins=origins,
    )
    problems.extend(_missing_sections(snapshot, files))
    problems.extend(_check_references(snapshot, where))
    return snapshot, problems


def _missing_sections(snapshot: Snapshot, files: list[ParsedFile]) -> list[Problem]:
    problems = []
    if snapshot.story is None:
        problems.append(Problem("story.yaml", 1, 1, "no file defines 'story:' (title, as_of, deadlines); add one"))
    if snapshot.status is None:
        problems.append(Problem("status.yaml", 1, 1, "no file defines 'status:' (stage, headline); add one"))
    return problems


def _check_references(snapshot: Snapshot, where: dict) -> list[Problem]:
    known = {
        "party": set(snapshot.party_by_id),
        "issue": set(snapshot.issue_by_id),
        "quote": set(snapshot.quote_by_id),
        "event": set(snapshot.event_by_id),
        "source": set(snapshot.source_by_id),
    }
    problems: list[Problem] = []

    def check(kind: str, ref: str | None, owner: tuple[str, str], *loc: str | int) -> None:
        if ref is None or ref in known[kind]:
            return
        parsed, base = where[owner]
        line, column = parsed.at(*base, *loc)
        problems.append(Problem(parsed.path, line, column, _unknown(kind, ref, known[kind])))

    if snapshot.story:
        for i, deadline in enumerate(snapshot.story.deadlines):
            check("source", deadline.source, ("story", "story"), "deadlines", i, "source")
    if snapshot.status:
        check("source", snapshot.status.source, ("status", "status"), "source")
        for i, change in enumerate(snapshot.status.history):
            check("source", change.source, ("status", "status"), "history", i, "source")
    for issue in snapshot.issues:
        owner = ("issues", issue.id)
        check("source", issue.source, owner, "source")
        seen: set[str] = set()
        for i, position in enumerate(issue.positions):
            check("party", position.party, owner, "positions", i, "party")
            if position.party in seen:
                parsed, base = where[owner]
                line, column = parsed.at(*base, "positions", i, "party")
                problems.append(Problem(parsed.path, line, column, f"a second position for '{position.party}' on this issue; keep one"))
            seen.add(position.party)
            check("source", position.source, owner, "positions", i, "source")
            for j, ref in enumerate(position.quotes):
                check("quote", ref, owner, "positions", i, "quotes", j)
            for j, ref in enumerate(position.events):
                check("event", ref, owner, "positions", i, "events", j)
    for quote in snapshot.quotes:
        owner = ("quotes", quote.id)
        check("party", quote.party, owner, "party")
        check("source", quote.source, owner, "source")
        for j, ref in enumerate(quote.issues):
            check("issue", ref, owner, "issues", j)
    for event in snapshot.events:
        owner = ("events", event.id)
        check("source", event.source, owner, "source")
        for j, ref in enumerate(event.parties):
            check("party", ref, owner, "parties", j)
    return problems
