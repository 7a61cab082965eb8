"""Verify: every quote whose source has an archived copy, checked against that copy's text.

A quote is checked against its source's newest capture (a web page: the article trafilatura
extracts from it). Its `text`, and its `context` if it has one, must occur there: verbatim,
or once quote marks, dashes, apostrophes and spaces are folded (normalised); otherwise it
differs from the closest passage (with the words that differ) or is missing. Every capture is
read and its digest checked; one that is missing or changed since it was captured is a
problem of its source, and the quotes checked against it are unchecked.

Fast on a large store: each copy is read once until its file is touched (its size, times and
inode), its text prepared once per digest, and each quote's finding kept by its words and
that digest, so a save re-checks only the quotes it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.model.items import Capture, Quote, Source
from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import Problem
from tui.core.text.safe_text import visible
from tui.core.verify.archive import CaptureFault, checked_bytes, stat_key
from tui.core.verify.article import article_text
from tui.core.verify.match import Found, QuoteState, SourceText, find, worse

Locate = Callable[..., "tuple[str, int, int] | None"]
"""Where a field of an item stands: (section, item id, *path inside it) -> (file, line, column)."""


@dataclass(frozen=True)
class QuoteCheck:
    """One quote against its source's archived copy."""

    state: QuoteState
    field: str = "text"
    """Which of its fields the state is about, where it is not verbatim: "text" or "context"."""
    hunks: tuple[tuple[str, str], ...] = ()
    """For DIFFERS: each difference as (the store's words, the source's)."""
    diff: str = ""
    """The same, in a line: "store: *erased, then perhaps*; source: *erased, then of course*"."""
    file: str = ""
    """The archived copy checked against (store-relative)."""
    captured: dt.date | None = None

    def describe(self) -> str:
        """In plain words, e.g. for the full view and `peacewatch verify`."""
        against = f"the archived copy ({self.file}, captured {self.captured.isoformat()})" if self.captured else "the archived copy"
        its = "its context" if self.field == "context" else "its words"
        return {
            QuoteState.VERBATIM: f"verbatim: its words occur exactly in {against}",
            QuoteState.NORMALISED: f"normalised: {its} occur in {against} once quote marks, dashes, apostrophes and spaces are folded",
            QuoteState.DIFFERS: f"differs: {its} are not what {against} printed: {self.diff}",
            QuoteState.MISSING: f"missing: {its} are nowhere in {against}",
            QuoteState.NOT_ARCHIVED: "not archived: its source has no archived copy to check it against",
            QuoteState.UNCHECKED: f"unchecked: {against} is missing or was changed since it was captured",
        }[self.state]


NOT_ARCHIVED = QuoteCheck(QuoteState.NOT_ARCHIVED)


@dataclass(frozen=True)
class CaptureProblem:
    """An archived copy that cannot be trusted."""

    source: str
    index: int
    """Its place in the source's `archive` list."""
    file: str
    why: str
    """E.g. "is missing", "no longer matches its SHA-256: …"."""


@dataclass(frozen=True)
class Verification:
    """Every quote of a snapshot against its source's archived copy."""

    checked: Mapping[str, QuoteCheck] = field(default_factory=dict)
    """The quotes whose source has an archived copy, by id; any other quote is not archived."""
    captures: tuple[CaptureProblem, ...] = ()
    problems: tuple[Problem, ...] = ()
    """Each quote that differs or is missing, and each capture missing or changed, at its file, line and column."""
    archives: int = 0
    """How many archived copies the store records."""

    def of(self, quote_id: str) -> QuoteCheck:
        return self.checked.get(quote_id, NOT_ARCHIVED)

    @property
    def failed(self) -> bool:
        """Whether anything is wrong: a quote that differs or is missing, a copy missing or changed."""
        return bool(self.captures) or any(check.state.fails for check in self.checked.values())

    def counts(self, quotes: int) -> dict[QuoteState, int]:
        """How many of `quotes` quotes are in each state."""
        counts = dict.fromkeys(QuoteState, 0)
        for check in self.checked.values():
            counts[check.state] += 1
        counts[QuoteState.NOT_ARCHIVED] += quotes - len(self.checked)
        return counts


