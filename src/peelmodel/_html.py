"""Small HTML tables for notebooks: every value escaped, no styling beyond the notebook's own.

The ``_repr_html_`` methods of results build their rows and hand them here,
so the model imports nothing above the bottom layer. A column empty in every
row is left out; a whole number is written as one (``165384``, never
``165384.000``), a published ``Decimal`` as it was published, and any other
exact value rounded half up to three places.

>>> print(table(("figure", "value", "note"), [("a < b", 1, None), ("c", None, "")]))
<table><thead><tr><th>figure</th><th>value</th></tr></thead><tbody><tr><td>a &lt; b</td><td>1</td></tr><tr><td>c</td><td></td></tr></tbody></table>
>>> block("Hampshire & Co", "<p>x</p>")
'<div><p><strong>Hampshire &amp; Co</strong></p><p>x</p></div>'
>>> from fractions import Fraction
>>> number(Fraction(165384)), number(Fraction(1, 3)), number(Decimal("29.0")), number(None)
('165384', '0.333', '29.0', '')
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = ["block", "number", "table"]

#: Places of an exact value that is not a whole number, in a notebook table.
_PLACES = Decimal("0.001")


def number(value: Fraction | Decimal | int | None) -> str:
    """*value* for a table: a whole number as one, a ``Decimal`` as published, else three places."""
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return str(value)
    if value.denominator == 1:
        return str(value.numerator)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(_PLACES, rounding=ROUND_HALF_UP))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _cell(tag: str, value: object) -> str:
    return f"<{tag}>{html.escape(_text(value))}</{tag}>"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str | None = None
) -> str:
    """An HTML table of *rows* under *headers*; ``None`` is an empty cell, everything escaped.

    A column whose every cell is empty is left out.
    """
    found = [list(row) for row in rows]
    kept = [i for i in range(len(headers)) if not found or any(_text(row[i]) for row in found)]
    head = "".join(_cell("th", headers[i]) for i in kept)
    body = "".join(f"<tr>{''.join(_cell('td', row[i]) for i in kept)}</tr>" for row in found)
    title = "" if caption is None else _cell("caption", caption)
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def block(title: str, *parts: str) -> str:
    """A titled block: the escaped *title* in bold, then *parts*, which are HTML already."""
    return f"<div><p><strong>{html.escape(title)}</strong></p>{''.join(parts)}</div>"
