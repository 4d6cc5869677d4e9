"""Reusable checks that raise :class:`~peelmodel.errors.InvalidValueError`.

A value of the wrong type raises its subclass
:class:`~peelmodel.errors.InvalidTypeError`, which is also a ``TypeError``.

Each class runs its checks once, in ``__attrs_post_init__``: one whole-object
check is several times faster than a stack of per-field validators, and it can
also see how fields relate to each other.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from peelmodel.errors import InvalidTypeError, InvalidValueError, Problem

__all__ = [
    "MAX_COUNT",
    "MAX_DATE",
    "MIN_DATE",
    "check_count",
    "check_date",
    "check_decimal",
    "check_instance",
    "check_slug",
    "check_text",
    "check_tuple",
    "is_decimal",
    "is_slug",
    "is_text",
    "key_problems",
    "refuse_non_text",
]

#: The largest count the model accepts: more than any number a police
#: inspection can report (England and Wales has about 6e7 residents).
MAX_COUNT = 10**12
_MAX_COUNT_DIGITS = 12
#: The earliest and latest dates the model accepts: wide enough for any PEEL
#: report and its baselines, narrow enough that date arithmetic cannot overflow.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DOTTED_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*")
#: Control characters (C0, DEL, C1) and lone surrogates: refused in any text.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# Values already found valid, so that a value seen again (a slug, a text, or a Decimal
# object shared through a document's cache) is not checked again. Strings are
# remembered by value; Decimals by identity, kept alive so their id stays
# theirs. Each memo is cleared when full.
_MEMO_SIZE = 4096
_VALID_SLUGS: set[str] = set()
_VALID_DOTTED_SLUGS: set[str] = set()
_VALID_TEXTS: set[str] = set()
_VALID_DECIMALS: dict[int, Decimal] = {}


def check_instance(owner: str, field: str, value: object, kind: type | tuple[type, ...]) -> None:
    """Require *value* to be an instance of *kind*."""
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise InvalidTypeError(owner, field, value, names)


def check_count(owner: str, field: str, value: object, *, positive: bool = False) -> None:
    """Require a non-negative (or positive) ``int`` no larger than :data:`MAX_COUNT`.

    ``bool`` is refused although it is a subclass of ``int``.
    """
    if type(value) is not int:
        raise InvalidTypeError(owner, field, value, "an integer")
    if value < (1 if positive else 0):
        raise InvalidValueError(
            owner, field, value, "must be positive" if positive else "must not be negative"
        )
    if value > MAX_COUNT:
        raise InvalidValueError(owner, field, value, f"must be at most {MAX_COUNT:,}")


def check_decimal(owner: str, field: str, value: object, *, signed: bool = False) -> None:
    """Require a finite ``Decimal`` of at most six places, non-negative unless *signed*."""
    if _VALID_DECIMALS.get(id(value)) is value:
        return
    if not isinstance(value, Decimal):
        raise InvalidTypeError(owner, field, value, "a Decimal")
    if not value.is_finite():
        raise InvalidValueError(owner, field, value, "must be finite")
    if not signed and value.is_signed():
        raise InvalidValueError(owner, field, value, "must not be negative")
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or not -6 <= exponent <= 0:
        raise InvalidValueError(owner, field, value, "must be written with 0 to 6 decimal places")
    if value.adjusted() > _MAX_COUNT_DIGITS or abs(value) > MAX_COUNT:  # no rounding of huge values
        raise InvalidValueError(owner, field, value, f"must be at most {MAX_COUNT:,} in size")
    if not value.is_signed():  # valid whether signed or not: remember it
        if len(_VALID_DECIMALS) >= _MEMO_SIZE:
            _VALID_DECIMALS.clear()
        _VALID_DECIMALS[id(value)] = value


def check_tuple(owner: str, field: str, value: object) -> None:
    """Require a ``tuple`` (a list or a generator is refused: the classes are immutable)."""
    if type(value) is not tuple:
        raise InvalidTypeError(owner, field, value, "a tuple")


def check_date(owner: str, field: str, value: object) -> None:
    """Require a ``date`` (and not a ``datetime``) from :data:`MIN_DATE` to :data:`MAX_DATE`."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidTypeError(owner, field, value, "a date")
    if not MIN_DATE <= value <= MAX_DATE:
        raise InvalidValueError(
            owner, field, value, f"must be from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
        )


