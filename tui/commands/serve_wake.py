"""`serve --wake-secret-file`: the endpoint a repository host's push webhook calls, so that every
dashboard following the story looks upstream at once instead of at its next timed look.

It can do nothing but wake following (it touches the folder's wake file; no git is run by it),
and only for a caller who knows the shared secret: GitHub's and Gitea's signed bodies
(`X-Hub-Signature-256`, `X-Gitea-Signature`), GitLab's `X-Gitlab-Token`, or `Authorization:
Bearer SECRET` for anything else (a post-receive hook running curl).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

WAKE_PATH = "/wake"
MAX_BODY = 1024 * 1024
"""A push event's body is a few kB to a few hundred; anything larger is not one."""
QUIET = 0.5
"""Seconds in which further wake-ups are taken as the same one (a host that sends one per ref)."""


def read_secret(path: Path) -> bytes:
    """The shared secret from its file (one line; surrounding whitespace is not part of it).
    Raises ValueError with what is wrong, in words."""
    try:
        secret = path.read_bytes().strip()
    except OSError as exc:
        raise ValueError(f"--wake-secret-file {path}: cannot be read ({exc.strerror or exc})") from None
    if len(secret) < 16:
        raise ValueError(f"--wake-secret-file {path}: the secret must be at least 16 characters (it is shared with the "
                         "repository host; make one with: head -c 24 /dev/urandom | base64)")
    return secret


def signed_by(secret: bytes, headers: Mapping[str, str], body: bytes) -> bool:
    """Whether the request proves it knows `secret`, in any of the ways repository hosts do."""
    mac = hmac.new(secret, body, hashlib.sha256).hexdigest()
    github = headers.get("X-Hub-Signature-256", "")
    if github.startswith("sha256="):
        return hmac.compare_digest(github[7:].lower(), mac)
    gitea = headers.get("X-Gitea-Signature") or headers.get("X-Gogs-Signature")
    if gitea:
        return hmac.compare_digest(gitea.lower(), mac)
    token = headers.get("X-Gitlab-Token")
    if token is not None:
        return hmac.compare_digest(token.encode(), secret)
    scheme, _, credentials = headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":  # the scheme's name is case-insensitive (RFC 9110)
        return hmac.compare_digest(credentials.strip().encode(), secret)
    return False


def wake_route(secret: bytes, wake: Callable[[], object]) -> Callable[[Any], Any]:
    """An aiohttp handler for POST /wake that checks the secret, then wakes following."""
    from aiohttp import web

    last = [0.0]

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.Response(status=413, text="Too large for a push event.\n")
        body = await request.content.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            return web.Response(status=413, text="Too large for a push event.\n")
        if not signed_by(secret, request.headers, body):
            return web.Response(status=403, text="Wrong or missing secret: nothing was done.\n")
        now = time.monotonic()
        if now - last[0] >= QUIET:
            last[0] = now
            await asyncio.to_thread(wake)
        return web.Response(status=202, text="Following woken: the dashboards look upstream now.\n")

    return handle
