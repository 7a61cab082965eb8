"""`peacewatch schema`: the JSON Schema of a content file, for editors' YAML language servers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.desk import write_atomic
from tui.core.model.schema import schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="write it to FILE instead")
    parser.epilog = (
        "The shipped files name the committed copy, schema/content.schema.json, on their first line "
        "(# yaml-language-server: $schema=...), so editors complete and check fields as you type."
    )


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(args.output, text.encode("utf-8"))
    except OSError as exc:
        print(f"peacewatch schema: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
