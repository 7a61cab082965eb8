"""Watches and alerts: only news about what the user watches (w) is posted, once per desk."""

from __future__ import annotations

import asyncio
import os
import time

from tests.helpers.listener import listening
from tests.helpers.pilot import make_app, region_text, screen_text, started, wait_until


def _rewrite(path, old: str, new: str) -> None:
    """A save as editors make it: a temp file renamed over the original."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(temp, path)


async def _quiet(pilot, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await pilot.pause(0.05)


async def test_a_watched_issue_change_reaches_the_listener_and_an_unwatched_one_does_not(store):
    with listening() as (url, received):
        app = make_app(store, live=True)
        app.news.alerts.configure(urls=[url], desktop=False)
        async with started(app, notifications=True) as pilot:
            await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
            await pilot.press("3")  # the issues pane, its cursor on the first issue: Security guarantees
            assert "⚑" not in region_text(pilot, "#issues")
            await pilot.press("w")
            await wait_until(pilot, lambda: "⚑" in region_text(pilot, "#issues"), what="the watched mark on the row")
            assert app.news.alerts.watches == {("issues", "security-guarantees")}

            # The unwatched change first: another issue's title. Nothing may reach the listener.
            _rewrite(store / "issues.yaml", "title: Territory\n", "title: Territory and borders\n")
            await wait_until(pilot, lambda: "Territory and borders" in screen_text(pilot), what="the unwatched change on screen")
            await _quiet(pilot, 1.5)
            assert received == []

            _rewrite(store / "issues.yaml", "title: Security guarantees\n", "title: Security guarantees for Ukraine\n")
            saved = time.monotonic()
            await wait_until(pilot, lambda: bool(received), timeout=10.0, what="the watched change at the listener")
            assert time.monotonic() - saved < 2.0
            await _quiet(pilot, 0.5)
            assert len(received) == 1
            body = received[0]["message"]
            assert "Security guarantees for Ukraine" in body
            assert "Territory" not in body and "Territory" not in received[0]["title"]


async def test_w_again_unwatches_and_watches_are_kept_for_the_next_start(store):
    async with started(store) as pilot:
        await pilot.press("2", "w")  # the first party
        await wait_until(pilot, lambda: "⚑" in region_text(pilot, "#parties"), what="the watched mark")
        watched = set(pilot.app.news.alerts.watches)
    assert len(watched) == 1 and next(iter(watched))[0] == "parties"
    async with started(store) as pilot:
        await pilot.pause()
        assert pilot.app.news.alerts.watches == watched
        assert "⚑" in region_text(pilot, "#parties")
        await pilot.press("2", "w")
        await wait_until(pilot, lambda: "⚑" not in region_text(pilot, "#parties"), what="the mark gone")
    async with started(store) as pilot:
        assert pilot.app.news.alerts.watches == frozenset()
    assert not list(store.rglob("*watch*"))  # never in the content folder


async def test_two_dashboards_on_one_store_post_one_alert(store):
    with listening() as (url, received):
        first, second = make_app(store, live=True), make_app(store, live=True)
        for app in (first, second):
            app.news.alerts.configure(urls=[url], desktop=False)
        async with started(first, notifications=True) as one, started(second, notifications=True) as two:
            await wait_until(one, lambda: "● live" in screen_text(one), what="live")
            await wait_until(two, lambda: "● live" in screen_text(two), what="live")
            # Watched on one: the user's other dashboard takes it from their state at its next news.
            await one.press("3", "w")
            _rewrite(store / "issues.yaml", "title: Security guarantees\n", "title: Security guarantees for Ukraine\n")
            for pilot in (one, two):
                # Each dashboard raises the alert on its own screen…
                await wait_until(pilot, lambda pilot=pilot: "1 watched change" in screen_text(pilot), what="the alert on screen")
            await wait_until(one, lambda: bool(received), timeout=3.0, what="an alert")
            await asyncio.gather(_quiet(one, 1.0), _quiet(two, 1.0))
            # …and the desk posts it once.
            assert len(received) == 1, received


async def test_a_watched_deadline_is_alerted_hours_ahead_once(store):
    # The fixed clock is 25 Nov 2025 18:00; the Thanksgiving deadline is 27 Nov: 30 hours ahead.
    with listening() as (url, received):
        app = make_app(store)
        app.news.alerts.configure(urls=[url], deadline_hours=36, desktop=False)
        async with started(app, notifications=True) as pilot:
            await pilot.press("1", "w")
            await wait_until(pilot, lambda: "⚑ Next:" in region_text(pilot, "#status"), what="the watched deadline marked")
            await wait_until(pilot, lambda: bool(received), timeout=3.0, what="the deadline's alert")
            assert "watched deadline in 1d 06h" in received[0]["title"]
            assert "Thanksgiving" in received[0]["message"]
            await _quiet(pilot, 1.2)
            app.news.alerts._check_deadlines()  # the next look of the clock: already sent
            await _quiet(pilot, 0.5)
            assert len(received) == 1


async def test_a_watched_deadline_further_ahead_than_the_alert_hours_is_not_alerted(store):
    with listening() as (url, received):
        app = make_app(store)
        app.news.alerts.configure(urls=[url], deadline_hours=24, desktop=False)
        async with started(app) as pilot:
            await pilot.press("1", "w")
            await _quiet(pilot, 1.5)
            assert received == []


async def test_an_alert_that_cannot_be_delivered_is_said_on_screen(store):
    import socket

    with socket.socket() as probe:  # a free port, then nobody listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = make_app(store, live=True)
    app.news.alerts.configure(urls=[f"json://127.0.0.1:{port}/"], desktop=False)
    async with started(app, notifications=True) as pilot:
        await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
        await pilot.press("3", "w")
        _rewrite(store / "issues.yaml", "title: Security guarantees\n", "title: Security guarantees for Ukraine\n")
        await wait_until(pilot, lambda: "Alert not delivered" in screen_text(pilot), timeout=8.0, what="the failure said")
        assert f"json://127.0.0.1:{port}/" in screen_text(pilot)
