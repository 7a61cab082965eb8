"""The brief and the attribution line, from real stores on disk: what a newsroom pastes must read
well for every shipped quote, keep its structure in Markdown, and let no content text break it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.helpers.minimal_store import QUOTES, SOURCES, STATUS, STORY, write_store
from tui.core.desk import NO_JOURNAL, Desk
from tui.core.model.snapshot import Snapshot
from tui.core.views import brief, brief_formats

TODAY = dt.date(2025, 11, 25)
WRITTEN = dt.datetime(2025, 11, 25, 18, 0)
BOX_DRAWING = re.compile(r"[\u2500-\u259f]")


def load(root: Path) -> Snapshot:
    state = Desk(root, journal=NO_JOURNAL).load()
    assert not state.problems, state.problems
    return state.snapshot


def tokens(markdown: str) -> list:
    """Every token GitHub's flavour of CommonMark makes of the text, inline ones included."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    flat = []
    for token in parser.parse(markdown):
        flat.append(token)
        flat += token.children or []
    return flat


def text_of(markdown: str) -> str:
    """What a reader sees of the Markdown: the text of every text token, joined."""
    return "".join(t.content for t in tokens(markdown) if t.type in ("text", "code_inline"))


# -- attribution ----------------------------------------------------------------------------

SHIPPED_LINES = {
    "lavrov-anchorage": "“If the spirit and letter of Anchorage regarding the key understandings we reached are erased, then of "
    "course it will be a fundamentally different situation,” Sergey Lavrov, Russian Foreign Minister, told reporters at a "
    "press conference on 25 November 2025, according to Meduza.",
    "lavrov-welcomed": "“welcomed” — Sergey Lavrov, Russian Foreign Minister, speaking at a press conference on 25 November 2025, "
    "according to Meduza.",
    "yermak-as-soon-as-possible": "“as soon as possible” — Andriy Yermak, Ukrainian Presidential Office Head, told Axios in an "
    "interview on 25 November 2025, according to Meduza.",
    "trump-final-stages": "“when the deal to end this war is final or is in its final stages.” — Donald Trump, U.S. President, in a "
    "post on Truth Social on 25 November 2025, according to Meduza.",
    "us-official-minor-details": "“minor details” — a Trump administration official (United States), cited by CNN and CBS News, "
    "according to Meduza.",
    "arno-reward-to-a-dictator": "“a reward to a dictator,” Natalia Arno (Free Russia Foundation) said, according to Meduza.",
    "readers-no-just-peace": "“There is no such thing as a just peace” — Meduza’s Russian-language readers, according to Meduza.",
    "umerov-common-understanding": "“common understanding” — Rustem Umerov, Ukrainian National Security Council Secretary, "
    "according to Meduza.",
    "miller-in-principle": "“in principle” — Christopher Miller, Financial Times journalist, wrote on X, according to Meduza.",
    "putin-substantively": "“substantively” — Vladimir Putin, Russian President, in his first public comments, according to Meduza.",
}


@pytest.mark.parametrize("quote_id", list(SHIPPED_LINES))
def test_attribution_of_shipped_quotes_reads_as_a_reporter_writes_it(shipped: Path, quote_id: str) -> None:
    snapshot = load(shipped)
    assert brief.attribution(snapshot.quote_by_id[quote_id], snapshot) == SHIPPED_LINES[quote_id]


def test_every_shipped_quote_has_a_clean_attribution(shipped: Path) -> None:
    snapshot = load(shipped)
    for quote in snapshot.quotes:
        line = brief.attribution(quote, snapshot)
        assert line.startswith(f"“{' '.join(quote.text.split())}”"), line  # the words, untouched
        assert quote.speaker.split()[-1] in line and line.endswith("according to Meduza."), line
        for slip in (",,", ", ,", " ,", ",.", "  ", ", —"):
            assert slip not in line, (slip, line)


