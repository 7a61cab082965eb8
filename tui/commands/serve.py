"""`peacewatch serve`: the dashboard in a browser, one dashboard process per open page (textual-serve)."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import shlex
import sys
from pathlib import Path

from tui.commands.dashboard import add_view_arguments, view_arguments_problem
from tui.commands.git_args import SettingError, publish_from
from tui.commands.store_args import opens_demo, store_dir

DEFAULT_PORT = 8000
DEFAULT_MAX_READERS = 8
"""Pages served at once unless told otherwise: each runs its own dashboard process (some 60 MB)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_view_arguments(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="the address to listen on (default: %(default)s, this machine only; anything else is reachable "
        "by others, without a login)",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="P", help="the port to listen on (default: %(default)s)")
    parser.add_argument(
        "--allow-edits",
        action="store_true",
        help="let whoever opens the page add and change items with the forms (default: read-only)",
    )
    parser.add_argument(
        "--public-url",
        default=None,
        metavar="URL",
        help="the address browsers use to reach it, when that is not http://HOST:PORT "
        "(behind a reverse proxy: https://desk.example.org; required with --host 0.0.0.0 or ::)",
    )
    parser.add_argument(
        "--wake-secret-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="answer a repository host's push webhook at /wake (POST, proven with the secret in FILE, shared with the "
        "host) by having every dashboard following the story look upstream at once; needs --follow-git",
    )
    parser.add_argument(
        "--max-readers",
        type=int,
        default=DEFAULT_MAX_READERS,
        metavar="N",
        help="how many pages may be open at once (default: %(default)s); each runs its own dashboard on this machine, "
        "and a reader over the cap is told the dashboard is full and to try again later",
    )


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only. A name other than localhost is taken to
    be reachable by others: what it resolves to can change."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return host == ""


def url_of(host: str, port: int) -> str:
    host = host.strip("[]")
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def no_login_warning(host: str, port: int, allow_edits: bool) -> str:
    who = "read the story and change it (--allow-edits)" if allow_edits else "read the story"
    return (
        f"peacewatch serve: warning: listening on {host} port {port}, which other machines can reach, and there is\n"
        f"  no authentication: anyone who reaches this port can {who}.\n"
        "  To share it safely, keep it on 127.0.0.1 and either\n"
        "  - put a reverse proxy that asks for a login in front of it (nginx, Caddy, Apache with basic auth\n"
        "    or your single sign-on; it must pass WebSockets on), started with --public-url set to the\n"
        "    address readers type, or\n"
        f"  - have each reader open an SSH tunnel: ssh -N -L {port}:127.0.0.1:{port} THIS-MACHINE, then\n"
        f"    browse to http://127.0.0.1:{port}"
    )


