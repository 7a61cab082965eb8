"""A brief as a document: headings, paragraphs and lists of inline parts, content text kept apart from syntax."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.text.safe_text import visible

if TYPE_CHECKING:
    pass


# -- the document: blocks of inline parts ---------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Text that points at an address (shown as "text (address)" in plain text)."""

    text: str
    url: str


@dataclass(frozen=True)
class Strong:
    """Text in bold in Markdown, plain in plain text."""

    text: str


Part = str | Link | Strong
"""A plain `str` part is text from the content: escaped for Markdown, never syntax."""
Inline = tuple[Part, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    parts: Inline


@dataclass(frozen=True)
class Para:
    parts: Inline


@dataclass(frozen=True)
class Item:
    parts: Inline
    sub: tuple[Inline, ...] = ()
    """Lines under the item (a quote's context, its source), one level in."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


Block = Heading | Para | Bullets


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, *parts: Part) -> None:
        self.blocks.append(Heading(level, parts))

    def para(self, *parts: Part) -> None:
        self.blocks.append(Para(parts))

    def bullets(self, items: Iterable[Item]) -> None:
        items = tuple(items)
        if items:
            self.blocks.append(Bullets(items))


def clean(text: str | None) -> str:
    """Content text on one line: every control character visible, runs of white space one space."""
    return " ".join(visible(text or "").split())


def long_date(date: dt.date | None) -> str:
    """25 November 2025: a date as an attribution line writes it."""
    return date.strftime("%-d %B %Y") if date else ""


def short_date(date: dt.date | None) -> str:
    return date.strftime("%-d %b %Y") if date else "undated"


WEB = re.compile(r"^https?://\S+$", re.IGNORECASE)
"""An address a reader can open: only these become links, or are opened."""
