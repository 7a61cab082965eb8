"""Where things are, named once: a test module moved to another folder keeps finding them."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
SHIPPED = REPO / "content"
"""The shipped content folder (read only: copy it before editing)."""
YAML_SUITE = TESTS / "data" / "yaml-test-suite"
"""Cases from the YAML test suite, valid and erroneous."""
