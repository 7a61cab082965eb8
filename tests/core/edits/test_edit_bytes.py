"""An edit keeps every byte it was not asked to change: in the file it writes, and in every other file.

Each kind of edit is made through the door (`edits.apply`, a Desk opened for it) on a copy of the
shipped store, and the written file is compared line by line with what it was: only the lines the
request asks to change differ, every other byte (comments, wrapping, layout) is the same, and no
other file in the folder changes by a single byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.edits import assert_changed, assert_inserted, changes, line_of, problems
from tui.core.desk import AddEvent, AddQuote, AddSource, Request, SetPosition, SetStatus
from tui.core.desk import one_edit as edits
from tui.core.store.loader import ContentStore

LAVROV = "meduza-2025-11-25-lavrov"
THANKSGIVING = "meduza-thanksgiving-deadline"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (hidden ones too: a temp file left behind would show), with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit(root: Path, request: Request, relative: str) -> tuple[bytes, bytes, edits.Written]:
    """Apply `request`; check it wrote `relative` and nothing else; return the file's old and new bytes."""
    before = tree(root)
    written = edits.apply(root, request)
    after = tree(root)
    assert written.path == relative
    others_before = {k: v for k, v in before.items() if k != relative}
    others_after = {k: v for k, v in after.items() if k != relative}
    assert others_after == others_before, "a file the edit was not asked to write changed (or a file appeared)"
    return before.get(relative, b""), after[relative], written


# -- adding ----------------------------------------------------------------------------------------

def test_adding_a_quote_to_its_day_inserts_only_its_lines(store: Path):
    old, new, written = edit(store, AddQuote(
        text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference", source=LAVROV,
        party="russia", date=dt.date(2025, 11, 25), issues=["territory"],
    ), "quotes/2025-11-25.yaml")
    assert_inserted(old, new, [
        "",
        "  - id: lavrov-we-are-ready-to-talk",
        "    text: We are ready to talk",
        "    speaker: Sergey Lavrov",
        "    party: russia",
        "    date: 2025-11-25",
        "    medium: press-conference",
        f"    source: {LAVROV}",
        "    issues:",
        "      - territory",
    ])
    assert line_of(store / written.path, written.line) == "  - id: lavrov-we-are-ready-to-talk"
    assert problems(store) == []


def test_adding_an_undated_quote_inserts_only_its_lines(store: Path):
    old, new, _ = edit(store, AddQuote(text="minor details", speaker="An official", medium="anonymous", source=LAVROV),
                       "quotes/undated.yaml")
    assert_inserted(old, new, [
        "", "  - id: official-minor-details", "    text: minor details", "    speaker: An official",
        "    medium: anonymous", f"    source: {LAVROV}",
    ])


def test_a_quote_of_a_new_day_creates_its_file_and_touches_no_other(store: Path):
    _, new, written = edit(store, AddQuote(text="in principle", speaker="Rustem Umerov", medium="other",
                                           source=LAVROV, date="2025-11-27"), "quotes/2025-11-27.yaml")
    assert new.endswith(b"quotes:\n  - id: umerov-in-principle\n    text: in principle\n    speaker: Rustem Umerov\n"
                        b"    date: 2025-11-27\n    medium: other\n    source: meduza-2025-11-25-lavrov\n")
    assert written.line == 6


def test_adding_an_event_inserts_only_its_lines(store: Path):
    old, new, _ = edit(store, AddEvent(title="Talks resume in Geneva", source=LAVROV, date="2025-11-26",
                                       place="Geneva", parties=["ukraine", "united-states"]), "events.yaml")
    assert_inserted(old, new, [
        "", "  - id: talks-resume-in-geneva", "    title: Talks resume in Geneva", "    date: 2025-11-26",
        "    place: Geneva", "    parties:", "      - ukraine", "      - united-states", f"    source: {LAVROV}",
    ])
    assert problems(store) == []


