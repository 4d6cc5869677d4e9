"""Small HTML tables for notebooks: every value escaped, no styling beyond the notebook's own.

The model's ``_repr_html_`` methods build their rows and hand them here, so
the model imports nothing above the bottom layer.

>>> print(table(("figure", "value"), [("a < b", 1), ("c", None)]))
<table><thead><tr><th>figure</th><th>value</th></tr></thead><tbody><tr><td>a &lt; b</td><td>1</td></tr><tr><td>c</td><td></td></tr></tbody></table>
>>> block("Hampshire & Co", "<p>x</p>")
'<div><p><strong>Hampshire &amp; Co</strong></p><p>x</p></div>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["block", "table"]


def _cell(tag: str, value: object) -> str:
    text = "" if value is None else html.escape(str(value))
    return f"<{tag}>{text}</{tag}>"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str | None = None
) -> str:
    """An HTML table of *rows* under *headers*; ``None`` is an empty cell, everything escaped."""
    head = "".join(_cell("th", header) for header in headers)
    body = "".join(f"<tr>{''.join(_cell('td', value) for value in row)}</tr>" for row in rows)
    title = "" if caption is None else _cell("caption", caption)
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def block(title: str, *parts: str) -> str:
    """A titled block: the escaped *title* in bold, then *parts*, which are HTML already."""
    return f"<div><p><strong>{html.escape(title)}</strong></p>{''.join(parts)}</div>"
