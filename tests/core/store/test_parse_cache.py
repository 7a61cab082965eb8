"""The parse cache: a start reads what an earlier run parsed, and never anything stale.

Every test loads through a real `Desk` on real files, with the cache in a temp state
directory, and looks at what the store then holds: the content a user would see.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tui.core.desk import NO_JOURNAL, Desk
from tui.core.disk.limits import Limits
from tui.core.store.parse_cache import default_cache_dir

STATUS = "status.yaml"
SOURCE = "meduza-2025-11-25-lavrov"
"""A source the shipped store holds."""


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


def headline(root: Path, state: Path, limits: Limits = Limits()) -> str:
    """The headline a fresh start on `root` shows (its problems must be none)."""
    desk = Desk(root, journal=NO_JOURNAL, state_dir=state, limits=limits)
    try:
        loaded = desk.load()
        assert loaded.problems == (), loaded.problems
        assert loaded.snapshot.status is not None
        return loaded.snapshot.status.headline
    finally:
        desk.close()


def with_headline(root: Path, words: str) -> bytes:
    """status.yaml with its headline replaced, every other byte kept."""
    text = (root / STATUS).read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {words}\n", text, count=1)
    assert count == 1
    return new.encode()


def entry_of(root: Path, state: Path, relative: str) -> Path:
    folder = default_cache_dir(root, state)
    for entry in folder.glob("*.json"):
        if json.loads(entry.read_bytes().partition(b"\n")[0])["path"] == relative:
            return entry
    raise AssertionError(f"no cache entry for {relative} in {folder}")


def tamper(entry: Path, words: str) -> None:
    """Make the entry say another headline for the same bytes: shows whether a start used it."""
    head, where, body = entry.read_bytes().split(b"\n", 2)  # what it is (with its ids), where its items stand, the data
    data = json.loads(body)
    data["status"]["headline"] = words
    entry.write_bytes(head + b"\n" + where + b"\n" + json.dumps(data).encode())


def test_a_second_start_takes_the_parse_from_the_cache(store: Path, state: Path):
    first = headline(store, state)
    tamper(entry_of(store, state, STATUS), "From the cache")
    # Same bytes, so the entry stands for them: what it says is what the start shows.
    assert headline(store, state) == "From the cache" != first


def test_a_touched_file_shows_what_its_bytes_say(store: Path, state: Path):
    first = headline(store, state)
    stat = (store / STATUS).stat()
    os.utime(store / STATUS, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert headline(store, state) == first


def test_a_file_edited_within_the_same_second_to_the_same_size_is_read_again(store: Path, state: Path):
    old = (store / STATUS).read_bytes()
    headline(store, state, )
    new = with_headline(store, "Talks resume in Geneva")
    same_size = with_headline(store, "Talks resume in Genev" + "a" * (len(old) - len(new) + 1)) if len(new) != len(old) else new
    assert len(same_size) == len(old)
    stat = (store / STATUS).stat()
    (store / STATUS).write_bytes(same_size)
    os.utime(store / STATUS, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # size and time as before: only the bytes differ
    assert (store / STATUS).stat().st_mtime_ns == stat.st_mtime_ns and (store / STATUS).stat().st_size == stat.st_size
    assert headline(store, state).startswith("Talks resume in Genev")


def test_a_file_replaced_by_another_is_read_again(store: Path, state: Path, tmp_path: Path):
    headline(store, state)
    other = tmp_path / "other.yaml"
    other.write_bytes(with_headline(store, "A new file in its place"))
    stat = (store / STATUS).stat()
    os.replace(other, store / STATUS)
    os.utime(store / STATUS, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert headline(store, state) == "A new file in its place"


def test_an_edit_by_the_desk_is_what_the_next_start_reads(store: Path, state: Path):
    from tui.core.desk import SetStatus

    desk = Desk(store, journal=NO_JOURNAL, state_dir=state)
    desk.load()
    desk.apply(SetStatus(stage="final-stages", headline="Signed in Geneva", since=None, source=SOURCE))
    desk.close()
    assert headline(store, state) == "Signed in Geneva"


def test_a_torn_or_foreign_entry_is_parsed_afresh_and_written_again(store: Path, state: Path):
    first = headline(store, state)
    entry = entry_of(store, state, STATUS)
    whole = entry.read_bytes()
    for garbage in (whole[:40], whole[:-20], b"", b"\x00\xff not json", b"[1, 2, 3]", b'{"format": 1}'):
        entry.write_bytes(garbage)
        assert headline(store, state) == first
        assert entry.read_bytes() == whole  # written again, whole


def test_a_changed_reader_never_uses_an_older_entry(store: Path, state: Path):
    headline(store, state)
    tamper(entry_of(store, state, STATUS), "From the cache")
    # Other limits read the YAML differently: the entry made under the defaults is not theirs.
    assert headline(store, state, Limits(max_depth=39)) != "From the cache"


def test_a_problem_a_comment_makes_survives_the_cache(store: Path, state: Path):
    (store / STATUS).write_bytes(with_headline(store, "Talks go on # in Geneva"))
    for _ in range(2):  # parsed, then from the cache: the same problem at the same place
        desk = Desk(store, journal=NO_JOURNAL, state_dir=state)
        problems = [str(p) for p in desk.load().problems]
        desk.close()
        assert any(p.startswith("status.yaml:") and "stops before this '#'" in p for p in problems), problems


def test_entries_of_files_gone_from_the_folder_are_removed(store: Path, state: Path):
    headline(store, state)
    folder = default_cache_dir(store, state)
    before = len(list(folder.glob("*.json")))
    shutil.move(store / "events.yaml", store.parent / "events.yaml")
    desk = Desk(store, journal=NO_JOURNAL, state_dir=state)
    desk.load()
    desk.close()
    assert len(list(folder.glob("*.json"))) == before - 1


def test_a_cache_that_cannot_be_written_is_said_and_the_store_still_loads(store: Path, tmp_path: Path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the state folder should be")
    desk = Desk(store, journal=NO_JOURNAL, state_dir=blocked)
    loaded = desk.load()
    assert loaded.problems == () and loaded.snapshot.quotes
    warnings = desk.record().warnings
    desk.close()
    assert any("each start reads every file again" in w for w in warnings), warnings


def test_a_large_store_shows_its_top_files_first_then_everything(store: Path, state: Path, monkeypatch: pytest.MonkeyPatch):
    from tui.core.store import loader

    desk = Desk(store, journal=NO_JOURNAL, state_dir=state)
    assert desk.load_head() is None  # the shipped store is small: one load is quicker than two
    monkeypatch.setattr(loader, "HEAD_FIRST_BYTES", 1)  # as if its folders held megabytes
    desk = Desk(store, journal=NO_JOURNAL, state_dir=state)
    head = desk.load_head()
    assert head is not None and not head.complete
    assert head.snapshot.story is not None and head.snapshot.status is not None and head.snapshot.parties
    assert head.snapshot.quotes == () and head.problems == ()  # the quotes are in quotes/, read next
    whole = desk.load()
    assert whole.complete and whole.problems == () and len(whole.snapshot.quotes) > 0
    assert desk.load_head() is None  # only before the first load
    desk.close()
