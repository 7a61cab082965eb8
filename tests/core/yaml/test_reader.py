"""The positioned YAML reader: values as written, where each stands, and what it refuses."""

from __future__ import annotations

import pytest

from tui.core.text.safe_text import shown
from tui.core.yaml.reader import Limits, read_yaml


def read(text: str | bytes, limits: Limits = Limits()):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_yaml(raw, "f.yaml", limits)


def data(text: str | bytes):
    doc, problems = read(text)
    assert problems == [], problems
    assert doc is not None
    return doc.data


def only_problem(text: str | bytes, limits: Limits = Limits()) -> str:
    doc, problems = read(text, limits)
    assert doc is None
    assert len(problems) == 1, problems
    return str(problems[0])


# -- values as the editor wrote them -------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["NO", "no", "Yes", "off", "y", "0012", "012", "0o17", "0x1F", "12:30", "1:20:30", "1.10", "1e3",
     ".inf", "-.NaN", "2025-02-30", "2025-02-01", "2001-12-14t21:59:43.10-05:00", "true", "+12", "1_000"],
)
def test_plain_scalars_stay_the_text_written(written):
    assert data(f"a: {written}\nb: [{written}]\n") == {"a": written, "b": [written]}


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_only_yaml_nulls_become_none(written):
    assert data(f"a: {written}\n") == {"a": None}


@pytest.mark.parametrize("written", ["'null'", '"~"', "'NO'", '"0012"', "!!str 12", "!!int 0012", "!!bool yes", "!!null x"])
def test_quoted_and_core_tagged_values_stay_text(written):
    expected = written.split(" ", 1)[1] if written.startswith("!!") else written[1:-1]
    assert data(f"a: {written}\n") == {"a": expected}


def test_positions_of_values_and_keys():
    doc, _ = read("top:\n  - id: one\n    name:   spaced\n  - [x, y]\n")
    assert doc.value_at[("top",)] == (2, 3)
    assert doc.value_at[("top", 0, "id")] == (2, 9)
    assert doc.key_at[("top", 0, "name")] == (3, 5)
    assert doc.value_at[("top", 0, "name")] == (3, 13)
    assert doc.value_at[("top", 1, 1)] == (4, 9)
    # an unknown path falls back to its nearest known ancestor
    assert doc.position(("top", 0, "missing")) == (2, 5)
    assert doc.position(("top", 0, "name"), prefer_key=True) == (3, 5)


def test_aliases_within_bounds_expand_to_their_anchor():
    assert data("a: &x [1, {b: 2}]\nc: *x\nd: &s text\ne: *s\n") == {
        "a": ["1", {"b": "2"}], "c": ["1", {"b": "2"}], "d": "text", "e": "text",
    }


def test_an_empty_file_or_comment_reads_as_nothing():
    assert data("") is None
    assert data("# only a comment\n") is None
    assert data("---\n") is None


# -- duplicate keys --------------------------------------------------------------------


def test_duplicate_key_names_both_lines():
    assert only_problem("a:\n  b: 1\n  c: 2\n  b: 3\n") == (
        "f.yaml:4:3: duplicate key 'b': already set at line 2; keep one of them"
    )


def test_duplicate_key_on_one_line_names_both_columns():
    assert only_problem("{a: 1, a: 2}\n") == "f.yaml:1:8: duplicate key 'a': already set at line 1, column 2; keep one of them"


def test_duplicate_key_inside_a_list_item():
    assert only_problem("- {x: 1}\n- [1, {y: 2, 'y': 3}]\n") == (
        "f.yaml:2:14: duplicate key 'y': already set at line 2, column 8; keep one of them"
    )


def test_keys_that_differ_only_in_quoting_are_one_key():
    assert "duplicate key 'NO'" in only_problem("NO: 1\n'NO': 2\n")


def test_a_key_must_be_text():
    assert only_problem("? [a]\n: 1\n") == "f.yaml:1:3: a key must be plain text, not a list or mapping"


