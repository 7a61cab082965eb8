"""`read_yaml(..., spans=True)` records where every value ends, which is what an edit replaces."""

from __future__ import annotations

import pytest

from tui.core.yaml.reader import read_yaml

TEXT = (
    "a:\r\n  b: “héllo” wörld  # note\r\n  c: >-\r\n    folded text\r\n    more\r\n\r\n  # comment\r\n"
    "  d: [x, {e: 'f'}]\r\n  g:\r\n    - h: i\r\n      j: k\r\n  # trailing\r\nz: \"1\"\r\nq:\r\n"
)


def spans_of(text: str) -> dict:
    doc, problems = read_yaml(text.encode(), "f.yaml", spans=True)
    assert doc is not None, problems
    return doc


def test_each_value_spans_exactly_its_own_text():
    doc = spans_of(TEXT)
    text = {path: TEXT[start:end] for path, (start, end) in doc.span.items()}
    assert text[("a", "b")] == "“héllo” wörld"
    assert text[("a", "c")] == ">-\r\n    folded text\r\n    more"  # not the blank line it takes in
    assert (text[("a", "d")], text[("a", "d", 1)], text[("a", "d", 1, "e")]) == ("[x, {e: 'f'}]", "{e: 'f'}", "'f'")
    assert text[("a", "g")] == "- h: i\r\n      j: k"  # a block list ends where its last value does
    assert text[("a", "g", 0)] == "h: i\r\n      j: k"
    assert (text[("z",)], text[("q",)]) == ('"1"', "")
    assert doc.flow == {("a", "d"), ("a", "d", 1)}
    assert doc.value_end[("a", "b")] == (2, 19) and doc.value_end[("a", "c")] == (5, 9)
    assert doc.value_end[("a", "g")] == (11, 11)


def test_spans_do_not_change_what_is_read_or_where():
    plain, _ = read_yaml(TEXT.encode(), "f.yaml")
    spanned = spans_of(TEXT)
    assert (plain.data, plain.value_at, plain.key_at) == (spanned.data, spanned.value_at, spanned.key_at)
    assert plain.span == {} and plain.value_end == {}


@pytest.mark.parametrize("odd", ["\u2028", "\x85"])
def test_an_invisible_line_break_in_a_value_does_not_shift_the_ends(odd: str):
    text = f'a: "one{odd}two"\nb: [x]\n'
    doc = spans_of(text)
    start, end = doc.span[("b",)]
    assert text[start:end] == "[x]" and doc.value_end[("b",)] == (2, 7)
