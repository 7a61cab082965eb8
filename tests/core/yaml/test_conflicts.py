"""A merge left unresolved is named as one, with the item peacewatch's note names, at the marker's line."""

from __future__ import annotations

from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS
from tui.core.yaml.reader import read_yaml

ITEM = "  - id: {id}\n    title: {title}\n    source: s\n"


def block(qid: str, ours: str, theirs: str) -> str:
    words = f"event {qid}: its title was changed two ways; keep one version and delete the other and these marker lines"
    return (f"{NOTE}{words}\n{OURS}\n" + ITEM.format(id=qid, title=ours) + f"{BETWEEN}\n" + ITEM.format(id=qid, title=theirs)
            + f"{THEIRS}\n")


def test_each_conflict_peacewatch_wrote_is_a_problem_at_its_marker_naming_the_item_and_what_to_do():
    text = "events:\n" + ITEM.format(id="a", title="A") + block("b", "B", "Bee") + ITEM.format(id="c", title="C") + block("d", "D", "Dee")
    doc, problems = read_yaml(text.encode(), "events.yaml")
    assert doc is None
    assert [(p.line, p.column) for p in problems] == [(6, 1), (19, 1)]
    assert problems[0].message == (
        "event b: an unresolved merge conflict (lines 5–14): its title was changed two ways; keep one version and delete the "
        "other and these marker lines; then `git add` the file and finish the merge (`git commit`) or the rebase (`git rebase --continue`)"
    )
    assert problems[1].message.startswith("event d: an unresolved merge conflict") and "its title" in problems[1].message


def test_a_note_with_invisible_characters_is_shown_with_them_visible():
    text = "events:\n" + block("b", "B", "Bee").replace("event b:", "event b\x1b[31m:")
    _, problems = read_yaml(text.encode(), "events.yaml")
    assert "\x1b" not in problems[0].message and "<U+001B>" in problems[0].message


def test_a_marker_alone_is_not_a_conflict_but_the_yaml_mistake_it_is():
    _, problems = read_yaml(("events:\n" + OURS + "\n" + ITEM.format(id="a", title="A")).encode(), "events.yaml")
    assert problems and "merge conflict" not in problems[0].message
