"""Every kind of content error, as `path:line:col: message`, from small stores on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.minimal_store import EVENTS, FILES, ISSUES, PARTIES, QUOTES, SOURCES, STATUS, STORY, write_store
from tui.core.store.loader import ContentStore


def problems(root: Path, **replace: str | bytes | None) -> list[str]:
    write_store(root, **replace)
    return [str(p) for p in ContentStore(root).load().problems]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def test_the_minimal_store_is_valid(tmp_path):
    assert problems(tmp_path) == []


# -- missing fields and wrong types ----------------------------------------------------------


def test_missing_required_field_points_at_its_item(tmp_path):
    found = problems(tmp_path, quotes_yaml=edit(QUOTES, "    speaker: an official\n", ""))
    assert "quotes.yaml:12:5: missing required field 'speaker'" in found


def test_missing_required_field_of_a_section(tmp_path):
    # One mistake, one problem: the status is left out for it, but not said missing as well.
    assert problems(tmp_path, status_yaml=edit(STATUS, "  headline: Drafts are being exchanged\n", "")) == [
        "status.yaml:2:3: missing required field 'headline'",
    ]


def test_text_where_a_list_is_expected(tmp_path):
    people = "    people:\n      - id: envoy-a\n        name: A. Envoy\n        title: Chief negotiator\n"
    found = problems(tmp_path, parties_yaml=edit(PARTIES, people, "    people: A. Envoy\n"))
    assert "parties.yaml:6:13: 'people' should be a list of '- ' lines, found text" in found


def test_a_mapping_where_a_list_is_expected(tmp_path):
    found = problems(tmp_path, events_yaml="events:\n  talks-open: x\n")
    assert "events.yaml:2:3: 'events' should be a list of '- ' lines, found a mapping" in found


def test_text_where_an_item_is_expected(tmp_path):
    found = problems(tmp_path, events_yaml="events:\n  - talks-open\n")
    assert "events.yaml:2:5: each entry of 'events' should be a mapping of 'key: value' lines, found text" in found


def test_a_list_where_text_is_expected(tmp_path):
    found = problems(tmp_path, sources_yaml=edit(SOURCES, "outlet: The Other Wire", "outlet: [The, Other]"))
    assert "sources.yaml:8:13: 'outlet' should be text, found a list" in found


def test_an_empty_value_where_text_is_required(tmp_path):
    found = problems(tmp_path, quotes_yaml=edit(QUOTES, "text: Talks go on.", "text:"))
    assert "quotes.yaml:13:10: 'text' should be text, found nothing" in found
    found = problems(tmp_path, quotes_yaml=edit(QUOTES, "text: Talks go on.", 'text: ""'))
    assert "quotes.yaml:13:11: 'text' must not be empty" in found


def test_text_over_its_length_limit(tmp_path):
    found = problems(tmp_path, sources_yaml=edit(SOURCES, "outlet: The Other Wire", "outlet: " + "y" * 501))
    assert "sources.yaml:8:13: 'outlet' is longer than 500 characters" in found


def test_a_file_that_is_not_a_mapping_of_sections(tmp_path):
    found = problems(tmp_path, events_yaml="- talks-open\n")
    assert "events.yaml:1:1: expected sections such as 'quotes:' or 'parties:' at the top of the file" in found


# -- unknown fields and vocabularies -----------------------------------------------------------


def test_unknown_field_suggests_the_near_one(tmp_path):
    found = problems(tmp_path, sources_yaml=SOURCES + "    outlett: x\n")
    assert "sources.yaml:9:5: unknown field 'outlett'; did you mean 'outlet'?" in found


def test_unknown_field_lists_the_fields(tmp_path):
    found = problems(tmp_path, sources_yaml=SOURCES + "    list: x\n")
    assert "sources.yaml:9:5: unknown field 'list'; expected one of: id, outlet, title, date, url, note, archive" in found


def test_unknown_section(tmp_path):
    assert problems(tmp_path, more_yaml="source:\n  - id: x\n") == [
        "more.yaml:1:1: unknown field 'source'; did you mean 'sources'?",
    ]


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        ("issues_yaml", "stance: opposes", "stance: oppose",
         "issues.yaml:14:17: 'oppose' is not a valid stance (did you mean 'opposes'?); expected one of: "
         "proposes, supports, accepts, conditional, insists, opposes, unclear, unstated"),
        ("issues_yaml", "status: narrowing", "status: closing",
         "issues.yaml:17:13: 'closing' is not a valid status; expected one of: "
         "open, contested, narrowing, agreed, deferred, dropped"),
        ("parties_yaml", "role: mediator", "role: mediatr",
         "parties.yaml:15:11: 'mediatr' is not a valid role (did you mean 'mediator'?); expected one of: "
         "belligerent, mediator, host, guarantor, observer, commentator"),
        ("parties_yaml", "role: mediator", "role: [mediator]",
         "parties.yaml:15:11: a list is not a valid role; expected one of: "
         "belligerent, mediator, host, guarantor, observer, commentator"),
        ("quotes_yaml", "medium: anonymous", "medium: tv",
         "quotes.yaml:16:13: 'tv' is not a valid medium; expected one of: press-conference, interview, "
         "post-on-x, post-on-truth-social, post-on-telegram, social-post, statement, speech, anonymous, article, other"),
        ("status_yaml", "stage: proposed", "stage: Proposed",
         "status.yaml:7:14: 'Proposed' is not a valid stage (did you mean 'proposed'?); expected one of: proposed, "
         "under-negotiation, framework-agreed-in-principle, final-stages, agreed, signed, stalled, collapsed"),
    ],
)
def test_values_outside_a_vocabulary(tmp_path, name, old, new, expected):
    original = FILES[name.replace("_yaml", ".yaml")]
    assert expected in problems(tmp_path, **{name: edit(original, old, new)})


def test_a_value_in_a_message_is_made_visible_and_short(tmp_path):
    escapes = problems(tmp_path, quotes_yaml=edit(QUOTES, "medium: anonymous", 'medium: "\\e[2J\\e]0;pwned\\a"'))
    assert any(p.startswith("quotes.yaml:16:13: '<U+001B>[2J<U+001B>]0;pwned<U+0007>' is not a valid medium") for p in escapes)
    assert not any("\x1b" in p or "\x07" in p for p in escapes)
    long = problems(tmp_path, quotes_yaml=edit(QUOTES, "medium: anonymous", "medium: " + "x" * 5000))
    assert any(p.startswith("quotes.yaml:16:13: '" + "x" * 59 + "…' is not a valid medium") for p in long)


# -- ids -----------------------------------------------------------------------------------------


def test_an_id_that_is_not_lower_case(tmp_path):
    found = problems(tmp_path, parties_yaml=edit(PARTIES, "id: broker", "id: Broker"))
    assert "parties.yaml:13:9: 'Broker' is not a valid id for 'id': use lower-case letters, digits and dashes" in found


def test_an_id_with_a_zero_width_space_shows_it(tmp_path):
    found = problems(tmp_path, parties_yaml=edit(PARTIES, "id: broker", "id: broker\u200b"))
    assert "parties.yaml:13:9: 'broker<U+200B>' is not a valid id for 'id': use lower-case letters, digits and dashes" in found


def test_duplicate_id_in_one_file_names_both_lines(tmp_path):
    found = problems(tmp_path, sources_yaml=edit(SOURCES, "id: wire-2", "id: wire-1"))
    assert "sources.yaml:7:9: duplicate source id 'wire-1': first defined at sources.yaml:2" in found


def test_duplicate_id_across_files_names_both_files(tmp_path):
    assert problems(tmp_path, more_yaml="sources:\n  - id: wire-2\n    outlet: Copy\n") == [
        "sources.yaml:7:9: duplicate source id 'wire-2': first defined at more.yaml:2",
    ]


def test_a_second_position_for_one_party(tmp_path):
    assert problems(tmp_path, issues_yaml=edit(ISSUES, "party: south", "party: north")) == [
        "issues.yaml:13:16: a second position for 'north' on this issue; keep one",
    ]


def test_story_defined_twice(tmp_path):
    assert problems(tmp_path, more_yaml=STORY) == ["story.yaml:2:3: 'story' is already defined in more.yaml:2; keep one"]


def test_a_store_without_story_or_status(tmp_path):
    assert problems(tmp_path, story_yaml=None, status_yaml=None) == [
        "status.yaml:1:1: no file defines 'status:' (stage, headline); add one",
        "story.yaml:1:1: no file defines 'story:' (title, as_of, deadlines); add one",
    ]


# -- references to unknown ids -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        ("quotes_yaml", "party: south", "party: sout", "quotes.yaml:15:12: unknown party 'sout'; did you mean 'south'?"),
        ("quotes_yaml", "issues: [border]", "issues: [border, land]",
         "quotes.yaml:11:22: unknown issue 'land'; known: border, prisoners"),
        ("quotes_yaml", "source: wire-2", "source: agency", "quotes.yaml:17:13: unknown source 'agency'; known: wire-1, wire-2"),
        ("issues_yaml", "party: south", "party: west", "issues.yaml:13:16: unknown party 'west'; known: broker, north, south"),
        ("issues_yaml", "quotes: q-north", "quotes: q-nort", "issues.yaml:11:17: unknown quote 'q-nort'; did you mean 'q-north'?"),
        ("issues_yaml", "events: [talks-open]", "events: [talks-opened]",
         "issues.yaml:12:18: unknown event 'talks-opened'; did you mean 'talks-open'?"),
        ("events_yaml", "parties: [north, south, broker]", "parties: [north, south, brokers]",
         "events.yaml:6:29: unknown party 'brokers'; did you mean 'broker'?"),
        ("events_yaml", "source: wire-2", "source: wire-9", "events.yaml:11:13: unknown source 'wire-9'; did you mean 'wire-2'?"),
        ("story_yaml", "source: wire-1", "source: wire-3", "story.yaml:8:15: unknown source 'wire-3'; did you mean 'wire-2'?"),
    ],
)
def test_unknown_references(tmp_path, name, old, new, expected):
    original = FILES[name.replace("_yaml", ".yaml")]
    assert problems(tmp_path, **{name: edit(original, old, new)}) == [expected]


# -- dates ---------------------------------------------------------------------------------------


def test_an_impossible_date_is_reported_with_its_line(tmp_path):
    found = problems(tmp_path, quotes_yaml=edit(QUOTES, "date: 2025-02-21", "date: 2025-02-30"))
    assert "quotes.yaml:7:11: 'date': '2025-02-30' is not a real date (check the month and day)" in found


@pytest.mark.parametrize("written", ["20250301", "01/03/2025", "2025-3-1", "'2025-03-01 10:00'", "[2025, 3, 1]"])
def test_a_date_not_written_as_yyyy_mm_dd(tmp_path, written):
    found = problems(tmp_path, story_yaml=edit(STORY, "as_of: 2025-03-01", f"as_of: {written}"))
    value = "a list" if written.startswith("[") else "'" + written.strip("'") + "'"
    assert f"story.yaml:4:10: 'as_of': expected a date as YYYY-MM-DD, found {value}" in found


# -- YAML's own errors reach the same format ---------------------------------------------------


def test_duplicate_key_in_an_item(tmp_path):
    found = problems(tmp_path, quotes_yaml=edit(QUOTES, "    speaker: an official\n", "    speaker: an official\n    speaker: another\n"))
    assert "quotes.yaml:15:5: duplicate key 'speaker': already set at line 14; keep one of them" in found


def test_a_syntax_error(tmp_path):
    found = problems(tmp_path, events_yaml=edit(EVENTS, "parties: [north, south, broker]", "parties: [north, south, broker"))
    assert "events.yaml:7:11: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'" in found


# -- type traps: values stay as written ---------------------------------------------------------


def test_yaml_1_1_type_traps_read_as_written(tmp_path):
    parties = edit(PARTIES, "  - id: broker\n    name: Brokerland\n", "  - id: 0012\n    name: 1.10\n    short: 12:30\n")
    events = edit(EVENTS, "parties: [north, south, broker]", "parties: [north, south, 0012]")
    write_store(tmp_path, parties_yaml=parties, events_yaml=events)
    result = ContentStore(tmp_path).load()
    assert result.problems == ()
    by_id = result.snapshot.party_by_id
    assert by_id["north"].short == "NO"
    assert (by_id["0012"].name, by_id["0012"].short) == ("1.10", "12:30")
