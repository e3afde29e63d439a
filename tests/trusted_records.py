"""A check for the typed builders that make Records without validation (construct_trusted)."""

from __future__ import annotations

from hkpolicy.spans import Record


def assert_built_like_validated(model: Record) -> None:
    """``model`` holds its fields in declaration order, and validating its own dump gives an
    equal model with the same JSON: what a builder skipped, validation would not have changed."""
    cls = type(model)
    assert list(model.__dict__) == list(cls.model_fields), "fields out of declaration order"
    validated = cls.model_validate(model.model_dump())
    assert validated == model
    assert validated.model_dump_json() == model.model_dump_json()
    assert model.__pydantic_fields_set__ <= set(cls.model_fields)
