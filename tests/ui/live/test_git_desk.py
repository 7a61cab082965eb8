"""A desk sharing the story through git: two dashboards on two clones of one remote.

Real repositories in a temp dir (a bare remote, clones A and B with their own identities, the
content a subfolder of each); real key presses; what is checked is what each screen shows, and
git's own account of each clone (HEAD, files) where a clone must be left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers.forms import choose, open_form, save, type_into
from tests.helpers.git import commit_file, git, shared_desk
from tests.helpers.pilot import FIXED_NOW, screen_text, started, wait_until
from tui.ui.app import PeacewatchApp
from tui.ui.screens.detail import DetailScreen

FOLLOW = 0.3
"""The follow interval in these tests: short, so news shows within a second or two."""


async def add_quote(pilot, text: str) -> None:
    await open_form(pilot, "a")
    await type_into(pilot, "text", text)
    await type_into(pilot, "speaker", "Sergey Lavrov")
    await type_into(pilot, "date", "2025-11-25")
    await choose(pilot, "medium", "press conference")
    await choose(pilot, "source", "Meduza")
    await save(pilot)

async def more_looks(pilot, content: Path, looks: int = 3) -> None:
    """Wait until the app has looked upstream `looks` more times. Each look fetches (git rewrites
    the clone's FETCH_HEAD), then compares and, where that is safe, fast-forwards; a fetch begins
    only once the look before it has ended, so all but the last look are over when this returns."""
    fetch_head = content.parent / ".git" / "FETCH_HEAD"
    seen: set[int] = set()

    def fetched() -> bool:
        try:
            seen.add(fetch_head.stat().st_mtime_ns)
        except FileNotFoundError:
            pass
        return len(seen) > looks

    await wait_until(pilot, fetched, timeout=looks * FOLLOW + 15, what=f"{looks} more looks upstream")


class AnswerKeepingApp(PeacewatchApp):
    """The app, keeping each answer to who last changed an item as the full view receives it."""

    CSS_PATH = Path(sys.modules[PeacewatchApp.__module__].__file__).with_name(PeacewatchApp.CSS_PATH)  # a subclass's is relative to its own file

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.answers: list = []
        asked = self.git.last_change

        async def keeping(section: str, item_id: str):
            found = await asked(section, item_id)
            self.answers.append(found)
            return found

        self.git.last_change = keeping  # type: ignore[method-assign]  # observed, not replaced: the real answer is passed on

async def test_an_edit_committed_and_pushed_from_a_shows_on_bs_dashboard_with_its_author(tmp_path):
    shared = shared_desk(tmp_path)
    async with (
        started(shared.a, live=True, commit=True, push=True, size=(120, 50), notifications=True) as pa,
        started(shared.b, live=True, follow_git=FOLLOW, journal=tmp_path / "b-journal.json", notifications=True) as pb,
    ):
        await wait_until(pb, lambda: "git origin/main ✓ up to date" in screen_text(pb), what="B's title to say it follows origin/main")
        await add_quote(pa, "We are ready to talk in Geneva")
        await wait_until(pa, lambda: "Pushed to origin/main" in screen_text(pa), timeout=15, what="A's push")
        assert "Saved and committed" in screen_text(pa)
        assert "New quote: Sergey Lavrov" in git(shared.a.parent, "log", "-1", "--format=%s")
        # B follows: the quote on screen, and a notification naming the commit's author and message.
        # Within the follow interval, plus what git and a reload take on a busy two-core machine.
        await wait_until(pb, lambda: "We are ready to talk in Geneva" in screen_text(pb), timeout=FOLLOW + 4, what="the quote on B")
        await wait_until(pb, lambda: "1 commit from origin/main" in screen_text(pb), what="the notification on B")
        shown = screen_text(pb)
        assert "Anna Editor: New quote: Sergey Lavrov" in shown
        assert shared.head(shared.b) == shared.head(shared.a)
        # B's journal keeps who made the change.
        await pb.press("c")
        await wait_until(pb, lambda: "Anna Editor · New quote: Sergey Lavrov" in screen_text(pb), what="the author in B's changes")
        await pb.press("escape")
        # The full view of the quote says who last changed it, from git.
        await pb.press("4", "g", "enter")
        await wait_until(pb, lambda: "Last changed by Anna Editor" in screen_text(pb), what="the author in the full view")
        assert "New quote: Sergey Lavrov" in screen_text(pb)


async def test_a_dirty_clone_is_reported_on_screen_and_left_untouched(tmp_path):
    shared = shared_desk(tmp_path)
    commit_file(shared.a, "events.yaml", (shared.a / "events.yaml").read_text() + "# from A\n", "A note on events")
    git(shared.a.parent, "push", "--quiet")
    typed = (shared.b / "parties.yaml").read_text() + "# Boris, not committed\n"
    (shared.b / "parties.yaml").write_text(typed)
    head, events = shared.head(shared.b), (shared.b / "events.yaml").read_bytes()
    async with started(shared.b, live=True, follow_git=FOLLOW, notifications=True) as pilot:
        await wait_until(pilot, lambda: "git origin/main ⚠ 1 file not committed" in screen_text(pilot), what="the title to say why")
        await wait_until(pilot, lambda: "content/parties.yaml" in screen_text(pilot), what="the notification naming the file")
        await more_looks(pilot, shared.b)  # several more looks: still nothing touched
        assert shared.head(shared.b) == head
        assert (shared.b / "events.yaml").read_bytes() == events and (shared.b / "parties.yaml").read_text() == typed


async def test_a_diverged_clone_merges_item_by_item_and_pushes_or_names_the_quote_changed_both_ways(tmp_path):
    from tui.core.desk import AddQuote, Desk

    shared = shared_desk(tmp_path)
    for content, text in ((shared.a, "Anna's own words"), (shared.b, "Boris's own words")):
        desk = Desk(content, journal="off")
        desk.apply(AddQuote(text=text, speaker="Sergey Lavrov", medium="press-conference", date="2025-11-25",
                            source="meduza-2025-11-25-lavrov"), commit=True)
        desk.close()
    git(shared.a.parent, "push", "--quiet")
    async with started(shared.b, live=True, follow_git=FOLLOW, push=True, commit=True, notifications=True) as pilot:
        await wait_until(pilot, lambda: "Anna's own words" in screen_text(pilot), timeout=15, what="A's quote merged in on B")
        assert "Boris's own words" in screen_text(pilot)
        await wait_until(pilot, lambda: git(shared.b.parent, "rev-parse", "origin/main").strip() == shared.head(shared.b),
                         timeout=15, what="the merge pushed")
        assert "<<<<<<<" not in (shared.b / "quotes/2025-11-25.yaml").read_text()

    # The same quote changed two ways: named, and nothing touched.
    day = "quotes/2025-11-25.yaml"
    for content, words in ((shared.b, "welcomed warmly"), (shared.a, "welcomed coldly")):
        git(content.parent, "pull", "--quiet", "--no-rebase")
        commit_file(content, day, (content / day).read_text().replace("text: welcomed\n", f"text: {words}\n", 1), f"Say {words}")
    git(shared.a.parent, "push", "--quiet")
    head, before = shared.head(shared.b), (shared.b / day).read_bytes()
    async with started(shared.b, live=True, follow_git=FOLLOW, size=(80, 24), notifications=True) as pilot:
        # At 80 columns the upstream's name gives way to the story's title; the trouble is still said.
        await wait_until(pilot, lambda: "git ⚠ diverged: 1 item changed both ways" in screen_text(pilot).splitlines()[0],
                         timeout=15, what="the title to say what diverged")
        await wait_until(pilot, lambda: "quote lavrov-welcomed: its text was" in screen_text(pilot), what="the notification naming the quote")
        assert "changed two ways" in screen_text(pilot) and "(content/quotes/2025-11-25.yaml)" in screen_text(pilot)
        await more_looks(pilot, shared.b)
        assert shared.head(shared.b) == head and (shared.b / day).read_bytes() == before


async def test_a_full_view_says_not_committed_yet_and_nothing_outside_a_repository(tmp_path, store):
    shared = shared_desk(tmp_path)
    path = shared.a / "issues.yaml"
    async with started(shared.a, live=True) as pilot:
        await pilot.press("3", "g", "enter")
        await wait_until(pilot, lambda: "Last changed by Sam Seed" in screen_text(pilot), what="the seed's commit")
        first = pilot.app.state.snapshot.issues[0].id
        text = path.read_text()
        marker = f"  - id: {first}\n"
        assert marker in text
        path.write_text(text.replace(marker, marker + "    # Anna is checking this\n", 1))
        await wait_until(pilot, lambda: "Last changed: not committed yet" in screen_text(pilot), what="the uncommitted line")
    async with started(AnswerKeepingApp(store, journal="off", clock=lambda: FIXED_NOW)) as pilot:
        await pilot.press("3", "g", "enter")
        # The full view asked who last changed the item, and had its answer: none, outside a repository.
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen) and pilot.app.answers, what="the answer to who changed it")
        await pilot.pause()
        assert pilot.app.answers == [None]
        assert "Last changed" not in screen_text(pilot) and "git" not in screen_text(pilot).lower()


async def test_a_push_that_fails_is_notified_and_the_committed_edit_stays(tmp_path):
    shared = shared_desk(tmp_path)
    top = shared.a.parent
    git(top, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    async with started(shared.a, live=True, push=True, size=(120, 50), notifications=True) as pilot:
        await add_quote(pilot, "We are ready to talk in Geneva")
        await wait_until(pilot, lambda: "Push failed" in screen_text(pilot), timeout=15, what="the failed push on screen")
        assert "saved and committed, but not pushed" in screen_text(pilot)
        assert "We are ready to talk in Geneva" in screen_text(pilot)
    assert git(top, "log", "-1", "--format=%s").startswith("New quote: Sergey Lavrov")
    assert "We are ready to talk in Geneva" in (shared.a / "quotes/2025-11-25.yaml").read_text()


async def test_commit_asked_for_outside_a_repository_is_notified_and_the_edit_stays(store):
    async with started(store, live=True, commit=True, size=(120, 50), notifications=True) as pilot:
        await add_quote(pilot, "We are ready to talk in Geneva")
        await wait_until(pilot, lambda: "Not committed" in screen_text(pilot), what="the notice")
        assert "not in a git repository" in screen_text(pilot) and "Saved and committed" not in screen_text(pilot)
    assert "We are ready to talk in Geneva" in (store / "quotes/2025-11-25.yaml").read_text()


async def test_a_wake_up_brings_a_push_in_at_once_not_at_the_next_timed_look(tmp_path):
    import subprocess
    import time

    from tests.helpers.paths import REPO
    from tui.core.desk import AddQuote, Desk

    shared = shared_desk(tmp_path)
    async with started(shared.b, live=True, follow_git=120, notifications=True) as pb:
        await wait_until(pb, lambda: "git origin/main ✓ up to date" in screen_text(pb), timeout=15, what="B's first look upstream")
        a = Desk(shared.a, journal="off")
        a.apply(AddQuote(text="Woken within a second", speaker="Sergey Lavrov", medium="press-conference",
                         date="2025-11-25", source="meduza-2025-11-25-lavrov"), commit=True)
        a.push()
        a.close()
        # What a post-receive hook runs (the next timed look is two minutes away).
        woken = subprocess.run([sys.executable, "-m", "tui", "wake", str(shared.b)], capture_output=True, text=True, cwd=REPO, timeout=30)
        assert woken.returncode == 0 and f"woke 1 dashboard following {shared.b}" in woken.stderr, woken.stderr
        start = time.monotonic()
        await wait_until(pb, lambda: "Woken within a second" in screen_text(pb), timeout=10, what="the pushed quote on B")
        assert time.monotonic() - start < 5  # a look, a fetch and a reload on a busy machine: well under the timer
