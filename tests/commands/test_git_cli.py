"""`peacewatch add` and `set` with --commit and --push, and the PEACEWATCH_COMMIT setting, as real
subprocesses on real repositories (a bare remote and two clones, the content a subfolder of each)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers.git import git, shared_desk

LAVROV = "meduza-2025-11-25-lavrov"
QUOTE = ("add", "quote", "content", "--text", "We are ready to talk", "--speaker", "Sergey Lavrov",
         "--medium", "press-conference", "--date", "2025-11-25", "--source", LAVROV)


def peacewatch(*args: str, cwd: Path, setting: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PEACEWATCH_COMMIT"}
    if setting is not None:
        env["PEACEWATCH_COMMIT"] = setting
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=env)


def subject(top: Path, rev: str = "HEAD") -> str:
    return git(top, "log", "-1", "--format=%s", rev).strip()


def test_add_with_push_commits_exactly_the_quote_and_pushes_it(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    (top / "NOTES.md").write_text("an unrelated change, not committed\n")
    run = peacewatch(*QUOTE, "--push", cwd=top)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "content/quotes/2025-11-25.yaml:91: added quote lavrov-we-are-ready-to-talk"
    sha = git(top, "rev-parse", "--short=7", "HEAD").strip()
    assert lines[1] == f"committed {sha}: {subject(top)}" and subject(top).startswith("New quote: Sergey Lavrov, press conference")
    assert lines[2] == "pushed to origin/main"
    assert git(top, "show", "--name-only", "--format=", "HEAD").split() == ["content/quotes/2025-11-25.yaml"]
    assert git(top, "log", "-1", "--format=%an").strip() == "Anna Editor"
    assert git(shared.remote, "rev-parse", "main").strip() == git(top, "rev-parse", "HEAD").strip()
    assert " M NOTES.md" in git(top, "status", "--porcelain")


def test_the_setting_commits_without_the_option_and_no_commit_overrides_it(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    head = git(top, "rev-parse", "HEAD").strip()
    run = peacewatch("set", "position", "content", "--issue", "territory", "--party", "russia", "--stance", "opposes",
                     cwd=top, setting="1")
    assert run.returncode == 0, run.stderr
    assert subject(top).startswith("Russia on ") and "opposes" in subject(top)
    assert git(top, "rev-parse", "HEAD~1").strip() == head
    assert git(shared.remote, "rev-parse", "main").strip() == head  # committed, not pushed
    run = peacewatch(*QUOTE, "--no-commit", cwd=top, setting="push")
    assert (run.returncode, len(run.stdout.splitlines())) == (0, 1), run.stderr
    assert subject(top).startswith("Russia on ")
    assert "?? content/quotes/" not in git(top, "status", "--porcelain") and " M content/quotes/2025-11-25.yaml" in git(top, "status", "--porcelain")


def test_a_setting_that_means_nothing_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    before = (shared.a / "quotes/2025-11-25.yaml").read_bytes()
    run = peacewatch(*QUOTE, cwd=shared.a.parent, setting="maybe")
    assert run.returncode == 2
    assert "PEACEWATCH_COMMIT='maybe' means nothing to peacewatch: use 1" in run.stderr
    assert (shared.a / "quotes/2025-11-25.yaml").read_bytes() == before


def test_a_push_that_fails_is_said_with_exit_3_and_the_commit_and_edit_stay(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    git(top, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    run = peacewatch(*QUOTE, "--push", cwd=top)
    assert run.returncode == 3
    assert "peacewatch add quote: committed, but not pushed: git push failed:" in run.stderr and "gone.git" in run.stderr
    assert subject(top).startswith("New quote: Sergey Lavrov")
    assert "We are ready to talk" in (shared.a / "quotes/2025-11-25.yaml").read_text()


def test_commit_outside_a_repository_is_said_with_exit_3_and_the_edit_stays(store: Path) -> None:
    run = peacewatch(*QUOTE, "--commit", cwd=store.parent)
    assert run.returncode == 3
    assert run.stderr.splitlines()[-1] == "peacewatch add quote: the content folder is not in a git repository, so the edit was not committed"
    assert "We are ready to talk" in (store / "quotes/2025-11-25.yaml").read_text()


def test_the_dashboard_refuses_a_follow_interval_of_zero(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    run = peacewatch("content", "--follow-git", "0", cwd=shared.a.parent)
    assert run.returncode == 2 and "--follow-git takes a number of seconds greater than 0" in run.stderr


def test_changes_names_the_author_the_dashboard_recorded(tmp_path: Path) -> None:
    from tui.core.desk import AddQuote, Desk

    shared = shared_desk(tmp_path)
    journal = tmp_path / "journal.json"
    desk = Desk(shared.a, journal=journal)  # as the dashboard with --commit records its own edit
    desk.load()
    desk.record()
    desk.apply(AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25", source=LAVROV),
               commit=True)
    desk.close()
    run = peacewatch("changes", "content", "--journal", str(journal), "--no-record", cwd=shared.a.parent)
    assert run.returncode == 0, run.stderr
    [line] = [line for line in run.stdout.splitlines() if "New quote" in line]
    assert re.match(r"  #\d+ New quote: Sergey Lavrov", line) and line.endswith("(quotes/2025-11-25.yaml) · by Anna Editor")


def test_wake_names_the_story_folder_and_never_claims_to_have_woken_nobody(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.b.parent
    run = peacewatch("wake", str(top), cwd=tmp_path)  # the repository's top, as a hook author might write
    assert run.returncode == 2 and "holds no story" in run.stderr and f"`peacewatch wake {top / 'content'}`" in run.stderr
    run = peacewatch("wake", str(shared.b), cwd=tmp_path)
    assert run.returncode == 0 and "no dashboard on this machine follows" in run.stderr and "nothing was woken" in run.stderr
