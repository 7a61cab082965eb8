"""The change journal on a real TinyDB file: recording, restarts, seen marks, expiry, damage, locking."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from tests.helpers.journal import Store, kept_states, stored
from tests.helpers.paths import REPO
from tui.core.journal.journal import Journal, Retention, default_journal_path
from tui.core.journal.news import SeenMarks
from tui.core.journal.storage import AtomicJSONStorage, JournalBusy, JournalError
from tui.core.model.vocab import Stage

UTC = dt.UTC
T0 = dt.datetime.now(UTC).replace(microsecond=0) - dt.timedelta(days=1)
"""Recent, so the default retention (90 days) keeps what the tests record at the current time."""


def opened(content: Store, jpath: Path, **kw) -> Journal:
    journal, warnings = Journal.open(content.root, path=jpath, **kw)
    assert warnings == []
    return journal


def with_one_change(content: Store, jpath: Path) -> Journal:
    journal = opened(content, jpath)
    journal.record(content.snapshot(), T0)
    assert journal.record(content.stage("final-stages"), T0 + dt.timedelta(hours=1))
    return journal


def test_first_record_only_remembers_the_state(content: Store, jpath: Path) -> None:
    journal = opened(content, jpath)
    snapshot = content.snapshot()
    assert not journal.has_state()
    assert journal.record(snapshot, T0) == []
    assert journal.has_state()
    assert journal.entries() == []
    assert journal.record(snapshot, T0) == []  # what it remembered is the store as it is
    story = kept_states(jpath)["story.yaml"]
    assert story["status"]["stage"] == "framework-agreed-in-principle"


def test_a_change_is_recorded_with_time_file_and_line(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    [entry] = journal.entries()
    assert entry.text == "Deal status: stage framework agreed in principle → final stages"
    assert (entry.change.field, entry.change.old, entry.change.new, entry.change.path) == ("stage", "framework-agreed-in-principle", "final-stages", "story.yaml")
    assert entry.observed_at == T0 + dt.timedelta(hours=1) and not entry.seen
    assert [(e.observed_at, e.seen) for e in journal.entries()] == [(T0 + dt.timedelta(hours=1), False)]


def test_edits_made_while_closed_are_found_on_reopening(content: Store, jpath: Path) -> None:
    opened(content, jpath).record(content.snapshot(), T0)
    content.stance("opposes")  # nobody is watching
    later = T0 + dt.timedelta(days=2)
    journal = opened(content, jpath)
    changes = journal.record(content.snapshot(), later)
    assert [c.text(None) for c in changes] == ["russia on territory: stance insists → opposes"]
    assert [(e.text, e.observed_at) for e in journal.entries()] == [("Russia on Territory: stance insists → opposes", later)]
    assert opened(content, jpath).record(content.snapshot(), later) == []


def test_an_unchanged_store_does_not_rewrite_the_file(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    before = (jpath.read_bytes(), os.stat(jpath).st_ino)
    assert journal.record(content.snapshot()) == []
    assert (jpath.read_bytes(), os.stat(jpath).st_ino) == before


def test_changes_are_grouped_by_reload_newest_first(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    content.data["parties.yaml"]["parties"][1]["role"] = "host"
    content.stance("accepts")
    journal.record(content.snapshot(), T0 + dt.timedelta(hours=2))
    reloads = journal.reloads()
    assert [len(r.entries) for r in reloads] == [2, 1] and reloads[0].id > reloads[1].id
    assert [e.change.kind for e in reloads[0].entries] == ["parties", "issues"]
    assert reloads[0].observed_at == T0 + dt.timedelta(hours=2)
    assert [e.text for e in journal.entries(since=T0 + dt.timedelta(minutes=90))] == [e.text for e in reloads[0].entries[::-1]]


def test_seen_marks_are_the_readers_and_kept_in_their_own_file(content: Store, jpath: Path, tmp_path: Path) -> None:
    journal = with_one_change(content, jpath)
    journal.record(content.stance("opposes"), T0 + dt.timedelta(hours=2))
    entries = journal.entries()
    mine = tmp_path / "mine.json"
    marks = SeenMarks.open(mine, entries)
    assert [e.change.kind for e in entries if not marks.seen(e)] == ["issues", "status"]
    marks.mark([e.id for e in entries if e.change.kind == "issues"], entries)
    assert [e.change.kind for e in entries if not marks.seen(e)] == ["status"]
    again = SeenMarks.open(mine, entries)  # kept on file, not just in memory
    assert [e.change.kind for e in entries if not again.seen(e)] == ["status"]
    assert jpath.read_bytes().count(b'"seen":true') == 0  # the shared journal is not where they go
    marks.mark_all(entries)
    assert not [e for e in entries if not SeenMarks.open(mine, entries).seen(e)]
    # Another reader of the same journal has seen nothing, and one read-only writes nothing.
    theirs = SeenMarks.open(tmp_path / "theirs.json", entries, keep=False)
    theirs.mark_all(entries)
    assert not (tmp_path / "theirs.json").exists() and [e for e in entries if not SeenMarks.open(tmp_path / "x.json", entries).seen(e)]


def test_expiry_by_count_and_by_age(content: Store, jpath: Path) -> None:
    journal = opened(content, jpath, retention=Retention(max_entries=3, max_days=None))
    journal.record(content.snapshot(), T0)
    for hour, stance in enumerate(["opposes", "accepts", "supports", "unclear"], start=1):
        journal.record(content.stance(stance), T0 + dt.timedelta(hours=hour))
    assert [e.change.new for e in journal.entries()] == ["unclear", "supports", "accepts"]

    aged = opened(content, jpath, retention=Retention(max_entries=None, max_days=1))
    aged.record(content.stance("insists"), T0 + dt.timedelta(days=1, hours=2, minutes=30))
    assert [e.change.new for e in aged.entries()] == ["insists", "unclear", "supports"]  # "accepts" was older than a day
    aged.record(content.stance("opposes"), T0 + dt.timedelta(days=30))
    assert [e.change.new for e in aged.entries()] == ["opposes"]


def test_storage_writes_dates_and_enums_as_json_text(tmp_path: Path) -> None:
    doc = {"day": dt.date(2025, 11, 24), "at": dt.datetime(2025, 11, 24, 9, 30, tzinfo=UTC), "stage": Stage.FINAL_STAGES}
    with pytest.raises(TypeError):  # why the default storage will not do
        TinyDB(tmp_path / "plain.json", storage=JSONStorage).insert(doc)
    db = TinyDB(tmp_path / "safe.json", storage=AtomicJSONStorage)
    db.insert(doc)
    assert stored(tmp_path / "safe.json")["_default"]["1"] == {
        "day": "2025-11-24", "at": "2025-11-24T09:30:00+00:00", "stage": "final-stages"}
    with pytest.raises(TypeError):
        db.insert({"thing": object()})
    assert len(TinyDB(tmp_path / "safe.json", storage=AtomicJSONStorage)) == 1


def _corruptions(good: bytes) -> dict[str, bytes | None]:
    size = len(good)
    cuts = {f"cut at {name}": good[:n] for name, n in
            (("byte 1", 1), ("byte 9", 9), ("a third", size // 3), ("half", size // 2), ("last byte", size - 1))}
    return {**cuts, "garbage": b"\x00\xff\xfe not json \x1b[2J", "a list": b"[]", "wrong layout": b'{"changes": 5}',
            "bad utf-8": b'{"changes": {"1": {"text": "\xff"}}}', "future format": None, "a folder": None}


@pytest.mark.parametrize("damage", list(_corruptions(b"x" * 1000)))
def test_a_damaged_journal_is_moved_aside_and_a_fresh_one_works(content: Store, jpath: Path, damage: str) -> None:
    with_one_change(content, jpath).close()
    AtomicJSONStorage(jpath).compact()  # the tables alone, as written whole: any cut in them is damage
    good = jpath.read_bytes()
    bad = _corruptions(good)[damage]
    if damage == "a folder":
        jpath.unlink()
        jpath.mkdir()
    elif damage == "future format":
        data = stored(jpath)
        data["meta"]["1"]["format"] = 99  # in the older whole-JSON layout, which is read too
        bad = json.dumps(data).encode()
    if bad is not None:
        jpath.write_bytes(bad)
    journal, warnings = Journal.open(content.root, path=jpath)
    if damage == "a folder":  # not a damaged journal but something else of the user's: said, left as it is
        assert len(warnings) == 1 and "it is a folder" in warnings[0] and jpath.is_dir()
        assert not list(jpath.parent.glob("journal.json.corrupt-*"))
        return
    assert len(warnings) == 1 and "moved aside" in warnings[0] and str(jpath) in warnings[0]
    [aside] = jpath.parent.glob("journal.json.corrupt-*")
    assert aside.is_dir() if damage == "a folder" else aside.read_bytes() == bad
    assert journal.entries() == [] and not journal.has_state()
    journal.record(content.snapshot())
    assert [e.change.new for e in journal.entries()] == []
    journal.record(content.stance("opposes"))
    assert [e.change.new for e in opened(content, jpath).entries()] == ["opposes"]


def test_damage_while_open_loses_no_change(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    jpath.write_bytes(b'{"changes": {"1": ')
    assert journal.record(content.stance("opposes")) != []
    assert any("moved aside" in w for w in journal.take_warnings())
    assert [e.change.new for e in journal.entries()] == ["opposes"]


class _Fail:
    """Makes one os function fail at the given step of a write, as a crash or a full disk would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
        self.step, self.calls = step, 0
        name = {"create": "open", "write": "write", "fsync": "fsync", "replace": "replace", "sync folder": "fsync"}[step]
        self.real = getattr(os, name)
        monkeypatch.setattr(os, name, self)

    def __call__(self, *args, **kwargs):
        if self.step == "create" and str(args[0]).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        if self.step == "write":
            self.real(args[0], bytes(args[1][: len(args[1]) // 2]))  # half the bytes land, then the crash
            raise OSError(5, "Input/output error")
        if self.step in ("fsync", "replace") or (self.step == "sync folder" and stat.S_ISDIR(os.fstat(args[0]).st_mode)):
            raise OSError(5, "Input/output error")
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.mark.parametrize("step", ["create", "write", "fsync", "replace"])
def test_a_write_that_fails_midway_leaves_the_old_journal_intact(content: Store, jpath: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    journal = with_one_change(content, jpath)
    # In the older layout, so the next write rewrites the file whole: every step of that can fail.
    jpath.write_bytes(json.dumps(stored(jpath)).encode())
    before = jpath.read_bytes()
    edited = content.stance("opposes")
    with monkeypatch.context() as patch:
        _Fail(patch, step)
        with pytest.raises(JournalError):
            journal.record(edited)
    assert jpath.read_bytes() == before
    # No temp file left, beside the journal or among the states kept apart from it.
    assert sorted(p.name for p in jpath.parent.iterdir()) == ["journal.json", "journal.json.files", "journal.json.lock"]
    assert all(p.name.endswith(".json") and not p.name.startswith(".") for p in (jpath.parent / "journal.json.files").iterdir())
    assert [e.change.new for e in opened(content, jpath).entries()] == ["final-stages"]
    journal.record(edited)  # the change was not lost: the next try records it
    assert [e.change.new for e in opened(content, jpath).entries()] == ["opposes", "final-stages"]


def test_a_folder_that_cannot_be_synced_still_gets_the_write(content: Store, jpath: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = with_one_change(content, jpath)
    jpath.write_bytes(json.dumps(stored(jpath)).encode())  # the older layout: the write renames a new file
    _Fail(monkeypatch, "sync folder")
    journal.record(content.stance("opposes"))
    monkeypatch.undo()
    assert [e.change.new for e in opened(content, jpath).entries()] == ["opposes", "final-stages"]


def _script(body: str) -> list[str]:
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO)!r})\n" + textwrap.dedent(body)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killing_a_writer_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    writer = _script(f"""
        from tinydb import TinyDB
        from tui.core.journal.storage import AtomicJSONStorage
        db = TinyDB({str(path)!r}, storage=AtomicJSONStorage)
        n = 0
        while True:
            n += 1
            with db.storage.transaction():
                db.table("t").truncate()
                # Long and short in turn: an in-place rewrite that is cut short leaves a tail behind.
                db.table("t").insert_multiple([{{"n": n, "pad": "x" * 2000}}] * (400 if n % 2 else 40))
            if n == 2:
                print("ready", flush=True)
    """)
    for delay in (0.0, 0.03, 0.07, 0.15):
        proc = subprocess.Popen(writer, stdout=subprocess.PIPE)
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        rows = stored(path)["t"].values()
        assert len(rows) in (400, 40) and len({r["n"] for r in rows}) == 1


def test_a_second_instance_sees_the_first_ones_writes(content: Store, jpath: Path) -> None:
    first, second = opened(content, jpath), opened(content, jpath)
    first.record(content.snapshot())
    assert [c.new for c in second.record(content.stage("final-stages"))] == ["final-stages"]
    assert first.record(content.snapshot()) == []  # already recorded by the other: no duplicate
    assert [c.new for c in first.record(content.stance("opposes"))] == ["opposes"]
    assert [e.id for e in second.entries()] == [2, 1]


def test_a_second_writer_waits_for_the_lock_or_is_refused(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    before, edited, holder = jpath.read_bytes(), content.stance("opposes"), AtomicJSONStorage(jpath)
    with holder.transaction():
        impatient = opened(content, jpath, lock_timeout=0.1)  # opening only reads: it never waits
        with pytest.raises(JournalBusy):
            impatient.record(edited)
    assert jpath.read_bytes() == before

    held = threading.Event()

    def hold() -> None:
        with holder.transaction():
            held.set()
            time.sleep(0.3)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    assert [c.new for c in journal.record(edited)] == ["opposes"]  # waited, then wrote
    assert time.monotonic() - started >= 0.2
    thread.join()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    worker = f"""
        import time
        from tinydb.table import Table
        from tui.core.journal.storage import AtomicJSONStorage
        storage = AtomicJSONStorage({str(path)!r})
        for n in range(25):
            with storage.transaction():
                table = Table(storage, "t", cache_size=0)
                table.insert({{"who": sys.argv[1], "n": n}})
                time.sleep(0.002)  # widen the read-modify-write window a race would need
    """
    procs = [subprocess.Popen(_script(worker) + [who]) for who in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    rows = list(stored(path)["t"].values())
    assert sorted((r["who"], r["n"]) for r in rows) == sorted((w, n) for w in "ab" for n in range(25))


def test_threads_share_one_journal_safely(content: Store, jpath: Path) -> None:
    journal = with_one_change(content, jpath)
    snapshots, errors = [content.stance(s) for s in ("opposes", "accepts")], []

    def work(i: int) -> None:
        try:
            for n in range(10):
                journal.record(snapshots[(i + n) % 2])
                journal.entries() if i % 2 else journal.reloads()
        except Exception as exc:  # noqa: BLE001 - any error at all fails the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened(content, jpath).entries()) >= 2


def test_default_path_is_per_folder_in_the_state_dir(content: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    journal, warnings = Journal.open(content.root)
    assert warnings == [] and journal.path == default_journal_path(content.root)
    journal.record(content.snapshot())
    assert journal.path.is_file() and journal.path.is_relative_to(tmp_path / "xdg")
    (tmp_path / "link").symlink_to(content.root)
    assert default_journal_path(tmp_path / "link") == journal.path
    (tmp_path / "other").mkdir()
    assert default_journal_path(tmp_path / "other") != journal.path
    inside, warnings = Journal.open(content.root, path=content.root / "journal.json")
    assert "inside the content folder" in warnings[0] and inside.path == journal.path


def test_an_unusable_location_falls_back_to_memory(content: Store, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    journal, warnings = Journal.open(content.root, path=tmp_path / "a-file" / "journal.json")
    assert journal.path is None and "cannot be used" in warnings[0]
    journal.record(content.snapshot())
    assert [c.new for c in journal.record(content.stance("opposes"))] == ["opposes"]
    assert len(journal.entries()) == 1


def test_the_core_never_imports_textual() -> None:
    code = ("import sys, tui.core.journal.journal, tui.core.model.diff, tui.core.journal.storage, tui.commands.changes\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    out = subprocess.run(_script(code), capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
