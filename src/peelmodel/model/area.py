"""Areas: England and Wales, its regions and the 43 police force areas."""

from __future__ import annotations

import enum
import re

import attrs

from peelmodel._validators import check_slug, check_text, check_tuple
from peelmodel.errors import InvalidValueError

__all__ = ["Area", "AreaKind", "Force"]

_ONS_CODE = re.compile(r"[EKW][0-9]{8}")


class AreaKind(enum.Enum):
    """What an area is: a police force area, a region, or England and Wales."""

    FORCE = "force"
    REGION = "region"
    NATIONAL = "national"


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
        if not isinstance(self.ons_code, str) or not _ONS_CODE.fullmatch(self.ons_code):
            raise InvalidValueError(
                owner, "ons_code", self.ons_code, "must be an ONS code like 'E23000030'"
            )
        if not isinstance(self.kind, AreaKind):
            raise InvalidValueError(owner, "kind", self.kind, "must be an AreaKind")
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
    >>> hampshire.name, hampshire.ons_code, hampshire.region
    ('Hampshire Constabulary', 'E23000030', 'south-east-region')
    """

    kind: AreaKind = AreaKind.FORCE
    region: str
    country: str

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.kind is not AreaKind.FORCE:
            raise InvalidValueError("Force", "kind", self.kind, "must be AreaKind.FORCE")
        check_slug("Force", "region", self.region)
        if not isinstance(self.country, str) or self.country not in {"England", "Wales"}:
            raise InvalidValueError(
                "Force", "country", self.country, "must be 'England' or 'Wales'"
            )
