"""`peacewatch import [DIR] ARTICLE`: an article's quotes proposed, verbatim, with their speakers;
`--accept` writes the chosen ones with the article's source and its archived copy, as one edit."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands.edit_args import EXIT_STATUS, run_edit
from tui.commands.git_args import add_git_arguments
from tui.commands.store_args import store_to_read
from tui.core.desk import NO_JOURNAL, Desk

if TYPE_CHECKING:
    from tui.core.desk import ArticleRead, Request

PROG = "peacewatch import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="+", metavar="[DIR] ARTICLE",
                        help="the story's folder (default: the current folder if it holds a story), then the article: a saved "
                        "web page (.html), a text or Markdown file, or - for a text pasted on standard input. Never fetched from the web.")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="one JSON object a line per proposal (words, start, end, speaker, …)")
    shown.add_argument("--text", action="store_true", help="print the article's text as read (what the offsets of --json index)")
    parser.add_argument("--accept", nargs="+", metavar="N", default=None,
                        help="write proposals N… (numbers as listed; `all` for every one not in the store yet) with the "
                        "article's source and its archived copy, as one edit")
    parser.add_argument("--outlet", default=None, help="who published it, where the page does not say (a new source needs it)")
    parser.add_argument("--title", default=None, help="its headline, exactly, where the page does not give it")
    parser.add_argument("--date", default=None, type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="its publication date, where the page does not give it")
    parser.add_argument("--url", default=None, help="the address it was saved from, where the page does not give it (never guessed)")
    add_git_arguments(parser)
    parser.epilog = EXIT_STATUS


def run(args: argparse.Namespace) -> int:
    if len(args.paths) > 2:
        print(f"{PROG}: give at most a folder and an article (got {len(args.paths)} paths)", file=sys.stderr)
        return 2
    args.dir = Path(args.paths[0]) if len(args.paths) == 2 else None
    article = args.paths[-1]
    try:
        raw = sys.stdin.buffer.read() if article == "-" else Path(article).read_bytes()
    except OSError as exc:
        print(f"{PROG}: {article}: cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    name = "-" if article == "-" else Path(article).name
    root = store_to_read(args, PROG)
    desk = Desk(root, journal=NO_JOURNAL)
    try:
        desk.load()
        read = desk.read_article(raw, name, outlet=args.outlet, title=args.title, date=args.date, url=args.url)
        names = {person.id: person.name for party in desk.state.snapshot.parties for person in party.people}
    except ValueError as exc:
        print(f"{PROG}: {article}: {exc}", file=sys.stderr)
        return 2
    finally:
        desk.close()
    if args.text:
        sys.stdout.write(read.text)
        return 0
    if args.json:
        for proposal in read.proposals:
            print(json.dumps(proposal.as_json(), ensure_ascii=False))
        return 0
    if args.accept is None:
        print(_listing(read, article, names))
        return 0
    chosen = _chosen(read, args.accept)
    if isinstance(chosen, str):
        print(f"{PROG}: {chosen}", file=sys.stderr)
        return 2

    def request(desk: Desk) -> Request:
        # Read again under the edit's desk: what it proposes now is what the numbers name.
        again = desk.read_article(raw, name, outlet=args.outlet, title=args.title, date=args.date, url=args.url)
        quotes = [again.quote(again.proposals[n - 1], desk.state.snapshot) for n in chosen]
        return desk.import_request(again, quotes, captured=dt.date.today())

    return run_edit(args, PROG, request)


def _chosen(read: ArticleRead, asked: list[str]) -> list[int] | str:
    if asked == ["all"]:
        chosen = [n for n, p in enumerate(read.proposals, 1) if not p.duplicate]
        return chosen or "every proposal is in the store already: nothing to write"
    numbers = []
    for word in asked:
        if not word.isdigit() or not 1 <= int(word) <= len(read.proposals):
            return f"--accept {word}: give numbers from 1 to {len(read.proposals)} as listed, or all"
        numbers.append(int(word))
    held = [n for n in numbers if read.proposals[n - 1].duplicate]
    if held:
        return f"--accept: {', '.join(map(str, held))} {'is' if len(held) == 1 else 'are'} in the store already (never added twice)"
    return sorted(set(numbers))


def _listing(read: ArticleRead, article: str, names: dict[str, str]) -> str:
    """The proposals, numbered, each with who said it, how it is known, and its sentence."""
    head = read.title or "(no title)"
    said = [f"{article}: “{head}”" + (f" · {read.outlet}" if read.outlet else "") + (f" · {read.date} (its publication date)" if read.date else "")]
    if read.source is not None:
        copy = " (this copy is archived there already)" if read.recorded else " (this copy would be archived for it)"
        said.append(f"source: {read.source}, in the store{copy}")
    else:
        outlet = read.outlet or "no outlet given: --outlet NAME"
        said.append(f"source: new: {outlet}" + (f", “{read.title}”" if read.title else "") + (f", {read.url}" if read.url else ""))
    if not read.proposals:
        said.append("no quotes found: the article quotes no one with quotation marks and a speaker")
        return "\n".join(said)
    for n, p in enumerate(read.proposals, 1):
        who = p.speaker or "?"
        known = names.get(p.person or "")
        if known and known != who:
            who += f" ({known})"
        if p.pronoun:
            who += " (from a pronoun: the nearest name before it)"
        how = " · ".join(filter(None, [p.party or "", p.cue, p.medium.value, "; ".join(p.reported_by)]))
        held = "  [in the store already]" if p.duplicate else ""
        said.append(f"{n:>3}. “{p.words}” — {who}{held}\n     {how}")
    said.append(f"write some with: {PROG} … --accept N [N…] (or --accept all)")
    return "\n".join(said)
