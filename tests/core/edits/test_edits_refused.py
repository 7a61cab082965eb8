"""Edits that would break the store, or overwrite a colleague's save, are refused and write nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.edits import assert_inserted, problems
from tui.core.desk import one_edit as edits
from tui.core.store.loader import ContentStore

LAVROV = "meduza-2025-11-25-lavrov"
QUOTE = dict(text="welcomed", speaker="Sergey Lavrov", source=LAVROV, medium="press-conference", party="russia",
             date="2025-11-25")


def snapshot_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("call", "expected"), [
    (lambda r: edits.add_quote(r, **{**QUOTE, "party": "rusia"}),
     "quotes/2025-11-25.yaml:94:12: unknown party 'rusia'; did you mean 'russia'?"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "source": "meduza-lavrov"}),
     "quotes/2025-11-25.yaml:97:13: unknown source 'meduza-lavrov'"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "medium": "intervew"}),
     "quotes/2025-11-25.yaml:96:13: 'intervew' is not a valid medium (did you mean 'interview'?)"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "date": "2025-11-31"}),
     "quotes/undated.yaml:123:11: 'date': '2025-11-31' is not a real date (check the month and day)"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "date": "25/11/2025"}),
     "quotes/undated.yaml:123:11: 'date': expected a date as YYYY-MM-DD, found '25/11/2025'"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "text": ""}),
     "quotes/2025-11-25.yaml:92:11: 'text' must not be empty"),
    (lambda r: edits.add_quote(r, **{**QUOTE, "speaker": "  "}),
     "quotes/2025-11-25.yaml:93:14: 'speaker' must not be empty"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, parties=["ukrane"]),
     "events.yaml:142:9: unknown party 'ukrane'; did you mean 'ukraine'?"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, participants=["russia/vladimir-puttin"]),
     "events.yaml:142:9: unknown person 'russia/vladimir-puttin'; did you mean 'russia/vladimir-putin'?"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, participants=["putin"]),
     "events.yaml:142:9: unknown person 'putin'; write it as PARTY/PERSON; known: financial-times/christopher-miller"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, host="ukrane"),
     "events.yaml:141:11: unknown party 'ukrane'; did you mean 'ukraine'?"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, mediator="turkey"),
     "events.yaml:141:15: unknown party 'turkey'"),
    (lambda r: edits.add_event(r, title="Talks", source=LAVROV, format="zoom"),
     "events.yaml:141:13: 'zoom' is not a valid format; expected one of: in-person, phone, video"),
    (lambda r: edits.set_status(r, stage="finished", headline="Done", source=LAVROV),
     "status.yaml:25:10: 'finished' is not a valid stage"),
    (lambda r: edits.set_position(r, issue="territory", party="russia", stance="maybe"),
     "issues.yaml:96:17: 'maybe' is not a valid stance"),
    (lambda r: edits.set_position(r, issue="territory", party="russia", stance="opposes", quotes=["nope"]),
     "issues.yaml:103:13: unknown quote 'nope'"),
    (lambda r: edits.set_position(r, issue="borders", party="russia", stance="opposes"),
     "issues.yaml:1:1: unknown issue 'borders'; known: security-guarantees, territory"),
])
def test_a_bad_edit_is_refused_with_its_problem_and_nothing_is_written(store: Path, call, expected: str):
    before = snapshot_bytes(store)
    with pytest.raises(edits.EditRefused) as refused:
        call(store)
    assert any(str(p).startswith(expected) for p in refused.value.problems), refused.value
    assert expected.split(": ")[0] in str(refused.value)  # the summary names file, line and column too
    assert snapshot_bytes(store) == before


def test_problems_already_there_do_not_block_an_edit(store: Path):
    issues = store / "issues.yaml"
    # A problem in the file edited, after the place of the edit (so the edit moves it down) ...
    issues.write_text(issues.read_text().replace("          - alaska-summit\n", "          - alaska-sumit\n"))
    # ... and one in another file.
    events = store / "events.yaml"
    events.write_text(events.read_text().replace("      - ukraine\n", "      - ukrane\n", 1))
    before = problems(store)
    assert len(before) == 2
    old = issues.read_bytes()
    edits.set_position(store, issue="security-guarantees", party="financial-times", stance="unstated", source=LAVROV)
    assert_inserted(old, issues.read_bytes(), [
        "      - party: financial-times", "        stance: unstated", f"        source: {LAVROV}",
    ])
    assert [p.split(":", 1)[0] for p in problems(store)] == ["events.yaml", "issues.yaml"]


def test_a_file_that_cannot_be_parsed_is_not_edited(store: Path):
    path = store / "quotes/2025-11-25.yaml"
    path.write_text(path.read_text() + "  - id: [broken\n")
    before = path.read_bytes()
    with pytest.raises(edits.EditRefused) as refused:
        edits.add_quote(store, **QUOTE)
    assert "does not read as the dashboard shows it (line 90); fix it first" in str(refused.value)
    assert path.read_bytes() == before


# -- conflicts -----------------------------------------------------------------------------------

def test_a_file_changed_since_the_caller_read_it_is_a_conflict(store: Path):
    seen = ContentStore(store)
    seen.load()
    expected = {"quotes/2025-11-25.yaml": seen.digest("quotes/2025-11-25.yaml")}
    assert expected["quotes/2025-11-25.yaml"] == edits.digest((store / "quotes/2025-11-25.yaml").read_bytes())
    path = store / "quotes/2025-11-25.yaml"
    colleague = path.read_bytes().replace(b"text: welcomed", b"text: welcomed!")
    path.write_bytes(colleague)
    with pytest.raises(edits.EditConflict) as conflict:
        edits.add_quote(store, **QUOTE, expected=expected)
    assert conflict.value.path == "quotes/2025-11-25.yaml"
    assert path.read_bytes() == colleague


def test_only_a_change_to_the_file_written_is_a_conflict(store: Path):
    """A colleague's save to another file is validated against, not a reason to refuse."""
    seen = ContentStore(store)
    seen.load()
    expected = {"sources.yaml": seen.digest("sources.yaml"), "quotes/2025-11-25.yaml": seen.digest("quotes/2025-11-25.yaml")}
    colleague = (store / "sources.yaml").read_bytes() + b"# a colleague's note\n"
    (store / "sources.yaml").write_bytes(colleague)
    edits.add_quote(store, **QUOTE, expected=expected)
    assert (store / "sources.yaml").read_bytes() == colleague
    (store / "quotes" / "2025-11-25.yaml").write_bytes((store / "quotes" / "2025-11-25.yaml").read_bytes() + b"# and another\n")
    before = snapshot_bytes(store)
    with pytest.raises(edits.EditConflict) as conflict:
        edits.add_quote(store, **QUOTE, expected=expected)
    assert conflict.value.path == "quotes/2025-11-25.yaml"
    assert snapshot_bytes(store) == before


