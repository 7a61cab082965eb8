"""The app's parts that only an action needs, made when first asked for.

Editing, the editor, git and briefs are a few thousand lines of modules that a start would import
only to construct objects nothing uses before a key is pressed; made on first use, their imports
are not on the way to the first frame.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class Part(Generic[T]):
    """`app.NAME`: the class `name` of `module`, made with the app on first use and kept on it."""

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name, self._attribute = module, name, ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, app: None, owner: type) -> Part[T]: ...
    @overload
    def __get__(self, app: object, owner: type) -> T: ...
    def __get__(self, app: Any, owner: type) -> Any:
        if app is None:
            return self
        made = getattr(import_module(self._module), self._name)(app)
        app.__dict__[self._attribute] = made  # found on the app itself from now on, before this descriptor
        return made
