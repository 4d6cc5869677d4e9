"""Strict text, numbers and dates: what documents and constructors refuse, with the path and value."""

from __future__ import annotations

import json
from datetime import date

import pytest

from peelmodel import (
    Area,
    AreaKind,
    DocumentError,
    Inspection,
    InspectionQuestion,
    InvalidValueError,
    Period,
    Pillar,
    Recommendation,
    datasets,
    loads,
)
from peelmodel.catalogues import programmes, questions

DATASET_TEXT = datasets.text("hampshire-2015")
ARABIC_INDIC_FOUR = "\u0664"
FULLWIDTH_TWO = "\uff12"


def problems(text: str | bytes) -> list[str]:
    """The problems loads finds in *text*, as ``path: message`` strings."""
    with pytest.raises(DocumentError) as caught:
        loads(text, Inspection)
    return [str(problem) for problem in caught.value.problems]


def replaced(old: str, new: str) -> str:
    """The dataset with the first *old* replaced by *new*."""
    assert old in DATASET_TEXT
    return DATASET_TEXT.replace(old, new, 1)


class TestAsciiDigits:
    @pytest.mark.parametrize(
        ("old", "new", "path"),
        [
            ('"rate": "14.4"', f'"rate": "1{ARABIC_INDIC_FOUR}.4"', "$.outcome_rates[0].rate"),
            ('"rate": "14.4"', f'"rate": "{FULLWIDTH_TWO}4.4"', "$.outcome_rates[0].rate"),
            (
                '"published": "2016-02-01"',
                f'"published": "{FULLWIDTH_TWO}016-02-01"',
                "$.published",
            ),
            (
                '"period": "2014-07-01/2015-06-30"',
                f'"period": "2014-07-01/2015-06-3{ARABIC_INDIC_FOUR}"',
                "$.outcome_rates[0].period",
            ),
        ],
    )
    def test_documents_refuse_other_digits(self, old, new, path):
        """A number or date written with non-ASCII digits is refused where it stands."""
        found = problems(replaced(old, new))
        assert len(found) == 1
        assert found[0].startswith(f"{path}: ")
        assert repr(new.split('"')[3]) in found[0]

    def test_ons_code(self):
        """An ONS code takes ASCII digits only."""
        with pytest.raises(InvalidValueError, match="ons_code"):
            Area(
                id="somewhere",
                name="Somewhere",
                ons_code=f"E{FULLWIDTH_TWO}3000030",
                kind=AreaKind.REGION,
            )

    def test_question_number(self):
        """A question number takes ASCII digits only."""
        with pytest.raises(InvalidValueError, match="number"):
            InspectionQuestion(
                programme=programmes.get("peel-2015"),
                pillar=Pillar.EFFECTIVENESS,
                number=f"1{ARABIC_INDIC_FOUR}",
                text="A question?",
                graded=True,
            )

    def test_period_text(self):
        """Period.parse takes ASCII digits only."""
        with pytest.raises(InvalidValueError):
            Period.parse(f"2015-06-3{ARABIC_INDIC_FOUR}")


class TestText:
    @pytest.mark.parametrize("character", ["\ud800", "\x00", "\x07", "\n", "\x7f", "\x85", "\x9f"])
    def test_constructors_refuse(self, character):
        """Texts with a lone surrogate or a control character are refused."""
        with pytest.raises(InvalidValueError, match="control characters or lone surrogates"):
            Recommendation(
                question=questions.get("peel-2015.effectiveness.2"), text=f"Act{character}now."
            )

    @pytest.mark.parametrize(
        ("escape", "path"),
        [
            ("\\ud800", "$.title"),
            ("\\udc00", "$.title"),
            ("\\u0001", "$.title"),
            ("\\u009f", "$.title"),
        ],
    )
    def test_documents_refuse(self, escape, path):
        """An escaped surrogate or control character is refused, in str and in bytes."""
        text = replaced('"title": "PEEL', f'"title": "{escape}PEEL')
        from_text, from_bytes = problems(text), problems(text.encode())
        assert from_text == from_bytes
        assert from_text[0].startswith(f"{path}: must not contain control characters")

    def test_raw_surrogate_in_str(self):
        """A str holding a raw lone surrogate is refused at its path."""
        found = problems(replaced("Figure 4", "Figure \ud800 4"))
        assert found[0].startswith("$.outcome_rates[0].source: ")

    def test_notes(self):
        """A note with a control character names its index."""
        document = json.loads(DATASET_TEXT)
        document["notes"] = ["fine", "bell\x07"]
        found = problems(json.dumps(document))
        assert found[0].startswith("$.notes[1]: must not contain control characters")

    def test_other_unicode_is_text(self):
        """Non-ASCII letters, dashes and symbols are ordinary text."""
        inspection = loads(replaced("Figure 4", "Figure 4 \u2014 caf\u00e9 \u00a7"), Inspection)
        assert inspection.outcome_rates[0].source == "Figure 4 \u2014 caf\u00e9 \u00a7"

    @pytest.mark.parametrize("key", ["a b", "\ud800", "x\x00"])
    def test_odd_keys_are_quoted_in_paths(self, key):
        """An unknown key that is not a plain name is quoted in its path, in ASCII."""
        document = json.loads(DATASET_TEXT)
        document[key] = 1
        found = problems(json.dumps(document))
        assert found == [f"$[{json.dumps(key)}]: unknown key"]
        assert found[0].isascii()


