"""tests/core tests the UI-free core: nothing here may import Textual, not even through a helper or fixture.

The guard below fails the session if it does. The pytest-textual-snapshot plugin imports Textual itself
when pytest starts, so "is textual in sys.modules" alone proves nothing in this process; the guard therefore
imports the shared conftest and every collected core test module again in a fresh interpreter, without
pytest's plugins, and looks there. When pytest runs without that plugin (`-p no:textual-snapshot`) and only
core tests are collected, it also checks this process directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent
REPO = CORE.parents[1]


def _textual(modules) -> list[str]:
    return sorted(m for m in modules if m == "textual" or m.startswith("textual."))


_LOADED_BEFORE = set(_textual(sys.modules))
"""Textual modules already loaded when this layer's collection began (by a plugin, or by another layer)."""

_CHECK = """
import importlib, json, sys
sys.path[:0] = [sys.argv[1]]

def textual():
    return sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))

found = {"culprit": None, "modules": []}
for name in ["tests.conftest", *sys.argv[2:]]:
    importlib.import_module(name)
    if textual():
        found = {"culprit": name, "modules": textual()}
        break
print(json.dumps(found))
"""


def _core_modules(session: pytest.Session) -> list[Path]:
    return sorted({item.path for item in session.items if CORE in item.path.parents})


def _dotted(path: Path) -> str:
    """The module's name as pytest imports it: every folder under the repository is a package."""
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def pytest_collection_finish(session: pytest.Session) -> None:
    modules = _core_modules(session)
    if not modules:
        return
    only_core = len({item.path for item in session.items}) == len(modules)
    if only_core:
        loaded = sorted(set(_textual(sys.modules)) - _LOADED_BEFORE)
        if loaded:
            pytest.exit(f"the core tests imported Textual: {', '.join(loaded[:5])}", returncode=pytest.ExitCode.TESTS_FAILED)
    run = subprocess.run(
        # Every conftest of the core's folders is imported first, as pytest imports it.
        [sys.executable, "-c", _CHECK, str(REPO), *map(_dotted, sorted(CORE.rglob("conftest.py"))), *map(_dotted, modules)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    if run.returncode != 0:
        pytest.exit(f"could not check that the core tests leave Textual alone:\n{run.stderr}", returncode=pytest.ExitCode.TESTS_FAILED)
    found = json.loads(run.stdout.strip().splitlines()[-1])
    if found["modules"]:
        pytest.exit(
            f"the core tests must not import Textual, but importing {found['culprit']} "
            f"loaded {', '.join(found['modules'][:5])}: move that test to tests/ui or keep Textual out of what it imports",
            returncode=pytest.ExitCode.TESTS_FAILED,
        )
