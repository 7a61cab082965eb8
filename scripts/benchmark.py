"""Measure how fast peacewatch starts and how quickly a save reaches the screen.

Prints a Markdown table (measure | result | target) ready to paste into the README:

1. Startup to first painted frame, for peacewatch on the shipped content/ and for a
   bare one-widget Textual app, each in a fresh subprocess so interpreter start and
   imports count. The clock runs from just before the spawn until the child, running
   headless at 120x40, has composited a frame that shows its content (peacewatch: the
   deal's headline, after the first load; bare app: "hello"). Median of --runs runs
   each, the ratio peacewatch / bare, and where the time goes (interpreter, imports,
   mount and first load, first paint), from timestamps the child reports.
2. Save to screen: the app runs in-process (`run_test`, live watching) on a temp copy
   of content/; status.yaml is rewritten --saves times with a new headline, alternating
   in-place writes and write-temp-then-rename saves, and we time from just after the
   save returns until the headline is on the screen. p50, p95 and max; and, for
   scale, how much of that is the folder watcher alone reporting the save.
3. `ContentStore(root).load()` on the shipped store, and, to show where the scale limits
   are, load time and save-to-screen p50 for a generated store of 10,000 quotes in 100
   day files that reference the shipped parties, sources and issues.

Run from anywhere (progress goes to stderr, the table to stdout):

    .venv/bin/python scripts/benchmark.py [--runs N] [--saves N] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
sys.path.insert(0, str(REPO))  # so an uninstalled checkout benchmarks itself, not a stale install

SIZE = (120, 40)
STARTUP_TIMEOUT = 60.0
SAVE_TIMEOUT = 2.0
"""A save not on screen after this long counts as a failure."""
SAVE_GAPS = (0.15, 0.25)
"""Pause between saves, longer than the watcher's quiet period, so saves never coalesce.

Drawn at random from this range: the watcher checks the folder on a fixed 50 ms step
that restarts after each batch, so a fixed gap would land every save at the same point
of that step (a multiple of it lands on the worst one). Real saves land anywhere.
"""
POLL = 0.005
"""How often the screen is checked for a save: fine enough for the 150 ms target."""

BIG_FILES = 100
BIG_QUOTES_PER_FILE = 100

_gaps = random.Random(0)  # seeded, so two runs on the same machine see the same gaps


def gap() -> float:
    return _gaps.uniform(*SAVE_GAPS)


# Run in the child with `python -c`, so it pays for nothing but the app it starts.
# Timestamps are time.time(): the only clock both processes are guaranteed to share.
CHILD = r"""
import os, sys, time
t_start = time.time()
kind, root, needle = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "bare":
    from textual.app import App
    from textual.widgets import Static
else:
    from pathlib import Path
    from tui.ui.app import PeacewatchApp
t_imported = time.time()
t_ready = None

def painted(app):
    # Headless Textual still lays out and composites every frame; it only skips writing
    # the escape codes. Rendering the strips here is the part of painting that's left,
    # and checking them proves the frame shows content, not an empty screen.
    text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    if needle not in text:
        app.call_after_refresh(painted, app)
        return
    sys.stdout.write(f"{t_start} {t_imported} {t_ready} {time.time()}\n")
    sys.stdout.flush()
    os._exit(0)  # teardown is not startup

if kind == "bare":
    class Bare(App):
        def compose(self):
            yield Static("hello")

        def on_mount(self):
            global t_ready
            t_ready = time.time()
            self.call_after_refresh(painted, self)

    Bare().run(headless=True, size=(120, 40))
else:
    app = PeacewatchApp(Path(root))

    # The auto-pilot hook runs inside the app's loop without touching the app's code.
    # `shown`: the content is on screen (the journal's unseen marks follow a moment later).
    async def first_frame(pilot):
        global t_ready
        await app.shown.wait()
        t_ready = time.time()
        app.call_after_refresh(painted, app)

    app.run(headless=True, size=(120, 40), auto_pilot=first_frame)
sys.exit("exited without painting the first frame")
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: with few samples it reports a real sample, never an interpolation."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def status_headline(root: Path) -> str:
    from tui.core.loader import ContentStore

    return ContentStore(root).load().snapshot.status.headline


# --- 1. startup ------------------------------------------------------------------------


