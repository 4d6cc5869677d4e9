"""The JSON backends: the standard library, or orjson when the ``fast`` extra is installed.

Both write the same bytes, and both read with the same rules. The fast one
parses with orjson, and hands any text it cannot read at once (invalid,
duplicate keys, a number that no field accepts) to the strict parser of
:mod:`peelmodel.documents.parsing`, which says what is wrong.

The fast backend is used whenever orjson can be imported, unless the
environment variable ``PEELMODEL_PURE_JSON`` is set (to anything but an
empty string) when peelmodel is imported. :func:`use` switches at run time:

>>> previous = active()
>>> use("pure")
>>> active()
'pure'
>>> use(previous)
"""

from __future__ import annotations

import json
import os
from typing import Any, Final

from peelmodel._typecheck import checked
from peelmodel.errors import UnknownReferenceError

try:
    import orjson
except ImportError:  # pragma: no cover - the fast extra is not installed
    _INSTALLED: tuple[str, ...] = ("pure",)
else:
    _INSTALLED = ("pure", "fast")

__all__ = ["ENVIRONMENT_VARIABLE", "active", "available", "decode", "encode", "use"]

#: Set it (non-empty) to read and write with the standard library even when orjson is installed.
ENVIRONMENT_VARIABLE: Final = "PEELMODEL_PURE_JSON"

_COMPACT: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_ACTIVE: list[str] = ["pure" if os.environ.get(ENVIRONMENT_VARIABLE) else _INSTALLED[-1]]


@checked
def available() -> tuple[str, ...]:
    """The backends that can be used here: ``"pure"``, and ``"fast"`` with the ``fast`` extra."""
    return _INSTALLED


@checked
def active() -> str:
    """The backend in use: ``"pure"`` or ``"fast"``."""
    return _ACTIVE[0]


@checked
def use(name: str) -> None:
    """Read and write documents with the backend *name* from now on.

    >>> use("simdjson")
    Traceback (most recent call last):
    ...
    peelmodel.errors.UnknownReferenceError: unknown JSON backend 'simdjson'; known: pure...
    """
    if name not in _INSTALLED:
        raise UnknownReferenceError("JSON backend", name, _INSTALLED)
    _ACTIVE[0] = name


@checked
def encode(data: Any) -> str:
    """Compact JSON text of JSON-shaped *data*, non-ASCII characters as they are.

    >>> encode({"title": "Côte", "rates": [1, "14.4", None]})
    '{"title":"Côte","rates":[1,"14.4",null]}'
    """
    if _ACTIVE[0] == "fast":
        return orjson.dumps(data).decode()
    return _COMPACT(data)


@checked
def decode(text: str | bytes) -> Any:
    r"""Parse *text* with orjson; raise ``ValueError`` where the strict parser must look.

    orjson keeps the last of duplicate keys, so the text is accepted only when
    it holds as many colons as the data read, written compactly: one for each
    member of each object, and those inside strings (a colon written
    ``\u003a`` counted as one). A key given twice leaves fewer members.
    """
    data = orjson.loads(text)
    if isinstance(text, str):
        written = text.count(":")
        if "\\" in text:
            written += text.count("\\u003a") + text.count("\\u003A")
    else:
        written = text.count(b":")
        if b"\\" in text:
            written += text.count(b"\\u003a") + text.count(b"\\u003A")
    if orjson.dumps(data).count(b":") != written:
        raise ValueError("duplicate keys, or an escaped colon that is not one")
    return data
