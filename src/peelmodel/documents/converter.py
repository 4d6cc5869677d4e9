"""Strict JSON documents for every public class, through cattrs.

A document is a JSON object with a header and the object's fields::

    {"format": "peelmodel", "version": 1, "kind": "Inspection", "force": "hampshire", ...}

Reference entries (forces, areas, questions, programmes, outcome types and
groups, grading scales) are written as their ids, and a document of one of
them is ``{"format": ..., "version": ..., "kind": "Force", "id": "hampshire"}``.
Published figures are strings (``"14.4"``) so that their precision survives.

>>> from peelmodel import Period, dumps, loads
>>> text = dumps(Period.as_at(date(2015, 6, 30)))
>>> text
'{"format": "peelmodel", "version": 1, "kind": "Period", "period": "2015-06-30"}'
>>> loads(text, Period) == Period.as_at(date(2015, 6, 30))
True

Loading is strict, and every problem is reported with its path at once:

>>> loads('{"format": "peelmodel", "version": 1, "kind": "Period", "period": 20150630}', Period)
Traceback (most recent call last):
...
peelmodel.errors.DocumentError: invalid document (1 problem): $.period: expected a period such as "2014-07-01/2015-06-30", found 20150630
"""

from __future__ import annotations

import enum
import json
import operator
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any, Final, TypeVar, Union, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn

from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
from peelmodel.errors import (
    DocumentError,
    InvalidValueError,
    PeelModelError,
    Problem,
    UnknownReferenceError,
)
from peelmodel.model.area import Area, Force
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.finding import AreaForImprovement, CauseOfConcern, Recommendation
from peelmodel.model.grade import Grade, GradingScale, Pillar, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement, RecordState

__all__ = ["FORMAT", "VERSION", "converter", "dumps", "loads", "structure", "unstructure"]

T = TypeVar("T")

#: The ``format`` every document declares.
FORMAT: Final = "peelmodel"
#: The document version this release reads and writes.
VERSION: Final = 1

_MAX_INT_DIGITS = 16
#: Parsed values by their text (each is immutable): documents repeat a few
#: periods, dates and figures many times. Cleared when full.
_CACHE_SIZE = 4096
_PERIODS: dict[str, Period] = {}
_DATES: dict[str, date] = {}
_DECIMALS: dict[str, Decimal] = {}
#: Texts written for objects, by identity (the object is kept so its id stays
#: its own): the same period and reference entries recur in every document.
_TEXTS: dict[int, tuple[object, str]] = {}
_DECIMAL_TEXT = re.compile(r"-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,6})?")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: A key that a JSON path can show after a dot; any other is shown quoted.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BOM = "\ufeff"


