"""Tests for hkpolicy.entities: registry mentions, definitions, discovery, grouping, boilerplate.

SEED_MENTIONS pins every institution and initiative mention in the five seeds, from a hand review
of the texts (see the notes on each seed for what was deliberately left out).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkpolicy.entities import (
    EntityMention,
    Initiative,
    Institution,
    find_initiatives,
    find_institutions,
    load_registry,
    recognize_entities,
)

from .conftest import seed_text

# Text the corpus code marks as boilerplate: SEO fragments and the related-articles footer.
BOILERPLATE_MARKERS = ("香港AI", "HongĀ KongĀ AI")
FOOTER_START = "Industry Spotlights: Where Demand"


def boilerplate(text: str) -> list[tuple[int, int]]:
    ranges = []
    for marker in BOILERPLATE_MARKERS:
        start = text.find(marker)
        while start != -1:
            ranges.append((start, start + len(marker)))
            start = text.find(marker, start + 1)
    footer = text.find(FOOTER_START)
    if footer != -1:
        ranges.append((footer, len(text)))
    return ranges


def mentions(text: str, **kwargs: object) -> list[tuple[str, str]]:
    found = find_institutions(text, **kwargs) + find_initiatives(text, **kwargs)  # type: ignore[arg-type]
    return [(m.span.text, m.id) for m in sorted(found, key=lambda m: m.span.start)]


# (seed, [(surface, id), ...] in text order). Left out on purpose, as no institution or initiative:
# "Greater Bay Area" (a region), "World Artificial Intelligence Conference (WAIC)" (an event),
# NeurIPS/ICML (conferences), "IEEE Transactions on ..." (a journal title), GPT-4, DALL-E,
# Stable Diffusion, Midjourney, Runway ML (products and tools), "Photo: AP/Reuters" (credits),
# "Chief Executive" and "Financial Secretary" (office holders), "2024-2025 budget".
SEED_MENTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "000",
        [
            ("Smart City Blueprint for Hong Kong", "smart_city_blueprint"),
            ("Hong Kong University of Science and Technology", "hkust"),
            ("HKUST", "hkust"),
            ("University of Hong Kong", "hku"),
            ("HKU", "hku"),
            ("Chinese University of Hong Kong", "cuhk"),
            ("CUHK", "cuhk"),
        ],
    ),
    (
        "001",
        [
            ("SenseTime", "sensetime"),
            ("SenseTime", "sensetime"),
            ("Hong Kong University of Science and Technology", "hkust"),
            ("HKUST", "hkust"),
            ("Chinese University of Hong Kong", "cuhk"),
            ("CUHK", "cuhk"),
            ("Innovation and Technology Bureau", "itb"),
        ],
    ),
    (
        "002",
        [
            ("Smart City Blueprint", "smart_city_blueprint"),
            (
                "Hong Kong 2030+: Towards a Planning Vision and Strategy Transcending 2030",
                "hk2030plus",
            ),
        ],
    ),
    (
        "003",
        [
            ("Hong Kong Productivity Council", "hkpc"),
            ("Hong Kong Innovation and Technology Development Blueprint", "itdb"),
            ("Hong Kong University of Science and Technology", "hkust"),
            ("HKUST", "hkust"),
            ("School of Engineering", "new:school-of-engineering"),
            (
                "Department of Computer Science and Engineering",
                "new:department-of-computer-science-and-engineering",
            ),
            ("HKUST", "hkust"),
            ("HSBC Hong Kong", "hsbc"),
            ("Hong Kong Science and Technology Parks Corporation", "hkstp"),
            ("HKUST", "hkust"),
            (
                "Department of Computer Science and Engineering",
                "new:department-of-computer-science-and-engineering",
            ),
            ("SIS HKUST", "hkust"),
            ("HKUST Big Data Institute", "hkust_bdi"),
            ("Center for Artificial Intelligence Research", "hkust_caire"),
            ("HKUST", "hkust"),
            ("HKUST Big Data Institute", "hkust_bdi"),
            ("HKUST", "hkust"),
            ("HKUST", "hkust"),
            ("HKUST", "hkust"),
            ("Dual Degree Program in Technology and Management", "hkust_tm_ddp"),
            ("Innovation and Technology Fund", "itf"),
            ("Hong Kong Science Park", "science_park"),
            ("Cyberport", "cyberport"),
            ("Office of the Government Chief Information Officer", "ogcio"),
            ("AI Subsidy Scheme", "ai_subsidy_scheme"),
            ("Hong Kong Applied Science and Technology Research Institute", "astri"),
            ("AI Design Lab", "new:ai-design-lab"),
            ("InvestHK", "investhk"),
            ("Hong Kong Coalition of Professional Services", "hkcps"),
            ("HKUST", "hkust"),
            ("SIS HKUST", "hkust"),
            ("AI Strategy 2.0", "new:ai-strategy-2-0"),
        ],
    ),
    (
        "004",
        [
            ("SCMP", "scmp"),
            ("Cyberport", "cyberport"),
            ("Hong Kong Science and Technology Parks", "hkstp"),
            ("HKSTP", "hkstp"),
            ("Hong Kong Trade Development Council", "hktdc"),
            ("Hong Kong Industrial Artificial Intelligence & Robotics Centre", "flair"),
            ("FLAIR", "flair"),
            ("Hong Kong Productivity Council", "hkpc"),
            ("HKSTP", "hkstp"),
        ],
    ),
]


@pytest.mark.parametrize(("seed", "expected"), SEED_MENTIONS, ids=[s for s, _ in SEED_MENTIONS])
def test_seed_mentions_found_and_resolved(seed: str, expected: list[tuple[str, str]]) -> None:
    text = seed_text(seed)
    assert mentions(text, skip=boilerplate(text), doc_id=seed) == expected


def test_seed_spans_point_into_the_text() -> None:
    text = seed_text("003")
    for mention in find_institutions(text, doc_id="003"):
        assert text[mention.span.start : mention.span.end] == mention.span.text
        assert mention.span.doc_id == "003"


def test_hkust_under_all_its_surface_forms_is_one_entity() -> None:
    text = seed_text("003")
    institutions, _ = recognize_entities(text, skip=boilerplate(text))
    hkust = next(i for i in institutions if i.id == "hkust")
    assert {s.text for s in hkust.mentions} == {
        "Hong Kong University of Science and Technology",
        "HKUST",
        "SIS HKUST",
    }
    assert len(hkust.mentions) == 11
    # "HKUST Big Data Institute" is one mention of its own body, not HKUST plus a remainder
    bdi = next(i for i in institutions if i.id == "hkust_bdi")
    assert bdi.parent == "hkust" and len(bdi.mentions) == 2


def test_innovation_and_technology_bureau_knows_its_rename() -> None:
    institutions, _ = recognize_entities(seed_text("001"))
    itb = next(i for i in institutions if i.id == "itb")
    assert itb.name == "Innovation and Technology Bureau"
    assert itb.successor == "itib"
    assert str(itb.valid_to) == "2022-06-30"
    assert load_registry().current("itb").name == "Innovation, Technology and Industry Bureau"


def test_ogcio_knows_its_2024_successor() -> None:
    institutions, _ = recognize_entities(seed_text("003"))
    ogcio = next(i for i in institutions if i.id == "ogcio")
    assert ogcio.name == "Office of the Government Chief Information Officer"
    assert ogcio.successor == "dpo"
    assert load_registry().institution("dpo").predecessors == ("ogcio", "effo")


def test_ai_subsidy_scheme_is_attributed_to_ogcio_by_the_text() -> None:
    """The seed says OGCIO launched it; the public record has Cyberport administer it (2024)."""
    _, initiatives = recognize_entities(seed_text("003"))
    scheme = next(i for i in initiatives if i.id == "ai_subsidy_scheme")
    assert scheme.text_owners == ("ogcio",)
    assert scheme.owner == "cyberport"
    assert scheme.registered


def test_discovered_initiative_takes_its_owner_from_the_text() -> None:
    text = 'The Hong Kong Productivity Council has launched the "Smart Factory Voucher Scheme".'
    _, initiatives = recognize_entities(text)
    assert [(i.id, i.registered, i.owner, i.kind) for i in initiatives] == [
        ("new:smart-factory-voucher-scheme", False, "hkpc", "scheme")
    ]


def test_boilerplate_spans_are_skipped() -> None:
    text = "HKUST said. 香港AI HKUST Cyberport"
    assert [m.span.text for m in find_institutions(text)] == ["HKUST", "HKUST", "Cyberport"]
    assert [m.span.start for m in find_institutions(text, skip=[(12, 22)])] == [0, 23]


# --------------------------------------------------------------------------------------------
# matching rules on plain strings: (text, expected [(surface, id)], reason)

RULE_EXAMPLES: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "the HKUST Big Data Institute",
        [("HKUST Big Data Institute", "hkust_bdi")],
        "longest match wins",
    ),
    ("hkust and Hkust", [], "acronyms are case-sensitive"),
    (
        "THE UNIVERSITY OF HONG KONG",
        [("UNIVERSITY OF HONG KONG", "hku")],
        "full names are case-insensitive, the leading 'the' is optional",
    ),
    ("HKUSTX and XHKU", [], "English word boundaries"),
    ("HKUST's lab", [("HKUST", "hkust")], "a possessive ends the word"),
    (
        "The Chinese University of Hong Kong",
        [("Chinese University of Hong Kong", "cuhk")],
        "CUHK's full name, not HKU inside it",
    ),
    (
        "Hong Kong\nScience Park",
        [("Hong Kong\nScience Park", "science_park")],
        "a line break inside a name",
    ),
    (
        "the Hong Kong–Shenzhen Innovation and Technology Park",
        [("Hong Kong–Shenzhen Innovation and Technology Park", "hsitp")],
        "an en dash for the hyphen",
    ),
    (
        "Innovation, Technology and Industry Bureau",
        [("Innovation, Technology and Industry Bureau", "itib")],
        "a comma inside the name",
    ),
    (
        "Smart City Blueprint for Hong Kong 2.0 replaced the first one",
        [("Smart City Blueprint for Hong Kong 2.0", "smart_city_blueprint_2")],
        "the 2.0 blueprint is its own initiative",
    ),
    (
        "RAISe+ and the Technology Voucher Programme (TVP)",
        [("RAISe+", "raise_plus"), ("Technology Voucher Programme", "tvp"), ("TVP", "tvp")],
        "an acronym ending in a symbol",
    ),
    (
        "Hong Kong Science and Technology Parks Corporation (HKSTPC) runs InnoCentre. HKSTPC said",
        [
            ("Hong Kong Science and Technology Parks Corporation", "hkstp"),
            ("HKSTPC", "hkstp"),
            ("InnoCentre", "innocentre"),
            ("HKSTPC", "hkstp"),
        ],
        "a definition teaches the document an alias",
    ),
    ("HKSTPC said", [], "an undefined acronym is not guessed"),
    (
        "Their data protection officer (DPO) said. The DPO agreed. Digital Policy Office",
        [("Digital Policy Office", "dpo")],
        "a document's own definition masks a registry acronym",
    ),
    (
        "The Lion Rock Robotics Institute (LRRI) opened. LRRI hired staff.",
        [
            ("Lion Rock Robotics Institute", "new:lion-rock-robotics-institute"),
            ("LRRI", "new:lion-rock-robotics-institute"),
            ("LRRI", "new:lion-rock-robotics-institute"),
        ],
        "a definition of an unregistered name produces a discovered entity",
    ),
    (
        "The University of Macau and the Kowloon Data Council met",
        [
            ("University of Macau", "new:university-of-macau"),
            ("Kowloon Data Council", "new:kowloon-data-council"),
        ],
        "discovery: University of X, X Council",
    ),
    (
        "Acme Robotics Limited joined the Green Tide Fund and the Harbour Talent Programme",
        [
            ("Acme Robotics Limited", "new:acme-robotics-limited"),
            ("Green Tide Fund", "new:green-tide-fund"),
            ("Harbour Talent Programme", "new:harbour-talent-programme"),
        ],
        "discovery: X Limited, X Fund, X Programme",
    ),
    (
        "Government Support and Initiatives: The Rise of AI Startups",
        [],
        "headings without a head word are no names",
    ),
    (
        'The government will publish the "Digital Economy Development Blueprint" soon',
        [("Digital Economy Development Blueprint", "new:digital-economy-development-blueprint")],
        "a quoted title",
    ),
]


def _guard_unique(examples: list[tuple[str, list[tuple[str, str]], str]]) -> None:
    texts = [text for text, _, _ in examples]
    assert len(texts) == len(set(texts)), "duplicate example input"


_guard_unique(RULE_EXAMPLES)


@pytest.mark.parametrize(
    ("text", "expected", "reason"), RULE_EXAMPLES, ids=[t[:40] for t, _, _ in RULE_EXAMPLES]
)
def test_matching_rules(text: str, expected: list[tuple[str, str]], reason: str) -> None:
    assert mentions(text) == expected, reason


# --------------------------------------------------------------------------------------------
# Chinese, in the forms Hong Kong government releases use (sentences written for these tests)

ZH_EXAMPLES: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "創新科技署今日宣布，「科技券計劃」的秘書處由香港生產力促進局擔任。",
        [("創新科技署", "itc"), ("科技券計劃", "tvp"), ("香港生產力促進局", "hkpc")],
        "department, programme and statutory body",
    ),
    (
        "香港科技園公司（科技園公司）與數碼港合作，支援初創企業進駐香港科學園。",
        [
            ("香港科技園公司", "hkstp"),
            ("科技園公司", "hkstp"),
            ("數碼港", "cyberport"),
            ("香港科學園", "science_park"),
        ],
        "full name with its short form, Cyberport, the park",
    ),
    (
        "政府資訊科技總監辦公室（資科辦）與效率促進辦公室合併為數字政策辦公室。",
        [
            ("政府資訊科技總監辦公室", "ogcio"),
            ("資科辦", "ogcio"),
            ("效率促進辦公室", "effo"),
            ("數字政策辦公室", "dpo"),
        ],
        "the 2024 merger",
    ),
    (
        "創新科技及工業局局長表示，香港大學、香港中文大學及香港科技大學獲「創新及科技基金」資助。",
        [
            ("創新科技及工業局", "itib"),
            ("香港大學", "hku"),
            ("香港中文大學", "cuhk"),
            ("香港科技大學", "hkust"),
            ("創新及科技基金", "itf"),
        ],
        "a bureau before 局長, three universities, the fund",
    ),
    (
        "立法會資訊科技及廣播事務委員會今日討論《香港創新科技發展藍圖》及北部都會區的發展。",
        [
            ("立法會", "legco"),
            ("資訊科技及廣播事務委員會", "legco_itb_panel"),
            ("香港創新科技發展藍圖", "itdb"),
            ("北部都會區", "northern_metropolis"),
        ],
        "LegCo and its panel, a blueprint in book-title marks",
    ),
    (
        "香港應用科技研究院（應科院）與香港金融管理局及證監會合作。",
        [
            ("香港應用科技研究院", "astri"),
            ("應科院", "astri"),
            ("香港金融管理局", "hkma"),
            ("證監會", "sfc"),
        ],
        "ASTRI, HKMA and the SFC's short name",
    ),
    (
        "香港大型企業與中大型機構合作，香港大學生及科大訊飛亦有參與。",
        [("科大訊飛", "iflytek")],
        "港大, 中大, 香港大學 and 科大 inside ordinary words (科大訊飛 is iFlytek)",
    ),
    (
        "當局已部署措施並簽署備忘錄，提供以用家為中心的服務，本地大學及科技公司均表歡迎。",
        [],
        "局, 署, 中心, 大學 and 公司 in common words",
    ),
    (
        "新成立的香港人工智能研究中心將推出「青年創科人才計劃」。",
        [
            ("香港人工智能研究中心", "new:香港人工智能研究中心"),
            ("青年創科人才計劃", "new:青年創科人才計劃"),
        ],
        "discovery: 中心, a quoted 計劃",
    ),
]
_guard_unique(ZH_EXAMPLES)


@pytest.mark.parametrize(
    ("text", "expected", "reason"), ZH_EXAMPLES, ids=[t[:12] for t, _, _ in ZH_EXAMPLES]
)
def test_chinese_recognition(text: str, expected: list[tuple[str, str]], reason: str) -> None:
    assert mentions(text) == expected, reason


def test_english_and_chinese_names_resolve_to_one_id() -> None:
    institutions, initiatives = recognize_entities(
        "HKSTP and 香港科技園公司 run the Technology Voucher Programme, or 科技券."
    )
    assert [(i.id, len(i.mentions)) for i in institutions] == [("hkstp", 2)]
    assert [(i.id, len(i.mentions)) for i in initiatives] == [("tvp", 2)]


def test_grouping_returns_models_with_registry_fields() -> None:
    institutions, initiatives = recognize_entities(seed_text("004"))
    assert all(isinstance(i, Institution) for i in institutions)
    assert all(isinstance(i, Initiative) for i in initiatives)
    flair = next(i for i in institutions if i.id == "flair")
    assert flair.parent == "hkpc" and flair.acronym == "FLAIR" and flair.registered
    assert [i.id for i in institutions] == ["scmp", "cyberport", "hkstp", "hktdc", "flair", "hkpc"]


def test_mention_records_how_it_matched() -> None:
    found = find_institutions("HKSTP, Hong Kong Science Park and 數碼港")
    assert [(m.form, m.match) for m in found] == [
        ("HKSTP", "acronym"),
        ("Hong Kong Science Park", "name"),
        ("數碼港", "alias"),
    ]
    assert all(isinstance(m, EntityMention) for m in found)


def test_models_round_trip_through_json() -> None:
    institutions, initiatives = recognize_entities(seed_text("003"), doc_id="003")
    for model in (*institutions, *initiatives):
        assert type(model).model_validate_json(model.model_dump_json()) == model


@pytest.mark.parametrize("bad", [None, 3, b"HKUST", ["HKUST"]])
def test_a_non_str_text_is_the_callers_mistake(bad: object) -> None:
    for scan in (find_institutions, find_initiatives, recognize_entities):
        with pytest.raises(TypeError, match=rf"{scan.__name__}\(\) argument 'text' must be a str"):
            scan(bad)  # type: ignore[arg-type]


def test_bad_skip_ranges_do_not_raise() -> None:
    assert [m.id for m in find_institutions("HKUST", skip=[(None, "x")])] == ["hkust"]  # type: ignore[list-item]


_ALPHABET = st.sampled_from(
    [
        *list("HKUSTPCabc ()（）「」《》\"“”'’-–.,\n"),
        "HKUST",
        "Institute",
        "Fund",
        "University of",
        "香港",
        "大學",
        "中心",
        "局",
        "署",
        "科技園公司",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=3),
)
def test_scanners_never_raise_and_spans_are_exact(text: str, skip: list[tuple[int, int]]) -> None:
    institutions, initiatives = recognize_entities(text, skip=skip)
    for mention in find_institutions(text, skip=skip) + find_initiatives(text, skip=skip):
        span = mention.span
        assert text[span.start : span.end] == span.text
        assert span.text
    for entity in (*institutions, *initiatives):
        assert entity.mentions


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_scanners_never_raise_on_any_text(text: str) -> None:
    for mention in find_institutions(text) + find_initiatives(text):
        assert text[mention.span.start : mention.span.end] == mention.span.text


def test_mentions_built_without_validation_equal_validated_models() -> None:
    text = (
        "The Innovation and Technology Commission (ITC) and 香港科技園公司（科技園公司）"
        " launched the AI Subsidy Scheme with HKUST."
    )
    mentions = find_institutions(text) + find_initiatives(text)
    assert mentions
    for mention in mentions:
        assert type(mention).model_validate(mention.model_dump()) == mention
        assert mention.model_fields_set == set(type(mention).model_fields)


# The registry scan lower-cases one character at a time, so offsets never move, also on
# characters whose case mapping is odd: long s, Kelvin sign, dotted and dotless i, final sigma,
# sharp s, ligatures, and the whitespace, quotes and dashes the scan folds.
ODD_CASE_CHARS = "ſKİıσςΣßẞﬁﬂÅµΩ\u0307\u00a0\u3000\t\n’‘–—＆"
_SCAN_PIECES = st.sampled_from(
    [
        "HKUST", "hkust", "HKUST Big Data Institute", "the Hong Kong University of Science and "
        "Technology", "HONG KONG SCIENCE PARK", "hong\u00a0kong science\npark", "InvestHK",
        "Cyberport", "數碼港", "数码港", "香港科技園公司", "香港科技园公司", "創新科技署",
        "香港大學生", "港大", "中大型", "本港大学", "Innovation and Technology Fund", "ITF",
        "創科基金", "创科基金", "策略性創科基金", "Research, Academic & Industry Sectors One-plus",
        "Office of the Government Chief Information Officer", "OGCIO", "Hong Kong 2030+",
        " ", " ", "\n", ", ", "(", ")", "-", "x", "ab", "2", "é", "、",
        *ODD_CASE_CHARS,
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCAN_PIECES, max_size=30).map("".join))
def test_registry_mentions_are_registered_forms_at_exact_offsets(text: str) -> None:
    matcher = load_registry()._matcher
    mentions = find_institutions(text) + find_initiatives(text)
    mentions.sort(key=lambda m: m.span.start)
    for before, after in itertools.pairwise(mentions):
        assert before.span.end <= after.span.start
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        if mention.match not in ("defined", "discovered"):
            assert any(f.entity_id == mention.id for f in matcher.forms_of(mention.span.text))


ODD_REGISTRY = {
    "institutions": [
        {"id": "odd_strasse", "name": "Straße Institute", "aliases": ["STRASSE LAB"]},
        {"id": "odd_kelvin", "name": "\u212aelvin Centre", "acronym": "\u212aC"},
        {"id": "odd_istanbul", "name": "İstanbul Office", "aliases": ["ΣΟΦΙΑ Lab"]},
        {"id": "odd_sigma", "name": "Σigma Council", "name_zh": "西格瑪局"},
    ],
    "initiatives": [{"id": "odd_fund", "name": "Oﬃce ſupport Fund", "acronym": "OSF"}],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x Straße Institute and STRASSE LAB", ["odd_strasse", "odd_strasse"]),
        # a capitalised name in lower case is a common noun; an acronym-like token keeps case
        ("the straße institute; strasse lab", []),
        ("\u212aelvin centre and \u212aC", ["odd_kelvin", "odd_kelvin"]),
        ("İstanbul Office, σοφια lab and ΣΟΦΙΑ Lab", ["odd_istanbul"] * 2),
        ("ΣIGMA COUNCIL 西格瑪局", ["odd_sigma", "odd_sigma"]),
    ],
)
def test_odd_case_registry_forms(text: str, expected: list[str]) -> None:
    registry = load_registry().extended(ODD_REGISTRY)
    found = [m for m in find_institutions(text, registry=registry) if m.id.startswith("odd_")]
    assert [m.id for m in found] == expected
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.span.text


@pytest.mark.parametrize("text", ["ſcience Park", "\u212aowloon", "İnvestHK", "Σ HKUST", "📈"])
def test_odd_case_characters_keep_offsets(text: str) -> None:
    hkust = [m for m in find_institutions(text + " and HKUST") if m.id == "hkust"]
    assert [(m.span.start, m.span.text) for m in hkust][-1] == (len(text) + 5, "HKUST")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("香港科技园公司与数码港合作", [("hkstp", "香港科技园公司"), ("cyberport", "数码港")]),
        ("创新科技署今日公布", [("itc", "创新科技署")]),
        ("本港大学的研究人员", []),  # 港大 inside 本港大學 ("local universities")
        ("每所大學都會參與", []),
        ("由多間企業提供公司服務", []),
        ("數碼港投資創業基金的投資", []),  # a fund named after Cyberport is not Cyberport
    ],
)
def test_chinese_institutions_in_both_scripts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.id, m.span.text) for m in find_institutions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府向创科基金注资", [("itf", "创科基金")]),
        (
            "The Innovation & Technology Fund and the I&T Fund",
            [("itf", "Innovation & Technology Fund"), ("itf", "I&T Fund")],
        ),
        ("「策略性創科基金」將投資", [("sitf", "策略性創科基金")]),
        ("《財政預算案》公布", []),
    ],
)  # fmt: skip
def test_initiative_variants_and_nested_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.id, m.span.text) for m in find_initiatives(text)] == expected


def test_governments_mask_but_are_not_reported() -> None:
    institutions, _ = recognize_entities("The HKSAR Government and HKUST; 特區政府與港大")
    assert [(i.id, [s.text for s in i.mentions]) for i in institutions] == [
        ("hkust", ["HKUST"]),
        ("hku", ["港大"]),
    ]


def test_discovered_names_carry_a_confidence() -> None:
    text = "The Lion Rock Robotics Institute (LRRI) opened. LRRI will hire."
    institutions, _ = recognize_entities(text)
    found = {i.name: i for i in institutions}["Lion Rock Robotics Institute"]
    assert not found.registered and 0.5 < found.confidence <= 0.95
    assert found.acronym == "LRRI"
    assert [i.confidence for i in institutions if i.registered] == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Innovation and Technology Fund supports research.", "en"),
        ("創新及科技基金資助大學研究，並支持香港科技園公司。", "zh-Hant"),
        ("创新及科技基金资助大学研究，并支持香港科技园公司。", "zh-Hans"),
        ("HKUST 與 數碼港 合作推出新計劃", "zh-Hant"),
        ("12345 !!", "und"),
    ],
)
def test_language_is_detected_and_recorded(text: str, language: str) -> None:
    import hkpolicy as hk
    from hkpolicy.language import detect_language

    assert detect_language(text) == language
    assert hk.extract(text).language == language
    assert hk.Document.from_text(text).language == language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北都城鄉共融基金將成立", [("new:北都城鄉共融基金", ["北都城鄉共融基金"])]),
        ("數碼港有否計劃擴建", []),  # a question, not a name
        ("推行新型工業加速計劃。加速計劃資助企業", [("nias", ["新型工業加速計劃", "加速計劃"])]),
        ("推行新型工业加速计划，该加速计划资助企业", [("nias", ["新型工业加速计划", "加速计划"])]),
        ("新型工業加速計劃與企業加速計劃", [("nias", ["新型工業加速計劃"])]),  # another name
        ("加速計劃資助企業", []),  # no full name before it: nothing to refer to
    ],
)
def test_chinese_initiatives_named_after_and_referred_to(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    _, initiatives = recognize_entities(text)
    assert [(i.id, [s.text for s in i.mentions]) for i in initiatives] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Areas of Excellence (AoE) Scheme funds teams; AoE projects",
            [("aoe", "Areas of Excellence (AoE) Scheme"), ("aoe", "AoE")],
        ),
        (
            "a Free Trade Agreement (FTA) Programme grant",
            [("fta_programme", "Free Trade Agreement (FTA) Programme")],
        ),
        ("the Incu-bio Programme", [("incu_bio", "Incu-bio Programme")]),
        (
            "the innovation-driven development strategy",
            [("innovation_driven_strategy", "innovation-driven development strategy")],
        ),
    ],
)
def test_english_initiative_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.id, m.span.text) for m in find_initiatives(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "政府撥款20億元资助大学及科研机构设立主题研究院。",
        "It is a company of over 1,200 companies.",
        "政府公布《財政預算案》，財政預算案提出多項措施。",
        "每所大學均可申請，並由多間企業提供公司服務。",
        "本港大學與研發中心合作，推動國際創新科技中心建設。",
    ],
)
def test_phrases_that_are_not_names_are_not_discovered(text: str) -> None:
    institutions, initiatives = recognize_entities(text)
    assert [e.id for e in (*institutions, *initiatives)] == []


def test_counted_centres_start_after_their_counter() -> None:
    institutions, _ = recognize_entities("香港設有16所國家工程技術研究中心香港分中心。")
    assert [(i.name, i.registered) for i in institutions] == [
        ("國家工程技術研究中心香港分中心", False)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("科技券計劃委員會審批申請", ("new:科技券計劃委員會", "legislature_or_council")),
        (
            "The Technology Voucher Programme Committee met",
            ("new:technology-voucher-programme-committee", "legislature_or_council"),
        ),
    ],
)
def test_a_body_named_after_a_registered_initiative_is_a_body(
    text: str, expected: tuple[str, str]
) -> None:
    institutions, initiatives = recognize_entities(text)
    assert [(i.id, i.kind) for i in institutions] == [expected]
    assert initiatives == []


def test_a_registered_initiative_then_a_number_stays_the_registered_initiative() -> None:
    text = "Partnership Research Programme  96  402.7\nEnterprise Support Scheme  41  118.3"
    assert [(m.id, m.span.text) for m in find_initiatives(text)] == [
        ("prp", "Partnership Research Programme"),
        ("ess", "Enterprise Support Scheme"),
    ]


@pytest.mark.parametrize(
    ("data", "language"),
    [
        ("创新及科技基金资助大学研究。".encode(), "zh-Hans"),
        ("<html><body><p>創新及科技基金資助大學研究。</p></body></html>".encode(), "zh-Hant"),
    ],
)
def test_loaded_documents_record_the_detected_language(data: bytes, language: str) -> None:
    from hkpolicy.documents import load_document

    assert load_document(data).language == language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深圳科技园与香港科技园", [("hkstp", "香港科技园")]),
        ("深圳灣科學園及科學園", [("science_park", "科學園")]),
        ("政府改善科學園設施", [("science_park", "科學園")]),
        ("清華大學科技園", []),
    ],
)
def test_another_places_park_is_not_hong_kongs(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.id, m.span.text) for m in find_institutions(text)] == expected


# --- English names read outwards from their head word ------------------------------------------

# (text, discovered names, reason); checked by hand
ENGLISH_RUN_EXAMPLES: list[tuple[str, list[str], str]] = [
    (
        "The Hong Kong Centre for Logistics Robotics said",
        ["Hong Kong Centre for Logistics Robotics"],
        "a sentence word is trimmed; of/for carries the name past its head",
    ),
    ("HKSTP's Incubation Programme opened", ["Incubation Programme"], "a possessive closes a run"),
    ("Alpha   Beta Institute", ["Beta Institute"], "three spaces part two words"),
    ("Alpha  Beta Institute", ["Alpha  Beta Institute"], "two spaces join them"),
    (
        "the Acme Ltd. Research Institute",
        ["Acme Ltd", "Research Institute"],
        "a trimmed full stop is no space between two words",
    ),
    ("R&D Centre of Excellence", ["R&D Centre of Excellence"], "& inside a word"),
    ("Big Data & AI Fund", ["Big Data & AI Fund"], "a lone & joins two words"),
    ("an x-Institute here", [], "a head inside a longer token is no head"),
    ("Big -Data Institute", ["Data Institute"], "a hyphen before a word parts it from the last"),
]
assert len({text for text, _, _ in ENGLISH_RUN_EXAMPLES}) == len(ENGLISH_RUN_EXAMPLES)


@pytest.mark.parametrize(
    ("text", "names", "reason"), ENGLISH_RUN_EXAMPLES, ids=[t for t, _, _ in ENGLISH_RUN_EXAMPLES]
)
def test_english_names_around_a_head_word(text: str, names: list[str], reason: str) -> None:
    from hkpolicy.entities.english import english_discoveries

    assert [c.form for c in english_discoveries(text)] == names, reason


def test_the_same_run_twice_names_two_places_and_each_context_cuts_its_own() -> None:
    # a run's name is worked out once per distinct run of characters: each use keeps its own
    # offsets, and a run read with other words around it is worked out afresh
    from hkpolicy.entities.english import english_discoveries

    text = (
        "The Alpha Beta Institute said. The Alpha Beta Institute agreed.\n"
        "Gamma Alpha Beta Institute and the alpha Beta Institute"
    )
    found = [(c.form, c.start, c.end, c.head) for c in english_discoveries(text)]
    first, second = text.index("Alpha"), text.index("Alpha", 10)
    gamma = text.index("Gamma")
    assert found == [
        ("Alpha Beta Institute", first, first + 20, first + 11),
        ("Alpha Beta Institute", second, second + 20, second + 11),
        ("Gamma Alpha Beta Institute", gamma, gamma + 26, gamma + 17),
        ("Beta Institute", text.index("Beta", gamma + 30), len(text), len(text) - 9),
    ]


def test_an_english_run_starts_within_the_window_before_its_head() -> None:
    from hkpolicy.entities.english import english_run
    from hkpolicy.entities.vocabulary import WINDOW_CHARS

    text = " ".join(["Alpha"] * 40) + " Institute"
    head = text.index("Institute")
    run = english_run(text, head)
    # the window opens inside the 14th "Alpha" (at "pha", no name word): the run starts at the
    # next one and holds the 26 after it and the head
    assert head - WINDOW_CHARS == 80
    assert (run[0].start, len(run), run[-1].word) == (84, 27, "Institute")


def test_mentions_are_built_like_validated_ones() -> None:
    from hkpolicy.entities.models import new_mention
    from hkpolicy.spans import Span
    from tests.trusted_records import assert_built_like_validated

    span = Span.of("The ITF funds it", 4, 7, "doc")
    assert_built_like_validated(
        new_mention(id="itf", span=span, form="ITF", match="acronym", registered=True)
    )
    assert_built_like_validated(
        new_mention(id="new:x", span=span, form="ITF", match="discovered", registered=False)
    )
    mentions = find_institutions("香港科技園公司（科技園公司）與 Cyberport", doc_id="d")
    assert [m.match for m in mentions] == ["name_zh", "alias", "alias"]
    for mention in mentions:
        assert_built_like_validated(mention)


def test_the_vocabulary_tables_are_read_only() -> None:
    # The patterns built from them are compiled at import: a table changed at run time would
    # reach some rules and not others, so a change is refused rather than half applied.
    from hkpolicy.entities import vocabulary

    with pytest.raises(TypeError):
        vocabulary.INSTITUTION_HEADS["Hub"] = "other"  # type: ignore[index]
    with pytest.raises(TypeError):
        vocabulary.HAN_INITIATIVE_HEADS["專案"] = "programme"  # type: ignore[index]
    with pytest.raises(AttributeError):
        vocabulary.NAME_CONNECTORS.add("de")  # type: ignore[attr-defined]
