"""Arguments every command that opens a store shares: where it is and its limits."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.core.desk import Limits

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent


def default_content_dir() -> Path:
    """The shipped `content/` beside the package in a checkout, else `./content`."""
    shipped = _PACKAGE_ROOT / "content"
    return shipped if shipped.is_dir() else Path("content")


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=None,
        metavar="DIR",
        help="the content folder to open (default: the shipped content/)",
    )
    limits = Limits()
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=limits.max_file_bytes / (1024 * 1024),
        metavar="MB",
        help="refuse a YAML file larger than this (default: %(default)g)",
    )
    parser.add_argument(
        "--max-values",
        type=int,
        default=limits.max_values,
        metavar="N",
        help="refuse a file holding more values than this, aliases expanded (default: %(default)s)",
    )


def store_dir(args: argparse.Namespace) -> Path:
    return args.dir if args.dir is not None else default_content_dir()


def limits_from(args: argparse.Namespace) -> Limits:
    return Limits(max_file_bytes=int(args.max_file_mb * 1024 * 1024), max_values=args.max_values)