def test_adding_a_meeting_writes_its_venue_format_host_mediator_and_participants_in_the_guides_order(store: Path):
    old, new, _ = edit(store, AddEvent(title="Talks in Geneva", source=LAVROV, place="Geneva", venue="Palais des Nations",
                                       format="in-person", parties=["ukraine"], host="ukraine", mediator="united-states",
                                       participants=["ukraine/rustem-umerov", "donald-trump"]), "events.yaml")
    assert_inserted(old, new, [
        "", "  - id: talks-in-geneva", "    title: Talks in Geneva", "    place: Geneva", "    venue: Palais des Nations",
        "    format: in-person", "    parties:", "      - ukraine", "    host: ukraine", "    mediator: united-states",
        "    participants:", "      - ukraine/rustem-umerov", "      - donald-trump", f"    source: {LAVROV}",
    ])
    assert problems(store) == []


def test_adding_a_source_inserts_only_its_lines(store: Path):
    old, new, _ = edit(store, AddSource(outlet="AP", title="Talks go on", date="2025-11-26", note="Seen on the wire."),
                       "sources.yaml")
    assert_inserted(old, new, [
        "", "  - id: ap-2025-11-26-talks-go-on", "    outlet: AP", "    title: Talks go on", "    date: 2025-11-26",
        "    note: Seen on the wire.",
    ])
    assert problems(store) == []


def test_a_quote_with_a_new_source_inserts_only_lines_in_both_files(store: Path):
    before = tree(store)
    edits.apply(store, AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference",
                                date="2025-11-25", new_source=AddSource(outlet="TASS", title="Lavrov speaks")))
    after = tree(store)
    assert sorted(k for k in after if after[k] != before.get(k)) == ["quotes/2025-11-25.yaml", "sources.yaml"]
    assert_inserted(before["sources.yaml"], after["sources.yaml"], [
        "", "  - id: tass-lavrov-speaks", "    outlet: TASS", "    title: Lavrov speaks",
    ])
    removed, added = changes(before["quotes/2025-11-25.yaml"], after["quotes/2025-11-25.yaml"])
    assert removed == [] and "    source: tass-lavrov-speaks" in added
    assert problems(store) == []


# -- the status ------------------------------------------------------------------------------------

STATUS_MOVED = (
    ["  stage: framework-agreed-in-principle", "  headline: >-",
     "    Ukraine agrees “in principle” to Washington’s framework; Russia says it must review",
     "    the newest version and could reject it", "  since: 2025-11-25"],
    ["  stage: final-stages", "  headline: Trump says the deal is in its final stages", "  since: 2025-11-26",
     "    - stage: framework-agreed-in-principle", "      date: 2025-11-25", "      headline: >-",
     "        Ukraine agrees “in principle” to Washington’s framework; Russia says it must",
     "        review the newest version and could reject it", f"      source: {LAVROV}"],
)


def _summary_lines(old: bytes) -> list[str]:
    text = old.decode()
    lines = text[text.index("  summary: >-\n"):text.index("  # The article")].splitlines()
    assert len(lines) == 12
    return lines


def test_moving_the_stage_takes_its_summary_to_the_history_with_it(store: Path):
    before = ContentStore(store).load().snapshot.status
    assert before is not None and before.summary
    old, new, _ = edit(store, SetStatus(stage="final-stages", headline="Trump says the deal is in its final stages",
                                        since="2025-11-26", source=LAVROV), "status.yaml")
    # The same source as now: its line stays; the comments are not touched; the summary leaves the
    # current stage (the new one never inherits it) and is kept in the history with its own stage.
    removed, added = changes(old, new)
    assert removed == STATUS_MOVED[0][:4] + _summary_lines(old) + STATUS_MOVED[0][4:]
    assert added[:3] == STATUS_MOVED[1][:3] and "      summary: >-" in added
    assert b"  # The article, published that Tuesday" in new
    after = ContentStore(store).load().snapshot.status
    assert after is not None and after.summary == "" and after.history[-1].summary == before.summary
    assert after.history[-1].stage.value == "framework-agreed-in-principle"
    assert problems(store) == []


def test_a_new_stage_with_its_own_summary(store: Path):
    old, new, _ = edit(store, SetStatus(stage="final-stages", headline="Trump says the deal is in its final stages",
                                        since="2025-11-26", source=LAVROV, summary="Talks go on."), "status.yaml")
    removed, added = changes(old, new)
    assert removed == STATUS_MOVED[0][:4] + _summary_lines(old) + STATUS_MOVED[0][4:]
    assert added[:3] == STATUS_MOVED[1][:2] + ["  summary: Talks go on."]
    after = ContentStore(store).load().snapshot.status
    assert after is not None and after.summary == "Talks go on." and after.history[-1].summary.startswith("Ukrainian National Security")


