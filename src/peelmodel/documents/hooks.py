"""Value hooks: how each kind of value is read from JSON-shaped data, and written back.

Reading is strict: no hook converts one JSON type into another.

>>> structure_decimal("14.4", Decimal)
Decimal('14.4')
>>> structure_decimal(14.4, Decimal)
Traceback (most recent call last):
...
peelmodel.documents.problems.StructureError: expected a decimal number written as a string, such as "14.4", found 14.4

Parsed texts are remembered by their text (each value is immutable):
documents repeat a few periods, dates and figures many times.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any, Final, TypeVar, Union, get_args, get_origin

from cattrs import Converter
from cattrs.errors import IterableValidationError
from cattrs.fns import identity

from peelmodel.catalogues import outcomes, programmes
from peelmodel.documents.problems import IndexNote, StructureError, describe, expected, spend, stop
from peelmodel.errors import InvalidValueError, UnknownReferenceError
from peelmodel.model.grade import GradingScale
from peelmodel.model.outcome import OutcomeType
from peelmodel.model.period import Period

__all__ = [
    "StructureHook",
    "enum_hook",
    "exact_hook",
    "is_optional",
    "is_tuple",
    "memo_of",
    "optional_hook",
    "outcome_type",
    "period_text",
    "reference_hook",
    "scale",
    "structure_date",
    "structure_decimal",
    "structure_period",
    "tuple_hook",
    "unstructure_tuple",
]

T = TypeVar("T")
#: A cattrs structure hook: the JSON-shaped value and the type to build.
StructureHook = Callable[[Any, Any], Any]

#: The most texts each memo keeps; a full memo is emptied.
_MEMO_SIZE: Final = 4096
_DECIMALS: dict[str, Decimal] = {}
_DATES: dict[str, date] = {}
_PERIODS: dict[str, Period] = {}
_PERIOD_TEXTS: dict[tuple[date, date], str] = {}
#: The memo of each hook that remembers what it read by the text: hits need no call.
_MEMOS: Final[dict[StructureHook, dict[str, Any]]] = {}
_DECIMAL_TEXT: Final = re.compile(r"-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,6})?")
_DATE_TEXT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: What each JSON type that a hook takes as it is, is called in a problem.
_EXACT: Final[dict[type, str]] = {str: "a string", int: "an integer", bool: "true or false"}


def _remember(memo: dict[Any, T], key: Any, value: T) -> T:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def exact_hook(kind: type) -> StructureHook:
    """The hook of ``str``, ``int`` or ``bool``: the value, if of exactly that type.

    >>> exact_hook(int)(True, int)
    Traceback (most recent call last):
    ...
    peelmodel.documents.problems.StructureError: expected an integer, found True
    """
    what = _EXACT[kind]

    def structure(value: object, _: type) -> Any:
        if type(value) is kind:
            return value
        raise expected(what, value)

    return structure


def memo_of(hook: StructureHook) -> dict[str, Any] | None:
    """The values *hook* has read, by their text, if it remembers them.

    A text found there is one the hook would read as that value.

    >>> memo_of(structure_decimal) is not None, memo_of(exact_hook(str))
    (True, None)
    """
    return _MEMOS.get(hook)


def structure_decimal(value: object, _: type) -> Decimal:
    """A published figure: a decimal number written as a string, up to 6 places."""
    if type(value) is str:
        found = _DECIMALS.get(value)
        if found is not None:
            return found
        if _DECIMAL_TEXT.fullmatch(value):
            return _remember(_DECIMALS, value, Decimal(value))
    raise expected('a decimal number written as a string, such as "14.4"', value)


def structure_date(value: object, _: type) -> date:
    """A date written in ISO 8601, such as ``"2015-06-30"``.

    >>> structure_date("2015-02-30", date)
    Traceback (most recent call last):
    ...
    peelmodel.documents.problems.StructureError: expected a real date, found '2015-02-30'
    """
    if type(value) is not str:
        raise expected('a date such as "2015-06-30"', value)
    found = _DATES.get(value)
    if found is not None:
        return found
    if not _DATE_TEXT.fullmatch(value):
        raise expected('a date such as "2015-06-30"', value)
    try:
        return _remember(_DATES, value, date.fromisoformat(value))
    except ValueError:
        raise expected("a real date", value) from None


def structure_period(value: object, _: type) -> Period:
    """A period written as :meth:`Period.parse <peelmodel.Period.parse>` reads it."""
    if type(value) is not str:
        raise expected('a period such as "2014-07-01/2015-06-30"', value)
    found = _PERIODS.get(value)
    if found is not None:
        return found
    try:
        return _remember(_PERIODS, value, Period.parse(value))
    except InvalidValueError as error:  # a period is one JSON string: report it at its own path
        raise StructureError(f"{error.reason} (found {describe(value)})") from None


_MEMOS.update({structure_decimal: _DECIMALS, structure_date: _DATES, structure_period: _PERIODS})


def period_text(period: Period) -> str:
    """The text of *period*, remembered by its dates.

    >>> period_text(Period.twelve_months_to(date(2015, 6, 30)))
    '2014-07-01/2015-06-30'
    """
    key = (period.start, period.end)
    found = _PERIOD_TEXTS.get(key)
    if found is None:
        found = _remember(_PERIOD_TEXTS, key, period.isoformat())
    return found


def enum_hook(kind: type[enum.Enum]) -> StructureHook:
    """The hook of an enum whose values are strings: a member, by its value.

    >>> from peelmodel.model.grade import Pillar
    >>> enum_hook(Pillar)("speed", Pillar)
    Traceback (most recent call last):
    ...
    peelmodel.documents.problems.StructureError: expected one of 'effectiveness', 'efficiency', 'legitimacy', 'leadership', found 'speed'
    """
    members = {member.value: member for member in kind}
    labels = ", ".join(repr(value) for value in members)

    def structure(value: object, _: type) -> enum.Enum:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise expected(f"one of {labels}", value)
        return found

    _MEMOS[structure] = members
    return structure


def reference_hook(kind: str, get: Callable[[str], Any]) -> StructureHook:
    """The hook of a registry entry written as its id; *get* looks an id up (or raises).

    >>> from peelmodel.catalogues import forces
    >>> reference_hook("force", forces.get)("kent", object).name
    'Kent Police'
    """
    found: dict[str, Any] = {}  # the entries already looked up: registries never change

    def structure(value: object, _: type) -> Any:
        if type(value) is not str:
            raise expected(f"a {kind} id", value)
        entry = found.get(value)
        if entry is None:
            entry = found[value] = get(value)
        return entry

    _MEMOS[structure] = found
    return structure


def scale(scale_id: str) -> GradingScale:
    """The grading scale with id *scale_id*.

    >>> scale("four-grade").id
    'four-grade'
    """
    for entry in programmes.scales():
        if entry.id == scale_id:
            return entry
    raise UnknownReferenceError("grading scale", scale_id, (s.id for s in programmes.scales()))


def outcome_type(type_id: str) -> OutcomeType:
    """The outcome type with id *type_id*: never a group.

    >>> outcome_type("out-of-court-formal")
    Traceback (most recent call last):
    ...
    peelmodel.errors.UnknownReferenceError: unknown outcome type 'out-of-court-formal'; ...
    """
    found = outcomes.get(type_id)
    if not isinstance(found, OutcomeType):
        raise UnknownReferenceError("outcome type", type_id, (t.id for t in outcomes.types()))
    return found


def is_tuple(kind: Any) -> bool:
    """Whether *kind* is ``tuple[X, ...]``.

    >>> is_tuple(tuple[int, ...]), is_tuple(tuple[int, int])
    (True, False)
    """
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_optional(kind: Any) -> bool:
    """Whether *kind* is ``X | None``.

    >>> is_optional(int | None), is_optional(int)
    (True, False)
    """
    if get_origin(kind) not in (Union, UnionType):
        return False
    args = get_args(kind)
    return len(args) == 2 and NoneType in args


def _inner(kind: Any) -> Any:
    return next(arg for arg in get_args(kind) if arg is not NoneType)


def optional_hook(kind: Any, made: Converter) -> StructureHook:
    """``X | None``: ``null``, or whatever the hook of ``X`` reads."""
    inner = _inner(kind)
    hook = made.get_structure_hook(inner)

    def structure(value: object, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def tuple_hook(kind: Any, made: Converter, *, detailed: bool) -> StructureHook:
    """``tuple[X, ...]``: a JSON array; *detailed*, every bad item is reported with its index."""
    item_type = get_args(kind)[0]
    hook = made.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise expected("an array", value)
        return tuple([hook(item, item_type) for item in value])

    def structure_detailed(value: object, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise expected("an array", value)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, item_type))
            except Exception as error:  # noqa: BLE001, PERF203 - collected with their index, re-raised below
                notes = [*getattr(error, "__notes__", []), IndexNote(index)]
                setattr(error, "__notes__", notes)  # noqa: B010 - Python 3.10 exceptions have no add_note
                errors.append(error)
                if not spend() and index + 1 < len(value):
                    stop()  # enough problems found: a huge broken document is refused at once
                    break
        if errors:
            raise IterableValidationError("While structuring an array", errors, kind)
        return tuple(items)

    return structure_detailed if detailed else structure


def unstructure_tuple(kind: Any, made: Converter) -> Callable[[Any], list[Any]]:
    """``tuple[X, ...]``: a list of what the hook of ``X`` writes."""
    hook = made.get_unstructure_hook(get_args(kind)[0])
    if hook is identity:
        return list

    def unstructure(items: tuple[Any, ...]) -> list[Any]:
        return [hook(item) for item in items]

    return unstructure