def dashboard_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each page: this dashboard, on the same folder and options.

    `--served` tells it that it is a page anyone may open: it asks the reader's name before their
    first edit. `exec`: the shell becomes the dashboard, so the process the server ends when the
    reader leaves is the dashboard itself, not a shell that would leave it running.
    """
    command = [sys.executable, "-m", "tui", str(store_dir(args).resolve()), "--served"]
    command += ["--max-file-mb", repr(args.max_file_mb), "--max-values", str(args.max_values)]
    if args.no_journal:
        command.append("--no-journal")
    elif args.journal is not None:
        command += ["--journal", str(args.journal.resolve())]
    if args.poll is not None:
        command += ["--poll", repr(args.poll)]
    if args.follow_git is not None:
        # Each page's dashboard follows the upstream; fast-forwards take the folder lock, so two
        # pages never bring the same commits in at once, and the first to do it names the authors.
        command += ["--follow-git", repr(args.follow_git)]
    if not args.allow_edits:
        command.append("--read-only")
    else:
        publish = publish_from(args)
        command.append("--push" if publish.push else "--commit" if publish.commit else "--no-commit")
    return "exec " + shlex.join(command)


def problem_with(args: argparse.Namespace) -> str | None:
    problem = view_arguments_problem(args)
    if problem is not None:
        return problem
    if args.allow_edits and opens_demo(args):
        return "--allow-edits needs the story's folder: the current folder holds no story, and the shipped demo is read-only (name DIR)"
    if not 0 < args.port < 65536:
        return f"--port {args.port}: a port is a number from 1 to 65535"
    if not args.allow_edits and (args.commit or args.push):
        # Only the pages' own edits are committed, and read-only pages make none: said, not ignored.
        return "--commit and --push commit the edits made on the pages, which are read-only: add --allow-edits"
    if args.max_readers < 1:
        return f"--max-readers {args.max_readers}: at least one reader, or nobody could open the page"
    if is_wildcard(args.host) and args.public_url is None:
        shown = args.host or "''"
        return (
            f"--host {shown} listens on every address, but the page must tell browsers one address to "
            "connect back to: add --public-url with the address your readers type (http://NAME:PORT, or the proxy's)"
        )
    if args.public_url is not None and not args.public_url.startswith(("http://", "https://")):
        return f"--public-url {args.public_url}: give the whole address, starting with http:// or https://"
    if args.follow_git is not None and args.follow_git <= 0:
        return "--follow-git takes a number of seconds greater than 0"
    if args.wake_secret_file is not None:
        if args.follow_git is None:
            return "--wake-secret-file wakes following, which is off: add --follow-git"
        from tui.commands.serve_wake import read_secret

        try:
            read_secret(args.wake_secret_file)
        except ValueError as exc:
            return str(exc)
    try:
        publish_from(args)
    except SettingError as exc:
        return str(exc)
    return None


def own_addresses(host: str, port: int, public_url: str) -> tuple[frozenset[str], frozenset[str]]:
    """The `Host` headers and the `Origin`s the served pages may come with: the public URL's, and,
    where it listens on loopback or every address, this machine's own loopback names at the port.
    Anything else is another site (a page a desk member has open elsewhere) or a DNS rebinding."""
    from urllib.parse import urlsplit

    public = urlsplit(public_url)
    hosts, origins = {public.netloc.lower()}, {f"{public.scheme}://{public.netloc}".lower()}
    if is_loopback(host) or is_wildcard(host):
        for name in ("127.0.0.1", "localhost", "[::1]"):
            hosts.add(f"{name}:{port}")
            origins.add(f"http://{name}:{port}")
    return frozenset(hosts), frozenset(origins)


def run(args: argparse.Namespace) -> int:
    problem = problem_with(args)
    if problem is not None:
        print(f"peacewatch serve: {problem}", file=sys.stderr)
        return 2
    host, port = args.host, args.port
    public_url = (args.public_url or url_of(host, port)).rstrip("/")
    mode = "with the forms on (--allow-edits)" if args.allow_edits else "read-only"

    if not is_loopback(host):
        print(no_login_warning(host, port, args.allow_edits), file=sys.stderr, flush=True)
    ready = f"peacewatch serve: {store_dir(args)} {mode} at {public_url} (ctrl+c stops)"
    from tui.commands.serve_server import DeskServer  # here: only `serve` needs aiohttp

    server = DeskServer(dashboard_command(args), host=host.strip("[]"), port=port, title="peacewatch", public_url=public_url)
    server.own_hosts, server.own_origins = own_addresses(host, port, public_url)
    server.max_readers = args.max_readers
    if args.wake_secret_file is not None:
        from tui.commands.serve_wake import read_secret, wake_route
        from tui.core.desk import NO_JOURNAL, Desk

        desk = Desk(store_dir(args), journal=NO_JOURNAL)
        server.wake = wake_route(read_secret(args.wake_secret_file), desk.wake)
        ready += f"\npeacewatch serve: a push webhook wakes following at {public_url}/wake"
    try:
        server.serve_saying(ready)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).rsplit(": ", 1)[-1]
        hint = {
            errno.EADDRINUSE: "something else is listening there: choose another port with --port",
            errno.EADDRNOTAVAIL: "it is not an address of this machine",
            errno.EACCES: "ports below 1024 need privileges: choose one above with --port",
        }.get(exc.errno or 0, "")
        print(f"peacewatch serve: cannot listen on {host} port {port}: {reason}" + (f" ({hint})" if hint else ""), file=sys.stderr)
        return 2
    return 0