def test_a_new_stage_with_a_new_source_changes_the_source_line_too(store: Path):
    old, new, _ = edit(store, SetStatus(stage="final-stages", headline="Trump says the deal is in its final stages",
                                        since="2025-11-26", source=THANKSGIVING), "status.yaml")
    removed, added = changes(old, new)
    assert removed == STATUS_MOVED[0][:4] + _summary_lines(old) + STATUS_MOVED[0][4:] + [f"  source: {LAVROV}"]
    assert added[:4] == STATUS_MOVED[1][:3] + [f"  source: {THANKSGIVING}"]
    assert added[-1] == f"      source: {LAVROV}"  # the old stage keeps its source in the history


# -- positions -------------------------------------------------------------------------------------

UKRAINE_ON_GUARANTEES = """\
      - party: ukraine
        stance: unclear
        says: >-
          Ukraine has agreed “in principle” to Washington’s framework, and Umerov said Kyiv
          and Washington had reached a “common understanding” on a peace proposal; but per
          Christopher Miller, security guarantees remain one of the two biggest and most
          contentious matters.
        quotes:
          - umerov-common-understanding
          - miller-in-principle
          - miller-contentious-matters
        events:
          - us-ukraine-common-understanding
        source: meduza-2025-11-25-lavrov
"""

COMMENTED = """\
      # Ukraine: as the article of Nov 25 has it
      - party: ukraine
        stance: unclear  # the article does not say more
        says: >-
          Ukraine has agreed “in principle” to Washington’s framework, and Umerov said Kyiv
          and Washington had reached a “common understanding” on a peace proposal; but per
          Christopher Miller, security guarantees remain one of the two biggest and most
          contentious matters.
        # the quotes behind it, in the article's order
        quotes:   # three of them
          - umerov-common-understanding
          - miller-in-principle  # on X
          - miller-contentious-matters
        events: # one
          - us-ukraine-common-understanding
        source: meduza-2025-11-25-lavrov   # the only source
"""


@pytest.fixture
def commented(store: Path) -> Path:
    """The shipped store with comments in and around Ukraine's position on security guarantees."""
    path = store / "issues.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(UKRAINE_ON_GUARANTEES) == 1
    path.write_text(text.replace(UKRAINE_ON_GUARANTEES, COMMENTED), encoding="utf-8")
    assert problems(store) == []
    return store


def stored_position(root: Path, issue: str, party: str):
    snapshot = ContentStore(root).load().snapshot
    return next(p for p in snapshot.issue_by_id[issue].positions if p.party == party)


def test_changing_only_the_stance_is_a_one_line_diff(commented: Path):
    old, new, written = edit(commented, SetPosition(issue="security-guarantees", party="ukraine", stance="conditional"),
                             "issues.yaml")
    assert_changed(old, new, ["        stance: unclear  # the article does not say more"],
                   ["        stance: conditional  # the article does not say more"])
    assert line_of(commented / "issues.yaml", written.line) == "      - party: ukraine"
    assert stored_position(commented, "security-guarantees", "ukraine").stance.value == "conditional"


def test_giving_every_field_as_stored_but_the_stance_is_still_a_one_line_diff(commented: Path):
    """What a form sends: the says, quotes, events and source it was filled with; none is rewritten or rewrapped."""
    current = stored_position(commented, "security-guarantees", "ukraine")
    assert "\n" not in current.says and len(current.says) > 88  # one long line, folded over four in the file
    old, new, _ = edit(commented, SetPosition(
        issue="security-guarantees", party="ukraine", stance="conditional", says=current.says,
        quotes=list(current.quotes), events=list(current.events), source=current.source,
    ), "issues.yaml")
    assert_changed(old, new, ["        stance: unclear  # the article does not say more"],
                   ["        stance: conditional  # the article does not say more"])


