"""`peacewatch import`: an article's quotes proposed with their speakers, and the ones accepted written
with its source and its archived copy as one edit, verbatim. The article is one the project wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.git import git, identity
from tests.helpers.paths import REPO, SHIPPED

ARTICLE = """Talks resume in Geneva

GENEVA — Russian Foreign Minister Sergey Lavrov said on Wednesday that Moscow was “ready to look at the new text” but would not accept “any ultimatum.”

“We will answer when we have read every line,” Lavrov told reporters after the meeting.

A European diplomat said the mood was “cautiously hopeful.”
"""


def peacewatch(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60, input=stdin,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_the_seed_is_proposed_whole_and_every_quote_is_known_to_be_in_the_store(tmp_path: Path) -> None:
    [capture] = [p for p in (SHIPPED / "archive").iterdir()]
    listed = peacewatch("import", str(SHIPPED), str(capture), cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "source: meduza-2025-11-25-lavrov, in the store (this copy is archived there already)" in listed.stdout
    assert listed.stdout.count("[in the store already]") == 12
    text = peacewatch("import", str(SHIPPED), str(capture), "--text", cwd=tmp_path).stdout
    lines = [json.loads(line) for line in peacewatch("import", str(SHIPPED), str(capture), "--json", cwd=tmp_path).stdout.splitlines()]
    assert len(lines) == 12
    for proposal in lines:
        assert text[proposal["start"]:proposal["end"]] == proposal["words"]  # nothing invented
        if proposal["speaker_start"] is not None:
            assert text[proposal["speaker_start"]:proposal["speaker_end"]] == proposal["speaker"]
    assert {p["person"] for p in lines} >= {"sergey-lavrov", "andriy-yermak", "christopher-miller", "donald-trump"}


def test_accepted_quotes_are_written_verbatim_with_a_new_source_and_the_archived_copy_in_one_commit(tmp_path: Path) -> None:
    top = tmp_path / "desk"
    import shutil

    shutil.copytree(SHIPPED, top / "content")
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(top))
    identity(top, "Anna Editor")
    git(top, "add", ".")
    git(top, "commit", "--quiet", "-m", "Start")
    article = tmp_path / "geneva.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    listed = peacewatch("import", "content", str(article), cwd=top)
    assert listed.stdout.startswith(f"{article}: “Talks resume in Geneva”\n")  # a text's first line, a headline, is its title
    assert "  1. “ready to look at the new text” — Sergey Lavrov" in listed.stdout
    assert "  3. “We will answer when we have read every line,” — Lavrov (Sergey Lavrov)" in listed.stdout
    assert "told reporters · press-conference" in listed.stdout and "source: new: no outlet given: --outlet NAME" in listed.stdout

    refused = peacewatch("import", "content", str(article), "--accept", "1", cwd=top)
    assert refused.returncode == 1 and "does not say which outlet published it" in refused.stderr
    assert git(top, "status", "--porcelain") == ""  # nothing left of it, not even the archived copy

    done = peacewatch("import", "content", str(article), "--accept", "1", "3", "--outlet", "Test Wire", "--title",
                      "Talks resume in Geneva", "--date", "2025-11-26", "--commit", cwd=top)
    assert done.returncode == 0, done.stderr
    assert "content/quotes/2025-11-26.yaml" in done.stdout and "committed" in done.stdout
    changed = sorted(git(top, "show", "--name-only", "--format=", "HEAD").split())
    [copy] = [name for name in changed if name.startswith("content/archive/")]
    assert changed == sorted([copy, "content/quotes/2025-11-26.yaml", "content/sources.yaml"])
    assert (top / copy).read_bytes() == article.read_bytes()
    day = (top / "content/quotes/2025-11-26.yaml").read_text(encoding="utf-8")
    assert "    text: ready to look at the new text\n" in day and "    text: We will answer when we have read every line,\n" in day
    assert day.count("source: test-wire-2025-11-26-talks-resume-in-geneva") == 2
    verified = peacewatch("verify", "content", "--json", cwd=top)
    states = {q["id"]: q["state"] for q in json.loads(verified.stdout)["quotes"]}
    assert states["lavrov-ready-to-look-at-the"] == states["lavrov-we-will-answer-when-we"] == "verbatim"

    again = peacewatch("import", "content", str(article), "--accept", "3", cwd=top)
    assert again.returncode == 2 and "in the store already" in again.stderr
    pasted = peacewatch("import", "content", "-", cwd=top, stdin=ARTICLE)
    assert "source: test-wire-2025-11-26-talks-resume-in-geneva, in the store (this copy is archived there already)" in pasted.stdout
