"""Why a query matched nothing: one line for standard error, naming the filter at fault.

A command whose filters match nothing still prints an empty answer in the
format asked for, and exits 0; this line says which filter matched nothing,
or that the filters match apart but not together. ``grades`` and
``findings`` say it the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from peelmodel import findings, grades
from peelmodel.catalogues import areas, forces, programmes

__all__ = ["NOTE", "no_findings", "no_grades"]

#: How a note on standard error starts.
NOTE = "peelmodel: note: "

#: The filters of ``peelmodel grades``, in the order a note names them.
_GRADE_FILTERS = ("force", "region", "programme", "pillar", "question")
#: The filters of ``peelmodel findings``, in the order a note names them.
_FINDING_FILTERS = ("force", "programme", "kind", "area")
#: Filters that say where: named first, before what is asked there.
_PLACES = ("force", "region")


def _name(filter_name: str, value: str) -> str:
    """How the note names a filter's value: the name people know, and the id."""
    if filter_name == "force":
        return forces.get(value).name
    if filter_name == "region":
        return f"the {areas.get(value).name} region"
    if filter_name == "programme":
        return programmes.get(value).name
    return f"{filter_name} {value}"


def no_grades(arguments: argparse.Namespace) -> str:
    """The note for a ``grades`` query that matched no entry of the record.

    >>> print(no_grades(argparse.Namespace(force="kent", programme="peel-1999-00")))
    Traceback (most recent call last):
    ...
    peelmodel.errors.UnknownReferenceError: unknown programme 'peel-1999-00'; ...
    """
    return _why(arguments, _GRADE_FILTERS, "grades", "entries", _holds_grades)


def no_findings(arguments: argparse.Namespace) -> str:
    """The note for a ``findings`` query that matched no finding and no count of findings.

    >>> print(no_findings(argparse.Namespace(programme="peel-2015", area="peel-2016.efficiency")))
    peelmodel: note: no findings recorded for PEEL 2015, area peel-2016.efficiency: ...
    """
    return _why(arguments, _FINDING_FILTERS, "findings", "findings", _holds_findings)


def _holds_grades(**filters: Any) -> bool:
    return bool(grades.select(**filters))


def _holds_findings(**filters: Any) -> bool:
    return bool(findings.select(**filters) or findings.counts(**filters))


def _why(
    arguments: argparse.Namespace,
    filters: tuple[str, ...],
    what: str,
    items: str,
    holds: Callable[..., bool],
) -> str:
    """Which of the *filters* given matched no *items* of the *what* record, or none alone."""
    given: dict[str, Any] = {}
    for filter_name in filters:
        value = getattr(arguments, filter_name, None)
        if value is not None:
            given[filter_name] = str(value)
    if not given:
        return f"{NOTE}the {what} record holds no {items}"
    places = [_name(f, v) for f, v in given.items() if f in _PLACES]
    rest = [_name(f, v) for f, v in given.items() if f not in _PLACES]
    wanted = " in ".join(part for part in (", ".join(places), ", ".join(rest)) if part)
    for filter_name, value in given.items():
        if not holds(**{filter_name: value}):
            if filter_name == "programme":
                why = f"{_name(filter_name, value)} holds no {items} yet"
            else:
                why = f"{_name(filter_name, value)} matched no {items}"
            return f"{NOTE}no {what} recorded for {wanted}: {why}"
    return f"{NOTE}no {what} recorded for {wanted}: each matches {items}, but not together"