class TestUtf8Only:
    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
    def test_utf16_and_utf32_refused(self, encoding):
        """UTF-16 and UTF-32 documents are refused, with or without a byte order mark."""
        (found,) = problems(DATASET_TEXT.encode(encoding))
        assert found.startswith("$: not UTF-8")

    def test_bom_refused(self):
        """A UTF-8 byte order mark is refused, in bytes and in str."""
        expected = ["$: starts with a byte order mark: write UTF-8 without one"]
        assert problems(DATASET_TEXT.encode("utf-8-sig")) == expected
        assert problems("\ufeff" + DATASET_TEXT) == expected

    def test_invalid_utf8(self):
        """Bytes that are not UTF-8 (an encoded surrogate) name the byte."""
        found = problems(b'{"title": "\xed\xa0\x80"}')
        assert found == ["$: not UTF-8 text: invalid continuation byte at byte 11"]

    @pytest.mark.parametrize("text", [None, 17, ["{}"]])
    def test_neither_str_nor_bytes(self, text):
        """loads reads str or bytes: anything else is a TypeError naming the parameter."""
        with pytest.raises(TypeError, match=r"peelmodel\.loads\.text: must be str or bytes"):
            loads(text, Inspection)

    def test_bytes_and_str_agree(self):
        """The same document gives the same result as str and as UTF-8 bytes."""
        assert loads(DATASET_TEXT, Inspection) == loads(DATASET_TEXT.encode(), Inspection)


class TestDateRange:
    @pytest.mark.parametrize("day", [date(1900, 1, 1), date(2100, 12, 31)])
    def test_limits_accepted(self, day):
        """1900-01-01 and 2100-12-31 are within range."""
        assert Period.as_at(day).end == day

    @pytest.mark.parametrize("day", [date.min, date(1899, 12, 31), date(2101, 1, 1), date.max])
    def test_out_of_range(self, day):
        """Dates outside 1900 to 2100 are refused by every constructor, never overflow."""
        with pytest.raises(InvalidValueError, match="must be from 1900-01-01 to 2100-12-31"):
            Period.as_at(day)
        with pytest.raises(InvalidValueError):
            Period.twelve_months_to(day)
        with pytest.raises(InvalidValueError):
            Period.parse(day.isoformat())

    def test_twelve_months_before_1900(self):
        """Twelve months to a day in 1900 would start in 1899: refused."""
        with pytest.raises(InvalidValueError, match=r"Period\.start"):
            Period.twelve_months_to(date(1900, 6, 30))

    def test_inspection_published(self):
        """An inspection's publication date is within range."""
        found = problems(replaced('"published": "2016-02-01"', '"published": "2101-02-01"'))
        assert found == ["$.published: must be from 1900-01-01 to 2100-12-31 (found '2101-02-01')"]

    @pytest.mark.parametrize("text", [None, 20150630, b"2015-06-30", ["2015-06-30"]])
    def test_parse_needs_a_string(self, text):
        """Period.parse refuses what is not a string with an InvalidValueError."""
        with pytest.raises(InvalidValueError, match="must be a string"):
            Period.parse(text)
