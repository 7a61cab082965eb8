"""An edit is made only on top of a file it can trust; otherwise it is refused, naming the file, and
nothing is written anywhere: not in the folder, not through a link to somewhere else.

Also: what a request needs (a source for a position or a stage), and a request that writes two
files (a quote with its new source) writes both or neither, and adds the source once however
often it is retried.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.helpers.edits import assert_inserted, changes, problems
from tests.helpers.minimal_store import write_store
from tui.core.desk import (
    NO_JOURNAL,
    AddQuote,
    AddSource,
    Desk,
    EditConflict,
    EditRefused,
    SetPosition,
    SetStatus,
)
from tui.core.desk import one_edit as edits

LAVROV = "meduza-2025-11-25-lavrov"
DAY = "quotes/2025-11-25.yaml"
QUOTE = AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference", source=LAVROV,
                 party="russia", date="2025-11-25")


def tree(root: Path) -> dict[str, bytes | str]:
    """Every entry under `root` (hidden ones too, so a temp file left behind shows): bytes, or what it is."""
    out: dict[str, bytes | str] = {}
    for p in sorted(root.rglob("*")):
        key = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[key] = f"link to {os.readlink(p)}"
        elif p.is_dir():
            out[key] = "folder"
        elif p.is_file():
            out[key] = p.read_bytes()
        else:
            out[key] = "other"
    return out


def refused(root: Path, request, *, desk: Desk | None = None, expected=None) -> EditRefused:
    """Apply `request`; it must be refused and leave every entry of the folder as it was."""
    before = tree(root)
    with pytest.raises(EditRefused) as caught:
        if desk is None:
            edits.apply(root, request, expected)
        else:
            desk.apply(request, expected)
    assert tree(root) == before, "a refused edit wrote something"
    return caught.value


# -- files that cannot be trusted ------------------------------------------------------------------

@pytest.mark.parametrize("emptied", [b"", b"\n", b"  \n\n"], ids=["empty", "a line break", "blank lines"])
def test_an_emptied_file_is_refused_as_a_save_in_progress(store: Path, emptied: bytes):
    (store / DAY).write_bytes(emptied)
    error = refused(store, QUOTE)
    assert DAY in str(error) and "is empty" in str(error) and "save in progress" in str(error), str(error)
    assert (store / DAY).read_bytes() == emptied


def test_a_file_emptied_after_the_desk_read_it_is_refused_naming_the_file(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    (store / DAY).write_bytes(b"")
    error = refused(store, QUOTE, desk=desk)
    assert DAY in str(error)
    desk.reload([DAY])  # as the watcher would, once the emptied file is noticed
    error = refused(store, QUOTE, desk=desk)
    assert DAY in str(error) and "is empty" in str(error), str(error)
    desk.close()


def test_a_file_emptied_after_a_form_opened_is_refused_as_empty(store: Path):
    """The dashboard's flow: the form keeps the digests it opened with; the watcher then reads the emptied file.

    The reason given must be the one the user can act on (the file is empty: a save in progress?),
    not a conflict that asks to apply again on top of an empty file.
    """
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    form_saw = desk.digests()
    (store / DAY).write_bytes(b"")
    desk.reload([DAY])
    error = refused(store, QUOTE, desk=desk, expected=form_saw)
    assert DAY in str(error) and "is empty" in str(error), str(error)
    desk.close()


def test_a_half_written_file_is_refused(store: Path):
    path = store / DAY
    raw = path.read_bytes()
    half = raw[: raw.index(b"    speaker: Sergey Lavrov") + len(b"    spea")]  # cut in the middle of the first quote
    path.write_bytes(half)
    error = refused(store, QUOTE)
    assert DAY in error.summary and "fix it first" in error.summary, str(error)
    assert path.read_bytes() == half


def test_broken_yaml_is_refused_with_its_line(store: Path):
    path = store / DAY
    broken = path.read_bytes() + b"  - id: [broken\n    text: \"unterminated\n"
    path.write_bytes(broken)
    error = refused(store, QUOTE)
    assert DAY in str(error) and "fix it first" in str(error), str(error)
    assert any(p.path == DAY and p.line > 1 for p in error.problems), error.problems


def test_a_file_broken_after_the_desk_read_it_is_refused(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    path = store / DAY
    path.write_bytes(path.read_bytes() + b"  - id: [broken\n")
    desk.reload([DAY])
    error = refused(store, QUOTE, desk=desk)
    assert DAY in str(error) and "fix it first" in str(error), str(error)
    desk.close()


def test_a_file_changed_since_the_desk_read_it_is_a_conflict_for_a_form_and_read_again_for_a_command(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    form_saw = desk.digests()
    path = store / DAY
    colleague = path.read_bytes().replace(b"text: welcomed", b"text: welcomed  # checked")
    path.write_bytes(colleague)
    error = refused(store, QUOTE, desk=desk, expected=form_saw)  # a form defends what its user saw
    assert isinstance(error, EditConflict) and error.path == DAY
    assert DAY in str(error) and "changed on disk" in str(error)
    assert path.read_bytes() == colleague
    # A command has no view of its own: the desk reads the settled file again, and adds to it.
    desk.apply(QUOTE)
    now = path.read_bytes()
    assert now.startswith(colleague.rstrip(b"\n")) and b"We are ready to talk" in now
    desk.close()


def test_a_link_to_a_file_outside_the_folder_is_never_written_through(store: Path, tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    shutil.copyfile(store / DAY, outside)
    kept = outside.read_bytes()
    (store / DAY).unlink()
    (store / DAY).symlink_to(outside)
    error = refused(store, QUOTE)
    assert DAY in str(error) and "link" in str(error), str(error)
    assert outside.read_bytes() == kept
    assert (store / DAY).is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "outside.yaml"]


@pytest.mark.parametrize("day", ["2025-11-25", "2025-11-27"], ids=["its file exists", "a new file"])
def test_a_quotes_folder_linked_outside_is_never_written_through(store: Path, tmp_path: Path, day: str):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(store / "quotes", elsewhere)
    (store / "quotes").symlink_to(elsewhere, target_is_directory=True)
    outside_before = tree(elsewhere)
    error = refused(store, AddQuote(text="We are ready", speaker="Sergey Lavrov", medium="press-conference",
                                    source=LAVROV, date=day))
    assert f"quotes/{day}.yaml" in str(error) and "link" in str(error), str(error)
    assert tree(elsewhere) == outside_before, "something was written outside the content folder"


def test_a_pipe_in_place_of_the_file_is_refused_at_once(store: Path):
    path = store / DAY
    path.unlink()
    os.mkfifo(path)
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(edits.apply(store, QUOTE))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        # Unblock a reader or writer stuck on the pipe, so the thread can end.
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("an edit into a named pipe hung instead of being refused")
    assert len(outcome) == 1 and isinstance(outcome[0], EditRefused), outcome
    assert DAY in str(outcome[0]) and "not a regular file" in str(outcome[0]), str(outcome[0])
    assert path.is_fifo()
    assert sorted(p.name for p in path.parent.iterdir()) == ["2025-11-25.yaml", "undated.yaml"]


def test_a_folder_in_place_of_the_file_is_refused(store: Path):
    path = store / DAY
    path.unlink()
    path.mkdir()
    (path / "note.txt").write_text("not content\n")
    error = refused(store, QUOTE)
    assert DAY in str(error) and "is a folder" in str(error), str(error)


# -- what a request needs --------------------------------------------------------------------------

def test_a_new_position_without_a_source_is_refused(store: Path):
    error = refused(store, SetPosition(issue="territory", party="financial-times", stance="unstated"))
    assert "issues.yaml" in str(error) and "needs a source" in str(error), str(error)


def test_a_position_that_has_no_source_and_gets_none_is_refused(tmp_path: Path):
    root = write_store(tmp_path / "s")  # its position of `south` on `border` names no source
    error = refused(root, SetPosition(issue="border", party="south", stance="accepts"))
    assert "issues.yaml" in str(error) and "needs a source" in str(error), str(error)
    edits.apply(root, SetPosition(issue="border", party="south", stance="accepts", source="wire-2"))  # with one, it is made
    assert "        source: wire-2\n" in (root / "issues.yaml").read_text()


@pytest.mark.parametrize("source", [None, "", "   "], ids=["none", "empty", "blank"])
def test_a_new_stage_without_a_source_is_refused(store: Path, source):
    error = refused(store, SetStatus(stage="final-stages", headline="Final", since="2025-11-26", source=source))
    assert "status.yaml" in str(error) and "needs a source" in str(error), str(error)


# -- two files, both or neither ---------------------------------------------------------------------

WITH_SOURCE = AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference",
                       date="2025-11-25", new_source=AddSource(outlet="TASS", title="Lavrov speaks", date="2025-11-25"))


def fail_rename(monkeypatch: pytest.MonkeyPatch, on_call: int, store: Path) -> list[str]:
    """Make the `on_call`th os.replace into `store` fail as a full disk would; returns the targets it was asked for.

    Renames elsewhere (the parse cache in the state directory) go through and are not counted."""
    real = os.replace
    calls: list[str] = []

    def replace(src, dst, *args, **kwargs):
        if not Path(dst).resolve().is_relative_to(store.resolve()):
            return real(src, dst, *args, **kwargs)
        calls.append(Path(dst).name)
        if len(calls) == on_call:
            raise OSError(28, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return calls


@pytest.mark.parametrize("on_call", [1, 2], ids=["the first write fails", "the second write fails"])
def test_a_quote_and_its_new_source_are_written_both_or_neither(store: Path, monkeypatch, on_call: int):
    calls = fail_rename(monkeypatch, on_call, store)
    error = refused(store, WITH_SOURCE)
    monkeypatch.undo()
    assert "No space left on device" in str(error) and "nothing was written" in str(error), str(error)
    assert calls[:2] == ["sources.yaml", "2025-11-25.yaml"][:on_call]
    assert problems(store) == []


def count_sources(root: Path, outlet: str) -> int:
    return sum(1 for line in (root / "sources.yaml").read_text().splitlines() if line == f"    outlet: {outlet}")


def test_a_retry_after_success_cites_the_source_it_added(store: Path):
    desk = Desk(store, journal=NO_JOURNAL)
    desk.load()
    first = desk.apply(WITH_SOURCE)
    sources = (store / "sources.yaml").read_bytes()
    second = desk.apply(WITH_SOURCE)  # e.g. the user pressed save again
    desk.close()
    assert (store / "sources.yaml").read_bytes() == sources
    assert count_sources(store, "TASS") == 1
    assert (first.written.item_id, second.written.item_id) == ("lavrov-we-are-ready-to-talk", "lavrov-we-are-ready-to-talk-2")
    text = (store / DAY).read_text()
    assert text.count("    source: tass-2025-11-25-lavrov-speaks\n") == 2
    edits.apply(store, WITH_SOURCE)  # and from another process's door
    assert count_sources(store, "TASS") == 1
    assert problems(store) == []


def test_a_retry_after_a_conflict_adds_the_source_once(store: Path, monkeypatch):
    """A colleague saves the quotes file just as the edit writes it: the source already written is put back."""
    day, sources = store / DAY, store / "sources.yaml"
    old_day, old_sources = day.read_bytes(), sources.read_bytes()
    colleague = old_day + b"# saved by a colleague meanwhile\n"
    real_fsync = os.fsync

    def fsync_then_colleague_saves(fd: int) -> None:
        real_fsync(fd)
        if sources.read_bytes() != old_sources and day.read_bytes() != colleague:
            day.write_bytes(colleague)  # the source is in: the quotes file is next

    monkeypatch.setattr(os, "fsync", fsync_then_colleague_saves)
    with pytest.raises(EditConflict) as conflict:
        edits.apply(store, WITH_SOURCE)
    monkeypatch.undo()
    assert conflict.value.path == DAY
    assert (sources.read_bytes(), day.read_bytes()) == (old_sources, colleague)
    assert not [p for p in store.rglob(".*")], "a temp file was left behind"
    edits.apply(store, WITH_SOURCE)
    assert count_sources(store, "TASS") == 1
    assert_inserted(old_sources, sources.read_bytes(), [
        "", "  - id: tass-2025-11-25-lavrov-speaks", "    outlet: TASS", "    title: Lavrov speaks", "    date: 2025-11-25",
    ])
    removed, added = changes(colleague, day.read_bytes())
    assert removed == [] and "    source: tass-2025-11-25-lavrov-speaks" in added  # the colleague's save kept, line for line
    assert problems(store) == []
