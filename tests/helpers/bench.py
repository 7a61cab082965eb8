"""The benchmark's generator of large realistic stores (scripts/bench_store.py), for tests that need one."""

from __future__ import annotations

import functools
import importlib.util
from types import ModuleType

from tests.helpers.paths import REPO

SCRIPT = REPO / "scripts" / "bench_store.py"


@functools.cache
def bench_store() -> ModuleType:
    """The generator module, loaded from its file (scripts/ is not a package), once per session."""
    spec = importlib.util.spec_from_file_location("bench_store", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
