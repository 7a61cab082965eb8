"""`peacewatch serve` in a real browser: the server as a real subprocess on a free loopback port, the page
opened in headless Chromium (the system's, driven by Playwright), keys typed into the page.

xterm.js draws the terminal on a canvas, so its text is in no DOM node; but in screen-reader mode it
mirrors every row into an accessibility tree in the DOM, which is what a screen reader (and this test)
reads. The page keeps no handle on its terminal, so a script run before the page's own catches the
terminal as the page stores it, and turns that mode on.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.serve import served

TIMEOUT_MS = 60_000
"""How long to wait for text in the page: first loads take seconds on a busy two-core machine."""

CATCH_THE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if ("websocket_url" in this && value && value.options) {
      value.options.screenReaderMode = true;
    }
  },
});
"""

READ_SCREEN = """() => {
  const tree = document.querySelector(".xterm-accessibility-tree");
  return tree ? tree.innerText : "";
}"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no chromium on this CI machine: .ci/run installs it before the tests")
        pytest.skip("no chromium installed (apt-get install chromium): the browser test needs the system's browser")
    return found


@pytest.fixture
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    playwright = sync_playwright().start()
    try:
        # As root, Chromium refuses to start with its sandbox on.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    # Only this machine is ever asked: the page's web font, say, is not fetched.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1")) else route.abort())
    page.add_init_script(CATCH_THE_TERMINAL)
    page.goto(url)
    return page


def screen(page) -> str:
    return page.evaluate(READ_SCREEN)


def wait_for_text(page, text: str, present: bool = True) -> None:
    try:
        page.wait_for_function(
            "([text, present]) => { const t = document.querySelector('.xterm-accessibility-tree');"
            " return (t ? t.innerText : '').includes(text) === present; }",
            arg=[text, present],
            timeout=TIMEOUT_MS,
        )
    except Exception as error:  # the page's text says more than Playwright's timeout
        raise AssertionError(f"{text!r} {'never appeared' if present else 'never went away'}; the page shows:\n{screen(page)}") from error


def press(page, key: str) -> None:
    # Into the terminal's own input (a click would also move the dashboard's focus).
    page.focus(".xterm-helper-textarea")
    page.keyboard.press(key)


def contents(store: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(store.rglob("*")) if path.is_file()}


def test_the_story_in_a_browser_keys_reach_it_and_edits_are_refused(store, tmp_path, browser):
    before = contents(store)
    journal = tmp_path / "desk-journal.json"
    with served(store, tmp_path, "--journal", str(journal)) as url:
        page = open_page(browser, url)
        wait_for_text(page, "Trump’s peace plan for the war in Ukraine")
        for shown in ("1 Deal status", "framework agreed in principle", "Sergey Lavrov", "“when the deal to end this war is final", "Security guarantees"):
            wait_for_text(page, shown)

        press(page, "?")  # a key reaches the app: help opens…
        wait_for_text(page, "Jump to the quotes pane")
        assert "Add a quote" not in screen(page)  # …without the keys read-only mode turned off
        press(page, "Escape")
        wait_for_text(page, "Jump to the quotes pane", present=False)

        press(page, "a")  # an edit key says read-only and opens no form
        wait_for_text(page, "read-only: adding to or changing")
        assert "Add a quote" not in screen(page)
        press(page, "2")
        press(page, "e")
        wait_for_text(page, "read-only: opening a file")

    assert contents(store) == before
    assert journal.is_file()  # the journal option reached the dashboard the page ran


def test_with_allow_edits_the_form_opens_in_the_browser(store, tmp_path, browser):
    with served(store, tmp_path, "--allow-edits", "--no-journal") as url:
        page = open_page(browser, url)
        wait_for_text(page, "Trump’s peace plan for the war in Ukraine")
        press(page, "a")
        wait_for_text(page, "Add a quote")
        assert "read-only" not in screen(page)
        press(page, "Escape")
        wait_for_text(page, "Add a quote", present=False)
        # $EDITOR would start on the server, where no one sees it: it is refused, saying why.
        press(page, "2")
        press(page, "e")
        wait_for_text(page, "The editor would open on the server")
