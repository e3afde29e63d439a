"""Tests for the bundled registry (src/hkpolicy/data/registry.json): schema, links, counts."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import pytest

from hkpolicy.entities import Initiative, Institution, Registry, load_registry

RAW = json.loads(files("hkpolicy.data").joinpath("registry.json").read_text(encoding="utf-8"))
INSTITUTION_FIELDS = set(Institution.model_fields) - {"mentions", "registered"}
INITIATIVE_FIELDS = set(Initiative.model_fields) - {"mentions", "registered", "text_owners"}


def test_counts() -> None:
    registry = load_registry()
    assert len(registry.institutions) >= 250
    assert len(registry.initiatives) >= 120


def test_rows_use_only_documented_fields() -> None:
    assert RAW["schema_version"] == 1
    for row in RAW["institutions"]:
        assert set(row) <= INSTITUTION_FIELDS, row["id"]
    for row in RAW["initiatives"]:
        assert set(row) <= INITIATIVE_FIELDS, row["id"]


def test_ids_are_unique_across_both_lists() -> None:
    ids = [row["id"] for row in (*RAW["institutions"], *RAW["initiatives"])]
    assert len(ids) == len(set(ids))


def test_parents_and_owners_exist() -> None:
    registry = load_registry()
    for body in registry.institutions:
        if body.parent is not None:
            assert isinstance(registry.get(body.parent), Institution), body.id
    for initiative in registry.initiatives:
        if initiative.owner is not None:
            assert isinstance(registry.get(initiative.owner), Institution), initiative.id
        if initiative.parent is not None:
            assert isinstance(registry.get(initiative.parent), Initiative), initiative.id
        if initiative.end_year is not None:
            assert initiative.start_year is None or initiative.start_year <= initiative.end_year


def test_rename_links_point_both_ways() -> None:
    registry = load_registry()
    for body in registry.institutions:
        if body.successor is not None:
            successor = registry.institution(body.successor)
            assert body.id in successor.predecessors, body.id
            assert body.valid_to is not None and successor.valid_from is not None
            assert body.valid_to < successor.valid_from, body.id
        for old in body.predecessors:
            assert registry.institution(old).successor == body.id, body.id


@pytest.mark.parametrize(
    ("old", "new", "last_day"),
    [("itb", "itib", "2022-06-30"), ("ogcio", "dpo", "2024-07-24"), ("effo", "dpo", "2024-07-24")],
)
def test_known_renames(old: str, new: str, last_day: str) -> None:
    registry = load_registry()
    assert registry.institution(old).successor == new
    assert str(registry.institution(old).valid_to) == last_day
    assert registry.current(old).id == new


def test_every_entry_has_a_name_in_each_script() -> None:
    registry = load_registry()
    entries = (*registry.institutions, *registry.initiatives)
    assert [e.id for e in entries if not (e.name and e.name_zh and e.name_zh_hans)] == []


def test_every_chinese_name_has_its_simplified_form() -> None:
    for entity in (*load_registry().institutions, *load_registry().initiatives):
        assert bool(entity.name_zh) == bool(entity.name_zh_hans), entity.id


def test_simplified_data_is_what_opencc_generates() -> None:
    pytest.importorskip("opencc", reason="OpenCC comes with the test extra")
    from hkpolicy.entities import hans_build

    convert = hans_build.converter()
    stored = files("hkpolicy.data").joinpath("registry.json").read_text(encoding="utf-8")
    assert hans_build.registry_text(hans_build.with_simplified(RAW, convert)) == stored
    chars = files("hkpolicy.data").joinpath("hans_chars.json").read_text(encoding="utf-8")
    assert hans_build.hans_chars_text(hans_build.hans_chars(RAW, convert)) == chars
    assert convert("創新及科技基金") == "创新及科技基金"


def _registered_forms() -> list[tuple[str, str, str]]:
    rows = []
    for entity in (*load_registry().institutions, *load_registry().initiatives):
        names = [entity.name, entity.name_zh, entity.name_zh_hans, entity.acronym]
        names += [*entity.aliases, *entity.aliases_zh_hans]
        rows += [(entity.id, name, _sentence(name)) for name in names if name]
    return rows


def _sentence(name: str) -> str:
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return f"據報，{name}今日公布最新安排。"
    return f"On Monday, {name} announced new arrangements."


@pytest.mark.parametrize(("entity_id", "name", "sentence"), _registered_forms())
def test_every_registered_name_is_recognised_in_a_sentence(
    entity_id: str, name: str, sentence: str
) -> None:
    from hkpolicy.entities import find_initiatives, find_institutions

    registry = load_registry()
    if registry.domain(entity_id) == "institution":
        found = find_institutions(sentence)
        if registry.institution(entity_id).kind == "government":
            assert found == [], name  # governments are not reported (docs/registry.md)
            return
    else:
        found = find_initiatives(sentence)
    start = sentence.index(name.removeprefix("The ").removeprefix("the "))
    assert [(m.id, m.span.start) for m in found] == [(entity_id, start)], name


def test_no_surface_form_names_two_entities() -> None:
    registry = load_registry()
    owner: dict[str, str] = {}
    for entity in (*registry.institutions, *registry.initiatives):
        forms = [entity.name, entity.name_zh, entity.acronym, *entity.aliases]
        for form in {f.casefold().removeprefix("the ") for f in forms if f}:
            assert owner.setdefault(form, entity.id) == entity.id, (form, entity.id)


def test_required_bodies_are_present() -> None:
    registry = load_registry()
    for entity_id in [
        "hku",
        "cuhk",
        "hkust",
        "polyu",
        "cityu",
        "hkbu",
        "lingnan",
        "eduhk",
        "hkmu",
        "itb",
        "itib",
        "itc",
        "ogcio",
        "dpo",
        "hkma",
        "sfc",
        "pcpd",
        "investhk",
        "hktdc",
        "hkpc",
        "flair",
        "hkstp",
        "science_park",
        "innocentre",
        "tpie",
        "tkoie",
        "ylie",
        "hsitp",
        "cyberport",
        "aisc",
        "astri",
        "lscm",
        "nami",
        "hkrita",
        "apas",
        "ugc",
        "rgc",
        "ofca",
        "csd",
        "legco",
        "sensetime",
        "hsbc",
        "hkust_bdi",
    ]:
        assert isinstance(registry.get(entity_id), Institution), entity_id
    for entity_id in [
        "itf",
        "tvp",
        "raise_plus",
        "rth",
        "innohk",
        "smart_city_blueprint",
        "smart_city_blueprint_2",
        "itdb",
        "hk2030plus",
        "northern_metropolis",
        "nifs",
        "nias",
        "ai_subsidy_scheme",
        "cip",
        "hkstp_incubation",
    ]:
        assert isinstance(registry.get(entity_id), Initiative), entity_id


def test_user_extension() -> None:
    registry = load_registry().extended(
        {
            "institutions": [
                {"id": "lrri", "name": "Lion Rock Robotics Institute", "acronym": "LRRI"}
            ]
        }
    )
    assert registry.institution("lrri").acronym == "LRRI"
    from hkpolicy.entities import find_institutions

    assert [m.id for m in find_institutions("LRRI and HKUST", registry=registry)] == [
        "lrri",
        "hkust",
    ]
    with pytest.raises(ValueError, match="Duplicate registry id"):
        Registry.from_dict({"institutions": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]})


def test_registry_is_loaded_once_and_lazily() -> None:
    assert load_registry() is load_registry()
    code = "import sys, hkpolicy; print('hkpolicy.abbrev' in sys.modules, 'regex' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "False"


def test_a_users_chinese_name_is_found_in_simplified_text_too() -> None:
    from hkpolicy.entities import find_institutions

    registry = load_registry().extended(
        {"institutions": [{"id": "hkdii", "name": "Hong Kong Digital Innovation Institute",
                           "name_zh": "香港數碼創新研究院"}]}
    )  # fmt: skip
    # the guess converts the characters the registry's own names use (數, 碼, 創 here)
    found = find_institutions("香港数码创新研究院与香港數碼創新研究院", registry=registry)
    assert [(m.id, m.span.text, m.match) for m in found] == [
        ("hkdii", "香港数码创新研究院", "name_zh_hans"),
        ("hkdii", "香港數碼創新研究院", "name_zh"),
    ]
