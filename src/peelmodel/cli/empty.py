"""Why a query matched nothing: one line for standard error, naming the filter at fault.

A command whose filters match nothing still prints an empty answer in the
format asked for, and exits 0; this line says which filter matched nothing,
or that the filters match apart but not together.
"""

from __future__ import annotations

import argparse
from typing import Any

from peelmodel import grades
from peelmodel.catalogues import areas, forces, programmes

__all__ = ["NOTE", "no_grades"]

#: How a note on standard error starts.
NOTE = "peelmodel: note: "

#: The filters of ``peelmodel grades``, in the order a note names them.
_FILTERS = ("force", "region", "programme", "pillar", "question")


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
    given: dict[str, Any] = {}
    for filter_name in _FILTERS:
        value = getattr(arguments, filter_name, None)
        if value is not None:
            given[filter_name] = str(value)
    if not given:
        return NOTE + "the grades record holds no entries"
    places = [_name(f, v) for f, v in given.items() if f in ("force", "region")]
    rest = [_name(f, v) for f, v in given.items() if f not in ("force", "region")]
    wanted = " in ".join(part for part in (", ".join(places), ", ".join(rest)) if part)
    for filter_name, value in given.items():
        if not grades.select(**{filter_name: value}):
            if filter_name == "programme":
                why = f"{_name(filter_name, value)} holds no entries yet"
            else:
                why = f"{_name(filter_name, value)} matched no entries"
            return f"{NOTE}no grades recorded for {wanted}: {why}"
    return f"{NOTE}no grades recorded for {wanted}: each matches entries, but not together"
