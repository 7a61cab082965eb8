"""Watches kept in the user's state, and alert claims: one dashboard of a desk posts each alert."""

from __future__ import annotations

import os
import threading
import time

from tui.core.disk.watches import claim_alert, claims_folder, read_watches, save_watches, watches_path


def test_watches_round_trip_and_a_broken_file_is_said(tmp_path):
    path = watches_path(tmp_path / "content", state_dir=tmp_path / "state")
    assert read_watches(path) == (frozenset(), None)
    save_watches(path, frozenset({("issues", "territory"), ("deadlines", "2025-11-27 Thanksgiving")}))
    assert read_watches(path) == (frozenset({("issues", "territory"), ("deadlines", "2025-11-27 Thanksgiving")}), None)
    path.write_text("{not json", encoding="utf-8")
    watches, problem = read_watches(path)
    assert watches == frozenset() and problem is not None and str(path) in problem


def test_a_claim_is_taken_once_by_many_at_once_and_again_once_it_has_expired(tmp_path):
    folder = claims_folder(tmp_path / "content", state_dir=tmp_path / "state")
    won: list[bool] = []
    threads = [threading.Thread(target=lambda: won.append(claim_alert(folder, "change-abc"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert won.count(True) == 1
    assert not claim_alert(folder, "change-abc")
    assert claim_alert(folder, "change-other")
    old = time.time() - 3600
    os.utime(folder / "change-abc", (old, old))
    assert claim_alert(folder, "change-abc")  # the same change made again an hour later is news again
