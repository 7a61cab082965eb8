"""The journal's file as a log on real files: appends, a torn last line, compaction, the older
layout migrated, and two writers appending to one file."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.table import Table

from tests.helpers.journal import Store, kept_states, stored
from tests.helpers.paths import REPO
from tui.core.journal.journal import Journal, JournalError, Retention
from tui.core.journal.state import file_states, state_of
from tui.core.journal.storage import COMPACT_FLOOR, AtomicJSONStorage

T0 = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)


def opened(content: Store, jpath: Path) -> Journal:
    journal, warnings = Journal.open(content.root, path=jpath)
    assert warnings == []
    return journal


def test_a_record_appends_one_line_and_keeps_the_rest_byte_for_byte(content: Store, jpath: Path) -> None:
    journal = opened(content, jpath)
    journal.record(content.snapshot(), T0)
    before, inode = jpath.read_bytes(), os.stat(jpath).st_ino
    journal.record(content.stance("opposes"), T0 + dt.timedelta(hours=1))
    after = jpath.read_bytes()
    assert after.startswith(before) and os.stat(jpath).st_ino == inode  # appended, not rewritten
    [line] = after[len(before):].splitlines()
    written = json.loads(line)["t"]
    # Only what changed: the new entry, the state of the one file edited, the journal's own records.
    assert sorted(written) == ["changes", "files", "meta", "state"]
    assert [doc["path"] for doc in written["files"].values()] == ["issues.yaml"]
    assert b"Sergey Lavrov" not in line and b"Reuters" not in line  # other files' items are not written again
    assert [e.change.new for e in opened(content, jpath).entries()] == ["opposes"]


def test_the_state_kept_per_file_gives_a_fresh_process_the_changes(content: Store, jpath: Path) -> None:
    opened(content, jpath).record(content.snapshot(), T0)
    opened(content, jpath).record(content.stance("opposes"), T0)
    content.data["quotes.yaml"]["quotes"][0]["text"] = "We insist, again."
    content.data.pop("sources.yaml")
    content.data["quotes.yaml"]["sources"] = [{"id": "reuters-1", "outlet": "Reuters"}]  # moved to another file
    (content.root / "sources.yaml").unlink()
    changes = opened(content, jpath).record(content.stage("final-stages"), T0)
    assert sorted((c.kind, c.field) for c in changes) == [("quotes", "text"), ("status", "stage")]
    files = kept_states(jpath)
    assert sorted(files) == ["issues.yaml", "parties.yaml", "quotes.yaml", "story.yaml"]
    assert [s["id"] for s in files["quotes.yaml"]["sources"]] == ["reuters-1"]
    assert opened(content, jpath).record(content.snapshot(), T0) == []


def test_a_torn_last_line_is_left_out_with_a_warning_and_cut_off(content: Store, jpath: Path) -> None:
    journal = opened(content, jpath)
    journal.record(content.snapshot(), T0)
    journal.record(content.stance("opposes"), T0 + dt.timedelta(hours=1))
    good = jpath.read_bytes()
    with open(jpath, "ab") as handle:  # a crash while appending the next record
        handle.write(b'{"t":{"changes":{"2":{"reload":2,"text":"half a')
    reopened, warnings = Journal.open(content.root, path=jpath)
    assert reopened.entries() and [e.change.new for e in reopened.entries()] == ["opposes"]
    warnings += reopened.take_warnings()
    assert any("cut short" in w for w in warnings) and not list(jpath.parent.glob("*.corrupt-*"))
    assert [c.new for c in reopened.record(content.stance("accepts"), T0 + dt.timedelta(hours=2))] == ["accepts"]
    assert jpath.read_bytes().startswith(good)  # the torn part was cut off before the next line
    assert [e.change.new for e in opened(content, jpath).entries()] == ["accepts", "opposes"]
    assert [d["new"] for d in stored(jpath)["changes"].values()] == ["opposes", "accepts"]


def test_a_failed_append_leaves_the_file_as_it_was(content: Store, jpath: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = opened(content, jpath)
    journal.record(content.snapshot(), T0)
    before = jpath.read_bytes()
    real_write = os.write

    def half_then_fail(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half_then_fail)
        with pytest.raises(JournalError):
            journal.record(content.stance("opposes"), T0)
    assert jpath.read_bytes() == before
    assert [c.new for c in journal.record(content.snapshot(), T0)] == ["opposes"]  # not lost: found again


def test_the_file_is_compacted_once_the_appended_lines_outgrow_it(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    storage = AtomicJSONStorage(path)
    inodes, sizes = set(), []
    for n in range(60):  # ~10 kB a line: past the floor after some 26 lines
        with storage.transaction():
            table = Table(storage, "t", cache_size=0)
            table.truncate()
            table.insert({"n": n, "pad": "x" * 10_000})
        inodes.add(os.stat(path).st_ino)
        sizes.append(path.stat().st_size)
    assert max(sizes) <= COMPACT_FLOOR + 2 * 10_100  # never much past the bound
    assert len(inodes) > 1 and min(sizes) < 30_000  # rewritten whole, atomically, at least once
    assert [r["n"] for r in stored(path)["t"].values()] == [59]
    assert [r["n"] for r in TinyDB(path, storage=AtomicJSONStorage).table("t").all()] == [59]


def test_expiry_compacts_the_file(content: Store, jpath: Path) -> None:
    journal, _ = Journal.open(content.root, path=jpath, retention=Retention(max_days=None))
    journal.record(content.snapshot(), T0 - dt.timedelta(days=100))
    journal.record(content.stance("opposes"), T0 - dt.timedelta(days=100))
    journal.record(content.stance("accepts"), T0)
    lines = len(jpath.read_bytes().splitlines())
    assert lines > 2
    aged, _ = Journal.open(content.root, path=jpath, retention=Retention(max_days=90))  # opening drops what is past it
    assert len(jpath.read_bytes().splitlines()) == 2  # the header and the tables, nothing of the dropped entry
    assert b'"new":"opposes"' not in jpath.read_bytes()
    aged.record(content.stance("supports"), T0)
    assert [e.change.new for e in opened(content, jpath).entries()] == ["supports", "accepts"]


def test_a_journal_in_the_older_layout_opens_and_is_rewritten_on_the_next_record(content: Store, jpath: Path) -> None:
    snapshot = content.snapshot()
    # As the previous peacewatch wrote it: one JSON document, the whole state in one record.
    jpath.parent.mkdir(parents=True)
    jpath.write_text(json.dumps({
        "meta": {"1": {"format": 1, "content": str(content.root.resolve()), "next_reload": 2, "next_entry": 2}},
        "changes": {"1": {"reload": 1, "at": T0.isoformat(), "kind": "status", "item_id": "status", "field": "stage",
                          "op": "changed", "old": "ceasefire", "new": "framework-agreed-in-principle", "path": "story.yaml",
                          "text": "Deal status: stage ceasefire → framework agreed in principle", "seen": False}},
        "state": {"1": {"token": "old", "state": state_of(snapshot), "problems": []}},
    }))
    journal = opened(content, jpath)
    assert [e.text for e in journal.entries()] == ["Deal status: stage ceasefire → framework agreed in principle"]
    assert journal.record(content.snapshot(), T0) == []  # nothing changed since the state it kept
    assert [c.new for c in journal.record(content.stance("opposes"), T0)] == ["opposes"]
    data = stored(jpath)  # now a log, the state per file
    assert "state" not in data["state"]["1"] and {d["path"] for d in data["files"].values()} >= {"issues.yaml", "story.yaml"}
    assert [e.change.new for e in opened(content, jpath).entries()] == ["opposes", "framework-agreed-in-principle"]


def test_two_journals_appending_to_one_file_see_each_others_lines(content: Store, jpath: Path) -> None:
    first, second = opened(content, jpath), opened(content, jpath)
    first.record(content.snapshot(), T0)
    assert second.entries() == []
    for n, stance in enumerate(["opposes", "accepts", "supports"]):
        writer, reader = (first, second) if n % 2 else (second, first)
        assert [c.new for c in writer.record(content.stance(stance), T0)] == [stance]
        assert [e.change.new for e in reader.entries()][0] == stance  # read from the lines appended since
        assert reader.record(content.snapshot(), T0) == []  # and not recorded twice
    assert [e.change.new for e in opened(content, jpath).entries()] == ["supports", "accepts", "opposes"]


def test_two_processes_appending_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    worker = f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from tinydb.table import Table
        from tui.core.journal.storage import AtomicJSONStorage
        storage = AtomicJSONStorage({str(path)!r})
        for n in range(40):
            with storage.transaction():
                Table(storage, "t", cache_size=0).insert({{"who": sys.argv[1], "n": n, "pad": "y" * 9000}})
    """
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(worker), who]) for who in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    rows = list(stored(path)["t"].values())  # 720 kB written: compacted along the way too
    assert sorted((r["who"], r["n"]) for r in rows) == sorted((w, n) for w in "ab" for n in range(40))


