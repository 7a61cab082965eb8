"""`peacewatch edit`, `remove`, `revert` and `add party|person|issue|deadline`, run as an editor runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers.edits import assert_changed

LAVROV = "meduza-2025-11-25-lavrov"


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_a_second_story_from_new_to_a_full_store_without_an_editor(tmp_path: Path):
    steps = [
        ("new", "story"),
        ("add", "source", "story", "--outlet", "The Wire", "--title", "Talks open", "--date", "2025-11-25"),
        ("add", "party", "story", "--name", "Republic of Northland", "--short", "Northland", "--role", "belligerent"),
        ("add", "party", "story", "--name", "Southland", "--role", "belligerent"),
        ("add", "person", "story", "--party", "northland", "--name", "A. Envoy", "--title", "Chief negotiator"),
        ("add", "issue", "story", "--title", "The border line", "--status", "contested", "--source", "the-wire-2025-11-25-talks-open"),
        ("set", "position", "story", "--issue", "the-border-line", "--party", "northland", "--stance", "insists",
         "--source", "the-wire-2025-11-25-talks-open"),
        ("add", "deadline", "story", "--date", "2025-12-01", "--what", "Talks resume", "--source", "the-wire-2025-11-25-talks-open"),
        ("add", "quote", "story", "--text", "Not one metre", "--speaker", "A. Envoy", "--party", "northland", "--medium", "interview",
         "--source", "the-wire-2025-11-25-talks-open", "--date", "2025-11-25"),
        ("edit", "story", "story", "--title", "Northland talks", "--as-of", "2025-11-25"),
        ("edit", "status", "story", "--headline", "Talks open in Geneva", "--source", "the-wire-2025-11-25-talks-open"),
    ]
    for step in steps:
        run = peacewatch(*step, cwd=tmp_path)
        assert run.returncode == 0, (step, run.stdout, run.stderr)
    check = peacewatch("check", "story", cwd=tmp_path)
    assert check.returncode == 0 and "2 parties, 1 issue, 1 quote" in check.stderr + check.stdout, check.stderr + check.stdout


def test_edit_quote_fixes_a_typo_with_a_one_line_diff(store: Path):
    path = store / "quotes/2025-11-25.yaml"
    old = path.read_bytes()
    run = peacewatch("edit", "quote", "content", "lavrov-welcomed", "--text", "welcomed it", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("content/quotes/2025-11-25.yaml:") and "changed quote lavrov-welcomed: text" in run.stdout
    assert_changed(old, path.read_bytes(), ["    text: welcomed"], ["    text: welcomed it"])


def test_edit_a_person_and_a_deadline_by_their_addresses(store: Path):
    run = peacewatch("edit", "person", "content", "russia/vladimir-putin", "--title", "President of Russia", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    run = peacewatch("edit", "deadline", "content", "2", "--outcome", "slipped", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert "outcome: slipped" in (store / "story.yaml").read_text(encoding="utf-8")
    bad = peacewatch("edit", "person", "content", "vladimir-putin", "--title", "x", cwd=store.parent)
    assert bad.returncode == 1 and "PARTY/PERSON" in bad.stderr


def test_remove_refuses_while_cited_and_names_what_cites_it(store: Path):
    before = (store / "sources.yaml").read_bytes()
    run = peacewatch("remove", "source", "content", LAVROV, cwd=store.parent)
    assert run.returncode == 1
    assert "cite this source" in run.stderr and "nothing was written" in run.stderr
    assert (store / "sources.yaml").read_bytes() == before
    run = peacewatch("remove", "quote", "content", "yermak-as-soon-as-possible", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert "yermak-as-soon-as-possible" not in (store / "quotes/2025-11-25.yaml").read_text(encoding="utf-8")


def test_revert_takes_back_the_last_change_and_refuses_a_second_time(store: Path, tmp_path: Path):
    journal = str(tmp_path / "journal.json")
    path = store / "issues.yaml"
    original = path.read_text(encoding="utf-8")
    assert peacewatch("changes", "content", "--journal", journal, cwd=store.parent).returncode == 0
    path.write_text(original.replace("stance: conditional", "stance: opposes", 1), encoding="utf-8")
    listed = peacewatch("changes", "content", "--journal", journal, cwd=store.parent)
    assert "#1 Russia on Territory: stance conditional → opposes" in listed.stdout, listed.stdout
    run = peacewatch("revert", "content", "1", "--journal", journal, cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert path.read_text(encoding="utf-8") == original
    again = peacewatch("revert", "content", "1", "--journal", journal, cwd=store.parent)
    assert again.returncode == 1 and "changed since" in again.stderr


def test_edit_event_gives_a_meeting_its_people_and_refuses_an_unknown_one_where_it_stands(store: Path):
    path = store / "events.yaml"
    old = path.read_bytes()
    bad = peacewatch("edit", "event", "content", "abu-dhabi-meeting", "--participants", "russia/sergey-lavrow", cwd=store.parent)
    assert bad.returncode == 1 and path.read_bytes() == old
    said = re.search(r"content/events.yaml:(\d+):9: unknown person 'russia/sergey-lavrow'; did you mean 'russia/sergey-lavrov'\?", bad.stderr)
    assert said, bad.stderr
    run = peacewatch("edit", "event", "content", "abu-dhabi-meeting", "--participants", "russia/sergey-lavrov",
                     "--participants", "rustem-umerov", "--format", "video", "--mediator", "united-states", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    new = path.read_bytes()
    assert_changed(old, new, ["    format: in-person"], ["    format: video", "    mediator: united-states", "    participants:",
                                  "      - russia/sergey-lavrov", "      - rustem-umerov"])
    # Where the refused one stood, a line lower: the mediator went in above it.
    assert new.decode().splitlines()[int(said[1])] == "      - russia/sergey-lavrov"
