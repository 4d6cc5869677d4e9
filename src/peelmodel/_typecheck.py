"""Checks at the entry points: arguments of the wrong type, and numbers too large to compute with.

:func:`checked` wraps a public function so that an argument its type hints
refuse raises :class:`~peelmodel.errors.InvalidTypeError` naming the
function, the parameter and the type found, before the function runs; and a
number with more than :data:`MAX_DIGITS` digits (or an exponent that large)
raises :class:`~peelmodel.errors.InvalidValueError` instead of a computation
that never ends.

>>> @checked
... def twice(text: str, times: int = 2) -> str:
...     return text * times
>>> twice("ab")
'abab'
>>> twice(None)
Traceback (most recent call last):
...
peelmodel.errors.InvalidTypeError: peelmodel.twice.text: must be str (found None); NoneType given
>>> twice("ab", times=10**20_000)
Traceback (most recent call last):
...
peelmodel.errors.InvalidValueError: peelmodel.twice.times: must have at most 10,000 digits (found an integer of about 20,000 digits)
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from peelmodel.errors import InvalidTypeError, InvalidValueError

__all__ = ["MAX_DIGITS", "check_size", "checked", "checked_as", "checked_but", "public_name"]

F = TypeVar("F", bound=Callable[..., Any])

#: The most digits (and the largest exponent) of a number a public function takes.
MAX_DIGITS = 10_000
_MAX_BITS = MAX_DIGITS * 10 // 3 + 1  # about MAX_DIGITS decimal digits

#: A test of one argument: ``None`` when anything is accepted.
_Test = Callable[[object], bool] | None
#: The test of a parameter without a hint, or not known: none.
_ANYTHING: tuple[_Test, str] = (None, "")
#: The kinds of number whose size :func:`check_size` bounds.
_NUMBERS = (int, Decimal, Fraction)
#: Collections whose items are checked, when given as a list or a tuple.
_SEQUENCES = (
    tuple,
    list,
    collections.abc.Sequence,
    collections.abc.Iterable,
    collections.abc.Collection,
)
#: Collections for which a string is not accepted, though it is iterable.
_NOT_TEXT = (*_SEQUENCES, collections.abc.Iterator, collections.abc.Set)


def public_name(function: Callable[..., Any]) -> str:
    """The dotted name users know *function* by: no private or catalogue modules.

    >>> from peelmodel.grades import _selection
    >>> public_name(_selection.select)
    'peelmodel.grades.select'
    """
    module = getattr(function, "__module__", None) or "peelmodel"
    parts = [p for p in module.split(".") if not p.startswith("_") and p != "catalogues"]
    return ".".join([*parts, function.__qualname__])


def check_size(owner: str, field: str, value: object) -> None:
    """Refuse an ``int``, ``Decimal`` or ``Fraction`` with more than :data:`MAX_DIGITS` digits.

    >>> check_size("f", "x", Decimal("1e999999999"))
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: f.x: must have at most 10,000 digits (found a Decimal of magnitude 1E+999999999)
    """
    if type(value) is int:
        too_large = value.bit_length() > _MAX_BITS
    elif isinstance(value, Decimal):
        too_large = value.is_finite() and (
            abs(value.adjusted()) > MAX_DIGITS or len(value.as_tuple().digits) > MAX_DIGITS
        )
    elif isinstance(value, Fraction):
        too_large = max(value.numerator.bit_length(), value.denominator.bit_length()) > _MAX_BITS
    else:
        return
    if too_large:
        raise InvalidValueError(owner, field, value, f"must have at most {MAX_DIGITS:,} digits")


def checked(function: F) -> F:
    """Wrap *function* so that its arguments are checked against its type hints first."""
    return checked_as(public_name(function))(function)


def checked_as(name: str) -> Callable[[F], F]:
    """:func:`checked`, with messages naming the function *name* (``"peelmodel.loads"``)."""
    return functools.partial(_checked, name=name)


def checked_but(*parameters: str) -> Callable[[F], F]:
    """:func:`checked`, but for *parameters*, which the function checks itself with a message of its own.

    >>> @checked_but("obj")
    ... def show(obj: int, *, width: int = 8) -> str:
    ...     if type(obj) is not int:
    ...         raise TypeError(f"show takes an int, not {type(obj).__name__}")
    ...     return str(obj).rjust(width)
    >>> show(width="8")
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidTypeError: peelmodel.show.width: must be int (found '8'); str given
    """

    def decorate(function: F) -> F:
        return _checked(function, name=public_name(function), leave=parameters)

    return decorate


def _checked(function: F, *, name: str, leave: tuple[str, ...] = ()) -> F:
    # The tests are built on the first call, when every name the hints use is defined.
    prepared: list[tuple[tuple[str, ...], dict[str, tuple[_Test, str]]]] = []

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not prepared:
            prepared.append(_prepare(function, leave))
        order, tests = prepared[0]
        for parameter, value in (*zip(order, args, strict=False), *kwargs.items()):
            test, expected = tests.get(parameter, _ANYTHING)
            if test is not None and not test(value):
                raise InvalidTypeError(name, parameter, value, expected)
            if isinstance(value, _NUMBERS):
                check_size(name, parameter, value)
        return function(*args, **kwargs)

    return typing.cast("F", wrapper)


def _prepare(
    function: Callable[..., Any], leave: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], dict[str, tuple[_Test, str]]]:
    """The positional parameters of *function*, and the test and description of each parameter.

    The parameters in *leave* are not tested: the function checks them.
    """
    hints = _hints(function)
    order: list[str] = []
    tests: dict[str, tuple[_Test, str]] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.kind is not parameter.KEYWORD_ONLY:
            order.append(parameter.name)
        hint = Any if parameter.name in leave else hints.get(parameter.name, Any)
        tests[parameter.name] = (_test(hint), _describe(hint))
    return tuple(order), tests


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """The type hints of *function*; a hint that cannot be resolved is left out."""
    try:
        return typing.get_type_hints(function)
    except (NameError, TypeError):
        pass
    namespace = {**vars(typing), **getattr(function, "__globals__", {})}
    hints = {
        parameter: _evaluate(annotation, namespace)
        for parameter, annotation in getattr(function, "__annotations__", {}).items()
    }
    return {parameter: hint for parameter, hint in hints.items() if hint is not _UNRESOLVED}


_UNRESOLVED = object()


def _evaluate(annotation: object, namespace: dict[str, Any]) -> Any:
    """*annotation* as an object, or :data:`_UNRESOLVED` (a name imported only for type checks)."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, namespace)  # noqa: S307 - the function's own annotation
    except (NameError, TypeError, AttributeError, SyntaxError):
        return _UNRESOLVED


