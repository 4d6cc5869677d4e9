"""The exception tree of peelmodel.

Every error the library raises on purpose is a :class:`PeelModelError`, and
each concrete error also subclasses the builtin that fits it, so callers can
catch either:

>>> from peelmodel import forces
>>> try:
...     forces.get("atlantis")
... except LookupError as error:
...     print(type(error).__name__, error.kind, error.key)
UnknownReferenceError force atlantis
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "LISTED_PROBLEMS",
    "DocumentError",
    "DuplicateIdError",
    "IncompatibleFiguresError",
    "InconsistentInputError",
    "InvalidValueError",
    "PeelModelError",
    "Problem",
    "UnknownReferenceError",
]


class PeelModelError(Exception):
    """The root of every error that peelmodel raises on purpose."""


class InvalidValueError(PeelModelError, ValueError):
    """A value breaks an invariant of the model.

    Attributes:
        owner: the class whose invariant is broken, for example ``"OutcomeRate"``.
        field: the field (or fields, joined by ``+``) that hold the bad value.
        value: the offending value.
        reason: what is wrong, in words.

    >>> error = InvalidValueError("OutcomeRate", "count", -1, "must not be negative")
    >>> str(error)
    'OutcomeRate.count: must not be negative (found -1)'
    """

    def __init__(self, owner: str, field: str, value: object, reason: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{owner}.{field}: {reason} (found {value!r})")


class DuplicateIdError(InvalidValueError):
    """Two places of one report give the same figure id.

    A report's figures, and the figures of its outcome rows, are told apart
    by their ids: a second place with an id already taken would hide the
    first. The error names both places.

    Attributes:
        id: the id given twice (also ``value``).
        first: where the id is given first, for example ``"outcome_rates[1]"``.
        field: where it is given again, for example ``"figures[3].id"``.
        what: how the two places relate, in words: the reason is *what* then *first*.

    >>> error = DuplicateIdError(
    ...     "Inspection", "figures[3].id", "hampshire.ocgs.count", "figures[0].id",
    ...     what="is also given by",
    ... )
    >>> str(error)
    "Inspection.figures[3].id: is also given by figures[0].id (found 'hampshire.ocgs.count')"
    >>> isinstance(error, ValueError), error.first
    (True, 'figures[0].id')
    """

    def __init__(self, owner: str, field: str, id: str, first: str, *, what: str) -> None:  # noqa: A002 - the attribute is the id
        self.id = id
        self.first = first
        self.what = what
        super().__init__(owner, field, id, f"{what} {first}")


class UnknownReferenceError(PeelModelError, LookupError):
    """A registry has no entry under the given key.

    Attributes:
        kind: what was looked up (``"force"``, ``"question"``, ...).
        key: the key that was not found.
        known: a few valid keys, to help the caller.
    """

    def __init__(self, kind: str, key: object, known: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.known = tuple(known)
        hint = f"; known: {', '.join(self.known[:8])}" if self.known else ""
        if len(self.known) > 8:
            hint += ", ..."
        super().__init__(f"unknown {kind} {key!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class IncompatibleFiguresError(PeelModelError, TypeError):
    """Figures of different bases, measures or periods were combined.

    Attributes:
        reason: why the figures cannot be combined.
        figures: the ids of the figures involved.
    """

    def __init__(self, reason: str, figures: Sequence[str] = ()) -> None:
        self.reason = reason
        self.figures = tuple(figures)
        listed = f": {', '.join(self.figures)}" if self.figures else ""
        super().__init__(f"{reason}{listed}")


@attrs.frozen
class Problem:
    """One bad place in a document: a JSON path and what is wrong there.

    >>> str(Problem("$.outcome_rates[3].count", "expected an integer, found '12'"))
    "$.outcome_rates[3].count: expected an integer, found '12'"
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InconsistentInputError(PeelModelError, ValueError):
    """An input to a computation has published figures that cannot all hold.

    Attributes:
        force: the id of the force whose figures disagree.
        figures: the ids of the figures that cannot all hold.
    """

    def __init__(self, force: str, figures: Sequence[str]) -> None:
        self.force = force
        self.figures = tuple(figures)
        super().__init__(
            f"the figures of {force} are inconsistent ({', '.join(self.figures)}): "
            "check them first, or allow inconsistent inputs"
        )


class DocumentError(PeelModelError, ValueError):
    """A JSON document cannot be read as the requested class.

    The message lists the first :data:`LISTED_PROBLEMS` problems and counts
    the rest. Reading stops after a thousand or so bad items, so that a huge
    broken document is refused quickly: then ``problems`` holds those found,
    and ``complete`` is false.

    Attributes:
        problems: every bad place found, each with its JSON path.
        source: where the document came from (a file name), if known.
        complete: whether every problem of the document was found.

    >>> error = DocumentError([Problem(f"$[{i}]", "expected an object") for i in range(22)])
    >>> str(error).endswith("$[19]: expected an object; and 2 more")
    True
    >>> str(DocumentError([Problem("$[0]", "bad")], complete=False))
    'invalid document (1 problem found before reading stopped, and more): $[0]: bad'
    """

    def __init__(
        self, problems: Sequence[Problem], source: str | None = None, *, complete: bool = True
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.complete = complete
        where = f"{source}: " if source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        found = (
            f"{count} {noun}"
            if complete
            else f"{count} {noun} found before reading stopped, and more"
        )
        listed = "; ".join(str(problem) for problem in self.problems[:LISTED_PROBLEMS])
        if count > LISTED_PROBLEMS:
            listed += f"; and {count - LISTED_PROBLEMS} more"
        super().__init__(f"{where}invalid document ({found}): {listed}")


#: How many problems the message of a :class:`DocumentError` lists.
LISTED_PROBLEMS = 20
