"""`watch_folder`: real files in a temp folder, the OS's file events and polling, each way editors save."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from tui.core.disk.watcher import RESCAN, watch_folder

TIMEOUT = 5.0
"""Seconds a change may take to be reported (batches wait for the folder to be quiet first)."""

END = object()

MODES = [pytest.param(None, id="events"), pytest.param(0.1, id="poll")]


class Watching:
    """watch_folder running in a task, its batches collected as they come."""

    def __init__(self, root: Path, poll: float | None) -> None:
        self.root, self.poll = root, poll
        self.stop = asyncio.Event()
        self.batches: asyncio.Queue = asyncio.Queue()
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> Watching:
        async def pump() -> None:
            async for batch in watch_folder(self.root, self.poll, self.stop):
                await self.batches.put(batch)
            await self.batches.put(END)

        self.task = asyncio.create_task(pump())
        await asyncio.sleep(0.3)  # the watch in place (or the first look taken) before anything is written
        assert self.batches.empty(), "a batch was reported before anything changed"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        assert self.task is not None
        try:
            await asyncio.wait_for(self.task, TIMEOUT)
        finally:
            if not self.task.done():
                self.task.cancel()

    async def saw(self, path: Path) -> list:
        """The batches up to the one naming `path`; fails if none does within TIMEOUT."""
        wanted = os.path.abspath(path)
        seen: list = []
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while True:
            left = deadline - loop.time()
            if left <= 0:
                raise AssertionError(f"{wanted} was not reported within {TIMEOUT}s; got {seen}")
            try:
                batch = await asyncio.wait_for(self.batches.get(), left)
            except TimeoutError:
                continue
            assert batch is not END, f"the watch ended before {wanted} was reported; got {seen}"
            seen.append(batch)
            if batch is not RESCAN and wanted in {os.path.abspath(p) for p in batch}:
                return seen

    async def rescan(self) -> list:
        """The batches up to a RESCAN; fails if none comes within TIMEOUT."""
        seen: list = []
        while True:
            batch = await asyncio.wait_for(self.batches.get(), TIMEOUT)
            assert batch is not END
            seen.append(batch)
            if batch is RESCAN:
                return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "quotes").mkdir(parents=True)
    (root / "status.yaml").write_text("status:\n  stage: proposed\n  headline: Tabled\n")
    (root / "quotes" / "2025-11-25.yaml").write_text("quotes: []\n")
    return root


@pytest.mark.parametrize("poll", MODES)
async def test_an_in_place_write_is_reported(folder: Path, poll):
    path = folder / "status.yaml"
    async with Watching(folder, poll) as watching:
        with open(path, "r+b") as handle:  # as an editor that writes in place: same inode, same size
            handle.write(b"status:\n  stage: stalled \n")
        batches = await watching.saw(path)
    assert RESCAN not in batches
    assert all({os.path.abspath(p) for p in batch} == {os.path.abspath(path)} for batch in batches), batches


@pytest.mark.parametrize("poll", MODES)
async def test_a_rename_over_save_is_reported(folder: Path, poll):
    """vim, VS Code: the new text goes to a temp file beside it, which is renamed over the file."""
    path = folder / "status.yaml"
    async with Watching(folder, poll) as watching:
        temp = folder / ".status.yaml.swp"
        temp.write_text("status:\n  stage: stalled\n  headline: Talks stop\n")
        os.replace(temp, path)
        batches = await watching.saw(path)
    assert RESCAN not in batches
    reported = {os.path.abspath(p) for batch in batches for p in batch}
    assert reported == {os.path.abspath(path)}, reported  # never the temp file


@pytest.mark.parametrize("poll", MODES)
async def test_two_saves_in_a_row_are_each_reported(folder: Path, poll):
    path = folder / "status.yaml"
    async with Watching(folder, poll) as watching:
        path.write_text("status:\n  stage: stalled\n  headline: One\n")
        await watching.saw(path)
        path.write_text("status:\n  stage: stalled\n  headline: Two\n")  # same size, within the same second
        await watching.saw(path)


@pytest.mark.parametrize("poll", MODES)
async def test_a_new_file_in_a_subfolder_is_reported(folder: Path, poll):
    path = folder / "quotes" / "2025-11-27.yaml"
    async with Watching(folder, poll) as watching:
        path.write_text("quotes: []\n")
        batches = await watching.saw(path)
    assert RESCAN not in batches


@pytest.mark.parametrize("poll", MODES)
async def test_a_deleted_file_is_reported(folder: Path, poll):
    path = folder / "quotes" / "2025-11-25.yaml"
    async with Watching(folder, poll) as watching:
        path.unlink()
        await watching.saw(path)


@pytest.mark.parametrize("poll", MODES)
async def test_a_new_subfolder_asks_for_a_rescan(folder: Path, poll):
    async with Watching(folder, poll) as watching:
        (folder / "archive").mkdir()
        (folder / "archive" / "old.yaml").write_text("quotes: []\n")
        await watching.rescan()


@pytest.mark.parametrize("poll", MODES)
async def test_files_that_are_not_content_are_not_reported(folder: Path, poll):
    async with Watching(folder, poll) as watching:
        (folder / ".status.yaml.swp").write_text("swap")
        (folder / "notes.txt").write_text("not content")
        (folder / "4913").write_text("")  # vim's probe file
        (folder / "4913").unlink()
        path = folder / "status.yaml"
        path.write_text("status:\n  stage: stalled\n  headline: Talks stop\n")
        batches = await watching.saw(path)  # the content file comes through; nothing else before or with it
    assert all(batch is not RESCAN and {os.path.abspath(p) for p in batch} == {os.path.abspath(path)} for batch in batches), batches


@pytest.mark.parametrize("poll", MODES)
async def test_setting_stop_ends_the_iteration(folder: Path, poll):
    async with Watching(folder, poll) as watching:
        pass  # leaving sets stop and waits for the iteration to end
    assert watching.task is not None and watching.task.done() and watching.task.exception() is None
    assert watching.batches.get_nowait() is END


@pytest.mark.parametrize("poll", MODES)
async def test_stop_ends_the_iteration_while_changes_keep_coming(folder: Path, poll):
    path = folder / "status.yaml"
    watching = Watching(folder, poll)
    await watching.__aenter__()
    for n in range(5):
        path.write_text(f"status:\n  stage: stalled\n  headline: Save {n}\n")
        await asyncio.sleep(0.02)
    await watching.__aexit__()
    assert watching.task is not None and watching.task.done()


async def test_a_folder_that_disappears_and_returns_asks_for_a_rescan_and_is_followed_again(folder: Path, tmp_path: Path):
    path = folder / "status.yaml"
    async with Watching(folder, None) as watching:
        shutil.move(folder, tmp_path / "aside")
        await watching.rescan()
        shutil.move(tmp_path / "aside", folder)
        await watching.rescan()  # back: scanned again once the new watch is in place
        await asyncio.sleep(0.3)
        path.write_text("status:\n  stage: stalled\n  headline: Back\n")
        await watching.saw(path)


@pytest.mark.parametrize("poll", MODES)
async def test_asked_to_rescan_first_it_does_once_the_watch_is_in_place_then_follows(folder: Path, poll):
    """For a caller that read the folder before watching it: what changed in between is rescanned."""
    stop = asyncio.Event()
    batches = watch_folder(folder, poll, stop, rescan_first=True)
    first = await asyncio.wait_for(batches.__anext__(), 5)
    assert first is RESCAN
    (folder / "status.yaml").write_text("status:\n  stage: stalled\n  headline: Stalled\n")
    then = await asyncio.wait_for(batches.__anext__(), 5)
    assert then is not RESCAN and {os.path.abspath(p) for p in then} == {os.path.abspath(folder / "status.yaml")}
    stop.set()
    await batches.aclose()


async def test_cancelling_one_watch_leaves_the_callers_stop_event_alone(tmp_path):
    # watchfiles sets the event it is given when its task is cancelled: the caller's own event
    # must not be that one, or ending one watch (a story switched away from) ends every follower.
    (tmp_path / "story.yaml").write_text("story: {}\n")
    stop = asyncio.Event()

    async def follow() -> None:
        async for _ in watch_folder(tmp_path, None, stop, rescan_first=True):
            pass

    task = asyncio.ensure_future(follow())
    await asyncio.sleep(0.3)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    assert not stop.is_set()
