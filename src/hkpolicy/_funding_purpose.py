"""What an amount is for (rule 5 of :mod:`hkpolicy._funding`).

Owns :func:`purpose`: a cue phrase after the amount ("to help ...", "for ...", 用於..., 推動...)
or before it ("X backed by", 為...預留, 向X提供, X的資助總額, 在X上的, X分), kept clear of the
names of the item and of frame words ("基礎上", "方面"), and never the name of the target itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import _funding_cues as cues
from ._funding_records import Draft, NamedMention, Purpose
from ._funding_text import CEILING_RE, FUNDING_VERB_RE, WINDOW, has_han, trie_alternation
from ._lexicon import CJK_CURRENCY_WORDS

__all__ = ["ZH_BARE_ITEM", "ZH_CUE_REACH", "purpose"]

# How far after an amount a kept cue may stand, across commas.
ZH_CUE_REACH = 40
# The longest bare noun an enumeration item may hold as its purpose ("200億元落馬洲河套區").
ZH_BARE_ITEM = 30

# English purposes: a cue right after the amount (allowing a bracket, an adverb, "of the
# funding") or after a funding verb later in the item, to the end of the clause.
_EN_PURPOSE_RE = regex.compile(
    rf"(?i)\b(?P<cue>{trie_alternation(cues.PURPOSE_CUES_EN)})\s+"
    r"(?P<purpose>[^,.;:()]{3,160}?)\s*(?=[,.;:()]|$|\s+(?:in|by|from|over)\s+(?:the\s+)?\d{4})"
)
_EN_AFTER_LEAD_RE = regex.compile(
    r"(?i)^\s*(?:\([^()]{0,60}\)\s*)?(?:[a-z]+ly\s+)?(?:of\s+(?:the|this|that)\s+\w+\s+)?"
    r"(?:(?:will|would|is|are|was|were|has|have|had|to)\s+(?:be\s+|been\s+)?)?"
    r"(?:[a-z]+(?:ed|en)\s+|spent\s+|put\s+|set\s+aside\s+)?$"
)
# "another $100 million will promote X": the amount is the subject, the object its purpose.
_EN_SUBJECT_RE = regex.compile(
    r"(?i)\s*(?:\([^()]{0,60}\)\s*)?(?:will|would|shall|is\s+to|are\s+to|is\s+set\s+to|"
    r"is\s+expected\s+to)\s+(?:also\s+|further\s+|mainly\s+|partly\s+)?"
    rf"(?P<cue>{trie_alternation(cues.SUBJECT_PURPOSE_VERBS_EN)})\s+"
    r"(?P<purpose>[^,.;:()]{3,160}?)\s*(?=[,.;:()]|$|\s+(?:in|by|from|over)\s+(?:the\s+)?\d{4})"
)
# "spend $350 million upgrading X": the gerund after a spending verb's amount says what for.
_EN_DOING_RE = regex.compile(
    r"(?i)\s+(?P<purpose>(?!(?:during|including|according|bringing|following|remaining|"
    r"starting|beginning|totalling|totaling|amounting|excluding)\b)[a-z]{3,}ing\s+[^,.;:()]{3,120}?)"
    r"\s*(?=[,.;:()]|$)"
)
_SPEND_BEFORE_RE = regex.compile(
    r"(?i)\b(?:spend|spends|spent|spending|invest|invests|invested)\s+$"
)
_EN_BACKING_WORDS = (
    "backed by", "funded by", "worth", "totalling", "with", "gets", "receives", "received",
    "a boost of",
)  # fmt: skip
_EN_ROUGHLY = ("about", "around", "approximately", "some", "nearly", "almost", "over", "up to",
               "more than")  # fmt: skip
_EN_BACKING_TAIL = rf"(?:{'|'.join(_EN_BACKING_WORDS)})(?:\s+(?:{'|'.join(_EN_ROUGHLY)}))?\s*$"
# The words of what is backed, then a backing word at the end of the text before the amount.
# The phrase starts a word: a match starting inside a word also matches from that word's start,
# which is further left, so the leftmost match is the same.
_EN_BEFORE_RE = regex.compile(
    rf"(?<![\w&'’-])(?P<purpose>(?:[\w&'’-]+\s+){{0,7}}[\w&'’-]+)\s+{_EN_BACKING_TAIL}",
    regex.IGNORECASE,
)
# The end of every match of _EN_BEFORE_RE: a text without it is not searched word by word.
_EN_BEFORE_TAIL_RE = regex.compile(_EN_BACKING_TAIL, regex.IGNORECASE)
# The last word of every match of _EN_BEFORE_TAIL_RE, and how the pattern folds case: ASCII
# letters, and the three other characters ``(?i)`` matches to one (İ, ſ and the Kelvin sign).
_EN_TAIL_LAST_WORDS = tuple(sorted({w.split()[-1] for w in (*_EN_BACKING_WORDS, *_EN_ROUGHLY)}))
_EN_TAIL_LAST_REACH = max(map(len, _EN_TAIL_LAST_WORDS))
_FOLD_LIKE_IGNORECASE = str.maketrans(
    {
        **{chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)},
        "İ": "i",
        "ſ": "s",
        "K": "k",
    }
)
# A character no phrase of _EN_BEFORE_RE holds: its match starts after the last one (searched
# from the end).
_NOT_IN_PHRASE_RE = regex.compile(r"[^\w&'’\s-]", regex.IGNORECASE | regex.REVERSE)
_LAST_DETERMINER_RE = regex.compile(r"(?i)\b(?:a|an|the|of|its|their)\s+")
# "allocated ... to X" later in the item (read on the text after the amount as a string of its
# own, so its first word starts a word).
_EN_LATER_RE = regex.compile(
    r"(?i)\b(?:allocat\w+|earmark\w*|direct\w*)\s+(?:\w+\s+){0,2}(?P<cue>to|for)\s+"
    r"(?P<purpose>[^,.;:()]{3,80})"
)
# Chinese purposes: a cue within a few characters after the amount, to the next stop.
_ZH_LEAD = (
    r"[\s的之，,]*(?:(?:資金|资金|撥款|拨款|資助|资助|預算|预算|款項|款项|額外|额外|元)\s*)*"
    r"[\s，,]*"
)
_ZH_AFTER_RE = regex.compile(
    _ZH_LEAD + rf"(?P<cue>{trie_alternation(cues.PURPOSE_CUES_ZH)})"
    r"(?P<purpose>[^，,。；;、:：!！?？()（）\n 　]{2,60})"
)
# "為X預留……" / "為加強X，政府將預留……": the purpose before the amount.
_ZH_FUNDING_VERBS = [w for w in cues.FUNDING_VERBS if not w.isascii()]
_ZH_BEFORE_RE = regex.compile(
    rf"(?<![認认作成因以行稱称])(?:為|为)(?P<purpose>[^，,。；;為为]{{2,60}}?)"
    rf"(?=[，,]|{trie_alternation(_ZH_FUNDING_VERBS)})"
)
# "向合資格中小企提供……20萬元": the receiver named before the amount, when it is no body.
_ZH_TOWARDS_RE = regex.compile(
    rf"(?:向|給|给)(?P<purpose>[^，,。；;向給给]{{2,40}}?)(?={trie_alternation(_ZH_FUNDING_VERBS)})"
)
# "首批項目的資助總額超過10億元", "涉及創科項目撥款額約100億元": what the total is of.
_ZH_TOTAL_OF_RE = regex.compile(
    r"(?P<purpose>[^，,。；;的\s]{2,30}?)的?(?P<cue>(?:資助|资助|撥款|拨款|研發支援|研发支援)"
    r"(?:總額|总额|額|额|金額|金额)|財政總預算|财政总预算)"
)
_GOVERNMENT_RE = regex.compile(r"政府|當局|当局")
# "批准58個項目，共涉及承擔額約2,499億元": the amount the approved items involve.
_ZH_INVOLVING_RE = regex.compile(
    r"(?P<cue>批准|通過|通过|資助|资助)(?:了)?(?P<purpose>[^，,。；;]{2,20})[，,]\s*(?:共|合共)?"
    r"涉及[^，,。；;\d]{0,8}$"
)
# "21企業分1.2億", "六個項目共獲1.5億元": those who share the amount, just before it.
_ZH_SHARED_BY_RE = regex.compile(
    r"(?P<purpose>[^\s，,。；;:：]{2,12}?)(?P<cue>分|共獲|共获|合共獲|合共获)\s*$"
)
# "在創新與科技項目上的港幣500億元": the field the amount is spent on, just before it.
_HKD_WORDS = [word for word, code in CJK_CURRENCY_WORDS.items() if code == "HKD"]
_ZH_SPENT_ON_RE = regex.compile(
    rf"在(?P<purpose>[^，,。；;在]{{2,20}})(?:上|方面)的?\s*(?:{trie_alternation(_HKD_WORDS)})?\s*$"
)
# A bracketed note right after an amount: "100億港元(備注:約為90億元人民幣)".
_BRACKET_NOTE_RE = regex.compile(r"\s*[(（][^()（）]{0,60}[)）]")
# A quoted name: "「生物科技加速計劃」", "“新型工业加速计划”".
_QUOTED_RE = regex.compile(r"[「『“](?P<name>[^「『“」』”\n]{2,40})[」』”]")
_QUOTED_AFTER_RE = regex.compile(r"[\s的之]*[「『“](?P<name>[^「『“」』”\n]{2,40})[」』”]")
# A bare noun: an enumeration item with no cue ("200億元落馬洲河套區").
_BARE_NOUN_RE = regex.compile(r"[\p{Han}A-Za-z0-9]+")
# A joining word that ends a purpose cut before the next amount.
_TRAILING_JOIN_RE = regex.compile(
    r"(?i)(?:\s+(?:and|or|as well as|while|with|plus)"
    r"(?:\s+(?:another|a\s+further|further|additional|a|an|the))?)+\s*$"
)
# The characters every match of _QUOTED_RE starts with.
_QUOTE_OPENERS = "「『“"
# A frame, not a purpose: "在去年預留的基礎上", "在這方面", "在此情況下".
_FRAME_WORD_RE = regex.compile(
    rf"(?:這|这|此|該|该|其|有關|有关|相關|相关|the|this|that|these)?\s*的?\s*"
    rf"(?:{trie_alternation(cues.FRAME_WORDS)})[」”\"']?",
    regex.IGNORECASE,
)
# A time, not a purpose: "去年的資助總額".
_WHEN_RE = regex.compile(r"(?:去年|今年|明年|本年度?|上年度?|全年|每年|同年|當年|当年)")
# A kept cue later in the item, after a comma or two: "撥款5,000萬元，邀請……，籌辦X".
_ZH_KEPT_RE = regex.compile(
    rf"(?P<cue>{trie_alternation([w for w, keep in cues.PURPOSE_CUES_ZH.items() if keep])})"
    r"(?P<purpose>[^，,。；;、:：!！?？()（）\n 　]{2,60})"
)


def purpose(text: str, draft: Draft, item: tuple[int, int], names: Sequence[NamedMention]) -> None:
    """Set ``draft.purpose`` (and its cue) from the item, unless the phrase found names the
    initiative already chosen, or the item is one of a "respectively" list."""
    if draft.distributed:
        return  # the list names each amount's target; its "for X and Y" is not one purpose
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    end = min(item[1], a1 + WINDOW)
    zh = has_han(text, max(item[0], a0 - 10), min(end, a1 + 10))
    found = _purpose_zh(text, item, a0, a1, end) if zh else _purpose_en(text, item, a0, a1, end)
    if found is not None:
        found = _outside_names(text, found, names)
    reference, initiative = draft.reference, draft.initiative
    if reference is not None and initiative is None:
        start, stop = reference  # "該計劃" with no scheme to refer to: what is funded
        found = Purpose(text[start:stop], start, stop, None)
    if found is None:
        return
    if (
        reference is not None
        and initiative is not None
        and found.start <= reference[0] < found.stop
    ):
        return  # "for the Fund": the fund it refers to, not a use
    if (
        initiative is not None
        and found.start <= initiative.start < found.stop
        and (found.stop - found.start <= initiative.end - initiative.start + 6)
    ):
        return  # "for the Innovation and Technology Fund" names the fund, not a use
    draft.purpose = found
    if found.cue is not None:
        draft.cues.append(found.cue)


def _outside_names(text: str, found: Purpose, names: Sequence[NamedMention]) -> Purpose | None:
    """``found`` kept clear of names and frame words: a purpose that starts inside a name (its
    cue is a word of the name: "創科加速器先導計劃") is none; one that runs into a name is cut
    before it; one that is only a frame word ("基礎上", "方面") is none."""
    phrase, start, stop, cue = found
    for name in names:
        if name.start < start < name.end or (cue is not None and name.start < cue[0] < name.end):
            return None
        if start < name.start < stop < name.end:
            stop = name.start
    low, high = max(0, start - 40), min(len(text), stop + 40)
    if _may_quote(text[low:high]):
        for quoted in _QUOTED_RE.finditer(text, low, high):
            inner = quoted.span("name")
            if inner[0] < start < inner[1] or (cue is not None and inner[0] < cue[0] < inner[1]):
                # a word of a quoted name that was not recognised: the name is what is funded
                return Purpose(text[inner[0] : inner[1]], inner[0], inner[1], None)
    if stop != found.stop:
        phrase = text[start:stop].rstrip(" 「『“\"'的之及和與与")
    phrase = _TRAILING_JOIN_RE.sub("", phrase)  # "... in the Loop and" before the next amount
    stop = start + len(phrase)
    if len(phrase) < 2 or _FRAME_WORD_RE.fullmatch(phrase.lstrip("的之")) is not None:
        return None
    return Purpose(phrase, start, stop, cue)


def _may_quote(window: str) -> bool:
    """Whether ``_QUOTED_RE`` may match in ``window``: False when it holds none of the opening
    quotes every match starts with (an ASCII window holds none, told at once)."""
    return not window.isascii() and any(map(window.__contains__, _QUOTE_OPENERS))


def _stripped(text: str, start: int, stop: int, cue: tuple[int, int] | None) -> Purpose:
    phrase = text[start:stop].strip()
    return Purpose(phrase, start, start + len(phrase), cue)


def _purpose_en(text: str, item: tuple[int, int], a0: int, a1: int, end: int) -> Purpose | None:
    subject = _EN_SUBJECT_RE.match(text, a1, end)
    if subject is not None:
        keep = cues.SUBJECT_PURPOSE_VERBS_EN[" ".join(subject.group("cue").lower().split())]
        start = subject.start("cue") if keep else subject.start("purpose")
        stop = subject.end("purpose")
        return Purpose(text[start:stop], start, stop, subject.span("cue"))
    doing = _EN_DOING_RE.match(text, a1, end)
    if doing is not None and _SPEND_BEFORE_RE.search(text, max(item[0], a0 - 40), a0):
        start, stop = doing.span("purpose")  # "spend $350 million upgrading its data centre"
        return Purpose(text[start:stop], start, stop, None)
    for match in _EN_PURPOSE_RE.finditer(text, a1, end):
        lead = text[a1 : match.start()]
        if _EN_AFTER_LEAD_RE.match(lead) or FUNDING_VERB_RE.search(lead):
            start, stop = match.span("purpose")
            if match.group("cue").lower().startswith("to "):
                start = match.start("cue") + 3  # keep the verb: "help universities ..."
            return _stripped(text, start, stop, match.span("cue"))
        break
    backed = _backed_by(text, item, a0)
    if backed is not None:
        return backed
    later = _EN_LATER_RE.search(text[a1:end])
    if later:
        start = a1 + later.start("purpose")
        cue = (a1 + later.start("cue"), a1 + later.end("cue"))
        return _stripped(text, start, a1 + later.end("purpose"), cue)
    return None


def _backed_by(text: str, item: tuple[int, int], a0: int) -> Purpose | None:
    """ "the X programme, backed by $10 million": what the amount backs, named before it."""
    offset = max(item[0], a0 - 120)
    before = text[offset:a0]
    last = before.rstrip()[-_EN_TAIL_LAST_REACH:]
    if not last.translate(_FOLD_LIKE_IGNORECASE).endswith(_EN_TAIL_LAST_WORDS):
        return None  # no backing word at the end: the commonest answer, without a pattern
    tail = _EN_BEFORE_TAIL_RE.search(before)
    if tail is None:
        return None
    # Everything from the match's start to the tail is words and white space.
    barrier = _NOT_IN_PHRASE_RE.search(before, 0, tail.start())
    backed = _EN_BEFORE_RE.search(before, 0 if barrier is None else barrier.end())
    if not backed:
        return None
    phrase = backed.group("purpose").strip()
    pieces = _LAST_DETERMINER_RE.split(phrase)
    if len(pieces) > 1 and pieces[-1].strip():
        phrase = pieces[-1].strip()
    start = offset + before.rfind(phrase, 0, backed.end("purpose"))
    if (phrase and phrase[0].isupper() is False) or len(phrase.split()) > 1:
        return Purpose(phrase, start, start + len(phrase), None)
    return None


def _han_cue(match: regex.Match[str]) -> Purpose:
    """The purpose group of ``match``, with its first character (為, 向, 在) as the cue."""
    start, stop = match.span("purpose")
    return Purpose(match.string[start:stop], start, stop, (match.start(), match.start() + 1))


def _named_cue(match: regex.Match[str]) -> Purpose:
    start, stop = match.span("purpose")
    return Purpose(match.string[start:stop], start, stop, match.span("cue"))


def _holds(lead: str, words: tuple[str, ...]) -> bool:
    """Whether ``lead`` (the text before the amount) holds one of ``words``: a test that each
    form below needs to pass (its pattern matches only text holding one of its words), far
    cheaper than it."""
    return any(map(lead.__contains__, words))


def _last(pattern: regex.Pattern[str], text: str, low: int, high: int) -> regex.Match[str] | None:
    found = None
    for found in pattern.finditer(text, low, high):  # noqa: B007 -- the last one is wanted
        pass
    return found


# The words one of which each form before a Chinese amount holds (see _holds).
_FOR_WORDS = ("為", "为")
# _ZH_TOTAL_OF_RE: a head word then 額 (總額, 金額), or the whole budget.
_TOTAL_HEADS = ("資助", "资助", "撥款", "拨款", "研發支援", "研发支援")
_TOTAL_ENDS = ("額", "额")
_WHOLE_BUDGET = ("財政總預算", "财政总预算")
_INVOLVING_WORDS = ("涉及",)
_SHARED_BY_ENDS = ("分", "共獲", "共获")
_SPENT_ON_WORDS = ("在",)
_TOWARDS_WORDS = ("向", "給", "给")


def _purpose_zh(text: str, item: tuple[int, int], a0: int, a1: int, end: int) -> Purpose | None:
    low = max(item[0], a0 - 120)
    lead = text[low:a0]  # read by _holds for the words each form needs
    before = _last(_ZH_BEFORE_RE, text, low, a0) if _holds(lead, _FOR_WORDS) else None
    if before is not None and FUNDING_VERB_RE.search(text, before.end(), a0):
        if text[before.end("purpose") : before.end("purpose") + 1] in ("，", ","):
            return _han_cue(before)  # "為加強X，政府將預留……": the purpose clause leads
        after = _zh_after(text, a1, end, adjacent_only=True)
        return _han_cue(before) if after is None else after
    owner = None
    if (_holds(lead, _TOTAL_ENDS) and _holds(lead, _TOTAL_HEADS)) or _holds(lead, _WHOLE_BUDGET):
        owner = _last(_ZH_TOTAL_OF_RE, text, low, a0)
    if (
        owner is not None
        and not _GOVERNMENT_RE.search(owner.group("purpose"))
        and not _WHEN_RE.fullmatch(owner.group("purpose"))
        and not CEILING_RE.fullmatch(owner.group("purpose"))
    ):  # "首批項目的資助總額為10億元，用於……": the total is of what is named before it
        return _named_cue(owner)
    if _holds(lead, _INVOLVING_WORDS) and (
        involved := _ZH_INVOLVING_RE.search(text, low, a0)
    ):  # "批准58個項目，共涉及約2,499億元": what was approved
        return _named_cue(involved)
    if lead.rstrip().endswith(_SHARED_BY_ENDS) and (
        shared := _ZH_SHARED_BY_RE.search(text, low, a0)
    ):  # "21企業分1.2億": those who share it
        return _named_cue(shared)
    found = _zh_after(text, a1, end)
    if found is not None:
        return found
    if _holds(lead, _SPENT_ON_WORDS) and (on := _ZH_SPENT_ON_RE.search(text, low, a0)):
        return _han_cue(on)
    if _holds(lead, _TOWARDS_WORDS) and (towards := _last(_ZH_TOWARDS_RE, text, low, a0)):
        return _han_cue(towards)
    return None


def _zh_after(text: str, a1: int, end: int, *, adjacent_only: bool = False) -> Purpose | None:
    note = _BRACKET_NOTE_RE.match(text, a1, end)
    if note is not None:
        a1 = note.end()  # "100億港元(備注:約為90億元人民幣)推行……": the note is no purpose
    match = _ZH_AFTER_RE.match(text, a1, end)
    if match is None and adjacent_only:
        return None
    if match is None:
        match = _ZH_KEPT_RE.search(text, a1, min(end, a1 + ZH_CUE_REACH))
    named = _QUOTED_AFTER_RE.match(text, a1, end) if match is None else None
    if named is not None:  # "2億元的「初創躍進計劃」": the scheme the amount is
        start, stop = named.span("name")
        return Purpose(text[start:stop], start, stop, None)
    if match is None:
        bare = text[a1:end].strip(" 的")
        if (
            2 <= len(bare) <= ZH_BARE_ITEM
            and _BARE_NOUN_RE.fullmatch(bare)
            and FUNDING_VERB_RE.fullmatch(bare) is None
        ):
            start = text.index(bare, a1)
            return Purpose(bare, start, start + len(bare), None)  # "200億元落馬洲河套區、……"
        return None
    keep = cues.PURPOSE_CUES_ZH[match.group("cue")]
    start = match.start("cue") if keep else match.start("purpose")
    phrase = text[start : match.end("purpose")].strip()
    if len(phrase) < 2:
        return None
    return Purpose(phrase, start, start + len(phrase), match.span("cue"))
