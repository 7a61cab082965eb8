"""`peacewatch serve` and `peacewatch --read-only` on the command line, as real subprocesses.

Only loopback addresses are ever listened on or connected to: the warning for an address others could
reach is shown with 192.0.2.1, a documentation address no machine has, so binding it fails at once.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.helpers.serve import served
from tui.cli import parse
from tui.commands.dashboard import build_app


def peacewatch(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def wait_for_line(log: Path, words: str, timeout: float = 30) -> str:
    """The server's output once it holds `words` (it is written by another process, in its own time)."""
    deadline = time.monotonic() + timeout
    while words not in (text := log.read_text(encoding="utf-8", errors="replace")):
        assert time.monotonic() < deadline, f"{words!r} never came; the server said:\n{text}"
        time.sleep(0.05)
    return text


def test_serve_is_listed_and_explains_its_safe_defaults():
    assert "peacewatch serve" in peacewatch("--help").stdout
    result = peacewatch("serve", "--help")
    assert result.returncode == 0
    for words in ("--host", "127.0.0.1", "--port", "--allow-edits", "read-only", "--public-url", "reverse proxy", "--journal", "--max-file-mb",
                  "--max-readers", "default: 8", "is full"):
        assert words in result.stdout, words


def test_a_non_loopback_address_warns_there_is_no_login_and_says_how_to_add_one(tmp_path):
    result = peacewatch("serve", str(tmp_path), "--host", "192.0.2.1", "--port", "8000")
    assert "no authentication" in result.stderr
    assert "reverse proxy" in result.stderr and "--public-url" in result.stderr
    assert "ssh -N -L 8000:127.0.0.1:8000" in result.stderr
    # That address is not this machine's: said in plain words, and nothing claims to be serving.
    assert result.returncode == 2
    assert "cannot listen on 192.0.2.1 port 8000" in result.stderr and "not an address of this machine" in result.stderr
    assert " at http" not in result.stdout


