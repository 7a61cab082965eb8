"""The pure merge is clean only when it is sure: inputs that do not read, a result that would read
as something else or fail the store's validation are conflicts; on the shipped files, two edits of
different items (or positions) merge into exactly the bytes the two edits make together."""

from __future__ import annotations

import itertools

import pytest

from tests.helpers.paths import SHIPPED
from tui.core.merge.file_merge import merge_file, reads_as_content
from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS
from tui.core.yaml.reader import read_yaml
from tui.core.yaml.splice import FileText, apply

ONE = "quotes:\n  - id: q1\n    text: One\n    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n"


def test_an_input_that_does_not_read_as_yaml_makes_the_whole_file_a_conflict_with_both_versions():
    ours = ONE.replace("text: One", "text: One!")
    theirs = ONE.replace("speaker: Sergey Lavrov", "speaker Sergey Lavrov")
    result = merge_file(ONE.encode(), ours.encode(), theirs.encode(), "quotes/x.yaml")
    assert [(c.section, c.item_id, c.line) for c in result.conflicts] == [("", "", 1)]
    assert "theirs does not read as YAML (line 4:" in result.conflicts[0].words
    assert result.text.decode() == f"{NOTE}{result.conflicts[0].words}\n{OURS}\n{ours}{BETWEEN}\n{theirs}{THEIRS}\n"
    assert read_yaml(result.text, "quotes/x.yaml")[0] is None


def test_a_merge_the_stores_validation_would_refuse_is_a_conflict():
    # Each side alone is valid; together, a plain speaker is followed by a line YAML reads as a
    # comment but the store takes for words cut off by it: a problem neither side had.
    base = ONE.replace("speaker: Sergey Lavrov", 'speaker: "Sergey Lavrov"')
    ours = ONE
    theirs = base.replace("    medium: statement\n", "      #2 in the government\n    medium: statement\n")
    assert merge_file(base.encode(), ours.encode(), base.replace("One", "Uno").encode(), "q.yaml").clean  # the same edits, without it
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "q.yaml")
    assert not result.clean and "the merged file would not be valid" in result.conflicts[0].words
    assert "'speaker' stops before this '#'" in result.conflicts[0].words


def test_a_problem_one_side_already_had_does_not_stop_the_merge():
    base = ONE + "  - id: q2\n    text: Two\n    speaker: B\n    medium: statement\n    source: s\n"
    ours = base.replace("medium: statement\n    source: s\n", "medium: telepathy\n    source: s\n", 1)  # q1 left out, a problem
    theirs = base.replace("text: Two", "text: Two!")
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "q.yaml")
    assert result.clean and result.text.decode() == ours.replace("text: Two", "text: Two!")


def test_pieces_of_two_indentations_that_would_not_read_back_as_merged_are_a_conflict():
    ours = ONE.replace("    medium: statement\n", "    context: He said it.\n    medium: statement\n")
    theirs = "quotes:\n- id: q1\n  text: One\n  speaker: Sergey Lavrov\n  medium: statement\n  source: t\n"
    result = merge_file(ONE.encode(), ours.encode(), theirs.encode(), "q.yaml")
    assert not result.clean and result.conflicts[0].section == ""


def test_a_merge_that_would_read_as_other_words_than_either_side_wrote_is_a_conflict():
    # The blank line after a `|+` text is part of the text, but it stands where the next field's lines
    # start: taking that field out on one side while the text changes on the other would drop it.
    base = ONE.replace("    text: One\n", "    text: |+\n      One\n\n")
    ours, theirs = base.replace("One", "Uno"), base.replace("    speaker: Sergey Lavrov\n", "")
    assert read_yaml(ours.encode(), "q.yaml")[0].data["quotes"][0]["text"] == "Uno\n\n"  # type: ignore[union-attr]
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "q.yaml")
    assert not result.clean and "would not read as what both sides wrote" in result.conflicts[0].words


def test_a_list_in_flow_style_is_merged_as_one_piece():
    base = "quotes: [{id: q1, text: One, speaker: A, medium: statement, source: s}]\n"
    ours, theirs = base.replace("One", "One!"), base.replace("speaker: A", "speaker: B")
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "q.yaml")
    assert [(c.section, c.item_id) for c in result.conflicts] == [("quotes", "")]
    assert result.conflicts[0].words.startswith("the quotes section: it was changed two ways")


