"""The search language on the shipped story: words ANDed over every kind, phrases, exclusions, field
filters, dates (absolute and counted back from the story's today), folding, and errors said in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.paths import SHIPPED
from tui.core.desk import NO_JOURNAL, Desk
from tui.core.model.snapshot import Snapshot
from tui.core.views.query import Hit, QueryError, parse, search

TODAY = dt.date(2025, 11, 25)


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return Desk(Path(SHIPPED), journal=NO_JOURNAL).load().snapshot


def found(snapshot: Snapshot, text: str, today: dt.date = TODAY) -> list[tuple[str, str]]:
    return [(hit.kind, hit.id) for hit in search(snapshot, text, today)]


def test_words_are_anded_across_fields_so_lavrov_anchorage_finds_his_quote(snapshot: Snapshot) -> None:
    # "lavrov" is the quote's speaker, "anchorage" its text: the old search looked for the two words side by side.
    hits = found(snapshot, "lavrov anchorage")
    assert ("quote", "lavrov-anchorage") in hits
    assert all(kind != "party" for kind, _ in hits)  # Russia's party holds Lavrov but never "anchorage"


def test_case_accents_and_quote_marks_fold_in_the_query_and_the_items(snapshot: Snapshot) -> None:
    assert found(snapshot, "LAVRÖV ANCHORAGE") == found(snapshot, "lavrov anchorage")
    assert ("quote", "lavrov-anchorage") in found(snapshot, "“spirit and letter”")


def test_a_phrase_is_exact_and_an_excluded_word_leaves_items_out(snapshot: Snapshot) -> None:
    assert ("quote", "lavrov-anchorage") in found(snapshot, '"spirit and letter"')
    assert found(snapshot, '"letter and spirit"') == []
    assert ("quote", "lavrov-anchorage") not in found(snapshot, "anchorage -lavrov")
    assert ("quote", "lavrov-anchorage") in found(snapshot, "anchorage -zzzz")


def test_speaker_finds_the_quote_and_the_person_by_a_part_of_the_name(snapshot: Snapshot) -> None:
    assert found(snapshot, "speaker:yermak") == [("quote", "yermak-as-soon-as-possible"), ("person", "andriy-yermak")]
    [hit] = search(snapshot, "speaker:yermak kind:quote", TODAY)
    assert (hit.field, hit.start, hit.end) == ("speaker", 7, 13)  # "Andriy Yermak"[7:13]


def test_party_by_id_or_name_matches_quotes_positions_events_the_party_and_its_people(snapshot: Snapshot) -> None:
    kinds = {kind for kind, _ in found(snapshot, "party:ukraine")}
    assert kinds == {"quote", "event", "position", "party", "person", "document"}  # the framework Ukraine accepts
    assert found(snapshot, "party:Ukraine") == found(snapshot, "party:ukraine")
    # A whole name wins over a part of one: Russia is not also the Free Russia Foundation.
    assert ("person", "natalia-arno") not in found(snapshot, "party:russia")
    assert ("person", "natalia-arno") in found(snapshot, "party:free")


def test_party_and_a_week_lists_that_weeks_quotes_positions_and_events(snapshot: Snapshot) -> None:
    hits = found(snapshot, "party:ukraine since:2025-11-20")
    assert ("quote", "yermak-as-soon-as-possible") in hits and ("event", "abu-dhabi-meeting") in hits
    assert ("position", "territory/ukraine") in hits  # dated by its source
    assert not any(kind in ("party", "person") for kind, _ in hits)  # undated: left out by since


def test_kind_issue_and_source_filters(snapshot: Snapshot) -> None:
    assert {kind for kind, _ in found(snapshot, "kind:person")} == {"person"}
    assert found(snapshot, "kind:people") == found(snapshot, "kind:person")
    assert {kind for kind, _ in found(snapshot, "issue:territory")} >= {"issue", "position", "quote"}
    assert {kind for kind, _ in found(snapshot, "source:meduza-2025-11-25-lavrov kind:quote")} == {"quote"}


def test_relative_dates_count_back_from_the_story_today(snapshot: Snapshot) -> None:
    week = parse("since:7d until:yesterday", TODAY)
    assert (week.since, week.until) == (dt.date(2025, 11, 18), dt.date(2025, 11, 24))
    assert parse("since:2w", TODAY).since == dt.date(2025, 11, 11)
    assert parse("since:today", TODAY).since == TODAY
    assert found(snapshot, "since:today kind:quote", TODAY) == found(snapshot, "since:2025-11-25 kind:quote")
    assert found(snapshot, "since:today kind:quote", dt.date(2026, 1, 1)) == []


@pytest.mark.parametrize(("query", "said"), [
    ("since:tomorrowish", "since: takes a date (YYYY-MM-DD) or a time back from today"),
    ("until:2025-13-01", "until: takes a date"),
    ("kind:fish", "kind: is one of quote, event"),
    ("speaker:", "speaker: needs a value"),
    ("since:2025-11-25 until:2025-11-01", "is after until"),
])
def test_a_query_that_cannot_be_read_is_said_in_words(snapshot: Snapshot, query: str, said: str) -> None:
    with pytest.raises(QueryError, match=said.replace("(", r"\(").replace(")", r"\)")):
        search(snapshot, query, TODAY)


def test_a_hit_says_where_the_words_match_with_context(snapshot: Snapshot) -> None:
    [hit] = [h for h in search(snapshot, "lavrov anchorage", TODAY) if h.id == "lavrov-anchorage"]
    assert isinstance(hit, Hit) and hit.kind == "quote" and "Lavrov" in hit.label and "\n" not in hit.label
    quote = snapshot.quote_by_id["lavrov-anchorage"]
    assert hit.field == "text" and quote.text[hit.start:hit.end] == "Anchorage"  # type: ignore[misc]
    assert hit.context[hit.context_start:hit.context_end] == "Anchorage"
    assert (hit.context_start, hit.context_end) in hit.spans


def test_a_word_with_a_colon_that_names_no_filter_is_a_word(snapshot: Snapshot) -> None:
    assert parse("note:x 10:30", TODAY).words == ("note:x", "10:30")


def test_documents_and_their_points_are_found_by_their_words_kind_and_issue(snapshot: Snapshot) -> None:
    assert found(snapshot, "kind:document framework") == [("document", "us-framework")]
    assert found(snapshot, "kind:point issue:territory") == [("point", "us-plan-initial/territory-given-up")]
    assert ("point", "us-plan-initial/territory-given-up") in found(snapshot, "give up territory")
