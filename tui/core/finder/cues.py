"""The words that attribute a quote, and what they say of where it was said and how it came to print.

Rules, not a model: a newsroom's reporting verbs and nouns, the words that may stand between
a speaker and the verb, and the phrases that name a medium ("told reporters", "in a post on
Truth Social") or a step in the reporting ("told Axios", "cited by CNN and CBS News").
"""

from __future__ import annotations

import re

from tui.core.model.vocab import Medium

_VERBS = """
say said says saying tell told tells telling add added adds adding write wrote writes written writing
tweet tweeted tweets tweeting post posted posts state stated states declare declared declares
announce announced announces explain explained explains note noted notes argue argued argues
insist insisted insists warn warned warns ask asked asks reply replied replies respond responded responds
answer answered answers recall recalled recalls acknowledge acknowledged acknowledges admit admitted admits
suggest suggested suggests stress stressed stresses emphasize emphasized emphasizes emphasise emphasised
complain complained complains joke joked jokes quip quipped quips predict predicted predicts
promise promised promises vow vowed vows pledge pledged pledges urge urged urges shout shouted yell yelled
boast boasted boasts concede conceded concedes contend contended contends counter countered counters
retort retorted retorts remark remarked remarks observe observed observes comment commented comments
maintain maintained maintains assert asserted asserts allege alleged alleges testify testified testifies
claim claimed claims continued continues conclude concluded concludes report reported reports
reiterate reiterated reiterates repeat repeated repeats confirm confirmed confirms
describe described describes describing call called calls calling dub dubbed
read reads lament lamented laments wonder wondered wonders muse mused muses thunder thundered declares
chant chanted chants recounted recounts recount quote quoted quotes react reacted reacts
thank thanked thanks praised praises welcomed welcomes blasted blasts slammed slams criticized accused hammered touted mocked applauded
condemned decried lauded ridiculed attacked retaliated rebutted shot fired hit struck pushed scoff scoffed scoffs
hint hinted hints caution cautioned cautions advise advised advises
""".split()
_ING = """
noting stating declaring announcing explaining arguing insisting warning asking replying responding answering recalling
acknowledging admitting suggesting stressing emphasizing complaining joking predicting promising vowing pledging urging
boasting conceding contending countering remarking observing commenting maintaining asserting alleging testifying claiming
concluding reporting reiterating repeating confirming describing lamenting wondering quipping thanking praising blasting
slamming criticizing accusing touting mocking condemning cautioning advising hinting tweeting posting reading
""".split()
VERBS = frozenset(_VERBS + _ING)
"""Reporting verbs, every form a news sentence uses."""

SPEECH = frozenset("say said says saying tell told tells write wrote writes tweet tweeted tweets add added adds".split())
"""The plainest of them, which a quote may follow or precede without any other word."""

PHRASAL = frozenset("shot fired hit struck pushed".split())
"""Verbs that report words only with "back" after them ("Hillary shot back, “…”")."""

NOUNS = frozenset(
    """response reply answer statement message tweet post words remark remarks comment comments retort verdict
    explanation argument letter email note testimony warning claim advice assessment""".split()
)
"""Nouns that report words when a speaker owns them ("In Lavrov’s words, “…”", "Clinton’s response was: “…”")."""

AFTER_QUOTE = frozenset("continued continues".split())
"""Verbs that attribute only the quote just before them ("“…,” he continued", "“…,” it read")."""

AFTER_ONLY = frozenset("call called calls calling dub dubbed describe described describes describing quote quoted quotes".split())
"""Verbs whose object is what they name ("called it “a disaster”"), never a speaker after them."""

SKIPPED = frozenset(
    """also has had have 'd would will could did does do may might then later previously recently once
    repeatedly reportedly again even just only still already first last further publicly privately
    flatly simply never often frequently famously quickly bluntly angrily simply sarcastically
    has since had long initially originally subsequently separately elsewhere today yesterday
    tonight earlier ultimately finally now""".split()
)
"""Words that may stand between a speaker and the reporting verb ("Lavrov also said")."""

CLAUSE = frozenset(
    """that which who whom whose when while because if as and but or so where after before since
    although though than whether until unless what how why nor yet for to of by about with on in at
    from into onto over under between against during without within through upon per is are was
    were be been being not no""".split()
)
"""Words a speaker's name never runs back over."""

INTRO = frozenset("in on at after during before following speaking asked writing responding".split())
"""Words that open a phrase before the speaker ("In a statement, …", "Speaking at a press conference, …")."""

DETERMINERS = frozenset(
    "a an the another one two three four several some many most other others his her their its both each "
    "this these those any every no".split()
)
PRONOUNS = frozenset("he she they it we i you him her them his their its".split())
PERSONAL = frozenset("he she him her his".split())
"""Pronouns that stand for a person (resolved to the nearest named person before them)."""

TITLES = frozenset(
    """president vice secretary minister head senator sen. rep. representative gov. governor mayor speaker
    chairman chairwoman chair director spokesman spokeswoman spokesperson ambassador general gen. lt.
    col. adm. judge justice attorney dr. mr. mrs. ms. rev. sheriff chief officer commissioner leader whip
    ceo candidate nominee prime chancellor king queen pope prince princess deputy adviser advisor aide
    correspondent journalist reporter editor anchor host commentator analyst strategist manager
    chairperson congressman congresswoman councilman councilwoman lawmaker professor prof. sgt. capt.
    maj. cmdr. former acting first lady""".split()
)
"""Words of a title before a name ("Foreign Minister Sergey Lavrov"), left out of the name."""

