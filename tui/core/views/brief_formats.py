"""A brief document written out: Markdown that renders on GitHub, or plain text that survives chat apps."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from tui.core.text.safe_text import visible

if TYPE_CHECKING:
    pass

from tui.core.views.brief_document import Document, Heading, Inline, Link, Para, Strong

FORMATS = ("markdown", "text")
WIDTH = 72
"""Plain text wraps here: a chat window, an email, a terminal all show it whole."""


# -- formats ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!$@^])")
_MD_EMOJI = re.compile(r":(?=[A-Za-z0-9_+-]+:)")
"""The opening colon of what GitHub would turn into an emoji (`:fire:`); "18:00" stays as it is."""
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Content text as Markdown that shows exactly it: no emphasis, code, link, heading,
    list, HTML, entity, mention, emoji or maths can start inside it (GitHub's flavour)."""
    text = _MD_SPECIAL.sub(r"\\\1", visible(text))
    text = _MD_EMOJI.sub(r"\\:", text)
    # At the start of a line a dash, a plus, `>` or `1.` would open a list or a quote.
    return _MD_LINE_START.sub(lambda m: m[1] + ("\\" + m[2] if not m[2].isdigit() else m[2] + "\\"), text)


def _md_url(url: str) -> str:
    # In angle brackets an address may hold spaces and parentheses; only < and > must go.
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def _md_inline(parts: Inline) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f"[{md_escape(part.text)}]({_md_url(part.url)})")
        elif isinstance(part, Strong):
            out.append(f"**{md_escape(part.text)}**")
        else:
            out.append(md_escape(part))
    return "".join(out)


def markdown(doc: Document) -> str:
    """The document as Markdown (CommonMark, as GitHub renders it)."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append("#" * block.level + " " + _md_inline(block.parts))
        elif isinstance(block, Para):
            lines.append(_md_inline(block.parts))
        else:
            for item in block.items:
                lines.append("- " + _md_inline(item.parts))
                lines += ["  - " + _md_inline(sub) for sub in item.sub]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _plain_inline(parts: Inline) -> str:
    out, urls = [], []
    for part in parts:
        if isinstance(part, Link):
            # The address goes last, after a space: chat apps link it whole, with no bracket or full stop stuck to it.
            out.append(visible(part.text))
            urls.append(visible(part.url))
        elif isinstance(part, Strong):
            out.append(visible(part.text))
        else:
            out.append(visible(part))
    return " ".join(["".join(out), *urls])


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    if width <= 0:
        return [first + text]
    # Never inside a word or at a hyphen: an address or a name cut in two cannot be clicked or searched.
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False) or [first]


def plain_text(doc: Document, width: int = WIDTH) -> str:
    """The document as plain text for chat apps and email: no Markdown, no box drawing;
    headings in capitals, bullets as •, wrapped at `width` columns (0: one line a paragraph)."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            # Capitals mark a section where there are no heading styles; a title and an issue read as written.
            text = _plain_inline(block.parts)
            lines += _wrap(text.upper() if block.level == 2 else text, width, "", "")
        elif isinstance(block, Para):
            lines += _wrap(_plain_inline(block.parts), width, "", "")
        else:
            for item in block.items:
                lines += _wrap(_plain_inline(item.parts), width, "• ", "  ")
                for sub in item.sub:
                    lines += _wrap(_plain_inline(sub), width, "  ◦ ", "    ")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render(doc: Document, form: str, width: int = WIDTH) -> str:
    if form == "markdown":
        return markdown(doc)
    if form == "text":
        return plain_text(doc, width)
    raise ValueError(f"unknown format {form!r}: use one of {', '.join(FORMATS)}")


