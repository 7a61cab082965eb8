"""The head cache: a start shows the story's head as the last run kept it, only if every file it
came from holds the same bytes, and never anything stale.

Every test loads through a real `Desk` on a temp copy of the shipped store, with the cache in a
temp state directory, and asks `cached_head` (what the dashboard's first frame shows) afterwards.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import time
from pathlib import Path

import pytest

from tui.core.desk import NO_JOURNAL, Desk, cached_head
from tui.core.model import items
from tui.core.model.plain import PLAIN_KINDS
from tui.core.store.head_cache import head_cache_path

STATUS = "status.yaml"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


def load(root: Path, state: Path) -> Desk:
    desk = Desk(root, journal=NO_JOURNAL, state_dir=state, keep_head=True)
    loaded = desk.load()
    assert loaded.problems == (), loaded.problems
    return desk


def test_only_a_desk_asked_to_keeps_the_head(store: Path, state: Path) -> None:
    # The dashboard's desk keeps the head for its next start; a command's does not pay for it.
    Desk(store, journal=NO_JOURNAL, state_dir=state).load()
    assert headline_of(store, state) is None
    load(store, state)
    assert headline_of(store, state) is not None


def headline_of(root: Path, state: Path) -> str | None:
    head = cached_head(root, state_dir=state)
    return None if head is None or head.snapshot.status is None else head.snapshot.status.headline


def with_headline(root: Path, words: str) -> bytes:
    """status.yaml with its headline replaced, every other byte kept."""
    text = (root / STATUS).read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {words}\n", text, count=1)
    assert count == 1
    return new.encode()


def same(plain: object, model: object, where: str) -> None:
    """A plain copy holds exactly its model's fields, with equal values of the same types."""
    if isinstance(model, list):
        assert isinstance(plain, list) and len(plain) == len(model), where
        for i, (p, m) in enumerate(zip(plain, model, strict=True)):
            same(p, m, f"{where}[{i}]")
    elif isinstance(model, items.Item):
        fields = set(plain.__slots__)  # type: ignore[attr-defined]
        assert type(plain) is PLAIN_KINDS[type(model).__name__], where
        assert fields == set(type(model).model_fields), f"{where}: the plain copy's fields differ from the model's"
        for name in fields:
            same(getattr(plain, name), getattr(model, name), f"{where}.{name}")
    else:
        assert type(plain) is type(model) and plain == model, f"{where}: {plain!r} != {model!r}"
        assert isinstance(model, (str, int, dt.date, enum.Enum, type(None))), where


def test_the_next_start_shows_the_head_the_load_kept_field_for_field(store: Path, state: Path) -> None:
    assert cached_head(store, state_dir=state) is None  # nothing kept yet
    loaded = load(store, state).state.snapshot
    head = cached_head(store, state_dir=state)
    assert head is not None and not head.complete and head.read
    for kind in ("story", "status", "parties", "issues"):
        same(list(getattr(head.snapshot, kind)) if kind in ("parties", "issues") else getattr(head.snapshot, kind),
             list(getattr(loaded, kind)) if kind in ("parties", "issues") else getattr(loaded, kind), kind)
    assert head.snapshot.origins == {k: o for k, o in loaded.origins.items() if k[0] in ("story", "status", "parties", "issues")}
    assert head.snapshot.quotes == () and head.snapshot.events == ()
    assert head.snapshot.parties[0].label == loaded.parties[0].label


def test_every_model_of_the_head_has_a_plain_copy_with_its_fields() -> None:
    # A field added to a model and not to its copy would be missing from the first frame.
    for name, plain in PLAIN_KINDS.items():
        model = getattr(items, name)
        assert set(plain.__slots__) == set(model.model_fields), name


def test_an_edited_head_file_is_never_shown_from_the_cache(store: Path, state: Path) -> None:
    load(store, state)
    old = headline_of(store, state)
    (store / STATUS).write_bytes(with_headline(store, "Talks resume in Geneva"))
    assert headline_of(store, state) is None
    # The next load keeps the new head.
    load(store, state)
    assert headline_of(store, state) == "Talks resume in Geneva" != old


