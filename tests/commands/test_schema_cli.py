"""The committed JSON Schema is what `peacewatch schema` prints (its file checks are in tests/core/model/test_schema.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import REPO

COMMITTED = REPO / "schema/content.schema.json"


def test_the_committed_schema_is_what_the_command_prints(tmp_path: Path):
    run = subprocess.run([sys.executable, "-m", "tui", "schema"], capture_output=True, timeout=60)
    assert run.returncode == 0 and run.stdout == COMMITTED.read_bytes(), "run `peacewatch schema -o schema/content.schema.json`"
    run = subprocess.run([sys.executable, "-m", "tui", "schema", "-o", str(tmp_path / "s.json")], timeout=60)
    assert run.returncode == 0 and (tmp_path / "s.json").read_bytes() == COMMITTED.read_bytes()
