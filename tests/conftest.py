"""Shared fixtures: the shipped store, and a private copy of it to edit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.paths import SHIPPED

# The tests mirror the code: core/<package>/ for each package of tui/core (no Textual there),
# ui/ for the app driven by Pilot, commands/ for the command line, serve/ for a real browser,
# snapshots/ for the screen pinned as SVG. Every folder is a package, so a module is named by
# its path (tests.core.yaml.test_reader) and the shared helpers are imported as tests.helpers.*.

SOAK_SAVES = 400
"""Saves the soak test makes by default: a quarter of a minute or so on a small CI machine."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--soak-saves",
        type=int,
        default=None,
        metavar="N",
        help=f"saves the soak test makes (default: $PEACEWATCH_SOAK_SAVES, else {SOAK_SAVES})",
    )


@pytest.fixture
def soak_saves(request: pytest.FixtureRequest) -> int:
    """How many saves the soak test makes: --soak-saves N, or PEACEWATCH_SOAK_SAVES, or the default."""
    chosen = request.config.getoption("--soak-saves")
    return chosen if chosen is not None else int(os.environ.get("PEACEWATCH_SOAK_SAVES", SOAK_SAVES))


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty config and state directories: a theme a test picks is never
    saved into the user's settings, the user's saved theme never colours a test's screen, and
    no journal or parse cache is shared between tests or with the user's."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    return config


@pytest.fixture
def shipped() -> Path:
    """The shipped content folder (read only: copy it before editing)."""
    return SHIPPED


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A copy of the shipped store in a temp dir, safe to edit."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("README.md"))
    return target
