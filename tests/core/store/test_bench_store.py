"""The benchmark's store generator writes valid, realistic, deterministic stores (scripts/bench_store.py)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.bench import bench_store as _generator
from tui.core.store.loader import ContentStore


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_a_small_generated_store_is_valid_sharded_and_deterministic(tmp_path):
    bench_store = _generator()
    root = bench_store.write_store(tmp_path / "a", 400, seed=3)

    result = ContentStore(root).load()
    assert list(result.problems) == []
    snapshot = result.snapshot
    assert len(snapshot.quotes) == 400
    assert len(snapshot.parties) == 30 and all(party.people for party in snapshot.parties)
    assert len(snapshot.issues) == 20 and all(6 <= len(issue.positions) <= 10 for issue in snapshot.issues)
    assert snapshot.status.headline.startswith(bench_store.HEADLINE_MARK)
    assert any("’" in q.text or "“" in q.text for q in snapshot.quotes)
    assert 200 <= sum(len(q.text) for q in snapshot.quotes) / len(snapshot.quotes) <= 450

    assert len(list((root / "quotes").glob("*.yaml"))) == 200  # one file a day over 200 days
    assert [p.name for p in sorted((root / "events").glob("*.yaml"))] == [f"2025-{m:02d}.yaml" for m in range(5, 12)]

    assert _files(bench_store.write_store(tmp_path / "b", 400, seed=3)) == _files(root)
    assert _files(bench_store.write_store(tmp_path / "c", 400, seed=4)) != _files(root)


def test_the_cache_keeps_one_store_per_size_and_seed(tmp_path):
    bench_store = _generator()
    first = bench_store.cached_store(60, seed=1, cache=tmp_path)
    marker = first / "story.yaml"
    stamp = marker.stat().st_mtime_ns
    assert bench_store.cached_store(60, seed=1, cache=tmp_path) == first and marker.stat().st_mtime_ns == stamp
    assert bench_store.cached_store(60, seed=2, cache=tmp_path) != first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, bench_store.cached_store(60, seed=2, cache=tmp_path).name])