def test_attribution_ends_with_the_sources_address_where_one_is_known(tmp_path: Path) -> None:
    snapshot = load(write_store(tmp_path / "content"))
    assert brief.attribution(snapshot.quote_by_id["q-north"], snapshot) == (
        "“We will not move: not one metre.” — A. Envoy, Chief negotiator, told the Wire in an interview on 21 February 2025, "
        "according to The Wire. https://example.org/wire-1"
    )
    # An unnamed speaker, no role: the party says whom they speak for.
    assert brief.attribution(snapshot.quote_by_id["q-south"], snapshot) == (
        "“Talks go on.” — an official (Southland), according to The Other Wire."
    )
    assert brief.source_url(snapshot, "quote", "q-north") == ("https://example.org/wire-1", "The Wire, “Talks open in Geneva”")
    assert brief.source_url(snapshot, "quote", "q-south") == (None, "No address is known for its source (The Other Wire).")
    assert brief.source_url(snapshot, "event", "talks-open")[0] == "https://example.org/wire-1"


# -- the whole brief, from the shipped store ---------------------------------------------------


def test_plain_text_of_the_shipped_brief_survives_a_chat_app(shipped: Path) -> None:
    snapshot = load(shipped)
    text = brief.plain_text(brief.brief(snapshot, TODAY, WRITTEN))
    assert not BOX_DRAWING.search(text)
    for line in text.splitlines():
        assert not re.match(r"\s*([#>*+-]\s|\d+[.)]\s|```)", line), line  # no Markdown headings, lists, quotes, code
        assert "**" not in line and "](" not in line and "`" not in line, line
        assert len(line) <= brief.WIDTH or " " not in line.strip(), line
    flat = " ".join(text.split())
    for heading in ("WHERE THE DEAL STANDS", "DEADLINES", "ISSUES", "LATEST EVENTS", "KEY QUOTES"):
        assert f"\n{heading}\n" in text
    assert snapshot.status is not None and " ".join(snapshot.status.headline.split()) in flat
    for quote in snapshot.quotes:
        assert brief.attribution(quote, snapshot) in flat
    for issue in snapshot.issues:
        assert f"{issue.title} ({issue.status.label})" in flat
        for position in issue.positions:
            assert f"• {snapshot.party_name(position.party)} {position.stance.label}" in flat
    assert "27 Nov 2025 (in 2 days): Thanksgiving" in flat
    # Unwrapped, each paragraph and each bullet is one line.
    assert "• " + brief.attribution(snapshot.quote_by_id["lavrov-anchorage"], snapshot) in brief.plain_text(
        brief.brief(snapshot, TODAY, WRITTEN), width=0
    ).splitlines()


def test_markdown_of_the_shipped_brief_has_its_structure(shipped: Path) -> None:
    snapshot = load(shipped)
    markdown = brief.markdown(brief.brief(snapshot, TODAY, WRITTEN))
    parsed = tokens(markdown)
    headings = [(t.tag, parsed[i + 1].content) for i, t in enumerate(parsed) if t.type == "heading_open"]
    assert headings[0] == ("h1", "Trump’s peace plan for the war in Ukraine")
    assert [text for tag, text in headings if tag == "h2"] == ["Where the deal stands", "Deadlines", "Issues", "The texts", "Latest events",
                                                               "Key quotes"]
    assert [text for tag, text in headings if tag == "h3"] == [f"{i.title} ({i.status.label})" for i in snapshot.issues]
    assert sum(t.type == "bullet_list_open" and t.level == 0 for t in parsed) == 1 + len(snapshot.issues) + 3  # deadlines, each issue, texts, events, quotes
    assert not [t for t in parsed if t.type in ("html_block", "html_inline", "code_inline", "code_block", "em_open", "s_open", "link_open")]
    shown = text_of(markdown)
    for quote in snapshot.quotes:
        assert brief.attribution(quote, snapshot) in shown
    assert "18:00" in shown
    assert "Trump’s peace plan, initial version (initial): superseded, last week, per 25 Nov 2025 (28 points per Meduza)" in shown
    assert "Next version: Subsequent drafts of the plan (subsequent drafts): revised" in shown


# -- hostile text ---------------------------------------------------------------------------

HOSTILE = "*not em* _nor this_ `code` # hash [link](https://evil.example) <b>html</b> &amp; @someone :fire: ~~gone~~ $x$ | a | \\ back"


