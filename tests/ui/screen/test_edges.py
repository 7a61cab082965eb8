"""The edges: an editor setting that cannot be used, a file name the watcher cannot spell."""

from __future__ import annotations

import os

from tests.helpers.pilot import screen_text, started, wait_until


async def test_an_unbalanced_editor_setting_is_a_message_not_a_crash(store, monkeypatch):
    monkeypatch.setenv("EDITOR", 'vim "unclosed')
    monkeypatch.delenv("VISUAL", raising=False)
    async with started(store, notifications=True) as pilot:
        await pilot.press("e")
        await wait_until(pilot, lambda: "cannot be read as a command" in screen_text(pilot), what="the message")
        assert "=vim" in screen_text(pilot)  # what to set it to (the toast may wrap the line)
        assert pilot.app.is_running


async def test_a_file_name_that_is_not_utf8_never_ends_live_following(store):
    async with started(store, live=True) as pilot:
        await wait_until(pilot, lambda: "● live" in screen_text(pilot), what="live")
        fd = os.open(os.fsencode(store) + b"/odd-\xff.yaml", os.O_CREAT | os.O_WRONLY, 0o644)
        os.write(fd, b"quotes: []\n")
        os.close(fd)
        await wait_until(pilot, lambda: "odd-<byte 0xFF>.yaml" in screen_text(pilot), what="the odd name reported")
        status = store / "status.yaml"
        text = status.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.strip().startswith("headline:"))
        temp = status.with_name(".status.tmp")
        temp.write_text(text.replace(line, line[: line.index(":") + 1] + " Still following after an odd name", 1), encoding="utf-8")
        os.replace(temp, status)
        await wait_until(pilot, lambda: "Still following after an odd name" in screen_text(pilot), timeout=8, what="a later save")
        assert "● live" in screen_text(pilot)
