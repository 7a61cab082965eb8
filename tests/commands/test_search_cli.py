"""`peacewatch search` as a user runs it: one hit a line, or JSON a line; exit 1 when nothing matches, 2 for a bad query."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_speaker_json_prints_yermaks_quote_one_object_a_line(store: Path) -> None:
    run = peacewatch("search", "content", "speaker:yermak", "--json", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[0] == {"kind": "quote", "id": "yermak-as-soon-as-possible", "label": "Andriy Yermak: “as soon as possible”",
                       "field": "speaker", "start": 7, "end": 13}
    assert {row["kind"] for row in rows} == {"quote", "person"}


def test_plain_lines_name_kind_id_and_label_and_nothing_found_exits_1(store: Path) -> None:
    run = peacewatch("search", "content", "lavrov anchorage", cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].split()[:2] == ["quote", "lavrov-anchorage"]
    none = peacewatch("search", "content", "anchorage -anchorage", cwd=store.parent)
    assert (none.returncode, none.stdout) == (1, "")


def test_a_query_that_cannot_be_read_is_said_and_exits_2(store: Path) -> None:
    run = peacewatch("search", "content", "since:tomorrowish", cwd=store.parent)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "since: takes a date (YYYY-MM-DD)" in run.stderr
