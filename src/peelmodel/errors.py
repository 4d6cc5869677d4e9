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

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = [
    "LISTED_PROBLEMS",
    "AmbiguousReferenceError",
    "DocumentError",
    "DuplicateIdError",
    "IncompatibleFiguresError",
    "InconsistentInputError",
    "InvalidTypeError",
    "InvalidValueError",
    "PeelModelError",
    "Problem",
    "UnknownReferenceError",
    "UnsupportedObjectError",
    "shown",
]

#: The longest text of an offending value a message shows.
_SHOWN_LENGTH = 80
#: Numbers larger than this many bits are described, not written out.
_SHOWN_BITS = 3_000
#: Keys listed in full when a registry holds no more than this many.
_LISTED = 8


def shown(value: object) -> str:
    """How a message shows *value*: its ``repr``, cut short, and never slow.

    A huge number is described rather than written out:

    >>> shown(10**5000), shown("x" * 100)[-5:]
    ('an integer of about 5,000 digits', "x...'")
    """
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        return f"an integer of about {_digits(value):,} digits"
    if isinstance(value, Fraction) and _bits(value) > _SHOWN_BITS:
        return f"a fraction of about {_digits(max(value.numerator, value.denominator)):,} digits"
    if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) > 1_000:
        return f"a Decimal of magnitude 1E{value.adjusted():+}"
    if isinstance(value, Decimal) and len(value.as_tuple().digits) > _SHOWN_LENGTH:
        return f"a Decimal of {len(value.as_tuple().digits):,} digits"
    text = repr(value)
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 4] + "..." + text[-1]


def _digits(value: int) -> int:
    """About how many decimal digits *value* has, without writing it out (slow for huge values)."""
    return round(abs(value).bit_length() * 0.30102999566398114)


def _bits(value: Fraction) -> int:
    return max(value.numerator.bit_length(), value.denominator.bit_length())


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
        super().__init__(f"{owner}.{field}: {reason} (found {shown(value)})")


class InvalidTypeError(InvalidValueError, TypeError):
    """An argument or a field is of the wrong type.

    Raised by every public function and constructor given a value of the
    wrong type, before it is used. It is an :class:`~peelmodel.errors.InvalidValueError` (so a
    ``ValueError``, as model checks have always raised) and a ``TypeError``.

    Attributes:
        owner: the function or class, such as ``"peelmodel.loads"`` or ``"OutcomeRate"``.
        field: the parameter or field.
        value: the offending value.
        expected: the types accepted, in words.

    >>> error = InvalidTypeError("peelmodel.loads", "cls", None, "a class")
    >>> str(error)
    'peelmodel.loads.cls: must be a class (found None); NoneType given'
    >>> isinstance(error, TypeError) and isinstance(error, ValueError)
    True
    """

    def __init__(self, owner: str, field: str, value: object, expected: str) -> None:
        super().__init__(owner, field, value, f"must be {expected}")
        self.expected = expected
        self.args = (f"{self.args[0]}; {type(value).__name__} given",)


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

    The message names the closest keys (``difflib.get_close_matches``), or
    lists them all when there are only a few.

    Attributes:
        kind: what was looked up (``"force"``, ``"question"``, ...).
        key: the key that was not found.
        known: the valid keys.
        suggestions: the one to three closest names, best first (may be empty).

    >>> str(UnknownReferenceError("dataset", "kent-2015", ["hampshire-2015"]))
    "unknown dataset 'kent-2015'; known: hampshire-2015"
    >>> names = [f"force-{n}" for n in range(20)] + ["thames-valley"]
    >>> str(UnknownReferenceError("force", "thames-vally", names))
    "unknown force 'thames-vally'; did you mean thames-valley?"
    """

    def __init__(
        self,
        kind: str,
        key: object,
        known: Iterable[str] = (),
        *,
        suggestions: Iterable[str] | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.known = tuple(known)
        if suggestions is None:
            text = key if isinstance(key, str) else ""
            suggestions = difflib.get_close_matches(text, self.known, n=3) if text else ()
        self.suggestions = tuple(suggestions)
        super().__init__(f"unknown {kind} {shown(key)}{self._hint()}")

    def _hint(self) -> str:
        if self.known and len(self.known) <= _LISTED:
            return f"; known: {', '.join(self.known)}"
        if self.suggestions:
            return f"; did you mean {_either(self.suggestions)}?"
        if self.known:
            return f"; no close match among the {len(self.known)} known"
        return ""

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousReferenceError(UnknownReferenceError):
    """A name fits several entries of a registry equally well: give one of them.

    Attributes:
        candidates: the names of the entries it fits.

    >>> str(AmbiguousReferenceError("area", "west midlands", ["a (A)", "b (B)"]))
    "ambiguous area 'west midlands': it may be a (A) or b (B); give one of them"
    """

    def __init__(self, kind: str, key: object, candidates: Iterable[str]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(kind, key, self.candidates, suggestions=self.candidates)
        listed = _either(self.candidates)
        self.args = (f"ambiguous {kind} {shown(key)}: it may be {listed}; give one of them",)


def _either(names: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


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


class UnsupportedObjectError(InvalidTypeError):
    """A function was given an object of a type it does not take.

    The message names the type, never the object, so it stays short however
    big the object is.

    Attributes:
        function: the function, for example ``"peelmodel.tabular.to_pandas"``.
        kind: the name of the type it was given.
        accepted: what it takes, in words.

    >>> str(UnsupportedObjectError("peelmodel.tabular.to_pandas", 42, "a result"))
    'peelmodel.tabular.to_pandas.obj: takes a result, not an int; int given'
    """

    def __init__(self, function: str, obj: object, accepted: str) -> None:
        super().__init__(function, "obj", obj, accepted)
        self.function = function
        self.kind = type(obj).__name__
        self.accepted = accepted
        article = "an" if self.kind[:1].lower() in "aeiou" else "a"
        self.args = (
            f"{function}.obj: takes {accepted}, not {article} {self.kind}; {self.kind} given",
        )


@attrs.frozen
class Problem:
    """One bad place in a document: a JSON path and what is wrong there.

    >>> str(Problem("$.outcome_rates[3].count", "expected an integer, found '12'"))
    "$.outcome_rates[3].count: expected an integer, found '12'"
    """

    path: str
    message: str

    def __attrs_post_init__(self) -> None:
        for field in ("path", "message"):
            value = getattr(self, field)
            if not isinstance(value, str):
                raise InvalidTypeError("Problem", field, value, "a string")

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