UNNAMED = re.compile(
    r"\b(?:officials?|sources?|aides?|diplomats?|insiders?|advisers?|advisors?|person|people|spokes(?:man|woman|person)|"
    r"someone|member|staffer|operative|adviser)\b",
    re.IGNORECASE,
)
"""Words of a speaker described rather than named ("a Trump administration official")."""

PLATFORMS = frozenset("x twitter truth telegram facebook instagram threads bluesky tiktok youtube weibo vk vkontakte linkedin mastodon".split())
"""The first word of each social network's name: "wrote on X", "said on Truth Social"."""
_PLATFORM = r"(?:X|Twitter|Truth Social|Telegram|Facebook|Instagram|Threads|Bluesky|TikTok|YouTube|Weibo|VK|VKontakte|LinkedIn|Mastodon|social media)"
_OUTLET = r"(?:[A-Z][\w’'&.-]*(?:\s+(?:and\s+)?[A-Z][\w’'&.-]*)*)"
STEPS = re.compile(
    "|".join(
        (
            rf"\b(?i:told|telling|tells|said to)\s+(?:reporters|journalists|the press|the media|{_OUTLET})",
            rf"\b(?:cited|quoted|interviewed)\s+by\s+{_OUTLET}(?:\s+and\s+{_OUTLET})?",
            rf"\b(?i:in\s+a\s+(?:post|tweet|message|video|thread|statement posted)\s+on|wrote\s+on|posted\s+on|said\s+on|writing\s+on)\s+{_PLATFORM}\b",
            rf"\b(?i:in)\s+an?\s+(?:interview|conversation|phone call|podcast|op-ed|letter)(?:\s+(?:with|to|on)\s+{_OUTLET})?",
            r"\b(?i:speaking|spoke)\s+(?:at|to|during)\s+an?\s+(?:press|news)\s+(?:conference|briefing)",
            r"\b(?i:at|during)\s+an?\s+(?:press|news)\s+(?:conference|briefing)\b",
            r"\b(?i:in)\s+an?\s+(?:written\s+)?statement\b",
            r"\b(?i:in|during)\s+an?\s+(?:speech|address|rally)\b|\b(?i:at)\s+an?\s+(?:rally|event|campaign event|town hall)\b",
            rf"\b(?i:according)\s+to\s+(?:{_OUTLET}|a\s+[a-z]+\s+(?:by|from|in)\s+{_OUTLET})",
            r"\b(?i:in)\s+(?:his|her|their)\s+(?:first\s+)?(?:public\s+)?(?:comments|remarks)\b",
            rf"\btweeted\b|\bon\s+{_PLATFORM}\b",
        )
    )
)
"""Phrases that say how the words reached print, each a step in `reported_by`, in the article's words."""

_MEDIA: tuple[tuple[re.Pattern[str], Medium], ...] = (
    (re.compile(r"\bTruth Social\b"), Medium.POST_ON_TRUTH_SOCIAL),
    (re.compile(r"\bTelegram\b"), Medium.POST_ON_TELEGRAM),
    (re.compile(r"\b(?:on X|tweet(?:ed|s)?|Twitter)\b"), Medium.POST_ON_X),
    (re.compile(r"\b(?:Facebook|Instagram|Threads|Bluesky|TikTok|YouTube|Weibo|VK|VKontakte|LinkedIn|Mastodon|social media)\b"), Medium.SOCIAL_POST),
    (re.compile(r"\b(?:press|news) (?:conference|briefing)|\btold (?:reporters|journalists|the press)\b|\bbriefing\b", re.IGNORECASE), Medium.PRESS_CONFERENCE),
    (re.compile(r"\binterview|\b(?:told|telling|tells|said to) (?!reporters|journalists|the press)[A-Z]", re.IGNORECASE), Medium.INTERVIEW),
    (re.compile(r"\bstatement\b", re.IGNORECASE), Medium.STATEMENT),
    (re.compile(r"\b(?:speech|rally|address|remarks|public comments|town hall)\b", re.IGNORECASE), Medium.SPEECH),
)
"""The medium a phrase names, first match wins (a post on Truth Social before a plain "said")."""

TOLD_WHOM = re.compile(rf"\s*(?:reporters|journalists|the press|the media|{_OUTLET})")


def steps(sentence: str) -> list[str]:
    """The reporting steps a sentence names, as written ("told Axios", "cited by CNN and CBS News")."""
    found: list[str] = []
    for match in STEPS.finditer(sentence):
        step = match.group().strip()
        if step.lower() in ("tweeted",) or step in found:
            continue
        if not any(step in kept for kept in found):
            found = [kept for kept in found if kept not in step] + [step]
    return found


def medium(phrases: str, unnamed: bool) -> Medium:
    """The medium the attribution's words name; an unnamed speaker's words relayed by the press are
    anonymous unless a medium is named; otherwise "other", for an editor to settle."""
    for pattern, word in _MEDIA:
        if pattern.search(phrases):
            return word
    return Medium.ANONYMOUS if unnamed else Medium.OTHER
