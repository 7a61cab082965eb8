"""`peacewatch edit KIND [DIR] ITEM --field value…`: change some fields of any item, nothing else."""

from __future__ import annotations

import argparse
import sys

from tui.commands.edit_args import kind_parser, run_edit
from tui.commands.item_args import ADDRESSES, NOUNS, AddressError, add_field_options, field_values, target
from tui.core.desk import Desk, EditRefused, UpdateItem
from tui.core.model.vocab import IssueStatus, Medium, Outcome, PartyRole, Stance
from tui.core.text.problems import Problem

_VOCABULARIES = {"party": (PartyRole,), "issue": (IssueStatus,), "position": (Stance,), "quote": (Medium,), "deadline": (Outcome,)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "each kind has --help: peacewatch edit quote --help"
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True, title="kinds")
    for noun, (_, form) in ADDRESSES.items():
        sub = kind_parser(kinds, noun, f"change fields of {'the' if not form else 'an' if noun[0] in 'aeiou' else 'a'} {NOUNS.get(noun, noun)}; "
                          "only the fields given change, every other byte of the file stays", _VOCABULARIES.get(noun, ()))
        if form:
            sub.add_argument("item", metavar=form, help=f"which {noun}" + (" (a date, or its number in the list from 1)" if noun == "deadline" else ""))
        add_field_options(sub, noun, editing=True)


def run(args: argparse.Namespace) -> int:
    prog = f"peacewatch edit {args.kind}"
    values = field_values(args, args.kind)
    if not values:
        print(f"{prog}: nothing to change: give at least one field (see peacewatch edit {args.kind} --help)", file=sys.stderr)
        return 2

    def request(desk: Desk) -> UpdateItem:
        try:
            return UpdateItem(target(args.kind, getattr(args, "item", None), desk.state.snapshot), values)
        except AddressError as error:
            raise EditRefused([Problem(args.kind, 1, 1, str(error))], "unknown item") from None

    return run_edit(args, prog, request)
