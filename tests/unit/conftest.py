"""The unit layer tests the UI-free core: nothing here may import Textual, not even through a helper or fixture.

The guard below fails the session if it does. The pytest-textual-snapshot plugin imports Textual itself
when pytest starts, so "is textual in sys.modules" alone proves nothing in this process; the guard therefore
imports the shared conftest and every collected unit test module again in a fresh interpreter, without
pytest's plugins, and looks there. When pytest runs without that plugin (`-p no:textual-snapshot`) and only
unit tests are collected, it also checks this process directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parent
TESTS = UNIT.parent
REPO = TESTS.parent


def _textual(modules) -> list[str]:
    return sorted(m for m in modules if m == "textual" or m.startswith("textual."))


_LOADED_BEFORE = set(_textual(sys.modules))
"""Textual modules already loaded when this layer's collection began (by a plugin, or by another layer)."""

_CHECK = """
import importlib.util, json, sys
from pathlib import Path
tests, unit, repo = map(Path, sys.argv[1:4])
sys.path[:0] = [str(unit), str(tests), str(repo)]

def textual():
    return sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))

def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

found = {"culprit": None, "modules": []}
for name, path in [("tests_conftest", tests / "conftest.py"), ("unit_conftest", unit / "conftest.py"),
                   *((Path(p).stem, Path(p)) for p in sys.argv[4:])]:
    load(name, path)
    if textual():
        found = {"culprit": str(path), "modules": textual()}
        break
print(json.dumps(found))
"""


def _unit_modules(session: pytest.Session) -> list[Path]:
    return sorted({item.path for item in session.items if UNIT in item.path.parents})


def pytest_collection_finish(session: pytest.Session) -> None:
    modules = _unit_modules(session)
    if not modules:
        return
    only_unit = len({item.path for item in session.items}) == len(modules)
    if only_unit:
        loaded = sorted(set(_textual(sys.modules)) - _LOADED_BEFORE)
        if loaded:
            pytest.exit(f"the unit tests imported Textual: {', '.join(loaded[:5])}", returncode=pytest.ExitCode.TESTS_FAILED)
    run = subprocess.run(
        [sys.executable, "-c", _CHECK, str(TESTS), str(UNIT), str(REPO), *map(str, modules)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    if run.returncode != 0:
        pytest.exit(f"could not check that the unit tests leave Textual alone:\n{run.stderr}", returncode=pytest.ExitCode.TESTS_FAILED)
    found = json.loads(run.stdout.strip().splitlines()[-1])
    if found["modules"]:
        pytest.exit(
            f"the unit tests must not import Textual, but importing {found['culprit']} "
            f"loaded {', '.join(found['modules'][:5])}: move that test to tests/app or keep Textual out of what it imports",
            returncode=pytest.ExitCode.TESTS_FAILED,
        )
