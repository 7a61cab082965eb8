"""Documents, their points, counts and stances: added, changed and removed byte-exactly, and
checked as the editors' guide says (a point's lineage told consistently, across files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.edits import assert_changed, assert_inserted, problems
from tui.core.desk import AddDocument, AddPoint, AddPointCount, AddStance, EditRefused, RemoveItem, UpdateItem
from tui.core.desk import one_edit as edits
from tui.core.model.diff import describe, diff_snapshots
from tui.core.model.targets import Target
from tui.core.store.loader import ContentStore

LAVROV = "meduza-2025-11-25-lavrov"
INITIAL = Target("documents", "us-plan-initial")
POINT = INITIAL.child("points", "territory-given-up")


def read(root: Path) -> bytes:
    return (root / "documents.yaml").read_bytes()


def test_a_later_draft_with_a_reworded_a_dropped_and_a_new_point_is_written_beside_the_others(store: Path):
    old = read(store)
    edits.apply(store, AddDocument({"title": "Second draft", "type": "draft", "supersedes": "us-plan-newest", "status": "presented",
                                    "source": LAVROV}))
    assert_inserted(old, read(store), ["", "  - id: second-draft", "    title: Second draft", "    type: draft",
                                       "    supersedes: us-plan-newest", "    status: presented", f"    source: {LAVROV}"])
    # The newest version records no points; chain the draft to the initial plan, which has one.
    edits.apply(store, UpdateItem(Target("documents", "second-draft"), {"supersedes": "us-plan-initial"}))
    before = read(store)
    edits.apply(store, AddPoint("second-draft", {"says": "Ukraine would give up part of the territory it controls.",
                                                 "change": "reworded", "earlier": ["territory-given-up"], "issues": ["territory"]}))
    edits.apply(store, AddPoint("second-draft", {"change": "dropped", "earlier": ["territory-given-up"]}, point="gone"))
    edits.apply(store, AddPoint("second-draft", {"number": "3", "says": "Security guarantees for Ukraine.", "change": "new"}))
    assert_inserted(before, read(store), [
        "    points:",
        "      - id: ukraine-would-give-up",
        "        says: Ukraine would give up part of the territory it controls.",
        "        issues:", "          - territory",
        "        change: reworded",
        "        earlier:", "          - territory-given-up",
        "      - id: gone",
        "        change: dropped",
        "        earlier:", "          - territory-given-up",
        "      - id: point-3",
        "        number: 3",
        "        says: Security guarantees for Ukraine.",
        "        change: new",
    ])
    assert problems(store) == []


def test_a_point_is_edited_and_removed_in_place_and_a_count_and_a_stance_added(store: Path):
    old = read(store)
    edits.apply(store, UpdateItem(POINT, {"says": "Ukraine would give up land."}))
    assert_changed(old, read(store), ["        says: Ukraine would give up territory it currently controls."],
                   ["        says: Ukraine would give up land."])
    middle = read(store)
    edits.apply(store, AddStance(POINT, "ukraine", {"stance": "opposes", "source": LAVROV}))
    assert_inserted(middle, read(store), ["        positions:", "          - party: ukraine", "            stance: opposes",
                                          f"            source: {LAVROV}"])
    with pytest.raises(EditRefused, match="already has a stance"):
        edits.apply(store, AddStance(POINT, "ukraine", {"stance": "supports", "source": LAVROV}))
    edits.apply(store, UpdateItem(POINT.child("positions", "ukraine"), {"stance": "unclear"}))
    assert "            stance: unclear" in read(store).decode()
    counted = read(store)
    edits.apply(store, AddPointCount("us-plan-initial", "27", LAVROV))
    assert_inserted(counted, read(store), ["      - count: 27", f"        source: {LAVROV}"])
    removed = read(store)
    edits.apply(store, RemoveItem(POINT.child("positions", "ukraine")))
    assert_changed(removed, read(store), ["        positions:", "          - party: ukraine", "            stance: unclear",
                                          f"            source: {LAVROV}"], ["        positions: []"])
    assert problems(store) == []


def test_a_point_named_by_a_later_version_is_not_removed_while_the_document_it_is_in_is_superseded(store: Path):
    with pytest.raises(EditRefused, match="supersede"):
        edits.apply(store, RemoveItem(INITIAL))


def test_a_point_a_later_version_comes_from_is_not_removed_and_the_reason_names_it(store: Path):
    edits.apply(store, AddDocument({"title": "Draft two", "type": "draft", "supersedes": "us-plan-initial", "status": "revised",
                                    "source": LAVROV}))
    edits.apply(store, AddPoint("draft-two", {"change": "dropped", "earlier": ["territory-given-up"]}, point="gone"))
    before = read(store)
    with pytest.raises(EditRefused, match="1 point comes from this point: draft-two point gone"):
        edits.apply(store, RemoveItem(POINT))
    assert read(store) == before


def write_draft(store: Path, points: str, supersedes: str = "us-plan-initial") -> list[str]:
    (store / "drafts.yaml").write_text(
        "documents:\n  - id: draft-2\n    title: Draft two\n    type: draft\n    status: revised\n"
        f"    supersedes: {supersedes}\n    source: {LAVROV}\n    points:\n{points}", encoding="utf-8")
    return problems(store)


def test_a_points_lineage_is_checked_with_the_line_and_what_to_do(store: Path):
    found = write_draft(store, "      - id: a\n        says: x\n        change: reworded\n        earlier: [no-such-point]\n")
    assert found == ["drafts.yaml:12:19: us-plan-initial has no point 'no-such-point'; its points: territory-given-up"]
    found = write_draft(store, "      - id: a\n        says: x\n        change: merged\n        earlier: [territory-given-up]\n")
    assert found == ["drafts.yaml:11:17: a merged point comes from two or more points of the version before: give them all in 'earlier'"]
    found = write_draft(store, "      - id: a\n        says: x\n        change: new\n        earlier: [territory-given-up]\n")
    assert found == ["drafts.yaml:12:18: a new point comes from no earlier point; remove 'earlier' or choose another change"]
    found = write_draft(store, "      - id: a\n        says: x\n      - id: a\n        says: y\n")
    assert found == ["drafts.yaml:11:13: a second point 'a' in draft-2; each point's id is its own"]
    found = write_draft(store, "      - id: a\n        says: x\n", supersedes="draft-2")
    assert found == ["drafts.yaml:6:17: the versions of draft-2 come back to draft-2; a version cannot supersede a later one"]
    found = write_draft(store, "      - id: a\n        says: x\n", supersedes="us-plan-intial")
    assert found == ["drafts.yaml:6:17: unknown document 'us-plan-intial'; did you mean 'us-plan-initial'?"]


def test_a_change_to_a_point_reads_as_one_line_naming_the_document_and_the_point(store: Path):
    before = ContentStore(store)
    before.load()
    edits.apply(store, UpdateItem(POINT, {"status": "contested"}))
    edits.apply(store, AddStance(Target("documents", "us-plan-newest"), "ukraine", {"stance": "supports", "source": LAVROV}))
    edits.apply(store, AddPoint("us-plan-later-drafts", {"change": "dropped", "earlier": ["territory-given-up"]}, point="gone"))
    after = ContentStore(store)
    after.load()
    lines = sorted(describe(c, after.snapshot) for c in diff_snapshots(before.snapshot, after.snapshot))
    assert lines == ["Document Subsequent drafts of the plan: drops point territory-given-up of the version before",
                     "Document Trump’s peace plan, initial version, point territory-given-up: status (none) → contested",
                     "Ukraine on The newest version of the U.S. proposal: new stance (supports)"]