def _union(arguments: tuple[Any, ...], *, items: bool) -> _Test:
    """One test for a union: a single ``isinstance`` for its plain classes, then the others."""
    plain = tuple(a for a in arguments if _is_plain(a))
    tests = [_test(a, items=items) for a in arguments if a not in plain]
    if any(test is None for test in tests) or object in plain:
        return None
    others = tuple(t for t in tests if t is not None)
    bool_refused = int in plain and not any(k is not int and issubclass(bool, k) for k in plain)
    kinds = tuple(type(None) if k is None else k for k in plain)

    def test(value: object) -> bool:
        if isinstance(value, kinds):
            return not (bool_refused and type(value) is bool) or any(t(value) for t in others)
        return any(t(value) for t in others)

    return test


def _is_plain(hint: Any) -> bool:
    """Whether a value of *hint* is told by ``isinstance`` alone (``None`` included)."""
    if hint is None or hint is type(None):
        return True
    if not isinstance(hint, type) or typing.get_origin(hint) is not None or hint in _NOT_TEXT:
        return False
    try:
        isinstance(None, hint)
    except TypeError:  # a protocol that cannot be checked at run time
        return False
    return True


def _test(hint: Any, *, items: bool = True) -> _Test:  # noqa: PLR0911 - one case per kind of hint
    """The test of a value against *hint*; ``None`` for a hint that accepts anything.

    The items of a list or tuple are checked too (*items*), unless the hint is
    one of several collections: the function itself tells those apart.
    """
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is None or hint is type(None):
        return lambda value: value is None
    if origin in (typing.Union, types.UnionType):
        alone = sum(isinstance(typing.get_origin(a), type) for a in arguments) <= 1
        return _union(arguments, items=alone)
    if origin is typing.Literal:
        literal_types = tuple({type(argument) for argument in arguments})
        return lambda value: isinstance(value, literal_types)
    if hint is int:
        return lambda value: (
            type(value) is int or (isinstance(value, int) and type(value) is not bool)
        )
    if origin is type:
        return lambda value: (
            isinstance(value, type | types.GenericAlias) or bool(typing.get_origin(value))
        )
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return callable
    if origin is not None and isinstance(origin, type):
        return _collection_test(origin, arguments if items else ())
    if isinstance(hint, type):
        return _class_test(hint)
    return None


def _class_test(hint: type) -> _Test:
    if hint is object:
        return None
    try:
        isinstance(None, hint)
    except TypeError:  # a protocol that cannot be checked at run time
        return None
    if hint in _NOT_TEXT:
        return lambda value: isinstance(value, hint) and not isinstance(value, str | bytes)
    return lambda value: isinstance(value, hint)


def _collection_test(origin: type, arguments: tuple[Any, ...]) -> _Test:
    outer = _class_test(origin)
    if outer is None:
        return None
    item: _Test = None
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is ...:
            item = _test(arguments[0])
    elif origin in _SEQUENCES and arguments:
        item = _test(arguments[0])
    if item is None:
        return outer
    each = item

    def test(value: object) -> bool:
        if not outer(value):
            return False
        return not isinstance(value, tuple | list) or all(each(element) for element in value)

    return test


def _describe(hint: Any) -> str:
    """*hint* in words: ``str or None``, ``tuple of Force``."""
    origin = typing.get_origin(hint)
    if hint is None or hint is type(None):
        return "None"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(argument) for argument in typing.get_args(hint))
    if origin is typing.Literal:
        return " or ".join(repr(argument) for argument in typing.get_args(hint))
    if origin is type:
        return "a class"
    if origin is not None:
        arguments = typing.get_args(hint)
        inner = f" of {_describe(arguments[0])}" if arguments and arguments[0] is not ... else ""
        return f"{getattr(origin, '__name__', str(origin))}{inner}"
    return getattr(hint, "__name__", str(hint))
