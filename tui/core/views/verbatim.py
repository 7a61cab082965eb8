"""Which quotes cannot be passed off as verbatim: their words, as stored, are known not to be
what the source printed (a `#` cut the text short). The list marks them, `y` refuses them, and
briefs leave them out and say so."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import CUT_BY_COMMENT, Problem

_CUT_TEXT = f"'text' {CUT_BY_COMMENT}"


def quotes_in_doubt(snapshot: Snapshot, problems: Iterable[Problem]) -> Mapping[str, Problem]:
    """Each quote whose words are in doubt, by id, with the problem that says why."""
    cut = [p for p in problems if p.message.startswith(_CUT_TEXT)]
    if not cut:
        return {}
    paths = {p.path for p in cut}
    # Where each item of those files starts: a problem belongs to the last item starting at or before it.
    starts: dict[str, list[tuple[int, str, str]]] = {}
    for (section, item_id), origin in snapshot.origins.items():
        if origin.path in paths:
            starts.setdefault(origin.path, []).append((origin.line, section, item_id))
    for items in starts.values():
        items.sort()
    found: dict[str, Problem] = {}
    for problem in cut:
        items = starts.get(problem.path, [])
        at = bisect_right(items, (problem.line, "\uffff", "")) - 1
        if at >= 0 and items[at][1] == "quotes":
            found.setdefault(items[at][2], problem)
    return found
