"""A proposal the store already holds, for the same speaker, is marked as such."""

from __future__ import annotations

from tui.core.finder import KnownPerson, find_quotes
from tui.core.model.items import Quote

LAVROV = KnownPerson("sergey-lavrov", "Sergey Lavrov", aliases=("Lavrov S.",), party="russia")
TEXT = "“If the spirit of Anchorage is erased, it will be a different situation,” Lavrov told reporters. “We will see,” he added."


def stored(text: str, speaker: str) -> Quote:
    return Quote(id="q", text=text, speaker=speaker, medium="press-conference", source="s")


def duplicates(*quotes: Quote) -> list[bool]:
    return [p.duplicate for p in find_quotes(TEXT, (LAVROV,), stored_quotes=quotes)]


def test_the_same_words_for_the_same_person_are_a_duplicate():
    assert duplicates(stored("If the spirit of Anchorage is erased, it will be a different situation,", "Sergey Lavrov")) == [True, False]


def test_quotation_marks_spaces_and_case_do_not_make_words_new():
    held = stored("if the spirit of  Anchorage is erased, it will be a different situation", "sergey lavrov")
    assert duplicates(held) == [True, False]


def test_a_long_stretch_of_held_words_is_a_duplicate_but_a_short_one_is_not():
    assert duplicates(stored("it will be a different situation", "Sergey Lavrov")) == [True, False]
    assert duplicates(stored("We will", "Sergey Lavrov")) == [False, False]


def test_the_same_words_for_someone_else_are_not_a_duplicate():
    assert duplicates(stored("If the spirit of Anchorage is erased, it will be a different situation,", "Maria Zakharova")) == [False, False]


def test_a_speaker_stored_under_an_alias_or_as_written_is_the_same_speaker():
    assert duplicates(stored("We will see,", "Lavrov S.")) == [False, True]
    assert find_quotes("“We will see,” a diplomat said.", (LAVROV,), stored_quotes=[stored("We will see", "a diplomat")])[0].duplicate
