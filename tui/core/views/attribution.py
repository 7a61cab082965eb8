"""A quote as one attribution line, as a newsroom writes it, and the address of an item's source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.core.model.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.model.items import Quote

from tui.core.views.brief_document import WEB, clean, long_date

# -- attribution --------------------------------------------------------------------------

_MEDIUM_PHRASE = {
    "press-conference": ("at a press conference", ("press conference", "briefing")),
    "interview": ("in an interview", ("interview",)),
    "post-on-x": ("in a post on X", ("on x", "x post", "twitter")),
    "post-on-truth-social": ("in a post on Truth Social", ("truth social",)),
    "post-on-telegram": ("in a post on Telegram", ("telegram",)),
    "social-post": ("in a social media post", ("post",)),
    "statement": ("in a statement", ("statement",)),
    "speech": ("in a speech", ("speech", "remarks", "comments", "address")),
}
"""Each medium as the phrase an attribution adds, unless the reporting chain already says it
in the source's words (which are better than ours). Anonymous, article and other add nothing:
an unnamed official is said by the speaker, and an article is the source itself."""

_SAYING_VERB = re.compile(
    r"^(told|said|says|wrote|writes|posted|added|stated|declared|announced|tweeted|insisted|warned|"
    r"claimed|argued|noted|explained|asked|replied|answered|stressed|suggested|acknowledged|confirmed)\b",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(A|An|The) ")
_ENDS_AS_SAID = re.compile(r"[,?!…]['’\"”]?$")
"""Words that end like this are followed by "X said"; others ("welcomed", a full stop) by a dash."""


def _speaker(quote: Quote, snapshot: Snapshot) -> str:
    """Who said it, as the subject of an attribution: name, then role (or party) in apposition."""
    # "a Trump administration official said", not "A Trump …": the name never opens the line.
    speaker = _LEADING_ARTICLE.sub(lambda m: m[1].lower() + " ", clean(quote.speaker))
    if quote.speaker_role:
        return f"{speaker}, {clean(quote.speaker_role)}"
    party = snapshot.party_by_id.get(quote.party or "")
    if party is not None and clean(party.name).casefold() not in speaker.casefold():
        return f"{speaker} ({clean(party.name)})"
    return speaker


def _according_to(source_id: str, snapshot: Snapshot) -> str:
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return f"according to a source the store does not name ({clean(source_id)})"
    return f"according to {clean(source.outlet)}"


def attribution(quote: Quote, snapshot: Snapshot, with_url: bool = True) -> str:
    """The quote as one line a reporter can paste, e.g.

    “If the spirit … situation,” Sergey Lavrov, Russian Foreign Minister, told reporters at a
    press conference on 25 November 2025, according to Meduza.

    Built from the speaker and role (or party), how the words reached the source (in the
    source's own words), the medium where those do not say it, the date and the source's
    outlet; its address follows where it is known. The quote's words are never changed:
    words that end as said words do ("…situation,") are followed by "X said"; a fragment
    or a full stop by a dash ("“welcomed” — Sergey Lavrov, …, speaking at a press conference").
    """
    text = clean(quote.text)
    steps = [step for step in (clean(s) for s in quote.reported_by) if step]
    said_as = " ".join(steps).casefold()
    phrase, covered = _MEDIUM_PHRASE.get(quote.medium.value, ("", ()))
    medium = phrase if phrase and not any(re.search(rf"\b{re.escape(word)}\b", said_as) for word in covered) else ""
    when = f"on {long_date(quote.date)}" if quote.date else ""
    sentence = bool(_ENDS_AS_SAID.search(text))
    subject = _speaker(quote, snapshot)
    verb = steps[0] if steps and _SAYING_VERB.match(steps[0]) else ""
    adjuncts = steps[1:] if verb else list(steps)
    if sentence and not verb:
        verb = "said"
    if verb:
        # "X, role, told reporters at a press conference on 25 November 2025, cited by …"
        comma = "," if quote.speaker_role else ""
        pieces = [f"{subject}{comma} {' '.join(filter(None, [verb, medium, when]))}", *adjuncts]
    else:
        # No saying verb: how it was said stands beside the name ("X, speaking at a press conference").
        placed = " ".join(filter(None, [medium, when]))
        if placed and adjuncts:
            adjuncts[-1] += " " + placed
        elif placed:
            adjuncts = [placed]
        pieces = [subject, *adjuncts]
    line = ", ".join([*pieces, _according_to(quote.source, snapshot)]) + "."
    result = f"“{text}” {line}" if sentence else f"“{text}” — {line}"
    source = snapshot.source_by_id.get(quote.source)
    if with_url and source is not None and source.url:
        result += f" {clean(source.url)}"
    return result


def source_url(snapshot: Snapshot, kind: str, item_id: str) -> tuple[str | None, str]:
    """The address of an item's source, if known, and what to say of it: (url, description)."""
    item: object = None
    if kind == "quote":
        item = snapshot.quote_by_id.get(item_id)
    elif kind == "event":
        item = snapshot.event_by_id.get(item_id)
    elif kind == "issue":
        item = snapshot.issue_by_id.get(item_id)
    elif kind == "status":
        item = snapshot.status
    source_id: str | None = getattr(item, "source", None)
    if not source_id:
        return None, f"This {kind} names no source."
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return None, f"Its source {clean(source_id)} is not in the store."
    described = clean(source.outlet) + (f", “{clean(source.title)}”" if source.title else "")
    if not source.url:
        return None, f"No address is known for its source ({described})."
    if not WEB.match(source.url.strip()):
        # Only a web address is handed to the browser: a file: or javascript: address from the content is not opened.
        return None, f"Its source's address is not a web address, so it is not opened: {clean(source.url)}"
    return source.url.strip(), described


