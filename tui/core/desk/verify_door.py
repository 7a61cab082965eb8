"""The desk's door to verify: each state's quotes checked against their sources' archived copies.
A part of `Desk`, kept apart for its size."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.desk.state import DeskState
    from tui.core.model.snapshot import Snapshot
    from tui.core.store.loader import ContentStore
    from tui.core.text.problems import Problem
    from tui.core.verify.check import Verification, Verifier


class DeskVerify:
    """What `Desk` does with the archive; it uses the desk's folder and store."""

    root: Path
    state: DeskState
    _store: ContentStore
    _verifier: Verifier | None

    def _verified(self, snapshot: Snapshot, problems: tuple[Problem, ...]) -> tuple[tuple[Problem, ...], Verification | None]:
        """The state's problems (`problems`, then those of its quotes and archived copies) and the
        verification, None while no source has an archived copy.

        Kept out of what the journal is given: a quote edited to differ from its source is a
        change to record (and a problem to show), not a slip to wait out."""
        if not any(source.archive for source in snapshot.sources):
            return problems, None
        if not self.root.is_dir():  # the folder itself is gone (said already): not each copy in it
            return problems, self.state.verified
        from tui.core.verify.check import Verifier

        if self._verifier is None:
            self._verifier = Verifier(self.root)
        verification = self._verifier.check(snapshot, self._store.field_at)
        return problems + verification.problems, verification
