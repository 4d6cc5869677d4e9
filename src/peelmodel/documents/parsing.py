"""The strict JSON parser: every problem of the text itself, before any field is read.

It is the standard library's parser with hooks: duplicate keys are refused,
and a number that no field accepts (a fraction, ``NaN``, ``Infinity``, or an
integer of more than 16 digits) is kept as written, for the report:

>>> parse('{"count": 1e3, "rate": NaN}', None)
{'count': 1e3, 'rate': NaN}
>>> parse('{"count": 1, "count": 2}', "copy.json")
Traceback (most recent call last):
...
peelmodel.errors.DocumentError: copy.json: invalid document (1 problem): $: duplicate key 'count' in an object
"""

from __future__ import annotations

import json
from typing import Any, Final

from peelmodel.errors import DocumentError, Problem

__all__ = ["RawNumber", "parse"]

#: The most digits of an integer read as one; longer ones are kept as written.
_MAX_INT_DIGITS: Final = 16
_BOM: Final = "\ufeff"


class RawNumber:
    """A JSON number that no field accepts: a fraction, NaN, Infinity or too many digits.

    >>> RawNumber("1" * 30)
    11111111111111111111... (30 digits)
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return (
            self.text if len(self.text) <= 24 else f"{self.text[:20]}... ({len(self.text)} digits)"
        )


def _parse_int(digits: str) -> int | RawNumber:
    return int(digits) if len(digits.lstrip("-")) <= _MAX_INT_DIGITS else RawNumber(digits)


def _refuse(message: str, source: str | None) -> DocumentError:
    return DocumentError([Problem("$", message)], source)


def parse(text: str | bytes, source: str | None) -> Any:
    """Parse UTF-8 JSON text (without a byte order mark) into JSON-shaped data.

    Raise :class:`~peelmodel.errors.DocumentError` naming *source* when the
    text is not UTF-8 or not JSON, and ``TypeError`` when it is neither
    ``str`` nor ``bytes``.
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            reason = f"not UTF-8 text: {error.reason} at byte {error.start}"
            raise _refuse(reason, source) from None
    elif not isinstance(text, str):
        raise TypeError(f"peelmodel reads str or bytes, not {type(text).__name__}")
    if text.startswith(_BOM):
        raise _refuse("starts with a byte order mark: write UTF-8 without one", source)
    if "\x00" in text:
        reason = "not UTF-8 JSON: contains NUL characters (UTF-16 or UTF-32 text?)"
        raise _refuse(reason, source)

    def reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
            raise _refuse(f"duplicate key {duplicate!r} in an object", source)
        return result

    try:
        return json.loads(
            text,
            parse_float=RawNumber,
            parse_int=_parse_int,
            parse_constant=RawNumber,
            object_pairs_hook=reject_duplicates,
        )
    except json.JSONDecodeError as error:
        raise _refuse(f"not JSON: {error}", source) from None
    except RecursionError:
        raise _refuse("nested too deeply", source) from None
