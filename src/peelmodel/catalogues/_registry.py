"""A read-only, lazily built registry of reference entries."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from importlib import resources
from typing import Any, Generic, TypeVar

from peelmodel.errors import UnknownReferenceError

__all__ = ["Registry", "read_data"]

T = TypeVar("T")


def read_data(name: str) -> Any:
    """Parse one JSON file shipped in ``peelmodel/data``."""
    text = (resources.files("peelmodel.catalogues") / "data" / name).read_text(encoding="utf-8")
    return json.loads(text)


class Registry(Generic[T]):
    """Entries looked up by id, or case-insensitively by any of their names.

    A name that several entries share finds the first of them.

    The entries are built on first use, so importing a registry costs nothing.
    """

    def __init__(
        self,
        kind: str,
        build: Callable[[], Iterable[T]],
        key: Callable[[T], str],
        names: Callable[[T], Iterable[str]] = lambda _entry: (),
    ) -> None:
        self._kind = kind
        self._build = build
        self._key = key
        self._names = names

    @cached_property
    def _by_id(self) -> dict[str, T]:
        return {self._key(entry): entry for entry in self._build()}

    @cached_property
    def _by_name(self) -> dict[str, T]:
        index: dict[str, T] = {}
        for entry in self._by_id.values():
            for name in (self._key(entry), *self._names(entry)):
                index.setdefault(name.casefold(), entry)
        return index

    def get(self, key: str) -> T:
        """Return the entry whose id is exactly *key*."""
        try:
            return self._by_id[key]
        except (KeyError, TypeError):
            raise UnknownReferenceError(self._kind, key, self._by_id) from None

    def lookup(self, name: str) -> T:
        """Return the entry with *name* as its id or one of its names, ignoring case."""
        if not isinstance(name, str):
            raise UnknownReferenceError(self._kind, name, self._by_id)
        try:
            return self._by_name[name.strip().casefold()]
        except KeyError:
            raise UnknownReferenceError(self._kind, name, self._by_id) from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_id

    def __iter__(self) -> Iterator[T]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)
