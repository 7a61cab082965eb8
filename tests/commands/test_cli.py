"""`peacewatch` itself: its help, its refusals, and the app its options build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.cli import parse
from tui.commands.dashboard import build_app


def peacewatch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


def test_help_explains_the_folder_every_option_and_every_command():
    result = peacewatch("--help")
    assert result.returncode == 0
    for words in ("DIR", "shipped demo", "--poll", "--journal", "--no-journal", "--bell", "--max-file-mb", "--max-values"):
        assert words in result.stdout, words
    for command in ("check", "changes", "brief", "add", "set", "schema", "new"):
        assert f"peacewatch {command}" in result.stdout, command


def test_a_missing_folder_and_a_bad_poll_are_refused_before_any_screen(tmp_path):
    missing = peacewatch(str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    poll = peacewatch(str(tmp_path), "--poll", "0")
    assert poll.returncode == 2 and "--poll" in poll.stderr


def test_the_options_reach_the_app(tmp_path, shipped):
    journal = tmp_path / "journal.json"
    app = build_app(parse([str(shipped), "--poll", "2", "--journal", str(journal), "--bell", "--max-file-mb", "1"]))
    assert (app.root, app.poll, app.journal, app.ring_bell) == (shipped, 2.0, journal, True)
    assert app.limits.max_file_bytes == 1024 * 1024
    quiet = build_app(parse([str(shipped), "--no-journal"]))
    assert (quiet.journal, quiet.ring_bell, quiet.poll) == ("off", False, None)


def test_no_folder_outside_a_story_means_the_shipped_story_read_only(shipped, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = build_app(parse([]))
    assert app.root.resolve() == Path(shipped).resolve() and app.read_only


def test_no_folder_inside_a_story_means_that_story(shipped, tmp_path, monkeypatch):
    monkeypatch.chdir(shipped / "quotes")  # a folder of the story, not the story's own: not a story
    assert build_app(parse([])).read_only
    monkeypatch.chdir(shipped)
    app = build_app(parse([]))
    assert app.root.resolve() == Path(shipped).resolve() and not app.read_only


def test_notify_urls_and_deadline_hours_reach_the_app_and_a_bad_one_is_refused(store):
    app = build_app(parse([str(store), "--notify", "json://127.0.0.1:9/", "--notify", "json://127.0.0.1:8/", "--deadline-alert", "6"]))
    assert app.news.alerts.urls == ("json://127.0.0.1:9/", "json://127.0.0.1:8/")
    assert app.news.alerts.deadline_hours == 6
    refused = peacewatch(str(store), "--notify", "nosuchscheme://x")
    assert refused.returncode == 2 and "--notify nosuchscheme://…" in refused.stderr
    assert peacewatch(str(store), "--deadline-alert", "0").returncode == 2


def test_several_folders_open_as_stories_of_one_dashboard_and_a_missing_one_is_refused(tmp_path, shipped):
    app = build_app(parse([str(shipped), str(tmp_path), "--no-journal"]))
    assert app.root == shipped and [story.root for story in app.stories.others] == [tmp_path]
    missing = peacewatch(str(shipped), str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "nowhere: no such folder" in missing.stderr