def hostile_store(root: Path) -> Path:
    quotes = QUOTES.replace('"We will not move: not one metre."', json.dumps(HOSTILE + " clear\x1b[2J bell\x07,"))
    quotes = quotes.replace("speaker: A. Envoy", f"speaker: {json.dumps('A. *Envoy* <i>')}")
    story = STORY.replace("covers: Talks on a ceasefire between Northland and Southland.", "covers: '- not a list, # not a heading'")
    status = STATUS.replace("headline: Drafts are being exchanged", "headline: '1. not a numbered list'")
    sources = SOURCES.replace("url: https://example.org/wire-1", "url: https://example.org/a_(b)?q=1&r=<2>")
    sources = sources.replace("- id: wire-2\n    outlet: The Other Wire", "- id: wire-2\n    outlet: The Other Wire\n    url: javascript:alert(1)")
    return write_store(root, quotes_yaml=quotes, story_yaml=story, status_yaml=status, sources_yaml=sources)


def test_markdown_escapes_everything_the_content_holds(tmp_path: Path) -> None:
    snapshot = load(hostile_store(tmp_path / "content"))
    markdown = brief.markdown(brief.brief(snapshot, TODAY, WRITTEN))
    parsed = tokens(markdown)
    assert "\x1b" not in markdown and "\x07" not in markdown and "␛\\[2J" in markdown
    # Only the document's own structure: no emphasis, code, HTML, strike-through or table came from the content.
    kinds = {t.type for t in parsed}
    assert not kinds & {"em_open", "code_inline", "code_block", "html_inline", "html_block", "s_open", "table_open"}, kinds
    links = [t.attrs["href"] for t in parsed if t.type == "link_open"]
    assert links and set(links) == {"https://example.org/a_(b)?q=1&r=%3C2%3E"}  # only the real source, never javascript:
    shown = text_of(markdown)
    assert f"“{HOSTILE} clear␛[2J bell␇,” A. *Envoy* <i>, Chief negotiator, told the Wire in an interview" in shown
    assert "- not a list, # not a heading" in shown and "1. not a numbered list" in shown
    headings = [parsed[i + 1].content for i, t in enumerate(parsed) if t.type == "heading_open"]
    assert headings == ["Ceasefire talks", "Where the deal stands", "Deadlines", "Issues", "The border line (contested)",
                        "Prisoner exchange (narrowing)", "Latest events", "Key quotes"]
    assert "ordered_list_open" not in kinds and "blockquote_open" not in kinds


def test_plain_text_shows_escape_codes_as_symbols(tmp_path: Path) -> None:
    snapshot = load(hostile_store(tmp_path / "content"))
    text = brief.plain_text(brief.brief(snapshot, TODAY, WRITTEN), width=0)
    assert "\x1b" not in text and "\x07" not in text
    assert f"• “{HOSTILE} clear␛[2J bell␇,” A. *Envoy* <i>, Chief negotiator" in text
    assert "The Wire, “Talks open in Geneva” (21 Feb 2025) https://example.org/a_(b)?q=1&r=<2>\n" in text
    assert "The Other Wire, javascript:alert(1)" in text
    assert not BOX_DRAWING.search(text)


@pytest.mark.parametrize("text, escaped", [
    ("a*b_c", r"a\*b\_c"),
    ("# h", r"\# h"),
    ("- item", r"\- item"),
    ("12. item", r"12\. item"),
    ("at 18:00 :smile: ok", r"at 18:00 \:smile: ok"),
    ("<script>", r"\<script\>"),
])
def test_md_escape(text: str, escaped: str) -> None:
    assert brief_formats.md_escape(text) == escaped


def test_the_chain_in_the_sources_words_leads_and_the_medium_fills_in_only_what_it_leaves_out(tmp_path: Path) -> None:
    quotes = QUOTES.replace("medium: interview\n    reported_by: told the Wire", "medium: post-on-x\n    reported_by: [told Xinhua radio, cited by TASS]")
    snapshot = load(write_store(tmp_path / "content", quotes_yaml=quotes))
    assert brief.attribution(snapshot.quote_by_id["q-north"], snapshot, with_url=False) == (
        "“We will not move: not one metre.” — A. Envoy, Chief negotiator, told Xinhua radio in a post on X on 21 February 2025, "
        "cited by TASS, according to The Wire."
    )