def test_the_digests_the_caller_saw_let_the_edit_through(store: Path):
    seen = ContentStore(store)
    seen.load()
    written = edits.add_quote(store, **QUOTE, expected={"quotes/2025-11-25.yaml": seen.digest("quotes/2025-11-25.yaml")})
    assert written.item_id == "lavrov-welcomed-2"
    assert seen.digest("quotes/2025-11-25.yaml") != edits.digest((store / written.path).read_bytes())


def test_a_save_that_lands_just_before_the_rename_is_not_overwritten(store: Path, monkeypatch):
    """A colleague saves while the edit is being written: the check just before the rename sees it."""
    path = store / "quotes/2025-11-25.yaml"
    colleague = path.read_bytes() + b"# saved by a colleague meanwhile\n"
    real_fsync = os.fsync

    def fsync_then_colleague_saves(fd: int) -> None:
        real_fsync(fd)
        if path.read_bytes() != colleague:
            path.write_bytes(colleague)

    monkeypatch.setattr(os, "fsync", fsync_then_colleague_saves)
    with pytest.raises(edits.EditConflict):
        edits.add_quote(store, **QUOTE)
    assert path.read_bytes() == colleague
    assert sorted(p.name for p in path.parent.iterdir()) == ["2025-11-25.yaml", "undated.yaml"]


def test_a_failed_rename_leaves_the_old_file_and_no_temp_file(store: Path, monkeypatch):
    path = store / "quotes/2025-11-25.yaml"
    before = path.read_bytes()

    def no_rename(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(edits.EditRefused, match="No space left on device"):
        edits.add_quote(store, **QUOTE)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["2025-11-25.yaml", "undated.yaml"]


def test_every_digest_the_dashboard_saw_is_checked(store: Path):
    seen = ContentStore(store)
    seen.load()
    expected = seen.digests()
    assert len(expected) == 9 and expected["status.yaml"] == seen.digest("status.yaml")
    edits.set_position(store, issue="territory", party="financial-times", stance="unstated", source=LAVROV, expected=expected)
    with pytest.raises(edits.EditConflict) as conflict:  # the dashboard has not seen its own edit yet
        edits.set_position(store, issue="territory", party="free-russia-foundation", stance="unstated", source=LAVROV, expected=expected)
    assert conflict.value.path == "issues.yaml"
