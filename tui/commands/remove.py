"""`peacewatch remove KIND [DIR] ITEM`: take an item out of its file, unless something still refers to it."""

from __future__ import annotations

import argparse

from tui.commands.edit_args import kind_parser, run_edit
from tui.commands.item_args import ADDRESSES, AddressError, target
from tui.core.desk import Desk, EditRefused, RemoveItem
from tui.core.text.problems import Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "refused, with what refers to it, while any quote, event or position still does"
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True, title="kinds")
    for noun, (_, form) in ADDRESSES.items():
        if form:
            sub = kind_parser(kinds, noun, f"remove {'an' if noun[0] in 'aeiou' else 'a'} {noun}: only its lines are taken out of its file")
            sub.add_argument("item", metavar=form, help=f"which {noun}")


def run(args: argparse.Namespace) -> int:
    def request(desk: Desk) -> RemoveItem:
        try:
            return RemoveItem(target(args.kind, args.item, desk.state.snapshot))
        except AddressError as error:
            raise EditRefused([Problem(args.kind, 1, 1, str(error))], "unknown item") from None

    return run_edit(args, f"peacewatch remove {args.kind}", request)
