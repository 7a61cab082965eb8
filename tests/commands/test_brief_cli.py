"""`peacewatch brief` as a newsroom runs it: real subprocesses on real folders, and a real journal for --since."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from tests.helpers.minimal_store import QUOTES, write_store
from tests.helpers.paths import REPO

BOX_DRAWING = re.compile(r"[\u2500-\u259f]")


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def headings(markdown: str) -> list[tuple[str, str]]:
    parsed = MarkdownIt("commonmark").parse(markdown)
    return [(t.tag, parsed[i + 1].content) for i, t in enumerate(parsed) if t.type == "heading_open"]


def test_brief_of_the_shipped_content_in_both_formats(tmp_path: Path) -> None:
    content = REPO / "content"
    markdown = peacewatch("brief", str(content), cwd=tmp_path)
    assert (markdown.returncode, markdown.stderr) == (0, "")
    assert headings(markdown.stdout)[:3] == [("h1", "Trump’s peace plan for the war in Ukraine"), ("h2", "Where the deal stands"), ("h2", "Deadlines")]
    assert "“If the spirit and letter of Anchorage" in markdown.stdout
    text = peacewatch("brief", str(content), "--format", "text", cwd=tmp_path)
    assert (text.returncode, text.stderr) == (0, "")
    assert not BOX_DRAWING.search(text.stdout) and "**" not in text.stdout and not re.search(r"(?m)^#", text.stdout)
    assert "\nKEY QUOTES\n" in text.stdout
    assert max(len(line) for line in text.stdout.splitlines()) <= 72
    assert text.stdout != markdown.stdout


def test_output_file_and_refusals(tmp_path: Path) -> None:
    store = write_store(tmp_path / "content")
    done = peacewatch("brief", "content", "-o", "brief.md", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == "" and "written to brief.md" in done.stderr
    assert headings((tmp_path / "brief.md").read_text(encoding="utf-8"))[0] == ("h1", "Ceasefire talks")
    inside = peacewatch("brief", "content", "-o", "content/brief.md", cwd=tmp_path)
    assert inside.returncode == 2 and "may not be written inside the content folder" in inside.stderr
    assert not (store / "brief.md").exists()
    missing = peacewatch("brief", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2 and "nowhere: no such folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = peacewatch("brief", "empty", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (2, "")
    assert empty.stderr == "peacewatch brief: empty: no content found (is this a peacewatch content folder? see peacewatch new)\n"
    bad = peacewatch("brief", "content", "--format", "html", cwd=tmp_path)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_a_broken_file_is_said_and_the_brief_still_written(tmp_path: Path) -> None:
    write_store(tmp_path / "content", quotes_yaml="quotes:\n  - id: [unclosed\n")
    done = peacewatch("brief", "content", "--format", "text", cwd=tmp_path)
    assert done.returncode == 1
    assert "the content has 2 problems; the brief holds only what could be read:" in done.stderr
    assert "quotes.yaml:2" in done.stderr and "unknown quote 'q-north'" in done.stderr
    assert "Ceasefire talks" in done.stdout


def test_hostile_text_cannot_break_the_markdown_or_reach_the_terminal(tmp_path: Path) -> None:
    hostile = "*x* `y` <script>alert(1)</script> [z](https://evil.example) \x1b]52;c;ZXZpbA==\x07 \x1b[2J #1"
    write_store(tmp_path / "content", quotes_yaml=QUOTES.replace('"We will not move: not one metre."', json.dumps(hostile)))
    done = peacewatch("brief", "content", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    parsed = MarkdownIt("commonmark").parse(done.stdout)
    inline = [child for token in parsed for child in (token.children or [])]
    assert not [t for t in [*parsed, *inline] if t.type in ("html_inline", "html_block", "em_open", "code_inline")]
    assert [t.attrs["href"] for t in inline if t.type == "link_open"] == ["https://example.org/wire-1"] * len(
        [t for t in inline if t.type == "link_open"]
    )
    shown = "".join(t.content for t in inline if t.type == "text")
    assert "*x* `y` <script>alert(1)</script> [z](https://evil.example) ␛]52;c;ZXZpbA==␇ ␛[2J #1" in shown


def test_since_gives_only_what_changed_from_the_journal(tmp_path: Path) -> None:
    write_store(tmp_path / "content")
    journal = str(tmp_path / "state" / "journal.json")
    first = peacewatch("brief", "content", "--since", "1h", "--journal", journal, cwd=tmp_path)
    assert (first.returncode, first.stdout) == (0, "")
    assert "now knows this folder's state" in first.stderr and "no changes recorded" in first.stderr
    # Edits made with the command line, while no dashboard runs: the brief records and shows them.
    moved = peacewatch("set", "status", "content", "--stage", "final-stages", "--headline", "Both sides say the deal is close",
                       "--source", "wire-1", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
    added = peacewatch("add", "quote", "content", "--text", "We are nearly there,", "--speaker", "A. Envoy",
                       "--speaker-role", "Chief negotiator", "--party", "north", "--date", "2025-02-28", "--medium", "statement",
                       "--source", "wire-1", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    done = peacewatch("brief", "content", "--since", "1h", "--journal", journal, "--format", "text", "--width", "0", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Ceasefire talks" and lines[2].startswith("What changed since ")
    assert "  ◦ Deal status: stage under negotiation → final stages" in lines
    assert "Both sides say the deal is close" in lines
    assert ("• “We are nearly there,” A. Envoy, Chief negotiator, said in a statement on 28 February 2025, according to The Wire."
            in lines)
    # What did not change is left out: no issues, no deadlines, no other quote.
    assert "ISSUES" not in lines and "DEADLINES" not in lines and "We will not move" not in done.stdout
    later = peacewatch("brief", "content", "--since", "2099-01-01", "--journal", journal, cwd=tmp_path)
    assert (later.returncode, later.stdout) == (0, "") and "no changes recorded since 2099-01-01" in later.stderr


def test_since_markdown_structure(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content", ignore=shutil.ignore_patterns("README.md"))
    journal = str(tmp_path / "journal.json")
    peacewatch("brief", "content", "--since", "1h", "--journal", journal, cwd=tmp_path)
    position = peacewatch("set", "position", "content", "--issue", "territory", "--party", "russia", "--stance", "opposes", cwd=tmp_path)
    assert position.returncode == 0, position.stderr
    done = peacewatch("brief", "content", "--since", "1h", "--journal", journal, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [h for h in headings(done.stdout)][1:] == [("h2", "Changes"), ("h2", "Issues"), ("h3", "Territory (contested)")]
    assert "Russia on Territory: stance conditional → opposes" in done.stdout
    assert "- **Russia** opposes: " in done.stdout


def test_since_a_flip_and_its_revert_are_not_news(tmp_path: Path) -> None:
    write_store(tmp_path / "content")
    journal = str(tmp_path / "state" / "journal.json")
    sourced = peacewatch("set", "position", "content", "--issue", "border", "--party", "north", "--stance", "insists", "--source", "wire-1", cwd=tmp_path)
    assert sourced.returncode == 0, sourced.stderr
    assert peacewatch("changes", "content", "--journal", journal, cwd=tmp_path).returncode == 0  # the journal learns the state
    for stance in ("accepts", "insists"):  # flipped, recorded, then flipped back and recorded
        flip = peacewatch("set", "position", "content", "--issue", "border", "--party", "north", "--stance", stance, cwd=tmp_path)
        assert flip.returncode == 0, flip.stderr
        assert peacewatch("changes", "content", "--journal", journal, cwd=tmp_path).returncode == 0
    steps = peacewatch("changes", "content", "--journal", journal, cwd=tmp_path)
    assert "insists → accepts" in steps.stdout and "accepts → insists" in steps.stdout  # the full log keeps both
    brief = peacewatch("brief", "content", "--since", "1h", "--journal", journal, cwd=tmp_path)
    assert (brief.returncode, brief.stdout) == (0, "")
    assert "nothing changed on balance" in brief.stderr
