"""The vocabulary of recognition: head words, stop words, generic prefixes and vetoes.

UPPER_CASE data, kept apart from the algorithms so a reader sees the words each rule rests on.
Chinese entries are written in Traditional characters: Simplified text is seen through a character
map generated from these tables and the registry (:mod:`hkpolicy.entities.hans`), so one table
serves both scripts.

The tables are read-only (mappings are ``MappingProxyType``, sets ``frozenset``): the patterns
derived from them are compiled when the package is imported, and the character map is generated
from them ahead of time, so a change at run time would reach some rules and not others. To
recognise more names, extend the registry (:meth:`hkpolicy.entities.Registry.extended`), which
every scanner takes as ``registry=``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import regex

from .. import _lexicon
from .models import InitiativeKind, InstitutionKind

__all__ = [
    "CJK_FALSE_CONTEXTS",
    "HAN_GENERIC_PREFIXES",
    "HAN_INITIATIVE_HEADS",
    "HAN_INSTITUTION_HEADS",
    "HAN_STOP_CHARS",
    "HAN_STOP_WORDS",
    "INITIATIVE_HEADS",
    "INSTITUTION_HEADS",
    "MAX_HAN_NAME",
    "MAX_NAME_WORDS",
    "NAME_CONNECTORS",
    "NAME_LEADERS",
    "OWNER_VERBS",
    "WINDOW_CHARS",
]

_OTHER_PLACE = (
    "深圳|南山|北京|上海|中關村|蘇州|廣州|東莞|杭州|武漢|成都|西安|天津|重慶|新竹|灣|松山湖"
    "|張江|前海|光谷|國家|省級|市級|大學"
)  # places (and sponsors) of other parks: 深圳科技園, 深圳灣科學園, 清華大學科技園

CJK_FALSE_CONTEXTS: Mapping[str, tuple[str | None, str | None]] = MappingProxyType(
    {
        # another place's park: 深圳科技園, 南山科技園
        "科技園": (_OTHER_PLACE, None),
        "科學園": (_OTHER_PLACE, None),
        "港大": ("[香本]", None),  # 香港大型 "Hong Kong large-scale", 本港大學 "local universities"
        # 中大型 "medium and large", 其中大部分 "most of them", 集中大量 "concentrate many"
        "中大": ("[集其當之從居空途心手]", "[型量多部幅概致]"),
        "科大": (None, "訊"),  # 科大訊飛 iFlytek
        "香港大學": (None, "生(?![物命態])"),  # 香港大學生 "Hong Kong university students"
        "北都": (None, "[市會]"),
        "中電": ("[集網]", None),
        "馬會": ("[賽]", "[員]"),
        # 在港投資 "invest in Hong Kong", 本港投入, 全港投放: 港 of Hong Kong before 投
        "港投": ("[香在本全]", "[資入放票產]"),
    }
)
"""Chinese short names that are also pieces of ordinary words, with the contexts that veto them."""

INSTITUTION_HEADS: Mapping[str, InstitutionKind] = MappingProxyType(
    {
        "Institute": "research_centre",
        "Institution": "other",
        "Centre": "research_centre",
        "Center": "research_centre",
        "Laboratory": "research_centre",
        "Lab": "research_centre",
        "Council": "legislature_or_council",
        "Committee": "legislature_or_council",
        "Bureau": "bureau_or_department",
        "Department": "bureau_or_department",
        "Office": "bureau_or_department",
        "Ministry": "bureau_or_department",
        "Agency": "bureau_or_department",
        "Commission": "statutory_body",
        "Authority": "statutory_body",
        "Corporation": "company",
        "Limited": "company",
        "Ltd": "company",
        "Association": "industry_body",
        "Federation": "industry_body",
        "Chamber": "industry_body",
        "Coalition": "industry_body",
        "Society": "industry_body",
        "Foundation": "other",
        "Academy": "other",
        "University": "university",
        "College": "university",
        "School": "university",
        "Faculty": "university",
    }
)
"""English head words that end (or, with "of"/"for", begin) an institution's name."""

INITIATIVE_HEADS: Mapping[str, InitiativeKind] = MappingProxyType(
    {
        "Fund": "fund",
        "Scheme": "scheme",
        "Programme": "programme",
        "Program": "programme",
        "Blueprint": "blueprint",
        "Strategy": "strategy",
        "Initiative": "initiative",
    }
)
"""English head words that end an initiative's name."""

NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
"""Lower-case words allowed inside a capitalised name."""

NAME_LEADERS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Our",
        "Their",
        "His",
        "Her",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Through",
        "According",
        "Another",
        "Additionally",
        "Moreover",
        "However",
        "Under",
        "Both",
        "Each",
        "Every",
        "Some",
        "Many",
        "Major",
        "Local",
        "Several",
        "Leading",
        "Notable",
        "Numerous",
        "Recently",
        "Also",
        "If",
        "As",
        "When",
        "While",
    ]
)
"""Capitalised words that start sentences rather than names; stripped from a discovered name."""

