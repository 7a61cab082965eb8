"""The archive: an article's bytes kept under their SHA-256, its capture recorded on its source
through the desk's byte-exact edits, a newer capture kept beside the older, a web page read."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from tests.helpers.minimal_store import SOURCES, write_store
from tui.core.desk import NO_JOURNAL, AddCapture, AddSource, Desk, EditRefused, QuoteState, archive_article, article_text, compare_capture

ARTICLE = "Talks open in Geneva\nThe envoy told the Wire: “We will not move: not one metre.” Talks go on, said an official.\n".encode()
DAY = dt.date(2025, 2, 22)
PAGE = b"""<!doctype html><html><head><title>Talks open - The Wire</title>
<meta property="og:site_name" content="The Wire"><meta property="og:title" content="Talks open in Geneva">
<meta property="article:published_time" content="2025-02-21T09:00:00Z"><link rel="canonical" href="https://example.org/wire-1">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks open in Geneva</h1>
<p>Delegations from Northland and Southland met in Geneva on Friday for the first round of talks on a ceasefire.</p>
<p>The envoy told the Wire: \xe2\x80\x9cWe will not move: not one metre.\xe2\x80\x9d Officials on both sides said talks would go on next week.</p>
</article><footer>Subscribe to our newsletter. Cookie settings.</footer></body></html>"""


def test_the_bytes_are_kept_under_their_digest_once_and_the_capture_says_where(tmp_path: Path) -> None:
    archived = archive_article(tmp_path, ARTICLE, "wire 1.TXT", DAY, "https://example.org/wire-1")
    sha = hashlib.sha256(ARTICLE).hexdigest()
    assert archived.file == f"archive/{sha}.txt" and (tmp_path / archived.file).read_bytes() == ARTICLE
    assert archived.capture() == {"file": f"archive/{sha}.txt", "captured": "2025-02-22", "sha256": sha, "url": "https://example.org/wire-1"}
    assert archived.article.text == ARTICLE.decode() and not archived.already
    stamp = (tmp_path / archived.file).stat().st_mtime_ns
    again = archive_article(tmp_path, ARTICLE, "other-name.txt", dt.datetime(2025, 3, 1, 12, 0))
    assert again.already and again.file == archived.file and again.captured == dt.date(2025, 3, 1)
    assert (tmp_path / archived.file).stat().st_mtime_ns == stamp  # not written again


def test_empty_bytes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        archive_article(tmp_path, b"", "x.txt", DAY)


def test_a_web_page_is_read_for_its_article_title_outlet_date_and_address(tmp_path: Path) -> None:
    archived = archive_article(tmp_path, PAGE, "page", DAY)  # no ending: known as a page by its bytes
    assert archived.file.endswith(".html")
    article = archived.article
    assert "“We will not move: not one metre.”" in article.text and "Subscribe" not in article.text and "Sport" not in article.text
    assert (article.title, article.outlet, article.date, article.url) == ("Talks open in Geneva", "The Wire", dt.date(2025, 2, 21), "https://example.org/wire-1")
    fields = archived.source_fields()
    assert (fields["outlet"], fields["title"], fields["url"]) == ("The Wire", "Talks open in Geneva", "https://example.org/wire-1")
    assert article_text(ARTICLE, "a.md").text == ARTICLE.decode()  # a text file is its text, as is


def test_a_capture_is_recorded_on_its_source_as_new_lines_only_and_its_quotes_verify(tmp_path: Path) -> None:
    root = write_store(tmp_path / "content")
    before = (root / "sources.yaml").read_bytes()
    desk = Desk(root, journal=NO_JOURNAL)
    assert desk.load().verified is None  # no source has a copy: nothing checked, nothing shown
    archived = archive_article(root, ARTICLE, "wire-1.txt", DAY, "https://example.org/wire-1")
    applied = desk.apply(AddCapture("wire-1", archived.capture("as sent by the Wire")))
    state = applied.state
    assert applied.lines == (f"Source The Wire: archived a copy {archived.file} (captured 2025-02-22)",)  # the journal's line
    after = (root / "sources.yaml").read_bytes()
    added = (
        "    archive:\n"
        f"      - file: {archived.file}\n"
        "        captured: 2025-02-22\n"
        f"        sha256: {archived.sha256}\n"
        "        url: https://example.org/wire-1\n"
        "        note: as sent by the Wire\n"
    ).encode()
    cut = before.index(b"  - id: wire-2")
    assert after == before[:cut] + added + before[cut:]
    assert state.problems == ()
    assert state.verified is not None
    assert state.verified.of("q-north").state is QuoteState.VERBATIM
    assert state.verified.of("q-south").state is QuoteState.NOT_ARCHIVED  # wire-2 has no copy
    with pytest.raises(EditRefused, match="already records this capture"):
        desk.apply(AddCapture("wire-1", archived.capture()))


def test_a_new_source_can_carry_its_capture(tmp_path: Path) -> None:
    root = write_store(tmp_path / "content")
    archived = archive_article(root, PAGE, "talks.html", DAY)
    applied = Desk(root, journal=NO_JOURNAL).apply(AddSource(**{**archived.source_fields(), "outlet": "The Wire, web"}))
    source = applied.state.snapshot.source_by_id[applied.written.item_id]
    assert applied.state.problems == ()
    assert [c.file for c in source.archive] == [archived.file] and source.url == "https://example.org/wire-1"


def test_a_newer_capture_of_the_same_address_is_kept_beside_the_older_and_says_what_still_matches(tmp_path: Path) -> None:
    quotes = """\
