"""What the change journal costs per save, in-process, on the benchmark's generated stores.

The dashboard benchmark (benchmark.py) times saves with the journal and without; this
measures the journal's own part: the store is loaded once, the journal records it, then
the newest quotes file gets a one-quote edit `--saves` times, each reloaded alone (as the
watcher does) and recorded. Printed per size: the first record, each record's median and
max, the bytes each record writes to the journal's file (the whole file when it is
rewritten; the edited file's state goes beside it), the file's size and the states kept
beside it, and a record by a fresh journal on the same file (a restart, or a one-shot command).

    python scripts/bench_journal.py --sizes 10k --saves 10
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import cached_store  # noqa: E402

from tui.core.journal.journal import Journal  # noqa: E402
from tui.core.store.loader import ContentStore  # noqa: E402

SIZES = {"1k": 1_000, "10k": 10_000, "50k": 50_000}


def kept_bytes(path: Path) -> int:
    """The states the journal keeps apart from its file, one per content file (`<journal>.files/`)."""
    folder = path.with_name(path.name + ".files")
    return sum(p.stat().st_size for p in folder.iterdir()) if folder.is_dir() else 0


def measure(quotes: int, saves: int) -> str:
    work = Path(tempfile.mkdtemp(prefix="peacewatch-journal-bench."))
    try:
        root = work / "store"
        shutil.copytree(cached_store(quotes), root)
        store = ContentStore(root)
        result = store.load()
        path = work / "state" / "journal.json"
        started = time.perf_counter()
        journal, _ = Journal.open(root, path=path)
        journal.record(result.snapshot, problems=result.problems)
        first = time.perf_counter() - started
        target = sorted((root / "quotes").glob("*.yaml"))[-1]
        times, written = [], []
        for n in range(saves):
            target.write_text(target.read_text(encoding="utf-8").replace("text: ", f"text: v{n} ", 1), encoding="utf-8")
            result = store.reload([target])
            before = path.stat()
            started = time.perf_counter()
            changes = journal.record(result.snapshot, problems=result.problems)
            times.append(time.perf_counter() - started)
            after = path.stat()
            written.append(after.st_size if after.st_ino != before.st_ino else after.st_size - before.st_size)
            assert changes, "the edit was not recorded"
        started = time.perf_counter()
        fresh, _ = Journal.open(root, path=path)
        fresh.record(result.snapshot, problems=result.problems)
        restart = time.perf_counter() - started
        return (f"record: first {first * 1e3:,.0f} ms; per save median {statistics.median(times) * 1e3:,.0f} ms, "
                f"max {max(times) * 1e3:,.0f} ms; written per save median {statistics.median(written) / 1e3:,.0f} kB; "
                f"file {path.stat().st_size / 1e6:.2f} MB and {kept_bytes(path) / 1e6:.1f} MB of states kept beside it; "
                f"a fresh journal's record {restart * 1e3:,.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k", help="comma-separated, from 1k, 10k, 50k (default: 1k,10k)")
    parser.add_argument("--saves", type=int, default=10, help="recorded saves per size (default 10)")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        print(f"{size}: {measure(SIZES[size], args.saves)}", flush=True)


if __name__ == "__main__":
    main()