class Verifier:
    """Checks snapshots of one content folder, remembering what it read."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._read: dict[str, tuple[tuple[int, ...] | None, str, str | None]] = {}
        """Per archived file: its stat when last read, the digest asked for, and why it failed (None: it is good)."""
        self._texts: dict[str, SourceText] = {}
        """Each good copy's text made ready, by digest."""
        self._found: dict[tuple[str, str, str, str], QuoteCheck] = {}
        """Each quote's check by (text, context, digest, file): the same object while they stay the
        same, so that a reader tells what changed by identity."""
        self._last: tuple[Snapshot, tuple[object, ...], Verification] | None = None

    def check(self, snapshot: Snapshot, locate: Locate | None = None) -> Verification:
        """Every quote of `snapshot` whose source has an archived copy; problems placed by `locate`."""
        sources = [source for source in snapshot.sources if source.archive]
        if not sources:
            return Verification()
        stats = tuple(stat_key(self.root, c.file) for source in sources for c in source.archive)
        if self._last is not None and self._last[0] is snapshot and self._last[1] == stats:
            return self._last[2]
        faults = [fault for source in sources for fault in self._faults(source)]
        bad = {(f.source, f.file) for f in faults}
        newest = {source.id: capture for source in sources if (capture := source.newest_capture) is not None}
        checked: dict[str, QuoteCheck] = {}
        found: dict[tuple[str, str, str, str], QuoteCheck] = {}
        unchecked = {capture.file: QuoteCheck(QuoteState.UNCHECKED, file=capture.file, captured=capture.captured) for capture in newest.values()}
        for quote in snapshot.quotes:
            capture = newest.get(quote.source)
            if capture is None:
                continue
            if (quote.source, capture.file) in bad:
                checked[quote.id] = unchecked[capture.file]
                continue
            key = (quote.text, quote.context, capture.sha256, capture.file)
            check = found.get(key) or self._found.get(key)
            if check is None or check.captured != capture.captured:
                finding, which = self._find(quote, capture)
                check = QuoteCheck(finding.state, which, finding.hunks, finding.diff, capture.file, capture.captured)
            checked[quote.id] = found[key] = check
        self._found = found
        self._texts = {sha: text for sha, text in self._texts.items() if sha in {c.sha256 for c in newest.values()}}
        verification = Verification(checked, tuple(faults), tuple(self._problems(snapshot, checked, faults, locate)), len(stats))
        self._last = (snapshot, stats, verification)
        return verification

    def _faults(self, source: Source) -> Iterator[CaptureProblem]:
        newest = source.newest_capture
        for index, capture in enumerate(source.archive):
            key = stat_key(self.root, capture.file)
            kept = self._read.get(capture.file)
            if kept is None or kept[0] != key or kept[1] != capture.sha256 or key is None:
                kept = (key, capture.sha256, self._read_copy(capture, capture is newest))
                self._read[capture.file] = kept
            if kept[2] is not None:
                yield CaptureProblem(source.id, index, capture.file, kept[2])

    def _read_copy(self, capture: Capture, prepare: bool = True) -> str | None:
        """Read and check one copy; with `prepare`, its text is made ready if it is good and not ready yet."""
        try:
            raw = checked_bytes(self.root, capture.file, capture.sha256)
        except CaptureFault as fault:
            return str(fault)
        if prepare and capture.sha256 not in self._texts:
            self._texts[capture.sha256] = SourceText(article_text(raw, capture.file).text)
        return None

    def _find(self, quote: Quote, capture: Capture) -> tuple[Found, str]:
        text = self._texts.get(capture.sha256)
        if text is None:  # an older copy whose text was let go: read again
            self._read_copy(capture)
            text = self._texts.get(capture.sha256) or SourceText("")
        result, which = find(quote.text, text), "text"
        if quote.context:
            context = find(quote.context, text)
            if worse(result, context):
                result, which = context, "context"
        return result, which

    def _problems(
        self, snapshot: Snapshot, checked: Mapping[str, QuoteCheck], faults: list[CaptureProblem], locate: Locate | None,
    ) -> Iterator[Problem]:
        def at(section: str, item_id: str, *loc: str | int) -> tuple[str, int, int]:
            where = locate(section, item_id, *loc) if locate is not None else None
            if where is None:
                origin = snapshot.origins.get((section, item_id))
                where = (origin.path, origin.line, 1) if origin else (f"{section}.yaml", 1, 1)
            return where

        for fault in faults:
            field_name = "sha256" if "SHA-256" in fault.why else "file"
            yield Problem(*at("sources", fault.source, "archive", fault.index, field_name),
                          f"source '{fault.source}': its archived copy {visible(fault.file)} {fault.why}; its quotes cannot be checked "
                          "(restore the file from git, or capture the source again)")
        for quote_id, check in checked.items():
            if not check.state.fails:
                continue
            # The words that differ first: a banner line is cut at the screen's edge.
            its = "context " if check.field == "context" else ""
            said = (f"{its}not as printed: {visible(check.diff)} (quote '{quote_id}', against its source's archived copy)"
                    if check.state is QuoteState.DIFFERS else
                    f"{its}not in the source: quote '{quote_id}': its {check.field} is nowhere in its source's archived copy "
                    f"({visible(check.file)}); check the words, or the source it cites")
            yield Problem(*at("quotes", quote_id, check.field), said)
