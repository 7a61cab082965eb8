"""`peacewatch check` as a user runs it: a real process, its output lines and exit status."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.minimal_store import EVENTS, QUOTES, write_store
from tests.helpers.paths import YAML_SUITE

SUITE = YAML_SUITE
LINE = re.compile(r"[^:\n]+:\d+:\d+: \S[^\n]*")
COUNTS_TEXT = "3 parties, 2 issues, 2 quotes, 2 events, 2 sources"


def check(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", "check", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )


def assert_no_crash(run: subprocess.CompletedProcess) -> None:
    """Problems on stdout, one summary line on stderr, and nothing else: no traceback."""
    assert re.fullmatch(r"\d+ problems?; loaded \d+ part(y|ies), \d+ issues?, \d+ quotes?, \d+ events?, \d+ sources?\n",
                        run.stderr), run.stderr
    for line in run.stdout.splitlines():
        assert LINE.fullmatch(line), f"not FILE:LINE:COL: message: {line!r}"
        assert line.isprintable(), f"a control character reached the terminal: {line!r}"


def test_a_valid_store_exits_0(tmp_path):
    write_store(tmp_path / "content")
    run = check(tmp_path, "content")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", f"ok: {COUNTS_TEXT}\n")


def test_problems_exit_1_one_line_each(tmp_path):
    write_store(
        tmp_path / "content",
        quotes_yaml=QUOTES.replace("party: south", "party: sout"),
        events_yaml=EVENTS.replace("date: 2025-02-01", "date: 2025-02-30"),
    )
    run = check(tmp_path, "content")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "content/events.yaml:4:11: 'date': '2025-02-30' is not a real date (check the month and day)",
        # The event with the bad date is left out alone; the position that names it is not a second problem.
        "content/quotes.yaml:15:12: unknown party 'sout'; did you mean 'south'?",
    ]
    assert run.stderr == "2 problems; loaded 3 parties, 2 issues, 2 quotes, 1 event, 2 sources\n"


def test_the_current_folder_prints_bare_paths(tmp_path):
    root = write_store(tmp_path / "content", quotes_yaml=QUOTES.replace("party: south", "party: sout"))
    run = check(root, ".")
    assert (run.returncode, run.stdout) == (1, "quotes.yaml:15:12: unknown party 'sout'; did you mean 'south'?\n")


def test_a_missing_folder_exits_2(tmp_path):
    run = check(tmp_path, "nowhere")
    assert (run.returncode, run.stdout, run.stderr) == (2, "", "peacewatch check: nowhere: no such folder\n")


def test_a_file_instead_of_a_folder_exits_2(tmp_path):
    (tmp_path / "story.yaml").write_text("story: {}\n")
    run = check(tmp_path, "story.yaml")
    assert (run.returncode, run.stdout, run.stderr) == (2, "", "peacewatch check: story.yaml: no such folder\n")


def test_limits_can_be_raised_and_lowered_from_the_command_line(tmp_path):
    write_store(tmp_path / "content")
    run = check(tmp_path, "content", "--max-values", "30")
    assert run.returncode == 1
    assert "content/quotes.yaml:14:5: more than 30 values in one file, the limit (anchors and aliases count " \
           "each time they are used); split the file or raise --max-values" in run.stdout.splitlines()
    run = check(tmp_path, "content", "--max-file-mb", "0.0001")
    assert f"content/quotes.yaml:1:1: file is {len(QUOTES.encode()):,} bytes, over the 104 bytes limit; split it into several files " \
           "(e.g. one per day) or raise --max-file-mb" in run.stdout.splitlines()
    assert check(tmp_path, "content", "--max-values", "1000000", "--max-file-mb", "50").returncode == 0


def test_control_characters_never_reach_the_terminal(tmp_path):
    root = write_store(
        tmp_path / "content",
        quotes_yaml=QUOTES.replace("medium: anonymous", 'medium: "\\e]0;pwned\\a\\e[2J"'),
        **{"evil\x1b[31m_yaml": "a: 1\n"},
    )
    os.close(os.open(os.fsencode(root) + b"/latin1-\xe9.yaml", os.O_CREAT | os.O_WRONLY))
    run = check(tmp_path, "content", env={"PYTHONIOENCODING": "utf-8:strict"})
    assert run.returncode == 1
    assert_no_crash(run)
    assert "content/quotes.yaml:16:13: '<U+001B>]0;pwned<U+0007><U+001B>[2J' is not a valid medium" in run.stdout
    assert "content/evil<U+001B>[31m.yaml:1:1: the file name holds control characters" in run.stdout
    assert "content/latin1-<byte 0xE9>.yaml:1:1: the file name holds control characters" in run.stdout


def test_the_hostile_corpus_gives_located_problems_and_no_traceback(tmp_path):
    root = write_store(tmp_path / "content")
    for kind in ("error", "valid"):
        for doc in sorted((SUITE / kind).glob("*.yaml")):
            (root / f"{kind}-{doc.name}").write_bytes(doc.read_bytes())
    run = check(tmp_path, "content")
    assert run.returncode == 1
    assert_no_crash(run)
    located = {line.split(":", 1)[0] for line in run.stdout.splitlines()}
    assert len([name for name in located if name.startswith("content/error-")]) == 94


@pytest.mark.parametrize("cut", [0.13, 0.5, 0.77])
def test_a_truncated_file_is_reported_with_its_line(tmp_path, cut):
    text = QUOTES.encode()
    write_store(tmp_path / "content", quotes_yaml=text[: int(len(text) * cut)])
    run = check(tmp_path, "content")
    assert run.returncode == 1
    assert_no_crash(run)
    assert any(line.startswith("content/quotes.yaml:") for line in run.stdout.splitlines()), run.stdout
