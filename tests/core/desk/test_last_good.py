"""A file that cannot be read on a fresh start shows its last good version, said as such: one
mistake costs one problem, never the file's items nor what refers to them."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.paths import SHIPPED
from tui.core.desk import Desk

BROKEN = ("  - id: territory\n", "        - id: territory\n")  # a list item at the wrong depth: the whole file fails


def _store(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    return root


def _break(root: Path) -> None:
    path = root / "issues.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(BROKEN[0]) == 1
    path.write_text(text.replace(*BROKEN), encoding="utf-8")


def test_a_broken_file_on_a_fresh_start_shows_as_the_journal_last_recorded_it(tmp_path: Path) -> None:
    root, journal = _store(tmp_path), tmp_path / "journal.json"
    first = Desk(root, journal=journal, state_dir=tmp_path / "state")
    first.load()
    first.record()
    first.close()
    _break(root)
    desk = Desk(root, journal=journal, state_dir=tmp_path / "state")
    assert [i.id for i in desk.load().snapshot.issues] == []  # the file gave nothing: its ids still known...
    state = desk.record()  # ...and once the journal is open, its last good version stands in
    assert [i.id for i in state.snapshot.issues] == ["security-guarantees", "territory"]
    said = [str(p) for p in state.problems]
    assert len(said) == 2, said  # the mistake, and where what is shown comes from: no unknown references
    assert said[0].startswith("issues.yaml:1:1: cannot be read now, so it is shown as the change journal recorded it on ")
    assert said[1].startswith("issues.yaml:58:9: line 58: this list item ('- ') is at the wrong depth")
    assert state.unseen_count == 0 and state.changes == ()  # nothing changed: nothing is news
    # Fixed: the file itself again, and the note gone.
    (root / "issues.yaml").write_text((SHIPPED / "issues.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    desk.reload(["issues.yaml"])
    assert desk.record().problems == ()
    desk.close()


def test_without_a_journal_a_broken_file_still_costs_one_problem(tmp_path: Path) -> None:
    root = _store(tmp_path)
    _break(root)
    state = Desk(root, journal="off", state_dir=tmp_path / "state").load()
    assert [str(p)[:24] for p in state.problems] == ["issues.yaml:58:9: line 5"]  # no 'unknown issue' for each quote


def test_a_stand_in_goes_with_its_file(tmp_path: Path) -> None:
    import time

    root, journal = _store(tmp_path), tmp_path / "journal.json"
    first = Desk(root, journal=journal, state_dir=tmp_path / "state")
    first.load()
    first.record()
    first.close()
    _break(root)
    desk = Desk(root, journal=journal, state_dir=tmp_path / "state")
    desk.load()
    assert any("cannot be read now" in p.message for p in desk.record().problems)
    (root / "issues.yaml").unlink()
    state = desk.reload(["issues.yaml"])
    while state.recheck_in is not None:  # a missing file is given a moment to come back (a save by rename)
        time.sleep(state.recheck_in)
        state = desk.reload(["issues.yaml"])
    assert not any(p.path == "issues.yaml" for p in desk.record().problems)  # no note about a file that is gone
    desk.close()
