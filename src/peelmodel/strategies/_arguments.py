"""Argument checks and the small strategies every drawing module shares.

Checks raise :class:`hypothesis.errors.InvalidArgument`, and run when a
strategy is first drawn from, as Hypothesis' own checks do:

>>> from hypothesis import given
>>> @given(lazy(lambda: ints(3, 3)))
... def test_three(value):
...     assert value == 3
>>> test_three()
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.errors import InvalidTypeError

__all__ = [
    "BOOLEANS",
    "PLACES",
    "StrategyArgumentTypeError",
    "check_strategy",
    "check_type",
    "choice",
    "ints",
    "lazy",
    "nonempty",
]

T = TypeVar("T")


def lazy(build: Callable[[], st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """Defer building (and so checking the arguments of) a strategy until it is drawn from."""
    return st.deferred(build)


class StrategyArgumentTypeError(InvalidArgument, InvalidTypeError):
    """A strategy's option of the wrong type: an ``InvalidArgument`` and an ``InvalidTypeError``."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        InvalidTypeError.__init__(self, "peelmodel.strategies", name, value, expected)


def check_strategy(name: str, value: object) -> st.SearchStrategy[Any]:
    """*value*, if it is a strategy; :class:`StrategyArgumentTypeError` otherwise.

    >>> check_strategy("force", "kent")
    Traceback (most recent call last):
    peelmodel.strategies._arguments.StrategyArgumentTypeError: peelmodel.strategies.force: must be a Hypothesis strategy (found 'kent'); str given
    """
    if not isinstance(value, st.SearchStrategy):
        raise StrategyArgumentTypeError(name, value, "a Hypothesis strategy")
    return value


def check_type(name: str, value: object, kind: type | tuple[type, ...]) -> None:
    """Raise :class:`StrategyArgumentTypeError` unless *value* is a *kind*.

    >>> check_type("scale", "four-grade", (int, float))
    Traceback (most recent call last):
    peelmodel.strategies._arguments.StrategyArgumentTypeError: peelmodel.strategies.scale: must be int or float (found 'four-grade'); str given
    """
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise StrategyArgumentTypeError(name, value, names)


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return (kind,) if isinstance(kind, type) else kind


def nonempty(name: str, choices: Sequence[T], what: str) -> Sequence[T]:
    """*choices*, unless the options named *name* left none.

    >>> nonempty("country", [], "force")
    Traceback (most recent call last):
    hypothesis.errors.InvalidArgument: no force matches country
    """
    if not choices:
        raise InvalidArgument(f"no {what} matches {name}")
    return choices


@functools.cache
def ints(low: int, high: int) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, built once: the inspection strategy draws hundreds."""
    return st.integers(low, high)


@functools.cache
def choice(options: tuple[T, ...]) -> st.SearchStrategy[T]:
    """``st.sampled_from(options)``, built once."""
    return st.sampled_from(options)


#: The decimal places of a published table: 0 to 2.
PLACES = ints(0, 2)
BOOLEANS = st.booleans()
