"""The running dashboard against a hostile filesystem: files and the folder itself go, change kind, come back.

Every test drives the real app, live, through the real watcher, on a private copy of the
shipped store. While a file is deleted, renamed, emptied, unreadable, a folder, a link
out of the store, or the whole folder is gone, the dashboard must say so (banner and
`app.state.problems`), keep every other file's content exactly as it was, and recover by
itself when the file or folder comes back, still following later saves.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.helpers.pilot import screen_text, started, wait_until
from tui.core.model.snapshot import Snapshot
from tui.ui.widgets.problem_banner import ProblemBanner

MISSING_FOLDER = "content:1:1: the content folder is missing or not a folder; showing the last good state"

ON_SCREEN = {
    "story.yaml": "Trump’s peace plan for the war in Ukraine",
    "status.yaml": "framework agreed in principle",
    "parties.yaml": "Free Russia Foundation",
    "issues.yaml": "Security guarantees",
    "events.yaml": "delegations meet in Abu",
    "quotes/2025-11-25.yaml": "“as soon as possible”",
    "quotes/undated.yaml": "Meduza’s Russian-language readers",
}
"""A piece of text each file puts on the 120×40 main screen."""


# -- saving and looking ----------------------------------------------------------------------------------------


def with_headline(text: str, headline: str) -> str:
    """status.yaml's text with a new one-line headline, the rest byte for byte."""
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {headline}\n", text, count=1)
    assert count == 1, "the shipped status.yaml changed shape; update this helper"
    return new


def save_by_rename(path: Path, text: str) -> None:
    temp = path.with_name(path.name + ".tmp~")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def items_by_file(snapshot: Snapshot) -> dict[str, dict[tuple[str, str], object]]:
    """Every item of the snapshot, grouped by the file that defines it."""
    lookup = {
        "story": lambda _: snapshot.story,
        "status": lambda _: snapshot.status,
        "parties": snapshot.party_by_id.get,
        "issues": snapshot.issue_by_id.get,
        "quotes": snapshot.quote_by_id.get,
        "events": snapshot.event_by_id.get,
        "sources": snapshot.source_by_id.get,
        "documents": snapshot.document_by_id.get,
    }
    grouped: dict[str, dict[tuple[str, str], object]] = {}
    for (kind, item_id), origin in snapshot.origins.items():
        grouped.setdefault(origin.path, {})[(kind, item_id)] = lookup[kind](item_id)
    return grouped


def assert_others_intact(app, baseline: dict[str, dict], faulted: set[str], text: str) -> None:
    """Every file not in `faulted` gives exactly the items it gave before, and its text is on screen."""
    now = items_by_file(app.state.snapshot)
    for path, items in baseline.items():
        if path in faulted:
            continue
        assert now.get(path) == items, f"{path} lost or changed content while {sorted(faulted)} was faulted"
        if path in ON_SCREEN:
            assert ON_SCREEN[path] in text, f"{path}'s content is gone from the screen"


def messages(app) -> list[str]:
    return [str(p) for p in app.state.problems]


async def banner_shows(pilot, fragment: str, what: str, timeout: float = 5.0) -> None:
    """Wait until a problem containing `fragment` is in `app.state.problems` and on screen in the banner."""
    banner = pilot.app.screen.query_one(ProblemBanner)
    await wait_until(
        pilot,
        lambda: any(fragment in m for m in messages(pilot.app)) and banner.display and fragment in screen_text(pilot),
        timeout,
        what,
    )


async def recovered(pilot, baseline: dict[str, dict] | None, what: str, timeout: float = 5.0) -> None:
    """Wait until the store is clean again, the banner gone and (if given) every item back as it was."""
    app = pilot.app
    banner = app.screen.query_one(ProblemBanner)
    await wait_until(
        pilot,
        lambda: app.state.problems == () and not banner.display and (baseline is None or items_by_file(app.state.snapshot) == baseline),
        timeout,
        what,
    )


async def still_following(pilot, store: Path, headline: str) -> None:
    """A later save still reaches the screen: the watcher survived whatever happened before."""
    status = store / "status.yaml"
    save_by_rename(status, with_headline(status.read_text(encoding="utf-8"), headline))
    await wait_until(pilot, lambda: headline in screen_text(pilot), 5, f"the later save '{headline}'")


# -- files ------------------------------------------------------------------------------------------------------


async def test_a_deleted_file_is_reported_and_comes_back(store):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        sources = store / "sources.yaml"
        original = sources.read_bytes()
        sources.unlink()
        # Once the grace period is over its sources are gone, and every citation of them says so.
        await banner_shows(pilot, "unknown source 'meduza-2025-11-25-lavrov'", "the deleted file's references reported")
        assert pilot.app.state.snapshot.sources == ()
        assert all("unknown source" in m for m in messages(pilot.app)), messages(pilot.app)
        assert_others_intact(pilot.app, baseline, {"sources.yaml"}, screen_text(pilot))
        sources.write_bytes(original)
        await recovered(pilot, baseline, "the file back")
        await still_following(pilot, store, "Followed after a deletion")


