"""Functions written for each document class: a quick reader and a writer.

cattrs generates a function per class that calls a hook per field. Here the
common cases are written inline instead, which measured 8-12% faster to read
and 12-22% faster to write (``benchmarks/README.md``): a string, integer or
boolean of the right type is taken as it is, and a text a memoised hook has
read before is looked up in its memo. Every other value goes to the field's
hook, so the hooks of :mod:`peelmodel.documents.hooks` stay the only rules:
an inline test only ever accepts what the hook would. The quick reader stops
at the first error (of any type); ``tests/test_fast_path.py`` checks that it
builds and refuses what the detailed converter does.

>>> from peelmodel.documents.converter import quick_converter
>>> from peelmodel.model.judgment import Judgment
>>> read = structure_fn(Judgment, quick_converter)
>>> read({"question": "peel-2015.effectiveness", "grade": "good"}, Judgment).grade
<Grade.GOOD: 'good'>
>>> read({"question": "peel-2015.effectiveness", "grade": "good", "note": 1}, Judgment)
Traceback (most recent call last):
...
KeyError: 'an unknown key'
"""

from __future__ import annotations

from collections.abc import Callable
from types import NoneType
from typing import Any, Final, get_args

import attrs
from cattrs import Converter
from cattrs.fns import identity

from peelmodel.documents.hooks import StructureHook, is_optional, is_tuple, memo_of
from peelmodel.documents.problems import expected
from peelmodel.model.provenance import JSON_KEY

__all__ = ["structure_fn", "unstructure_fn"]

#: The JSON types whose values a field of that type takes as they are.
_EXACT: Final = {str: "str", int: "int", bool: "bool"}


def _key(field: attrs.Attribute[Any]) -> str:
    """The JSON key of *field*: its name, unless its metadata names another."""
    key: str = field.metadata.get(JSON_KEY, field.name)
    return key


def _inner(kind: Any) -> Any:
    return next(arg for arg in get_args(kind) if arg is not NoneType)


def _compile(
    source: str, function: str, cls: type, namespace: dict[str, Any]
) -> Callable[..., Any]:
    """The function named *function* that *source* defines, for *cls*."""
    label = f"<peelmodel {function} {cls.__name__}>"
    exec(compile(source, label, "exec"), namespace)  # noqa: S102 - source built from field names
    made: Callable[..., Any] = namespace[function]
    return made


def _default(field: attrs.Attribute[Any], namespace: dict[str, Any]) -> str:
    """Python source for the default value of *field*."""
    name = f"default_{field.name}"
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        namespace[name] = default.factory
        return f"{name}()"
    namespace[name] = default
    return name


def _read(kind: Any, value: str, made: Converter, namespace: dict[str, Any]) -> str:
    """Python source that reads *value* (an expression) as a *kind*."""
    var = f"v{len(namespace)}"
    namespace[var] = None  # reserve the name
    if is_optional(kind):
        inner = _read(_inner(kind), var, made, namespace)
        return f"(None if ({var} := {value}) is None else {inner})"
    hook = made.get_structure_hook(kind)
    namespace[f"hook_{var}"] = hook
    namespace[f"type_{var}"] = kind
    call = f"hook_{var}({var}, type_{var})"
    if kind in _EXACT:
        return f"({var} if type({var} := {value}) is {_EXACT[kind]} else {call})"
    memo = memo_of(hook)
    if memo is None:
        return f"hook_{var}({value}, type_{var})"
    namespace[f"memo_{var}"] = memo
    return (
        f"(c{var} if type({var} := {value}) is str and (c{var} := memo_{var}.get({var})) "
        f"is not None else {call})"
    )


def structure_fn(cls: type, made: Converter) -> StructureHook:
    """A function that reads a JSON object as a *cls*, raising at the first error.

    An object with a key that is not a field raises ``KeyError``, as does one
    without a required field.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {
        "cls": cls,
        "known": frozenset(_key(field) for field in fields),
        "expected": expected,
    }
    lines = [
        "def structure(o, _):",
        "    if type(o) is not dict:",
        "        raise expected('an object', o)",
        "    if not known.issuperset(o):",
        "        raise KeyError('an unknown key')",
        "    return cls(",
    ]
    for field in fields:
        read = _read(field.type, f"o[{_key(field)!r}]", made, namespace)
        if field.default is attrs.NOTHING:
            lines.append(f"        {field.alias}={read},")
        else:
            default = _default(field, namespace)
            lines.append(f"        {field.alias}={read} if {_key(field)!r} in o else {default},")
    return _compile("\n".join([*lines, "    )", ""]), "structure", cls, namespace)


def _write(kind: Any, value: str, made: Converter, namespace: dict[str, Any]) -> str:
    """Python source that writes *value* (an expression) of type *kind*."""
    if is_optional(kind):
        return f"(None if {value} is None else {_write(_inner(kind), value, made, namespace)})"
    if is_tuple(kind):
        item = _write(get_args(kind)[0], "item", made, namespace)
        return f"list({value})" if item == "item" else f"[{item} for item in {value}]"
    hook = made.get_unstructure_hook(kind)
    if hook is identity:
        return value
    name = f"write_{len(namespace)}"
    namespace[name] = hook
    return f"{name}({value})"


def unstructure_fn(cls: type, made: Converter) -> Callable[[Any], dict[str, Any]]:
    """A function that writes a *cls* as a dict, leaving out fields at their defaults.

    Keys come in the order cattrs writes them: fields without a default, then
    the others, each only when it differs from its default.
    """
    attrs.resolve_types(cls)
    namespace: dict[str, Any] = {}
    required = ["def unstructure(instance):", "    res = {"]
    optional: list[str] = []
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING:
            value = _write(field.type, f"instance.{field.name}", made, namespace)
            required.append(f"        {_key(field)!r}: {value},")
            continue
        if field.default is None:  # not !=: comparing a Decimal with None is slow
            differs = "value is not None"
        else:
            differs = f"value != {_default(field, namespace)}"
        optional += [
            f"    value = instance.{field.name}",
            f"    if {differs}:",
            f"        res[{_key(field)!r}] = {_write(field.type, 'value', made, namespace)}",
        ]
    source = "\n".join([*required, "    }", *optional, "    return res", ""])
    return _compile(source, "unstructure", cls, namespace)
