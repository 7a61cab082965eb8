"""A quote against a source's text, on texts written here: verbatim, normalised, one word changed
(and the word diff that says which), missing, and what counts as occurring."""

from __future__ import annotations

import pytest

from tui.core.verify.match import QuoteState, SourceText, find, fold

ARTICLE = (
    "Speaking at a press conference, the minister said the talks had “welcomed” the draft.\n"
    "“If the spirit of the summit is erased, then of course it will be a different situation,” he told reporters.\n"
    "An official said only “minor details” remained — and that the parties’ teams would meet on Tuesday.\n"
)
SOURCE = SourceText(ARTICLE)


@pytest.mark.parametrize("text", [
    "If the spirit of the summit is erased, then of course it will be a different situation,",
    "welcomed",
    "minor details",
])
def test_words_printed_exactly_are_verbatim(text):
    assert find(text, SOURCE).state is QuoteState.VERBATIM


@pytest.mark.parametrize("text, why", [
    ("If the spirit of the summit is erased, then of course it will be a different situation,".replace("of course", "of  course"), "two spaces"),
    ("If the spirit of the summit\n  is erased, then of course it will be a different situation,", "a line break and indent"),
    ("If the spirit of the summit is erased, then of\u00a0course it will be a different situation,", "a no-break space"),
    ('only "minor details" remained', "straight quote marks for curly ones"),
    ("remained - and that the parties' teams", "a hyphen for a dash, a straight apostrophe for a curly one"),
    ("remained -- and", "not folded: two hyphens are not one dash"),
])
def test_typography_and_spaces_are_folded_but_nothing_else(text, why):
    expected = QuoteState.DIFFERS if why.startswith("not folded") else QuoteState.NORMALISED
    assert find(text, SOURCE).state is expected, why


def test_one_word_changed_differs_with_the_words_around_it():
    found = find("If the spirit of the summit is erased, then perhaps it will be a different situation,", SOURCE)
    assert found.state is QuoteState.DIFFERS
    assert found.hunks == (("erased, then perhaps", "erased, then of course"),)
    assert found.diff == "store: *erased, then perhaps*; source: *erased, then of course*"


def test_a_changed_first_word_is_shown_with_the_words_after_it_and_the_quote_marks_around_a_quote_are_not_a_difference():
    found = find("When the spirit of the summit is erased,", SOURCE)
    assert found.state is QuoteState.DIFFERS
    assert found.hunks == (("When the spirit", "If the spirit"),)


def test_a_case_change_is_a_difference():
    assert find("if the spirit of the summit is erased", SOURCE).hunks == (("if the spirit", "If the spirit"),)


def test_several_differences_are_each_shown_and_counted_past_three():
    found = find("If the soul of the summit was erased, then perhaps it would be a different situation,", SOURCE)
    assert found.state is QuoteState.DIFFERS
    assert [mine for mine, _ in found.hunks] == ["If the soul", "the summit was", "erased, then perhaps it would"]
    words = "An officer said only minor detail remained and that the party teams would meet on a Tuesday."
    many = find(words, SOURCE)
    assert many.state is QuoteState.DIFFERS and many.more > 0 and f"and {many.more} more" in many.diff


def test_a_part_of_a_word_is_not_the_word():
    found = find("welcome", SOURCE)
    assert found.state is QuoteState.DIFFERS
    assert found.hunks == (("welcome", "welcomed"),)


@pytest.mark.parametrize("text", ["Nothing of the kind was said by anyone at all", "zzz", " "])
def test_words_nowhere_in_the_source_are_missing(text):
    assert find(text, SOURCE).state is QuoteState.MISSING


def test_fold_names_what_it_folds():
    assert fold("“It’s — well”\u00a0 said\n") == '" It\'s - well " said'
