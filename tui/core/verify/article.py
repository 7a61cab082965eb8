"""An archived file's article: its text, and for a web page its title, outlet, date and address.

A text file (.txt, .md) is its UTF-8 text exactly as it is. A saved web page is read by
trafilatura, which finds the article among the page's menus, links and comments; it is imported
here, on first use, never by the dashboard's start (it takes half a second to import).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")


@dataclass(frozen=True)
class Article:
    """What an archived file says: the text quotes are checked against, and what the page says of itself."""

    text: str
    title: str = ""
    outlet: str = ""
    """The site's name, as the page gives it."""
    date: dt.date | None = None
    """The publication date the page gives, if it gives one."""
    url: str | None = None
    """The address the page gives for itself (its canonical link), if it gives one."""


def is_html(raw: bytes, filename: str) -> bool:
    """Whether `raw` is read as a web page: by its name's ending, else by its first bytes."""
    name = filename.lower()
    if name.endswith(TEXT_SUFFIXES):
        return False
    if name.endswith(HTML_SUFFIXES):
        return True
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head


def article_text(raw: bytes, filename: str) -> Article:
    """The article in `raw`, a file named `filename` (only its ending matters).

    A text file is decoded as UTF-8 (a byte that is not UTF-8 shows as U+FFFD, and a quote
    holding it cannot match); a web page's article is extracted by trafilatura, each paragraph
    a line, with the title, site name, publication date and canonical address the page gives
    (never guessed from its address). A page with no article found gives empty text.
    """
    if not is_html(raw, filename):
        return Article(raw.decode("utf-8", errors="replace").removeprefix("\ufeff"))
    import trafilatura

    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return Article("")
    data = document if isinstance(document, dict) else document.as_dict()
    return Article(
        text=str(data.get("text") or ""),
        title=str(data.get("title") or ""),
        outlet=str(data.get("sitename") or ""),
        date=_date(data.get("date")),
        url=str(data["url"]) if data.get("url") else None,
    )


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
