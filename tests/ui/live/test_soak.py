"""Many saves while dashboards run: two dashboards on one store, and a long soak of saves good and bad.

Writers rewrite the store from threads, as editors and scripts do: in bursts a few
milliseconds apart, in place and by rename, half-written, briefly missing, broken and left
broken for a while. Only the end is checked exactly: every dashboard must show exactly the
final state of the files, with no problem left over, and the soak's memory must not grow
without bound. `--soak-saves N` (or PEACEWATCH_SOAK_SAVES) makes the soak longer.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import queue
import random
import re
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.pilot import make_app, screen_text, started, wait_until
from tests.helpers.textual_private import as_active
from tui.core.journal.journal import Journal
from tui.core.model.snapshot import Snapshot
from tui.core.store.loader import ContentStore
from tui.ui.widgets.problem_banner import ProblemBanner
from tui.ui.widgets.row_list import RowList

LATER = dt.datetime(2025, 12, 31, 12, 0)
"""A clock after every date the writers give their quotes, so none is flagged as from the future."""

MEMORY_BOUND_MB = 30
"""Growth allowed between warm-up and the end of the soak: generous, but far below a leak per save."""


# -- what the writers write -----------------------------------------------------------------------------------------


def with_headline(text: str, headline: str) -> str:
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {headline}\n", text, count=1)
    assert count == 1, "the shipped status.yaml changed shape; update this helper"
    return new


def with_party_name(text: str, name: str) -> str:
    new, count = re.subn(r"(?m)^    name: Financial Times.*$", f"    name: {name}", text, count=1)
    assert count == 1, "the shipped parties.yaml changed shape; update this helper"
    return new


def soak_quotes(numbers: list[int], tag: str) -> str:
    """A day's quotes file holding the quotes `numbers`; newer than the shipped ones, so they list first."""
    entries = [
        f"  - id: soak-{n}\n"
        f"    text: Soak quote {n} ({tag})\n"
        "    speaker: Sergey Lavrov\n"
        "    party: russia\n"
        f"    date: 2025-11-{26 + n % 3}\n"
        "    medium: press-conference\n"
        "    source: meduza-thanksgiving-deadline\n"  # a source with no archived copy: these words are not its
        for n in numbers
    ]
    return "quotes:\n" + "".join(entries) if entries else "quotes: []\n"


BREAKERS: dict[str, Callable[[str], str]] = {
    "syntax": lambda text: text + "\n  - [unclosed\n",
    "schema": lambda text: text.replace("role: belligerent", "role: aggressor", 1).replace("medium: press-conference", "medium: shouting", 1).replace("stage: ", "stage: almost-", 1),
    "empty": lambda text: "",
    "not-a-mapping": lambda text: "- just\n- a list\n",
}
"""Ways to break a file that the loader must report naming that file."""


