"""Quotation marks as newsrooms print them: every style, apostrophes told apart, nesting, paragraphs."""

from __future__ import annotations

import pytest

from tui.core.finder.marks import quotations


def words(text: str) -> list[str]:
    return [text[q.start:q.end] for q in quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He called it “a disaster” twice.", ["a disaster"]),
        ('He called it "a disaster" twice.', ["a disaster"]),
        ("Putin says the plan wasn’t discussed ‘substantively’ with Moscow", ["substantively"]),
        ("Er sagte „nie wieder“ und ging.", ["nie wieder"]),
        ("Il a dit «jamais» hier.", ["jamais"]),
        ("Il a dit « jamais » hier.", ["jamais"]),
        ("Il a dit ‘ jamais ’ hier.", ["jamais"]),
        ("Han sagde »aldrig« i går.", ["aldrig"]),
        ("Han sa ”aldrig” igår.", ["aldrig"]),
        ("Он сказал «никогда» вчера.", ["никогда"]),
    ],
)
def test_each_newsroom_style_of_marks(text, expected):
    assert words(text) == expected


def test_apostrophes_are_not_quotation_marks():
    text = "Trump’s plan, the voters’ anger, rock ’n’ roll in the ’90s, it wasn’t and 'em: nothing quoted here."
    assert words(text) == []


def test_an_apostrophe_inside_a_single_quoted_quote_does_not_close_it():
    assert words("‘Trump’s plan isn’t dead,’ she said.") == ["Trump’s plan isn’t dead,"]


def test_a_headline_quote_in_single_marks_beside_apostrophes():
    text = "What does Trump’s peace plan mean for Putin? It’s ‘a reward to a dictator,’ says Free Russia Foundation’s Natalia Arno."
    assert words(text) == ["a reward to a dictator,"]


def test_straight_single_marks_and_apostrophes():
    assert words("Fans of rock 'n' roll chant 'we will win' at night.") == ["we will win"]


def test_a_nested_quote_stays_inside_the_outer_one():
    text = "“He told me, ‘We will never sign it,’ and left,” Smith said."
    assert words(text) == ["He told me, ‘We will never sign it,’ and left,"]
    straight = "\"He told me, 'We will never sign it,' and left,\" Smith said."
    assert words(straight) == ["He told me, 'We will never sign it,' and left,"]


def test_an_inner_mark_never_closed_does_not_keep_the_outer_quote_open():
    assert words("“He said ‘no and left,” Smith said. Then “more” came.") == ["He said ‘no and left,", "more"]


def test_a_quote_over_paragraphs_reopens_at_each_and_closes_once():
    text = "Smith said:\n\n“We came to talk.\n\n“We stayed to agree,” he added.\n\nThe end."
    [quote] = quotations(text)
    assert text[quote.start:quote.end] == "We came to talk.\n\n“We stayed to agree,"
    assert quote.paragraphs == 2


def test_a_quote_never_closed_in_its_paragraph_is_dropped():
    text = "He said “we will see.\n\nLater, a “partial” quote."
    assert words(text) == ["partial"]


def test_mixed_curly_opening_and_straight_closing_marks():
    assert words("“At this point, there is no bad publicity,\" he said.") == ["At this point, there is no bad publicity,"]


def test_an_ellipsis_inside_a_quote_is_part_of_its_words():
    assert words("“We will … win,” he said. ‘Then…’ she began.") == ["We will … win,", "Then…"]


def test_the_words_are_exactly_the_text_between_the_marks():
    text = "A “ spaced ” quote, an empty “” one, and a “real one”."
    found = quotations(text)
    assert [text[q.start:q.end] for q in found] == ["spaced", "real one"]
    for q in found:
        assert text[q.opened] in "“" and text[q.closed - 1] == "”"
