"""Wrong-typed arguments: every public function and model class raises InvalidTypeError, a TypeError.

The cases are enumerated from the public modules' ``__all__``, the
signatures and the type hints: each parameter of each public function, and
each field of each model class, is given values its hint refuses.
"""

from __future__ import annotations

import collections.abc
import enum
import importlib
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import peelmodel
from peelmodel import (
    FOUR_GRADE,
    CauseOfConcern,
    InvalidTypeError,
    InvalidValueError,
    PeelModelError,
    Problem,
    Recommendation,
    datasets,
)
from peelmodel._typecheck import checked
from peelmodel.arithmetic import band
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
from peelmodel.claims import claims_of
from peelmodel.limits import limits_of
from peelmodel.model.provenance import JSON_KEY

#: The public modules whose functions are checked.
MODULES = (
    "peelmodel",
    "peelmodel.analysis",
    "peelmodel.analysis.aggregation",
    "peelmodel.analysis.reproduction",
    "peelmodel.analysis.scrutiny",
    "peelmodel.analysis.judging",
    "peelmodel.catalogues.aggregation_rules",
    "peelmodel.documents.records",
    "peelmodel.documents.numbers",
    "peelmodel.documents.backend",
    "peelmodel.arithmetic",
    "peelmodel.claims",
    "peelmodel.limits",
    "peelmodel.datasets",
    "peelmodel.documents",
    "peelmodel.grades",
    "peelmodel.findings",
    "peelmodel.tabular",
    "peelmodel.plot",
    "peelmodel.catalogues.areas",
    "peelmodel.catalogues.forces",
    "peelmodel.catalogues.programmes",
    "peelmodel.catalogues.questions",
    "peelmodel.catalogues.outcomes",
)
#: Values of many types: each case uses those its parameter's hint refuses.
CANDIDATES: tuple[object, ...] = (None, "text", 7, True, 1.5, b"bytes", object(), ["text"])


def _hints(obj: Any) -> dict[str, Any]:
    """The type hints of a function that can be resolved (some name types imported for checks only)."""
    target = inspect.unwrap(obj)
    try:
        return typing.get_type_hints(target)
    except NameError:
        namespace = {**vars(typing), **getattr(target, "__globals__", {})}
        found = {}
        for name, annotation in target.__annotations__.items():
            if not isinstance(annotation, str):
                found[name] = annotation
            elif all(part in namespace for part in _names_in(annotation)):
                found[name] = eval(annotation, namespace)  # noqa: S307 - the library's own hint
        return found


def _names_in(annotation: str) -> list[str]:
    return [part.split(".")[0] for part in re.findall(r"[A-Za-z_][\w.]*", annotation)]


def accepts(hint: Any, value: object) -> bool:  # noqa: PLR0911 - one case per kind of hint
    """Whether *hint* allows *value*, judged here independently of the library's checks."""
    origin = typing.get_origin(hint)
    if hint is Any or hint is object or isinstance(hint, typing.TypeVar):
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(accepts(argument, value) for argument in typing.get_args(hint))
    if origin is typing.Literal:
        return any(type(value) is type(argument) for argument in typing.get_args(hint))
    if hint is int:
        return type(value) is int
    if hint is float:
        return type(value) in (int, float)
    if origin is type:
        return isinstance(value, type)
    if hint is collections.abc.Callable or origin is collections.abc.Callable:
        return callable(value)
    kind = origin if isinstance(origin, type) else hint
    if not isinstance(kind, type):
        return True
    if isinstance(value, str | bytes) and kind in (
        collections.abc.Iterable,
        collections.abc.Sequence,
        collections.abc.Collection,
    ):
        return False
    if not isinstance(value, kind):
        return False
    arguments = typing.get_args(hint)
    homogeneous = kind is not tuple or (len(arguments) == 2 and arguments[1] is ...)
    if isinstance(value, list | tuple) and arguments and homogeneous:
        return all(accepts(arguments[0], item) for item in value)
    return True