def test_the_same_stance_and_says_as_stored_change_nothing(commented: Path):
    current = stored_position(commented, "security-guarantees", "ukraine")
    old, new, _ = edit(commented, SetPosition(issue="security-guarantees", party="ukraine", stance="unclear",
                                              says=current.says), "issues.yaml")
    assert new == old


def test_quotes_none_keeps_the_quotes_and_new_quotes_change_only_those_lines(commented: Path):
    old, new, _ = edit(commented, SetPosition(issue="security-guarantees", party="ukraine", stance="unclear",
                                              quotes=None, says="Ukraine wants guarantees."), "issues.yaml")
    removed, added = changes(old, new)
    assert removed == [
        "        says: >-",
        "          Ukraine has agreed “in principle” to Washington’s framework, and Umerov said Kyiv",
        "          and Washington had reached a “common understanding” on a peace proposal; but per",
        "          Christopher Miller, security guarantees remain one of the two biggest and most",
        "          contentious matters.",
    ]
    assert added == ["        says: Ukraine wants guarantees."]
    middle = new
    _, new, _ = edit(commented, SetPosition(issue="security-guarantees", party="ukraine", stance="unclear",
                                            quotes=["lavrov-welcomed"]), "issues.yaml")
    assert_changed(middle, new, [
        "          - umerov-common-understanding", "          - miller-in-principle  # on X",
        "          - miller-contentious-matters",
    ], ["          - lavrov-welcomed"])
    assert b"        quotes:   # three of them\n" in new and b"        # the quotes behind it, in the article's order\n" in new


def test_an_empty_says_or_events_removes_only_those_lines(commented: Path):
    old, new, _ = edit(commented, SetPosition(issue="security-guarantees", party="ukraine", stance="unclear", events=[]),
                       "issues.yaml")
    assert_changed(old, new, ["        events: # one", "          - us-ukraine-common-understanding"], [])


def test_a_new_position_inserts_only_its_lines(commented: Path):
    old, new, written = edit(commented, SetPosition(issue="territory", party="financial-times", stance="unstated",
                                                    source=LAVROV), "issues.yaml")
    assert_inserted(old, new, ["      - party: financial-times", "        stance: unstated", f"        source: {LAVROV}"])
    assert line_of(commented / "issues.yaml", written.line) == "      - party: financial-times"
    assert problems(commented) == []


def test_a_new_position_with_says_quotes_and_events_inserts_only_its_lines(store: Path):
    old, new, _ = edit(store, SetPosition(
        issue="security-guarantees", party="financial-times", stance="unclear", says="Far from minor.",
        quotes=["miller-contentious-matters"], events=["abu-dhabi-meeting"], source=LAVROV,
    ), "issues.yaml")
    assert_inserted(old, new, [
        "      - party: financial-times", "        stance: unclear", "        says: Far from minor.", "        quotes:",
        "          - miller-contentious-matters", "        events:", "          - abu-dhabi-meeting",
        f"        source: {LAVROV}",
    ])
    assert problems(store) == []


# -- a run of edits --------------------------------------------------------------------------------

def test_a_run_of_every_kind_of_edit_changes_each_file_only_where_asked(commented: Path):
    """Five edits in a row through one door each: every file not written stays byte-identical throughout."""
    requests: list[tuple[Request, str]] = [
        (AddSource(outlet="AP", title="Talks go on"), "sources.yaml"),
        (AddQuote(text="Talks go on", speaker="An official", medium="anonymous", source="ap-talks-go-on"), "quotes/undated.yaml"),
        (AddEvent(title="Talks go on", source="ap-talks-go-on"), "events.yaml"),
        (SetStatus(stage="final-stages", headline="Final stages", since="2025-11-26", source="ap-talks-go-on"), "status.yaml"),
        (SetPosition(issue="security-guarantees", party="ukraine", stance="accepts"), "issues.yaml"),
        (SetPosition(issue="territory", party="free-russia-foundation", stance="unstated", source="ap-talks-go-on"), "issues.yaml"),
    ]
    for request, relative in requests:
        old, new, _ = edit(commented, request, relative)
        removed, _ = changes(old, new)
        assert not any(line.lstrip().startswith("#") for line in removed), (request, removed)
    text = (commented / "issues.yaml").read_text(encoding="utf-8")
    assert COMMENTED.replace("stance: unclear", "stance: accepts") in text
