"""The funding-fact assembler: which amounts are funding, for what, from whom, and when.

Owns the algorithm that :func:`hkpolicy.facts.assemble_funding` runs over one text's mentions.
The words it reads are data in :mod:`hkpolicy._funding_cues`; this module only builds patterns
from them and applies the rules documented on the "How funding facts are assembled" page:

1. The unit is a list item: the clause of a sentence holding the amount (cut at "; ", ", and",
   "，並", "，以及"), narrowed between its neighbouring amounts at the strongest separator that
   stands between them (; before , before 、), so each amount of an enumeration keeps its own
   target. A name is never cut in two, and a bracketed note after an amount is not an item.
2. An amount whose item says it is a price, a statistic, a valuation, fundraising, a threshold,
   revenue, pay or a tax deduction is not funding, unless an allocation verb stands between
   the cue and the amount; the other end of a change ("from X to Y") shares the first's
   reason. The reason and the cue are kept. Vague amounts (數億元) and header units are skipped.
3. Targets: "respectively" / 分別 lists pair amounts and targets in order; "under X" takes X;
   a body after 向/予/to/into is the recipient; a fund after 從/from is the funder; else the
   nearest initiative. A body whose verb makes it the funder, the speaker ("X said", a job
   title), the venue or the one asked is never the recipient; a place never funds; a name
   nearer the previous amount of the item is that amount's.
4. "The Scheme", 該計劃, 该计划 resolve to the nearest compatible initiative named earlier, unless
   an unnamed scheme of the same kind lies in between (then the words themselves are the target).
5. Purposes from cue phrases after the amount ("to help ...", 用於..., 推動...) or before it
   (為...預留, 向X提供, X的資助總額, 在X上的, X分).
6. An item that names nothing takes its sentence's initiative, the target of an earlier amount
   it repeats or is part of (當中), or, for a grant, the scheme just described.
7. A ceiling in the same clause as a larger amount is a field of that fact, not a second fact.
8. The period from the sentence, else from the heading above it.

Every pattern runs on a window of at most ``WINDOW`` characters around one amount, so the cost is
linear in the number of amounts.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

from . import _funding_cues as cues
from ._sentences import SentenceIndex
from .dates import DateMention, FiscalYear
from .entities import Initiative, Institution
from .money import MoneyMention, Per

__all__ = ["Draft", "Rejected", "Target", "assemble"]

# NOTE: keep in sync with hkpolicy.facts.Role (facts imports this module, not the reverse).
Role = Literal["funder", "recipient", "owner"]

_HAN_RE = regex.compile(r"\p{Han}")
# Between two amounts: nothing but digits, signs, space and punctuation.
_WORDLESS_RE = regex.compile(r"[^\p{L}]*+")
# A run of this many amounts with no word between any two of them is a number dump or a table
# row of figures, not a statement: none of them becomes a fact (and each costs O(1)).
MAX_WORDLESS_RUN = 8

# The widest stretch either side of an amount that any rule reads.
WINDOW = 240
# How far back "the Scheme" / 該計劃 looks for the scheme it names.
MAX_REFERENCE_DISTANCE = 1500
# How many characters before an amount a non-funding cue may stand ("低至每月900元").
NON_FUNDING_REACH = 45
# How many characters after an amount a non-funding cue may stand ("90億元私人投資").
NON_FUNDING_AFTER_REACH = 26  # " in funding from investors"
# How far back a grant amount that names nothing looks for the scheme being described.
DISCOURSE_REACH = 400
# How far back from a sentence its heading may start (blank lines and the heading itself).
HEADING_REACH = 2 * WINDOW
# A heading is a line of at most this many characters without a sentence end.
MAX_HEADING = 80


def _alternation(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _ascii(word: str) -> bool:
    return word.isascii()


def _words_re(words: Sequence[str], *, prefix: bool = False) -> regex.Pattern[str]:
    """Words in any script: English ones at word bounds (``prefix``: word starts only)."""
    english = [w for w in words if _ascii(w)]
    chinese = [w for w in words if not _ascii(w)]
    parts = []
    if english:
        tail = r"\w*" if prefix else r"\b"
        parts.append(rf"\b(?:{_alternation(english)}){tail}")
    if chinese:
        parts.append(f"(?:{_alternation(chinese)})")
    # ASCII: only ASCII letters fold, so a match lower-cased is always one of the words (no
    # "ſ" or Kelvin-sign look-alikes), and a Han character next to an English word is a bound.
    return regex.compile("|".join(parts), regex.IGNORECASE | regex.ASCII)


_FUNDING_VERB_RE = _words_re(cues.FUNDING_VERBS, prefix=True)
_ALLOCATION_VERB_RE = _words_re(cues.ALLOCATION_VERBS, prefix=True)
_NON_FUNDING_BEFORE_RE = _words_re(tuple(cues.NON_FUNDING_BEFORE))
_NON_FUNDING_AFTER_RE = regex.compile(
    rf"\s*(?:{_alternation(tuple(cues.NON_FUNDING_AFTER))})", regex.IGNORECASE | regex.ASCII
)
_NON_FUNDING_IN_ITEM_RE = _words_re(tuple(cues.NON_FUNDING_IN_ITEM))
_GRANT_NOUN_RE = _words_re(cues.GRANT_NOUNS)
_PART_OF_RE = _words_re(cues.PART_OF_WORDS)
_REFERENCE_RE = _words_re(tuple(cues.REFERENCE_WORDS))
_CEILING_RE = _words_re(cues.CEILING_WORDS)
_DISTRIBUTIVE_RE = _words_re(cues.DISTRIBUTIVE_WORDS)
_QUOTE_AFTER_RE = regex.compile(
    rf"^\s*(?:[,，]\s*)?(?:[^，,。；;、\s他她我你們们]{{0,6}}?)(?:{_alternation(cues.QUOTE_VERBS)})",
    regex.IGNORECASE,
)
_SPEAKER_BEFORE_RE = regex.compile(
    rf"(?:{_alternation(cues.SPEAKER_MARKS)})\s*(?:the\s+)?$", regex.IGNORECASE
)
_FUNDER_AFTER_RE = regex.compile(
    rf"[^，,。；;、]{{0,12}}?(?:{_alternation(cues.FUNDER_VERBS)})", regex.IGNORECASE
)
_RECIPIENT_BEFORE_RE = regex.compile(
    rf"(?:^|[\s\p{{Han}}「“\"'(（])(?:{_alternation(cues.RECIPIENT_MARKS)})\s*[「“\"']?\s*$",
    regex.IGNORECASE,
)
_SOURCE_BEFORE_RE = regex.compile(
    rf"(?:{_alternation(cues.SOURCE_MARKS)})\s*(?:the\s+)?[「“\"']?\s*$", regex.IGNORECASE
)
_UNDER_BETWEEN_RE = regex.compile(
    rf"^\s*(?:\([^()]{{0,60}}\)\s*)?(?:{_alternation(cues.UNDER_WORDS)})\s*(?:of\s+)?(?:the\s+)?$",
    regex.IGNORECASE,
)
# "在X下" / "X下": a fund named before the amount with 下 after it is the parent, not the target.
_PARENT_AFTER_RE = regex.compile(r"^[」”\"']?\s*(?:下|之下|項下|项下)")
_VENUE_BEFORE_RE = regex.compile(r"(?i)(?:\bat\s+(?:the\s+)?|出席)$")
# A bracket opened right after an amount, holding another: a conversion or a note on it.
_CONVERSION_NOTE_RE = regex.compile(r"\s*[(（][^()（）]{0,40}")
_BRACKET_NOTE_RE = regex.compile(r"\s*[(（][^()（）]{0,60}[)）]")
# "出席X會議": a meeting's body is where it was said.
_MEETING_AFTER_RE = regex.compile(r"^\s*(?:會議|会议|meeting)", regex.IGNORECASE)
# "在立法會宣讀預算案": where a speech was given.
_SPEECH_AFTER_RE = regex.compile(r"^\s*(?:宣讀|宣读|發表|发表|表示|指出|介紹|介绍|演辭|演辞)")
# "自創科局於2015年成立以來": a time, not a party to the money.
_SINCE_FOUNDED_AFTER_RE = regex.compile(r"^[^，,。；;]{0,16}?成立以來|^[^，,。；;]{0,16}?成立以来")
# "向立法會申請": the body asked, never the recipient.
_ASKED_AFTER_RE = regex.compile(r"^\s*(?:申請|申请|提出|要求|apply|applied)")
_FUNDING_NOUN_RE = regex.compile(r"(?i)\bfunding\b|\binjection\b")
# Between two amounts of one change ("from $1.2 billion to about $41.7 billion", "由12億元增至").
_CHAIN_RE = regex.compile(
    r"\s*(?:in\s+\d{4}\s*)?[，,]?\s*(?:to|and|至|增至|升至|上升到|上升至|增加到|增加至)\s*"
    r"(?:(?:in\s+)?\d{4}\s*(?:年\s*)?(?:的)?\s*)?"
    r"(?:about|around|approximately|some|nearly|over|約|约|超過|超过)?\s*",
    regex.IGNORECASE,
)
_NOT_TARGET_RE = _words_re(cues.NOT_TARGET_INITIATIVES)
_PER_YEAR_RE = regex.compile(r"(?i)\bannual(?:ly)?\b|\ba year\b|\bper year\b|\byearly\b|每年")

# English purposes: a cue right after the amount (allowing a bracket, an adverb, "of the
# funding") or after a funding verb later in the item, to the end of the clause.
_EN_PURPOSE_RE = regex.compile(
    rf"(?i)\b(?P<cue>{_alternation(cues.PURPOSE_CUES_EN)})\s+"
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
    rf"(?P<cue>{_alternation(tuple(cues.SUBJECT_PURPOSE_VERBS_EN))})\s+"
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
_EN_BEFORE_RE = regex.compile(
    r"(?P<purpose>(?:[\w&'’-]+\s+){0,7}[\w&'’-]+)\s+"
    r"(?:backed by|funded by|worth|totalling|with|gets|receives|received|a boost of)"
    r"(?:\s+(?:about|around|approximately|some|nearly|almost|over|up to|more than))?\s*$",
    regex.IGNORECASE,
)
_LAST_DETERMINER_RE = regex.compile(r"(?i)\b(?:a|an|the|of|its|their)\s+")
# Chinese purposes: a cue within a few characters after the amount, to the next stop.
_ZH_LEAD = (
    r"[\s的之，,]*(?:(?:資金|资金|撥款|拨款|資助|资助|預算|预算|款項|款项|額外|额外|元)\s*)*"
    r"[\s，,]*"
)
_ZH_AFTER_RE = regex.compile(
    _ZH_LEAD + rf"(?P<cue>{_alternation(tuple(cues.PURPOSE_CUES_ZH))})"
    r"(?P<purpose>[^，,。；;、:：!！?？()（）\n 　]{2,60})"
)
# "為X預留……" / "為加強X，政府將預留……": the purpose before the amount.
_ZH_FUNDING_VERBS = [w for w in cues.FUNDING_VERBS if not w.isascii()]
_ZH_BEFORE_RE = regex.compile(
    rf"(?<![認认作成因以行稱称])(?:為|为)(?P<purpose>[^，,。；;為为]{{2,60}}?)"
    rf"(?=[，,]|{_alternation(_ZH_FUNDING_VERBS)})"
)
# "向合資格中小企提供……20萬元": the receiver named before the amount, when it is no body.
_ZH_TOWARDS_RE = regex.compile(
    rf"(?:向|給|给)(?P<purpose>[^，,。；;向給给]{{2,40}}?)(?={_alternation(_ZH_FUNDING_VERBS)})"
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
_ZH_SPENT_ON_RE = regex.compile(
    r"在(?P<purpose>[^，,。；;在]{2,20})(?:上|方面)的?\s*(?:港幣|港币|港元)?\s*$"
)
# A quoted name: "「生物科技加速計劃」", "“新型工业加速计划”".
_QUOTED_RE = regex.compile(r"[「『“](?P<name>[^「『“」』”\n]{2,40})[」』”]")
_QUOTED_AFTER_RE = regex.compile(r"[\s的之]*[「『“](?P<name>[^「『“」』”\n]{2,40})[」』”]")
# A joining word that ends a purpose cut before the next amount.
_TRAILING_JOIN_RE = regex.compile(
    r"(?i)(?:\s+(?:and|or|as well as|while|with|plus)"
    r"(?:\s+(?:another|a\s+further|further|additional|a|an|the))?)+\s*$"
)
# A frame, not a purpose: "在去年預留的基礎上", "在這方面", "在此情況下".
_FRAME_WORD_RE = regex.compile(
    rf"(?:這|这|此|該|该|其|有關|有关|相關|相关|the|this|that|these)?\s*的?\s*"
    rf"(?:{_alternation(cues.FRAME_WORDS)})[」”\"']?",
    regex.IGNORECASE,
)
# A time, not a purpose: "去年的資助總額".
_WHEN_RE = regex.compile(r"(?:去年|今年|明年|本年度?|上年度?|全年|每年|同年|當年|当年)")
# A kept cue later in the item, after a comma or two: "撥款5,000萬元，邀請……，籌辦X".
_ZH_KEPT_RE = regex.compile(
    rf"(?P<cue>{_alternation([w for w, keep in cues.PURPOSE_CUES_ZH.items() if keep])})"
    r"(?P<purpose>[^，,。；;、:：!！?？()（）\n 　]{2,60})"
)
# How far after an amount a kept cue may stand, across commas.
ZH_CUE_REACH = 40
# The longest bare noun an enumeration item may hold as its purpose ("200億元落馬洲河套區").
ZH_BARE_ITEM = 30
# Separators between list items, strongest first: an item is cut at the strongest one that
# stands between two amounts ("……10萬元資助;同時……Incu-Bio計劃,對每間公司……400萬元").
_SEPARATOR_LEVELS = (";；", "，,", "、")


@dataclass(frozen=True)
class Target:
    """A named entity mention chosen as a fact's target."""

    kind: Literal["initiative", "institution"]
    id: str
    start: int
    end: int