def test_every_address_needs_the_one_browsers_use_and_bad_values_are_refused(tmp_path):
    wildcard = peacewatch("serve", str(tmp_path), "--host", "0.0.0.0")
    assert wildcard.returncode == 2 and "--public-url" in wildcard.stderr and "every address" in wildcard.stderr
    port = peacewatch("serve", str(tmp_path), "--port", "70000")
    assert port.returncode == 2 and "1 to 65535" in port.stderr
    url = peacewatch("serve", str(tmp_path), "--public-url", "desk.example.org")
    assert url.returncode == 2 and "http:// or https://" in url.stderr
    readers = peacewatch("serve", str(tmp_path), "--max-readers", "0")
    assert readers.returncode == 2 and "--max-readers 0: at least one reader" in readers.stderr
    missing = peacewatch("serve", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr


def test_a_port_already_taken_is_said_plainly(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = peacewatch("serve", str(tmp_path), "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1 port {port}: address already in use" in result.stderr
    assert "--port" in result.stderr
    assert "warning" not in result.stderr  # loopback: nothing to warn about


def test_behind_a_proxy_the_page_points_browsers_at_the_public_address(store, tmp_path):
    with served(store, tmp_path, "--no-journal", "--public-url", "https://desk.example.org/") as url:
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        log = wait_for_line(next(tmp_path.glob("serve-*.log")), "ctrl+c stops")
    assert 'data-session-websocket-url="wss://desk.example.org/ws"' in page
    assert "https://desk.example.org/static/js/textual.js" in page
    assert "read-only at https://desk.example.org (ctrl+c stops)" in log
    assert "warning" not in log  # it listens on 127.0.0.1, for the proxy only


def test_read_only_is_an_option_of_the_dashboard_too(shipped):
    assert build_app(parse([str(shipped), "--read-only"])).read_only is True
    assert build_app(parse([str(shipped)])).read_only is False
    assert "--read-only" in peacewatch("--help").stdout
    assert "--served" not in peacewatch("--help").stdout  # set by serve for its pages, never typed


def test_each_page_follows_git_and_commits_as_the_server_was_told(tmp_path, monkeypatch):
    import shlex

    monkeypatch.delenv("PEACEWATCH_COMMIT", raising=False)
    from tui.cli import parse
    from tui.commands.serve import dashboard_command

    folder = str(tmp_path)
    read_only = shlex.split(dashboard_command(parse(["serve", folder, "--follow-git", "5"])))
    assert read_only[read_only.index("--follow-git") + 1] == "5.0" and "--read-only" in read_only
    assert "--commit" not in read_only and "--push" not in read_only
    edits = shlex.split(dashboard_command(parse(["serve", folder, "--allow-edits", "--push"])))
    assert "--push" in edits and "--read-only" not in edits and "--follow-git" not in edits
    plain = shlex.split(dashboard_command(parse(["serve", folder, "--allow-edits"])))
    assert "--no-commit" in plain
    # Each page's dashboard knows it is a shared page (it asks its reader's name before an edit), and
    # the shell execs it: the process the server ends when the reader leaves is the dashboard itself.
    for command in (read_only, edits, plain):
        assert command[0] == "exec" and "--served" in command
    assert parse([folder, "--served"]).served and not parse([folder]).served


def test_the_served_dashboard_answers_only_its_own_address_and_pages(store, tmp_path):
    import asyncio
    import http.client

    import aiohttp

    with served(store, tmp_path, "--no-journal") as url:
        port = int(url.rstrip("/").rsplit(":", 1)[1])

        def get(host: str) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/", headers={"Host": host})
            return connection.getresponse().status

        assert get(f"127.0.0.1:{port}") == 200 and get(f"localhost:{port}") == 200
        assert get(f"evil.example:{port}") == 421  # a name rebound to this machine by another site

        async def handshake(origin: str) -> int:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
                try:
                    async with session.ws_connect(f"ws://127.0.0.1:{port}/ws", headers={"Origin": origin}):
                        return 101
                except aiohttp.WSServerHandshakeError as refused:
                    return refused.status

        # A script on any other site could otherwise open the WebSocket from a desk member's browser.
        assert asyncio.run(handshake("https://evil.example")) == 403
        assert asyncio.run(handshake(f"http://127.0.0.1:{port}")) == 101


def test_a_push_webhook_with_the_shared_secret_wakes_following_and_nothing_else_does(store, tmp_path):
    import hashlib
    import hmac
    import urllib.error

    from tui.core.desk import Desk

    secret = b"a-desk-secret-of-24-chars"
    secret_file = tmp_path / "wake-secret"
    secret_file.write_bytes(secret + b"\n")
    body = b'{"ref": "refs/heads/main"}'

    def post(headers: dict[str, str], url: str) -> int:
        request = urllib.request.Request(f"{url.rstrip('/')}/wake", data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status
        except urllib.error.HTTPError as refused:
            return refused.code

    desk = Desk(store, journal="off", state_dir=tmp_path / "state" / "peacewatch")  # the served process's state directory
    with served(store, tmp_path, "--follow-git", "120", "--wake-secret-file", str(secret_file)) as url:
        assert desk.wake_mark() is None
        wrong = "sha256=" + hmac.new(b"not the secret at all!!", body, hashlib.sha256).hexdigest()
        assert post({"X-Hub-Signature-256": wrong}, url) == 403
        assert post({}, url) == 403
        assert post({"Authorization": "Bearer guess-guess-guess-guess"}, url) == 403
        assert desk.wake_mark() is None  # nothing was woken
        signed = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        assert post({"X-Hub-Signature-256": signed, "X-GitHub-Event": "push"}, url) == 202
        first = desk.wake_mark()
        assert first is not None
        time.sleep(0.6)
        assert post({"X-Gitlab-Token": secret.decode()}, url) == 202
        assert desk.wake_mark() != first
        # A script on another site cannot even reach it.
        assert post({"Authorization": f"Bearer {secret.decode()}", "Origin": "https://evil.example"}, url) == 403
    refused = subprocess.run([sys.executable, "-m", "tui", "serve", str(store), "--wake-secret-file", str(secret_file)],
                             capture_output=True, text=True, timeout=30)
    assert refused.returncode == 2 and "add --follow-git" in refused.stderr


def test_commit_without_edits_on_is_refused_not_ignored(store):
    run = subprocess.run([sys.executable, "-m", "tui", "serve", str(store), "--commit"], capture_output=True, text=True, timeout=30)
    assert run.returncode == 2 and "the pages, which are read-only: add --allow-edits" in run.stderr