class _RawNumber:
    """A JSON number that no field accepts: a fraction, NaN, Infinity or too many digits."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return (
            self.text if len(self.text) <= 24 else f"{self.text[:20]}... ({len(self.text)} digits)"
        )


class _StructureError(PeelModelError, TypeError):
    """A JSON value of the wrong type or form, raised inside the converter."""


def _found(value: object) -> str:
    if isinstance(value, dict):
        return f"an object with {len(value)} keys"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    if isinstance(value, date):  # as the document wrote it
        return repr(value.isoformat())
    return repr(value)


def _expected(what: str, value: object) -> _StructureError:
    return _StructureError(f"expected {what}, found {_found(value)}")


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expected("a string", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _expected("an integer", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expected("true or false", value)
    return value


def _remember(cache: dict[str, Any], text: str, value: Any) -> None:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[text] = value


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is not str:
        raise _expected('a decimal number written as a string, such as "14.4"', value)
    found = _DECIMALS.get(value)
    if found is None:
        if not _DECIMAL_TEXT.fullmatch(value):
            raise _expected('a decimal number written as a string, such as "14.4"', value)
        found = Decimal(value)
        _remember(_DECIMALS, value, found)
    return found


def _structure_date(value: object, _: type) -> date:
    if type(value) is not str:
        raise _expected('a date such as "2015-06-30"', value)
    found = _DATES.get(value)
    if found is None:
        if not _DATE_TEXT.fullmatch(value):
            raise _expected('a date such as "2015-06-30"', value)
        try:
            found = date.fromisoformat(value)
        except ValueError:
            raise _expected("a real date", value) from None
        _remember(_DATES, value, found)
    return found


def _structure_period(value: object, _: type) -> Period:
    if type(value) is not str:
        raise _expected('a period such as "2014-07-01/2015-06-30"', value)
    found = _PERIODS.get(value)
    if found is not None:
        return found
    try:
        found = Period.parse(value)
        _remember(_PERIODS, value, found)
        return found  # noqa: TRY300 - the cache is filled only on success
    except InvalidValueError as error:  # a period is one JSON string: report it at its own path
        raise _StructureError(f"{error.reason} (found {_found(value)})") from None


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except (ValueError, TypeError):
        labels = ", ".join(repr(member.value) for member in kind)
        raise _expected(f"one of {labels}", value) from None


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    """Look string values up in a dict; anything else takes :func:`_structure_enum`."""
    members = {member.value: member for member in kind if type(member.value) is str}

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is str:
            found = members.get(value)
            if found is not None:
                return found
        return _structure_enum(value, kind)

    structure.cache = members  # type: ignore[attr-defined]
    return structure


def _reference(kind: str, get: Callable[[str], Any]) -> Callable[[object, type], Any]:
    found: dict[str, Any] = {}  # the entries already looked up: registries never change

    def structure(value: object, _: type) -> Any:
        if type(value) is not str:
            raise _expected(f"a {kind} id", value)
        entry = found.get(value)
        if entry is None:
            entry = found[value] = get(value)
        return entry

    structure.cache = found  # type: ignore[attr-defined]
    return structure


def _scale(scale_id: str) -> GradingScale:
    for scale in programmes.scales():
        if scale.id == scale_id:
            return scale
    raise UnknownReferenceError("grading scale", scale_id, (s.id for s in programmes.scales()))


def _outcome_type(type_id: str) -> OutcomeType:
    found = outcomes.get(type_id)
    if not isinstance(found, OutcomeType):
        raise UnknownReferenceError("outcome type", type_id, (t.id for t in outcomes.types()))
    return found


def _text_of(obj: Any, write: Callable[[Any], str]) -> str:
    entry = _TEXTS.get(id(obj))
    if entry is not None and entry[0] is obj:
        return entry[1]
    text = write(obj)
    if len(_TEXTS) >= _CACHE_SIZE:
        _TEXTS.clear()
    _TEXTS[id(obj)] = (obj, text)
    return text


def _unstructure_period(period: Period) -> str:
    return _text_of(period, Period.isoformat)


def _unstructure_id(entry: Any) -> str:
    return _text_of(entry, _id)


def _id(entry: Any) -> str:
    return str(entry.id)


def _is(expected: Any) -> Callable[[Any], bool]:
    def predicate(kind: Any) -> bool:
        return bool(kind == expected)

    return predicate


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple


def _is_optional(kind: Any) -> bool:
    if get_origin(kind) not in (Union, UnionType):
        return False
    args = get_args(kind)
    return len(args) == 2 and NoneType in args


def _optional_hook(kind: Any, made: Converter) -> Callable[[object, type], Any]:
    """``X | None``: the hook of ``X``, found once rather than at every value."""
    inner = next(arg for arg in get_args(kind) if arg is not NoneType)
    hook = made.get_structure_hook(inner)

    def structure(value: object, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _fast_tuple_hook(kind: Any, made: Converter) -> Callable[[object, type], tuple[Any, ...]]:
    """Arrays for the fast converter: no per-item error collection."""
    item_type = get_args(kind)[0]
    hook = made.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _expected("an array", value)
        return tuple([hook(item, item_type) for item in value])

    return structure


def _structure_tuple(value: object, kind: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise _expected("an array", value)
    item_type = get_args(kind)[0]
    items: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            items.append(converter.structure(item, item_type))
        except Exception as error:  # noqa: BLE001, PERF203 - collected with their index, re-raised below
            notes = [*getattr(error, "__notes__", []), _IndexNote(index)]
            setattr(error, "__notes__", notes)  # noqa: B010 - Python 3.10 exceptions have no add_note
            errors.append(error)
    if errors:
        raise IterableValidationError("While structuring an array", errors, kind)
    return tuple(items)


class _IndexNote(str):
    """Marks an error with the index of the array item it belongs to."""

    __slots__ = ("position",)
    position: int

    def __new__(cls, position: int) -> _IndexNote:
        note = super().__new__(cls, f"Structuring array item @ index {position}")
        note.position = position
        return note


def _class_hook(cls: type, made: Converter) -> Callable[[object, type], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, made)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise _expected("an object", value)
        return generated(value, cls)

    return structure


_INLINE_TYPES: Final = {str: "str", int: "int", bool: "bool"}
#: The values each leaf hook has read, by their text.
_CACHES: Final[dict[Callable[[object, type], Any], dict[str, Any]]] = {
    _structure_decimal: _DECIMALS,
    _structure_date: _DATES,
    _structure_period: _PERIODS,
}


def _read(kind: Any, value: str, made: Converter, namespace: dict[str, Any]) -> str:
    """Python source that reads *value* (an expression) as a *kind*, for the fast converter."""
    var = f"v{len(namespace)}"
    namespace[var] = None  # reserve the name
    if _is_optional(kind):
        inner = next(arg for arg in get_args(kind) if arg is not NoneType)
        return f"(None if ({var} := {value}) is None else {_read(inner, var, made, namespace)})"
    if kind in _INLINE_TYPES:
        return f"({var} if type({var} := {value}) is {_INLINE_TYPES[kind]} else wrong({var}))"
    hook = made.get_structure_hook(kind)
    namespace[f"hook_{var}"] = hook
    namespace[f"type_{var}"] = kind
    cache = _CACHES.get(hook, getattr(hook, "cache", None))
    if cache is None:
        return f"hook_{var}({value}, type_{var})"
    # A string the hook has read before is looked up here; anything else goes to the hook.
    namespace[f"cache_{var}"] = cache
    return (
        f"(c{var} if type({var} := {value}) is str and (c{var} := cache_{var}.get({var})) "
        f"is not None else hook_{var}({var}, type_{var}))"
    )


def _wrong(value: object) -> Any:
    raise _expected("another type", value)


def _fast_class_hook(cls: type, made: Converter) -> Callable[[object, type], Any]:
    """A generated function that reads a dict of *cls*'s fields, for the fast converter.

    Strings, integers and booleans are checked inline and other fields go to
    their hooks; an unknown or missing key raises, and the detailed converter
    then reports it.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    if any(isinstance(field.default, attrs.Factory) for field in fields):  # type: ignore[arg-type]
        return _class_hook(cls, made)  # pragma: no cover - no document class has one
    namespace: dict[str, Any] = {
        "cls": cls,
        "known": frozenset(field.name for field in fields),
        "expected": _expected,
        "wrong": _wrong,
    }
    lines = [
        "def structure(o, _):",
        "    if type(o) is not dict:",
        "        raise expected('an object', o)",
        "    if not known.issuperset(o):",
        "        raise KeyError('unknown key')",
        "    return cls(",
    ]
    for field in fields:
        read = _read(field.type, f"o[{field.name!r}]", made, namespace)
        if field.default is attrs.NOTHING:
            lines.append(f"        {field.alias}={read},")
        else:
            namespace[f"default_{field.name}"] = field.default
            lines.append(
                f"        {field.alias}={read} if {field.name!r} in o else default_{field.name},"
            )
    source = "\n".join([*lines, "    )", ""])
    exec(compile(source, f"<peelmodel structure {cls.__name__}>", "exec"), namespace)  # noqa: S102 - source built above from field names
    function: Callable[[object, type], Any] = namespace["structure"]
    return function