def test_a_file_rewritten_under_the_same_inode_is_read_whole_again(tmp_path: Path) -> None:
    path, other = tmp_path / "log.json", tmp_path / "other.json"
    TinyDB(path, storage=AtomicJSONStorage).table("t").insert({"n": 1})
    reader = TinyDB(path, storage=AtomicJSONStorage)
    assert [r["n"] for r in reader.table("t").all()] == [1]  # cached by the reader
    writer = TinyDB(other, storage=AtomicJSONStorage)
    writer.table("t").insert_multiple([{"n": 2}, {"n": 3}])
    writer.storage.compact()
    inode = os.stat(path).st_ino
    with open(path, "r+b") as handle:  # a longer file in the same place: no mere append to read on from
        handle.write(other.read_bytes())
    assert os.stat(path).st_ino == inode
    assert [r["n"] for r in reader.table("t").all()] == [2, 3]


def test_the_last_state_read_back_is_in_the_stores_own_order(content: Store, jpath: Path) -> None:
    quote = content.data["quotes.yaml"]["quotes"][0]
    content.data["a-quotes.yaml"] = {"quotes": [quote | {"id": "a1", "date": "2025-11-20"}, quote | {"id": "a2", "date": "2025-11-24"}]}
    content.data["z-quotes.yaml"] = {"quotes": [quote | {"id": "z1", "date": "2025-11-23"}, quote | {"id": "z2", "date": "2025-11-20"}]}
    snapshot = content.stance("opposes")  # writes the new files too
    opened(content, jpath).record(snapshot, T0)
    assert [q.id for q in snapshot.quotes] == ["a2", "z1", "q1", "z2", "a1"]
    before = (jpath.read_bytes(), os.stat(jpath).st_ino)
    # Read back in another order, the state would differ from the store's in its places and be written again.
    assert opened(content, jpath).record(snapshot, T0) == []
    assert (jpath.read_bytes(), os.stat(jpath).st_ino) == before


