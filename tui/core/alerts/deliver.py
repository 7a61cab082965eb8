"""Posting one alert to every place the user named, with retries, and saying which failed."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TRIES = 3
"""Each place is tried this many times before the alert is given up on there."""
BACKOFF = (0.5, 1.5)
"""Seconds waited before the second and third tries: a listener restarting, a network blip."""
DESKTOP_SECONDS = 5.0
"""notify-send returns at once; one that hangs (no notification daemon on a bus) is not waited for longer."""


@dataclass(frozen=True)
class Failed:
    """A place the alert did not reach, after every try, and why (the last error)."""

    where: str
    why: str


def redact(url: str) -> str:
    """An Apprise URL as it may be shown: its scheme and host, never a token or password in it."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    return f"{scheme}://{host}/…" if rest else url


def _post_url(url: str, title: str, body: str) -> None:
    import apprise  # imported only when a URL is given: it brings requests and its plugins

    sender = apprise.Apprise()
    if not sender.add(url):
        raise ValueError("not an Apprise URL it understands")
    if not sender.notify(title=title, body=body):
        raise OSError("it did not accept the alert")


def desktop_available() -> bool:
    return shutil.which("notify-send") is not None


def _post_desktop(title: str, body: str) -> None:
    done = subprocess.run(
        ["notify-send", "--app-name=peacewatch", "--", title, body],
        capture_output=True, timeout=DESKTOP_SECONDS, check=False,
    )
    if done.returncode != 0:
        raise OSError(done.stderr.decode("utf-8", "replace").strip() or f"notify-send exited {done.returncode}")


def deliver(
    title: str, body: str, urls: Sequence[str], desktop: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Failed]:
    """Post the alert to the desktop (if asked and there is one) and every URL; each is tried up to
    TRIES times with a growing pause. Blocks: call it in a worker thread. Returns what failed."""
    places: list[tuple[str, Callable[[], None]]] = []
    if desktop and desktop_available():
        places.append(("the desktop notification", lambda: _post_desktop(title, body)))
    for url in urls:
        places.append((redact(url), lambda url=url: _post_url(url, title, body)))  # type: ignore[misc]
    failed = []
    for where, post in places:
        why = ""
        for attempt in range(TRIES):
            if attempt:
                sleep(BACKOFF[min(attempt - 1, len(BACKOFF) - 1)])
            try:
                post()
                break
            except Exception as exc:  # noqa: BLE001 — any failure of a place is said, never raised
                why = f"{type(exc).__name__}: {exc}"
        else:
            failed.append(Failed(where, why))
    return failed
