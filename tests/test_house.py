"""The house's rules that no linter states: modules of one idea, and the desk's face whole."""

from __future__ import annotations

import tui.core.desk as desk
from tests.helpers.paths import REPO

MAX_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in (REPO / "tui").rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these by what they own: {long}"


def test_the_desks_face_names_exactly_what_it_offers_and_each_name_is_there() -> None:
    offered = {name for names in desk._FACE.values() for name in names}
    assert set(desk.__all__) == offered
    for name in sorted(offered):
        getattr(desk, name)  # raises AttributeError if its module does not define it
