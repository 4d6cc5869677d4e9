"""JSON text of every public class: :func:`dumps` writes it and :func:`loads` reads it.

A document is a JSON object with a header and the object's fields::

    {"format":"peelmodel","version":1,"kind":"Inspection","force":"hampshire",...}

Reference entries (forces, areas, questions, programmes, outcome types and
groups, grading scales) are written as their ids, and a document of one of
them is ``{"format":...,"version":...,"kind":"Force","id":"hampshire"}``.
Published figures are strings (``"14.4"``) so that their precision survives.

>>> from datetime import date
>>> from peelmodel.model.period import Period
>>> text = dumps(Period.as_at(date(2015, 6, 30)))
>>> text
'{"format":"peelmodel","version":1,"kind":"Period","period":"2015-06-30"}'
>>> loads(text, Period) == Period.as_at(date(2015, 6, 30))
True

Loading is strict, and every problem is reported with its path at once:

>>> loads('{"format": "peelmodel", "version": 1, "kind": "Period", "period": 20150630}', Period)
Traceback (most recent call last):
...
peelmodel.errors.DocumentError: invalid document (1 problem): $.period: expected a period such as "2014-07-01/2015-06-30", found 20150630

A sequence of objects of one class is written as a bare JSON array (no
header), each item as a field of type ``tuple[X, ...]`` holds it, and read
back as that type:

>>> from peelmodel.catalogues import forces
>>> from peelmodel.model.area import Force
>>> dumps((forces.get("kent"), forces.get("hampshire")))
'["kent","hampshire"]'
>>> loads('["kent", "hampshire"]', tuple[Force, ...]) == (forces.get("kent"), forces.get("hampshire"))
True
"""

from __future__ import annotations

import json
from types import GenericAlias
from typing import Any, TypeVar, cast, get_args

from peelmodel._typecheck import checked_as
from peelmodel.documents import backend
from peelmodel.documents.converter import quick_structure, structure, unstructure
from peelmodel.documents.header import KINDS, open_envelope, quick_body, wrap
from peelmodel.documents.hooks import is_tuple
from peelmodel.documents.parsing import parse
from peelmodel.documents.problems import describe
from peelmodel.errors import DocumentError, Problem

__all__ = ["dumps", "loads"]

T = TypeVar("T")


def _has_documents(cls: object) -> bool:
    return KINDS.get(getattr(cls, "__name__", "")) is cls


@checked_as("peelmodel.dumps")
def dumps(obj: object, *, indent: int | None = None) -> str:
    """Write *obj*, an instance of a public class, as a JSON document.

    A tuple or list of instances of one class is written as a JSON array.
    The text is compact; with *indent*, it is indented by that many spaces
    (by the standard library, whichever backend is in use).

    >>> from peelmodel.catalogues import forces
    >>> dumps(forces.get("hampshire"))
    '{"format":"peelmodel","version":1,"kind":"Force","id":"hampshire"}'
    >>> print(dumps(forces.get("hampshire"), indent=1))
    {
     "format": "peelmodel",
     "version": 1,
     "kind": "Force",
     "id": "hampshire"
    }
    """
    if isinstance(obj, tuple | list):
        classes = {type(item) for item in obj}
        if len(classes) > 1 or not all(_has_documents(kind) for kind in classes):
            names = ", ".join(sorted(kind.__name__ for kind in classes))
            raise TypeError(f"peelmodel writes arrays of one public class, not of {names}")
        data: Any = unstructure(obj, GenericAlias(tuple, (classes.pop(), ...))) if obj else []
    else:
        cls = type(obj)
        if not _has_documents(cls):
            raise TypeError(f"peelmodel cannot write a {cls.__name__}")
        data = wrap(cls, unstructure(obj))
    if indent is None:
        return backend.encode(data)
    return json.dumps(data, indent=indent, ensure_ascii=False)


@checked_as("peelmodel.loads")
def loads(text: str | bytes, cls: type[T], *, source: str | None = None) -> T:
    """Read a JSON document written by :func:`dumps` as a *cls*.

    *text* is UTF-8 JSON, as ``str`` or ``bytes``. A document of a subclass of
    *cls* gives that subclass: a ``Force`` document read as an ``Area`` is the
    ``Force``. With *cls* ``tuple[X, ...]``, *text* is a JSON array of ``X``
    values, as :func:`dumps` writes a tuple. Raise
    :class:`~peelmodel.errors.DocumentError`, listing every bad path with the
    value found there, when the text is not a valid document of *cls*, and
    ``TypeError`` when *cls* has no documents (as :func:`dumps`).
    """
    item, array = _target(cls)
    if backend.active() == "fast":
        found = _read_quickly(text, cls, item, array=array)
        if found is not None:
            return cast("T", found)
    document = parse(text, source)
    try:
        if array:
            return structure(document, cls)
        return cast("T", _read_document(document, item))
    except DocumentError as error:
        raise DocumentError(error.problems, source, complete=error.complete) from None


def _target(cls: object) -> tuple[type, bool]:
    """The class of the values *cls* reads, and whether they come as an array."""
    if _has_documents(cls):
        return cast("type", cls), False
    if is_tuple(cls) and _has_documents(get_args(cls)[0]):
        return get_args(cls)[0], True
    raise TypeError(f"peelmodel cannot read a {cls!r}")


def _read_quickly(text: str | bytes, cls: Any, item: type, *, array: bool) -> Any:
    """The value of a valid document, read by the fast backend at once; else ``None``."""
    try:
        document = backend.decode(text)
    except Exception:  # noqa: BLE001 - the strict parser says what is wrong
        return None
    if array:
        target, data = cls, document
    else:
        body = quick_body(document, item)
        if body is None:
            return None
        target, data = body
    try:
        return quick_structure(data, target)
    except Exception:  # noqa: BLE001 - the detailed converter says what is wrong
        return None


def _read_document(document: Any, cls: type) -> Any:
    """The object of a parsed document; every problem, of its header and body, at once."""
    if type(document) is not dict:
        raise DocumentError([Problem("$", f"expected an object, found {describe(document)}")])
    envelope = open_envelope(document, cls)
    problems, complete = envelope.problems, True
    if envelope.path is not None:
        try:
            result: Any = structure(envelope.data, envelope.cls, path=envelope.path)
        except DocumentError as error:
            problems, complete = [*problems, *error.problems], error.complete
        else:
            if not problems:
                return result
    raise DocumentError(problems, complete=complete)
