"""Starting `peacewatch serve` as a real subprocess on a free loopback port, and always stopping it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_group(process: subprocess.Popen) -> None:
    """End the server and every dashboard it started (they share its process group), surely."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            process.poll()
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)


def wait_for_port(process: subprocess.Popen, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"peacewatch serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"peacewatch serve did not listen on port {port} within {timeout}s:\n{log.read_text(errors='replace')}")


@contextmanager
def served(store: Path, log_dir: Path, *args: str) -> Iterator[str]:
    """`peacewatch serve STORE --port FREE ARGS…` running, as its URL; stopped on leaving, whatever happened."""
    with served_process(store, log_dir, *args) as (url, _):
        yield url


@contextmanager
def served_process(store: Path, log_dir: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """As `served`, with the server's process too (its pid is the root of every page's dashboard)."""
    port = free_port()
    log = log_dir / f"serve-{port}.log"
    # The user's state directory and editor stay out of it.
    env = {**os.environ, "XDG_STATE_HOME": str(log_dir / "state"), "EDITOR": "false", "VISUAL": "false"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", str(store), "--port", str(port), *args],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    try:
        wait_for_port(process, port, log)
        yield f"http://127.0.0.1:{port}/", process
    finally:
        stop_group(process)