def _write(kind: Any, value: str, made: Converter, namespace: dict[str, Any]) -> str:
    """Python source that writes *value* (an expression) of type *kind*."""
    if _is_optional(kind):
        inner = next(arg for arg in get_args(kind) if arg is not NoneType)
        return f"(None if {value} is None else {_write(inner, value, made, namespace)})"
    if _is_tuple(kind):
        item = _write(get_args(kind)[0], "item", made, namespace)
        return f"list({value})" if item == "item" else f"[{item} for item in {value}]"
    hook = made.get_unstructure_hook(kind)
    if hook is identity:
        return value
    name = f"write_{len(namespace)}"
    namespace[name] = hook
    return f"{name}({value})"


def _unstructure_hook(cls: type, made: Converter) -> Callable[[Any], dict[str, Any]]:
    """A generated function that writes *cls* as a dict, leaving out default values.

    Keys come in the order cattrs writes them: fields without a default, then
    the others, each only when it differs from its default.
    """
    attrs.resolve_types(cls)
    namespace: dict[str, Any] = {}
    required = ["def unstructure(instance):", "    res = {"]
    optional: list[str] = []
    for field in attrs.fields(cls):
        write = _write(field.type, "value", made, namespace)
        if field.default is attrs.NOTHING:
            value = _write(field.type, f"instance.{field.name}", made, namespace)
            required.append(f"        {field.name!r}: {value},")
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"default_{field.name}"] = field.default.factory
            differs = f"value != default_{field.name}()"
        elif field.default is None:
            differs = "value is not None"
        else:
            namespace[f"default_{field.name}"] = field.default
            differs = f"value != default_{field.name}"
        optional += [
            f"    value = instance.{field.name}",
            f"    if {differs}:",
            f"        res[{field.name!r}] = {write}",
        ]
    source = "\n".join([*required, "    }", *optional, "    return res", ""])
    exec(compile(source, f"<peelmodel unstructure {cls.__name__}>", "exec"), namespace)  # noqa: S102 - source built above from field names
    function: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    return function


