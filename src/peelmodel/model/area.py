"""Areas: England and Wales, its regions and the 43 police force areas."""

from __future__ import annotations

import enum
import re

import attrs

from peelmodel._validators import check_slug, check_text, check_tuple, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError

__all__ = ["ENGLAND_AND_WALES", "Area", "AreaKind", "Country", "Force"]

_ONS_CODE = re.compile(r"[EKW][0-9]{8}")


class AreaKind(enum.Enum):
    """What an area is: a police force area, a region, or England and Wales."""

    FORCE = "force"
    REGION = "region"
    NATIONAL = "national"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


class Country(enum.Enum):
    """The country a force polices in."""

    ENGLAND = "England"
    WALES = "Wales"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Area:
    """A place that figures are published for.

    >>> from peelmodel import areas
    >>> areas.get("england-and-wales").ons_code
    'K04000001'
    """

    id: str
    name: str
    ons_code: str
    kind: AreaKind
    aliases: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        owner = type(self).__name__
        check_slug(owner, "id", self.id)
        check_text(owner, "name", self.name)
        if not isinstance(self.ons_code, str):
            raise InvalidTypeError(owner, "ons_code", self.ons_code, "an ONS code like 'E23000030'")
        if not _ONS_CODE.fullmatch(self.ons_code):
            raise InvalidValueError(
                owner, "ons_code", self.ons_code, "must be an ONS code like 'E23000030'"
            )
        if not isinstance(self.kind, AreaKind):
            raise InvalidTypeError(owner, "kind", self.kind, "an AreaKind")
        check_tuple(owner, "aliases", self.aliases)
        for alias in self.aliases:
            check_text(owner, "aliases", alias)

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Force(Area):
    """A territorial police force and the area it polices.

    >>> from peelmodel import forces
    >>> hampshire = forces.get("hampshire")
    >>> hampshire.name, hampshire.ons_code, hampshire.region.id, hampshire.country
    ('Hampshire Constabulary', 'E23000030', 'south-east-region', <Country.ENGLAND: 'England'>)
    """

    kind: AreaKind = AreaKind.FORCE
    region: Area
    country: Country

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.kind is not AreaKind.FORCE:
            raise InvalidValueError("Force", "kind", self.kind, "must be AreaKind.FORCE")
        if not isinstance(self.region, Area):
            raise InvalidTypeError("Force", "region", self.region, "a region Area")
        if self.region.kind is not AreaKind.REGION:
            raise InvalidValueError("Force", "region", self.region, "must be a region Area")
        if not isinstance(self.country, Country):
            raise InvalidTypeError("Force", "country", self.country, "a Country")


#: England and Wales as a whole: the area every force is compared with.
ENGLAND_AND_WALES = Area(
    id="england-and-wales", name="England and Wales", ons_code="K04000001", kind=AreaKind.NATIONAL
)
