"""The catalogue of inspection questions of PEEL 2014 to 2018/19, and the areas of PEEL 2021/22 on.

>>> from peelmodel import questions
>>> questions.get("peel-2015.effectiveness.3").text
'How effective is the force at protecting those who are vulnerable from harm and supporting victims?'
>>> [q.number for q in questions.children(questions.get("peel-2015.effectiveness"))]
['1', '2', '3', '4']

A five-grade programme's catalogue, ``questions-<programme>.json``, lists its
areas of policing (graded or not); each becomes an
:class:`~peelmodel.InspectionQuestion` with the id ``<programme>.<area>``.
:func:`areas_of` reads such a document strictly.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Final

from peelmodel._typecheck import checked
from peelmodel._validators import key_problems
from peelmodel.catalogues import programmes
from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.errors import DocumentError, InvalidValueError, Problem, UnknownReferenceError
from peelmodel.model.grade import FIVE_GRADE, Pillar, Programme
from peelmodel.model.question import InspectionQuestion, QuestionLevel

__all__ = [
    "InspectionQuestion",
    "QuestionLevel",
    "all",
    "areas",
    "areas_of",
    "children",
    "get",
    "headline",
    "lookup",
]

_CATALOGUES: Final = tuple(
    f"questions-{programme}.json"
    for programme in ("peel-2014", "peel-2015", "peel-2016", "peel-2017", "peel-2018-19")
)
#: The keys of an area catalogue, and of each of its areas.
_DOCUMENT_KEYS: Final = ("about", "programme", "sources", "areas")
#: Optional lists of texts beside them: what is still to be checked, and notes.
_OPTIONAL_KEYS: Final = ("unverified", "notes")
_AREA_KEYS: Final = ("id", "name", "graded", "source", "quote")
#: The keys of an area that hold the question's fields of these names.
_FILE_KEYS: Final = {"area": "id", "text": "name"}
_ADDRESS: Final = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?")


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value) and value == value.strip()


def _area_problems(area: object, path: str) -> list[Problem]:
    if not isinstance(area, dict):
        return [Problem(path, f"expected an object, found {area!r}")]
    found = key_problems(area, path, _AREA_KEYS)
    checks = (
        ("name", _text, "expected non-blank text"),
        ("quote", _text, "expected non-blank text"),
        ("graded", lambda v: type(v) is bool, "expected true or false"),
        (
            "source",
            lambda v: isinstance(v, str) and _ADDRESS.fullmatch(v),
            "expected a web address",
        ),
    )
    for key, valid, message in checks:
        if key in area and not valid(area[key]):
            found.append(Problem(f"{path}.{key}", f"{message}, found {area[key]!r}"))
    return found


def _programme_of(named: object) -> tuple[Programme | None, list[Problem]]:
    """The five-grade programme *named*, or the problem with it."""
    if not isinstance(named, str):
        return None, [Problem("$.programme", f"expected a programme id, found {named!r}")]
    try:
        programme = programmes.get(named)
    except UnknownReferenceError as error:
        return None, [Problem("$.programme", str(error))]
    if programme.scale is not FIVE_GRADE:
        found = f"must be a five-grade programme (found {programme.id!r})"
        return programme, [Problem("$.programme", found)]
    return programme, []


@checked
def areas_of(document: object, *, source: str | None = None) -> tuple[InspectionQuestion, ...]:
    """The areas of a five-grade programme's catalogue document (parsed JSON), in its order.

    Every problem is reported at once, with its path; unknown keys are refused.

    >>> areas_of({"about": "Areas.", "programme": "peel-2021-22", "sources": ["HMICFRS"],
    ...     "areas": [{"id": "investigating-crime", "name": "Investigating crime", "graded": True,
    ...     "source": "https://hmicfrs.justiceinspectorates.gov.uk/", "quote": "Investigating crime"}]})[0].id
    'peel-2021-22.investigating-crime'
    >>> areas_of({"programme": "peel-2015", "areas": []})
    Traceback (most recent call last):
    ...
    peelmodel.errors.DocumentError: invalid document (3 problems): $.about: required key missing; $.sources: required key missing; $.programme: must be a five-grade programme (found 'peel-2015')
    """
    if not isinstance(document, dict):
        raise DocumentError([Problem("$", f"expected an object, found {document!r}")], source)
    problems = key_problems(document, "$", _DOCUMENT_KEYS, _OPTIONAL_KEYS)
    programme, found = _programme_of(document.get("programme"))
    problems += found
    for key in ("sources", *_OPTIONAL_KEYS):
        texts = document.get(key, [])
        if not isinstance(texts, list) or any(not _text(t) for t in texts):
            problems.append(Problem(f"$.{key}", "expected an array of non-blank texts"))
    if "about" in document and not _text(document["about"]):
        problems.append(Problem("$.about", "expected non-blank text"))
    listed = document.get("areas", [])
    if not isinstance(listed, list):
        problems.append(Problem("$.areas", "expected an array"))
        listed = []
    built: list[InspectionQuestion] = []
    seen: set[object] = set()
    for index, area in enumerate(listed):
        path = f"$.areas[{index}]"
        found = _area_problems(area, path)
        problems += found
        if found or programme is None:
            continue
        if area["id"] in seen:
            problems.append(Problem(f"{path}.id", f"is listed twice (found {area['id']!r})"))
            continue
        seen.add(area["id"])
        try:
            built.append(
                InspectionQuestion(
                    programme=programme, area=area["id"], text=area["name"], graded=area["graded"]
                )
            )
        except InvalidValueError as error:
            problems.append(
                Problem(
                    f"{path}.{_FILE_KEYS.get(error.field, error.field)}",
                    f"{error.reason} (found {error.value!r})",
                )
            )
    if problems:
        raise DocumentError(problems, source)
    return tuple(built)


def _area_catalogues() -> list[str]:
    """The names of the area catalogues shipped: one per five-grade programme that has one."""
    folder = resources.files("peelmodel.catalogues") / "data"
    names = (f"questions-{p.id}.json" for p in programmes.all() if p.scale is FIVE_GRADE)
    return [name for name in names if folder.joinpath(name).is_file()]


def _build() -> list[InspectionQuestion]:
    built: list[InspectionQuestion] = []
    for name in _CATALOGUES:
        document = read_data(name)
        programme = programmes.get(document["programme"])
        built.extend(
            InspectionQuestion(
                programme=programme,
                pillar=Pillar(entry["pillar"]),
                number=entry["number"],
                text=entry["text"],
                graded=entry["graded"],
            )
            for entry in document["questions"]
        )
    for name in _area_catalogues():
        built.extend(areas_of(read_data(name), source=name))
    return built


_REGISTRY: Final = Registry[InspectionQuestion](
    "question", _build, key=lambda q: q.id, names=lambda q: (q.text,), first_of_shared=True
)


@checked
def get(question_id: str) -> InspectionQuestion:
    """Return the question with this id, such as ``"peel-2015.effectiveness.2"``."""
    return _REGISTRY.get(question_id)


@checked
def lookup(text: str) -> InspectionQuestion:
    """Return the question with this id or exact text, ignoring case.

    A text that several programmes ask finds the earliest programme's question.
    """
    return _REGISTRY.lookup(text)


@checked
def all(  # noqa: A001 - the registry's documented name
    *, programme: str | None = None, pillar: Pillar | None = None
) -> tuple[InspectionQuestion, ...]:
    """Every question, optionally of one programme and pillar, in catalogue order."""
    return tuple(
        q
        for q in _REGISTRY
        if (programme is None or q.programme.id == programme)
        and (pillar is None or q.pillar is pillar)
    )


@checked
def areas(programme: str | None = None) -> tuple[InspectionQuestion, ...]:
    """The areas of policing of the five-grade programmes (or of one), in catalogue order."""
    return tuple(q for q in all(programme=programme) if q.level is QuestionLevel.AREA)


@checked
def headline(programme: str, pillar: Pillar) -> InspectionQuestion:
    """The headline question of a programme's pillar: its grade is the overall judgment."""
    return get(f"{programme}.{pillar.value}")


@checked
def children(question: InspectionQuestion) -> tuple[InspectionQuestion, ...]:
    """The questions directly below *question*."""
    return tuple(q for q in _REGISTRY if q.parent_id == question.id)
