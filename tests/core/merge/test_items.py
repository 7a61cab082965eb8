"""The pure merge by item: order, deletes, field by field, positions by party, comments kept, bytes exact.

Small hand-written files, so each case shows exactly what each side did; every clean result is
compared byte for byte with the text the two edits make together.
"""

from __future__ import annotations

from tui.core.merge.file_merge import merge_file
from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS
from tui.core.yaml.reader import read_yaml


def quote(qid: str, text: str, lead: str = "\n") -> str:
    return f"{lead}  - id: {qid}\n    text: {text}\n    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n"


HEAD = "# Quotes of one day.\n# A second line of the header.\n\nquotes:\n"
BASE = HEAD + quote("q1", "One", lead="") + "\n  # Said twice that day.\n" + quote("q2", "Two", lead="")[0:] + quote("q3", "Three")


def merged(base: str, ours: str, theirs: str) -> str:
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "quotes/2025-11-25.yaml")
    assert result.clean, result.conflicts
    return result.text.decode()


def conflicted(base: str, ours: str, theirs: str):
    result = merge_file(base.encode(), ours.encode(), theirs.encode(), "quotes/2025-11-25.yaml")
    assert not result.clean
    return result.text.decode(), result.conflicts


def test_both_adding_at_the_end_keeps_both_ours_first_every_byte_as_written():
    ours, theirs = BASE + quote("anna", "Anna's"), BASE + quote("boris", "Boris's")
    assert merged(BASE, ours, theirs) == BASE + quote("anna", "Anna's") + quote("boris", "Boris's")
    assert merged(BASE, theirs, ours) == BASE + quote("boris", "Boris's") + quote("anna", "Anna's")


def test_theirs_addition_goes_after_its_nearest_preceding_item_that_survives():
    q1, q2, q3 = quote("q1", "One", lead=""), "\n  # Said twice that day.\n" + quote("q2", "Two", lead=""), quote("q3", "Three")
    after_q1 = HEAD + q1 + quote("new", "New") + q2 + q3
    assert merged(BASE, BASE.replace("text: Three", "text: Three!"), after_q1) == HEAD + q1 + quote("new", "New") + q2 + q3.replace("Three", "Three!")
    # Ours removed q2, after which theirs added it: it goes after q1, the nearest before it that is kept.
    after_q2 = HEAD + q1 + q2 + quote("new", "New") + q3
    assert merged(BASE, HEAD + q1 + q3, after_q2) == HEAD + q1 + quote("new", "New") + q3
    # Ours' own additions at the same place come first.
    assert merged(BASE, HEAD + q1 + quote("mine", "Mine") + q2 + q3, after_q1) == HEAD + q1 + quote("mine", "Mine") + quote("new", "New") + q2 + q3


def test_an_addition_with_nothing_before_it_that_survives_goes_at_the_end():
    q1, q2, q3 = quote("q1", "One", lead=""), "\n  # Said twice that day.\n" + quote("q2", "Two", lead=""), quote("q3", "Three")
    theirs = HEAD + quote("first", "First", lead="") + "\n" + q1 + q2 + q3
    assert merged(BASE, BASE, theirs) == theirs  # one side unchanged: the other's bytes, whole
    ours = HEAD + q1 + q2 + q3.replace("Three", "Three!")
    assert merged(BASE, ours, theirs) == ours + quote("first", "First")


def test_removed_on_one_side_and_untouched_on_the_other_is_removed_and_its_comment_goes_with_it():
    q1, q3 = quote("q1", "One", lead=""), quote("q3", "Three")
    ours = HEAD + q1 + q3
    theirs = BASE.replace("text: One", "text: One!")
    assert merged(BASE, ours, theirs) == HEAD + q1.replace("One", "One!") + q3
    assert "Said twice" not in merged(BASE, ours, theirs)


def test_the_first_item_removed_takes_its_comment_and_leaves_no_blank_line_at_the_top_of_the_list():
    base = BASE.replace("quotes:\n", "quotes:\n  # Said first.\n")
    rest = "  # Said twice that day.\n" + quote("q2", "Two", lead="") + quote("q3", "Three")
    removed = HEAD + rest  # as the splicer removes a first item: the blank line after it goes too
    changed = base.replace("text: Three", "text: Three!")
    assert merged(base, removed, changed) == HEAD + rest.replace("Three", "Three!")
    assert merged(base, changed, removed) == HEAD + rest.replace("Three", "Three!")


def test_removed_on_one_side_and_changed_on_the_other_is_a_conflict_around_that_item():
    ours = BASE.replace(quote("q3", "Three"), "")
    theirs = BASE.replace("text: Three", "text: Three!")
    text, conflicts = conflicted(BASE, ours, theirs)
    assert [(c.section, c.item_id, c.field) for c in conflicts] == [("quotes", "q3", "")]
    assert "ours removed it and theirs changed it" in conflicts[0].words
    start = text.index(NOTE)
    assert text[:start] == BASE[: BASE.index(quote("q3", "Three"))] + "\n"
    assert text[start:].split("\n")[1:] == [OURS, BETWEEN, *quote("q3", "Three!", lead="").split("\n")[:-1], THEIRS, ""]