def start_once(kind: str, needle: str) -> dict[str, float]:
    """One cold start in a fresh interpreter; returns the total and its phases, in seconds."""
    wall0 = time.time()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(CONTENT), needle],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(STARTUP_TIMEOUT, proc.kill)
    watchdog.start()
    try:
        line = proc.stdout.readline()
        total = time.perf_counter() - t0
        _, err = proc.communicate()
    finally:
        watchdog.cancel()
    if not line:
        raise RuntimeError(f"{kind} app never painted its first frame:\n{err.strip()}")
    t_start, t_imported, t_ready, t_frame = map(float, line.split())
    return {
        "total": total,
        "interpreter": t_start - wall0,
        "imports": t_imported - t_start,
        "ready": t_ready - t_imported,
        "paint": t_frame - t_ready,
    }


def bench_startup(runs: int) -> dict[str, list[dict[str, float]]]:
    # Only the start of the headline: the pane wraps it, and the first words are enough.
    needles = {"peacewatch": " ".join(status_headline(CONTENT).split()[:3]), "bare": "hello"}
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in needles}
    for kind, needle in needles.items():
        start_once(kind, needle)  # warm the OS file cache and the bytecode cache
    for run in range(runs):
        # Interleaved, so a burst of background load hits both apps alike.
        for kind, needle in needles.items():
            results[kind].append(start_once(kind, needle))
        log(f"  startup run {run + 1}/{runs}: peacewatch {ms(results['peacewatch'][-1]['total'])}, bare {ms(results['bare'][-1]['total'])}")
    return results


def median_of(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples)


# --- 2. save to screen -----------------------------------------------------------------

_HEADLINE = re.compile(r"^  headline:.*\n(?:    .*\n)*", re.MULTILINE)


def headline_template(status_file: Path) -> str:
    """status.yaml with its top-level headline (not the history's) replaced by a slot."""
    text = status_file.read_text(encoding="utf-8")
    template, count = _HEADLINE.subn("  headline: {headline}\n", text.replace("{", "{{").replace("}", "}}"), count=1)
    if count != 1:
        raise RuntimeError(f"no top-level 'headline:' found in {status_file.name}")
    return template


def save(path: Path, text: str, atomic: bool) -> None:
    if atomic:
        # How vim and VS Code save: a new file renamed over the old one.
        temp = path.with_name(f".{path.name}.bench-tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    else:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def screen_text(pilot) -> str:
    # Same as tests/pilot_helpers.screen_text; tests/ is not a package we can rely on importing.
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def wait_for(pilot, condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"timed out after {timeout:g} s waiting for {what}")
        await pilot.pause(POLL)


async def save_to_screen(root: Path, saves: int) -> dict[str, object]:
    from tui.ui.app import PeacewatchApp

    status_file = root / "status.yaml"
    template = headline_template(status_file)
    # The journal is kept, as a user's dashboard keeps it, but beside the temp store, not in the user's state.
    app = PeacewatchApp(root, live=True, journal=root.parent / "journal.json")
    t0 = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.loaded.wait(), 300)
        first_needle = " ".join(app.state.snapshot.status.headline.split()[:3])
        await wait_for(pilot, lambda: first_needle in screen_text(pilot), "the first load on screen")
        first_screen = time.perf_counter() - t0
        await wait_for(pilot, lambda: app.following.startswith("●"), "the app to start watching")
        # watch_state flips just before watchfiles sets up its watches; a save before then is lost.
        await pilot.pause(0.3)

        latencies: list[float] = []
        by_kind: dict[str, list[float]] = {"in-place": [], "rename": []}
        failures = 0
        for i in range(saves):
            # Unique per save, and short enough to sit on one line of the status pane.
            needle = f"Benchmark save {i:03d} {secrets.token_hex(3)}"
            save(status_file, template.format(headline=needle), atomic=i % 2 == 1)
            saved = time.perf_counter()
            while needle not in screen_text(pilot):
                if time.perf_counter() - saved > SAVE_TIMEOUT:
                    failures += 1
                    break
                await pilot.pause(POLL)
            else:
                latencies.append(time.perf_counter() - saved)
                by_kind["rename" if i % 2 else "in-place"].append(latencies[-1])
            await pilot.pause(gap())
    return {"latencies": latencies, "failures": failures, "saves": saves, "first_screen": first_screen, "by_kind": by_kind}


