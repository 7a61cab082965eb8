"""The desk: the one door to a content folder, and the immutable state it hands out.

The dashboard and every command reach a content folder through a `Desk` (`door`), and
read what it returns as a `DeskState` (`state`). This face names everything they may use
from the packages below the door (requests and their refusals, the watcher, the user's
settings, git's answers), so the UI and the commands never import those packages
themselves (an import contract holds them to it).

Every name is imported when first asked for: the dashboard's first frame imports this
package without loading pydantic, PyYAML or TinyDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.alerts.deliver import Failed, deliver
    from tui.core.desk.door import NO_JOURNAL, Applied, CatchUp, Desk
    from tui.core.desk.head_door import cached_head
    from tui.core.desk.import_door import ArticleRead
    from tui.core.desk.merge_door import DriverInstalled, MergeDriven, install_merge_driver, run_merge_driver
    from tui.core.desk.state import DeskState
    from tui.core.disk.atomic_write import write_atomic
    from tui.core.disk.brief_file import brief_folder, write_new
    from tui.core.disk.folder_lock import Wait
    from tui.core.disk.limits import Limits
    from tui.core.disk.paths import RESCAN
    from tui.core.disk.settings import read_settings, save_theme, save_view, settings_path
    from tui.core.disk.watcher import watch_folder
    from tui.core.disk.watches import claim_alert, claims_folder, read_watches, save_watches, watches_path
    from tui.core.edits.capture_requests import AddCapture
    from tui.core.edits.document_requests import AddDocument, AddPoint, AddPointCount, AddStance
    from tui.core.edits.engine import EditConflict, EditFailed, EditRefused, Written
    from tui.core.edits.item_requests import AddDeadline, AddIssue, AddParty, AddPerson, Batch, RemoveItem, RestoreItem, UpdateItem
    from tui.core.edits.new_items import SCHEMA_IN_STORE
    from tui.core.edits.requests import AddEvent, AddQuote, AddSource, Request, SetPosition, SetStatus
    from tui.core.git.repo import Followed, GitError, LastChange
    from tui.core.git.run import stop_every_git
    from tui.core.journal.journal import Entry, Reload
    from tui.core.journal.stance_history import Step
    from tui.core.merge.file_merge import Conflict, MergeResult, merge_file
    from tui.core.verify.archive import ARCHIVE_FOLDER, Archived, archive_article
    from tui.core.verify.article import Article, article_text
    from tui.core.verify.check import QuoteCheck, Verification
    from tui.core.verify.match import QuoteState
    from tui.core.verify.recapture import Recaptured, compare_capture

_FACE = {
    "tui.core.desk.door": ("NO_JOURNAL", "Applied", "CatchUp", "Desk"),
    "tui.core.desk.head_door": ("cached_head",),
    "tui.core.desk.merge_door": ("DriverInstalled", "MergeDriven", "install_merge_driver", "run_merge_driver"),
    "tui.core.desk.import_door": ("ArticleRead",),
    "tui.core.desk.state": ("DeskState",),
    "tui.core.alerts.deliver": ("Failed", "deliver"),
    "tui.core.disk.atomic_write": ("write_atomic",),
    "tui.core.disk.brief_file": ("brief_folder", "write_new"),
    "tui.core.disk.folder_lock": ("Wait",),
    "tui.core.disk.limits": ("Limits",),
    "tui.core.disk.settings": ("read_settings", "save_theme", "save_view", "settings_path"),
    "tui.core.disk.paths": ("RESCAN",),
    "tui.core.disk.watcher": ("watch_folder",),
    "tui.core.disk.watches": ("claim_alert", "claims_folder", "read_watches", "save_watches", "watches_path"),
    "tui.core.edits.capture_requests": ("AddCapture",),
    "tui.core.edits.engine": ("EditConflict", "EditFailed", "EditRefused", "Written"),
    "tui.core.edits.document_requests": ("AddDocument", "AddPoint", "AddPointCount", "AddStance"),
    "tui.core.edits.item_requests": ("AddDeadline", "AddIssue", "AddParty", "AddPerson", "Batch", "RemoveItem", "RestoreItem", "UpdateItem"),
    "tui.core.edits.new_items": ("SCHEMA_IN_STORE",),
    "tui.core.edits.requests": ("AddEvent", "AddQuote", "AddSource", "Request", "SetPosition", "SetStatus"),
    "tui.core.git.repo": ("Followed", "GitError", "LastChange"),
    "tui.core.git.run": ("stop_every_git",),
    "tui.core.journal.journal": ("Entry", "Reload"),
    "tui.core.journal.stance_history": ("Step",),
    "tui.core.merge.file_merge": ("Conflict", "MergeResult", "merge_file"),
    "tui.core.verify.archive": ("ARCHIVE_FOLDER", "Archived", "archive_article"),
    "tui.core.verify.article": ("Article", "article_text"),
    "tui.core.verify.check": ("QuoteCheck", "Verification"),
    "tui.core.verify.match": ("QuoteState",),
    "tui.core.verify.recapture": ("Recaptured", "compare_capture"),
}
"""Where each name of the face lives: imported when first asked for, so that showing a store
never waits for the code that edits, keeps the journal or talks to git."""

_WHERE = {name: module for module, names in _FACE.items() for name in names}

__all__ = [
    "ARCHIVE_FOLDER", "AddCapture", "ArticleRead", "AddDeadline", "AddDocument", "AddEvent", "AddIssue", "AddPoint", "AddPointCount",
    "AddStance", "AddParty", "AddPerson", "AddQuote", "AddSource", "Applied",
    "Archived", "Article", "Batch", "CatchUp", "Conflict", "Desk", "DeskState", "DriverInstalled", "EditConflict", "EditFailed",
    "EditRefused", "Entry", "Failed", "Followed", "GitError", "LastChange", "Limits", "MergeDriven", "MergeResult", "NO_JOURNAL", "QuoteCheck",
    "QuoteState", "RESCAN", "Recaptured", "Reload", "RemoveItem", "Request", "RestoreItem", "SCHEMA_IN_STORE", "SetPosition",
    "SetStatus", "Step", "UpdateItem", "Verification", "Wait", "Written", "archive_article", "article_text", "brief_folder", "cached_head",
    "claim_alert", "claims_folder", "compare_capture", "deliver", "install_merge_driver", "merge_file", "read_settings", "read_watches", "run_merge_driver",
    "save_theme", "save_view", "save_watches", "settings_path",
    "stop_every_git",
    "watch_folder", "watches_path", "write_atomic", "write_new",
]


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