def test_different_fields_of_one_item_changed_on_each_side_merge_field_by_field():
    ours = BASE.replace("text: Two", "text: Two, said twice")
    theirs = BASE.replace("    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3",
                          "    speaker: Sergey Lavrov\n    medium: press-conference\n    source: s\n\n  - id: q3")
    assert theirs != BASE
    want = ours.replace("    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3",
                        "    speaker: Sergey Lavrov\n    medium: press-conference\n    source: s\n\n  - id: q3")
    assert merged(BASE, ours, theirs) == want
    # The same field changed the same way on both sides is one change.
    assert merged(BASE, ours, ours.replace("Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3", "Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3")) == ours


def test_a_field_added_on_one_side_and_another_changed_on_the_other():
    ours = BASE.replace("    text: Two\n", "    text: Two\n    context: He said it twice.\n")
    theirs = BASE.replace("  - id: q2\n    text: Two\n    speaker: Sergey Lavrov\n", "  - id: q2\n    text: Two\n    speaker: Sergey V. Lavrov\n")
    assert merged(BASE, ours, theirs) == ours.replace("    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3",
                                                      "    speaker: Sergey V. Lavrov\n    medium: statement\n    source: s\n\n  - id: q3")


def test_the_same_field_changed_two_ways_is_a_conflict_around_that_item_only_with_both_clean_changes_in_each_version():
    ours = BASE.replace("text: Two", "text: Two, said twice").replace("text: One", "text: One!")
    theirs = BASE.replace("text: Two", "text: Two (twice)").replace("    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n\n  - id: q3",
                                                                    "    speaker: Sergey Lavrov\n    medium: interview\n    source: s\n\n  - id: q3")
    text, conflicts = conflicted(BASE, ours, theirs)
    assert [(c.section, c.item_id, c.field, c.line) for c in conflicts] == [("quotes", "q2", "text", 11)]
    assert conflicts[0].words == "quote q2: its text was changed two ways; keep one version and delete the other and these marker lines"
    lines = text.split("\n")
    assert lines[10] == NOTE + conflicts[0].words and lines[11] == OURS
    mine = "  # Said twice that day.\n  - id: q2\n    text: Two, said twice\n    speaker: Sergey Lavrov\n    medium: interview\n    source: s\n"
    yours = mine.replace("Two, said twice", "Two (twice)")
    assert text == (HEAD + quote("q1", "One!", lead="") + "\n" + NOTE + conflicts[0].words + "\n" + OURS + "\n" + mine + BETWEEN + "\n"
                    + yours + THEIRS + "\n" + quote("q3", "Three"))
    doc, problems = read_yaml(text.encode(), "quotes/2025-11-25.yaml")
    assert doc is None and (problems[0].line, problems[0].column) == (12, 1)
    assert problems[0].message.startswith("quote q2: an unresolved merge conflict") and "its text was changed two ways" in problems[0].message


def test_the_comment_right_above_the_first_item_is_the_items_own_in_each_version_of_a_conflict():
    base = BASE.replace("quotes:\n", "quotes:\n  # Said first.\n")
    text, conflicts = conflicted(base, base.replace("text: One", "text: Uno"), base.replace("text: One", "text: Eins"))
    first = "  # Said first.\n" + quote("q1", "{}", lead="")
    assert text == HEAD + NOTE + conflicts[0].words + f"\n{OURS}\n" + first.format("Uno") + f"{BETWEEN}\n" + first.format("Eins") + f"{THEIRS}\n" + base.split(quote("q1", "One", lead=""))[1]


def test_added_on_both_sides_with_one_id_and_different_text_is_a_conflict_and_the_same_text_is_one_copy():
    ours, theirs = BASE + quote("new", "Mine"), BASE + quote("new", "Yours")
    _, conflicts = conflicted(BASE, ours, theirs)
    assert [(c.item_id, c.field) for c in conflicts] == [("new", "")] and "added on both sides" in conflicts[0].words
    assert merged(BASE, ours, BASE.replace("One", "One!") + quote("new", "Mine")) == ours.replace("One", "One!")


ISSUES = """issues:
  - id: territory
    title: Territory
    status: contested
    positions:
      # The U.S. proposes it.
      - party: united-states
        stance: proposes
      - party: ukraine
        stance: opposes
        says: No.
      - party: russia
        stance: insists
"""


