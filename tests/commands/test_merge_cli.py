"""`peacewatch desk init` and the merge driver git runs, on a real desk: a bare remote and clones A and B,
each set up with `desk init`, .gitattributes committed by A and pulled by B. Both edit the same files;
A pushes; B pulls, by merge or by rebase."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.git import git, shared_desk
from tui.core.desk import NO_JOURNAL, Desk
from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS

DAY = "quotes/2025-11-25.yaml"
TERRITORY = "  - id: territory\n"


def on_territory(issues: str, party: str, stance: str) -> str:
    """The issues file with one position of the territory issue given another stance."""
    before, territory = issues.split(TERRITORY)
    head, position = territory.split(f"      - party: {party}\n        stance: ", 1)
    old = position.split("\n", 1)[0]
    assert old != stance
    return before + TERRITORY + head + f"      - party: {party}\n        stance: {stance}" + position[len(old):]


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=dict(os.environ))


def quote(qid: str, text: str) -> str:
    # Cites a source with no archived copy: these words are not in the seed article.
    return f"\n  - id: {qid}\n    text: {text}\n    speaker: Sergey Lavrov\n    medium: press-conference\n    source: meduza-thanksgiving-deadline\n"


def commit(content: Path, relative: str, text: str, message: str) -> None:
    (content / relative).write_text(text, encoding="utf-8")
    git(content.parent, "commit", "--quiet", "-am", message)


def desk_with_driver(tmp_path: Path):
    shared = shared_desk(tmp_path)
    init = peacewatch("desk", "init", "content", cwd=shared.a.parent)
    assert init.returncode == 0, init.stderr
    assert "added `content/**/*.yaml merge=peacewatch`" in init.stdout and "Commit .gitattributes" in init.stdout
    assert "each person run `peacewatch desk init` once" in init.stdout
    git(shared.a.parent, "add", ".gitattributes")
    git(shared.a.parent, "commit", "--quiet", "-m", "Merge content files item by item")
    git(shared.a.parent, "push", "--quiet")
    git(shared.b.parent, "pull", "--quiet")
    init = peacewatch("desk", "init", cwd=shared.b)  # from inside the story, as other commands find it
    assert init.returncode == 0 and "already names the merge driver" in init.stdout, init.stderr
    return shared


@pytest.mark.parametrize("how", ["--no-rebase", "--rebase"])
def test_two_quotes_at_one_place_and_two_positions_of_one_issue_merge_cleanly_by_pull(tmp_path: Path, how: str) -> None:
    shared = desk_with_driver(tmp_path)
    day, issues = (shared.a / DAY).read_text(), (shared.a / "issues.yaml").read_text()
    anna, boris = quote("anna-quote", "We are ready"), quote("boris-quote", "We are not ready")
    commit(shared.a, DAY, day + anna, "Anna's quote")
    commit(shared.a, "issues.yaml", on_territory(issues, "russia", "opposes"), "Russia opposes")
    git(shared.a.parent, "push", "--quiet")
    commit(shared.b, DAY, day + boris, "Boris's quote")
    commit(shared.b, "issues.yaml", on_territory(issues, "ukraine", "conditional"), "Ukraine conditional")
    pulled = subprocess.run(["git", "pull", how, "--no-edit"], cwd=shared.b.parent, capture_output=True, text=True, timeout=60)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    # A merge keeps B's order (ours), A's quote after; a rebase replays B's commit on A's (ours is A's).
    first, second = (boris, anna) if how == "--no-rebase" else (anna, boris)
    assert (shared.b / DAY).read_text() == day + first + second
    assert (shared.b / "issues.yaml").read_text() == on_territory(on_territory(issues, "russia", "opposes"), "ukraine", "conditional")
    state = Desk(shared.b, journal=NO_JOURNAL).load()
    assert state.problems == ()
    snapshot = state.snapshot
    assert {"anna-quote", "boris-quote"} <= set(snapshot.quote_by_id)
    stances = {p.party: p.stance for p in snapshot.issue_by_id["territory"].positions}
    assert (stances["russia"], stances["ukraine"]) == ("opposes", "conditional")
    assert git(shared.b.parent, "status", "--porcelain").strip() == ""


def test_one_quotes_text_changed_two_ways_is_a_conflict_around_that_quote_that_check_names(tmp_path: Path) -> None:
    shared = desk_with_driver(tmp_path)
    day = (shared.a / DAY).read_text()
    said = "    text: welcomed\n"
    assert day.count(said) == 1
    commit(shared.a, DAY, day.replace(said, "    text: welcomed it\n"), "Anna's wording")
    git(shared.a.parent, "push", "--quiet")
    commit(shared.b, DAY, day.replace(said, "    text: “welcomed”\n"), "Boris's wording")
    pulled = subprocess.run(["git", "pull", "--no-rebase", "--no-edit"], cwd=shared.b.parent, capture_output=True, text=True, timeout=60)
    assert pulled.returncode != 0
    assert "CONFLICT (content): Merge conflict in content/quotes/2025-11-25.yaml" in pulled.stdout
    assert "peacewatch merge: content/quotes/2025-11-25.yaml:28: quote lavrov-welcomed: its text was changed two ways" in pulled.stderr
    text = (shared.b / DAY).read_text()
    assert text.count(OURS) == text.count(BETWEEN + "\n") == text.count(THEIRS) == 1
    before, rest = text.split(NOTE, 1)
    marked, after = rest.split(THEIRS + "\n", 1)
    start = day.index("  - id: lavrov-welcomed")
    end = day.index("\n  - id: lavrov-anchorage")
    assert before == day[:start] and after == day[end:]  # only the quote is between markers
    versions = marked.split("\n", 2)[2].split(BETWEEN + "\n")
    assert versions == [day[start:end].replace(said, "    text: “welcomed”\n"), day[start:end].replace(said, "    text: welcomed it\n")]
    check = peacewatch("check", "content", cwd=shared.b.parent)
    assert check.returncode == 1
    assert check.stdout.startswith("content/quotes/2025-11-25.yaml:29:1: quote lavrov-welcomed: an unresolved merge conflict (lines 28–")
    assert "): its text was changed two ways" in check.stdout


def test_desk_init_refuses_the_demo_and_a_story_outside_a_repository(tmp_path: Path, shipped: Path) -> None:
    nowhere = peacewatch("desk", "init", cwd=tmp_path)
    assert nowhere.returncode == 2 and "holds no story" in nowhere.stderr
    story = tmp_path / "story"
    story.mkdir()
    (story / "story.yaml").write_bytes((shipped / "story.yaml").read_bytes())
    outside = peacewatch("desk", "init", str(story), cwd=tmp_path)
    assert outside.returncode == 2 and "is not in a git repository" in outside.stderr
    assert not (tmp_path / ".gitattributes").exists()
