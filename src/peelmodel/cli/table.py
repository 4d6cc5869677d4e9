"""Plain-text tables for the command line, with colour for a terminal.

>>> print(render(("figure", "count"), [["ocgs", "62"], ["population", "1,939,312"]], right=(1,)))
figure          count
----------  ---------
ocgs               62
population  1,939,312
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from peelmodel.analysis.status import Status

__all__ = ["GREEN", "RED", "Cell", "Styled", "render", "status_cell"]

#: ANSI colour codes.
RED = "31"
GREEN = "32"

_STATUS_COLOURS = {Status.INCONSISTENT: RED, Status.CONSISTENT: GREEN, Status.REPRODUCED: GREEN}


class Styled(NamedTuple):
    """A cell's text and the ANSI colour it takes on a terminal (``None``: none)."""

    text: str
    colour: str | None


#: A table cell: plain text, or text with a colour.
Cell = str | Styled


def status_cell(status: Status, text: str | None = None) -> Styled:
    """A status cell: inconsistent in red, consistent and reproduced in green.

    >>> status_cell(Status.INCONSISTENT)
    Styled(text='inconsistent', colour='31')
    """
    return Styled(status.value if text is None else text, _STATUS_COLOURS.get(status))


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    right: Sequence[int] = (),
    colour: bool = False,
) -> str:
    """Align *rows* under *headers*; columns listed in *right* are right-aligned.

    With *colour*, :class:`Styled` cells are wrapped in their ANSI colour;
    without it they are plain text.
    """
    texts = [[_text(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in texts:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[Cell]) -> str:
        parts = []
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            text = _text(cell)
            padding = " " * (width - len(text))
            if colour and isinstance(cell, Styled) and cell.colour is not None:
                text = f"\x1b[{cell.colour}m{text}\x1b[0m"
            parts.append(padding + text if index in right else text + padding)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def _text(cell: Cell) -> str:
    return cell.text if isinstance(cell, Styled) else cell