def _make_converter(*, detailed: bool = True) -> Converter:
    made = Converter(forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=True)
    for kind, structure_fn in (
        (str, _structure_str),
        (int, _structure_int),
        (bool, _structure_bool),
        (Decimal, _structure_decimal),
        (date, _structure_date),
        (Period, _structure_period),
    ):
        made.register_structure_hook(kind, structure_fn)
    made.register_unstructure_hook(Decimal, str)
    made.register_unstructure_hook(date, date.isoformat)
    made.register_unstructure_hook(Period, _unstructure_period)
    # One hook per enum: cattrs before 26.1 dispatches on the Enum base class
    # ahead of any predicate, so a hook factory for enums would not be used.
    for enum_class in _ENUMS:
        made.register_structure_hook(enum_class, _enum_hook(enum_class))
    if detailed:
        made.register_structure_hook_func(_is_tuple, _structure_tuple)
    else:
        made.register_structure_hook_factory(_is_tuple, lambda t: _fast_tuple_hook(t, made))
    made.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, made))
    made.register_unstructure_hook_func(
        _is_tuple, lambda items: [made.unstructure(i) for i in items]
    )
    # Each reference is written as its id: an attribute of some classes, and
    # computed (so remembered by _unstructure_id) for questions and outcome types.
    field_id = operator.attrgetter("id")
    references: dict[Any, tuple[str, Callable[[str], Any], Callable[[Any], str]]] = {
        Force: ("force", forces.get, field_id),
        Area: ("area", areas.get, field_id),
        InspectionQuestion: ("question", questions.get, _unstructure_id),
        Programme: ("programme", programmes.get, field_id),
        GradingScale: ("grading scale", _scale, field_id),
        OutcomeType | OutcomeGroup: ("outcome", outcomes.get, _unstructure_id),
        OutcomeType: ("outcome type", _outcome_type, _unstructure_id),
        OutcomeGroup: ("outcome group", outcomes.group, field_id),
    }
    for kind, (name, get, write_id) in references.items():
        made.register_structure_hook_func(_is(kind), _reference(name, get))
        made.register_unstructure_hook_func(_is(kind), write_id)
    made.register_structure_hook_factory(
        lambda t: t in _DOCUMENT_CLASSES,
        (lambda t: _class_hook(t, made)) if detailed else (lambda t: _fast_class_hook(t, made)),
    )
    made.register_unstructure_hook_factory(
        lambda t: t in _DOCUMENT_CLASSES,
        lambda t: _unstructure_hook(t, made),
    )
    return made


