"""Problems of a document: how a bad value is described, and where each error stands.

The converter raises nested errors (cattrs collects them per object and per
array); :func:`problems_of` flattens them into :class:`~peelmodel.errors.Problem`
objects, each with the JSON path of the bad value:

>>> problems_of(expected("an integer", "691"), "$.outcome_rates[3].count")
[Problem(path='$.outcome_rates[3].count', message="expected an integer, found '691'")]
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Final

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from peelmodel.errors import DuplicateIdError, InvalidValueError, PeelModelError, Problem

__all__ = [
    "MAX_BAD_ITEMS",
    "Budget",
    "IndexNote",
    "StructureError",
    "describe",
    "expected",
    "member",
    "problems_of",
    "reading",
    "spend",
    "stop",
]

#: How many bad items (array items, unknown keys) the detailed reader reports
#: before it stops reading: a huge broken document is refused at once.
MAX_BAD_ITEMS: Final = 1000

#: A key that a JSON path can show after a dot; any other is shown quoted.
_PLAIN_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Budget:
    """How many bad items one reading has found, and whether it stopped early.

    >>> with reading(limit=2) as budget:
    ...     spend(), spend(), budget.stopped
    (True, False, False)
    """

    __slots__ = ("found", "limit", "stopped")

    def __init__(self, limit: int) -> None:
        self.found = 0
        self.limit = limit
        #: Whether bad items were left unreported: then there are more problems.
        self.stopped = False


_BUDGET: Final[ContextVar[Budget | None]] = ContextVar("peelmodel_budget", default=None)


@contextmanager
def reading(limit: int = MAX_BAD_ITEMS) -> Iterator[Budget]:
    """A budget of bad items for one reading of a document, or one listing of its problems."""
    budget = Budget(limit)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def spend(count: int = 1) -> bool:
    """Count *count* more bad items; whether there is room for more (always, outside :func:`reading`)."""
    budget = _BUDGET.get()
    if budget is None:
        return True
    budget.found += count
    return budget.found < budget.limit


def stop() -> None:
    """Note that bad items are left unreported: the document has more problems than listed."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.stopped = True


def _room() -> int:
    """How many more bad items may be reported."""
    budget = _BUDGET.get()
    return MAX_BAD_ITEMS if budget is None else max(0, budget.limit - budget.found)


class StructureError(PeelModelError, TypeError):
    """A JSON value of the wrong type or form, raised inside the converter."""


def describe(value: object) -> str:
    """The value found in a document, as a problem's message shows it.

    >>> describe({"a": 1}), describe([1, 2]), describe("x" * 100)[:10]
    ('an object with 1 keys', 'an array of 2 items', "'xxxxxxxxx")
    """
    if isinstance(value, dict):
        return f"an object with {len(value)} keys"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    if isinstance(value, date):  # as the document wrote it
        return repr(value.isoformat())
    return repr(value)


def expected(what: str, value: object) -> StructureError:
    """The error for *value* where the document should hold *what*.

    >>> expected("an array", None)
    StructureError('expected an array, found None')
    """
    return StructureError(f"expected {what}, found {describe(value)}")


class IndexNote(str):
    """Marks an error with the index of the array item it belongs to.

    >>> IndexNote(3).position
    3
    """

    __slots__ = ("position",)
    position: int

    def __new__(cls, position: int) -> IndexNote:
        """The note of the item at *position*."""
        note = super().__new__(cls, f"Structuring array item @ index {position}")
        note.position = position
        return note


def member(path: str, key: str) -> str:
    """The path of *key* in the object at *path*, quoted (in ASCII) unless a plain name.

    >>> member("$", "count"), member("$", "colour of the sky")
    ('$.count', '$["colour of the sky"]')
    """
    return f"{path}.{key}" if _PLAIN_KEY.fullmatch(key) else f"{path}[{json.dumps(key)}]"


def problems_of(error: BaseException, path: str) -> list[Problem]:
    """Flatten an error raised while structuring the value at *path* into problems.

    An error of any other kind is a defect of peelmodel or of a library it
    uses, not a problem of the document: it is raised again, unchanged.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in error.exceptions:
            found.extend(problems_of(sub, _sub_path(sub, path)))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        extra, room = error.extra_fields, _room()
        if len(extra) <= room:
            names = sorted(extra)
        else:  # a huge object: the first names in order, and a note that more were left
            names = heapq.nsmallest(room, extra)
            stop()
        spend(len(names))
        return [Problem(member(path, name), "unknown key") for name in names]
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    if isinstance(error, DuplicateIdError):  # both places, as paths of the document
        where = f"{path}.{error.field}"
        return [Problem(where, f"{error.what} {path}.{error.first} (found {error.id!r})")]
    if isinstance(error, InvalidValueError):
        field = error.field if "+" not in error.field else ""
        where = f"{path}.{field}" if field and not path.endswith(f".{field}") else path
        return [Problem(where, f"{error.reason} (found {describe(error.value)})")]
    if isinstance(error, PeelModelError):
        return [Problem(path, str(error))]
    raise error


def _sub_path(error: BaseException, path: str) -> str:
    """The path of the array item or attribute that the last note on *error* names."""
    for note in reversed(getattr(error, "__notes__", [])):
        if isinstance(note, IndexNote):
            return f"{path}[{note.position}]"
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return f"{path}.{name}"
    return path
