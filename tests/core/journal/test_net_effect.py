"""The journal records news, not typos: a slip and its fix leave no trace; the net effect is one change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.paths import SHIPPED
from tui.core.desk import Desk


@pytest.fixture
def desk(tmp_path: Path):
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    desk = Desk(root, journal=tmp_path / "journal.json")
    desk.load()
    desk.record()
    yield desk
    desk.close()


def _save(desk: Desk, relative: str, old: str, new: str) -> list[str]:
    """Rewrite one file as an editor would, reload and record it; what the journal recorded."""
    path = desk.root / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    desk.reload([relative])
    return [c.text() for c in desk.record().changes]


def _journal(desk: Desk) -> list[str]:
    return [entry.text for reload in desk.reloads() for entry in reload.entries]


def test_a_mistyped_party_and_its_fix_are_not_news(desk):
    assert _save(desk, "quotes/2025-11-25.yaml", "party: russia", "party: rusia") == []
    assert desk.state.problems  # the banner says it meanwhile
    assert _save(desk, "quotes/2025-11-25.yaml", "party: rusia", "party: russia") == []
    assert _journal(desk) == []


def test_a_slip_fixed_together_with_a_real_change_records_only_the_real_change(desk):
    _save(desk, "quotes/2025-11-25.yaml", "party: russia", "party: rusia")
    text = (desk.root / "status.yaml").read_text(encoding="utf-8")
    headline = next(line for line in text.splitlines() if line.strip().startswith("headline:"))
    _save(desk, "status.yaml", headline, "  headline: Talks resume in Geneva")
    assert _journal(desk) == []  # held while the typo stands
    recorded = _save(desk, "quotes/2025-11-25.yaml", "party: rusia", "party: russia")
    assert len(recorded) == 1 and "Talks resume in Geneva" in recorded[0]
    assert not any(text.startswith(("Removed", "New")) for text in _journal(desk))


def test_a_moment_of_duplicate_ids_is_not_a_removal_and_an_addition(desk):
    day = desk.root / "quotes/2025-11-25.yaml"
    text = day.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n  - id: ")
    item = "  - id: " + rest.partition("\n  - id: ")[0]
    # Pasted in again (a copy to be edited into a new quote), then the copy's id changed.
    day.write_text(text.rstrip("\n") + "\n" + item + "\n", encoding="utf-8")
    desk.reload(["quotes/2025-11-25.yaml"])
    assert desk.record().changes == ()  # a duplicate id for a moment: held
    copy_id = item.split("\n", 1)[0].removeprefix("  - id: ").strip()
    day.write_text(text.rstrip("\n") + "\n" + item.replace(copy_id, copy_id + "-2", 1) + "\n", encoding="utf-8")
    desk.reload(["quotes/2025-11-25.yaml"])
    recorded = [c.text() for c in desk.record().changes]
    assert len(recorded) == 1 and recorded[0].startswith("New quote"), recorded
    assert not any(line.startswith("Removed") for line in _journal(desk))


# -- what a reader is told: the net change, and their own seen marks ------------------------------------------


def test_a_stance_flipped_and_flipped_back_is_not_new(desk):
    assert _save(desk, "issues.yaml", "stance: conditional", "stance: opposes") == ["russia on territory: stance conditional → opposes"]
    assert desk.state.unseen_count == 1 and desk.state.unseen == {("issues", "territory")}
    assert _save(desk, "issues.yaml", "stance: opposes", "stance: conditional") == ["russia on territory: stance opposes → conditional"]
    # Both steps are in the log; neither is news, nor in a brief of what changed since.
    assert _journal(desk) == ["Russia on Territory: stance opposes → conditional", "Russia on Territory: stance conditional → opposes"]
    assert (desk.state.unseen_count, desk.state.unseen) == (0, frozenset())
    assert desk.reloads(net=True) == []


def test_a_quote_added_and_removed_is_not_new_and_a_real_change_beside_it_is(desk):
    day = desk.root / "quotes" / "2025-11-25.yaml"
    original = day.read_text(encoding="utf-8")
    day.write_text(original + "\n  - id: slip\n    text: Oops\n    speaker: X\n    medium: other\n    source: meduza-2025-11-25-lavrov\n", encoding="utf-8")
    desk.reload(["quotes/2025-11-25.yaml"])
    desk.record()
    assert desk.state.unseen == {("quotes", "slip")}
    day.write_text(original, encoding="utf-8")
    desk.reload(["quotes/2025-11-25.yaml"])
    desk.record()
    _save(desk, "issues.yaml", "stance: conditional", "stance: opposes")
    assert desk.state.unseen == {("issues", "territory")} and desk.state.unseen_count == 1
    [reload] = desk.reloads(net=True)
    assert [e.text for e in reload.entries] == ["Russia on Territory: stance conditional → opposes"]


def test_one_readers_marks_leave_anothers_new_alone(tmp_path, desk):
    _save(desk, "issues.yaml", "stance: conditional", "stance: opposes")
    journal = desk.journal_path
    # Another person reads the same journal (a desk's shared --journal), with their own state directory.
    other = Desk(desk.root, journal=journal, state_dir=tmp_path / "other-person")
    other.load()
    assert other.record().unseen_count == 1
    assert other.mark_all_seen().unseen_count == 0
    assert desk.record().unseen_count == 1  # theirs is theirs
    # A read-only screen's reader marks in memory only: the next start of it sees the news again.
    wall = Desk(desk.root, journal=journal, state_dir=tmp_path / "wall", keep_seen=False)
    wall.load()
    assert wall.record().unseen_count == 1 and wall.mark_all_seen().unseen_count == 0
    again = Desk(desk.root, journal=journal, state_dir=tmp_path / "wall", keep_seen=False)
    again.load()
    assert again.record().unseen_count == 1
    assert not (tmp_path / "wall" / "seen").exists()
    for opened in (other, wall, again):
        opened.close()


def test_an_editors_own_edit_is_seen_by_them_and_new_to_everyone_else(tmp_path, desk):
    from tui.core.desk import SetPosition

    desk.apply(SetPosition(issue="territory", party="russia", stance="opposes"))
    assert desk.state.unseen_count == 0
    other = Desk(desk.root, journal=desk.journal_path, state_dir=tmp_path / "other-person")
    other.load()
    assert other.record().unseen == {("issues", "territory")}
    other.close()


def test_an_outcome_given_to_a_deadline_still_ahead_and_taken_back_is_not_news(tmp_path):
    import datetime as dt

    root = tmp_path / "early"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    early = Desk(root, journal=tmp_path / "early.json", clock=lambda: dt.datetime(2025, 11, 25, 18, 0))
    early.load()
    early.record()
    said = "      source: meduza-thanksgiving-deadline\n"
    assert _save(early, "story.yaml", said, said + "      outcome: met\n") == []  # a date's problem: a slip, not recorded
    assert any("still ahead but has an outcome" in p.message for p in early.state.problems)
    assert _save(early, "story.yaml", said + "      outcome: met\n", said) == []
    assert _journal(early) == [] and early.state.unseen_count == 0
    early.close()
