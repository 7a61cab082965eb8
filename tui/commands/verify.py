"""`peacewatch verify`: every quote checked word for word against its source's archived copy."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.commands.store_args import add_store_arguments, limits_from, store_dir
from tui.core.desk import NO_JOURNAL, Desk, QuoteState
from tui.core.text.safe_text import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON document: each quote's state, the archives' problems, the counts")
    parser.epilog = (
        "Each quote whose source has an archived copy is verbatim (its words occur exactly), normalised (once quote "
        "marks, dashes, apostrophes and spaces are folded), differs (with the words that differ) or missing; a quote "
        "whose source has none is not archived. exit status: 0 if nothing differs or is missing and every archived "
        "copy is as captured, 1 if not, 2 if the folder cannot be opened"
    )


def run(args: argparse.Namespace) -> int:
    root = store_dir(args)
    if not root.is_dir():
        print(f"peacewatch verify: {root}: no such folder", file=sys.stderr)
        return 2
    state = Desk(root, limits=limits_from(args), journal=NO_JOURNAL).load()
    snapshot, verified = state.snapshot, state.verified
    prefix = "" if root.as_posix() == "." else root.as_posix().rstrip("/") + "/"
    rows: list[dict[str, Any]] = []
    for quote in snapshot.quotes:
        check = verified.of(quote.id) if verified is not None else None
        origin = snapshot.origins.get(("quotes", quote.id))
        rows.append({
            "id": quote.id, "state": (check.state if check else QuoteState.NOT_ARCHIVED).value, "source": quote.source,
            "where": f"{prefix}{origin.path}:{origin.line}" if origin else "", "field": check.field if check and check.state.fails else None,
            "diff": [{"store": mine, "source": theirs} for mine, theirs in check.hunks] if check else [],
            "archive": check.file if check and check.file else None,
        })
    captures = [{"source": c.source, "file": c.file, "problem": c.why} for c in (verified.captures if verified else ())]
    counts = verified.counts(len(snapshot.quotes)) if verified else {s: 0 for s in QuoteState} | {QuoteState.NOT_ARCHIVED: len(snapshot.quotes)}
    failed = verified is not None and verified.failed
    if args.json:
        json.dump({"ok": not failed, "quotes": rows, "archives": captures, "archived_copies": verified.archives if verified else 0,
                   "counts": {state.value: n for state, n in counts.items()}}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        width = max((len(quote.id) for quote in snapshot.quotes), default=0)
        for row, quote in zip(rows, snapshot.quotes, strict=True):
            check = verified.of(quote.id) if verified is not None else None
            detail = visible(check.diff) if check is not None and check.state is QuoteState.DIFFERS else ""
            if check is not None and check.state.fails:
                detail = f"its {check.field}: {detail}" if detail else f"its {check.field} is nowhere in {visible(check.file)}"
            print(f"{row['state']:<12} {row['id']:<{width}}  {row['where']}" + (f"  {detail}" if detail else ""))
        for capture in captures:
            print(f"archive      {visible(capture['file'])}  (source {capture['source']}) {capture['problem']}")
    summary = ", ".join(f"{n} {state.value}" for state, n in counts.items() if n)
    copies = verified.archives if verified else 0
    bad = f"; {len(captures)} archived cop{'y' if len(captures) == 1 else 'ies'} missing or changed" if captures else ""
    print(f"{len(snapshot.quotes)} quote{'s' if len(snapshot.quotes) != 1 else ''}: {summary or 'none'} "
          f"(against {copies} archived cop{'y' if copies == 1 else 'ies'}){bad}", file=sys.stderr)
    others = [p for p in state.problems if verified is None or p not in verified.problems]
    if others:
        print(f"the content has {len(others)} other problem(s), which left out what they name: peacewatch check {root} lists them", file=sys.stderr)
    return 1 if failed else 0