async def test_a_file_renamed_away_and_back(store):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        parties = store / "parties.yaml"
        parties.rename(store / "parties.yaml.bak")  # no longer a content file
        await banner_shows(pilot, "unknown party 'russia'", "the renamed file's parties reported missing")
        assert pilot.app.state.snapshot.parties == ()
        assert_others_intact(pilot.app, baseline, {"parties.yaml"}, screen_text(pilot))
        (store / "parties.yaml.bak").rename(parties)
        await recovered(pilot, baseline, "the file renamed back")
        assert "Free Russia Foundation" in screen_text(pilot)
        await still_following(pilot, store, "Followed after a rename")


@pytest.mark.parametrize(
    "old, new",
    [("quotes/undated.yaml", "quotes/2025-11-24.yaml"), ("quotes", "said")],
    ids=["file", "folder"],
)
async def test_a_rename_inside_the_store_keeps_every_item(store, old, new):
    async with started(store, live=True, size=(120, 50)) as pilot:
        before = {key: (item, path) for path, items in items_by_file(pilot.app.state.snapshot).items() for key, item in items.items()}
        (store / old).rename(store / new)

        def moved(path: str) -> str:
            return new + path[len(old):] if path == old or path.startswith(old + "/") else path

        def settled() -> bool:
            now = items_by_file(pilot.app.state.snapshot)
            return pilot.app.state.problems == () and all(now.get(moved(path), {}).get(key) == item for key, (item, path) in before.items())

        # The same items, now defined in the new place; the brief duplicate while the old name's
        # grace period runs must not be left behind.
        await wait_until(pilot, settled, 5, "every item back from its new place, with no problem")
        assert len(pilot.app.state.snapshot.origins) == len(before)
        assert {key: origin.path for key, origin in pilot.app.state.snapshot.origins.items()} == {key: moved(path) for key, (_, path) in before.items()}
        assert not pilot.app.screen.query_one(ProblemBanner).display
        await still_following(pilot, store, "Followed after a rename inside")


async def test_an_emptied_file_keeps_its_content_and_recovers(store):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        parties = store / "parties.yaml"
        original = parties.read_bytes()
        parties.write_bytes(b"")
        await banner_shows(pilot, "parties.yaml:1:1: file is empty", "the emptied file reported")
        # Its last good version is still shown: nothing of any file is lost.
        assert items_by_file(pilot.app.state.snapshot) == baseline
        assert_others_intact(pilot.app, baseline, set(), screen_text(pilot))
        parties.write_bytes(original.replace(b"Natalia Arno", b"Natalia Arno-Back"))
        await wait_until(pilot, lambda: "Natalia Arno-Back" in screen_text(pilot), 5, "the refilled file")
        await recovered(pilot, None, "the banner to go")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode, so chmod 000 cannot make one unreadable")
async def test_an_unreadable_file_keeps_its_content_and_recovers(store):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        issues = store / "issues.yaml"
        issues.chmod(0)
        try:
            await banner_shows(pilot, "issues.yaml:1:1: cannot be read (Permission denied); showing its last good content", "the unreadable file reported")
            assert items_by_file(pilot.app.state.snapshot) == baseline
            assert_others_intact(pilot.app, baseline, set(), screen_text(pilot))
        finally:
            issues.chmod(0o644)
        await recovered(pilot, baseline, "the file readable again")
        await still_following(pilot, store, "Followed after a chmod")


async def test_a_file_replaced_by_a_folder_keeps_its_content_and_recovers(store):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        issues = store / "issues.yaml"
        original = issues.read_text(encoding="utf-8")
        issues.unlink()
        issues.mkdir()
        await banner_shows(pilot, "issues.yaml:1:1: is a folder, expected a YAML file; showing its last good content", "the folder reported")
        assert items_by_file(pilot.app.state.snapshot) == baseline
        assert_others_intact(pilot.app, baseline, set(), screen_text(pilot))
        issues.rmdir()
        issues.write_text(original.replace("title: Territory", "title: Territory and borders"), encoding="utf-8")
        await wait_until(pilot, lambda: "Territory and borders" in screen_text(pilot), 5, "the file back, edited")
        await recovered(pilot, None, "the banner to go")
        await still_following(pilot, store, "Followed after a folder")


async def test_a_file_replaced_by_a_link_outside_the_store_is_refused_and_recovers(store, tmp_path):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        undated = store / "quotes" / "undated.yaml"
        original = undated.read_text(encoding="utf-8")
        outside = tmp_path / "outside"
        outside.mkdir()
        secret = outside / "undated.yaml"
        secret.write_text(original.replace("text: common understanding", "text: SECRET FROM OUTSIDE THE STORE"), encoding="utf-8")
        undated.unlink()
        undated.symlink_to(secret)
        await banner_shows(pilot, "quotes/undated.yaml:1:1: is a link to a file outside the content folder; ignored", "the link refused")
        # What the link leads to never reaches the dashboard; the file's own content goes with it.
        assert not any("SECRET" in q.text for q in pilot.app.state.snapshot.quotes)
        assert "SECRET" not in screen_text(pilot)
        assert "quotes/undated.yaml" not in items_by_file(pilot.app.state.snapshot)
        assert_others_intact(pilot.app, baseline, {"quotes/undated.yaml"}, screen_text(pilot))
        secret.write_text(secret.read_text(encoding="utf-8") + "# edited outside\n", encoding="utf-8")
        undated.unlink()
        undated.write_text(original, encoding="utf-8")
        await recovered(pilot, baseline, "the real file back")
        await still_following(pilot, store, "Followed after a link")