# -- tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, tag",
    [
        ("!!python/object/apply:os.system ['echo hi']", "!!python/object/apply:os.system"),
        ("!!python/object:collections.OrderedDict {}", "!!python/object:collections.OrderedDict"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!<tag:yaml.org,2002:python/none> x", "!!python/none"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a}", "!!set"),
        ("!custom thing", "!custom"),
    ],
)
def test_unsafe_and_foreign_tags_are_refused(value, tag):
    assert only_problem(f"a: {value}\n") == (
        f"f.yaml:1:4: tag '{tag}' is not allowed: content is plain text, lists and mappings, "
        "never program objects or other types; remove the tag"
    )


def test_a_tag_hidden_behind_a_tag_directive_is_refused():
    problem = only_problem("%TAG !e! tag:yaml.org,2002:\n---\na: !e!python/object:os.system x\n")
    assert problem.startswith("f.yaml:3:4: tag '!!python/object:os.system' is not allowed")


# -- limits --------------------------------------------------------------------------------


def test_nesting_over_the_limit_is_refused():
    nested = "a: " + "[" * 4 + "]" * 4 + "\n"
    assert data(nested)  # within the default
    assert only_problem(nested, Limits(max_depth=3)) == (
        "f.yaml:1:6: nested more than 3 levels deep, the limit for one file; flatten the structure"
    )


def test_block_nesting_over_the_limit_is_refused():
    deep = "".join("  " * i + f"k{i}:\n" for i in range(45))
    assert only_problem(deep) == "f.yaml:41:81: nested more than 40 levels deep, the limit for one file; flatten the structure"


def test_nesting_past_libyamls_own_bound_gets_our_message():
    # libyaml reads flow collections ahead and stops at 1,000 levels itself
    assert only_problem("[" * 5000) == "f.yaml:1:1001: nested more than 40 levels deep, the limit for one file; flatten the structure"


def test_aliases_count_every_value_they_stand_for():
    text = "a: &x [1, 2, 3, 4]\nb: [*x, *x, *x]\n"  # 7 values, then 2 + 3 x 5
    assert data(text)
    assert only_problem(text, Limits(max_values=12)) == (
        "f.yaml:2:5: more than 12 values in one file, the limit (anchors and aliases count each "
        "time they are used); split the file or raise --max-values"
    )


def test_alias_bomb_is_refused_at_once():
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        name, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    bomb = "\n".join(levels) + "\n"  # a billion values from under 500 bytes
    problem = only_problem(bomb)
    # Refused on line 6, where the count first passes the limit (10**6 values): the levels
    # after it, up to a billion, are never expanded.
    assert problem.startswith("f.yaml:6:")
    assert "more than 200,000 values in one file, the limit" in problem and "raise --max-values" in problem


def test_alias_to_an_undefined_or_enclosing_anchor_is_refused():
    assert only_problem("a: *nope\n") == "f.yaml:1:4: alias *nope refers to an anchor that is not defined before it"
    assert only_problem("a: &x [*x]\n") == "f.yaml:1:8: alias *x refers to an anchor that is not defined before it"


def test_file_over_the_size_limit_is_refused_before_parsing():
    assert data(b"a: 1234\n")
    assert only_problem(b"a: 12345\n", Limits(max_file_bytes=8)) == (
        "f.yaml:1:1: file is 9 bytes, over the 8 bytes limit; split it into several files "
        "(e.g. one per day) or raise --max-file-mb"
    )


def test_a_second_document_is_refused():
    assert only_problem("a: 1\n---\nb: 2\n") == "f.yaml:2:1: expected one YAML document per file; found a second '---'"


# -- encodings and positions -------------------------------------------------------------


def test_bom_crlf_and_cr_only_files_read_alike():
    expected = {"a": "one", "b": ["two"]}
    assert data(b"\xef\xbb\xbfa: one\nb: [two]\n") == expected
    assert data(b"a: one\r\nb: [two]\r\n") == expected
    assert data(b"a: one\rb: [two]\r") == expected


def test_crlf_positions_count_lines_once():
    doc, _ = read(b"a: one\r\nb:\r\n  - two\r\n")
    assert doc.value_at[("b", 0)] == (3, 5)


