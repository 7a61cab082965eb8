"""`peacewatch verify` and `peacewatch check` as a user runs them: each quote against its source's
archived copy, exit codes, JSON, and the problem named at the quote's file, line and column."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.minimal_store import write_store
from tests.helpers.paths import SHIPPED

SEED_SOURCE = "meduza-2025-11-25-lavrov"


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_the_shipped_story_verifies_every_quote_of_its_seed_verbatim(tmp_path: Path) -> None:
    run = peacewatch("verify", str(SHIPPED), "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    seed = [q for q in found["quotes"] if q["source"] == SEED_SOURCE]
    assert len(seed) == 8 and {q["state"] for q in seed} == {"verbatim"}
    assert {q["state"] for q in found["quotes"] if q["source"] != SEED_SOURCE} == {"not archived"}
    assert found["ok"] is True and found["archives"] == [] and found["archived_copies"] == 1
    assert found["counts"]["verbatim"] == 8
    assert "12 quotes: 8 verbatim, 4 not archived (against 1 archived copy)" in run.stderr


def test_one_word_changed_exits_1_and_is_named_with_the_word_diff_by_verify_and_check(tmp_path: Path, store: Path) -> None:
    day = store / "quotes/2025-11-25.yaml"
    day.write_bytes(day.read_bytes().replace(b"erased, then of course", b"erased, then perhaps"))
    run = peacewatch("verify", "content", cwd=store.parent)
    assert run.returncode == 1
    [line] = [line for line in run.stdout.splitlines() if line.startswith("differs")]
    assert "lavrov-anchorage" in line and "content/quotes/2025-11-25.yaml:45" in line
    assert line.endswith("its text: store: *erased, then perhaps*; source: *erased, then of course*")
    found = json.loads(peacewatch("verify", "content", "--json", cwd=store.parent).stdout)
    [differs] = [q for q in found["quotes"] if q["state"] == "differs"]
    assert (differs["id"], differs["field"], differs["diff"]) == ("lavrov-anchorage", "text", [{"store": "erased, then perhaps", "source": "erased, then of course"}])
    assert found["ok"] is False
    checked = peacewatch("check", "content", cwd=store.parent)
    assert checked.returncode == 1
    assert checked.stdout == (
        "content/quotes/2025-11-25.yaml:46:11: not as printed: store: *erased, then perhaps*; source: *erased, then of course* "
        "(quote 'lavrov-anchorage', against its source's archived copy)\n"
    )


def test_a_changed_archive_exits_1_and_is_named_by_verify_and_check(tmp_path: Path, store: Path) -> None:
    [copy] = (store / "archive").iterdir()
    copy.write_bytes(copy.read_bytes() + b"\n")
    run = peacewatch("verify", "content", cwd=store.parent)
    assert run.returncode == 1
    assert f"archive      archive/{copy.name}  (source {SEED_SOURCE}) no longer matches its SHA-256" in run.stdout
    assert "1 archived copy missing or changed" in run.stderr
    checked = peacewatch("check", "content", cwd=store.parent)
    assert checked.returncode == 1 and checked.stdout.startswith("content/sources.yaml:")
    assert f"its archived copy archive/{copy.name} no longer matches its SHA-256" in checked.stdout


def test_a_store_without_an_archive_verifies_as_not_archived_and_exits_0(tmp_path: Path) -> None:
    write_store(tmp_path / "content")
    run = peacewatch("verify", "content", "--json", cwd=tmp_path)
    assert run.returncode == 0
    assert [(q["id"], q["state"]) for q in json.loads(run.stdout)["quotes"]] == [("q-north", "not archived"), ("q-south", "not archived")]


def test_no_such_folder_exits_2(tmp_path: Path) -> None:
    run = peacewatch("verify", "nowhere", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "peacewatch verify: nowhere: no such folder\n")
