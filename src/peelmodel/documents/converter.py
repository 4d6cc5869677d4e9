"""The cattrs converters of documents, built from one set of value hooks.

Two converters share the hooks of :mod:`peelmodel.documents.hooks`.
:data:`quick_converter` reads each document class with a function of
:mod:`peelmodel.documents.generated` and stops at the first error;
:data:`converter` reads it with the function cattrs generates
(``make_dict_structure_fn``), which collects every problem with its path.
:func:`structure` tries the quick one, and on any failure asks the detailed
one what is wrong. Both write with the generated writers.

>>> from peelmodel.model.judgment import Judgment
>>> judgment = structure({"question": "peel-2015.effectiveness.3", "grade": "good"}, Judgment)
>>> unstructure(judgment)
{'question': 'peel-2015.effectiveness.3', 'grade': 'good'}
>>> structure({"question": "peel-2015.effectiveness.3", "grade": 1}, Judgment)
Traceback (most recent call last):
...
peelmodel.errors.DocumentError: invalid document (1 problem): $.grade: expected one of 'outstanding', 'good', 'adequate', 'requires-improvement', 'inadequate', found 1
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, override

from peelmodel._typecheck import checked
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
from peelmodel.documents import hooks
from peelmodel.documents.generated import structure_fn, unstructure_fn
from peelmodel.documents.header import DOCUMENT_CLASSES
from peelmodel.documents.problems import expected, problems_of, reading
from peelmodel.errors import DocumentError
from peelmodel.model.area import Area, Force
from peelmodel.model.figure import Basis, Qualifier
from peelmodel.model.finding import FindingKind
from peelmodel.model.grade import Grade, GradingScale, Pillar, Programme
from peelmodel.model.outcome import OutcomeGroup, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.provenance import JSON_KEY, SourceKind
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import RecordState

__all__ = [
    "converter",
    "make_converter",
    "quick_converter",
    "quick_structure",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: The enums that document classes hold.
_ENUMS: Final[tuple[type[enum.Enum], ...]] = (
    Basis,
    FindingKind,
    Grade,
    Pillar,
    Qualifier,
    RecordState,
    SourceKind,
)


def _is(expected_type: Any) -> Callable[[Any], bool]:
    def predicate(kind: Any) -> bool:
        return bool(kind == expected_type)

    return predicate


def _class_hook(cls: type, made: Converter) -> hooks.StructureHook:
    """Read a JSON object as a *cls*, through the function cattrs generates for it."""
    renamed: dict[str, Any] = {  # a field whose JSON key is not its name (``from``)
        field.name: override(rename=field.metadata[JSON_KEY])
        for field in attrs.fields(cls)
        if JSON_KEY in field.metadata
    }
    generated: hooks.StructureHook = make_dict_structure_fn(
        cls,
        made,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **renamed,
    )

    keys = {name: rule.rename for name, rule in renamed.items()}

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise expected("an object", value)
        if not keys:
            return generated(value, cls)
        try:
            return generated(value, cls)
        except ClassValidationError as error:
            _rename_notes(error, keys)
            raise

    return structure


def _rename_notes(error: ClassValidationError, keys: dict[str, str]) -> None:
    """Name the attributes of *error*'s notes by their JSON keys, for the problems' paths."""
    for sub in error.exceptions:
        notes = getattr(sub, "__notes__", [])
        for index, note in enumerate(notes):
            name = getattr(note, "name", None)
            if isinstance(note, AttributeValidationNote) and name in keys:
                notes[index] = AttributeValidationNote(str(note), keys[name], note.type)


def _register_references(made: Converter) -> None:
    """Reference entries are read from, and written as, their ids."""
    by_id = operator.attrgetter("id")
    references: dict[Any, tuple[str, Callable[[str], Any]]] = {
        Force: ("force", forces.get),
        Area: ("area", areas.get),
        InspectionQuestion: ("question", questions.get),
        Programme: ("programme", programmes.get),
        GradingScale: ("grading scale", hooks.scale),
        OutcomeType | OutcomeGroup: ("outcome", outcomes.get),
        OutcomeType: ("outcome type", hooks.outcome_type),
        OutcomeGroup: ("outcome group", outcomes.group),
    }
    for kind, (name, get) in references.items():
        made.register_structure_hook_func(_is(kind), hooks.reference_hook(name, get))
        made.register_unstructure_hook_func(_is(kind), by_id)


def make_converter(*, detailed: bool) -> Converter:
    """A converter for documents; *detailed*, it reports every problem rather than the first."""
    made = Converter(forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=True)
    for kind in (str, int, bool):
        made.register_structure_hook(kind, hooks.exact_hook(kind))
    made.register_structure_hook(Decimal, hooks.structure_decimal)
    made.register_structure_hook(date, hooks.structure_date)
    made.register_structure_hook(Period, hooks.structure_period)
    made.register_unstructure_hook(Decimal, str)
    made.register_unstructure_hook(date, date.isoformat)
    made.register_unstructure_hook(Period, hooks.period_text)
    # One hook per enum: cattrs before 26.1 dispatches on the Enum base class
    # ahead of any predicate, so a hook factory for enums would not be used.
    for enum_class in _ENUMS:
        made.register_structure_hook(enum_class, hooks.enum_hook(enum_class))
    made.register_structure_hook_factory(
        hooks.is_tuple, lambda kind: hooks.tuple_hook(kind, made, detailed=detailed)
    )
    made.register_structure_hook_factory(
        hooks.is_optional, lambda kind: hooks.optional_hook(kind, made)
    )
    made.register_unstructure_hook_factory(
        hooks.is_tuple, lambda kind: hooks.unstructure_tuple(kind, made)
    )
    _register_references(made)
    made.register_structure_hook_factory(
        lambda kind: kind in DOCUMENT_CLASSES,
        (lambda cls: _class_hook(cls, made)) if detailed else (lambda cls: structure_fn(cls, made)),
    )
    made.register_unstructure_hook_factory(
        lambda kind: kind in DOCUMENT_CLASSES, lambda cls: unstructure_fn(cls, made)
    )
    return made


#: The converter that reports every problem with its path.
converter: Final = make_converter(detailed=True)
#: The same hooks, stopping at the first error: tried first by :func:`structure`.
quick_converter: Final = make_converter(detailed=False)


def quick_structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* from JSON-shaped *data*, raising whatever error comes first."""
    return quick_converter.structure(data, cls)


@checked
def structure(data: Any, cls: type[T], *, path: str = "$") -> T:
    """Build a *cls* from JSON-shaped *data*; raise :class:`~peelmodel.errors.DocumentError` listing every problem.

    *path* is where *data* stands in its document, for the problems' paths.
    """
    try:
        return quick_converter.structure(data, cls)
    except Exception:  # noqa: BLE001 - the detailed converter says what is wrong
        return _structure_detailed(data, cls, path)


def _structure_detailed(data: Any, cls: type[T], path: str) -> T:
    with reading() as budget:
        try:
            return converter.structure(data, cls)
        except Exception as error:  # noqa: BLE001 - every problem of the document becomes one DocumentError
            failure = error
    with reading() as listing:
        found = problems_of(failure, path)
    raise DocumentError(found, complete=not (budget.stopped or listing.stopped))


@checked
def unstructure(obj: Any, cls: Any = None) -> Any:
    """The JSON-shaped data (dicts, lists, strings, ints) of *obj*, written as a *cls* if given."""
    return converter.unstructure(obj, cls)
