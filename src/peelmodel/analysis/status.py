"""What the library can say of a published figure: its :class:`Status`."""

from __future__ import annotations

import enum

__all__ = ["Status"]


class Status(enum.Enum):
    """What the library can say of a published figure."""

    #: The published inputs give exactly the published value.
    REPRODUCED = "reproduced"
    #: Some inputs are unpublished, but values exist that give every figure.
    CONSISTENT = "consistent"
    #: No values of the unpublished inputs give this figure and the ones it conflicts with.
    INCONSISTENT = "inconsistent"
    #: Nothing else in the report bears on the figure.
    UNVERIFIABLE = "unverifiable"