def save_in_place(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def save_in_two_writes(path: Path, text: str) -> None:
    """An in-place save that arrives in two pieces: in between, the file is half-written."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text[: len(text) // 2])
        handle.flush()
        time.sleep(0.002)
        handle.write(text[len(text) // 2 :])


def save_by_rename(path: Path, text: str) -> None:
    temp = path.with_name(path.name + f".{threading.get_ident()}.tmp~")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def save_like_vim(path: Path, text: str) -> None:
    backup = path.with_name(path.name + "~")
    if path.exists():
        os.replace(path, backup)
    path.write_text(text, encoding="utf-8")
    backup.unlink(missing_ok=True)


SAVES = [save_in_place, save_in_two_writes, save_by_rename, save_like_vim]


@dataclass
class Tally:
    saves: int = 0
    broken: int = 0
    holds: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, broken: bool) -> None:
        with self.lock:
            self.saves += 1
            self.broken += broken


@dataclass
class Hold:
    """A writer has left `path` broken and waits until the dashboard has said so."""

    path: str
    seen: threading.Event = field(default_factory=threading.Event)


class Writer(threading.Thread):
    """Rewrites its own files `budget` times, at random, then writes its final valid state."""

    def __init__(self, name: str, store: Path, budget: int, seed: int, tally: Tally, holds: queue.Queue | None, stop: threading.Event) -> None:
        super().__init__(name=name, daemon=True)
        self.store, self.budget, self.rng, self.tally, self.holds, self.stop = store, budget, random.Random(seed), tally, holds, stop
        self.final: dict[str, str] = {}
        self.error: BaseException | None = None
        self.mine = 0
        """Saves made so far by this writer."""

    # A writer owns some files: each step, a valid version of one of them, and its final one.
    def valid(self, n: int) -> tuple[str, str]:
        raise NotImplementedError

    def final_state(self) -> dict[str, str]:
        raise NotImplementedError

    def save(self, relative: str, text: str, broken: bool) -> None:
        self.rng.choice(SAVES)(self.store / relative, text)
        self.mine += 1
        self.tally.count(broken)

    def broken(self, text: str) -> str:
        broken = BREAKERS[self.rng.choice(list(BREAKERS))](text)
        assert broken != text
        return broken

    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # noqa: BLE001 - reported by the test, not lost in the thread
            self.error = exc

    def _run(self) -> None:
        rng, n = self.rng, 0
        while self.mine < self.budget and not self.stop.is_set():
            n += 1
            relative, text = self.valid(n)
            roll = rng.random()
            if roll < 0.35:  # a burst of saves a few ms apart, some broken, the last one valid
                for _ in range(rng.randint(2, 6)):
                    bad = rng.random() < 0.4
                    self.save(relative, self.broken(text) if bad else text, bad)
                    time.sleep(rng.uniform(0, 0.004))
                self.save(relative, text, False)
            elif roll < 0.45:  # briefly missing, as during some editors' saves
                (self.store / relative).unlink(missing_ok=True)
                time.sleep(rng.uniform(0.001, 0.15))
                self.save(relative, text, False)
            elif roll < 0.55 and self.holds is not None:  # broken, and left so until the dashboard has said so
                self.save(relative, self.broken(text), True)
                hold = Hold(relative)
                self.holds.put(hold)
                if not hold.seen.wait(15):
                    self.tally.failures.append(f"{self.name}: the broken {relative} was never reported")
                with self.tally.lock:
                    self.tally.holds += 1
                time.sleep(rng.uniform(0, 0.2))  # broken for a while longer
                self.save(relative, text, False)
            else:
                self.save(relative, text, False)
            # Half the time the next save comes before the folder is quiet (the watcher waits for
            # 50 ms of quiet), half the time after it: some saves coalesce, some are read one by one.
            time.sleep(rng.uniform(0.002, 0.04) if rng.random() < 0.5 else rng.uniform(0.06, 0.16))
        self.final = self.final_state()
        for relative, text in self.final.items():
            self.save(relative, text, False)


class StatusAndParties(Writer):
    """Owns status.yaml and parties.yaml: the headline and the Financial Times' name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.status = (self.store / "status.yaml").read_text(encoding="utf-8")
        self.parties = (self.store / "parties.yaml").read_text(encoding="utf-8")

    def valid(self, n: int) -> tuple[str, str]:
        if n % 2:
            return "status.yaml", with_headline(self.status, f"Headline number {n}")
        return "parties.yaml", with_party_name(self.parties, f"Financial Times {n}")

    def final_state(self) -> dict[str, str]:
        return {
            "status.yaml": with_headline(self.status, f"{self.name}, the final headline"),
            "parties.yaml": with_party_name(self.parties, f"Financial Times {self.name} final"),
        }


class Quotes(Writer):
    """Owns one quotes file: a changing set of quotes, so items come and go."""

    def __init__(self, *args, relative: str = "quotes/2025-11-26.yaml", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.relative = relative

    def valid(self, n: int) -> tuple[str, str]:
        numbers = sorted(self.rng.sample(range(12), self.rng.randint(1, 6)))
        return self.relative, soak_quotes(numbers, f"save {n}")

    def final_state(self) -> dict[str, str]:
        return {self.relative: soak_quotes([1, 4, 7], "final")}


# -- what the dashboards must end showing --------------------------------------------------------------------------


def fresh_load(store: Path) -> Snapshot:
    result = ContentStore(store).load()
    assert result.problems == (), result.problems
    return result.snapshot


def same_content(a: Snapshot, b: Snapshot) -> bool:
    return all(getattr(a, part) == getattr(b, part) for part in ("story", "status", "parties", "issues", "quotes", "events", "sources"))


def shows_final_state(pilot, expected: Snapshot, headline: str, party: str, quote_texts: list[str] = ()) -> bool:
    app = pilot.app
    with as_active(app):  # two apps run in one test: read each one's screen as itself
        if app.state.problems or app.screen.query_one(ProblemBanner).display or not same_content(app.state.snapshot, expected):
            return False
        quotes = app.screen.query_one("#quotes RowList", RowList)
        text = screen_text(pilot)
        return (
            set(quotes.keys) == {q.id for q in expected.quotes}
            and headline in text
            and party in text
            and all(f"“{quote}”" in text for quote in quote_texts)
        )


def assert_final_state(pilot, expected: Snapshot, headline: str, party: str, quote_texts: list[str]) -> None:
    """The same checks as `shows_final_state`, one by one, so a failure says which."""
    app = pilot.app
    with as_active(app):
        assert app.state.problems == ()
        assert not app.screen.query_one(ProblemBanner).display
        assert {q.id for q in app.state.snapshot.quotes} == {q.id for q in expected.quotes}
        assert same_content(app.state.snapshot, expected)
        assert set(app.screen.query_one("#quotes RowList", RowList).keys) == {q.id for q in expected.quotes}
        text = screen_text(pilot)
        assert headline in text and party in text
        for quote in quote_texts:
            assert f"“{quote}”" in text


async def ends_showing(pilot, expected: Snapshot, headline: str, party: str, quote_texts: list[str], what: str) -> None:
    """Wait for the final state; if it never comes, fail saying which part of it is wrong."""
    try:
        await wait_until(pilot, lambda: shows_final_state(pilot, expected, headline, party), 10, what)
        # The cursor stays on the quote it was on, wherever that moved: the newest are at the top.
        with as_active(pilot.app):
            await pilot.press("4", "g")
        await wait_until(pilot, lambda: shows_final_state(pilot, expected, headline, party, quote_texts), 5, f"{what}: the newest quotes")
    finally:
        assert_final_state(pilot, expected, headline, party, quote_texts)


def rss_mb() -> float | None:
    """The process's resident memory, where /proc tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Memory:
    """Memory in MB: RSS where /proc has it, else what Python allocated since `start` (tracemalloc)."""

    def __init__(self) -> None:
        self.what = "RSS" if rss_mb() is not None else "traced"

    def start(self) -> float:
        gc.collect()
        if self.what == "RSS":
            return rss_mb()  # type: ignore[return-value]
        tracemalloc.start()
        return 0.0

    def now(self) -> float:
        gc.collect()
        if self.what == "RSS":
            return rss_mb()  # type: ignore[return-value]
        current = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        return current


def stop_writers(writers: list[Writer], stop: threading.Event, holds: queue.Queue | None) -> None:
    """Stop the writers early (a failed check) without leaving one waiting on a hold."""
    stop.set()
    while holds is not None and not holds.empty():
        holds.get_nowait().seen.set()
    for writer in writers:
        writer.join(20)


# -- two dashboards ------------------------------------------------------------------------------------------------


async def test_two_dashboards_on_one_store_end_showing_the_final_state(store, tmp_path):
    """Two dashboards on one folder share its journal (as they would by default) while a script rewrites it."""
    journal = tmp_path / "journal.json"
    first, second = make_app(store, live=True, journal=journal, now=LATER), make_app(store, live=True, journal=journal, now=LATER)
    async with started(first) as one, started(second) as two:
        tally, stop = Tally(), threading.Event()
        writers = [
            StatusAndParties("script", store, 40, seed=11, tally=tally, holds=None, stop=stop),
            Quotes("quotes-script", store, 40, seed=12, tally=tally, holds=None, stop=stop),
        ]
        for writer in writers:
            writer.start()
        try:
            await wait_until(one, lambda: not any(w.is_alive() for w in writers), 60, "the script to finish")
        finally:
            stop_writers(writers, stop, None)
        assert all(w.error is None for w in writers), [w.error for w in writers]
        expected = fresh_load(store)
        headline, party = "script, the final headline", "Financial Times script final"
        final_quotes = ["Soak quote 1 (final)", "Soak quote 4 (final)", "Soak quote 7 (final)"]
        for pilot, name in ((one, "first"), (two, "second")):
            await ends_showing(pilot, expected, headline, party, final_quotes, f"the {name} dashboard's final state")
        # Both wrote the one journal: it is whole, and it ends on the final state too.
        assert not list(tmp_path.glob("journal.json.corrupt*"))
        shared, warnings = Journal.open(store, path=journal)
        with shared:
            assert warnings == [] and shared.path == journal
            assert shared.record(expected) == []  # its last state is the final one: nothing left to record
        print(f"\ntwo dashboards: {tally.saves} saves ({tally.broken} broken) by two writer threads; both show the final state")


# -- the soak --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("poll", [None, 0.1], ids=["events", "polling"])
async def test_soak(store, tmp_path, soak_saves, poll):
    """Hundreds of saves, good and bad, from two writers; then exactly the final state, and bounded memory."""
    app = make_app(store, live=True, poll=poll, journal=tmp_path / "journal.json", now=LATER)
    reloads = banners = 0

    last = {"snapshot": None, "problems": None}

    def applied(state) -> None:
        # Counted as the screen counts them: a new snapshot, and a new list of problems.
        nonlocal reloads, banners
        if state.snapshot is not last["snapshot"]:
            last["snapshot"] = state.snapshot
            reloads += 1
        if state.problems != last["problems"]:
            last["problems"] = state.problems
            banners += bool(state.problems)

    async with started(app) as pilot:
        app.watch(app, "state", applied, init=False)
        tally, holds, stop = Tally(), queue.Queue(), threading.Event()
        half = soak_saves // 2
        writers = [
            StatusAndParties("writer-a", store, half, seed=1, tally=tally, holds=holds, stop=stop),
            Quotes("writer-b", store, soak_saves - half, seed=2, tally=tally, holds=holds, stop=stop),
        ]
        memory, warm_up_at, warm = Memory(), max(soak_saves // 10, 10), None
        started_at = time.monotonic()
        for writer in writers:
            writer.start()
        try:
            while any(w.is_alive() for w in writers):
                if warm is None and tally.saves >= warm_up_at:
                    warm = memory.start()
                try:
                    hold = holds.get_nowait()
                except queue.Empty:
                    await pilot.pause(0.02)
                    continue
                # No error lost: a file left broken is reported, naming it, while the others change on.
                await wait_until(pilot, lambda: any(p.path == hold.path for p in app.state.problems), 10, f"the broken {hold.path} reported")
                hold.seen.set()
        finally:
            stop_writers(writers, stop, holds)
        assert all(w.error is None for w in writers), [w.error for w in writers]
        assert not tally.failures, tally.failures
        writing = time.monotonic() - started_at

        expected = fresh_load(store)
        headline, party = "writer-a, the final headline", "Financial Times writer-a final"
        final_quotes = ["Soak quote 1 (final)", "Soak quote 4 (final)", "Soak quote 7 (final)"]
        await ends_showing(pilot, expected, headline, party, final_quotes, "the final state")
        assert {"soak-1", "soak-4", "soak-7"} <= {q.id for q in app.state.snapshot.quotes}

        assert warm is not None
        end = memory.now()
        growth = end - warm
        journal_kb = (tmp_path / "journal.json").stat().st_size / 1024
        print(
            f"\nsoak ({'polling' if poll else 'file events'}): {tally.saves} saves ({tally.broken} broken, "
            f"{tally.holds} left broken until reported) by two writers in {writing:.1f}s; {reloads} reloads applied, "
            f"{banners} problem reports; 0 crashes, final state exact; journal {journal_kb:.0f} KB; "
            f"{memory.what} {warm:.1f} MB after warm-up, {end:.1f} MB at the end ({growth:+.1f} MB)"
        )
        assert tally.saves >= soak_saves
        assert reloads >= 10, "the dashboard applied almost none of the saves"
        assert growth < MEMORY_BOUND_MB, f"memory grew by {growth:.1f} MB over {tally.saves} saves"
