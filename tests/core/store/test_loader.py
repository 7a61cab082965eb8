"""The loader: incremental reloads, the last good state of every file, and the filesystem."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

import tui.core.disk.safe_read as safe_read
import tui.core.store.file_parser as file_parser
import tui.core.store.loader as loader
from tests.helpers.minimal_store import COUNTS, FILES, QUOTES, SOURCES, counts, write_store
from tui.core.disk.settle import SAVE_QUIET_SECONDS
from tui.core.store.loader import ContentStore
from tui.core.yaml.reader import Limits

BROKEN_QUOTES = QUOTES.replace("    medium: anonymous\n", "    medium: [anonymous\n")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_store(tmp_path / "content")


def loaded(root: Path, limits: Limits = Limits()) -> ContentStore:
    store = ContentStore(root, limits)
    result = store.load()
    assert result.problems == (), result.problems
    assert counts(store) == COUNTS
    return store


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


class _OsProxy:
    """The os module, with some functions replaced, for the loader alone to see."""

    def __init__(self, **replace):
        self.__dict__.update(replace)

    def __getattr__(self, name):
        return getattr(os, name)


# -- incremental reload ---------------------------------------------------------------------------


def test_reload_reads_only_the_files_it_is_given(root, monkeypatch):
    store = loaded(root)
    seen: list[str] = []
    real = file_parser.read_yaml
    monkeypatch.setattr(file_parser, "read_yaml", lambda raw, path, limits, **kw: seen.append(path) or real(raw, path, limits, **kw))
    (root / "sources.yaml").write_text(SOURCES + "  - id: wire-3\n    outlet: Third\n")
    result = store.reload(["sources.yaml"])
    assert seen == ["sources.yaml"]
    assert result.changed == {"sources.yaml"}
    assert len(result.snapshot.sources) == 3


def test_reload_of_unchanged_files_changes_nothing(root, monkeypatch):
    store = loaded(root)
    before = store.snapshot
    monkeypatch.setattr(file_parser, "read_yaml", lambda *a: pytest.fail("an unchanged file was parsed again"))
    result = store.reload(list(FILES))
    assert result.changed == frozenset() and result.problems == ()
    assert result.snapshot is before


def test_reload_accepts_absolute_paths_and_ignores_others(root, tmp_path):
    store = loaded(root)
    (root / "sources.yaml").write_text(SOURCES + "  - id: wire-3\n    outlet: Third\n")
    (root / ".hidden.yaml").write_text("not: [valid")
    (root / "notes.txt").write_text("not: [valid")
    (tmp_path / "elsewhere.yaml").write_text("not: [valid")
    result = store.reload([root / "sources.yaml", ".hidden.yaml", "notes.txt", tmp_path / "elsewhere.yaml", "../elsewhere.yaml"])
    assert result.changed == {"sources.yaml"}
    assert result.problems == ()


def test_files_in_subfolders_are_loaded(tmp_path):
    root = write_store(tmp_path, quotes_yaml=None, **{"quotes/2025-02-21_yaml": QUOTES})
    store = loaded(root)
    assert store.snapshot.origins[("quotes", "q-north")].path == "quotes/2025-02-21.yaml"


# -- last good state ----------------------------------------------------------------------------------


def test_a_broken_file_keeps_its_last_good_version(root):
    store = loaded(root)
    (root / "quotes.yaml").write_text(BROKEN_QUOTES)
    result = store.reload(["quotes.yaml"])
    assert messages(result) == [
        "quotes.yaml:17:11: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"
    ]
    assert result.changed == frozenset()
    assert counts(store) == COUNTS
    assert store.snapshot.quote_by_id["q-south"].medium == "anonymous"
    (root / "quotes.yaml").write_text(QUOTES.replace("Talks go on.", "Talks go on, slowly."))
    result = store.reload(["quotes.yaml"])
    assert result.problems == () and result.changed == {"quotes.yaml"}
    assert store.snapshot.quote_by_id["q-south"].text == "Talks go on, slowly."


def test_a_broken_file_never_hides_the_others(tmp_path):
    store = ContentStore(write_store(tmp_path, quotes_yaml=BROKEN_QUOTES))
    result = store.load()
    # One mistake, one problem: the issue citing a quote of the broken file is not a second one.
    assert {p.path for p in result.problems} == {"quotes.yaml"}
    assert counts(store) == COUNTS | {"quotes": 0}


def test_an_emptied_file_keeps_its_content(root):
    store = loaded(root)
    (root / "quotes.yaml").write_text("")
    result = store.reload(["quotes.yaml"])
    assert messages(result) == ["quotes.yaml:1:1: file is empty; expected sections such as 'quotes:' (a save in progress?)"]
    assert counts(store) == COUNTS


def test_an_internal_error_is_a_problem_not_a_crash(root, monkeypatch):
    store = loaded(root)

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(file_parser, "read_yaml", explode)
    (root / "quotes.yaml").write_text(QUOTES + "\n")
    result = store.reload(["quotes.yaml"])
    assert messages(result) == ["quotes.yaml:1:1: could not be read: internal error (RuntimeError); please report it"]
    assert counts(store) == COUNTS


# -- deleted and briefly missing files ----------------------------------------------------------------


def test_a_file_missing_during_a_save_keeps_its_content(root):
    store = loaded(root)
    (root / "quotes.yaml").unlink()
    result = store.reload(["quotes.yaml"])
    assert 0 < result.recheck_in <= loader.MISSING_GRACE
    assert result.problems == () and counts(store) == COUNTS
    (root / "quotes.yaml").write_text(QUOTES)
    result = store.reload(["quotes.yaml"])
    assert result.problems == () and result.changed == frozenset() and result.recheck_in is None
    assert counts(store) == COUNTS


def test_a_deleted_file_is_dropped_after_the_grace_period(root):
    store = loaded(root)
    (root / "sources.yaml").unlink()
    first = store.load()
    assert first.recheck_in is not None and len(store.snapshot.sources) == 2
    time.sleep(first.recheck_in + 0.02)
    result = store.load()
    assert result.changed == {"sources.yaml"} and result.recheck_in is None
    assert store.snapshot.sources == ()
    assert "events.yaml:7:13: unknown source 'wire-1'; known: none yet" in messages(result)
    (root / "sources.yaml").write_text(SOURCES)
    result = store.load()
    assert result.problems == () and result.changed == {"sources.yaml"}


def test_the_whole_folder_removed_keeps_the_last_good_state(root):
    store = loaded(root)
    shutil.rmtree(root)
    result = store.load()
    assert messages(result) == ["content:1:1: the content folder is missing or not a folder; showing the last good state"]
    assert counts(store) == COUNTS
    write_store(root, sources_yaml=SOURCES + "  - id: wire-3\n    outlet: Third\n")
    result = store.load()
    assert result.problems == () and result.changed == {"sources.yaml"}
    assert len(store.snapshot.sources) == 3


# -- files that cannot be read ---------------------------------------------------------------------------


def test_a_file_replaced_by_a_folder_keeps_its_content_and_recovers(root):
    store = loaded(root)
    (root / "quotes.yaml").unlink()
    (root / "quotes.yaml").mkdir()
    result = store.load()
    assert messages(result) == ["quotes.yaml:1:1: is a folder, expected a YAML file; showing its last good content"]
    assert counts(store) == COUNTS
    (root / "quotes.yaml").rmdir()
    (root / "quotes.yaml").write_text(QUOTES)  # the same content as before
    result = store.load()
    assert result.problems == () and result.changed == frozenset()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_keeps_its_content_and_recovers(root):
    store = loaded(root)
    (root / "quotes.yaml").chmod(0)
    try:
        result = store.reload(["quotes.yaml"])
    finally:
        (root / "quotes.yaml").chmod(0o644)
    assert messages(result) == ["quotes.yaml:1:1: cannot be read (Permission denied); showing its last good content"]
    assert counts(store) == COUNTS
    assert store.reload(["quotes.yaml"]).problems == ()


def test_a_read_refused_by_the_system_keeps_content_and_recovers(root, monkeypatch):
    # The same as chmod 000, in a way that works when the tests run as root.
    store = loaded(root)

    def refuse(path, *args, **kwargs):
        if str(path).endswith("quotes.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return os.open(path, *args, **kwargs)

    monkeypatch.setattr(safe_read, "os", _OsProxy(open=refuse))
    result = store.reload(["quotes.yaml"])
    assert messages(result) == ["quotes.yaml:1:1: cannot be read (Permission denied); showing its last good content"]
    assert counts(store) == COUNTS
    monkeypatch.undo()
    result = store.reload(["quotes.yaml"])  # readable again, with the content it had
    assert result.problems == () and result.changed == frozenset()


def test_a_file_changing_while_read_is_read_again_soon(root, monkeypatch):
    store = loaded(root)
    (root / "quotes.yaml").write_text(QUOTES + "# more\n")

    def growing(path, *args, **kwargs):
        result = os.stat(path, *args, **kwargs)
        if str(path).endswith("quotes.yaml"):
            return os.stat_result((*result[:6], result.st_size + 1, *result[7:]))
        return result

    monkeypatch.setattr(safe_read, "os", _OsProxy(stat=growing))
    result = store.reload(["quotes.yaml"])
    assert result.recheck_in == SAVE_QUIET_SECONDS and result.problems == () and counts(store) == COUNTS


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_does_not_hang_the_loader(root):
    fifo = root / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(ContentStore(root).load()), daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the loader hung opening a named pipe")
    assert messages(outcome[0]) == ["pipe.yaml:1:1: is not a regular file (a pipe or device?), expected a YAML file"]


# -- links ---------------------------------------------------------------------------------------------------


def test_a_link_outside_the_store_is_refused(root, tmp_path):
    (tmp_path / "secret.yaml").write_text("sources:\n  - id: secret\n    outlet: Outside\n")
    (root / "linked.yaml").symlink_to(tmp_path / "secret.yaml")
    store = ContentStore(root)
    result = store.load()
    assert messages(result) == ["linked.yaml:1:1: is a link to a file outside the content folder; ignored"]
    assert "secret" not in store.snapshot.source_by_id


def test_a_file_replaced_by_a_link_outside_loses_its_content(root, tmp_path):
    store = loaded(root)
    shutil.copy(root / "sources.yaml", tmp_path / "copy.yaml")
    (root / "sources.yaml").unlink()
    (root / "sources.yaml").symlink_to(tmp_path / "copy.yaml")
    result = store.load()
    assert "sources.yaml:1:1: is a link to a file outside the content folder; ignored" in messages(result)
    assert result.changed == {"sources.yaml"} and store.snapshot.sources == ()
    (root / "sources.yaml").unlink()
    (root / "sources.yaml").write_text(SOURCES)
    result = store.load()
    assert result.problems == () and result.changed == {"sources.yaml"}


def test_a_linked_folder_outside_the_store_is_refused(root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("sources:\n  - id: secret\n    outlet: Outside\n")
    (root / "ext").symlink_to(outside, target_is_directory=True)
    store = loaded(root)  # a scan does not follow linked folders
    result = store.reload(["ext/x.yaml"])  # nor does a reload that names a file inside one
    assert messages(result) == ["ext/x.yaml:1:1: is a link to a file outside the content folder; ignored"]
    assert "secret" not in store.snapshot.source_by_id


def test_a_link_inside_the_store_is_followed(tmp_path):
    root = write_store(tmp_path, sources_yaml=None, **{"archive/sources_yaml": SOURCES})
    (root / "sources.yaml").symlink_to(root / "archive" / "sources.yaml")
    store = ContentStore(root)
    result = store.load()
    assert any("duplicate source id 'wire-1'" in m for m in messages(result))  # read under both names


def test_a_loop_of_links_is_reported(root):
    (root / "a.yaml").symlink_to(root / "b.yaml")
    (root / "b.yaml").symlink_to(root / "a.yaml")
    loop = os.strerror(errno.ELOOP)  # "Too many levels of symbolic links"
    assert messages(ContentStore(root).load()) == [
        f"a.yaml:1:1: cannot be read ({loop})",
        f"b.yaml:1:1: cannot be read ({loop})",
    ]


def test_a_dangling_link_is_reported(root):
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    assert messages(ContentStore(root).load()) == ["gone.yaml:1:1: is a link to a file that does not exist"]


# -- names and sizes ---------------------------------------------------------------------------------------


def test_a_file_name_with_control_characters_is_shown_escaped(root):
    (root / "bad\x1b[2Jname.yaml").write_text(SOURCES)
    (root / "line\nbreak.yaml").write_text(SOURCES)
    os.close(os.open(os.fsencode(root) + b"/latin1-\xe9.yaml", os.O_CREAT | os.O_WRONLY))
    store = ContentStore(root)
    assert messages(store.load()) == [
        "bad<U+001B>[2Jname.yaml:1:1: the file name holds control characters or bytes that are not UTF-8; rename the file to load it",
        "latin1-<byte 0xE9>.yaml:1:1: the file name holds control characters or bytes that are not UTF-8; rename the file to load it",
        "line<U+000A>break.yaml:1:1: the file name holds control characters or bytes that are not UTF-8; rename the file to load it",
    ]
    assert counts(store) == COUNTS
    (root / "bad\x1b[2Jname.yaml").unlink()
    assert len(store.load().problems) == 2


def test_an_oversized_file_is_refused_and_keeps_its_last_good_version(root):
    store = loaded(root, Limits(max_file_bytes=2000))
    (root / "quotes.yaml").write_text(QUOTES + "#" * (2001 - len(QUOTES)))
    result = store.reload(["quotes.yaml"])
    assert messages(result) == [
        "quotes.yaml:1:1: file is 2,001 bytes, over the 2,000 bytes limit; split it into several files "
        "(e.g. one per day) or raise --max-file-mb"
    ]
    assert counts(store) == COUNTS
    (root / "quotes.yaml").write_text(QUOTES)
    assert store.reload(["quotes.yaml"]).problems == ()


def test_a_50_mb_file_is_refused_without_reading_it_whole(root):
    with open(root / "huge.yaml", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    tracemalloc.start()
    try:
        result = ContentStore(root).load()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert messages(result) == [
        "huge.yaml:1:1: file is 50.0 MB, over the 5.0 MB limit; split it into several files "
        "(e.g. one per day) or raise --max-file-mb"
    ]
    # Read whole, its 50 MB would be in memory at once; refused by its size, they never are.
    assert peak < 20 * 1024 * 1024, f"peak memory {peak:,} bytes"


def test_a_text_cut_short_by_a_hash_is_reported_where_the_hash_is_and_still_loads(root):
    store = loaded(root)
    quotes = root / "quotes.yaml"
    text = quotes.read_text()
    first_text = next(line for line in text.splitlines() if line.strip() == "text: Talks go on.")
    cut = first_text + " #1 priority"
    quotes.write_text(text.replace(first_text, cut, 1))
    result = store.reload(["quotes.yaml"])
    line = quotes.read_text().splitlines().index(cut) + 1
    column = cut.index("#") + 1
    assert [str(p)[: str(p).index(" YAML")] for p in result.problems] == [f"quotes.yaml:{line}:{column}: 'text' stops before this '#':"]
    assert "put the whole text in double quotes" in result.problems[0].message
    assert counts(store) == COUNTS  # the file still loads: the banner says what to fix


def test_a_continuation_line_starting_with_a_hash_is_reported_but_a_note_at_the_keys_depth_is_not(root):
    store = loaded(root)
    quotes = root / "quotes.yaml"
    text = quotes.read_text()
    first_text = next(line for line in text.splitlines() if line.strip() == "text: Talks go on.")
    indent = first_text[: len(first_text) - len(first_text.lstrip())]
    quotes.write_text(text.replace(first_text, f"{first_text}\n{indent}  #1 priority\n{indent}# a note for editors", 1))
    result = store.reload(["quotes.yaml"])
    assert [p.message.split(":")[0] for p in result.problems] == ["'text' stops before this '#'"]
