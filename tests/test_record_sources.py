"""Every entry of the record files ties to its source: a short quote that states it.

These tests read every shipped file (the earlier record's entries that carry
quotes, every ``grades-*.json`` and ``findings-*.json``) and the test data of
``tests/data/five-grade``, which the same rules bind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from peelmodel import FindingsRecord, GradeEntry, GradesRecord, RecordState, datasets
from peelmodel.model.grade import Grade
from peelmodel.model.provenance import MAX_QUOTE

FIVE_GRADE_DATA = Path(__file__).resolve().parent / "data" / "five-grade"

#: Numbers as the pages write them in words.
WORDS = (
    *("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)


def shipped_grades() -> list[tuple[str, GradesRecord]]:
    """The shipped programme grade files, each read on its own."""
    return [
        (name, datasets.read_grades(datasets.text(name), source=name))
        for name in datasets.record_files("grades")
    ]


def all_findings() -> list[tuple[str, FindingsRecord]]:
    """The shipped findings files, each read on its own."""
    return [
        (name, datasets.read_findings(datasets.text(name), source=name))
        for name in datasets.record_files("findings")
    ]


def names_grade(quote: str, grade: Grade) -> bool:
    """Whether *quote* names *grade* as pages write it, ignoring case.

    "Requires improvement" is also written "required improvement" or "require
    improvement"; the other grades are one word each.
    """
    if grade is Grade.REQUIRES_IMPROVEMENT:
        return re.search(r"\brequir(?:es|ed|e|ing) improvement\b", quote, re.IGNORECASE) is not None
    return re.search(rf"\b{grade.value}\b", quote, re.IGNORECASE) is not None


def states_number(quote: str, number: int) -> bool:
    """Whether *quote* gives *number*, in figures or in words."""
    if re.search(rf"(?<![0-9]){number}(?![0-9])", quote):
        return True
    if number == 1 and re.search(r"\b(?:a|an|one|single)\b", quote, re.IGNORECASE):
        return True
    return (
        number < len(WORDS) and re.search(rf"\b{WORDS[number]}\b", quote, re.IGNORECASE) is not None
    )


def check_entry(entry: GradeEntry) -> None:
    """A graded entry's quote is short and names the grade; a known entry names its kind of source."""
    where = f"{entry.force.id} {entry.question.id}"
    if entry.state is RecordState.GRADED:
        assert entry.quote, f"{where}: no quote"
        assert len(entry.quote) <= MAX_QUOTE, where
        assert entry.grade is not None
        assert names_grade(entry.quote, entry.grade), f"{where}: {entry.quote!r}"
    for earlier in entry.history:
        assert names_grade(earlier.quote, earlier.grade), f"{where}: {earlier.quote!r}"
    for conflict in entry.conflicts:
        assert names_grade(conflict.quote, conflict.grade), f"{where}: {conflict.quote!r}"
        assert conflict.why_not_followed


def check_grades(record: GradesRecord) -> None:
    """Every graded entry and every statement of *record* ties to its quote."""
    for entry in record.entries:
        check_entry(entry)
    for statement in record.statements:
        assert statement.quote, statement
        assert len(statement.quote) <= MAX_QUOTE
        assert states_number(statement.quote, statement.count), statement.quote


def check_findings(record: FindingsRecord) -> None:
    """Every finding has its text and source; every count's quote gives its number."""
    for finding in record.findings:
        assert finding.text
        assert finding.source.startswith(("http://", "https://"))
    for count in record.counts:
        assert len(count.quote) <= MAX_QUOTE
        assert states_number(count.quote, count.count), count.quote


@contextmanager
def annotated(name: str) -> Iterator[None]:
    """Name the file in a failed check's message."""
    try:
        yield
    except AssertionError as error:
        raise AssertionError(f"{name}: {error}") from None


class TestGradesQuotes:
    def test_shipped_files(self):
        """Every entry of every shipped grades-*.json ties to a quote that names its grade."""
        for name, record in shipped_grades():
            with annotated(name):
                check_grades(record)

    def test_earlier_record_quotes(self):
        """Entries of peel-grades.json that carry quotes (the optional keys) name their grade too."""
        for entry in datasets.grades_record().entries:
            if entry.quote is not None and entry.state is RecordState.GRADED:
                check_entry(entry)

    def test_test_data(self, five_grade):
        """The test data keeps the same rules, so the checks above are checked."""
        check_grades(five_grade.grades)

    def test_a_quote_without_the_grade_fails(self, five_grade):
        """A quote that does not name the grade is caught."""
        entry = next(e for e in five_grade.grades.entries if e.grade is Grade.ADEQUATE)
        wrong = GradeEntry(
            force=entry.force,
            question=entry.question,
            state=entry.state,
            grade=Grade.GOOD,
            last_updated=None,
            source=entry.source,
            source_kind=entry.source_kind,
            quote=entry.quote,
        )
        with pytest.raises(AssertionError):
            check_entry(wrong)


class TestFindingsSources:
    def test_shipped_files(self):
        """Every shipped finding has text and a source; every count a quote with its number."""
        for name, record in all_findings():
            with annotated(name):
                check_findings(record)

    def test_test_data(self, five_grade):
        """The test data keeps the same rules."""
        check_findings(five_grade.findings)

    def test_grade_wording(self):
        """A grade is found in its inflections, and not inside another word."""
        assert names_grade(
            "the force required improvement in four areas", Grade.REQUIRES_IMPROVEMENT
        )
        assert names_grade("Investigating crime: Good", Grade.GOOD)
        assert not names_grade("goodwill", Grade.GOOD)
        assert not names_grade("improvement is required", Grade.REQUIRES_IMPROVEMENT)

    def test_numbers_in_words(self):
        """A count may be written in figures or in words, but must be there."""
        assert states_number("HMICFRS found 12 areas for improvement", 12)
        assert states_number("It found five areas for improvement", 5)
        assert not states_number("It found 15 areas for improvement", 5)
        assert not states_number("several areas for improvement", 3)
        assert states_number("we identified a cause of concern", 1)
        assert not states_number("we identified a cause of concern", 2)