def check_text(owner: str, field: str, value: object) -> None:
    """Require non-blank text: no surrounding space, control characters or lone surrogates."""
    if not isinstance(value, str):
        raise InvalidTypeError(owner, field, value, "a string")
    if not value or value != value.strip():
        raise InvalidValueError(
            owner, field, value, "must be non-blank text without surrounding spaces"
        )
    if _UNPRINTABLE.search(value):
        raise InvalidValueError(
            owner, field, value, "must not contain control characters or lone surrogates"
        )


def check_slug(owner: str, field: str, value: object, *, dotted: bool = False) -> None:
    """Require a lower-case slug such as ``recorded-crime`` (or ``a.b-c`` when *dotted*)."""
    memo = _VALID_DOTTED_SLUGS if dotted else _VALID_SLUGS
    if type(value) is str and value in memo:
        return
    pattern = _DOTTED_SLUG if dotted else _SLUG
    if not isinstance(value, str):
        raise InvalidTypeError(owner, field, value, "a string")
    if not pattern.fullmatch(value):
        kind = "dotted lower-case slug" if dotted else "lower-case slug"
        raise InvalidValueError(owner, field, value, f"must be a {kind} such as 'recorded-crime'")
    if type(value) is str:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo.add(value)


def refuse_non_text(cls: type[enum.Enum], value: object) -> None:
    """An enumeration's ``_missing_``: a value that is not text is a type error.

    Unknown text is left to the enumeration's usual ``ValueError``.

    >>> import enum
    >>> class Colour(enum.Enum):
    ...     RED = "red"
    ...     _missing_ = classmethod(refuse_non_text)
    >>> Colour(None)
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidTypeError: Colour.value: must be a string (found None); NoneType given
    """
    if not isinstance(value, str):
        raise InvalidTypeError(cls.__name__, "value", value, "a string")


# Tests without errors, for a constructor's quick path: each is true only
# where the check of the same name would pass.


def is_text(value: object) -> bool:
    """Whether :func:`check_text` passes *value*."""
    if type(value) is not str:
        return False
    if value in _VALID_TEXTS:
        return True
    if value == "" or value != value.strip() or _UNPRINTABLE.search(value) is not None:
        return False
    if len(_VALID_TEXTS) >= _MEMO_SIZE:
        _VALID_TEXTS.clear()
    _VALID_TEXTS.add(value)
    return True


def is_slug(value: object, *, dotted: bool = False) -> bool:
    """Whether :func:`check_slug` passes *value*."""
    if type(value) is not str:
        return False
    memo = _VALID_DOTTED_SLUGS if dotted else _VALID_SLUGS
    if value in memo:
        return True
    if (_DOTTED_SLUG if dotted else _SLUG).fullmatch(value) is None:
        return False
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo.add(value)
    return True


def is_decimal(value: object, *, signed: bool = False) -> bool:
    """Whether :func:`check_decimal` passes *value*."""
    if _VALID_DECIMALS.get(id(value)) is value:
        return True
    try:
        check_decimal("", "", value, signed=signed)
    except InvalidValueError:
        return False
    return True


def key_problems(
    value: Mapping[str, Any], path: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[Problem]:
    """The required *keys* missing from an object at *path*, then the keys it should not have.

    >>> [str(p) for p in key_problems({"a": 1, "z": 2}, "$", ("a", "b"))]
    ['$.b: required key missing', "$['z']: unknown key"]
    """
    found = [Problem(f"{path}.{key}", "required key missing") for key in keys if key not in value]
    found += [
        Problem(f"{path}[{key!r}]", "unknown key")
        for key in value
        if key not in keys and key not in optional
    ]
    return found
