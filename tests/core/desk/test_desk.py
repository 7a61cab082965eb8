"""The one door to a content folder: load, reload, record, and apply an edit under the folder lock.

Real files in a temp copy of the shipped store, a real journal file in tmp, a real `flock` held by
the test as another peacewatch would hold it.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from tests.helpers.edits import line_of
from tui.core.desk import (
    NO_JOURNAL,
    AddEvent,
    AddQuote,
    AddSource,
    Applied,
    Desk,
    DeskState,
    EditRefused,
    SetPosition,
    Wait,
)
from tui.core.edits import engine as edit_engine
from tui.core.store import file_parser, loader

LAVROV = "meduza-2025-11-25-lavrov"
DAY = "quotes/2025-11-25.yaml"
EVENT = AddEvent(title="Talks resume in Geneva", source=LAVROV, date="2025-11-26", place="Geneva")
EVENT_ID = "talks-resume-in-geneva"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "j.json"


@pytest.fixture
def desk(store: Path, journal: Path):
    """A desk on the store with its journal in tmp, loaded and recorded as the dashboard starts."""
    opened = Desk(store, journal=journal)
    opened.load()
    first = opened.record()
    assert first.changes == () and first.unseen_count == 0  # a new journal only remembers the state
    yield opened
    opened.close()


# -- reading ---------------------------------------------------------------------------------------

def test_load_returns_the_snapshot_and_its_problems(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    state = desk.load()
    assert isinstance(state, DeskState) and desk.state is state
    assert state.snapshot.status.stage == "framework-agreed-in-principle"
    assert "lavrov-welcomed" in state.snapshot.quote_by_id
    assert state.snapshot.origins[("quotes", "lavrov-welcomed")].path == DAY
    assert state.problems == () and state.loaded and not state.recorded

    events = store / "events.yaml"
    events.write_text(events.read_text().replace("      - ukraine\n", "      - ukrane\n", 1))
    state = desk.load()
    assert [(p.path, "unknown party 'ukrane'" in p.message) for p in state.problems] == [("events.yaml", True)]
    desk.close()


def test_reload_reads_only_the_files_named(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    day, events = store / DAY, store / "events.yaml"
    day.write_text(day.read_text().replace("    text: welcomed\n", "    text: welcomed warmly\n"))
    text = events.read_text()
    assert text.count("title: Putin and Trump meet in Alaska\n") == 1
    events.write_text(text.replace("title: Putin and Trump meet in Alaska\n", "title: The Alaska summit\n"))
    state = desk.reload([DAY])
    assert state.snapshot.quote_by_id["lavrov-welcomed"].text == "welcomed warmly"
    assert state.snapshot.event_by_id["alaska-summit"].title == "Putin and Trump meet in Alaska"  # not named: not read
    state = desk.reload([str(events)])  # an absolute path, as the watcher gives it
    assert state.snapshot.event_by_id["alaska-summit"].title == "The Alaska summit"
    desk.close()


def test_record_reports_what_changed_on_disk_as_unseen(desk: Desk, store: Path, journal: Path):
    status = store / "status.yaml"
    status.write_text(status.read_text().replace("  stage: framework-agreed-in-principle", "  stage: final-stages", 1))
    read = desk.reload(["status.yaml"])
    assert not read.recorded and read.changes == ()
    state = desk.record()
    assert state.recorded and not state.own
    assert [(c.kind, c.item_id, c.field, c.old, c.new) for c in state.changes] == [
        ("status", "status", "stage", "framework-agreed-in-principle", "final-stages"),
    ]
    assert ("status", "status") in state.unseen and state.unseen_count == 1
    assert journal.is_file()
    assert [len(r.entries) for r in desk.reloads()] == [1]
    state = desk.mark_seen("status", "status")
    assert state.unseen == frozenset() and state.unseen_count == 0


def test_no_journal_still_reports_what_changed_between_loads(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    assert desk.record().changes == ()
    status = store / "status.yaml"
    status.write_text(status.read_text().replace("  stage: framework-agreed-in-principle", "  stage: final-stages", 1))
    desk.reload(["status.yaml"])
    assert [(c.kind, c.field) for c in desk.record().changes] == [("status", "stage")]
    assert desk.journal_path is None and desk.reloads() == []
    desk.close()


# -- applying an edit ------------------------------------------------------------------------------

def test_apply_returns_what_it_wrote_and_a_state_that_already_shows_it_as_seen(desk: Desk, store: Path):
    applied = desk.apply(EVENT)
    assert isinstance(applied, Applied)
    assert (applied.written.path, applied.written.item_id) == ("events.yaml", EVENT_ID)
    assert line_of(store / "events.yaml", applied.written.line) == f"  - id: {EVENT_ID}"
    assert applied.message == f"added event {EVENT_ID}"
    state = applied.state
    assert state.snapshot.event_by_id[EVENT_ID].title == "Talks resume in Geneva"
    assert state.own and state.recorded
    assert ("events", EVENT_ID) in state.flash  # highlighted as changed ...
    assert ("events", EVENT_ID) not in state.unseen and state.unseen_count == 0  # ... but the author has seen it
    assert desk.state is state


def test_the_authors_edit_is_seen_by_the_next_dashboard_too(store: Path, journal: Path):
    desk = Desk(store, journal=journal)
    desk.load()
    desk.record()
    desk.apply(EVENT)
    desk.close()
    later = Desk(store, journal=journal)
    later.load()
    state = later.record()
    assert state.changes == () and state.unseen == frozenset()
    assert [e.seen for r in later.reloads() for e in r.entries] == [True]
    later.close()


def test_a_colleagues_change_read_before_the_apply_stays_news(desk: Desk, store: Path):
    """The watcher has read a colleague's save but its record has not run yet when the user saves."""
    colleague = Desk(store, journal=NO_JOURNAL)  # another process, another door
    colleague.apply(EVENT)
    colleague.close()
    desk.reload(["events.yaml"])
    applied = desk.apply(AddSource(outlet="AP", title="Talks go on"))
    state = applied.state
    assert ("events", EVENT_ID) in state.unseen
    assert ("sources", "ap-talks-go-on") not in state.unseen
    assert state.unseen_count == 1
    assert [(c.kind, c.item_id) for c in state.changes] == [("sources", "ap-talks-go-on")]