def test_an_item_in_flow_style_in_a_block_list_is_one_entry_merged_whole():
    flow = "  - {id: q0, text: Zero, speaker: A, medium: statement, source: s}\n"
    base = ONE + flow
    ours = base.replace("text: One", "text: One!")
    assert merge_file(base.encode(), ours.encode(), base.replace("Zero", "Nil").encode(), "q.yaml").text == ours.replace("Zero", "Nil").encode()
    clash = merge_file(base.encode(), base.replace("Zero", "Nil").encode(), base.replace("speaker: A", "speaker: B").encode(), "q.yaml")
    assert [(c.item_id, c.field) for c in clash.conflicts] == [("q0", "")] and "quote q0: it was changed two ways" in clash.conflicts[0].words


def test_a_byte_order_mark_stays_and_bytes_that_are_not_utf8_are_a_conflict():
    bom = b"\xef\xbb\xbf"
    ours, theirs = bom + ONE.replace("One", "One!").encode(), bom + ONE.replace("speaker: Sergey", "speaker: S.").encode()
    result = merge_file(bom + ONE.encode(), ours, theirs, "q.yaml")
    assert result.clean and result.text == bom + ONE.replace("One", "One!").replace("speaker: Sergey", "speaker: S.").encode()
    broken = merge_file(ONE.encode(), ONE.replace("One", "On\xe9").encode("latin-1"), theirs, "q.yaml")
    assert not broken.clean and "not UTF-8" in broken.conflicts[0].words


def test_what_reads_as_content():
    assert reads_as_content(ONE.encode(), "q.yaml")
    assert not reads_as_content(b"name: CI\non: push\n", ".github/workflows/ci.yml")
    assert not reads_as_content(b"", "q.yaml") and not reads_as_content(b"quotes: [", "q.yaml")


def _edited(text: str, edits: list[tuple[tuple[str | int, ...], str, str]]) -> str:
    doc, problems = read_yaml(text.encode(), "x.yaml", spans=True)
    assert doc is not None, problems
    where = FileText(text, doc)
    return apply(text, [where.set_value(path, key, value) for path, key, value in edits])


@pytest.mark.parametrize("name, edit", [
    ("quotes/2025-11-25.yaml", lambda i, ours: ((("quotes", i), "text" if ours else "speaker_role", f"Edited {i}"))),
    ("quotes/undated.yaml", lambda i, ours: ((("quotes", i), "context" if ours else "text", f"Edited {i}"))),
    ("events.yaml", lambda i, ours: ((("events", i), "title", f"Edited {i}"))),
])
def test_any_two_items_of_a_shipped_file_edited_one_on_each_side_merge_to_exactly_both_edits(name, edit):
    base = (SHIPPED / name).read_text(encoding="utf-8")
    section = name.split("/")[0].removesuffix(".yaml")
    count = len(read_yaml(base.encode(), name)[0].data[section])  # type: ignore[union-attr]
    for i, j in itertools.permutations(range(count), 2):
        ours, theirs = _edited(base, [edit(i, True)]), _edited(base, [edit(j, False)])
        result = merge_file(base.encode(), ours.encode(), theirs.encode(), name)
        assert result.clean and result.text.decode() == _edited(base, [edit(i, True), edit(j, False)]), (i, j)


def test_any_two_positions_of_the_shipped_issues_edited_one_on_each_side_merge_to_exactly_both_edits():
    base = (SHIPPED / "issues.yaml").read_text(encoding="utf-8")
    issues = read_yaml(base.encode(), "issues.yaml")[0].data["issues"]  # type: ignore[union-attr]
    positions = [("issues", i, "positions", p) for i, issue in enumerate(issues) for p in range(len(issue["positions"]))]
    for one, other in itertools.permutations(positions, 2):
        ours, theirs = _edited(base, [(one, "stance", "opposes")]), _edited(base, [(other, "source", "edited-source")])
        result = merge_file(base.encode(), ours.encode(), theirs.encode(), "issues.yaml")
        assert result.clean and result.text.decode() == _edited(base, [(one, "stance", "opposes"), (other, "source", "edited-source")]), (one, other)
