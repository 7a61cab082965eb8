"""Shared fixtures: the shipped store, and a private copy of it to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "content"


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
