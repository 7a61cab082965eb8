"""The desk and the content folder's git repository: commit an edit, follow the upstream, say who changed an item.

Real repositories in a temp dir (a bare remote and two clones, each with its own identity), the
content folder a subfolder of each; nothing of git is stood in for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.git import commit_file, ended, git, shared_desk
from tui.core.desk import AddQuote, AddSource, Desk, SetPosition
from tui.core.git.repo import GitError

LAVROV = "meduza-2025-11-25-lavrov"
QUOTE = AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25", source=LAVROV)


def files_of(commit_dir: Path, rev: str = "HEAD") -> list[str]:
    return sorted(git(commit_dir, "show", "--name-only", "--format=", rev).split())


def test_an_edit_with_commit_is_one_commit_of_exactly_its_files_under_the_users_identity(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    # Work of the user's own that the commit must leave alone: a staged change and an unstaged one.
    (shared.a / "events.yaml").write_text((shared.a / "events.yaml").read_text() + "# a note\n")
    (top / "NOTES.md").write_text("staged, not part of the edit\n")
    git(top, "add", "NOTES.md")
    desk = Desk(shared.a, journal=tmp_path / "j.json")
    desk.load()
    applied = desk.apply(QUOTE, commit=True)
    assert applied.git_error is None and applied.commit is not None
    assert files_of(top) == ["content/quotes/2025-11-25.yaml"]
    assert git(top, "log", "-1", "--format=%an <%ae>").strip() == "Anna Editor <anna@example.org>"
    subject = git(top, "log", "-1", "--format=%s").strip()
    assert subject.startswith("New quote: Sergey Lavrov, press conference, 2025-11-25"), subject
    assert "M  NOTES.md" in git(top, "status", "--porcelain") and " M content/events.yaml" in git(top, "status", "--porcelain")
    # The journal knows who made it.
    entry = desk.reloads()[0].entries[0]
    assert entry.author == "Anna Editor" and entry.text.startswith("New quote")


def test_an_edit_a_reader_names_is_theirs_in_the_journal_and_a_trailer_of_its_commit(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    desk = Desk(shared.a, journal=tmp_path / "j.json")
    desk.load()
    # A name typed into a served page, with a line break that would start a trailer of its own.
    applied = desk.apply(QUOTE, commit=True, author="Olena\nSigned-off-by: Someone Else")
    assert applied.git_error is None and applied.commit is not None
    message = git(top, "log", "-1", "--format=%B")
    assert message.splitlines()[0].startswith("New quote: Sergey Lavrov")
    assert git(top, "log", "-1", "--format=%(trailers)").strip() == "Edited-by: Olena Signed-off-by: Someone Else (through the served page)"
    # The commit stays the git user's: the name is the reader's word, not an identity.
    assert git(top, "log", "-1", "--format=%an <%ae>").strip() == "Anna Editor <anna@example.org>"
    entry = desk.reloads()[0].entries[0]
    assert entry.author == "Olena Signed-off-by: Someone Else" and entry.text.startswith("New quote")
    # Without a commit too, the journal names the reader.
    plain = Desk(shared.b, journal=tmp_path / "b.json")
    plain.load()
    plain.record()
    plain.apply(QUOTE, author="Olena")
    assert plain.reloads()[0].entries[0].author == "Olena"


def test_an_edit_writing_two_files_commits_both_and_says_every_change(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    desk = Desk(shared.a, journal="off")
    request = AddQuote(text="We are ready", speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25",
                       new_source=AddSource(outlet="TASS", title="Lavrov speaks"))
    applied = desk.apply(request, commit=True)
    assert applied.commit is not None
    assert files_of(shared.a.parent) == ["content/quotes/2025-11-25.yaml", "content/sources.yaml"]
    message = git(shared.a.parent, "log", "-1", "--format=%B")
    assert message.splitlines()[0].startswith("New quote: Sergey Lavrov")
    assert "- New source: TASS, Lavrov speaks" in message


def test_a_failed_commit_is_said_and_the_edit_stays(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    head = shared.head(shared.a)
    hook = top / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'the desk hook refuses' >&2\nexit 1\n")
    hook.chmod(0o755)
    applied = Desk(shared.a, journal="off").apply(QUOTE, commit=True)
    assert applied.commit is None and applied.git_error is not None
    assert "not committed" in applied.git_error and "the desk hook refuses" in applied.git_error
    assert shared.head(shared.a) == head
    assert "We are ready to talk" in (shared.a / "quotes/2025-11-25.yaml").read_text()


def test_commit_outside_a_repository_is_said(store: Path) -> None:
    applied = Desk(store, journal="off").apply(QUOTE, commit=True)
    assert applied.commit is None and "not in a git repository" in (applied.git_error or "")


def test_a_clone_behind_its_upstream_is_fast_forwarded_and_the_journal_names_the_author(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    a = Desk(shared.a, journal="off")
    a.apply(QUOTE, commit=True)
    a.push()
    b = Desk(shared.b, journal=tmp_path / "b.json")
    b.load()
    b.record()
    b.fetch()
    followed = b.fast_forward()
    assert followed.ok, followed.detail
    assert [(c.author, c.subject[:10]) for c in followed.commits] == [("Anna Editor", "New quote:")]
    assert followed.authors == {"quotes/2025-11-25.yaml": "Anna Editor"}
    assert shared.head(shared.b) == shared.head(shared.a)
    state = b.reload(followed.files)
    assert any(q.text == "We are ready to talk" for q in state.snapshot.quotes)
    b.record()
    [entry] = b.reloads()[0].entries
    assert entry.author == "Anna Editor" and entry.text.startswith("New quote: Sergey Lavrov")
    # Nothing new: nothing done, and it says so.
    b.fetch()
    nothing = b.fast_forward()
    assert (nothing.ok, nothing.note, nothing.upstream, nothing.files) == (True, "up to date", "origin/main", ())


def test_a_dirty_clone_is_left_untouched(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# from A\n", "A note on events")
    git(shared.a.parent, "push", "--quiet")
    edited = (shared.b / "parties.yaml").read_text() + "# Boris is typing\n"
    (shared.b / "parties.yaml").write_text(edited)
    head, events = shared.head(shared.b), (shared.b / "events.yaml").read_bytes()
    desk = Desk(shared.b, journal="off")
    desk.fetch()
    followed = desk.fast_forward()
    assert not followed.ok and followed.note == "1 file not committed"
    assert "content/parties.yaml" in followed.detail and "commit or stash" in followed.detail
    assert shared.head(shared.b) == head and (shared.b / "events.yaml").read_bytes() == events
    assert (shared.b / "parties.yaml").read_text() == edited


DAY = "quotes/2025-11-25.yaml"


def _add_quote(content: Path, text: str) -> None:
    desk = Desk(content, journal="off")
    desk.apply(AddQuote(text=text, speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25", source=LAVROV), commit=True)
    desk.close()


def test_a_diverged_clone_is_merged_item_by_item_without_a_conflict_ever_in_the_folder(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    _add_quote(shared.a, "Anna's quote")
    git(shared.a.parent, "push", "--quiet")
    _add_quote(shared.b, "Boris's quote")  # the same day's file, the same place in it: git alone conflicts
    mine = shared.head(shared.b)
    desk = Desk(shared.b, journal="off")
    desk.fetch()
    followed = desk.fast_forward()
    assert followed.ok and followed.merged and followed.note == "merged", followed
    text = (shared.b / DAY).read_text()
    assert "Anna's quote" in text and "Boris's quote" in text and "<<<<<<<" not in text
    assert git(shared.b.parent, "status", "--porcelain") == ""
    parents = git(shared.b.parent, "log", "-1", "--format=%P").split()
    assert mine in parents and len(parents) == 2
    assert [c.subject for c in followed.commits] == ["New quote: Sergey Lavrov, press conference, 2025-11-25: “Anna's quote”"]
    assert followed.authors == {DAY: "Anna Editor"}  # the colleague's change is theirs, not the merge's
    assert len(git(shared.b.parent, "worktree", "list").splitlines()) == 1
    assert desk.fast_forward().note == "2 commits not pushed"
    desk.close()


def test_the_same_quote_changed_two_ways_is_named_and_nothing_is_touched(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    for content, words in ((shared.a, "welcomed warmly"), (shared.b, "welcomed coldly")):
        path = content / DAY
        path.write_text(path.read_text().replace("text: welcomed\n", f"text: {words}\n", 1))
        git(content.parent, "commit", "--quiet", "-am", f"Say {words}")
    git(shared.a.parent, "push", "--quiet")
    head, tree = shared.head(shared.b), {p: p.read_bytes() for p in shared.b.rglob("*.yaml")}
    desk = Desk(shared.b, journal="off")
    desk.fetch()
    followed = desk.fast_forward()
    assert not followed.ok and followed.note == "diverged: 1 item changed both ways"
    assert "quote lavrov-welcomed: its text was changed two ways (content/quotes/2025-11-25.yaml)" in followed.detail
    assert "Nothing was changed" in followed.detail
    assert shared.head(shared.b) == head and {p: p.read_bytes() for p in shared.b.rglob("*.yaml")} == tree
    assert git(shared.b.parent, "status", "--porcelain") == "" and len(git(shared.b.parent, "worktree", "list").splitlines()) == 1
    desk.close()


def test_no_upstream_is_said(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    git(shared.b.parent, "branch", "--unset-upstream")
    followed = Desk(shared.b, journal="off").fast_forward()
    assert not followed.ok and followed.note == "no upstream" and "--set-upstream-to" in followed.detail


def test_a_fetch_that_fails_raises_with_gits_words(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    git(shared.b.parent, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    with pytest.raises(GitError, match="git fetch failed: .*gone.git"):
        Desk(shared.b, journal="off").fetch()


def test_who_last_changed_an_item_comes_from_blame_over_its_own_lines(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    desk = Desk(shared.a, journal="off")
    desk.load()
    first = desk.last_change("issues", "territory")
    assert first is not None and first.committed and first.author == "Sam Seed" and first.subject == "Start the story"
    # Boris changes Russia's stance on territory, commits and pushes; Anna pulls it.
    b = Desk(shared.b, journal="off")
    b.apply(SetPosition(issue="territory", party="russia", stance="opposes"), commit=True)
    b.push()
    desk.fetch()
    followed = desk.fast_forward()
    desk.reload(followed.files)
    changed = desk.last_change("issues", "territory")
    assert changed is not None and changed.author == "Boris Editor" and changed.subject.startswith("Russia on ")
    assert changed.when is not None
    # The next issue in the file keeps its own author: the edit's lines are not its lines.
    others = [i.id for i in desk.state.snapshot.issues if i.id != "territory"]
    assert {desk.last_change("issues", i).author for i in others} == {"Sam Seed"}  # type: ignore[union-attr]
    # A line changed and not committed: the newest change is that one.
    path = shared.a / "issues.yaml"
    path.write_text(path.read_text().replace("stance: opposes", "stance: insists", 1))
    desk.reload([str(path)])
    assert desk.last_change("issues", "territory").committed is False  # type: ignore[union-attr]
    # A new file never added to git: not committed yet either.
    desk.apply(AddQuote(text="Later", speaker="Sergey Lavrov", medium="press-conference", date="2025-11-24", source=LAVROV))
    new = [q.id for q in desk.state.snapshot.quotes if q.text == "Later"][0]
    assert desk.last_change("quotes", new).committed is False  # type: ignore[union-attr]


def test_not_a_repository_means_no_last_change(store: Path) -> None:
    desk = Desk(store, journal="off")
    desk.load()
    assert desk.repo() is None and desk.last_change("issues", "territory") is None


def test_an_untracked_file_does_not_stop_following_unless_it_is_in_the_way(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    (shared.b / "events.yaml.swp").write_text("an editor's swap file\n")
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# from A\n", "A note on events")
    git(shared.a.parent, "push", "--quiet")
    desk = Desk(shared.b, journal="off")
    desk.fetch()
    followed = desk.fast_forward()
    assert followed.ok and followed.note == "updated" and shared.head(shared.b) == shared.head(shared.a)
    # A colleague adds a file that B has, untracked, with other words in it: git refuses, nothing changes.
    commit_file(shared.a, "quotes/2025-11-30.yaml", "quotes: []\n", "A new day of quotes")
    git(shared.a.parent, "push", "--quiet")
    (shared.b / "quotes/2025-11-30.yaml").write_text("# Boris's draft\n")
    head = shared.head(shared.b)
    desk.fetch()
    refused = desk.fast_forward()
    assert not refused.ok and refused.note == "1 commit held back: content/quotes/2025-11-30.yaml is a local file" and "nothing was changed" in refused.detail
    assert "untracked" in refused.detail and "quotes/2025-11-30.yaml" in refused.detail
    assert shared.head(shared.b) == head and (shared.b / "quotes/2025-11-30.yaml").read_text() == "# Boris's draft\n"


def test_following_runs_no_hook_the_repository_names(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    b_top = shared.b.parent
    # Shared hooks kept in the repository, as some desks do: a colleague's change to one would run on every desk.
    hooks = b_top / "hooks"
    hooks.mkdir()
    ran = tmp_path / "hook-ran"
    for name in ("post-merge", "reference-transaction", "post-checkout"):
        (hooks / name).write_text(f"#!/bin/sh\necho {name} >> {ran}\n")
        (hooks / name).chmod(0o755)
    git(b_top, "config", "core.hooksPath", "hooks")
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# from A\n", "A note on events")
    git(shared.a.parent, "push", "--quiet")
    desk = Desk(shared.b, journal="off")
    desk.load()
    desk.fetch()
    followed = desk.fast_forward()
    assert followed.ok and followed.note == "updated" and (shared.b / "events.yaml").read_text().endswith("# from A\n")
    assert not ran.exists(), ran.read_text()
    git(b_top, "commit", "--quiet", "--allow-empty", "-m", "the hooks do run for the user's own git")
    assert ran.exists()


def test_a_commit_stages_exactly_the_files_written_whatever_their_names(tmp_path: Path) -> None:
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    (shared.a / "quotes" / "[draft].yaml").write_text("quotes: []\n")  # would match the pattern "[draft].yaml": d, r, a, f or t
    (shared.a / "quotes" / "d.yaml").write_text("quotes: []\n")
    git(top, "add", "--", "content/quotes/d.yaml")
    git(top, "commit", "--quiet", "-m", "d")
    (shared.a / "quotes" / "d.yaml").write_text("quotes: []\n# changed, not to be committed\n")
    from tui.core.git.repo import GitRepo

    repo = GitRepo.find(shared.a)
    assert repo is not None
    repo.commit([shared.a / "quotes" / "[draft].yaml"], "The draft file")
    assert files_of(top) == ["content/quotes/[draft].yaml"]
    assert " M content/quotes/d.yaml" in git(top, "status", "--porcelain")


def test_a_git_that_times_out_ends_with_everything_it_started(tmp_path: Path) -> None:
    import time

    from tui.core.git.run import git_in as _git

    # A helper git starts (as ssh or a credential helper would be) that outlives a plain kill of git.
    marker = tmp_path / "child.pid"
    helper = tmp_path / "slow-helper"
    helper.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {marker}\nwait\n")
    helper.chmod(0o755)
    git(tmp_path, "init", "--quiet", "r")
    start = time.monotonic()
    with pytest.raises(GitError, match="took longer than 1 s and was stopped"):
        _git(tmp_path / "r", "-c", f"alias.slow=!{helper}", "slow", timeout=1)
    assert time.monotonic() - start >= 1  # it waited for the timeout, then stopped
    assert ended(int(marker.read_text())), "the helper git started is still running"
