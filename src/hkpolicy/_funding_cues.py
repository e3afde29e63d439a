"""The vocabulary of funding facts, in English, Traditional and Simplified Chinese.

Owns the words the funding assembler (:mod:`hkpolicy._funding`) reads: verbs that state money
allocated, phrases that introduce what money is for, words that refer back to a named scheme,
words that mark a ceiling or a rate, the verbs that make a body the funder or the speaker, and
the contexts in which an amount is not funding (with the reason kept). Everything here is data;
the patterns are built from it in :mod:`hkpolicy._funding`, so a caller can read (or extend) the
lists without touching the algorithm. Each Chinese entry is given in both scripts where they
differ (撥款 / 拨款).
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "ALLOCATION_VERBS",
    "CEILING_WORDS",
    "DISTRIBUTIVE_WORDS",
    "FRAME_WORDS",
    "FUNDER_VERBS",
    "FUNDING_VERBS",
    "GRANT_NOUNS",
    "NON_FUNDING_AFTER",
    "NON_FUNDING_BEFORE",
    "NON_FUNDING_IN_ITEM",
    "NOT_TARGET_INITIATIVES",
    "PART_OF_WORDS",
    "PURPOSE_CUES_EN",
    "PURPOSE_CUES_ZH",
    "QUOTE_VERBS",
    "RECIPIENT_MARKS",
    "REFERENCE_WORDS",
    "SOURCE_MARKS",
    "SPEAKER_MARKS",
    "SUBJECT_PURPOSE_VERBS_EN",
    "UNDER_WORDS",
    "NotFundingReason",
]


def __dir__() -> list[str]:
    return __all__


# Verbs and nouns that state money allocated, granted, budgeted, invested, injected, earmarked,
# reserved, awarded or set aside. One of these in an amount's clause makes the amount a funding
# fact even when no target is named ("I have set aside HK$50 billion in this budget").
FUNDING_VERBS: tuple[str, ...] = (
    # English (lower case; matched at word starts)
    "allocat", "earmark", "set aside", "sets aside", "setting aside", "reserv", "inject",
    "injection", "grant", "fund", "subsid", "award", "budget", "provid", "invest", "commit",
    "put towards", "pump", "redeploy", "spent on", "spend", "a boost of", "boost",
    "will be used", "be used on", "be used for", "sponsor", "approved", "apportion", "receiv",
    # Traditional Chinese
    "撥款", "撥出", "撥", "預留", "投放", "注資", "注入", "資助", "投入", "用於", "用作", "用以",
    "增撥", "加碼", "擲", "斥", "獲分", "分配", "預算", "承擔額", "津貼", "補助", "資金",
    # Simplified Chinese
    "拨款", "拨出", "拨", "预留", "注资", "资助", "用于", "增拨", "加码", "获分", "预算",
    "承担额", "补助", "资金", "投资", "投資", "提供",
)  # fmt: skip

# The verbs that only ever state an allocation. One of these between a non-funding cue and an
# amount starts a new statement ("研發開支……，以及向基金注資100億元" is funding), where a word
# that is also a noun (投資, "investment") does not.
ALLOCATION_VERBS: tuple[str, ...] = (
    "allocat", "earmark", "set aside", "inject", "reserv", "撥款", "拨款", "撥出", "拨出",
    "預留", "预留", "注資", "注资", "投放", "增撥", "增拨",
)  # fmt: skip

# Phrases that introduce what the money is for, right after the amount (English). The purpose is
# the text after the cue, to the end of the clause.
PURPOSE_CUES_EN: tuple[str, ...] = (
    "for", "to support", "to fund", "towards", "toward", "to help", "to enhance", "to set up",
    "to launch", "to establish", "to promote", "to develop", "to build", "to encourage",
    "to finance", "to subsidise", "to subsidize", "to boost", "to strengthen", "to drive",
    "to create", "to expand", "to upgrade", "to introduce", "to attract", "to nurture",
    "to train", "to improve", "to assist", "to accelerate", "to foster", "to facilitate",
    "to implement", "to carry out", "to conduct", "into", "on",
)  # fmt: skip

# Chinese cues that introduce a purpose after the amount. Those marked False are dropped from
# the purpose ("用於X" -> X); those marked True are the start of the purpose itself, as a reader
# would quote it ("推動創科發展").
PURPOSE_CUES_ZH: dict[str, bool] = {
    "用於": False, "用于": False, "用作": False, "用以": False, "作為": False, "作为": False,
    "予": False, "給": False, "给": False, "於": False, "于": False, "在": False, "注入": False,
    "推動": True, "推动": True, "設立": True, "设立": True, "成立": True, "資助": True,
    "资助": True, "支援": True, "支持": True, "發展": True, "发展": True, "扶植": True,
    "扶助": True, "加強": True, "加强": True, "推行": True, "推出": True, "推展": True,
    "改善": True, "促進": True, "促进": True, "鼓勵": True, "鼓励": True, "培育": True,
    "興建": True, "兴建": True, "建設": True, "建设": True, "籌辦": True, "筹办": True,
    "加速": True, "協助": True, "协助": True, "提升": True, "開展": True, "开展": True,
    "注資": True, "注资": True, "啟動": True, "启动": True, "為": True, "为": True,
    "籌備": True, "筹备": True, "支付": True, "扶持": True,
    "運用在": False, "运用在": False, "利用在": False, "用在": False, "投放於": False,
    "投放于": False, "投向": False, "用來": False, "用来": False,
    "進行": True, "进行": True, "舉辦": True, "举办": True, "開發": True, "开发": True,
    "研發": True, "研发": True, "建立": True, "打造": True, "推廣": True, "推广": True,
    "擴建": True, "扩建": True, "落實": True, "落实": True, "購置": True, "购置": True,
    "培訓": True, "培训": True,
}  # fmt: skip

# Words that frame a statement, sum it up or change it, never say what money is for: a purpose
# that is only one of these ("在去年預留100億元的基礎上" gives "基礎上", "涉及資助總額",
# "由50萬元提高至70萬元") is none.
FRAME_WORDS: tuple[str, ...] = (
    "基礎上", "基础上", "基礎", "基础", "方面", "情況下", "情况下", "前提下", "框架下", "背景下",
    "之外", "以外", "以上", "左右", "之間", "之间", "期間", "期间", "同時", "同时", "範圍內",
    "范围内", "涉及", "共涉及", "合共", "總共", "总共", "累計", "累计", "提高至", "提升至",
    "增至", "增加至", "上調至", "上调至", "調高至", "调高至", "降至", "減至", "减至", "basis",
    "top of that", "top of this", "regard", "front", "end", "same time",
)  # fmt: skip

# Verbs after an amount that is the subject of its clause ("another $100 million will promote
# X", "$10 billion will go to the Fund"): the object is the purpose. True keeps the verb in the
# purpose, as a reader would quote it ("promote the development of e-sports"); False drops it.
SUBJECT_PURPOSE_VERBS_EN: dict[str, bool] = {
    "promote": True, "support": True, "help": True, "fund": True, "finance": True,
    "subsidise": True, "subsidize": True, "enhance": True, "strengthen": True, "boost": True,
    "drive": True, "develop": True, "expand": True, "upgrade": True, "benefit": True,
    "cover": True, "go to": False, "go towards": False, "go toward": False, "be spent on": False,
    "be devoted to": False, "be directed to": False, "be channelled to": False,
    "be channeled to": False,
}  # fmt: skip

# Words just before a body that make it the receiver: "向科技園公司撥款", "injection into HKSTP".
RECIPIENT_MARKS: tuple[str, ...] = (
    "向", "給", "给", "予", "為", "为", "into", "to", "to the", "for", "for the", "into the",
)  # fmt: skip

# Words just before a named fund that make it the source, not the target: "從創新及科技基金撥出",
# "from the ITF".
SOURCE_MARKS: tuple[str, ...] = ("從", "从", "由", "透過", "透过", "通過", "through", "from")

# "under X" / "在X下": the amount belongs to X ("$120 million under the subhead of X").
UNDER_WORDS: tuple[str, ...] = ("under the subhead of", "under subhead", "under the", "under")

# Verbs after a body that make it the one giving (or deciding) the money: "Cyberport will
# allocate", "創新科技署...撥款", "HKSTP has allocated".
FUNDER_VERBS: tuple[str, ...] = (
    "will allocate", "allocated", "allocates", "has allocated", "will set aside", "set aside",
    "earmarked", "will inject", "injected", "will provide", "provides", "provided", "launched",
    "launches", "will launch", "announced", "approved", "will redeploy", "invested",
    "撥款", "拨款", "撥出", "拨出", "預留", "预留", "投放", "投入", "推出", "宣布", "批准", "擲",
    "斥", "提供", "會", "会", "將", "将", "擬", "拟", "已", "亦", "透過", "透过", "正式",
)  # fmt: skip

# Verbs (and job titles) after a body that make it the speaker, never the recipient:
# "InvestHK said ...", "創新及科技局局長表示", "研資局統計資料顯示". A few characters may stand
# between the body and the word (統計資料, its head's name).
QUOTE_VERBS: tuple[str, ...] = (
    "said", "says", "stated", "noted", "told", "added", "表示", "指出", "稱", "称", "說", "说",
    "透露", "介紹", "介绍", "發言人", "发言人", "公布", "宣布", "顯示", "显示", "局長", "局长",
    "署長", "署长", "主席", "行政總裁", "行政总裁", "秘書長", "秘书长",
)  # fmt: skip

# Words before a body that make it the source of a statement: "according to the RGC", 根據.
SPEAKER_MARKS: tuple[str, ...] = ("according to", "根據", "根据", "據", "据")

# Words that refer back to a scheme named earlier. The value is the initiative kind the word is
# compatible with (None: any kind).
REFERENCE_WORDS: dict[str, str | None] = {
    "the scheme": "scheme", "this scheme": "scheme", "the programme": "programme",
    "this programme": "programme", "the program": "programme", "the fund": "fund",
    "this fund": "fund", "this subhead": None, "the subhead": None, "the initiative": None,
    "該計劃": None, "该计划": None, "此計劃": None, "此计划": None, "本計劃": None,
    "本计划": None, "計劃下": None, "计划下": None, "該基金": "fund", "该基金": "fund",
    "此基金": "fund", "本基金": "fund", "這個基金": "fund", "这个基金": "fund",
    "該計畫": None, "该计画": None,
}  # fmt: skip

# Words that make an amount part of one named before: "獲撥出當中的8億元", "of which", "of the
# amount". Such an amount takes the target of the amount before it.
PART_OF_WORDS: tuple[str, ...] = (
    "當中", "当中", "其中", "of which", "of the amount", "of this amount", "of the funding",
)  # fmt: skip

# Nouns that make an amount a grant to applicants: an item naming nothing else with one of these
# belongs to the scheme the text is describing.
GRANT_NOUNS: tuple[str, ...] = (
    "subsidy", "grant", "資助額", "资助额", "資助總額", "资助总额", "資助金額", "资助金额",
    "資助上限", "资助上限",
)  # fmt: skip

# Words that mark an amount as a ceiling (the money's qualifier says "up to"; the fact keeps
# the word as a cue).
CEILING_WORDS: tuple[str, ...] = (
    "ceiling", "maximum", "up to", "cap of", "capped at", "上限", "最高", "最多", "不多於",
    "不多于",
)  # fmt: skip

# "X and Y ... respectively" / "分別" pair amounts with targets in order.
DISTRIBUTIVE_WORDS: tuple[str, ...] = ("respectively", "分別", "分别")

# Initiative names that are documents, not funds or schemes: the Budget and the Policy Address
# are where money is announced, never what it funds.
NOT_TARGET_INITIATIVES: tuple[str, ...] = (
    "預算案", "预算案", "施政報告", "施政报告", "budget", "policy address", "統計", "统计",
)  # fmt: skip

NotFundingReason = Literal[
    "price",
    "statistic",
    "valuation",
    "fundraising",
    "threshold",
    "estimate",
    "revenue",
    "salary",
    "tax",
]

# Words shortly before an amount that make it something other than funding, with the reason.
# An analyst reads these amounts as prices, statistics, valuations and so on; they are kept as
# money mentions but never become funding facts.
NON_FUNDING_BEFORE: dict[str, NotFundingReason] = {
    # prices paid by firms and people
    "低至": "price", "售價": "price", "售价": "price", "價格": "price", "价格": "price",
    "價值": "price", "价值": "price", "price of": "price", "priced at": "price",
    "target price": "price", "costs only": "price", "月費": "price", "月费": "price",
    "租金": "price", "as little as": "price", "as low as": "price", "sell for": "price",
    "sells for": "price", "sold for": "price", "selling for": "price", "ticket": "price",
    "tickets": "price", "fee of": "price", "fees of": "price",
    # statistics of spending and the economy
    "研發開支": "statistic", "研发开支": "statistic", "研發總開支": "statistic",
    "研发总开支": "statistic", "r&d expenditure": "statistic", "expenditure on r&d": "statistic",
    "spending on r&d": "statistic", "gdp": "statistic", "本地生產總值": "statistic",
    "本地生产总值": "statistic", "venture capital investment": "statistic",
    "風險投資": "statistic", "风险投资": "statistic", "grew from": "statistic",
    "rose from": "statistic", "surged from": "statistic", "jumped from": "statistic",
    "外來直接投資": "statistic", "外来直接投资": "statistic", "外商投資": "statistic",
    "外商投资": "statistic", "外資": "statistic", "外资": "statistic", "在港投資": "statistic",
    "在港投资": "statistic", "foreign direct investment": "statistic",
    "inward investment": "statistic", "bringing its total to": "statistic",
    "bringing the total to": "statistic", "brings its total to": "statistic",
    "brings the total to": "statistic",
    "所涉及的開支": "statistic", "所涉及的开支": "statistic", "market size": "statistic",
    "市場規模": "statistic", "市场规模": "statistic",
    # valuations
    "估值": "valuation", "valuation": "valuation", "valued at": "valuation",
    "market value": "valuation", "市值": "valuation", "market capitalisation": "valuation",
    # fundraising by companies
    "融資": "fundraising", "融资": "fundraising", "集資": "fundraising", "集资": "fundraising",
    "raised": "fundraising", "fundraising": "fundraising", "funding round": "fundraising",
    "吸引": "fundraising", "attracted": "fundraising", "attracting": "fundraising",
    # project-cost thresholds and contributions asked of applicants
    "項目總成本": "threshold", "项目总成本": "threshold", "總成本": "threshold",
    "总成本": "threshold", "最低要求": "threshold", "門檻": "threshold", "门槛": "threshold",
    "須投入": "threshold", "须投入": "threshold", "project cost": "threshold",
    "minimum investment": "threshold", "project costs": "threshold",
    "costs at least": "threshold", "minimum project cost": "threshold",
    "項目成本": "threshold", "项目成本": "threshold",
    "帶來": "fundraising", "带来": "fundraising",
    # estimates of what a project will cost or need: no money is allocated yet
    "需要": "estimate", "將需": "estimate", "将需": "estimate", "預計需": "estimate",
    "预计需": "estimate", "估計需": "estimate", "估计需": "estimate", "估計成本": "estimate",
    "估计成本": "estimate", "預計成本": "estimate", "预计成本": "estimate", "造價": "estimate",
    "造价": "estimate", "估算": "estimate", "expected to need": "estimate",
    "expected to cost": "estimate", "estimated to cost": "estimate", "will need": "estimate",
    "would need": "estimate", "will cost": "estimate", "would cost": "estimate",
    "estimated cost": "estimate", "cost estimate": "estimate", "is estimated at": "estimate",
    "estimated at": "estimate", "need": "estimate", "needs": "estimate",
    # revenue and pay
    "revenue": "revenue", "營業額": "revenue", "营业额": "revenue", "turnover": "revenue",
    "salary": "salary", "salaries": "salary", "月薪": "salary", "年薪": "salary",
}  # fmt: skip

# Words right after an amount that make it something other than funding.
NON_FUNDING_AFTER: dict[str, NotFundingReason] = {
    "私人投資": "fundraising", "私人投资": "fundraising", "的私人投資": "fundraising",
    "的私人投资": "fundraising", "投資": "fundraising", "投资": "fundraising",
    "in private investment": "fundraising", "of private investment": "fundraising",
    "in funding from investors": "fundraising", "from private investors": "fundraising",
    "from investors": "fundraising", "in private capital": "fundraising",
    "of private capital": "fundraising", "valuation": "valuation",
    "in revenue": "revenue", "of revenue": "revenue", "的投資": "fundraising",
    "的投资": "fundraising",
}  # fmt: skip

# Words anywhere in an amount's list item that make it something other than a grant: a tax
# deduction is revenue forgone on spending, not money allocated.
NON_FUNDING_IN_ITEM: dict[str, NotFundingReason] = {
    "扣稅": "tax", "扣税": "tax", "tax deduction": "tax", "tax concession": "tax",
    "tax credit": "tax", "稅務扣減": "tax", "税务扣减": "tax",
}  # fmt: skip