async def watcher_latency(root: Path, saves: int) -> list[float]:
    """Save to the folder watcher reporting it, with no app: the part of save-to-screen that
    is the watcher waiting for the folder to go quiet."""
    from tui.core.watcher import watch_folder

    status_file = root / "status.yaml"
    template = headline_template(status_file)
    stop = asyncio.Event()
    reported: asyncio.Queue[float] = asyncio.Queue()

    async def follow() -> None:
        async for _ in watch_folder(root, None, stop):
            reported.put_nowait(time.perf_counter())

    task = asyncio.create_task(follow())
    await asyncio.sleep(0.3)  # let watchfiles set up its watches before the first save
    latencies = []
    for i in range(saves):
        save(status_file, template.format(headline=f"Watcher save {i:03d}"), atomic=i % 2 == 1)
        saved = time.perf_counter()
        try:
            latencies.append(await asyncio.wait_for(reported.get(), SAVE_TIMEOUT) - saved)
        except TimeoutError:
            pass
        await asyncio.sleep(gap())
        while not reported.empty():  # a late second batch from the same save
            reported.get_nowait()
    stop.set()
    try:
        await asyncio.wait_for(task, 2)
    except TimeoutError:
        task.cancel()
    return latencies


# --- 3. loading ------------------------------------------------------------------------


def time_loads(root: Path, repeats: int) -> float:
    from tui.core.loader import ContentStore

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = ContentStore(root).load()
        times.append(time.perf_counter() - t0)
    if result.problems:
        first = result.problems[0]
        raise RuntimeError(f"{root.name} does not load cleanly: {first}")
    return statistics.median(times)


def write_big_store(root: Path) -> int:
    """Add BIG_FILES day files of BIG_QUOTES_PER_FILE valid quotes; returns the total quote count."""
    from tui.core.loader import ContentStore
    from tui.core.vocab import Medium

    shipped = ContentStore(root).load().snapshot
    parties = [p.id for p in shipped.parties]
    sources = [s.id for s in shipped.sources]
    issues = [i.id for i in shipped.issues]
    mediums = [m.value for m in Medium]
    first_day = dt.date(2025, 11, 24) - dt.timedelta(days=BIG_FILES - 1)
    for d in range(BIG_FILES):
        day = first_day + dt.timedelta(days=d)
        if (root / "quotes" / f"{day}.yaml").exists():
            raise RuntimeError(f"quotes/{day}.yaml already exists in the shipped store")
        lines = ["quotes:"]
        for n in range(BIG_QUOTES_PER_FILE):
            k = d * BIG_QUOTES_PER_FILE + n
            lines += [
                f"  - id: bench-{day}-{n:03d}",
                "    text: >-",
                f"      Generated quote {n} of {day}, long enough to wrap like a real one does",
                "      when the quotes pane is narrow and the speaker has a lot to say.",
                f"    speaker: Generated Speaker {k % 37}",
                "    speaker_role: Benchmark spokesperson",
                f"    party: {parties[k % len(parties)]}",
                f"    date: {day}",
                f"    medium: {mediums[k % len(mediums)]}",
                "    reported_by:",
                "      - told the benchmark",
                f"    source: {sources[k % len(sources)]}",
                "    issues:",
                f"      - {issues[k % len(issues)]}",
                "",
            ]
        (root / "quotes" / f"{day}.yaml").write_text("\n".join(lines), encoding="utf-8")
    return len(shipped.quotes) + BIG_FILES * BIG_QUOTES_PER_FILE


def copy_content(into: Path) -> Path:
    root = into / "content"
    shutil.copytree(CONTENT, root)
    return root


