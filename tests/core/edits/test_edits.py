"""Edits keep every byte they do not need to change: on the shipped story and on odd files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.edits import assert_changed, assert_inserted, changes, line_of, problems
from tests.helpers.minimal_store import write_store
from tui.core.desk import one_edit as edits

LAVROV = "meduza-2025-11-25-lavrov"


def test_a_quote_of_a_known_day_adds_only_its_lines(store: Path):
    path = store / "quotes/2025-11-25.yaml"
    old = path.read_bytes()
    written = edits.add_quote(
        store, date=dt.date(2025, 11, 25), speaker="Sergey Lavrov", speaker_role="Russian Foreign Minister",
        party="russia", medium="press-conference", reported_by=["told reporters"], source=LAVROV,
        issues=["territory", "security-guarantees"],
        text="Moscow will study the new draft carefully, and it will reply when it is ready to do so: not before.",
    )
    assert_inserted(old, path.read_bytes(), [
        "",
        "  - id: lavrov-moscow-will-study-the-new",
        "    text: >-",
        "      Moscow will study the new draft carefully, and it will reply when it is ready to do",
        "      so: not before.",
        "    speaker: Sergey Lavrov",
        "    speaker_role: Russian Foreign Minister",
        "    party: russia",
        "    date: 2025-11-25",
        "    medium: press-conference",
        "    reported_by:",
        "      - told reporters",
        f"    source: {LAVROV}",
        "    issues:",
        "      - territory",
        "      - security-guarantees",
    ])
    assert written == edits.Written("quotes/2025-11-25.yaml", "lavrov-moscow-will-study-the-new", 91)
    assert line_of(path, written.line) == "  - id: lavrov-moscow-will-study-the-new"
    assert problems(store) == []


def test_a_quote_of_a_new_day_gets_its_own_file_with_a_header_and_the_modeline(store: Path):
    written = edits.add_quote(store, text="in principle", speaker="Rustem Umerov", source=LAVROV, medium="other",
                              party="ukraine", date="2025-11-26")
    assert written == edits.Written("quotes/2025-11-26.yaml", "umerov-in-principle", 6)
    assert (store / written.path).read_text() == (
        "# yaml-language-server: $schema=../../schema/content.schema.json\n"
        "# Quotes of 2025-11-26: one file per day, named YYYY-MM-DD.yaml, so a day's editors rarely\n"
        "# touch the same file. Quotes the sources do not date go in quotes/undated.yaml.\n"
        "\n"
        "quotes:\n"
        "  - id: umerov-in-principle\n"
        "    text: in principle\n"
        "    speaker: Rustem Umerov\n"
        "    party: ukraine\n"
        "    date: 2025-11-26\n"
        f"    medium: other\n"
        f"    source: {LAVROV}\n"
    )
    assert problems(store) == []


def test_an_undated_quote_goes_to_undated_yaml_with_a_unique_id(store: Path):
    path = store / "quotes/undated.yaml"
    old = path.read_bytes()
    written = edits.add_quote(store, text="minor details", speaker="A Trump administration official",
                              source=LAVROV, medium="anonymous", party="united-states")
    assert written.item_id == "official-minor-details"
    again = edits.add_quote(store, text="minor details", speaker="Another official", source=LAVROV, medium="anonymous")
    assert again.item_id == "official-minor-details-2"
    assert_inserted(old, path.read_bytes(), [
        "", "  - id: official-minor-details", "    text: minor details", "    speaker: A Trump administration official",
        "    party: united-states", "    medium: anonymous", f"    source: {LAVROV}",
        "", "  - id: official-minor-details-2", "    text: minor details", "    speaker: Another official",
        "    medium: anonymous", f"    source: {LAVROV}",
    ])
    assert problems(store) == []


def test_an_event_goes_after_the_last_event_and_a_source_after_the_last_source(store: Path):
    events, sources = store / "events.yaml", store / "sources.yaml"
    old_events, old_sources = events.read_bytes(), sources.read_bytes()
    source = edits.add_source(store, outlet="Meduza", title="Kremlin: no deal yet", date=dt.date(2025, 11, 26))
    event = edits.add_event(store, title="Witkoff goes to Moscow", date=dt.date(2025, 11, 26), place="Moscow",
                            parties=["united-states", "russia"], source=source.item_id)
    assert source.item_id == "meduza-2025-11-26-kremlin-no-deal-yet"
    assert_inserted(old_sources, sources.read_bytes(), [
        "", f"  - id: {source.item_id}", "    outlet: Meduza", '    title: "Kremlin: no deal yet"', "    date: 2025-11-26",
    ])
    assert_inserted(old_events, events.read_bytes(), [
        "", "  - id: witkoff-goes-to-moscow", "    title: Witkoff goes to Moscow", "    date: 2025-11-26",
        "    place: Moscow", "    parties:", "      - united-states", "      - russia", f"    source: {source.item_id}",
    ])
    assert line_of(events, event.line) == "  - id: witkoff-goes-to-moscow"
    assert problems(store) == []


def test_moving_the_status_puts_the_current_stage_at_the_end_of_history(store: Path):
    path = store / "status.yaml"
    old = path.read_bytes()
    written = edits.set_status(store, stage="final-stages", headline="Trump says the deal is in its final stages",
                               since=dt.date(2025, 11, 26), source=LAVROV)
    text = old.decode()
    summary = text[text.index("  summary: >-\n"):text.index("  # The article")].splitlines()
    removed, added = changes(old, path.read_bytes())
    assert removed == [
        "  stage: framework-agreed-in-principle",
        "  headline: >-",
        "    Ukraine agrees “in principle” to Washington’s framework; Russia says it must review",
        "    the newest version and could reject it",
        *summary,
        "  since: 2025-11-25",
    ]
    # The stage moves to the end of the history with its date, headline, own summary and source.
    assert added[:7] == [
        "  stage: final-stages",
        "  headline: Trump says the deal is in its final stages",
        "  since: 2025-11-26",
        "    - stage: framework-agreed-in-principle",
        "      date: 2025-11-25",
        "      headline: >-",
        "        Ukraine agrees “in principle” to Washington’s framework; Russia says it must",
    ]
    assert "      summary: >-" in added and added[-1] == f"      source: {LAVROV}"
    assert written.item_id == "status" and line_of(path, written.line) == "  stage: final-stages"
    assert problems(store) == []


def test_a_position_replaces_the_partys_entry_or_is_appended(store: Path):
    path = store / "issues.yaml"
    old = path.read_bytes()
    replaced = edits.set_position(store, issue="security-guarantees", party="russia", stance="opposes",
                                  says="Russia rejects any Western troops in Ukraine.", quotes=["lavrov-anchorage"],
                                  source=LAVROV)
    assert_changed(old, path.read_bytes(), removed=["        stance: unstated"], added=[
        "        stance: opposes",
        "        says: Russia rejects any Western troops in Ukraine.",
        "        quotes:",
        "          - lavrov-anchorage",
    ])
    assert (replaced.item_id, line_of(path, replaced.line)) == ("security-guarantees", "      - party: russia")
    middle = path.read_bytes()
    appended = edits.set_position(store, issue="security-guarantees", party="financial-times", stance="unstated",
                                  source=LAVROV)
    assert_inserted(middle, path.read_bytes(), [
        "      - party: financial-times", "        stance: unstated", f"        source: {LAVROV}",
    ])
    assert line_of(path, appended.line) == "      - party: financial-times"
    assert problems(store) == []


# -- odd files -----------------------------------------------------------------------------------

ODD_QUOTES = (
    "\ufeff# 4-space indentation, CRLF line ends, a BOM, and no line break at the very end\r\n"
    "quotes:\r\n"
    "    -   id: q-north\r\n"
    "        text: \"We will not move: not one metre.\"\r\n"
    "        speaker: 'A. Envoy'\r\n"
    "        party: north\r\n"
    "        date: 2025-02-21\r\n"
    "        medium: interview\r\n"
    "        reported_by: [told the Wire]\r\n"
    "        source: wire-1\r\n"
    "        issues: [border]   # a flow list\r\n"
    "    # a comment between items\r\n"
    "\r\n"
    "    -   id: q-south\r\n"
    "        text: >-\r\n"
    "            Talks go\r\n"
    "            on.\r\n"
    "        speaker: an official\r\n"
    "        medium: anonymous\r\n"
    "        source: wire-2   # a comment after a value\r\n"
    "    # a comment after the last item"
)


def test_an_odd_file_keeps_its_crlf_bom_indentation_comments_and_missing_final_break(tmp_path: Path):
    root = write_store(tmp_path / "s", quotes_yaml=None)
    path = root / "quotes/2025-02-21.yaml"
    path.parent.mkdir()
    path.write_bytes(ODD_QUOTES.encode())
    assert problems(root) == []
    old = path.read_bytes()
    edits.add_quote(root, text="Not one: metre", speaker="A. Envoy", source="wire-1", medium="interview",
                    party="north", date="2025-02-21", reported_by=["told the Wire", "cited by #2"], issues=["border"])
    assert_inserted(old, path.read_bytes(), [
        "",
        "    -   id: envoy-not-one-metre",
        '        text: "Not one: metre"',
        "        speaker: A. Envoy",
        "        party: north",
        "        date: 2025-02-21",
        "        medium: interview",
        '        reported_by: [told the Wire, "cited by #2"]',
        "        source: wire-1",
        "        issues: [border]",
    ])
    assert path.read_bytes().endswith(b"\r\n    # a comment after the last item")
    assert problems(root) == []


@pytest.mark.parametrize(("before", "after"), [
    # the last value is the last byte of the file
    ("sources:\n  - id: wire-1\n    outlet: The Wire\n  - id: wire-2\n    outlet: The Other Wire",
     "sources:\n  - id: wire-1\n    outlet: The Wire\n  - id: wire-2\n    outlet: The Other Wire\n"
     "  - id: ap-talks\n    outlet: AP\n    title: Talks"),
    # a flow list of flow mappings
    ("sources: [{id: wire-1, outlet: The Wire}, {id: wire-2, outlet: The Other Wire}]  # flow\n",
     "sources: [{id: wire-1, outlet: The Wire}, {id: wire-2, outlet: The Other Wire}, "
     "{id: ap-talks, outlet: AP, title: Talks}]  # flow\n"),
    # list items at the key's own indentation, folded and quoted scalars
    ("sources:\n- id: wire-1\n  outlet: 'The Wire'\n  note: >\n    folded\n    note\n- id: wire-2\n  outlet: \"The Other Wire\"\n",
     "sources:\n- id: wire-1\n  outlet: 'The Wire'\n  note: >\n    folded\n    note\n- id: wire-2\n  outlet: \"The Other Wire\"\n"
     "- id: ap-talks\n  outlet: AP\n  title: Talks\n"),
    # an empty flow list becomes a block list; the comment after it stays on its line
    ("# wires\nsources: []  # none yet\n", "# wires\nsources:  # none yet\n  - id: ap-talks\n    outlet: AP\n    title: Talks\n"),
])
def test_a_source_is_written_in_the_style_of_its_file(tmp_path: Path, before: str, after: str):
    root = write_store(tmp_path / "s", sources_yaml=before)
    # With no sources at all, the references to wire-1 and wire-2 were already unknown.
    known = [p.split("; ")[0] for p in problems(root)]
    written = edits.add_source(root, outlet="AP", title="Talks")
    assert (written.path, (root / "sources.yaml").read_text()) == ("sources.yaml", after)
    assert [p.split("; ")[0] for p in problems(root)] == known


def test_a_status_without_history_or_since_gets_them_and_its_new_source(tmp_path: Path):
    status = "status:\n  stage: proposed  # first\n  headline: 'Plan: tabled'\n  source: wire-1\n\n# end\n"
    root = write_store(tmp_path / "s", status_yaml=status)
    edits.set_status(root, stage="under-negotiation", headline="Drafts go back and forth", since="2025-02-20",
                     source="wire-2")
    assert (root / "status.yaml").read_text() == (
        "status:\n  stage: under-negotiation  # first\n  headline: Drafts go back and forth\n"
        "  since: 2025-02-20\n  source: wire-2\n  history:\n    - stage: proposed\n      headline: \"Plan: tabled\"\n"
        "      source: wire-1\n\n# end\n"
    )
    assert problems(root) == []


def test_a_position_goes_into_an_issue_without_positions(tmp_path: Path):
    root = write_store(tmp_path / "s")
    old = (root / "issues.yaml").read_bytes()
    edits.set_position(root, issue="prisoners", party="south", stance="accepts", events=["talks-open"], source="wire-1")
    assert_inserted(old, (root / "issues.yaml").read_bytes(), [
        "    positions:", "      - party: south", "        stance: accepts", "        events: [talks-open]",
        "        source: wire-1",
    ])


def test_status_and_positions_in_crlf_files_with_four_space_indentation(tmp_path: Path):
    status = (
        "status:\r\n    stage: proposed\r\n    headline: >-\r\n        A plan: tabled\r\n"
        "    source: wire-1   # the wire\r\n    history: []\r\n"
    )
    issues = (
        "issues:\r\n    -   id: border\r\n        title: Border\r\n        status: open\r\n"
        "        positions: [{party: north, stance: insists}, {party: south, stance: opposes}]\r\n"
    )
    root = write_store(tmp_path / "s", status_yaml=status, issues_yaml=issues, quotes_yaml=None)
    (root / "status.yaml").write_bytes(status.encode())
    (root / "issues.yaml").write_bytes(issues.encode())
    edits.set_status(root, stage="under-negotiation", headline="Drafts: exchanged", since="2025-02-20", source="wire-1")
    assert (root / "status.yaml").read_bytes().decode() == (
        "status:\r\n    stage: under-negotiation\r\n    headline: \"Drafts: exchanged\"\r\n"
        "    since: 2025-02-20\r\n    source: wire-1   # the wire\r\n    history:\r\n        - stage: proposed\r\n"
        "          headline: \"A plan: tabled\"\r\n          source: wire-1\r\n"
    )
    edits.set_position(root, issue="border", party="south", stance="accepts", says="Yes, but: later", source="wire-1")
    edits.set_position(root, issue="border", party="broker", stance="proposes", source="wire-1")
    assert (root / "issues.yaml").read_bytes().decode() == (
        "issues:\r\n    -   id: border\r\n        title: Border\r\n        status: open\r\n"
        "        positions: [{party: north, stance: insists}, {party: south, stance: accepts, "
        "says: \"Yes, but: later\", source: wire-1}, {party: broker, stance: proposes, source: wire-1}]\r\n"
    )
    assert problems(root) == []


def test_an_empty_history_gets_its_first_entry(tmp_path: Path):
    status = "status:\n  stage: proposed\n  headline: Tabled\n  history: []  # nothing yet\n# end\n"
    root = write_store(tmp_path / "s", status_yaml=status)
    edits.set_status(root, stage="stalled", headline="Talks stop", since="2025-03-01", source="wire-2")
    assert (root / "status.yaml").read_text() == (
        "status:\n  stage: stalled\n  headline: Talks stop\n  since: 2025-03-01\n  source: wire-2\n"
        "  history:  # nothing yet\n    - stage: proposed\n      headline: Tabled\n# end\n"
    )
    assert problems(root) == []
