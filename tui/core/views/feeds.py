"""The story for calendars and feed readers: an iCalendar file of its deadlines and scheduled
events, and an Atom feed of its net changes. Both with ids that stay the same from one export to
the next, so a calendar that imports a later file updates its events instead of doubling them,
and a feed reader marks only the new entries unread."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.journal.journal import Reload

ATOM = "http://www.w3.org/2005/Atom"


def slug(text: str, empty: str = "item") -> str:
    """Words as an id's part: lower-case letters and digits joined by dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or empty


def calendar(snapshot: Snapshot, now: dt.datetime, key: str) -> bytes:
    """Deadlines and events dated from the story's today on, as all-day events. A deadline's uid
    is its words (a deadline moved to another date is the same one, updated), an event's its id.
    A meeting's location is its venue and place, and its description says how it is held, its
    host and mediator, and who takes part, by name."""
    from icalendar import Calendar, Event

    from tui.core.views.meetings import people_at, where

    story = snapshot.story
    today = story_clock(story).today(now)
    cal = Calendar()
    cal.add("prodid", "-//peacewatch//story calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{story.title if story else 'Story'}: deadlines and scheduled events")
    stamp = now.astimezone(dt.UTC)
    for deadline in story.deadlines if story else ():
        entry = Event()
        entry.add("uid", f"deadline-{slug(deadline.what)}-{hashlib.sha256(deadline.what.encode()).hexdigest()[:8]}@{key}.peacewatch")
        entry.add("summary", f"Deadline: {deadline.what}")
        entry.add("dtstart", deadline.date)
        entry.add("dtend", deadline.date + dt.timedelta(days=1))
        entry.add("dtstamp", stamp)
        if deadline.outcome is not None:
            entry.add("description", f"Outcome: {deadline.outcome.value}")
        if deadline.source:
            entry.add("x-peacewatch-source", deadline.source)
        cal.add_component(entry)
    for event in snapshot.events:
        if event.date is None or event.date < today:
            continue
        entry = Event()
        entry.add("uid", f"event-{event.id}@{key}.peacewatch")
        entry.add("summary", event.title)
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + dt.timedelta(days=1))
        entry.add("dtstamp", stamp)
        if where(event):
            entry.add("location", where(event))
        said = [
            f"Format: {event.format.label}" if event.format else "",
            f"Host: {snapshot.party_name(event.host)}" if event.host else "",
            f"Mediator: {snapshot.party_name(event.mediator)}" if event.mediator else "",
            f"Participants: {'; '.join(people_at(event, snapshot))}" if event.participants else "",
        ]
        description = "\n\n".join(filter(None, [event.summary, "\n".join(filter(None, said))]))
        if description:
            entry.add("description", description)
        cal.add_component(entry)
    data: bytes = cal.to_ical()
    return data


def atom(reloads: Sequence[Reload], snapshot: Snapshot, now: dt.datetime, key: str) -> bytes:
    """The net changes, one entry a reload (newest first), each line of it in the entry's text.
    An entry's id is its reload's number in the journal, which never changes."""
    story = snapshot.story
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:peacewatch:{key}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{story.title if story else 'Story'}: what changed"
    newest = max((r.observed_at for r in reloads), default=now)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = newest.astimezone(dt.UTC).isoformat()
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "peacewatch"
    for reload in reloads:
        if not reload.entries:
            continue
        lines = [entry.text for entry in reload.entries]
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}id").text = f"urn:peacewatch:{key}:changes:{reload.id}"
        count = len(lines)
        ET.SubElement(item, f"{{{ATOM}}}title").text = lines[0] if count == 1 else f"{lines[0]} (and {count - 1} more)"
        ET.SubElement(item, f"{{{ATOM}}}updated").text = reload.observed_at.astimezone(dt.UTC).isoformat()
        who = sorted({entry.author for entry in reload.entries if entry.author})
        if who:
            by = ET.SubElement(item, f"{{{ATOM}}}author")
            ET.SubElement(by, f"{{{ATOM}}}name").text = ", ".join(who)
        ET.SubElement(item, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data
