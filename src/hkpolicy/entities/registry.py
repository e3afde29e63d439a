"""The registry of institutions and initiatives: :class:`Registry` and :func:`load_registry`.

The bundled data is ``hkpolicy/data/registry.json`` (schema in ``docs/registry.md``). Its
Simplified Chinese names are generated from the Traditional ones by ``scripts/registry_hans.py``
(OpenCC); the library itself needs no converter at run time.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from .matcher import Matcher
from .models import Domain, Initiative, Institution

__all__ = ["Registry", "load_registry"]


class Registry:
    """The trilingual registry: institutions and initiatives by id, plus the compiled matcher.

    Build one with :func:`load_registry` (the bundled data, cached), :meth:`from_dict` or
    :meth:`extended` (the bundled data plus a user's own entries).
    """

    def __init__(
        self, institutions: Iterable[Institution], initiatives: Iterable[Initiative]
    ) -> None:
        self.institutions: tuple[Institution, ...] = tuple(institutions)
        self.initiatives: tuple[Initiative, ...] = tuple(initiatives)
        self._by_id: dict[str, Institution | Initiative] = {}
        entities: tuple[Institution | Initiative, ...] = (*self.institutions, *self.initiatives)
        for entity in entities:
            if entity.id in self._by_id:
                raise ValueError(f"Duplicate registry id: {entity.id!r}")
            self._by_id[entity.id] = entity

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Registry:
        """A registry from the JSON structure documented in ``docs/registry.md``."""
        return cls(
            (Institution.model_validate(row) for row in data.get("institutions", ())),
            (Initiative.model_validate(row) for row in data.get("initiatives", ())),
        )

    def extended(self, data: Mapping[str, Any]) -> Registry:
        """This registry plus the entries in ``data``; an entry with a known id replaces it."""
        extra = Registry.from_dict(data)
        replaced = set(extra._by_id)
        return Registry(
            (*(i for i in self.institutions if i.id not in replaced), *extra.institutions),
            (*(i for i in self.initiatives if i.id not in replaced), *extra.initiatives),
        )

    def __getitem__(self, entity_id: str) -> Institution | Initiative:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, entity_id: str) -> Institution | Initiative | None:
        """The entry with this id, or None."""
        return self._by_id.get(entity_id)

    def institution(self, entity_id: str) -> Institution:
        """The institution with this id; KeyError when there is none."""
        entity = self._by_id[entity_id]
        if not isinstance(entity, Institution):
            raise KeyError(entity_id)
        return entity

    def initiative(self, entity_id: str) -> Initiative:
        """The initiative with this id; KeyError when there is none."""
        entity = self._by_id[entity_id]
        if not isinstance(entity, Initiative):
            raise KeyError(entity_id)
        return entity

    def domain(self, entity_id: str) -> Domain:
        """Whether the id names an institution or an initiative."""
        return "institution" if isinstance(self._by_id[entity_id], Institution) else "initiative"

    def current(self, entity_id: str) -> Institution:
        """The body that carries on ``entity_id`` today, following successor links (ITB -> ITIB)."""
        seen = {entity_id}
        body = self.institution(entity_id)
        while body.successor is not None and body.successor not in seen:
            seen.add(body.successor)
            body = self.institution(body.successor)
        return body

    @functools.cached_property
    def _matcher(self) -> Matcher:
        return Matcher(self.institutions, self.initiatives)

    def __repr__(self) -> str:
        return (
            f"<Registry: {len(self.institutions)} institutions, "
            f"{len(self.initiatives)} initiatives>"
        )


@functools.cache
def load_registry() -> Registry:
    """The bundled registry, read once from ``hkpolicy/data/registry.json``.

    >>> registry = load_registry()
    >>> registry.institution("itb").successor, registry.current("ogcio").id
    ('itib', 'dpo')
    """
    from importlib.resources import files

    raw = files("hkpolicy.data").joinpath("registry.json").read_text(encoding="utf-8")
    return Registry.from_dict(json.loads(raw))