def test_not_utf8_is_located_in_characters():
    # column counts characters, as an editor does, not bytes: 'é' and the BOM are one each
    assert only_problem("\ufeffa: é\nb: ü".encode() + b"\xff\n") == "f.yaml:2:5: byte 0xff is not UTF-8; save the file as UTF-8"
    assert only_problem("a: 1\r\nb: ".encode("utf-16")) == "f.yaml:1:1: byte 0xff is not UTF-8; save the file as UTF-8"


def test_forbidden_character_is_located_after_wide_characters():
    # libyaml reports a byte offset here; the line and column are an editor's
    assert only_problem("a: 中文中文\nb: x\x01y\n") == "f.yaml:2:5: character U+0001 is not allowed in YAML; remove it"
    assert only_problem("a: 😀 \x1b[31m\n") == "f.yaml:1:6: character U+001B is not allowed in YAML; remove it"


def test_positions_match_the_editor_after_a_line_separator():
    # libyaml counts U+2028 as a line break; editors show it inside the line
    doc, _ = read('a: "x\u2028y"\nb: [one, two]\n')
    assert doc.data["a"] == "x\u2028y"
    assert doc.value_at[("b", 1)] == (2, 10)


def test_an_unquoted_line_separator_is_named_as_the_cause():
    assert only_problem("a:\n  b: x\u2028y\n") == (
        "f.yaml:2:9: YAML syntax: while scanning a simple key, could not find expected ':' "
        "(line 2, column 7 holds the invisible character U+2028, which YAML reads as a line break: "
        "delete it, or put the text in quotes)"
    )


def test_tab_indentation_gets_a_hint():
    assert only_problem("a:\n\t- b\n") == (
        "f.yaml:2:1: line 2 is indented with a tab; YAML indents with spaces only: replace the tab with spaces "
        "(parser: while scanning for the next token, found character that cannot start any token (a tab: indent with spaces))"
    )


def test_syntax_error_is_located():
    assert only_problem("a: [1, 2\nb: 3\n") == (
        "f.yaml:2:2: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"
    )


@pytest.mark.parametrize(
    "value", ["\u200bzero\u200dwidth", "\u202eright to left\u202c", "emoji 😀🇺🇦 and 中文 and עברית", "x" * 100_000],
)
def test_unusual_text_reads_back_unchanged(value):
    assert data(f'a: "{value}"\nb: {value}\n'.encode()) == {"a": value, "b": value}


# -- how values appear in messages ----------------------------------------------------------


def test_shown_quotes_text_and_names_other_kinds():
    assert shown("north") == "'north'"
    assert shown(None) == "nothing"
    assert shown(["a"]) == "a list"
    assert shown({"a": 1}) == "a mapping"


def test_shown_spells_out_invisible_and_control_characters():
    assert shown("a\u200bb\u202ec\x1b[2Jd\ne\tf") == "'a<U+200B>b<U+202E>c<U+001B>[2Jd\\ne\\tf'"


def test_shown_cuts_long_text():
    assert shown("x" * 1000, limit=10) == "'xxxxxxxxx…'"


# -- the end of the file ----------------------------------------------------------------------


def test_an_error_at_the_end_is_placed_on_the_last_line_and_called_a_cut():
    # libyaml places it on a line after the last; the editor has no such line
    assert only_problem("a: [1,\n  2\n\n") == (
        "f.yaml:2:4: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']' "
        "before the end of the file (is it cut short?)"
    )
    # The mistake is the quote left open, so the line to fix is the quote's.
    assert only_problem('a: "abc') == (
        "f.yaml:1:4: the \" that opens the text on line 1 is never closed, so YAML reads on to the end of the file: "
        "add the closing \" where the text ends (parser: while scanning a quoted scalar, found unexpected end of the "
        "file (is it cut short?))"
    )


def test_an_empty_value_at_the_end_stands_on_the_last_line():
    doc, _ = read("? quotes")
    assert doc.data == {"quotes": None}
    assert doc.value_at[("quotes",)] == (1, 9)
