"""The dashboard's first frame waits for none of the store's heavy libraries.

pydantic, PyYAML and TinyDB (with the model, the reader and the journal) are imported by the desk
in a thread; the event loop that draws the first frame must not import them itself. Verify's
trafilatura (with lxml) and rapidfuzz are imported only to read a web page or find the passage
closest to a quote that differs: never for the shipped story, whose copy is text and verbatim. Run in a
fresh interpreter, since this test process has long imported all three.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import SHIPPED

PROBE = r"""
import asyncio, json, sys, threading
from pathlib import Path

HEAVY = ("pydantic", "yaml", "tinydb", "trafilatura", "lxml", "rapidfuzz")
by_main = []


class Watch:
    # Notes each first import of a heavy library made by the main thread (the event loop's).
    def find_spec(self, name, path=None, target=None):
        if name in HEAVY and name not in sys.modules and threading.current_thread() is threading.main_thread():
            by_main.append(name)
        return None


sys.meta_path.insert(0, Watch())

from tui.ui.app import PeacewatchApp

at_first_frame = {}


class Probe(PeacewatchApp):
    CSS_PATH = Path(sys.modules[PeacewatchApp.__module__].__file__).with_name(PeacewatchApp.CSS_PATH)

    def on_ready(self) -> None:  # Textual: the DOM is ready and the first frame is on screen
        at_first_frame["by_main"] = list(by_main)
        at_first_frame["anywhere"] = sorted(m for m in HEAVY if m in sys.modules)
        at_first_frame["screen"] = "\n".join(strip.text for strip in self.screen._compositor.render_strips())


async def main() -> None:
    app = Probe(Path(sys.argv[1]), journal="off", settings="off", stories=[Path(p) for p in sys.argv[2:]])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.loaded.wait()
        await pilot.pause()
    print(json.dumps({"first_frame": at_first_frame, "loaded": sorted(m for m in HEAVY if m in sys.modules)}))


asyncio.run(main())
"""


def test_the_first_frame_imports_no_pydantic_yaml_tinydb_or_verifys_libraries_on_the_event_loop() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE, str(SHIPPED)], capture_output=True, text=True, check=True, timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["first_frame"]["by_main"] == [], "the event loop imported a heavy library before the first frame"
    # The probe would see them: the store was loaded (in a thread), so all three are there by now;
    # its quotes were verified against its archived copy without trafilatura or rapidfuzz.
    assert seen["loaded"] == ["pydantic", "tinydb", "yaml"] or seen["loaded"] == ["pydantic", "yaml"]


@pytest.mark.parametrize("others", [0, 1], ids=["one story", "with another story followed"])
def test_a_start_after_a_load_draws_the_story_in_its_first_frame_without_the_store_s_code(store: Path, tmp_path: Path, others: int) -> None:
    # The first run reads the store and keeps its head (in the state directory the tests share with
    # the probe's process); the second draws that head before pydantic, PyYAML or the model load at all,
    # for the story shown or any other story it follows.
    folders = [str(store)] + [str(shutil.copytree(store, tmp_path / f"other-{n}")) for n in range(others)]
    runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE, *folders], capture_output=True, text=True, check=True,
                                      timeout=120).stdout.strip().splitlines()[-1]) for _ in range(2)]
    second = runs[1]["first_frame"]
    assert "Ukraine agrees “in principle”" in second["screen"], second["screen"]
    assert "Donald Trump" in second["screen"] and "Territory" in second["screen"]  # the parties and issues too
    assert second["anywhere"] == [], "the first frame waited for the store's libraries"
