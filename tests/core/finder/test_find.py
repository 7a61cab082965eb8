"""Which quotes an article attributes, and to whom, with what cue, medium and reporting steps."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.finder import KnownPerson, Proposal, find_quotes
from tui.core.model.vocab import Medium

LAVROV = KnownPerson("sergey-lavrov", "Sergey Lavrov", party="russia", party_names=("Russia",), title="Russian Foreign Minister")
TRUMP = KnownPerson("donald-trump", "Donald Trump", party="united-states", party_names=("United States", "U.S."), title="U.S. President")
MILLER = KnownPerson("christopher-miller", "Christopher Miller", party="financial-times", party_names=("Financial Times", "FT"))
PEOPLE = (LAVROV, TRUMP, MILLER)


def found(text: str, people=PEOPLE, **kwargs) -> list[Proposal]:
    proposals = find_quotes(text, people, **kwargs)
    for p in proposals:  # nothing is invented: every text is the article's own, at its offsets
        assert text[p.start:p.end] == p.words
        assert p.context == text[p.context_start:p.context_start + len(p.context)]
        assert p.start >= p.context_start and p.end <= p.context_start + len(p.context)
        if p.speaker is not None:
            assert text[p.speaker_start:p.speaker_end] == p.speaker
    return proposals


def one(text: str, **kwargs) -> Proposal:
    [proposal] = found(text, **kwargs)
    return proposal


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue"),
    [
        ("“We will not sign it,” Lavrov told reporters.", "We will not sign it,", "Lavrov", "told reporters"),
        ("“We will not sign it,” said Lavrov.", "We will not sign it,", "Lavrov", "said"),
        ("Lavrov said: “We will not sign it.”", "We will not sign it.", "Lavrov", "said"),
        ("Lavrov said Russia had “welcomed” the plan.", "welcomed", "Lavrov", "said"),
        ("The plan is “dead on arrival,” Lavrov said on Tuesday.", "dead on arrival,", "Lavrov", "said"),
        ("Sergey Lavrov, Russia’s foreign minister, said the plan was “a step”.", "a step", "Sergey Lavrov", "said"),
        ("According to Lavrov, the talks are “going nowhere.”", "going nowhere.", "Lavrov", "According to Lavrov"),
        ("The talks are “going nowhere,” according to Lavrov.", "going nowhere,", "Lavrov", "according to Lavrov"),
        ("In Lavrov’s words, “the plan is dead.”", "the plan is dead.", "Lavrov", "words"),
        ("Lavrov shot back, “Not a chance.”", "Not a chance.", "Lavrov", "shot back"),
        ("Lavrov at the time said the talks were “a waste.”", "a waste.", "Lavrov", "said"),
    ],
)
def test_cues_before_and_after_the_quote(text, words, speaker, cue):
    p = one(text)
    assert (p.words, p.speaker, p.person, p.party, p.cue) == (words, speaker, "sergey-lavrov", "russia", cue)


def test_a_quote_nobody_is_said_to_have_said_is_not_proposed():
    text = "Read more about the ‘peace plan’. The so-called “coalition of the willing” met on “Meet the Press.”"
    assert found(text) == []


def test_a_title_after_the_verb_is_not_the_words():
    text = "“Donald Trump is a fraud,” Lavrov said Sunday on NBC’s “Meet the Press.”"
    assert [p.words for p in found(text)] == ["Donald Trump is a fraud,"]


def test_a_quote_before_a_cue_with_a_clause_of_its_own_is_not_the_speakers():
    text = "Wednesday on Fox’s “Hannity,” Lavrov said the ticket would be a “two-pirate ticket.”"
    assert [p.words for p in found(text)] == ["two-pirate ticket."]


@pytest.mark.parametrize(
    ("text", "medium", "reported_by", "cue"),
    [
        ("“It is over,” Lavrov told reporters.", Medium.PRESS_CONFERENCE, ("told reporters",), "told reporters"),
        ("Speaking at a press conference, Lavrov said Russia had “welcomed” it.", Medium.PRESS_CONFERENCE, ("Speaking at a press conference",), "said"),
        ("Lavrov told Axios on Tuesday that he wants to meet “as soon as possible.”", Medium.INTERVIEW, ("told Axios",), "told Axios"),
        ("Christopher Miller wrote on X that Ukraine agreed “in principle”.", Medium.POST_ON_X, ("wrote on X",), "wrote on X"),
        ("In a post on Truth Social, Trump said he would meet them “when the deal is final.”", Medium.POST_ON_TRUTH_SOCIAL,
         ("In a post on Truth Social",), "said"),
        ("Lavrov wrote on Telegram that it was “a provocation.”", Medium.POST_ON_TELEGRAM, ("wrote on Telegram",), "wrote on Telegram"),
        ("In a statement, Lavrov said the plan was “unacceptable.”", Medium.STATEMENT, ("In a statement",), "said"),
        ("Lavrov said the plan was “unacceptable.”", Medium.OTHER, (), "said"),
    ],
)
def test_the_cue_names_the_medium_and_the_reporting_steps(text, medium, reported_by, cue):
    p = one(text)
    assert (p.medium, p.reported_by, p.cue) == (medium, reported_by, cue)


def test_an_unnamed_speaker_is_proposed_as_written_with_who_cited_them():
    p = one("A Trump administration official cited by CNN and CBS News said that only “minor details” remained.")
    assert (p.speaker, p.person, p.party) == ("A Trump administration official", None, "united-states")
    assert (p.medium, p.reported_by) == (Medium.ANONYMOUS, ("cited by CNN and CBS News",))


@pytest.mark.parametrize(
    ("text", "party"),
    [("A U.S. official said the deal was “close.”", "united-states"), ("A Russian diplomat said the deal was “close.”", "russia"),
     ("A Western diplomat said the deal was “close.”", None)],
)
def test_the_party_an_unnamed_speaker_speaks_for(text, party):
    p = one(text)
    assert (p.person, p.party) == (None, party)


def test_a_speaker_the_store_does_not_know_keeps_their_name_without_titles():
    p = one("Ukrainian National Security Council Secretary Rustem Umerov said they reached a “common understanding.”")
    assert (p.speaker, p.role, p.person, p.party) == ("Rustem Umerov", "Ukrainian National Security Council Secretary", None, None)


def test_a_pronoun_is_the_nearest_named_person_before_it_and_goes_on_in_their_medium():
    text = ("Financial Times journalist Christopher Miller wrote on X that Ukraine agreed “in principle.” "
            "According to him, they include “the two biggest matters.”")
    first, second = found(text)
    assert (second.speaker, second.person, second.pronoun) == ("Christopher Miller", "christopher-miller", True)
    assert (second.speaker_start, second.speaker_end) == (first.speaker_start, first.speaker_end)
    assert text[second.mention_start:second.mention_end] == "him"
    assert (second.medium, second.reported_by) == (Medium.POST_ON_X, ("wrote on X",))
    assert not first.pronoun and first.role == "Financial Times journalist"


def test_a_pronoun_with_nobody_before_it_stays_as_written():
    p = one("“We will win,” she said.", people=())
    assert (p.speaker, p.person, p.pronoun) == ("she", None, False)


def test_a_quote_over_several_paragraphs_is_one_proposal():
    text = "Lavrov spoke for an hour.\n\n“We came here to talk.\n\n“We leave having agreed nothing,” Lavrov said."
    p = one(text)
    assert p.words == "We came here to talk.\n\n“We leave having agreed nothing,"
    assert (p.paragraphs, p.speaker) == (2, "Lavrov")


def test_a_speaker_goes_on_in_the_sentences_that_are_only_quotes():
    text = "“We will not sign,” Lavrov said. “Not now. Not ever.”\n\n“Never,” he repeated.\n\nThe “experts” disagree."
    assert [(p.words, p.speaker) for p in found(text)] == [
        ("We will not sign,", "Lavrov"), ("Not now. Not ever.", "Lavrov"), ("Never,", "Lavrov"),
    ]


def test_a_quote_in_the_paragraph_after_a_colon_is_the_introducers():
    text = "The New York Times confirmed that observation, reporting:\n\n“The cash flowed to the foundation.”"
    p = one(text)
    assert (p.speaker, p.words) == ("The New York Times", "The cash flowed to the foundation.")
    assert p.context == text


def test_an_interrupted_quote_is_the_same_speakers_on_both_sides():
    text = "“We will not sign,” Lavrov said, “and nobody can make us.”"
    assert [(p.words, p.speaker) for p in found(text)] == [("We will not sign,", "Lavrov"), ("and nobody can make us.", "Lavrov")]


def test_a_relative_pronoun_speaks_for_what_it_stands_for():
    p = one("Palin posted it under a headline that said, “ISIS declares death to children.”")
    assert (p.speaker, p.cue) == ("a headline", "said")
    text = "“He is a dictator in the making,” said Lavrov, who said there were “too many things to dismiss.”"
    second = found(text)[1]
    assert (second.speaker, text[second.mention_start:second.mention_end]) == ("Lavrov", "Lavrov, who")


def test_an_abbreviation_or_an_initial_does_not_end_the_sentence():
    p = one("“We are ready,” said Gen. Mark A. Milley of the U.S. Army.", people=())
    assert (p.speaker, p.role) == ("Mark A. Milley", "Gen.")


def test_a_nested_quote_is_proposed_once_inside_its_speakers_words():
    text = "“He told me, ‘We will never sign it,’ and left,” Lavrov said."
    assert [p.words for p in found(text)] == ["He told me, ‘We will never sign it,’ and left,"]


def test_the_publication_date_is_given_as_such():
    p = one("Lavrov said it was “over.”", published=dt.date(2025, 11, 25))
    assert p.date == dt.date(2025, 11, 25)
    assert p.as_json()["date"] == "2025-11-25" and p.as_json()["date_is"] == "the article's publication date"
    assert one("Lavrov said it was “over.”").date is None


def test_as_json_holds_the_keys_a_program_reads():
    data = one("“We will not sign it,” Lavrov told reporters.").as_json()
    assert {"words", "start", "end", "speaker", "speaker_start", "speaker_end", "person", "party", "cue", "medium", "context"} <= set(data)
    assert data["medium"] == "press-conference" and data["reported_by"] == ["told reporters"]
    assert (data["words"], data["speaker"], data["person"]) == ("We will not sign it,", "Lavrov", "sergey-lavrov")


def test_a_text_without_quotes_proposes_nothing():
    assert find_quotes("Lavrov said nothing of note.", PEOPLE) == []
