"""`peacewatch export`: the data package passes Frictionless's own validation, the calendar parses
with a calendar library and keeps its ids, and a real feed reader (newsboat) shows only the new
changes of a later export as new."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import REPO


def export(store: Path, tmp_path: Path, fmt: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(tmp_path / "state")}
    return subprocess.run([sys.executable, "-m", "tui", "export", str(store), "--format", fmt, "-o", str(out)],
                          capture_output=True, text=True, timeout=60, env=env)


def test_the_data_package_is_valid_and_its_schema_is_the_codebook(store: Path, tmp_path: Path) -> None:
    import json

    from frictionless import validate

    out = tmp_path / "package"
    done = export(store, tmp_path, "datapackage", out)
    assert done.returncode == 0, done.stderr
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # The keys are declared, so a validator catches a row naming what no table holds.
    with (out / "points.csv").open("a", encoding="utf-8") as points:
        points.write("no-such-document,p1,,,,,,,\n")
    broken = validate(str(out / "datapackage.json"))
    assert [e[1] for e in broken.flatten(["rowNumber", "type"])] == ["foreign-key"]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    quotes = next(r for r in package["resources"] if r["name"] == "quotes")
    medium = next(f for f in quotes["schema"]["fields"] if f["name"] == "medium")
    assert "press-conference" in medium["constraints"]["enum"] and "press-conference: " in medium["description"]
    assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"])
    lines = (out / "quotes.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 13 and lines[0].startswith("id,text,context,speaker")  # a header and the 12 shipped quotes
    assert "lavrov-welcomed,welcomed," in (out / "quotes.csv").read_text(encoding="utf-8")
    documents = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in documents[1:]] == ["us-plan-initial", "us-plan-later-drafts", "us-plan-newest", "us-framework"]
    assert "28 (meduza-putin-first-comments)" in documents[1]
    assert (out / "points.csv").read_text(encoding="utf-8").splitlines()[1].startswith("us-plan-initial,territory-given-up,,")
    assert "us-framework,,ukraine,accepts," in (out / "document_stances.csv").read_text(encoding="utf-8")
    events = next(r for r in package["resources"] if r["name"] == "events")
    meeting_format = next(f for f in events["schema"]["fields"] if f["name"] == "format")
    assert meeting_format["constraints"]["enum"] == ["in-person", "phone", "video"]
    assert "video: Met by video link." in meeting_format["description"]
    rows = (out / "events.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,title,date,when,place,venue,format,parties,host,mediator,participants,summary,source"
    assert rows[1].startswith("alaska-summit,Putin and Trump meet in Alaska,,earlier this year,\"Anchorage, Alaska\",,in-person,"
                              "united-states; russia,,,russia/vladimir-putin; united-states/donald-trump,")


def test_the_calendar_lists_the_deadlines_and_a_moved_one_keeps_its_id(store: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert export(store, tmp_path, "ics", first).returncode == 0
    events = [c for c in Calendar.from_ical(first.read_bytes()).walk("VEVENT")]
    deadline = next(e for e in events if str(e["summary"]).startswith("Deadline:"))
    assert "Thanksgiving" in str(deadline["summary"]) and deadline.decoded("dtstart").isoformat() == "2025-11-27"
    story = store / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("2025-11-27", "2025-11-28", 1), encoding="utf-8")
    assert export(store, tmp_path, "ics", second).returncode == 0
    moved = next(e for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT") if str(e["summary"]).startswith("Deadline:"))
    assert str(moved["uid"]) == str(deadline["uid"]) and moved.decoded("dtstart").isoformat() == "2025-11-28"


SCHEDULED = """
  - id: geneva-round
    title: Ukrainian and U.S. negotiators to meet in Geneva
    date: 2099-11-30
    place: Geneva
    venue: The U.S. mission
    format: in-person
    parties: [ukraine]
    host: united-states
    participants:
      - ukraine/rustem-umerov
      - donald-trump
    summary: A round of talks.
    source: meduza-2025-11-25-lavrov
"""


def test_a_scheduled_meeting_is_in_the_calendar_with_its_venue_and_people_and_keeps_its_id(store: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    events = store / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + SCHEDULED, encoding="utf-8")
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert export(store, tmp_path, "ics", first).returncode == 0
    meeting = next(e for e in Calendar.from_ical(first.read_bytes()).walk("VEVENT") if str(e["summary"]).startswith("Ukrainian"))
    assert str(meeting["location"]) == "The U.S. mission, Geneva"
    assert str(meeting["description"]) == ("A round of talks.\n\nFormat: in person\nHost: United States\n"
                                           "Participants: Rustem Umerov (Ukraine); Donald Trump (U.S.)")
    events.write_text(events.read_text(encoding="utf-8").replace("The U.S. mission", "The Palais des Nations"), encoding="utf-8")
    assert export(store, tmp_path, "ics", second).returncode == 0
    moved = next(e for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT") if str(e["summary"]).startswith("Ukrainian"))
    assert str(moved["uid"]) == str(meeting["uid"]) == "event-geneva-round@trump-s-peace-plan-for-the-war-in-ukraine.peacewatch"
    assert str(moved["location"]) == "The Palais des Nations, Geneva"


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat is not installed (CI installs it)")
def test_a_feed_reader_shows_only_the_new_changes_of_a_later_export_as_new(store: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.atom"
    urls = tmp_path / "urls"
    urls.write_text(f"file://{feed}\n")

    def unread() -> str:
        done = subprocess.run(["newsboat", "-u", str(urls), "-c", str(tmp_path / "cache.db"), "-C", os.devnull, "-x", "reload", "print-unread"],
                              capture_output=True, text=True, timeout=60)
        return done.stdout.strip()

    first = export(store, tmp_path, "atom", feed)  # the journal's first look: no change yet, and said so
    assert first.returncode == 0 and "the feed has no entries yet" in first.stderr
    issues = store / "issues.yaml"
    issues.write_text(issues.read_text(encoding="utf-8").replace("stance: unclear", "stance: opposes", 1), encoding="utf-8")
    later = export(store, tmp_path, "atom", feed)
    assert later.returncode == 0 and "no entries" not in later.stderr
    assert unread() == "1 unread articles"
    issues.write_text(issues.read_text(encoding="utf-8").replace("stance: opposes", "stance: accepts", 1), encoding="utf-8")
    assert export(store, tmp_path, "atom", feed).returncode == 0
    # Two entries now; the first keeps its id, so the reader counts it once: 2 unread, not 3.
    assert unread() == "2 unread articles"
    assert "Ukraine on Security guarantees: stance opposes → accepts" in feed.read_text(encoding="utf-8")