# --- report ----------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="cold starts per app (default 7, --quick 3)")
    parser.add_argument("--saves", type=int, default=None, help="saves timed on the shipped store (default 40, --quick 12)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a rough number in under a minute")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    saves = args.saves or (12 if args.quick else 40)
    big_saves = 5 if args.quick else 15
    watcher_saves = 6 if args.quick else 20
    load_repeats = 5 if args.quick else 20
    big_load_repeats = 1 if args.quick else 3

    import textual

    # Other work on the machine skews every number here; the load average says how much.
    load = f", load average {os.getloadavg()[0]:.2f} at start" if hasattr(os, "getloadavg") else ""
    began = time.perf_counter()
    log(f"startup: {runs} cold starts of each app…")
    startup = bench_startup(runs)
    pw, bare = median_of(startup["peacewatch"], "total"), median_of(startup["bare"], "total")
    ratio = pw / bare

    log("loading the shipped store…")
    shipped_load = time_loads(CONTENT, load_repeats)

    with tempfile.TemporaryDirectory(prefix="peacewatch-bench-") as temp:
        log(f"save to screen: {saves} saves on the shipped store…")
        shipped = asyncio.run(save_to_screen(copy_content(Path(temp) / "shipped"), saves))

        log(f"watcher alone: {watcher_saves} saves…")
        watcher = asyncio.run(watcher_latency(copy_content(Path(temp) / "watcher"), watcher_saves))

        log(f"generating {BIG_FILES * BIG_QUOTES_PER_FILE:,} quotes in {BIG_FILES} files…")
        big_root = copy_content(Path(temp) / "big")
        big_quotes = write_big_store(big_root)
        log("loading the generated store…")
        big_load = time_loads(big_root, big_load_repeats)
        log(f"save to screen: {big_saves} saves on the generated store…")
        big = asyncio.run(save_to_screen(big_root, big_saves))

    def fastest(kind: str) -> float:
        # Shown beside the median: on a busy machine the fastest run is closest to the app's own cost.
        return min(s["total"] for s in startup[kind])

    lat = shipped["latencies"]
    p95 = percentile(lat, 95) if lat else math.inf
    big_lat = big["latencies"]
    phases = " · ".join(
        f"{label} {ms(median_of(startup['peacewatch'], key))}"
        for label, key in (("interpreter", "interpreter"), ("imports", "imports"), ("mount + first load", "ready"), ("first paint", "paint"))
    )
    bare_phases = " · ".join(
        f"{label} {ms(median_of(startup['bare'], key))}"
        for label, key in (("interpreter", "interpreter"), ("imports", "imports"), ("mount", "ready"), ("first paint", "paint"))
    )
    rows = [
        (f"Startup to first frame, peacewatch on content/ (median of {runs})", f"{ms(pw)} (fastest {ms(fastest('peacewatch'))})", "—"),
        (f"Startup to first frame, bare one-widget Textual app (median of {runs})", f"{ms(bare)} (fastest {ms(fastest('bare'))})", "—"),
        ("Startup ratio, peacewatch / bare", f"{ratio:.2f}×", f"≤ 1.5× ({verdict(ratio <= 1.5)})"),
        ("↳ peacewatch phases (medians)", phases, "—"),
        ("↳ bare app phases (medians)", bare_phases, "—"),
        (
            f"Save to screen, content/ ({saves} saves) p50 / p95 / max",
            " / ".join(ms(v) for v in (percentile(lat, 50), p95, max(lat))) if lat else "no save reached the screen",
            f"p95 < 150 ms ({verdict(p95 < 0.150 and not shipped['failures'])})",
        ),
        (
            "↳ p50 of in-place / write-then-rename saves",
            " / ".join(ms(statistics.median(v)) if v else "—" for v in shipped["by_kind"].values()),
            "—",
        ),
        (
            f"↳ of which the watcher reporting the save (`watch_folder` alone, {watcher_saves} saves), p50 / max",
            (f"{ms(statistics.median(watcher))} / {ms(max(watcher))}" if watcher else "nothing reported")
            + (f", {watcher_saves - len(watcher)} not reported" if len(watcher) < watcher_saves else ""),
            "—",
        ),
        (f"Saves not on screen within {SAVE_TIMEOUT:g} s", f"{shipped['failures']} of {saves}", "0"),
        (f"`ContentStore.load()`, content/ (median of {load_repeats})", ms(shipped_load), "—"),
        (f"`ContentStore.load()`, {big_quotes:,} quotes in {BIG_FILES + 2} quote files (median of {big_load_repeats})", ms(big_load), "—"),
        (f"First load on screen in-process, {big_quotes:,} quotes", ms(big["first_screen"]), "—"),
        (
            f"Save to screen p50, {big_quotes:,} quotes ({big_saves} saves)",
            (ms(percentile(big_lat, 50)) if big_lat else "no save reached the screen")
            + (f", {big['failures']} timed out" if big["failures"] else ""),
            "—",
        ),
    ]
    print(
        f"Machine: {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, Textual {textual.__version__}{load}"
    )
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    log(f"done in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