def _functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function of :data:`MODULES`, by its dotted name."""
    seen: set[int] = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if not inspect.isfunction(obj) or id(obj) in seen:
                continue
            seen.add(id(obj))
            yield f"{module_name}.{name}", obj


def _function_cases() -> list[Any]:
    cases = []
    for name, function in _functions():
        hints = _hints(function)
        parameters = inspect.signature(function).parameters.values()
        cases.extend(
            pytest.param(
                function,
                parameter.name,
                value,
                id=f"{name}({parameter.name}={type(value).__name__})",
            )
            for parameter in parameters
            if parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
            for value in CANDIDATES
            if not accepts(hints.get(parameter.name, Any), value)
        )
    return cases


FUNCTION_CASES = _function_cases()


def _valid_objects() -> dict[type, object]:
    """One valid object of each model class, to rebuild with one field wrong."""
    report = datasets.load("hampshire-2015")
    record = datasets.grades_record()
    findings = datasets.findings_record()
    question = questions.get("peel-2015.effectiveness")
    recommendation = Recommendation(question=question, text="A recommendation.")
    found: list[object] = [
        areas.get("south-east-region"),
        forces.get("hampshire"),
        report.areas_for_improvement[0],
        CauseOfConcern(question=question, text="A cause.", recommendations=(recommendation,)),
        recommendation,
        report.figures[0],
        record.entries[0],
        FOUR_GRADE,
        report,
        question,
        report.judgments[0],
        record.statements[0],
        outcomes.group("out-of-court-formal"),
        report.outcome_rates[0],
        outcomes.type(1),
        report.figures[0].period,
        Problem("$.x", "a message"),
        programmes.get("peel-2015"),
        findings,
        findings.findings[0],
        findings.counts[0],
        next(e.inferred for e in record.entries if e.inferred is not None),
        next(e.history[0] for e in record.entries if e.history),
        next(e.conflicts[0] for e in record.entries if e.conflicts),
    ]
    claims = list(claims_of(report).values())
    claim = next(c for c in claims if c.formula.denominator)
    found += [
        claim,
        claim.formula,
        claim.formula.numerator[0],
        limits_of(claims)[0],
        band(Decimal("14.4")),
    ]
    return {type(obj): obj for obj in found}


VALID = _valid_objects()


#: The modules whose attrs classes are checked: the model, and the typed claims and limits.
CLASS_MODULES = ("peelmodel", "peelmodel.claims", "peelmodel.limits", "peelmodel.arithmetic")


def _class_cases() -> list[Any]:
    cases = []
    for module_name in CLASS_MODULES:
        module = importlib.import_module(module_name)
        cases.extend(_cases_of(module))
    return cases


def _cases_of(module: Any) -> list[Any]:
    cases = []
    for name in module.__all__:
        cls = getattr(module, name)
        if not (isinstance(cls, type) and attrs.has(cls)) or name == "GradesRecord":
            continue
        hints = typing.get_type_hints(cls)
        cases.extend(
            pytest.param(cls, field.name, value, id=f"{name}.{field.name}={type(value).__name__}")
            for field in attrs.fields(cls)
            if field.init  # a field the class computes itself takes no argument
            for value in CANDIDATES
            if not accepts(hints[field.name], value)
        )
    return cases


CLASS_CASES = _class_cases()


class TestEnumeration:
    def test_enough_cases(self):
        """The enumeration reaches every public function and model class: hundreds of cases."""
        assert len(FUNCTION_CASES) + len(CLASS_CASES) >= 400
        named = {case.values[0].__name__ for case in FUNCTION_CASES}
        assert {
            "loads",
            "dumps",
            "assess",
            "to_pandas",
            "select",
            "lookup",
            "round_half_up",
        } <= named

    def test_every_model_class_has_a_valid_sample(self):
        """Each attrs class checked (but the record, checked below) has a sample."""
        classes = {c.values[0] for c in CLASS_CASES}
        assert classes <= set(VALID)
        assert len(classes) >= 28


class TestFunctions:
    @pytest.mark.parametrize(("function", "parameter", "value"), FUNCTION_CASES)
    def test_wrong_type_is_a_type_error(self, function, parameter, value):
        """A refused argument raises InvalidTypeError naming the function and the parameter."""
        with pytest.raises(TypeError) as raised:
            function(**{parameter: value})
        error = raised.value
        assert isinstance(error, InvalidTypeError)
        assert isinstance(error, PeelModelError)
        assert error.field.partition("[")[0] == parameter
        assert error.owner.startswith("peelmodel.")
        if error.field == parameter:
            assert error.owner.endswith(f".{function.__name__}")
        assert f"{type(error.value).__name__} given" in str(error)

    def test_positional_arguments_are_checked(self):
        """The checks see positional arguments too, named by their parameter."""
        with pytest.raises(InvalidTypeError, match=r"loads\.cls: must be a class"):
            peelmodel.loads("{}", None)
        with pytest.raises(InvalidTypeError, match=r"assess\.inspection"):
            peelmodel.analysis.assess(None)

    def test_right_types_pass(self):
        """Arguments of the right types reach the function unchanged."""
        assert peelmodel.forces.lookup("hampshire").id == "hampshire"
        assert peelmodel.arithmetic.round_half_up(Fraction(1, 8), 2) == Decimal("0.13")


class TestClasses:
    @pytest.mark.parametrize(("cls", "field", "value"), CLASS_CASES)
    def test_wrong_field_type_is_a_type_error(self, cls, field, value):
        """A model class given a field of the wrong type raises InvalidTypeError naming it."""
        with pytest.raises(TypeError) as raised:
            attrs.evolve(VALID[cls], **{field: value})
        error = raised.value
        assert isinstance(error, InvalidTypeError)
        # A field documents hold under another key (EarlierGrade.since is "from") is named by it.
        names = {field, attrs.fields_dict(cls)[field].metadata.get(JSON_KEY, field)}
        assert any(name in error.field for name in names)
        assert error.owner == cls.__name__

    @pytest.mark.parametrize("field", ["entries", "statements", "notes"])
    def test_grades_record(self, field):
        """The grades record refuses a list where a tuple is needed, as a TypeError."""
        with pytest.raises(InvalidTypeError):
            attrs.evolve(datasets.grades_record(), **{field: None})


class TestStrategies:
    @pytest.mark.parametrize(
        ("name", "options"),
        [
            ("grades", {"scale": "four-grade"}),
            ("areas", {"kind": "force"}),
            ("forces", {"region": 7}),
            ("inspection_questions", {"graded": 1}),
            ("judgments", {"question": "peel-2015.effectiveness"}),
            ("grade_entries", {"state": "graded"}),
            ("grade_entries", {"force": "kent"}),
            ("outcome_types", {"period": "2015"}),
        ],
    )
    def test_wrong_option_type(self, name, options):
        """A strategy's option of the wrong type is a TypeError (and InvalidArgument) when drawn."""
        strategies = pytest.importorskip("peelmodel.strategies")
        strategy = getattr(strategies, name)(**options)

        @settings(max_examples=1, database=None, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def draw(_value: object) -> None:
            pass

        with pytest.raises(InvalidTypeError) as raised:
            draw()
        assert isinstance(raised.value, TypeError)


ENUMS = [
    getattr(peelmodel, name)
    for name in peelmodel.__all__
    if isinstance(getattr(peelmodel, name), type)
    and issubclass(getattr(peelmodel, name), enum.Enum)
]


class TestEnums:
    @pytest.mark.parametrize("kind", ENUMS, ids=lambda kind: kind.__name__)
    @pytest.mark.parametrize(
        "value", [None, 7, 1.5, b"good", object()], ids=lambda v: type(v).__name__
    )
    def test_value_of_the_wrong_type(self, kind, value):
        """An enumeration looked up with a value that is not text raises InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match=rf"^{kind.__name__}\.value: must be a string"):
            kind(value)

    @pytest.mark.parametrize("kind", ENUMS, ids=lambda kind: kind.__name__)
    def test_unknown_text_stays_a_value_error(self, kind):
        """Unknown text is a plain ValueError, as for any enumeration; known text is found."""
        with pytest.raises(ValueError, match="is not a valid") as raised:
            kind("no such value")
        assert not isinstance(raised.value, TypeError)
        member = next(iter(kind))
        assert kind(member.value) is member


class TestChecked:
    def test_hints_of_every_kind(self):
        """Optional, unions, bool for int, items of a tuple or list, and text for an iterable."""

        @checked
        def sample(
            text: str | None, count: int, names: tuple[str, ...] = (), *, items: Iterable[int] = ()
        ) -> tuple[object, ...]:
            return (text, count, names, items)

        assert sample(None, 3, ("a",), items=[1, 2]) == (None, 3, ("a",), [1, 2])
        for arguments, keywords, parameter in [
            ((7, 3), {}, "text"),
            (("a", True), {}, "count"),
            (("a", 3, ("a", 1)), {}, "names"),
            (("a", 3), {"items": "12"}, "items"),
            (("a", 3), {"items": [1, "2"]}, "items"),
        ]:
            with pytest.raises(InvalidTypeError) as raised:
                sample(*arguments, **keywords)
            assert raised.value.field == parameter

    def test_numbers_are_bounded(self):
        """A number with more than MAX_DIGITS digits is refused before the function runs."""

        @checked
        def identity(value: Decimal | int) -> Decimal | int:
            return value

        assert identity(10**9_000) == 10**9_000
        with pytest.raises(InvalidValueError, match="at most 10,000 digits"):
            identity(Decimal("1e10001"))
