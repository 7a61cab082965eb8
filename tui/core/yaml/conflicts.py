"""Merge conflicts left in a file: git's markers, and the note peacewatch's merge writes above its own.

peacewatch's merge (`tui/core/merge`) writes a conflict around the one item two people changed
two ways, with a comment line saying which item and what to do; git's own line merge writes
bare markers. Either way the file is not YAML any more, and the reader says so here, before
YAML gives its own (misleading) syntax error some lines further on. The marker lines are
defined here, below the merge, so that the merge writes exactly what the reader recognises.
"""

from __future__ import annotations

from tui.core.text.problems import Problem
from tui.core.yaml.lines import BREAKS

OURS = "<<<<<<< ours"
BETWEEN = "======="
THEIRS = ">>>>>>> theirs"
NOTE = "# peacewatch merge: "
"""How the comment line above a conflict peacewatch wrote starts; what follows names the item."""

FINISH = "then `git add` the file and finish the merge (`git commit`) or the rebase (`git rebase --continue`)"


def _opens(line: str) -> bool:
    return line == "<<<<<<<" or line.startswith(("<<<<<<< ", "<<<<<<<\t"))


def _closes(line: str) -> bool:
    return line == ">>>>>>>" or line.startswith((">>>>>>> ", ">>>>>>>\t"))


def _visible(words: str) -> str:
    """The note's words as the file has them, every character shown and none acting."""
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in words)


def conflict_problems(text: str, path: str) -> list[Problem]:
    """A problem for each merge conflict in `text` (a `<<<<<<<` line followed by `=======` and
    `>>>>>>>` lines), at its `<<<<<<<` line; none when the text holds no complete conflict."""
    if "<<<<<<<" not in text:
        return []
    lines = BREAKS.split(text)
    found: list[Problem] = []
    number = 0
    while number < len(lines):
        if not _opens(lines[number]):
            number += 1
            continue
        between = next((n for n in range(number + 1, len(lines)) if lines[n].startswith(BETWEEN)), None)
        end = next((n for n in range(between + 1, len(lines)) if _closes(lines[n])), None) if between is not None else None
        if end is None:
            number += 1
            continue
        above = lines[number - 1] if number > 0 else ""
        if above.startswith(NOTE):
            words = _visible(above[len(NOTE):].strip())
            # The item first: a banner one line wide keeps the start, and the item is what to look for.
            item, _, rest = words.partition(": ")
            message = (f"{item}: an unresolved merge conflict (lines {number}–{end + 1}): {rest}; {FINISH}" if rest
                       else f"an unresolved merge conflict (lines {number}–{end + 1}): {words}; {FINISH}")
        else:
            # Git's own markers: two editors changed the same lines (both added an event at the
            # end of events.yaml, say). No YAML advice fits; this is what to do.
            message = (
                f"line {number + 1} starts a git merge conflict (<<<<<<<, =======, >>>>>>>): two people changed this "
                "place; keep what both wrote (often both items), delete the three marker lines, save, "
                f"{FINISH}"
            )
        found.append(Problem(path, number + 1, 1, message))
        number = end + 1
    return found