def test_a_colleagues_change_read_after_the_apply_is_news(desk: Desk, store: Path):
    colleague = Desk(store, journal=NO_JOURNAL)
    colleague.apply(EVENT)
    colleague.close()
    desk.apply(AddSource(outlet="AP", title="Talks go on"))  # the watcher has not read events.yaml yet
    desk.reload(["events.yaml"])
    state = desk.record()
    assert not state.own
    assert state.unseen == frozenset({("events", EVENT_ID)})


def test_apply_loads_a_desk_that_was_never_loaded(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    applied = desk.apply(EVENT)
    assert EVENT_ID in applied.state.snapshot.event_by_id and "lavrov-welcomed" in applied.state.snapshot.quote_by_id
    desk.close()


# -- the folder lock -------------------------------------------------------------------------------

@pytest.fixture
def held(store: Path):
    """The content folder locked as another peacewatch edit locks it; released at the end."""
    fd = os.open(store, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield fd
    os.close(fd)


def test_a_busy_folder_is_refused_after_the_wait_naming_it(desk: Desk, store: Path, held: int):
    before = tree(store)
    told: list[float] = []
    start = time.monotonic()
    with pytest.raises(EditRefused) as refused:
        desk.apply(EVENT, wait=Wait(timeout=0.3, on_wait=lambda: told.append(time.monotonic())))
    took = time.monotonic() - start
    assert len(told) == 1  # told only once (and at once: see the next test)
    assert took >= 0.3  # it did wait; "busy" below says it gave up because the time was up
    assert [p.path for p in refused.value.problems] == ["content"]
    assert "busy" in str(refused.value) and "nothing was written" in str(refused.value), str(refused.value)
    assert tree(store) == before
    fcntl.flock(held, fcntl.LOCK_UN)
    assert desk.apply(EVENT, wait=Wait(timeout=0.3)).written.item_id == EVENT_ID  # free again: written


def test_the_wait_is_told_at_once_while_the_folder_is_still_busy(desk: Desk, store: Path, held: int):
    """Told when the wait begins, not when it ends: the folder, freed by the one told, is then
    taken and the edit written, long before the wait's time is up."""
    told: list[int] = []

    def on_wait() -> None:
        told.append(1)
        fcntl.flock(held, fcntl.LOCK_UN)  # the other edit finishes

    applied = desk.apply(EVENT, wait=Wait(timeout=60, on_wait=on_wait))
    assert told == [1]
    assert applied.written.item_id == EVENT_ID


def test_a_free_folder_is_not_waited_for(desk: Desk):
    told: list[int] = []
    desk.apply(EVENT, wait=Wait(timeout=0.3, on_wait=lambda: told.append(1)))
    assert told == []


def test_cancelling_the_wait_stops_it_promptly(desk: Desk, store: Path, held: int):
    before = tree(store)
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    start = time.monotonic()
    timer.start()
    with pytest.raises(EditRefused) as refused:
        desk.apply(EVENT, wait=Wait(timeout=30, cancel=cancel))
    took = time.monotonic() - start
    timer.join()
    assert took >= 0.2, took  # it waited until cancelled...
    # ...and stopped because of it, not at the end of its 30 s: a wait that times out says "busy".
    assert "cancelled" in str(refused.value) and "nothing was written" in str(refused.value), str(refused.value)
    assert "busy" not in str(refused.value), str(refused.value)
    assert tree(store) == before


def test_the_lock_is_released_after_a_refusal(desk: Desk, store: Path):
    with pytest.raises(EditRefused):
        desk.apply(SetPosition(issue="territory", party="russia", stance="maybe"))
    fd = os.open(store, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if the desk still held it
    finally:
        os.close(fd)


# -- one parse per edit ----------------------------------------------------------------------------

class Spy:
    """Counts the calls of a function of ours (it still runs), with the argument that matters."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module, name: str) -> None:
        self.calls: list[object] = []
        real = getattr(module, name)

        def spy(first, *args, **kwargs):
            self.calls.append(first)
            return real(first, *args, **kwargs)

        monkeypatch.setattr(module, name, spy)


@pytest.mark.parametrize(("request_", "files"), [
    (EVENT, ["events.yaml"]),
    (SetPosition(issue="territory", party="russia", stance="insists"), ["issues.yaml"]),
    (AddQuote(text="We are ready", speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25",
              new_source=AddSource(outlet="TASS", title="Lavrov speaks")), ["sources.yaml", DAY]),
], ids=["event", "position", "quote with a new source"])
def test_an_edit_parses_its_new_bytes_once_and_reads_no_other_file(
    desk: Desk, store: Path, monkeypatch: pytest.MonkeyPatch, request_, files: list[str],
):
    engine_parses = Spy(monkeypatch, edit_engine, "read_yaml")
    loader_parses = Spy(monkeypatch, file_parser, "read_yaml")
    engine_reads = Spy(monkeypatch, edit_engine, "read_regular")
    loader_reads = Spy(monkeypatch, loader, "read_regular")
    desk.apply(request_)
    written = {relative: (store / relative).read_bytes() for relative in files}
    parses = engine_parses.calls + loader_parses.calls
    for relative, new in written.items():
        assert sum(1 for raw in parses if raw == new) == 1, f"{relative}: its new bytes were parsed {sum(1 for raw in parses if raw == new)} times"
    assert loader_parses.calls == [] and loader_reads.calls == [], "the edit made the store read files again"
    assert sorted(Path(p).relative_to(store).as_posix() for p in engine_reads.calls) == sorted(files)

    # The watcher's echo of the edit: the bytes are read, found the same, and not parsed again.
    state = desk.reload([str(store / relative) for relative in files])
    assert loader_parses.calls == []
    assert len(loader_reads.calls) == len(files)
    assert state.problems == ()