HAN_INSTITUTION_HEADS: Mapping[str, InstitutionKind] = MappingProxyType(
    {
        "委員會": "legislature_or_council",
        "研究院": "research_centre",
        "研發院": "research_centre",
        "大學": "university",
        "中心": "research_centre",
        "公司": "company",
        "局": "bureau_or_department",
        "署": "bureau_or_department",
    }
)
"""Chinese head characters of an institution's name."""

HAN_INITIATIVE_HEADS: Mapping[str, InitiativeKind] = MappingProxyType(
    {
        "計劃": "scheme",
        "計畫": "scheme",
        "基金": "fund",
        "藍圖": "blueprint",
        "策略": "strategy",
        "方案": "programme",
    }
)
"""Chinese head words of an initiative's name (recognised inside 「」 and 《》 quotes)."""

HAN_STOP_CHARS = _lexicon.HAN_STOP_CHARS
"""Function characters that end a Chinese name when walking left from its head (the shared
table :data:`hkpolicy._lexicon.HAN_STOP_CHARS`). 及 is not one: it sits inside names
(創新及科技局)."""

HAN_STOP_WORDS = (
    "宣布", "表示", "推出", "指出", "今日", "昨日", "日前", "透過", "通過", "聯同", "夥拍",
    "包括", "以及", "成立", "設立", "資助", "支持", "負責", "委託", "聯合", "旗下", "位於",
)  # fmt: skip
"""Multi-character words after which a Chinese name starts."""

HAN_GENERIC_PREFIXES = frozenset(
    [
        "本地",
        "海外",
        "內地",
        "資助",
        "多間",
        "各",
        "該",
        "本",
        "此",
        "其",
        "有關",
        "相關",
        "政府",
        "科技",
        "初創",
        "上市",
        "頂尖",
        "知名",
        "研究",
        "創新",
        "不同",
        "其他",
        "多個",
        "一間",
        "這間",
        "兩間",
        "新",
        "大型",
        "中小型",
        "私營",
        "公營",
        "市",
        "母",
        "子",
        "布",
        "格",
        "大",
        "結",
        "當",
        "部",
        "簽",
        "為",
        "新聞",
        "信息",
        "數據",
        "服務",
        "客戶",
        "培訓",
        "物流",
        "國際",
        "研發",
        "創科",
        "夥伴",
        "顧問",
        "主題",
        "專屬",
        "製造",
        "園內",
    ]
)
"""Chinese words that, alone before a head, make a common noun (本地大學, 科技公司), not a name."""

MAX_HAN_NAME = 14
"""Longest Chinese name discovered by walking left from its head."""
MAX_NAME_WORDS = 14
"""Longest English name discovered; longer capitalised runs are headlines."""
WINDOW_CHARS = 160
"""Characters examined on each side of a head word when discovering a name."""

OWNER_VERBS = regex.compile(
    r"\b(?:launch(?:ed|es)?|introduc(?:ed|es|e)|run(?:s)?|administer(?:ed|s)?|operat(?:es|ed|e)"
    r"|manag(?:es|ed|e)|set\s+up|establish(?:ed|es)?|implement(?:ed|s)?|offer(?:s|ed)?"
    r"|unveil(?:ed|s)?|roll(?:ed|s)?\s+out)\b|推出|設立|推行|管理|負責|成立|開展|落實",
    regex.IGNORECASE,
)  # linear: an alternation of literals with no nested quantifier
"""Verbs that tie an institution to an initiative named after it in the same sentence."""

HAN_QUANTIFIERS = frozenset("每各多兩數幾一這那該逾近約")
"""Characters that, first before a head, make a common noun (每所大學, 多間公司), not a name."""

HAN_COUNTERS = _lexicon.HAN_NAME_COUNTERS
"""Measure words: after a numeral they count the heads that follow (16所…中心), so a name starts
after them (the shared table :data:`hkpolicy._lexicon.HAN_NAME_COUNTERS`)."""

HAN_NOT_IN_NAMES = frozenset("等否也亦都仍已")
"""Characters no name holds (particles and adverbs): one in the words before a head means they
are a phrase (等企業提供公司, 數碼港有否計劃)."""


HAN_PROPER_PREFIXES = (
    "香港", "港深", "深港", "中國", "中華", "國家", "全國", "粵港澳", "大灣區", "亞洲", "亞太",
    "世界", "深圳", "廣東", "北京", "上海", "澳門", "新加坡",
)  # fmt: skip
"""Place and state words that open a proper name: after one, a common head (公司, 中心, 大學)
makes a name (香港X中心); without one, only a head that names an office (局, 署, 委員會) does."""

HAN_OFFICE_HEADS = frozenset({"局", "署", "委員會"})
"""Heads that make a name of whatever specific words precede them (技能提升局)."""

HAN_TITLE_HEADS = (
    "計劃", "計畫", "基金", "藍圖", "策略", "方案", "綱要", "規劃", "行動", "政策", "倡議",
    "框架", "指引", "路線圖", "平台", "項目", "工程", "先導", "資助",
)  # fmt: skip
"""Endings of a title in 《》 that make it an initiative (not a report, law or column)."""