def test_a_rewrite_of_the_same_size_in_the_same_tick_is_not_taken_as_unchanged(store: Path, state: Path) -> None:
    load(store, state)
    path = store / STATUS
    before = os.stat(path)
    old = headline_of(store, state)
    assert old is not None and old.startswith("Ukraine agrees")
    new = path.read_bytes().replace(b"    Ukraine agrees", b"    Ukraine refuses"[:18], 1)  # as many bytes: "Ukraine refuse"
    assert len(new) == before.st_size and new != path.read_bytes()
    with open(path, "r+b") as handle:  # in place: the same inode
        handle.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same modification time, to the nanosecond
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert headline_of(store, state) is None
    load(store, state)
    assert (headline_of(store, state) or "").startswith("Ukraine refuse ")


def test_a_file_new_at_the_top_of_the_folder_means_no_cached_head(store: Path, state: Path) -> None:
    load(store, state)
    (store / "more-parties.yaml").write_text("parties:\n  - id: eu\n    name: European Union\n    role: observer\n", encoding="utf-8")
    assert headline_of(store, state) is None


def test_a_removed_head_file_means_no_cached_head(store: Path, state: Path) -> None:
    load(store, state)
    (store / "parties.yaml").unlink()
    assert headline_of(store, state) is None


def test_a_head_with_a_problem_is_not_kept(store: Path, state: Path) -> None:
    # One party left out for its mistake, the others loaded: a head without it, kept, would show
    # the story without that party and without the problem that says why.
    text = (store / "parties.yaml").read_text(encoding="utf-8")
    (store / "parties.yaml").write_text(text.replace("role: mediator", "role: referee", 1), encoding="utf-8")
    desk = Desk(store, journal=NO_JOURNAL, state_dir=state, keep_head=True)
    loaded = desk.load()
    assert loaded.problems and loaded.snapshot.status is not None and loaded.snapshot.parties  # the precondition
    assert not head_cache_path(store, state).exists()
    assert cached_head(store, state_dir=state) is None


@pytest.mark.parametrize("damage", [b"", b"{", b"\xff\xfe garbage", b'{"code": 1}', b"[]", b"null"])
def test_a_damaged_cache_is_no_cache_and_is_written_again(store: Path, state: Path, damage: bytes) -> None:
    load(store, state)
    entry = head_cache_path(store, state)
    entry.write_bytes(damage)
    assert cached_head(store, state_dir=state) is None
    load(store, state)
    assert headline_of(store, state) is not None


def test_a_cache_whose_head_is_of_another_shape_is_no_cache(store: Path, state: Path) -> None:
    load(store, state)
    entry = head_cache_path(store, state)
    entry.write_bytes(entry.read_bytes().replace(b'"stage":"framework-agreed-in-principle"', b'"stage":"no-such-stage"', 1))
    assert cached_head(store, state_dir=state) is None


def test_a_save_that_changes_the_head_keeps_the_new_head_and_other_saves_keep_it_as_is(store: Path, state: Path) -> None:
    desk = load(store, state)
    entry = head_cache_path(store, state)
    written = entry.stat().st_mtime_ns
    day = store / "quotes" / "2025-11-25.yaml"
    day.write_text(day.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    desk.reload([str(day)])
    assert entry.stat().st_mtime_ns == written  # a quotes file is not the head's: nothing written
    (store / STATUS).write_bytes(with_headline(store, "Talks resume in Geneva"))
    desk.reload([STATUS])
    assert headline_of(store, state) == "Talks resume in Geneva"


def test_a_file_new_in_a_subfolder_means_no_cached_head_until_a_load_keeps_it_again(store: Path, state: Path) -> None:
    # Parties in a new file below the top (added while the dashboard was closed): the kept head
    # would show the parties without them until the load came.
    load(store, state)
    (store / "more").mkdir()
    (store / "more" / "eu.yaml").write_text("parties:\n  - id: eu\n    name: European Union\n    role: observer\n", encoding="utf-8")
    assert headline_of(store, state) is None
    load(store, state)
    head = cached_head(store, state_dir=state)
    assert head is not None and "eu" in head.snapshot.party_by_id


def test_a_save_that_adds_or_removes_a_file_in_a_subfolder_keeps_the_head_current(store: Path, state: Path) -> None:
    desk = load(store, state)
    day = store / "quotes" / "2025-11-30.yaml"
    day.write_text((store / "quotes" / "2025-11-25.yaml").read_text(encoding="utf-8").replace("- id: ", "- id: late-"), encoding="utf-8")
    assert desk.reload([str(day)]).problems == ()
    assert headline_of(store, state) is not None  # a new day's file: the head kept names it
    day.unlink()
    while (again := desk.reload([str(day)]).recheck_in) is not None:
        time.sleep(again)  # a file gone may be mid-save: read again once it has settled, as the dashboard does
    assert headline_of(store, state) is not None
