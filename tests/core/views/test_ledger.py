"""The ledger without Textual: the order of versions, a point followed across them, the word diff,
and the points that touch an issue. The stores are real files (a copy of the shipped story) read
through the desk."""

from __future__ import annotations

from pathlib import Path

from tui.core.desk import NO_JOURNAL, Desk
from tui.core.model.references import explain
from tui.core.model.snapshot import Snapshot
from tui.core.model.targets import Target
from tui.core.text.problems import Problem
from tui.core.views.ledger import Piece, document_problems, earlier_choices, lineages, point_history, points_for_issue, word_diff

SOURCE = "meduza-2025-11-25-lavrov"

# Three versions (v2 lists its points before v1 in the file, to show order comes from `supersedes`),
# a branch off v1, and two documents that name each other (a circle must not lose them).
DOCUMENTS = f"""\
documents:
  - id: v3
    title: Plan
    version: third
    type: draft
    supersedes: v2
    status: presented
    source: {SOURCE}
    points:
      - id: c
        says: Ukraine keeps its army at 800,000 troops in peacetime.
        change: merged
        earlier: [army, navy]
        issues: [security-guarantees]
      - id: gone
        change: dropped
        earlier: [land]
  - id: v1
    title: Plan
    version: first
    type: plan
    status: superseded
    source: {SOURCE}
    points:
      - id: land
        says: Ukraine gives up the territory it controls in Donetsk.
        issues: [territory]
      - id: army
        says: Ukraine caps its army at 600,000 troops.
  - id: v2
    title: Plan
    version: second
    type: draft
    supersedes: v1
    status: revised
    source: {SOURCE}
    points:
      - id: land
        says: Ukraine withdraws from the territory it controls in Donetsk,
          a demilitarised zone.
        change: reworded
        earlier: [land]
        issues: [territory]
      - id: army
        says: Ukraine caps its army at 800,000 troops.
        change: reworded
        earlier: [army]
      - id: navy
        says: A navy of its own.
        change: new
  - id: side
    title: Counter-proposal
    type: plan
    supersedes: v1
    status: reported
    source: {SOURCE}
  - id: loop-a
    title: A
    type: plan
    supersedes: loop-b
    status: reported
    source: {SOURCE}
  - id: loop-b
    title: B
    type: plan
    supersedes: loop-a
    status: reported
    source: {SOURCE}
"""


def _snapshot(store: Path) -> Snapshot:
    (store / "documents.yaml").write_text(DOCUMENTS, encoding="utf-8")
    state = Desk(store, journal=NO_JOURNAL).load()
    # The circle is a problem the checks report; its documents are still in the store.
    assert all("come back" in p.message for p in state.problems), state.problems
    return state.snapshot


def test_versions_follow_what_they_supersede_oldest_first_a_branch_after_its_parent_a_circle_kept(store: Path) -> None:
    chains = lineages(_snapshot(store))
    assert [[d.id for d in chain] for chain in chains] == [["v1", "v2", "v3", "side"], ["loop-a", "loop-b"]]


def test_the_shipped_story_reads_as_one_chain_of_drafts_and_the_framework_apart(store: Path) -> None:
    snapshot = Desk(store, journal=NO_JOURNAL).load().snapshot
    assert [[d.id for d in chain] for chain in lineages(snapshot)] == [
        ["us-plan-initial", "us-plan-later-drafts", "us-plan-newest"], ["us-framework"],
    ]


def test_the_word_diff_keeps_removes_and_adds_words_in_reading_order() -> None:
    assert word_diff("Ukraine caps its army at 600,000 troops.", "Ukraine  caps its\narmy at 800,000 troops.") == [
        Piece("same", "Ukraine caps its army at"), Piece("removed", "600,000"), Piece("added", "800,000"), Piece("same", "troops."),
    ]
    assert word_diff("", "A new point.") == [Piece("added", "A new point.")]
    assert word_diff("Gone.", "") == [Piece("removed", "Gone.")]
    assert word_diff("Same words.", "Same   words.") == [Piece("same", "Same words.")]


def test_a_point_is_followed_back_and_forward_its_words_compared_with_the_point_it_comes_from(store: Path) -> None:
    snapshot = _snapshot(store)
    history = point_history(snapshot, "v2", "land")
    assert [(v.document.id, v.point.id) for v in history] == [("v1", "land"), ("v2", "land"), ("v3", "gone")]
    first, reworded, dropped = history
    assert first.diff is None and first.earlier == ()
    assert reworded.diff == (
        Piece("same", "Ukraine"), Piece("removed", "gives up"), Piece("added", "withdraws from"), Piece("same", "the territory it controls in"),
        Piece("removed", "Donetsk."), Piece("added", "Donetsk, a demilitarised zone."),
    )
    assert dropped.dropped and dropped.diff is None and dropped.earlier == (reworded.point,)


def test_a_merged_point_lists_every_point_it_comes_from_and_a_new_one_has_no_past(store: Path) -> None:
    snapshot = _snapshot(store)
    merged = point_history(snapshot, "v3", "c")
    assert [(v.document.id, v.point.id) for v in merged] == [("v1", "army"), ("v2", "army"), ("v3", "c")]
    assert [p.id for p in merged[-1].earlier] == ["army", "navy"] and merged[-1].diff is None
    new = point_history(snapshot, "v2", "navy")
    assert [(v.document.id, v.point.id) for v in new] == [("v2", "navy"), ("v3", "c")]
    assert point_history(snapshot, "v2", "nothing") == []
    # A point a later version's point comes from cannot be removed: it is refused, with which, before asking.
    assert explain(snapshot, Target("documents", "v2", (("points", "army"),))) == "1 point comes from this point: v3 point c"
    assert explain(snapshot, Target("documents", "v1", (("points", "land"),))) == "1 point comes from this point: v2 point land"
    assert explain(snapshot, Target("documents", "v3", (("points", "c"),))) == ""


def test_the_problems_of_the_documents_file_are_told_apart_and_each_put_on_its_document(store: Path) -> None:
    (store / "documents.yaml").write_text(DOCUMENTS.replace("earlier: [army, navy]", "earlier: [army, navvy]"), encoding="utf-8")
    state = Desk(store, journal=NO_JOURNAL).load()
    elsewhere = Problem("quotes/2025-11-25.yaml", 3, 1, "a quote's problem")
    found, by_document = document_problems(state.snapshot, (*state.problems, elsewhere))
    assert elsewhere not in found and len(found) == len(state.problems) == 3  # the typo and the circle, found on both of its documents
    assert [p.message for p in by_document["v3"]] == ["v2 has no point 'navvy'; its points: army, land, navy"]
    assert set(by_document) == {"v3", "loop-a", "loop-b"}


def test_points_per_issue_in_ledger_order_and_the_earlier_points_a_new_point_may_name(store: Path) -> None:
    snapshot = _snapshot(store)
    assert [(d.id, p.id) for d, p in points_for_issue(snapshot, "territory")] == [("v1", "land"), ("v2", "land")]
    assert [p.id for p in earlier_choices(snapshot, "v3")] == ["land", "army", "navy"]
    assert earlier_choices(snapshot, "v1") == ()
