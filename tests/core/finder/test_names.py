"""Speakers as written, matched to the store's people: surnames, spellings, aliases in other scripts."""

from __future__ import annotations

import pytest

from tui.core.finder import KnownPerson, find_quotes
from tui.core.finder.names import Roster

ZELENSKY = KnownPerson("zelensky", "Volodymyr Zelensky", aliases=("Зеленський", "Zelenskyy"), party="ukraine", party_names=("Ukraine",))
LAVROV = KnownPerson("sergey-lavrov", "Sergey Lavrov", party="russia", party_names=("Russia",))
BILL = KnownPerson("bill-clinton", "Bill Clinton", party="democrats")
HILLARY = KnownPerson("hillary-clinton", "Hillary Clinton", party="democrats")
PEOPLE = (ZELENSKY, LAVROV, BILL, HILLARY)


def speaker_of(text: str, people=PEOPLE) -> tuple[str | None, str | None]:
    [p] = find_quotes(text, people)
    assert p.speaker is not None and text[p.speaker_start:p.speaker_end] == p.speaker
    return p.speaker, p.person


@pytest.mark.parametrize(
    ("text", "speaker", "person"),
    [
        ("“No,” Lavrov said.", "Lavrov", "sergey-lavrov"),
        ("“No,” Sergey Lavrov said.", "Sergey Lavrov", "sergey-lavrov"),
        ("“No,” Sergei Lavrov said.", "Sergei Lavrov", "sergey-lavrov"),
        ("“No,” Zelensky said.", "Zelensky", "zelensky"),
        ("“No,” Zelenskyy said.", "Zelenskyy", "zelensky"),
        ("“No,” Zelenskiy said.", "Zelenskiy", "zelensky"),
        ("“Ні,” сказав Зеленський.", None, None),
        ("Зеленський: «Ні».", "Зеленський", "zelensky"),
        ("“No,” said President Volodymyr Zelensky.", "Volodymyr Zelensky", "zelensky"),
        ("“No,” Zelensky’s spokesman said.", "Zelensky’s spokesman", None),
    ],
)
def test_a_speaker_is_matched_by_surname_spelling_and_alias(text, speaker, person):
    if speaker is None:  # no cue the finder knows in Ukrainian: nothing proposed, nothing guessed
        assert find_quotes(text, PEOPLE) == []
        return
    assert speaker_of(text) == (speaker, person)


def test_a_word_in_another_script_matches_only_through_an_alias():
    without = (KnownPerson("zelensky", "Volodymyr Zelensky", party="ukraine"),)
    assert speaker_of("Зеленський: «Ні».", without) == ("Зеленський", None)


def test_short_names_match_only_exactly():
    roster = Roster((KnownPerson("vladimir-putin", "Vladimir Putin"),))
    assert roster.find(["Putin"]) is not None
    assert roster.find(["Putina"]) is None


def test_a_surname_two_people_share_names_whoever_was_named_in_full():
    assert speaker_of("“We will win,” Clinton said.") == ("Clinton", None)
    text = "Hillary Clinton spoke first. Later, “we will win,” Clinton said."
    [p] = find_quotes(text, PEOPLE)
    assert (p.speaker, p.person) == ("Clinton", None)  # a name in passing is not a speaker named in full
    text = "“Thank you,” Hillary Clinton said. “We will win,” Clinton added."
    assert [(p.speaker, p.person) for p in find_quotes(text, PEOPLE)] == [("Hillary Clinton", "hillary-clinton"), ("Clinton", "hillary-clinton")]


def test_a_name_that_only_describes_the_speaker_is_not_them():
    [p] = find_quotes("A Lavrov aide said the plan was “dead.”", PEOPLE)
    assert (p.speaker, p.person, p.party) == ("A Lavrov aide", None, "russia")


def test_an_unknown_speaker_is_proposed_as_written():
    [p] = find_quotes("“It is a trap,” said Kaja Kallas, the EU’s foreign policy chief.", PEOPLE)
    assert (p.speaker, p.person, p.party) == ("Kaja Kallas", None, None)
    [p] = find_quotes("“It is a trap,” a senior European diplomat said.", PEOPLE)
    assert (p.speaker, p.person) == ("a senior European diplomat", None)