def test_two_positions_of_one_issue_changed_on_each_side_merge_by_party():
    ours = ISSUES.replace("stance: opposes", "stance: conditional")
    theirs = ISSUES.replace("stance: insists", "stance: unclear").replace("# The U.S. proposes it.", "# The U.S. proposed it first.")
    result = merge_file(ISSUES.encode(), ours.encode(), theirs.encode(), "issues.yaml")
    assert result.clean and result.text.decode() == ours.replace("stance: insists", "stance: unclear").replace("proposes it.", "proposed it first.")


def test_one_positions_stance_changed_two_ways_is_a_conflict_around_that_position_only():
    ours = ISSUES.replace("stance: insists", "stance: opposes").replace("title: Territory", "title: Land")
    theirs = ISSUES.replace("stance: insists", "stance: conditional").replace("says: No.", "says: Not now.")
    result = merge_file(ISSUES.encode(), ours.encode(), theirs.encode(), "issues.yaml")
    assert [(c.section, c.item_id, c.field) for c in result.conflicts] == [("issues", "territory", "positions/russia/stance")]
    assert result.conflicts[0].words.startswith("issue territory, position russia: its stance was changed two ways")
    text = result.text.decode()
    before = ISSUES.replace("title: Territory", "title: Land").replace("says: No.", "says: Not now.")
    assert text.startswith(before[: before.index("      - party: russia")] + NOTE)
    assert text.endswith(f"{OURS}\n      - party: russia\n        stance: opposes\n{BETWEEN}\n      - party: russia\n        stance: conditional\n{THEIRS}\n")


def test_a_field_conflict_and_a_position_conflict_in_one_issue_are_one_conflict_around_the_issue():
    ours = ISSUES.replace("stance: insists", "stance: opposes").replace("title: Territory", "title: Land")
    theirs = ISSUES.replace("stance: insists", "stance: conditional").replace("title: Territory", "title: Lands")
    result = merge_file(ISSUES.encode(), ours.encode(), theirs.encode(), "issues.yaml")
    assert [(c.item_id, c.field) for c in result.conflicts] == [("territory", "title, positions/russia/stance")]
    text = result.text.decode()
    assert text.count(OURS) == 1  # never markers inside markers
    assert text == "issues:\n" + NOTE + result.conflicts[0].words + "\n" + OURS + "\n" + ours[len("issues:\n"):] + BETWEEN + "\n" + theirs[len("issues:\n"):] + THEIRS + "\n"


STATUS = """# The deal's status.

status:
  stage: proposed
  headline: A plan is put forward
  # Only the article dates it.
  since: 2025-11-20
  source: s
"""


def test_the_status_merges_field_by_field_with_its_comments():
    ours = STATUS.replace("A plan is put forward", "A plan is on the table")
    theirs = STATUS.replace("  # Only the article dates it.\n  since: 2025-11-20\n", "  # The article dates it to Thursday.\n  since: 2025-11-21\n")
    result = merge_file(STATUS.encode(), ours.encode(), theirs.encode(), "status.yaml")
    assert result.clean and result.text.decode() == theirs.replace("A plan is put forward", "A plan is on the table")
    clash = merge_file(STATUS.encode(), ours.encode(), STATUS.replace("put forward", "floated").encode(), "status.yaml")
    assert [(c.section, c.item_id, c.field) for c in clash.conflicts] == [("status", "status", "headline")]
    assert clash.conflicts[0].words.startswith("the deal status: its headline was changed two ways")


def test_the_files_header_merges_as_one_chunk():
    ours = BASE.replace("# A second line of the header.", "# A second line, reworded.")
    theirs = BASE + quote("new", "New")
    assert merged(BASE, ours, theirs) == ours + quote("new", "New")
    _, conflicts = conflicted(BASE, ours, BASE.replace("# A second line of the header.", "# Another wording.").replace("One", "One!"))
    assert [(c.section, c.item_id) for c in conflicts] == [("", "")] and conflicts[0].words.startswith("the file: the comments at its top")


def test_a_day_file_both_sides_created_merges_its_quotes():
    head = "# Quotes of 26 November.\nquotes:\n"
    ours, theirs = head + quote("anna", "A", lead=""), head + quote("boris", "B", lead="")
    assert merged("", ours, theirs) == ours + quote("boris", "B")


def test_windows_line_breaks_and_a_last_line_without_its_break_are_kept():
    base = BASE.replace("\n", "\r\n").rstrip("\r\n")
    ours = base + "\r\n" + quote("anna", "A").replace("\n", "\r\n").rstrip("\r\n")
    theirs = base.replace("text: One", "text: One!")
    assert merged(base, ours, theirs) == ours.replace("text: One", "text: One!")
    both = merged(base, ours, base + "\r\n" + quote("boris", "B").replace("\n", "\r\n").rstrip("\r\n"))
    assert both == ours + "\r\n" + quote("boris", "B").replace("\n", "\r\n").rstrip("\r\n")