quotes:
  - id: q-north
    text: "We will not move: not one metre."
    speaker: A. Envoy
    medium: interview
    source: wire-1
  - id: q-talks
    text: Talks go on
    speaker: an official
    medium: anonymous
    source: wire-1
  - id: q-envoy
    text: The envoy told the Wire
    speaker: an official
    medium: anonymous
    source: wire-1
"""
    root = write_store(tmp_path / "content", quotes_yaml=quotes)
    desk = Desk(root, journal=NO_JOURNAL)
    desk.load()
    url = "https://example.org/wire-1"
    old = archive_article(root, ARTICLE, "wire-1.txt", DAY, url)
    desk.apply(AddCapture("wire-1", old.capture()))
    newer = ARTICLE.replace(b"not one metre", b"not one inch").replace(b"The envoy told the Wire: ", b"")
    new = archive_article(root, newer, "wire-1.txt", DAY + dt.timedelta(days=1), url)
    report = compare_capture(desk.state.snapshot, new)
    assert (report.sources, report.still, report.vanished) == (("wire-1",), ("q-talks",), ("q-envoy",))
    assert report.changed == (("q-north", "store: *not one metre*; source: *not one inch*"),)
    assert any("both captures are kept" in line for line in report.lines())
    state = desk.apply(AddCapture("wire-1", new.capture())).state
    source = state.snapshot.source_by_id["wire-1"]
    assert [c.sha256 for c in source.archive] == [old.sha256, new.sha256]
    assert (root / old.file).read_bytes() == ARTICLE and (root / new.file).read_bytes() == newer
    assert state.verified is not None and state.verified.of("q-north").state is QuoteState.DIFFERS  # the newest copy counts
    assert compare_capture(state.snapshot, archive_article(root, ARTICLE, "x.txt", DAY, "https://elsewhere.example")).sources == ()


@pytest.mark.parametrize("file", ["/etc/passwd", "../outside.txt", "archive/../../x.txt", "C:/x.txt", ".hidden/x.txt"])
def test_a_capture_outside_the_content_folder_is_refused_by_the_model(tmp_path: Path, file: str) -> None:
    sha = "0" * 64
    sources = SOURCES.replace("  - id: wire-2\n", f"    archive:\n      - file: {file}\n        captured: 2025-02-22\n        sha256: '{sha}'\n  - id: wire-2\n")
    root = write_store(tmp_path / "content", sources_yaml=sources)
    problems = Desk(root, journal=NO_JOURNAL).load().problems
    assert any("is not a file inside the content folder" in p.message for p in problems), problems
