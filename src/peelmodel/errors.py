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
    "DocumentError",
    "IncompatibleFiguresError",
    "InconsistentInputError",
    "InvalidValueError",
    "PeelModelError",
    "Problem",
    "UnknownReferenceError",
    "UnsupportedObjectError",
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


class UnsupportedObjectError(PeelModelError, TypeError):
    """A function was given an object of a type it does not take.

    Attributes:
        function: the function, for example ``"to_pandas"``.
        kind: the name of the type it was given.
        accepted: what it takes, in words.

    >>> str(UnsupportedObjectError("to_pandas", 42, "a result of peelmodel"))
    'to_pandas takes a result of peelmodel, not an int'
    """

    def __init__(self, function: str, obj: object, accepted: str) -> None:
        self.function = function
        self.kind = type(obj).__name__
        self.accepted = accepted
        article = "an" if self.kind[:1].lower() in "aeiou" else "a"
        super().__init__(f"{function} takes {accepted}, not {article} {self.kind}")


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

    Attributes:
        problems: every bad place found, each with its JSON path.
        source: where the document came from (a file name), if known.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        listed = "; ".join(str(problem) for problem in self.problems)
        super().__init__(f"{where}invalid document ({count} {noun}): {listed}")