def test_each_files_state_is_kept_apart_and_the_journal_holds_only_its_digest(content: Store, jpath: Path) -> None:
    opened(content, jpath).record(content.snapshot(), T0)
    # Not one item's words in the journal's file: a record never makes the whole store one JSON text.
    assert b"Sergey Lavrov" not in jpath.read_bytes() and b"Reuters" not in jpath.read_bytes()
    assert all(set(doc) == {"path", "digest", "at"} for doc in stored(jpath)["files"].values())
    assert kept_states(jpath)["issues.yaml"]["issues"][0]["positions"][0]["stance"] == "insists"
    folder = jpath.with_name("journal.json.files")
    for stance in ("opposes", "supports", "accepts"):
        assert [c.new for c in opened(content, jpath).record(content.stance(stance), T0)] == [stance]
    # The states no document names any more are gone: one per file, and the one just replaced.
    assert len(list(folder.iterdir())) == len(stored(jpath)["files"]) + 1
    assert kept_states(jpath)["issues.yaml"]["issues"][0]["positions"][0]["stance"] == "accepts"


def test_a_journal_keeping_states_inline_has_them_moved_apart_and_loses_no_change(content: Store, jpath: Path) -> None:
    snapshot = content.snapshot()
    # As the previous peacewatch wrote it: every file's state inline in its document.
    inline = {str(i): {"path": path, "state": state, "at": T0.isoformat()} for i, (path, state) in enumerate(sorted(file_states(snapshot).items()), 1)}
    jpath.parent.mkdir(parents=True)
    jpath.write_text(json.dumps({
        "meta": {"1": {"format": 1, "content": str(content.root.resolve()), "next_reload": 1, "next_entry": 1}},
        "state": {"1": {"token": "old", "layout": "files", "problems": []}}, "files": inline,
    }))
    assert [c.new for c in opened(content, jpath).record(content.stance("opposes"), T0)] == ["opposes"]
    assert b"Sergey Lavrov" not in jpath.read_bytes()  # moved out, and the file rewritten without them
    assert kept_states(jpath)["parties.yaml"] == inline[next(k for k, d in inline.items() if d["path"] == "parties.yaml")]["state"]
    assert [c.new for c in opened(content, jpath).record(content.stance("supports"), T0)] == ["supports"]


def test_a_kept_state_gone_or_damaged_is_said_and_the_journal_starts_again(content: Store, jpath: Path) -> None:
    opened(content, jpath).record(content.snapshot(), T0)
    opened(content, jpath).record(content.stance("opposes"), T0)
    digest = next(doc["digest"] for doc in stored(jpath)["files"].values() if doc["path"] == "issues.yaml")
    (jpath.with_name("journal.json.files") / f"{digest}.json").write_bytes(b'{"issues": []}')
    journal = opened(content, jpath)
    assert journal.record(content.stance("supports"), T0) == []
    assert any("could not be read" in w for w in journal.take_warnings())
    assert [c.new for c in opened(content, jpath).record(content.stance("accepts"), T0)] == ["accepts"]
