"""textual-serve's server as `peacewatch serve` runs it: its own address and pages only, a cap on
readers, each reader's dashboard clamped in size and ended when they leave.

Imported by `serve` alone, when it starts: nothing else needs aiohttp.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server

from tui.commands.serve import DEFAULT_MAX_READERS
from tui.commands.serve_reader import ReaderService, clamped

log = logging.getLogger("peacewatch.serve")

SLOT_SECONDS = 3.0
"""How long a page opened while the dashboard is full waits for a reader to leave: a reader who
reloads their page opens the new one before the old one's dashboard has ended."""
TURNED_AWAY_SECONDS = 60.0
"""How long the page of a reader turned away keeps saying why, before it closes (and offers to restart)."""
HEARTBEAT_SECONDS = 15.0
"""How often the server pings each page: a reader whose network went away is noticed within two of these."""


def full_message(readers: int) -> bytes:
    """What the terminal of a reader turned away shows, in plain words (a page has no other place for them)."""
    lines = [
        "\x1b[1mThis dashboard is full.\x1b[0m",
        "",
        f"{readers} reader{'s have' if readers != 1 else ' has'} it open, the most it serves at once:",
        "each page runs its own dashboard on the server.",
        "",
        "Please try again in a few minutes: reload this page.",
    ]
    return ("\x1b[2J\x1b[H\r\n" + "".join(f"  {line}\r\n" for line in lines)).encode()


class DeskServer(Server):
    """textual-serve's server, with peacewatch's rules (see the module); `serve_saying` runs it."""

    own_hosts: frozenset[str] = frozenset()
    own_origins: frozenset[str] = frozenset()
    max_readers: int = DEFAULT_MAX_READERS
    wake: Any = None
    """The push webhook's handler (`serve_wake`), when --wake-secret-file is given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.readers: set[ReaderService] = set()
        """Every page's dashboard, from its start until it has ended: what the cap counts."""
        self.turned_away: set[web.WebSocketResponse] = set()
        """The pages saying the dashboard is full, while they do."""

    async def on_startup(self, app: web.Application) -> None:
        pass  # textual-serve's banner quotes the whole command line; `serve_saying` says what matters

    async def on_shutdown(self, app: web.Application) -> None:
        # ctrl+c: every reader's dashboard ends with the server, and every page saying it is full
        # closes, rather than aiohttp waiting on each of them before it gives up.
        pages = [reader.stop() for reader in list(self.readers)] + [page.close() for page in list(self.turned_away)]
        await asyncio.gather(*pages, return_exceptions=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._own_only)
        if self.wake is not None:
            from tui.commands.serve_wake import WAKE_PATH

            app.router.add_post(WAKE_PATH, self.wake)
        return app

    @web.middleware
    async def _own_only(self, request: web.Request, handler: Any) -> web.StreamResponse:
        # Every request, the WebSocket's included: a script on another site can open
        # ws://127.0.0.1:PORT/ws from a desk member's browser, and read or type into the story.
        if request.headers.get("Host", "").lower() not in self.own_hosts:
            return web.Response(status=421, text="This dashboard answers only at its own address.\n")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower().rstrip("/") not in self.own_origins:
            return web.Response(status=403, text="This dashboard answers only its own pages, not another site's.\n")
        response: web.StreamResponse = await handler(request)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One page: its dashboard while there is room for it, started at the size asked for (clamped),
        ended when the page goes; or, when the dashboard is full, a page that says so."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        size = clamped(request.query.get("width", "80"), request.query.get("height", "24")) or (80, 24)
        await websocket.prepare(request)
        if not await self._room():
            await self._turn_away(websocket)
            return websocket

        async def close() -> None:
            await websocket.close()

        reader = ReaderService(
            self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str, close=close,
            download_manager=self.download_manager, debug=self.debug,
        )
        self.readers.add(reader)  # before anything is awaited: two pages can never both take the last place
        try:
            await reader.start(*size)
            await self._process_messages(websocket, reader)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one page's trouble is logged; the server serves on
            log.exception(error)
        finally:
            # Also when cancelled: the reader is gone either way, and so must their dashboard be.
            await reader.stop()
            self.readers.discard(reader)
        return websocket

    async def _room(self) -> bool:
        """Whether a page may start a dashboard, waiting `SLOT_SECONDS` for a place when there is none."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SLOT_SECONDS
        while len(self.readers) >= self.max_readers:
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(0.1)
        return True

    async def _turn_away(self, websocket: web.WebSocketResponse) -> None:
        count = len(self.readers)
        log.warning("a reader was turned away: %d reader%s already, the most allowed (--max-readers)", count, "s" if count != 1 else "")
        await websocket.send_bytes(full_message(self.max_readers))
        self.turned_away.add(websocket)
        try:
            # The page shows the message while its socket is open (when it closes, the page covers
            # the terminal with "Session ended"); its pings are answered so that it stays open.
            async with asyncio.timeout(TURNED_AWAY_SECONDS):
                async for message in websocket:
                    if message.type == WSMsgType.TEXT and message.data.startswith('["ping"'):
                        with contextlib.suppress(ValueError, IndexError):
                            await websocket.send_json(["pong", message.json()[1]])
        except TimeoutError:
            pass
        finally:
            self.turned_away.discard(websocket)
        await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"the dashboard is full")

    def serve_saying(self, ready: str) -> None:
        """`Server.serve`, but saying `ready` only once the port is bound, so a failure to bind
        is never preceded by a claim that it is serving."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        loop.add_signal_handler(signal.SIGINT, self.request_exit)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
            print=lambda *_: print(ready, flush=True),
        )
