"""The journal's tests share a small content store to edit step by step, and where its journal goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.journal import Store


@pytest.fixture
def content(tmp_path: Path) -> Store:
    """A small valid store in a temp dir, edited step by step (see tests.helpers.journal.Store)."""
    return Store(tmp_path / "content")


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    """Where the journal is kept: in a state directory of its own, outside the content folder."""
    return tmp_path / "state" / "journal.json"
