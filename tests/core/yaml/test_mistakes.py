"""The common hand-editing mistakes, each named at the line the editor must fix, in plain words.

The same mistakes, with what peacewatch says, are the table in content/README.md
("When a file has a mistake"); a case added there belongs here too.
"""

from __future__ import annotations

import pytest

from tui.core.yaml.reader import read_yaml

BASE = """quotes:
  - id: q1
    text: Talks go on.
    speaker: Sergey Lavrov
    medium: interview
    source: s1
  - id: q2
    text: More talks.
    speaker: Someone
    medium: interview
    source: s1
"""

CASES = [
    # (mistake, the file's text, the line to fix, what the message must say)
    ("missing colon", BASE.replace("    speaker: Sergey Lavrov", "    speaker Sergey Lavrov"),
     4, "line 4 has no ':' after its field name: write 'speaker: Sergey Lavrov'"),
    ("unclosed quote", BASE.replace("text: Talks go on.", 'text: "Talks go on.'),
     3, "the \" that opens the text on line 3 is never closed"),
    ("tab", BASE.replace("    speaker: Sergey", "\tspeaker: Sergey"),
     4, "line 4 is indented with a tab; YAML indents with spaces only"),
    ("indented too far", BASE.replace("    speaker: Sergey", "      speaker: Sergey"),
     4, "line 4 is indented more than the field above it: line 'speaker:' up with 'text:'"),
    ("indented too little", BASE.replace("    speaker: Sergey", "   speaker: Sergey"),
     4, "line 4 is indented less than the field above it: line 'speaker:' up with 'text:'"),
    ("': ' in unquoted text", BASE.replace("text: Talks go on.", "text: He said: no"),
     3, "': ' inside unquoted text on line 3"),
    ("list item too deep", BASE.replace("  - id: q2", "    - id: q2"),
     7, "line 7: this list item ('- ') is at the wrong depth"),
    ("list item too shallow", BASE.replace("  - id: q2", " - id: q2"),
     7, "line 7: this list item ('- ') is at the wrong depth"),
    ("no space after the dash", BASE.replace("  - id: q2", "  -id: q2"),
     7, "line 7: a list item needs a space after its '-': write '- id: q2'"),
    ("a stray character", BASE.replace("    source: s1\n  - id: q2", "    source: s1\n  }\n  - id: q2"),
     7, "line 7 starts with a stray '}': delete it"),
    ("a character that cannot start a value", BASE.replace("text: Talks go on.", "text: @lavrov said"),
     3, "'@' cannot start a value in YAML: put the whole text in double quotes"),
    ("text after a closing quote", BASE.replace("text: Talks go on.", 'text: "Talks" go on.'),
     3, "text after the closing quote on line 3"),
]


@pytest.mark.parametrize(("mistake", "text", "line", "says"), CASES, ids=[c[0] for c in CASES])
def test_each_common_mistake_names_the_line_to_fix_in_plain_words(mistake, text, line, says):
    doc, problems = read_yaml(text.encode(), "quotes/2025-11-25.yaml")
    assert doc is None and len(problems) == 1
    problem = problems[0]
    assert problem.line == line, str(problem)
    assert says in problem.message
    assert "(parser: " in problem.message  # the parser's own words follow, for whoever wants them


def test_a_hash_inside_unquoted_text_is_not_a_syntax_error_but_a_cut_text():
    doc, problems = read_yaml(BASE.replace("text: Talks go on.", "text: Russia #1 priority").encode(), "q.yaml")
    assert problems == [] and doc is not None
    assert doc.data["quotes"][0]["text"] == "Russia"
    assert doc.cut_by_comment == [(("quotes", 0, "text"), (3, 18))]


def test_any_hash_after_a_plain_value_is_noted_on_its_line_and_a_note_on_a_line_of_its_own_is_not():
    doc, _ = read_yaml(BASE.replace("text: Talks go on.", "text: We are # one in the region").encode(), "q.yaml")
    assert doc is not None and doc.cut_by_comment == [(("quotes", 0, "text"), (3, 18))]
    doc, _ = read_yaml(BASE.replace("    text: Talks go on.", "    # a note on its own line\n    text: Talks go on.").encode(), "q.yaml")
    assert doc is not None and doc.cut_by_comment == []


@pytest.mark.parametrize(("mistake", "text", "line", "says"), [
    ("a list item too deep under nested lists",
     "quotes:\n  - id: q1\n    text: a\n    reported_by:\n      - told Axios\n    - id: q2\n    text: b\n",
     6, "column 3"),
    ("punctuation for the colon", BASE.replace("    speaker: Sergey Lavrov", "    speaker; Sergey Lavrov"),
     4, "write 'speaker: Sergey Lavrov'"),
    ("a stray word on its own line", BASE.replace("    medium: interview\n    source: s1\n  - id: q2", "    medium: interview\n    x\n    source: s1\n  - id: q2"),
     6, "delete it"),
], ids=lambda c: c if isinstance(c, str) and len(c) < 60 else "")
def test_the_fix_offered_is_one_that_works(mistake, text, line, says):
    _, problems = read_yaml(text.encode(), "q.yaml")
    assert problems and problems[0].line == line, problems
    assert says in problems[0].message, problems[0].message


def test_a_stray_character_before_a_field_is_named_as_such():
    _, problems = read_yaml(BASE.replace("    speaker: Someone", "]    speaker: Someone").encode(), "q.yaml")
    assert problems[0].line == 9 and "starts with a stray ']': delete it" in problems[0].message, problems


@pytest.mark.parametrize(("text", "line", "says"), [
    (BASE.replace("  - id: q1", "  - id q1"), 2, "line 2 has no ':' after its field name: write 'id: q1'"),
    (BASE.replace("text: Talks go on.", 'text: "Talks go on.').replace("text: More talks.", 'text: "More talks."'),
     3, "the \" that opens the text on line 3 is never closed"),
    ("  # A comment: \"with an open quote\n" + BASE.replace("text: More talks.", "text: More: talks."),
     9, "': ' inside unquoted text on line 9"),
    (BASE.replace("text: Talks go on.", 'text: "Talks go\n      on."').replace("text: More talks.", "text: More: talks."),
     9, "': ' inside unquoted text on line 9"),
], ids=["first field of an item", "an open quote before a quoted text", "a quote in a comment opens nothing",
        "a quoted text closed on its next line"])
def test_the_line_named_is_the_one_with_the_mistake_even_when_the_parser_stops_later(text, line, says):
    _, problems = read_yaml(text.encode(), "q.yaml")
    assert problems and problems[0].line == line and says in problems[0].message, problems


def test_git_conflict_markers_are_named_as_a_merge_conflict_with_what_to_do():
    from tui.core.yaml.reader import read_yaml

    text = (
        "events:\n  - id: a\n    title: A\n    source: s\n"
        "<<<<<<< HEAD\n  - id: b\n    title: B\n    source: s\n=======\n  - id: c\n    title: C\n    source: s\n"
        ">>>>>>> 1234567 (New event)\n"
    )
    doc, problems = read_yaml(text.encode(), "events.yaml")
    assert doc is None
    assert (problems[0].line, problems[0].column) == (5, 1)
    assert "git merge conflict" in problems[0].message and "delete the three marker lines" in problems[0].message