@dataclass
class Draft:
    """What the assembler found for one amount; :mod:`hkpolicy.facts` turns it into a Funding."""

    mention: MoneyMention
    clause: tuple[int, int]
    initiative: Target | None = None
    institution: Target | None = None
    role: Role | None = None
    funder: str | None = None
    recipient: str | None = None
    purpose: tuple[str, int, int] | None = None
    reference: tuple[int, int] | None = None
    cues: list[tuple[int, int]] = field(default_factory=list)
    period: FiscalYear | int | None = None
    period_span: tuple[int, int] | None = None
    ceiling: MoneyMention | None = None
    per: Per | None = None
    distributed: bool = False


@dataclass(frozen=True)
class Rejected:
    """An amount that is not funding, with the reason and the words that show it."""

    mention: MoneyMention
    reason: cues.NotFundingReason
    cue: tuple[int, int]


@dataclass(frozen=True)
class _Mention:
    kind: Literal["initiative", "institution"]
    id: str
    start: int
    end: int
    government: bool
    initiative_kind: str | None
    facility: bool = False


def assemble(
    text: str,
    money: Sequence[MoneyMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    sentences: SentenceIndex,
) -> tuple[list[Draft], list[Rejected]]:
    """Drafts of the funding facts of one text, and the amounts rejected as not funding."""
    mentions = _mentions(text, institutions, initiatives)
    starts = [m.start for m in mentions]
    owners = {i.id: {o for o in (i.owner, *i.text_owners) if o is not None} for i in initiatives}
    date_starts = [d.span.start for d in dates]
    amounts: list[tuple[int, MoneyMention]] = []
    for i, m in enumerate(money):
        if m.paired_index is not None and m.paired_index < i:
            continue  # the bracketed conversion of the amount before it
        if amounts and _CONVERSION_NOTE_RE.fullmatch(text, amounts[-1][1].span.end, m.span.start):
            continue  # "100億港元(備注:約90億元人民幣)": a note on the amount before it
        amounts.append((i, m))
    amount_starts = [m.span.start for _, m in amounts]
    drafts: list[Draft] = []
    rejected: list[Rejected] = []
    last_in_clause: dict[tuple[int, int], Draft] = {}
    last_item_end = -1
    in_runs = _in_wordless_runs(text, amounts)
    for order, (_, mention) in enumerate(amounts):
        a0, a1 = mention.span.start, mention.span.end
        if order in in_runs:
            continue
        index = sentences.index_of(a0)
        if index is None or _not_an_amount(text, mention):
            continue
        sentence = sentences.bounds[index]
        if (
            a0 - sentence[0] <= WINDOW  # a short sentence: the test reads a bounded stretch
            and sentence[1] - a1 <= WINDOW
            and _WORDLESS_RE.fullmatch(text, sentence[0], a0) is not None
            and _WORDLESS_RE.fullmatch(text, a1, sentence[1]) is not None
        ):
            continue  # a sentence of the amount alone ("HK$1" on its own line) says nothing
        clause = _clause(text, sentence, a0)
        prev_end = amounts[order - 1][1].span.end if order > 0 else -1
        next_start = amounts[order + 1][1].span.start if order + 1 < len(amounts) else -1
        item = _whole_names(
            _item(text, clause, (a0, a1), prev_end, next_start), clause, mentions, starts
        )
        prev_item_end, last_item_end = last_item_end, item[1]
        reason = _not_funding(text, item, (a0, a1))
        if reason is None and rejected and rejected[-1].mention is amounts[order - 1][1]:
            previous = rejected[-1]
            if _CHAIN_RE.fullmatch(text, previous.mention.span.end, a0):
                reason = (previous.reason, previous.cue)  # "surged from $1 billion to $4 billion"
        if reason is not None:
            rejected.append(Rejected(mention, reason[0], reason[1]))
            continue
        draft = Draft(mention=mention, clause=clause)
        in_item = _between(mentions, starts, item)
        in_item = [m for m in in_item if not _nearer_previous(m, a0, prev_end, item)]
        _choose_targets(text, draft, in_item, item, owners)
        _distribute(text, draft, amounts, amount_starts, clause, mentions, starts)
        _resolve_reference(text, draft, (clause[0], item[1]), mentions, starts)
        _purpose(text, draft, item, sentence, _between(mentions, starts, (item[0], item[1] + 1)))
        if draft.initiative is None and draft.reference is None and draft.institution is None:
            # never into an earlier item, and at most a window back
            since = (max(sentence[0], prev_item_end, item[0] - WINDOW), item[0])
            _sentence_initiative(draft, since, mentions, starts)
        if (
            draft.initiative is None
            and (draft.institution is None or draft.role == "funder")
            and draft.purpose is None
        ):
            _inherit(text, draft, drafts, clause)
        if not (draft.initiative or draft.institution or draft.purpose):
            _scheme_in_discussion(text, draft, item, mentions, starts)
        verb = _nearest_verb(text, clause, (a0, a1), mentions, starts)
        if verb is not None:
            draft.cues.append(verb.span())
        has_target = (
            draft.initiative
            or draft.institution
            or draft.purpose
            or draft.reference
            or draft.funder
        )
        if not has_target and verb is None:
            continue
        ceiling = _CEILING_RE.search(text, max(item[0], a0 - 25), a0) or _CEILING_RE.search(
            text, a1, min(item[1], a1 + 30)
        )
        if ceiling is not None:
            draft.cues.append(ceiling.span())
            earlier = last_in_clause.get(clause)
            if (
                earlier is not None
                and earlier.mention.money.currency == mention.money.currency
                and earlier.mention.money.amount > mention.money.amount
                and earlier.ceiling is None
            ):
                earlier.ceiling = mention
                earlier.cues.append(ceiling.span())
                continue
            draft.ceiling = mention
        draft.per = mention.money.per
        if draft.per is None and _PER_YEAR_RE.search(
            text, max(item[0], a0 - 40), min(item[1], a1 + 30)
        ):
            draft.per = "year"
        _period(text, draft, dates, date_starts, sentence)
        draft.cues.sort()
        drafts.append(draft)
        last_in_clause[clause] = draft
    return drafts, rejected


# --- units -----------------------------------------------------------------------------------

# A sentence's clauses: split at "; " and at ", and" / ", while" / ", but" / ", whereas" and
# their Chinese counterparts, so two amounts in one sentence keep their own bodies.
_CLAUSE_BREAK_RE = regex.compile(
    r";\s*|,\s+(?:and|while|whereas|but)\s+|[，,]\s*(?:並|并|而|另|以及)|；"
)
# Each branch of _CLAUSE_BREAK_RE starts with one of these. NOTE: keep the two in sync.
_CLAUSE_BREAK_MARKS = (";", ",", "，", "；")


def _clause(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``offset`` (at most WINDOW characters either side)."""
    start = max(sentence[0], offset - WINDOW)
    end = min(sentence[1], offset + WINDOW)
    if not any(text.find(mark, start, end) >= 0 for mark in _CLAUSE_BREAK_MARKS):
        return start, end
    for match in _CLAUSE_BREAK_RE.finditer(text, start, end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() > offset:
            end = match.start()
            break
    return start, end


def _item(
    text: str, clause: tuple[int, int], amount: tuple[int, int], prev_end: int, next_start: int
) -> tuple[int, int]:
    """The list item of ``clause`` holding ``amount``: cut at the last separator after the
    previous amount and the first separator before the next one, when they share the clause."""
    start, end = clause
    if clause[0] <= prev_end <= amount[0]:
        start = prev_end
        for level in _SEPARATOR_LEVELS:
            cut = max(text.rfind(sep, prev_end, amount[0]) for sep in level)
            if cut >= 0:
                start = cut + 1
                break
    if amount[1] <= next_start <= clause[1]:
        end = next_start
        for level in _SEPARATOR_LEVELS:
            cuts = [f for f in (text.find(sep, amount[1], next_start) for sep in level) if f >= 0]
            if cuts:
                end = min(cuts)
                break
    return start, end


def _in_wordless_runs(text: str, amounts: list[tuple[int, MoneyMention]]) -> set[int]:
    """Positions (in ``amounts``) of the amounts in runs of at least ``MAX_WORDLESS_RUN`` with
    no letter between neighbours: "$1$1$1...", a row of twelve yearly figures."""
    found: set[int] = set()
    run_start = 0
    for order in range(1, len(amounts) + 1):
        joined = order < len(amounts) and (
            _WORDLESS_RE.fullmatch(
                text, amounts[order - 1][1].span.end, amounts[order][1].span.start
            )
            is not None
        )
        if not joined:
            if order - run_start >= MAX_WORDLESS_RUN:
                found.update(range(run_start, order))
            run_start = order
    return found


def _not_an_amount(text: str, mention: MoneyMention) -> bool:
    """A unit in a table header ("(港幣百萬元)") or a vague amount ("數億元", "數以十億元計"):
    money words that state no amount a fact could hold."""
    a0, a1 = mention.span.start, mention.span.end
    if any(ch.isdigit() for ch in mention.span.text):
        return False
    if text[a0 - 1 : a0] in ("(", "（") and text[a1 : a1 + 1] in (")", "）"):
        return True
    return text.endswith(_VAGUE_BEFORE, max(0, a0 - 2), a0)


# Words before a digitless amount that make it vague: 數億元, 数以十亿元计.
_VAGUE_BEFORE = ("數", "数", "數以", "数以")


def _whole_names(
    item: tuple[int, int], clause: tuple[int, int], mentions: list[_Mention], starts: list[int]
) -> tuple[int, int]:
    """``item`` widened so that no name is cut ("the Fund on Branding, Upgrading and ...")."""
    start, end = item
    for m in _between(mentions, starts, (max(clause[0], start - WINDOW), clause[1])):
        if m.start < start < m.end:
            start = m.start
        if m.start < end < m.end:
            end = m.end
    return start, end


def _nearest_verb(
    text: str,
    clause: tuple[int, int],
    amount: tuple[int, int],
    mentions: list[_Mention],
    starts: list[int],
) -> regex.Match[str] | None:
    """The funding verb of the clause nearest the amount, outside names ("InvestHK", "Fund")."""
    best: regex.Match[str] | None = None
    low, high = max(clause[0], amount[0] - WINDOW), min(clause[1], amount[1] + WINDOW)
    names = _between(mentions, starts, (low, high))
    for match in _FUNDING_VERB_RE.finditer(text, low, high):
        if any(m.start <= match.start() < m.end for m in names):
            continue
        if best is None or _distance(match, amount) < _distance(best, amount):
            best = match
        if match.start() > amount[1]:
            break
    return best


def _distance(match: regex.Match[str], amount: tuple[int, int]) -> int:
    return amount[0] - match.end() if match.end() <= amount[0] else match.start() - amount[1]


def _mentions(
    text: str, institutions: Sequence[Institution], initiatives: Sequence[Initiative]
) -> list[_Mention]:
    found: list[_Mention] = []
    for inst in institutions:
        government = inst.kind == "government"
        facility = inst.kind == "park_or_facility"  # a place: it can receive, never give
        for span in inst.mentions:
            found.append(
                _Mention("institution", inst.id, span.start, span.end, government, None, facility)
            )
    for init in initiatives:
        names = " ".join(n for n in (init.name, init.name_zh) if n)
        if _NOT_TARGET_RE.search(names):
            continue  # the Budget, the Policy Address, a statistics report: never a target
        for span in init.mentions:
            found.append(_Mention("initiative", init.id, span.start, span.end, False, init.kind))
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _between(
    mentions: list[_Mention], starts: list[int], bounds: tuple[int, int]
) -> list[_Mention]:
    low = bisect.bisect_left(starts, bounds[0])
    high = bisect.bisect_left(starts, bounds[1])
    return [m for m in mentions[low:high] if m.end <= bounds[1]]


# --- not funding -------------------------------------------------------------------------------


def _not_funding(
    text: str, item: tuple[int, int], amount: tuple[int, int]
) -> tuple[cues.NotFundingReason, tuple[int, int]] | None:
    low = max(item[0], amount[0] - NON_FUNDING_REACH)
    before = None
    for match in _NON_FUNDING_BEFORE_RE.finditer(text, low, amount[0]):
        before = match  # the last cue before the amount
    if before is not None and _ALLOCATION_VERB_RE.search(text, before.end(), amount[0]) is None:
        # a funding verb between the cue and the amount starts a new statement: "研發開支
        # 提供扣稅，以及向基金注資100億元" is funding
        return _reason(cues.NON_FUNDING_BEFORE, before.group()), before.span()
    for whole in _NON_FUNDING_IN_ITEM_RE.finditer(text, item[0], item[1]):
        if whole.end() <= amount[0]:
            low, high = whole.end(), amount[0]
        else:
            low, high = amount[1], whole.start()
        if _ALLOCATION_VERB_RE.search(text, low, high) is None:
            return _reason(cues.NON_FUNDING_IN_ITEM, whole.group()), whole.span()
    after = _NON_FUNDING_AFTER_RE.match(
        text, amount[1], min(item[1], amount[1] + NON_FUNDING_AFTER_REACH)
    )
    if after is not None:
        words = after.group().strip()
        return _reason(cues.NON_FUNDING_AFTER, words), (after.end() - len(words), after.end())
    return None


def _reason(table: dict[str, cues.NotFundingReason], word: str) -> cues.NotFundingReason:
    """The reason ``table`` gives for ``word``, matched as its pattern matched it."""
    found = table.get(word.lower())
    if found is not None:
        return found
    folded = " ".join(word.casefold().split())
    return next((r for k, r in table.items() if k.casefold() == folded), "statistic")


# --- targets and roles -------------------------------------------------------------------------


def _nearer_previous(m: _Mention, a0: int, prev_end: int, item: tuple[int, int]) -> bool:
    """A name between the previous amount of the same item and this one, nearer the previous:
    it belongs to that amount ("注資100億予X 設公司推動開發Y 申起始資金100億元": X is the
    first amount's)."""
    return item[0] <= prev_end <= m.start and m.end <= a0 and m.start - prev_end < a0 - m.end


def _choose_targets(
    text: str,
    draft: Draft,
    in_item: list[_Mention],
    item: tuple[int, int],
    owners: dict[str, set[str]],
) -> None:
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    initiatives: list[tuple[float, _Mention]] = []
    recipients: list[_Mention] = []
    others: list[_Mention] = []
    funder: _Mention | None = None
    for m in in_item:
        before = text[max(item[0], m.start - 16) : m.start]
        after = text[m.end : min(item[1], m.end + 20)]
        if _QUOTE_AFTER_RE.match(after) or _SPEAKER_BEFORE_RE.search(before):
            continue  # the body quoted is neither funder nor recipient of this amount
        if _SOURCE_BEFORE_RE.search(before):
            funder = funder or m  # "from the ITF", "從創新及科技基金撥出": where it comes from
            continue
        if (
            _VENUE_BEFORE_RE.search(before)
            or _MEETING_AFTER_RE.match(after)
            or (before.endswith("在") and _SPEECH_AFTER_RE.match(after))
            or _SINCE_FOUNDED_AFTER_RE.match(after)
        ):
            continue  # "at the Legislative Council", "出席X會議": where it was said
        if _ASKED_AFTER_RE.match(after):
            continue  # "向立法會申請": the body asked decides, it neither gives nor gets
        if m.kind == "initiative":
            distance = float(m.start - a1) if m.start >= a1 else float(a0 - m.end) + 0.5
            if m.end <= a0 and _PARENT_AFTER_RE.match(after):
                distance += 2 * WINDOW  # the parent fund: only when nothing else
            if m.start >= a1 and _UNDER_BETWEEN_RE.match(text[a1 : m.start]):
                distance = -1.0  # "$120 million under the subhead of X"
            initiatives.append((distance, m))
            continue
        if _RECIPIENT_BEFORE_RE.search(before) and not m.government:
            recipients.append(m)
            continue
        if (
            m.end <= a0
            and not m.facility
            and (_FUNDER_AFTER_RE.match(text, m.end, a0) or m.government)
        ):
            funder = m
            continue
        others.append(m)
    if initiatives:
        best = min(initiatives, key=lambda pair: pair[0])[1]
        draft.initiative = Target("initiative", best.id, best.start, best.end)
    if recipients:
        best_r = min(recipients, key=lambda m: abs(m.start - a0))
        draft.institution = Target("institution", best_r.id, best_r.start, best_r.end)
        draft.role = "recipient"
        draft.recipient = best_r.id
        low = max(item[0], best_r.start - 8)
        mark = _RECIPIENT_BEFORE_RE.search(text, low, best_r.start)
        if mark is not None:
            draft.cues.append(mark.span())
    if funder is not None:
        draft.funder = funder.id
    owner_ids = owners.get(draft.initiative.id, set()) if draft.initiative else set()
    if draft.institution is None:
        owner = next(
            (m for m in [*others, *([funder] if funder else [])] if m.id in owner_ids), None
        )
        if owner is not None:
            draft.institution = Target("institution", owner.id, owner.start, owner.end)
            draft.role = "owner"
        elif others and draft.initiative is None:
            best_o = min(others, key=lambda m: abs(m.start - a0))
            draft.institution = Target("institution", best_o.id, best_o.start, best_o.end)
            draft.role = (
                "recipient" if best_o.start >= a1 or _funding_noun_before(text, item, a0) else None
            )
        elif (
            funder is not None
            and funder.kind == "institution"
            and draft.initiative is None
            and not funder.government
        ):
            draft.institution = Target("institution", funder.id, funder.start, funder.end)
            draft.role = "funder"


def _sentence_initiative(
    draft: Draft, since: tuple[int, int], mentions: list[_Mention], starts: list[int]
) -> None:
    """An item that names no scheme takes the initiative its sentence named before it, after
    any earlier amount ("the applications for X received ..., and whether each was granted
    $100,000"; "將推行X，其中撥款5,000萬元……")."""
    before = [m for m in _between(mentions, starts, since) if m.kind == "initiative"]
    if before:
        last = before[-1]
        draft.initiative = Target("initiative", last.id, last.start, last.end)


def _scheme_in_discussion(
    text: str, draft: Draft, item: tuple[int, int], mentions: list[_Mention], starts: list[int]
) -> None:
    """A grant amount whose item names nothing ("最高資助額為項目總支出的1/3或1,500萬元"), or an
    amount in a bullet list under a lead line, belongs to the scheme the text was just
    describing: the nearest initiative named before it, at most ``DISCOURSE_REACH`` characters
    back. Any other amount naming nothing in the paragraph right under a heading that names one
    initiative belongs to it."""
    a0 = draft.mention.span.start
    grant = _GRANT_NOUN_RE.search(text, item[0], item[1]) or _listed_under_lead(text, a0)
    if grant is None:
        heading = _heading(text, a0)
        if heading is None or _FUNDING_VERB_RE.search(text, *draft.clause) is None:
            return  # an amount with no verb of funding stays no fact
        named = [m for m in _between(mentions, starts, heading) if m.kind == "initiative"]
        if len({m.id for m in named}) == 1:  # "InnoHK Research Clusters" above the paragraph
            m = named[-1]
            draft.initiative = Target("initiative", m.id, m.start, m.end)
        return
    low = bisect.bisect_left(starts, max(0, a0 - DISCOURSE_REACH))
    high = bisect.bisect_left(starts, a0)
    for m in reversed(mentions[low:high]):
        if m.kind == "initiative" and m.end <= a0:
            draft.initiative = Target("initiative", m.id, m.start, m.end)
            draft.cues.append(grant.span())
            return


# A bullet that starts a line: "- ", "• ", "(a) ", "1. ", "（一）".
_BULLET_RE = regex.compile(
    r"[ \t]*(?:[-–•·●▪◆■*]|\(?[a-z0-9]{1,2}\)|[0-9]{1,2}\.|[（(][一二三四五六七八九十]+[）)])\s"
    r"|[ \t]*[•·●▪◆■]"
)
# How many bullet lines back the lead line of a list may stand.
MAX_LIST_ITEMS = 12


def _listed_under_lead(text: str, a0: int) -> regex.Match[str] | None:
    """The colon that ends the lead line of the bullet list the amount stands in ("Highlights:"
    above "- $45 million was granted ..."): the list describes what the text was discussing."""
    start = text.rfind("\n", 0, a0) + 1
    if _BULLET_RE.match(text, start) is None:
        return None
    for _ in range(MAX_LIST_ITEMS):
        if start == 0:
            return None
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1].rstrip()
        if _BULLET_RE.match(line):
            start = previous
            continue
        if line.endswith((":", "：")):
            return _COLON_RE.match(text, previous + len(line) - 1)
        return None
    return None


_COLON_RE = regex.compile(r"[:：]")


def _inherit(text: str, draft: Draft, drafts: list[Draft], clause: tuple[int, int]) -> None:
    """An amount that repeats an earlier one ("預留200億元……但強調200億元並不夠用"), or is
    part of it ("獲撥出當中的8億元"), takes that amount's target."""
    a0 = draft.mention.span.start
    part_of = _PART_OF_RE.search(text, clause[0], a0)
    money = draft.mention.money
    for earlier in reversed(drafts):
        if a0 - earlier.mention.span.end > MAX_REFERENCE_DISTANCE:
            return
        if not (earlier.initiative or earlier.institution):
            continue
        same = (earlier.mention.money.amount, earlier.mention.money.currency) == (
            money.amount,
            money.currency,
        )
        if same or part_of is not None:
            draft.initiative, draft.institution = earlier.initiative, earlier.institution
            draft.role, draft.recipient = earlier.role, earlier.recipient
            if part_of is not None:
                draft.cues.append(part_of.span())
            return


def _funding_noun_before(text: str, item: tuple[int, int], a0: int) -> bool:
    """ "<body>'s research funding of ...", "<body> ... the $X funding injection": the body
    receives it."""
    return _FUNDING_NOUN_RE.search(text, item[0], item[1]) is not None


def _distribute(
    text: str,
    draft: Draft,
    amounts: list[tuple[int, MoneyMention]],
    amount_starts: list[int],
    clause: tuple[int, int],
    mentions: list[_Mention],
    starts: list[int],
) -> None:
    """ "HK$8 billion and HK$2 billion for X and Y respectively": the i-th amount gets the i-th
    target named after the last amount of the list."""
    cue = _DISTRIBUTIVE_RE.search(text, clause[0], clause[1])
    if cue is None:
        return
    low = bisect.bisect_left(amount_starts, clause[0])
    high = bisect.bisect_left(amount_starts, clause[1])
    in_clause = [m for _, m in amounts[low:high]]
    if len(in_clause) < 2:
        return
    last_end = in_clause[-1].span.end
    named: list[_Mention] = []
    for m in _between(mentions, starts, (last_end, cue.start())):
        if not named or (m.start >= named[-1].end):
            named.append(m)
    if len(named) != len(in_clause):
        return
    position = next(i for i, m in enumerate(in_clause) if m is draft.mention)
    chosen = named[position]
    target = Target(chosen.kind, chosen.id, chosen.start, chosen.end)
    if chosen.kind == "initiative":
        draft.initiative = target
    else:
        draft.institution, draft.role, draft.recipient = target, "recipient", chosen.id
    draft.distributed = True
    draft.cues.append(cue.span())


def _resolve_reference(
    text: str, draft: Draft, item: tuple[int, int], mentions: list[_Mention], starts: list[int]
) -> None:
    """ "the Scheme" / 該計劃 in the item, with no scheme named there: the nearest compatible
    initiative named earlier, unless an unnamed one of the same kind lies in between."""
    if draft.initiative is not None:
        return
    found = _REFERENCE_RE.search(text, item[0], item[1])
    if found is None:
        return
    draft.reference = found.span()
    draft.cues.append(found.span())
    wanted = cues.REFERENCE_WORDS.get(found.group().lower())
    head = _head_word(found.group())
    low = bisect.bisect_left(starts, max(0, found.start() - MAX_REFERENCE_DISTANCE))
    high = bisect.bisect_left(starts, found.start())
    covered_until = found.start()
    nearest: _Mention | None = None
    for m in reversed(mentions[low:high]):
        if m.kind != "initiative" or m.end > found.start():
            continue
        gap = text[m.end : covered_until]
        if head and head in gap.lower():
            break  # an unnamed scheme lies nearer: "推出……的培育計劃。該計劃……"
        if wanted is None or m.initiative_kind in (wanted, "other", "initiative", None):
            draft.initiative = Target("initiative", m.id, m.start, m.end)
            return
        nearest = nearest or m
        covered_until = m.start
    else:
        if nearest is not None and _only_initiative_kind(mentions[low:high], found.start()):
            # the one initiative named before, whatever its kind: writers call a programme
            # or a hub "the Scheme" too
            draft.initiative = Target("initiative", nearest.id, nearest.start, nearest.end)


def _only_initiative_kind(mentions: Sequence[_Mention], before: int) -> bool:
    """Whether the initiatives named before ``before`` are all one initiative."""
    return len({m.id for m in mentions if m.kind == "initiative" and m.end <= before}) == 1


_HEADS = ("計劃", "计划", "計畫", "计画", "基金", "scheme", "programme", "program", "fund")


def _head_word(reference: str) -> str | None:
    lowered = reference.lower()
    return next((h for h in _HEADS if h in lowered), None)


# --- purposes ----------------------------------------------------------------------------------


def _purpose(
    text: str,
    draft: Draft,
    item: tuple[int, int],
    sentence: tuple[int, int],
    names: Sequence[_Mention] = (),
) -> None:
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    end = min(item[1], a1 + WINDOW)
    zh = _HAN_RE.search(text, max(item[0], a0 - 10), min(end, a1 + 10)) is not None
    found = _purpose_zh(text, item, a0, a1, end) if zh else _purpose_en(text, item, a0, a1, end)
    if found is not None:
        found = _outside_names(text, found, names)
    if draft.reference is not None and draft.initiative is None:
        start, stop = draft.reference  # "該計劃" with no scheme to refer to: what is funded
        found = (text[start:stop], start, stop, None)
    if found is None:
        return
    phrase, start, stop, cue = found
    if draft.distributed:
        return  # the list names each amount's target; its "for X and Y" is not one purpose
    reference = draft.reference
    if reference is not None and draft.initiative is not None and start <= reference[0] < stop:
        return  # "for the Fund": the fund it refers to, not a use
    if (
        draft.initiative is not None
        and start <= draft.initiative.start < stop
        and (stop - start <= draft.initiative.end - draft.initiative.start + 6)
    ):
        return  # "for the Innovation and Technology Fund" names the fund, not a use
    draft.purpose = (phrase, start, stop)
    if cue is not None:
        draft.cues.append(cue)
    del sentence


def _outside_names(
    text: str,
    found: tuple[str, int, int, tuple[int, int] | None],
    names: Sequence[_Mention],
) -> tuple[str, int, int, tuple[int, int] | None] | None:
    """``found`` kept clear of names and frame words: a purpose that starts inside a name (its
    cue is a word of the name: "創科加速器先導計劃") is none; one that runs into a name is cut
    before it; one that is only a frame word ("基礎上", "方面") is none."""
    phrase, start, stop, cue = found
    for name in names:
        if name.start < start < name.end or (cue is not None and name.start < cue[0] < name.end):
            return None
        if start < name.start < stop < name.end:
            stop = name.start
    for quoted in _QUOTED_RE.finditer(text, max(0, start - 40), min(len(text), stop + 40)):
        inner = quoted.span("name")
        if inner[0] < start < inner[1] or (cue is not None and inner[0] < cue[0] < inner[1]):
            # a word of a quoted name that was not recognised: the name is what is funded
            return text[inner[0] : inner[1]], inner[0], inner[1], None
    if stop != found[2]:
        phrase = text[start:stop].rstrip(" 「『“\"'的之及和與与")
    phrase = _TRAILING_JOIN_RE.sub("", phrase)  # "... in the Loop and" before the next amount
    stop = start + len(phrase)
    if len(phrase) < 2 or _FRAME_WORD_RE.fullmatch(phrase.lstrip("的之")) is not None:
        return None
    return phrase, start, stop, cue


def _purpose_en(
    text: str, item: tuple[int, int], a0: int, a1: int, end: int
) -> tuple[str, int, int, tuple[int, int] | None] | None:
    subject = _EN_SUBJECT_RE.match(text, a1, end)
    if subject is not None:
        keep = cues.SUBJECT_PURPOSE_VERBS_EN[" ".join(subject.group("cue").lower().split())]
        start = subject.start("cue") if keep else subject.start("purpose")
        stop = subject.end("purpose")
        return text[start:stop], start, stop, subject.span("cue")
    doing = _EN_DOING_RE.match(text, a1, end)
    if doing is not None and _SPEND_BEFORE_RE.search(text, max(item[0], a0 - 40), a0):
        start, stop = doing.span("purpose")  # "spend $350 million upgrading its data centre"
        return text[start:stop], start, stop, None
    for match in _EN_PURPOSE_RE.finditer(text, a1, end):
        lead = text[a1 : match.start()]
        if _EN_AFTER_LEAD_RE.match(lead) or _FUNDING_VERB_RE.search(lead):
            cue = match.group("cue").lower()
            start, stop = match.span("purpose")
            if cue.startswith("to "):
                start = match.start("cue") + 3  # keep the verb: "help universities ..."
            phrase = text[start:stop].strip()
            return phrase, start, start + len(phrase), match.span("cue")
        break
    before = text[max(item[0], a0 - 120) : a0]
    backed = _EN_BEFORE_RE.search(before)
    if backed:
        phrase = backed.group("purpose").strip()
        pieces = _LAST_DETERMINER_RE.split(phrase)
        if len(pieces) > 1 and pieces[-1].strip():
            phrase = pieces[-1].strip()
        offset = max(item[0], a0 - 120)
        start = offset + before.rfind(phrase, 0, backed.end("purpose"))
        if (phrase and phrase[0].isupper() is False) or len(phrase.split()) > 1:
            return phrase, start, start + len(phrase), None
    later = regex.search(
        r"(?i)\b(?:allocat\w+|earmark\w*|direct\w*)\s+(?:\w+\s+){0,2}(?P<cue>to|for)\s+"
        r"(?P<purpose>[^,.;:()]{3,80})",
        text[a1:end],
    )
    if later:
        start = a1 + later.start("purpose")
        phrase = later.group("purpose").strip()
        return phrase, start, start + len(phrase), (a1 + later.start("cue"), a1 + later.end("cue"))
    return None


def _purpose_zh(
    text: str, item: tuple[int, int], a0: int, a1: int, end: int
) -> tuple[str, int, int, tuple[int, int] | None] | None:
    low = max(item[0], a0 - 120)
    before = None
    for match in _ZH_BEFORE_RE.finditer(text, low, a0):
        before = match
    if before is not None and _FUNDING_VERB_RE.search(text, before.end(), a0):
        start, stop = before.span("purpose")
        comma = text[stop : stop + 1] in ("，", ",")
        if comma:  # "為加強X，政府將預留……": the purpose clause leads the sentence
            return text[start:stop], start, stop, (before.start(), before.start() + 1)
        after = _zh_after(text, a1, end, adjacent_only=True)
        if after is None:
            return text[start:stop], start, stop, (before.start(), before.start() + 1)
        return after
    owner = None
    for match in _ZH_TOTAL_OF_RE.finditer(text, low, a0):
        owner = match
    if (
        owner is not None
        and not _GOVERNMENT_RE.search(owner.group("purpose"))
        and not _WHEN_RE.fullmatch(owner.group("purpose"))
        and not _CEILING_RE.fullmatch(owner.group("purpose"))
    ):  # "首批項目的資助總額為10億元，用於……": the total is of what is named before it
        start, stop = owner.span("purpose")
        return text[start:stop], start, stop, owner.span("cue")
    involved = _ZH_INVOLVING_RE.search(text, low, a0)
    if involved is not None:  # "批准58個項目，共涉及約2,499億元": what was approved
        start, stop = involved.span("purpose")
        return text[start:stop], start, stop, involved.span("cue")
    shared = _ZH_SHARED_BY_RE.search(text, low, a0)
    if shared is not None:  # "21企業分1.2億": those who share it
        start, stop = shared.span("purpose")
        return text[start:stop], start, stop, shared.span("cue")
    found = _zh_after(text, a1, end)
    if found is not None:
        return found
    on = _ZH_SPENT_ON_RE.search(text, low, a0)
    if on is not None:
        start, stop = on.span("purpose")
        return text[start:stop], start, stop, (on.start(), on.start() + 1)
    towards = None
    for match in _ZH_TOWARDS_RE.finditer(text, low, a0):
        towards = match
    if towards is not None:
        start, stop = towards.span("purpose")
        return text[start:stop], start, stop, (towards.start(), towards.start() + 1)
    return None


def _zh_after(
    text: str, a1: int, end: int, *, adjacent_only: bool = False
) -> tuple[str, int, int, tuple[int, int] | None] | None:
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
        return text[start:stop], start, stop, None
    if match is None:
        bare = text[a1:end].strip(" 的")
        if (
            2 <= len(bare) <= ZH_BARE_ITEM
            and regex.fullmatch(r"[\p{Han}A-Za-z0-9]+", bare)
            and _FUNDING_VERB_RE.fullmatch(bare) is None
        ):
            start = text.index(bare, a1)
            return bare, start, start + len(bare), None  # "200億元落馬洲河套區、100億元……"
        return None
    cue = match.group("cue")
    keep = cues.PURPOSE_CUES_ZH[cue]
    start = match.start("cue") if keep else match.start("purpose")
    stop = match.end("purpose")
    phrase = text[start:stop].strip()
    if len(phrase) < 2:
        return None
    return phrase, start, start + len(phrase), match.span("cue")


# --- periods -----------------------------------------------------------------------------------

_ADDRESS_AFTER_RE = regex.compile(
    r"\s*(?:年\s*)?(?:施政報告|施政报告|Policy Address|立法年度)", regex.IGNORECASE
)


def _period(
    text: str,
    draft: Draft,
    dates: Sequence[DateMention],
    date_starts: list[int],
    sentence: tuple[int, int],
) -> None:
    """The fiscal year the sentence names, else a calendar year it names as a point in time
    (not the year of a Policy Address), else the fiscal year of the heading above it. Only the
    part of the sentence within a window of the amount is read."""
    a0, a1 = draft.mention.span.start, draft.mention.span.end
    first = sentence[0]
    sentence = (max(sentence[0], a0 - WINDOW), min(sentence[1], a1 + WINDOW))
    low = bisect.bisect_left(date_starts, sentence[0])
    high = bisect.bisect_left(date_starts, sentence[1])
    in_sentence = list(dates[low:high])
    fiscal = [m for m in in_sentence if isinstance(m.value, FiscalYear)]
    if fiscal:
        chosen = _fiscal_year_of(text, fiscal, sentence, (a0, a1))
        assert isinstance(chosen.value, FiscalYear)  # ``fiscal`` holds fiscal years only
        draft.period, draft.period_span = chosen.value, (chosen.span.start, chosen.span.end)
        return
    for mention in in_sentence:
        if mention.kind == "year" and mention.anchor == "point" and mention.value is not None:
            if _ADDRESS_AFTER_RE.match(text, mention.span.end):
                continue
            year = getattr(mention.value, "year", None)
            if isinstance(year, int):
                draft.period, draft.period_span = year, (mention.span.start, mention.span.end)
                return
    written = _ZH_FISCAL_YEAR_RE.search(text, sentence[0], sentence[1])
    if written is not None:
        value = _read_period(written.group())
        if value is not None:
            draft.period, draft.period_span = value, written.span()
            return
    heading = _heading(text, first)
    if heading is None:
        return
    low = bisect.bisect_left(date_starts, heading[0])
    high = bisect.bisect_left(date_starts, heading[1])
    for mention in dates[low:high]:
        if isinstance(mention.value, FiscalYear):
            draft.period, draft.period_span = mention.value, (mention.span.start, mention.span.end)
            return


# Punctuation that separates the parts of a sentence naming one amount each ("$3 million in
# 2025-26, and $5 million in 2026-27"; "在2025-26年度撥款3億元，並在2026-27年度撥款5億元").
# Words such as "and" or 及 are left out: they also join the words of names.
_PART_SEPARATOR_RE = regex.compile(r"[,;，；、]|並|并")


def _fiscal_year_of(
    text: str,
    fiscal: Sequence[DateMention],
    window: tuple[int, int],
    amount: tuple[int, int],
) -> DateMention:
    """The fiscal year an amount belongs to among those its sentence names: the one in the
    amount's own part of the sentence, else the nearest one before the amount (a year stated
    once for the amounts that follow it), else the first."""
    start = window[0]
    for separator in _PART_SEPARATOR_RE.finditer(text, window[0], amount[0]):
        start = separator.end()
    following = _PART_SEPARATOR_RE.search(text, amount[1], window[1])
    end = following.start() if following is not None else window[1]
    inside = [m for m in fiscal if start <= m.span.start and m.span.end <= end]
    if inside:
        return inside[0]
    before = [m for m in fiscal if m.span.end <= amount[0]]
    return before[-1] if before else fiscal[0]


# A Chinese fiscal year as written in a sentence ("2017/18年度", "2019至20年度", "由2024/25年度起"),
# read again where the date scan left it (after a comma glued to the digits).
_HAN_DIGIT = "〇○零一二三四五六七八九"
_ZH_FISCAL_YEAR_RE = regex.compile(
    rf"(?<![\d{_HAN_DIGIT}])(?:\d{{4}}|[{_HAN_DIGIT}]{{4}})\s*[/／至\-–]\s*"
    rf"(?:\d{{2}}|\d{{4}}|[{_HAN_DIGIT}]{{2}}|[{_HAN_DIGIT}]{{4}})\s*年度"
)


def _read_period(written: str) -> FiscalYear | None:
    from .dates import parse_period

    try:
        value = parse_period(written)
    except ValueError:
        return None
    return value if isinstance(value, FiscalYear) else None


def _heading(text: str, start: int) -> tuple[int, int] | None:
    """The line above the paragraph holding ``start`` when it reads as a heading."""
    floor = max(0, start - HEADING_REACH)  # bounded: a long line never costs a scan per amount
    newline = text.rfind("\n", floor, start)
    if newline < 0:
        return None
    probe = newline
    while probe > floor and text[probe - 1] in " \t\n\r":
        probe -= 1
    begin = max(text.rfind("\n", floor, probe) + 1, floor)
    line = text[begin:probe]
    if not line.strip() or len(line) > MAX_HEADING or line.rstrip()[-1:] in ".。:：;；,，":
        return None
    return begin, probe