#: The enums that document classes hold.
_ENUMS: Final[tuple[type[enum.Enum], ...]] = (Basis, Grade, Pillar, Qualifier, RecordState)
#: Classes written as JSON objects.
_DOCUMENT_CLASSES: Final[tuple[type, ...]] = (
    Figure,
    OutcomeRate,
    Judgment,
    AreaForImprovement,
    Recommendation,
    CauseOfConcern,
    Inspection,
    GradeEntry,
    NationalStatement,
    GradesRecord,
)
#: Classes written as their id, and the key the id stands under in a document.
_REFERENCE_CLASSES: Final[tuple[type, ...]] = (
    Force,
    Area,
    InspectionQuestion,
    Programme,
    GradingScale,
    OutcomeType,
    OutcomeGroup,
)

#: The converter that reports every problem with its path.
converter: Final = _make_converter()
#: The same hooks without per-field error collection: tried first, and on any
#: failure the data is structured again by :data:`converter` for its report.
_fast_converter: Final = _make_converter(detailed=False)


def _structure(data: Any, cls: type[T]) -> T:
    try:
        return _fast_converter.structure(data, cls)
    except Exception:  # noqa: BLE001 - the detailed converter says what is wrong
        return converter.structure(data, cls)


def structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* from JSON-shaped data; raise :class:`DocumentError` listing every problem."""
    try:
        return _structure(data, cls)
    except Exception as error:  # noqa: BLE001 - every failure becomes one DocumentError
        raise DocumentError(_problems(error, "$")) from None


def unstructure(obj: object) -> Any:
    """The JSON-shaped data (dicts, lists, strings, ints) of *obj*."""
    return converter.unstructure(obj)


def _key(cls: type) -> str:
    if cls in _REFERENCE_CLASSES:
        return "id"
    return "period" if cls is Period else ""


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Write *obj*, an instance of a public class, as a JSON document.

    >>> from peelmodel import forces
    >>> dumps(forces.get("hampshire"))
    '{"format": "peelmodel", "version": 1, "kind": "Force", "id": "hampshire"}'
    """
    cls = type(obj)
    header: dict[str, Any] = {"format": FORMAT, "version": VERSION, "kind": cls.__name__}
    if cls not in _DOCUMENT_CLASSES and cls not in _REFERENCE_CLASSES and cls is not Period:
        raise TypeError(f"peelmodel cannot write a {cls.__name__}")
    data = converter.unstructure(obj)
    body = {_key(cls): data} if _key(cls) else data
    if indent is None:
        return _ENCODER.encode({**header, **body})
    return json.dumps({**header, **body}, indent=indent, ensure_ascii=False)


#: ``json.dumps(..., ensure_ascii=False)``, made once.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False)


#: The classes that have documents, by the name a document gives as its kind.
_KINDS: Final[dict[str, type]] = {
    cls.__name__: cls for cls in (*_DOCUMENT_CLASSES, *_REFERENCE_CLASSES, Period)
}


