"""New text is quoted only when YAML needs it, reads back as exactly the text given, and gets a readable id."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.edits.new_items import event_id, quote_id, slug, source_id, unique
from tui.core.yaml.emit import Style, item_lines, needs_quotes, scalar, value_lines
from tui.core.yaml.reader import read_yaml


def read_back(text: str) -> object:
    doc, problems = read_yaml(text.encode("utf-8"), "t.yaml")
    assert doc is not None, problems
    return doc.data


@pytest.mark.parametrize("text", [
    "welcomed", "as soon as possible", "U.S.–Ukraine", "Trump’s “peace plan”", "[sic] in the text", "a: b",
    "ends with a colon:", "a #hash", "#hash", "- dash", "? q", "'quoted'", '"quoted"', "&anchor", "*alias", "!tag",
    "%percent", "@at", "`tick", "|pipe", ">fold", "yes", "No", "on", "OFF", "y", "n", "~", "null", "true", "0012",
    "1e3", "0x1F", ".inf", "2025-11-25", "12:30", "=", "  padded", "trailing ", "tab\there", "two\nlines",
    "zero\u200bwidth", "bidi\u202eoverride", "nbsp\u00a0kept", "emoji 🕊", "", "a, b", "{not: flow}",
])
def test_every_text_reads_back_as_itself_with_our_reader_and_pyyaml(text: str):
    written = scalar(text)
    assert read_back(f"k: {written}\n") == {"k": text}
    assert yaml.safe_load(f"k: {written}\n") == {"k": text}  # what other tools read (YAML 1.1)


@pytest.mark.parametrize(("text", "quoted"), [
    ("welcomed", False), ("Trump’s “peace plan”", False), ("U.S. President", False), ("a: b", True),
    ("a #b", True), ("yes", True), ("0012", True), ("2025-11-25", True), ("[sic]", True), ("", True),
    ("nbsp\u00a0kept", False),
])
def test_quotes_only_when_needed(text: str, quoted: bool):
    assert needs_quotes(text) is quoted
    assert scalar(text).startswith('"') is quoted


def test_flow_lists_quote_their_commas_and_brackets():
    assert scalar("a, b", flow=True) == '"a, b"' and scalar("a, b") == "a, b"
    assert read_back(f"k: [{scalar('x]', flow=True)}, {scalar('y', flow=True)}]\n") == {"k": ["x]", "y"]}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_round_trips(text: str):
    assert read_back(f"k: {scalar(text)}\n") == {"k": text}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=14), min_size=8, max_size=40))
def test_long_text_is_folded_and_reads_back_the_same(words: list[str]):
    text = " ".join(words)
    lines = value_lines("summary", text, 4, Style())
    assert read_back("item:\n" + "\n".join(lines) + "\n") == {"item": {"summary": text}}


def test_long_plain_text_is_folded_at_the_width_of_the_shipped_files():
    text = " ".join(["word"] * 40)
    lines = value_lines("summary", text, 4, Style())
    assert lines[0] == "    summary: >-"
    assert all(line.startswith("      word") and len(line) <= 90 for line in lines[1:])


def test_an_item_follows_the_indentation_it_is_given():
    lines = item_lines([("id", "a"), ("issues", ["x", "n"])], 4, Style(seq_indent=4, map_indent=4, step=4))
    assert lines == ["    -   id: a", "        issues:", "            - x", '            - "n"']  # n: false in YAML 1.1


@pytest.mark.parametrize(("made", "expected"), [
    (slug("Lavrov’s “press” conférence: Día 2"), "lavrovs-press-conference-dia-2"),
    (slug("Лавров"), ""),
    (quote_id("Sergey Lavrov", "If the spirit and letter of Anchorage are erased", "", "press-conference"),
     "lavrov-if-the-spirit-and-letter"),
    (quote_id("Сергей Лавров", "Мы приветствуем", "2025-11-26", "press-conference"), "2025-11-26-press-conference"),
    (quote_id("Sergey Lavrov", "Мы приветствуем", "2025-11-26", "press-conference"),
     "lavrov-2025-11-26-press-conference"),
    (event_id("U.S., Russian and Ukrainian delegations meet in Abu Dhabi", ""), "u-s-russian-and-ukrainian-delegations"),
    (event_id("Встреча", "2025-11-26"), "event-2025-11-26"),
    (source_id("Meduza", "Russian foreign minister suggests Moscow could reject", "2025-11-25"),
     "meduza-2025-11-25-russian-foreign-minister-suggests"),
    (source_id("", "", ""), "source"),
    (unique("lavrov-welcomed", {"lavrov-welcomed", "lavrov-welcomed-2"}), "lavrov-welcomed-3"),
    (unique("lavrov-new", {"lavrov-welcomed"}), "lavrov-new"),
])
def test_ids_are_readable_ascii_and_unique(made: str, expected: str):
    assert made == expected


def test_a_long_id_stops_at_a_word():
    made = slug("word " * 40)
    assert len(made) <= 60 and made.endswith("word") and made.startswith("word-word")
