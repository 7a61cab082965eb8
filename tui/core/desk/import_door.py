"""The desk's door to importing an article: its text read, its quotes proposed, its source found
in the store (or one made ready), and the quotes an editor accepts written with the archived
copy as one edit. A part of `Desk`, kept apart for its size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.edits.import_request import ImportArticle
    from tui.core.edits.requests import AddQuote, Request
    from tui.core.finder.proposal import Proposal
    from tui.core.model.snapshot import Snapshot
    from tui.core.store.loader import ContentStore
    from tui.core.verify.article import Article

CAPTURE_NOTE = "Archived when the article was imported; captured is that day."


@dataclass(frozen=True)
class ArticleRead:
    """An article read for import: its text, the quotes proposed in it, and its source."""

    raw: bytes
    name: str
    """The file's name (its ending says how to read it): `-` for a pasted text."""
    article: Article
    sha256: str
    proposals: tuple[Proposal, ...]
    source: str | None
    """The store's source for this article (the same copy, address, or outlet, title and date), if any."""
    recorded: bool
    """That source records this very copy already."""
    outlet: str
    title: str
    date: dt.date | None
    url: str | None
    """What a new source would say (the page's, or what the editor gave instead)."""

    @property
    def text(self) -> str:
        return self.article.text

    def matched(self, snapshot: Snapshot) -> ArticleRead:
        """With its source found in the store: the one holding this very copy, else the one at its
        address, else the one with its outlet, title and date (a source is never added twice)."""
        from tui.core.edits.requests import AddSource

        by_copy = next((s.id for s in snapshot.sources if any(c.sha256 == self.sha256 for c in s.archive)), None)
        url = self.url
        by_url = next((s.id for s in snapshot.sources if url and (s.url == url or any(c.url == url for c in s.archive))), None)
        by_name = AddSource(outlet=self.outlet, title=self.title, date=self.date).same_as(snapshot) if self.outlet else None
        return dataclasses.replace(self, source=by_copy or by_url or by_name, recorded=by_copy is not None)

    def given(self, snapshot: Snapshot, outlet: str, title: str, date: dt.date | None) -> ArticleRead:
        """As the editor completed what the page did not say, its source found again with it."""
        return dataclasses.replace(self, outlet=outlet, title=title, date=date).matched(snapshot)

    def quote(self, proposal: Proposal, snapshot: Snapshot) -> AddQuote:
        """The quote a proposal asks for, as the quote form would fill it in: a known person by
        their name in the store, their role and party; the sentence around a fragment as context."""
        from tui.core.edits.requests import AddQuote

        name = next((p.name for party in snapshot.parties for p in party.people if p.id == proposal.person), None)
        context = proposal.context if proposal.context and len(proposal.words) < 0.8 * len(proposal.context) else ""
        return AddQuote(
            text=proposal.words, speaker=name or proposal.speaker or "", medium=proposal.medium.value, speaker_role=proposal.role,
            party=proposal.party, date=proposal.date, reported_by=tuple(proposal.reported_by), context=context, fill_speaker=True,
        )


class DeskImport:
    """What `Desk` does to import an article; it uses the desk's folder, lock and store."""

    root: Path
    _store: ContentStore
    _lock: threading.RLock

    def read_article(
        self, raw: bytes, name: str, *, outlet: str | None = None, title: str | None = None, date: dt.date | None = None,
        url: str | None = None,
    ) -> ArticleRead:
        """Read an article (a saved page, a text or Markdown file, or a pasted text) and propose its
        quotes against the store as loaded. Raises ValueError for what cannot be read as one."""
        from tui.core.finder.find import find_in_snapshot
        from tui.core.verify.article import article_text

        if not raw.strip():
            raise ValueError("the article is empty")
        article = article_text(raw, name if name != "-" else "pasted.txt")
        if not article.title and not name.lower().endswith((".html", ".htm")):
            # A text's first line, when it reads as a headline (short, no full stop): what the paste
            # box asks for first. A page's title is the page's own.
            first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
            if 0 < len(first) <= 200 and not first.endswith((".", ":", "”", '"')):
                article = dataclasses.replace(article, title=first)
        sha = hashlib.sha256(raw).hexdigest()
        outlet, title = outlet or article.outlet or "", title or article.title or ""
        date, url = date or article.date, url or article.url
        with self._lock:
            snapshot = self._store.snapshot
        proposals = tuple(find_in_snapshot(article.text, snapshot, date))
        return ArticleRead(raw, name, article, sha, proposals, None, False, outlet, title, date, url).matched(snapshot)

    def import_request(self, read: ArticleRead, quotes: Sequence[AddQuote], captured: dt.date) -> ImportArticle:
        """The edit that writes the accepted quotes with the article's source and its copy (`apply`
        archives the copy first). Raises EditRefused when a new source would have no outlet."""
        from tui.core.edits.engine import EditRefused
        from tui.core.edits.import_request import ImportArticle
        from tui.core.edits.requests import AddSource
        from tui.core.text.problems import Problem

        if read.source is None and not read.outlet.strip():
            why = "the article does not say which outlet published it: name it (--outlet, or the outlet field)"
            raise EditRefused([Problem("sources.yaml", 1, 1, why)], "the new source needs its outlet")
        new_source = None if read.source else AddSource(outlet=read.outlet, title=read.title, date=read.date, url=read.url)
        name = read.name if read.name != "-" else "pasted.txt"
        return ImportArticle(tuple(quotes), read.source, new_source, raw=read.raw, name=name, captured=captured, url=read.url)

    def _prepared(self, request: Request) -> tuple[Request, tuple[str, ...], Callable[[], None]]:
        """For an article's import: its bytes archived (once: the same bytes are kept once), the
        request made to record that copy, and how to take the copy back if the edit is not made."""
        from tui.core.edits.import_request import ImportArticle
        from tui.core.verify.archive import archive_article

        if not isinstance(request, ImportArticle) or not request.raw:
            return request, (), lambda: None
        archived = archive_article(self.root, request.raw, request.name, request.captured or dt.date.today(), request.url)
        capture = archived.capture(CAPTURE_NOTE)
        new_source = request.new_source and dataclasses.replace(request.new_source, archive=(capture,))
        ready = dataclasses.replace(request, new_source=new_source, capture=capture, raw=b"")

        def undo() -> None:
            if not archived.already:
                (self.root / archived.file).unlink(missing_ok=True)

        return ready, (archived.file,), undo