def loads(text: str | bytes, cls: type[T], *, source: str | None = None) -> T:
    """Read a JSON document written by :func:`dumps` as a *cls*.

    *text* is UTF-8 JSON, as ``str`` or ``bytes``. A document of a subclass of
    *cls* gives that subclass: a ``Force`` document read as an ``Area`` is the
    ``Force``. Raise :class:`~peelmodel.errors.DocumentError`, listing every
    bad path with the value found there, when the text is not a valid document
    of *cls*, and ``TypeError`` when *cls* has no documents (as :func:`dumps`).
    """
    if _KINDS.get(getattr(cls, "__name__", "")) is not cls:
        raise TypeError(f"peelmodel cannot read a {cls!r}")
    document = _parse(text, source)
    problems: list[Problem] = []
    if type(document) is not dict:
        raise DocumentError([Problem("$", f"expected an object, found {_found(document)}")], source)
    kind = document.get("kind")
    subclass = _KINDS.get(kind) if type(kind) is str else None
    if subclass is not None and issubclass(subclass, cls):
        cls = subclass
    header = {"format": FORMAT, "version": VERSION, "kind": cls.__name__}
    for key, expected in header.items():
        found = document.get(key)
        if type(found) is not type(expected) or found != expected:
            problems.append(Problem(f"$.{key}", f"expected {expected!r}, found {_found(found)}"))
    body = {key: value for key, value in document.items() if key not in header}
    key = _key(cls)
    if key:
        extra = sorted(set(body) - {key})
        problems.extend(Problem(_member("$", name), "unknown key") for name in extra)
        if key not in body:
            problems.append(Problem(f"$.{key}", "required key missing"))
            raise DocumentError(problems, source)
        data, path = body[key], f"$.{key}"
    else:
        data, path = body, "$"
    try:
        result = _structure(data, cls)
    except Exception as error:  # noqa: BLE001 - every failure becomes one DocumentError
        problems.extend(_problems(error, path))
        raise DocumentError(problems, source) from None
    if problems:
        raise DocumentError(problems, source)
    return result


def _parse(text: str | bytes, source: str | None) -> Any:
    """Parse UTF-8 JSON text (without a byte order mark) into JSON-shaped data."""

    def refuse(message: str) -> DocumentError:
        return DocumentError([Problem("$", message)], source)

    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise refuse(f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    elif not isinstance(text, str):
        raise TypeError(f"peelmodel reads str or bytes, not {type(text).__name__}")
    if text.startswith(_BOM):
        raise refuse("starts with a byte order mark: write UTF-8 without one")
    if "\x00" in text:
        raise refuse("not UTF-8 JSON: contains NUL characters (UTF-16 or UTF-32 text?)")

    def reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
            raise DocumentError([Problem("$", f"duplicate key {duplicate!r} in an object")], source)
        return result

    def parse_int(digits: str) -> int | _RawNumber:
        return int(digits) if len(digits.lstrip("-")) <= _MAX_INT_DIGITS else _RawNumber(digits)

    try:
        return json.loads(
            text,
            parse_float=_RawNumber,
            parse_int=parse_int,
            parse_constant=_RawNumber,
            object_pairs_hook=reject_duplicates,
        )
    except json.JSONDecodeError as error:
        raise refuse(f"not JSON: {error}") from None
    except RecursionError:
        raise refuse("nested too deeply") from None


def _problems(error: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths.

    An error of any other kind is a defect of peelmodel or of a library it
    uses, not a problem of the document: it is raised again, unchanged.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in error.exceptions:
            found.extend(_problems(sub, _sub_path(sub, path)))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        return [Problem(_member(path, name), "unknown key") for name in sorted(error.extra_fields)]
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    if isinstance(error, InvalidValueError):
        field = error.field if "+" not in error.field else ""
        where = f"{path}.{field}" if field and not path.endswith(f".{field}") else path
        return [Problem(where, f"{error.reason} (found {_found(error.value)})")]
    if isinstance(error, PeelModelError):
        return [Problem(path, str(error))]
    raise error


def _member(path: str, key: str) -> str:
    """The path of *key* in the object at *path*: ``$.count``, or ``$["a b"]`` when quoted."""
    return f"{path}.{key}" if _PLAIN_KEY.fullmatch(key) else f"{path}[{json.dumps(key)}]"


def _sub_path(error: BaseException, path: str) -> str:
    for note in reversed(getattr(error, "__notes__", [])):
        if isinstance(note, _IndexNote):
            return f"{path}[{note.position}]"
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return f"{path}.{name}"
    return path
