"""The fixed vocabularies of the content store, each word with what it means.

Editors pick from these; the loader refuses anything else, naming the choices. The
descriptions feed the JSON Schema and `content/README.md`, so they are written for a
newsroom editor, not a programmer.
"""

from __future__ import annotations

from enum import StrEnum

PROPER_LABELS = {
    "post-on-x": "post on X",
    "post-on-truth-social": "post on Truth Social",
    "post-on-telegram": "post on Telegram",
}
"""Words whose label holds a name, written as the name is."""


class Described(StrEnum):
    """A vocabulary whose every word carries a one-line meaning."""

    description: str

    def __new__(cls, value: str, description: str = "") -> Described:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @property
    def label(self) -> str:
        """The word as a reader sees it: dashes become spaces, names keep their capitals."""
        return PROPER_LABELS.get(self.value, self.value.replace("-", " "))


class Stage(Described):
    """Where the deal stands as a whole."""

    PROPOSED = "proposed", "A plan has been put forward; the parties have not yet engaged on it."
    UNDER_NEGOTIATION = "under-negotiation", "Drafts are being revised between the parties."
    FRAMEWORK_AGREED_IN_PRINCIPLE = (
        "framework-agreed-in-principle",
        "At least two parties accept a framework in principle; key terms are still open.",
    )
    FINAL_STAGES = "final-stages", "The parties say the deal is final or in its final stages."
    AGREED = "agreed", "All parties have agreed the terms, not yet signed."
    SIGNED = "signed", "The deal has been signed."
    STALLED = "stalled", "Talks have stopped without being abandoned."
    COLLAPSED = "collapsed", "A party has walked away or the plan was rejected."


class PartyRole(Described):
    """What a party is to the talks."""

    BELLIGERENT = "belligerent", "A side in the war."
    MEDIATOR = "mediator", "Brokers the deal or authors the plan."
    HOST = "host", "Hosts talks on its territory."
    GUARANTOR = "guarantor", "Would guarantee the deal's terms."
    OBSERVER = "observer", "Follows the talks officially without taking part."
    COMMENTATOR = "commentator", "Comments from outside: press, analysts, civil society."


class IssueStatus(Described):
    """How close the parties are on one issue."""

    OPEN = "open", "Raised, not yet negotiated."
    CONTESTED = "contested", "The parties disagree."
    NARROWING = "narrowing", "The gap is closing."
    AGREED = "agreed", "The parties agree."
    DEFERRED = "deferred", "Set aside for later."
    DROPPED = "dropped", "No longer part of the talks."


class Stance(Described):
    """A party's position on an issue, in one word."""

    PROPOSES = "proposes", "Put the terms forward."
    SUPPORTS = "supports", "Backs the terms."
    ACCEPTS = "accepts", "Has agreed, perhaps only in principle."
    CONDITIONAL = "conditional", "Would accept only on conditions it has named."
    INSISTS = "insists", "Demands particular terms."
    OPPOSES = "opposes", "Rejects the terms."
    UNCLEAR = "unclear", "Has spoken, but the position is ambiguous."
    UNSTATED = "unstated", "The sources say nothing of its position."


class Medium(Described):
    """Where a statement was made."""

    PRESS_CONFERENCE = "press-conference", "Said at a press conference or briefing to reporters."
    INTERVIEW = "interview", "Said to a journalist or outlet."
    POST_ON_X = "post-on-x", "Written in a post on X."
    POST_ON_TRUTH_SOCIAL = "post-on-truth-social", "Written in a post on Truth Social."
    POST_ON_TELEGRAM = "post-on-telegram", "Written in a post on Telegram."
    SOCIAL_POST = "social-post", "Written on another social network."
    STATEMENT = "statement", "A written or official statement."
    SPEECH = "speech", "A speech or public remarks."
    ANONYMOUS = "anonymous", "Said by an unnamed official and relayed by the press."
    ARTICLE = "article", "Written in, or headlined by, a published article."
    OTHER = "other", "None of the above."


class Outcome(Described):
    """What became of a deadline once its date passed."""

    MET = "met", "It happened by the date."
    SLIPPED = "slipped", "It did not happen by the date; it was put off or missed."


class DocumentType(Described):
    """What kind of text of the talks a document is."""

    PLAN = "plan", "A plan for the whole deal, put forward by one side or a mediator."
    DRAFT = "draft", "A working text revised between the parties."
    FRAMEWORK = "framework", "The outline of a deal, its terms left to be filled in."
    STATEMENT_OF_PRINCIPLES = "statement-of-principles", "Principles the parties state they share, short of terms."


class DocumentStatus(Described):
    """Where a document stands."""

    REPORTED = "reported", "The press reports it; it has not been presented officially."
    PRESENTED = "presented", "Put to the other parties officially."
    REVISED = "revised", "Being changed between the parties."
    AGREED_IN_PRINCIPLE = "agreed-in-principle", "Accepted in principle; terms are still open."
    AGREED = "agreed", "Accepted by the parties it needs."
    REJECTED = "rejected", "Turned down by a party it needs."
    SUPERSEDED = "superseded", "A later version replaced it."


class PointChange(Described):
    """How a point came from the version before."""

    SAME = "same", "Carried over as it was."
    REWORDED = "reworded", "Carried over with its words changed."
    MERGED = "merged", "Made of two or more points of the version before."
    NEW = "new", "Not in the version before."
    DROPPED = "dropped", "A point of the version before that this version leaves out."


class MeetingFormat(Described):
    """How the people at a meeting met."""

    IN_PERSON = "in-person", "Met face to face, in one place."
    PHONE = "phone", "Spoke by telephone."
    VIDEO = "video", "Met by video link."
