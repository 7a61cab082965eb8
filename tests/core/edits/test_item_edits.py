"""Editing, removing and adding any kind of item through the door: only the bytes asked for change.

Each edit is made on a copy of the shipped store (or a store made by `peacewatch new`), and the
file is compared line by line with what it was; the store must still check clean afterwards.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.edits import assert_changed, changes, problems
from tui.core.desk import (
    NO_JOURNAL,
    AddDeadline,
    AddIssue,
    AddParty,
    AddPerson,
    AddSource,
    Desk,
    EditRefused,
    RemoveItem,
    SetPosition,
    SetStatus,
    UpdateItem,
)
from tui.core.desk import one_edit as edits
from tui.core.model.targets import Target

LAVROV = "meduza-2025-11-25-lavrov"


def read(root: Path, relative: str) -> bytes:
    return (root / relative).read_bytes()


def test_a_typo_in_a_quote_is_fixed_with_a_one_line_diff(store: Path):
    old = read(store, "quotes/2025-11-25.yaml")
    edits.apply(store, UpdateItem(Target("quotes", "lavrov-welcomed"), {"text": "welcomed it"}))
    assert_changed(old, read(store, "quotes/2025-11-25.yaml"), ["    text: welcomed"], ["    text: welcomed it"])
    assert problems(store) == []


def test_changing_a_folded_field_keeps_every_other_line(store: Path):
    old = read(store, "story.yaml")
    edits.apply(store, UpdateItem(Target("story", "story"), {"as_of": dt.date(2025, 11, 26), "title": "Trump’s peace plan"}))
    removed, added = changes(old, read(store, "story.yaml"))
    assert removed == ["  title: Trump’s peace plan for the war in Ukraine", "  as_of: 2025-11-25"]
    assert added == ["  title: Trump’s peace plan", "  as_of: 2025-11-26"]


def test_a_nested_person_is_edited_in_place(store: Path):
    old = read(store, "parties.yaml")
    edits.apply(store, UpdateItem(Target("parties", "russia", (("people", "vladimir-putin"),)), {"title": "President of Russia"}))
    assert_changed(old, read(store, "parties.yaml"), ["        title: Russian President"], ["        title: President of Russia"])


def test_a_field_not_there_is_added_in_the_guides_order_and_an_emptied_one_removed(store: Path):
    old = read(store, "parties.yaml")
    edits.apply(store, UpdateItem(Target("parties", "russia"), {"short": ""}))
    assert_changed(old, read(store, "parties.yaml"), ["    short: Russia"], [])
    middle = read(store, "parties.yaml")
    edits.apply(store, UpdateItem(Target("parties", "russia"), {"short": "RU"}))
    assert_changed(middle, read(store, "parties.yaml"), [], ["    short: RU"])
    text = read(store, "parties.yaml").decode()
    assert "    name: Russia\n    short: RU\n    role: belligerent" in text


def test_a_required_field_cannot_be_emptied(store: Path):
    before = read(store, "parties.yaml")
    with pytest.raises(EditRefused) as refused:
        edits.apply(store, UpdateItem(Target("parties", "russia"), {"name": ""}))
    assert "name" in str(refused.value)
    assert read(store, "parties.yaml") == before


def test_a_deadline_is_edited_by_its_date_and_text(store: Path):
    key = "2025-11-27 The Thanksgiving deadline the U.S. push for a Russia–Ukraine deal is nearing"
    old = read(store, "story.yaml")
    edits.apply(store, UpdateItem(Target("story", "story", (("deadlines", key),)), {"outcome": "slipped"}))
    assert_changed(old, read(store, "story.yaml"), [], ["      outcome: slipped"])
    assert problems(store) == []


def test_a_source_cited_elsewhere_is_not_removed_and_the_reason_counts_them(store: Path):
    before = read(store, "sources.yaml")
    with pytest.raises(EditRefused) as refused:
        edits.apply(store, RemoveItem(Target("sources", LAVROV)))
    message = str(refused.value)
    assert "quotes" in message and "cite this source" in message and "change or remove them first" in message
    assert read(store, "sources.yaml") == before


def test_removing_a_quote_takes_out_its_lines_and_nothing_else(store: Path):
    old = read(store, "quotes/undated.yaml")
    quote_id = "readers-no-just-peace"  # undated, and no position cites it
    assert f"id: {quote_id}" in old.decode()
    edits.apply(store, RemoveItem(Target("quotes", quote_id)))
    removed, added = changes(old, read(store, "quotes/undated.yaml"))
    assert added == [] and f"  - id: {quote_id}" in removed
    assert problems(store) == []
    assert quote_id not in read(store, "quotes/undated.yaml").decode()


def test_removing_the_last_item_of_a_list_leaves_an_empty_list(tmp_path: Path):
    root = new_store(tmp_path)
    edits.apply(root, AddSource(outlet="The Wire", title="Talks open", date="2025-11-25"))
    edits.apply(root, RemoveItem(Target("sources", "the-wire-2025-11-25-talks-open")))
    assert read(root, "sources.yaml").decode().rstrip().endswith("sources: []")
    assert problems(root) == []


def new_store(tmp_path: Path) -> Path:
    import subprocess
    import sys

    root = tmp_path / "story"
    subprocess.run([sys.executable, "-m", "tui", "new", str(root)], check=True, capture_output=True)
    return root


def test_a_second_story_is_built_without_an_editor(tmp_path: Path):
    root = new_store(tmp_path)
    edits.apply(root, AddSource(outlet="The Wire", title="Talks open", date="2025-11-25"))
    source = "the-wire-2025-11-25-talks-open"
    edits.apply(root, AddParty(name="Republic of Northland", short="Northland", role="belligerent"))
    edits.apply(root, AddParty(name="Southland", role="belligerent"))
    edits.apply(root, AddPerson(party="northland", name="A. Envoy", title="Chief negotiator"))
    edits.apply(root, AddIssue(title="The border line", status="contested", source=source))
    edits.apply(root, SetPosition(issue="the-border-line", party="northland", stance="insists", source=source))
    edits.apply(root, AddDeadline(date="2025-12-01", what="Talks resume", source=source))
    edits.apply(root, UpdateItem(Target("story", "story"), {"title": "Northland talks", "as_of": "2025-11-25"}))
    edits.apply(root, UpdateItem(Target("status", "status"), {"headline": "Talks open in Geneva", "source": source}))
    assert problems(root) == []
    snapshot = Desk(root, journal=NO_JOURNAL).load().snapshot
    assert [p.id for p in snapshot.parties] == ["northland", "southland"]
    assert snapshot.parties[0].people[0].name == "A. Envoy"
    assert snapshot.issues[0].positions[0].stance == "insists"
    assert snapshot.story.title == "Northland talks" and snapshot.story.deadlines[0].what == "Talks resume"
    assert snapshot.status.headline == "Talks open in Geneva"
    # The example comments `peacewatch new` wrote are all still there.
    assert "#   - id: northland" in read(root, "parties.yaml").decode()


def test_setting_the_stage_to_the_current_one_is_refused(store: Path):
    before = read(store, "status.yaml")
    stage = Desk(store, journal=NO_JOURNAL).load().snapshot.status.stage
    with pytest.raises(EditRefused) as refused:
        edits.apply(store, SetStatus(stage=str(stage), headline="Same again", source=LAVROV))
    assert "already at the stage" in str(refused.value)
    assert read(store, "status.yaml") == before


def test_revert_writes_the_old_stance_back_and_refuses_if_changed_since(store: Path, tmp_path: Path):
    journal = tmp_path / "journal.json"
    desk = Desk(store, journal=journal)
    try:
        desk.load()
        desk.record()
        old = read(store, "issues.yaml")
        desk.apply(SetPosition(issue="territory", party="russia", stance="opposes"))
        entry = next(e for r in desk.reloads() for e in r.entries if e.change.field.endswith("stance"))
        desk.apply(desk.revert_request([entry.id]))
        assert read(store, "issues.yaml") == old
        # Reverting the same change again: the stance is no longer what that change made it.
        with pytest.raises(EditRefused) as refused:
            desk.revert_request([entry.id])
        assert "changed since" in str(refused.value)
    finally:
        desk.close()


def test_revert_of_an_added_quote_removes_it(store: Path, tmp_path: Path):
    from tui.core.desk import AddQuote

    desk = Desk(store, journal=tmp_path / "journal.json")
    try:
        desk.load()
        desk.record()
        old = read(store, "quotes/2025-11-25.yaml")
        desk.apply(AddQuote(text="We are ready", speaker="Sergey Lavrov", medium="press-conference", source=LAVROV,
                            date="2025-11-25"))
        reload = desk.reloads()[0]
        desk.apply(desk.revert_request([e.id for e in reload.entries]))
        assert read(store, "quotes/2025-11-25.yaml") == old
    finally:
        desk.close()


def test_a_typo_fixed_in_a_long_folded_text_keeps_every_line_break(store: Path):
    old = read(store, "quotes/2025-11-25.yaml")
    snapshot = Desk(store, journal=NO_JOURNAL).load().snapshot
    context = snapshot.quote_by_id["lavrov-welcomed"].context
    edits.apply(store, UpdateItem(Target("quotes", "lavrov-welcomed"), {"context": context.replace("initial", "intial")}))
    assert_changed(old, read(store, "quotes/2025-11-25.yaml"),
                   ["      Speaking at a press conference, Lavrov said Russia had “welcomed” the initial version"],
                   ["      Speaking at a press conference, Lavrov said Russia had “welcomed” the intial version"])
    # Words added and removed: only the lines they stand on change.
    middle = read(store, "quotes/2025-11-25.yaml")
    longer = context.replace("initial", "intial").replace("last week,", "last week (on Friday),").replace(" it currently controls", "")
    edits.apply(store, UpdateItem(Target("quotes", "lavrov-welcomed"), {"context": longer}))
    removed, added = changes(middle, read(store, "quotes/2025-11-25.yaml"))
    assert len(removed) == len(added) == 2
    assert Desk(store, journal=NO_JOURNAL).load().snapshot.quote_by_id["lavrov-welcomed"].context == longer


def test_revert_of_a_removal_puts_the_item_back_where_it_stood(store: Path, tmp_path: Path):
    import re

    from tui.core.desk import RemoveItem
    from tui.core.model.targets import Target as ItemTarget

    def ids() -> list[str]:
        return re.findall(r"^  - id: (\S+)$", read(store, "quotes/2025-11-25.yaml").decode(), re.MULTILINE)

    before = ids()
    middle = before[2]  # yermak-as-soon-as-possible: between two quotes, cited by no position
    assert len(before) >= 3
    desk = Desk(store, journal=tmp_path / "journal.json")
    try:
        desk.load()
        desk.record()
        desk.apply(RemoveItem(ItemTarget("quotes", middle)))
        assert middle not in ids()
        reload = desk.reloads()[0]
        desk.apply(desk.revert_request([e.id for e in reload.entries]))
        assert ids() == before  # in its place, not at the end of the file
    finally:
        desk.close()


def test_a_persons_aliases_are_added_as_a_list_after_their_title(store: Path):
    edits.apply(store, AddPerson(party="ukraine", name="Volodymyr Zelenskyy", title="President", aliases=("Zelensky", "Зеленський")))
    edits.apply(store, UpdateItem(Target("parties", "russia", (("people", "vladimir-putin"),)), {"aliases": ["Putin V."]}))
    assert problems(store) == []
    people = {p.id: p for party in Desk(store, journal=NO_JOURNAL).load().snapshot.parties for p in party.people}
    assert people["volodymyr-zelenskyy"].aliases == ["Zelensky", "Зеленський"]
    assert people["vladimir-putin"].aliases == ["Putin V."]
    text = read(store, "parties.yaml").decode()
    assert "        title: Russian President\n        aliases:\n          - Putin V.\n" in text


def test_a_meetings_fields_are_added_changed_and_removed_each_on_its_own_lines(store: Path):
    target = Target("events", "abu-dhabi-meeting")
    old = read(store, "events.yaml")
    edits.apply(store, UpdateItem(target, {"venue": "A hotel", "format": "video", "mediator": "united-states",
                                           "participants": ["russia/sergey-lavrov", "andriy-yermak"]}))
    middle = read(store, "events.yaml")
    assert_changed(old, middle, ["    format: in-person"], ["    venue: A hotel", "    format: video", "    mediator: united-states",
                                     "    participants:", "      - russia/sergey-lavrov", "      - andriy-yermak"])
    assert "    place: Abu Dhabi\n    venue: A hotel\n    format: video\n    parties:" in middle.decode()
    assert problems(store) == []
    edits.apply(store, UpdateItem(target, {"format": "phone", "participants": [], "venue": ""}))
    assert_changed(middle, read(store, "events.yaml"), ["    venue: A hotel", "    format: video", "    participants:",
                                                        "      - russia/sergey-lavrov", "      - andriy-yermak"],
                   ["    format: phone"])


def test_a_person_at_a_meeting_is_not_removed_while_the_meeting_names_them(store: Path):
    edits.apply(store, UpdateItem(Target("events", "abu-dhabi-meeting"), {"participants": ["sergey-lavrov"]}))
    with pytest.raises(EditRefused) as refused:
        edits.apply(store, RemoveItem(Target("parties", "russia", (("people", "sergey-lavrov"),))))
    assert "1 event names this person: abu-dhabi-meeting" in str(refused.value)