# -- the whole folder -------------------------------------------------------------------------------------------


def put_back(store: Path, source: Path, headline: str) -> None:
    """Write a whole store into `store` (which must not exist), with a new headline."""
    shutil.copytree(source, store)
    status = store / "status.yaml"
    status.write_text(with_headline(status.read_text(encoding="utf-8"), headline), encoding="utf-8")


@pytest.mark.parametrize("poll", [None, 0.1], ids=["events", "polling"])
async def test_the_folder_removed_then_put_back(store, tmp_path, poll):
    saved = tmp_path / "saved"
    shutil.copytree(store, saved)
    async with started(store, live=True, poll=poll, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        shutil.rmtree(store)
        await banner_shows(pilot, MISSING_FOLDER, "the missing folder reported")
        assert messages(pilot.app) == [MISSING_FOLDER]
        assert items_by_file(pilot.app.state.snapshot) == baseline  # the last good state, whole
        assert_others_intact(pilot.app, baseline, set(), screen_text(pilot))
        put_back(store, saved, "The folder is back")
        await wait_until(pilot, lambda: "The folder is back" in screen_text(pilot), 5, "the folder's new content")
        await recovered(pilot, None, "the banner to go")
        await still_following(pilot, store, "Followed after the folder came back")


@pytest.mark.parametrize("how", ["rmtree", "rename-aside"])
@pytest.mark.parametrize("poll", [None, 0.1], ids=["events", "polling"])
async def test_the_folder_replaced_at_once_is_followed(store, tmp_path, poll, how):
    """A new folder where the old one was, before the watcher looked (a deploy, a sync, a restore)."""
    saved = tmp_path / "saved"
    shutil.copytree(store, saved)
    async with started(store, live=True, poll=poll, size=(120, 50)) as pilot:
        if how == "rmtree":
            shutil.rmtree(store)
        else:
            store.rename(tmp_path / "old-content")
        put_back(store, saved, "A new folder in its place")
        await wait_until(pilot, lambda: "A new folder in its place" in screen_text(pilot), 5, "the new folder's content")
        await recovered(pilot, None, "the banner to go")
        # The old folder is gone from under the watcher: only a watch on the new one sees this.
        await still_following(pilot, store, "Followed in the new folder")


async def test_the_folder_renamed_away_and_back(store, tmp_path):
    async with started(store, live=True, size=(120, 50)) as pilot:
        baseline = items_by_file(pilot.app.state.snapshot)
        away = tmp_path / "away"
        store.rename(away)
        await banner_shows(pilot, MISSING_FOLDER, "the missing folder reported")
        assert items_by_file(pilot.app.state.snapshot) == baseline
        away.rename(store)
        await recovered(pilot, baseline, "the folder back")
        await still_following(pilot, store, "Followed after the folder came back")


# -- polling -----------------------------------------------------------------------------------------------------


async def test_polling_sees_a_second_save_within_the_same_second(store):
    """On a network mount, --poll: a save right after another must not be missed (mtime in whole seconds would)."""
    async with started(store, live=True, poll=0.1, size=(120, 50)) as pilot:
        status = store / "status.yaml"
        original = status.read_text(encoding="utf-8")
        for round_ in range(4):
            for step in ("first", "second"):
                headline = f"Round {round_}, the {step} save"
                with open(status, "w", encoding="utf-8") as handle:  # in place: the same file, a new size and time
                    handle.write(with_headline(original, headline))
                await wait_until(pilot, lambda: headline in screen_text(pilot), 3, headline)
        assert pilot.app.state.problems == ()


# -- the journal beside the store -----------------------------------------------------------------------------------


async def test_the_journal_folder_replaced_by_a_file_does_not_stop_following(store, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    async with started(store, live=True, journal=state / "journal.json", size=(120, 50)) as pilot:
        shutil.rmtree(state)
        state.write_text("not a folder\n")  # the journal can be neither read nor written now
        await still_following(pilot, store, "Followed without a journal")
        await still_following(pilot, store, "And again")
        assert pilot.app.state.problems == ()  # the journal's trouble is not the content's


async def test_one_failed_reload_does_not_end_following(store, monkeypatch):
    import tui.core.model.diff as diff

    real, calls = diff.diff_snapshots, []

    def fails_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("a bug in the diff")
        return real(*args)

    monkeypatch.setattr(diff, "diff_snapshots", fails_once)
    async with started(store, live=True, size=(120, 50)) as pilot:
        status = store / "status.yaml"
        save_by_rename(status, with_headline(status.read_text(encoding="utf-8"), "The reload that fails"))
        await wait_until(pilot, lambda: len(calls) >= 1, 5, "the failing reload")
        await still_following(pilot, store, "The reload after it")
