"""Facts: :class:`Funding` (money tied to who and what) and :class:`SectorStat` (a sector's share).

Owns the two fact models and their assembly from one text's mentions: :func:`assemble_funding`
ties money to the initiative, institution, purpose and period its sentence names, and
:func:`prose_sector_stats` reads the sentence forms that state a sector's or population's share
("42% of local enterprises ...", "the financial services industry, which contributes 23% to
GDP"). Table rows become SectorStats in :func:`hkpolicy.tables.sector_stats_from_table`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import regex

from ._sentences import SentenceIndex
from .dates import DateMention, FiscalYear
from .entities import Initiative, Institution
from .money import Money, MoneyMention
from .percent import Percentage, PercentMention
from .spans import Record, Span

__all__ = [
    "Funding",
    "PegCheck",
    "Role",
    "SectorStat",
    "assemble_funding",
    "prose_sector_stats",
]


def __dir__() -> list[str]:
    return __all__


PegCheck = Literal["consistent", "inconsistent"]
Role = Literal["funder", "recipient", "owner"]


class Funding(Record):
    """An amount of money the text ties to an initiative, an institution or a purpose."""

    amount: Money
    """The amount, with its qualifier and per-period."""
    converted: Money | None = None
    """The paired amount in another currency, as written ("(US$3.07 billion)")."""
    peg_check: PegCheck | None = None
    """Whether a HKD/USD pair agrees with the linked exchange rate band; None if no pair."""
    initiative: str | None = None
    """Id of the initiative funded, where the text names one."""
    institution: str | None = None
    """Id of the institution involved, where the text names one."""
    role: Role | None = None
    """The institution's role, where the text makes it clear."""
    purpose: str | None = None
    """What the money is for, as the text puts it."""
    amount_span: Span | None = None
    """The amount expression itself ("HK$24 billion")."""
    period: FiscalYear | int | None = None
    """The fiscal year, or calendar year, the amount belongs to (from its sentence)."""
    span: Span
    """The clause that states the fact (the sentence, or the part of it between ", and"/";")."""


class SectorStat(Record):
    """A percentage that describes a sector or population: "58% adoption in Financial Services"."""

    sector: str
    """The sector or population described, as written."""
    metric: str
    """What is measured ("Adoption Rate"), from a table header or the sentence."""
    value: Percentage
    """The value, with its qualifier."""
    year: int | None = None
    """The year the figure refers to, where the text gives one."""
    source: Literal["table", "text"]
    """Whether the figure came from a table cell or from prose."""
    source_institution: str | None = None
    """Id of the body the text credits for the figure."""
    span: Span
    """The cell or phrase holding the value."""
    clause: Span | None = None
    """For a figure from prose, the sentence that states it."""


# --- assembly from one text's mentions ----------------------------------------------------------
# Every pattern below runs on a window of at most WINDOW characters around one mention, so the
# assembly costs O(mentions * WINDOW) whatever the length of a sentence: linear in the text.
WINDOW = 240

# Words between an institution and an amount that make its role clear.
ROLE_CUES: dict[Role, tuple[str, ...]] = {
    "owner": ("launched", "launches", "runs", "operates", "administers", "manages", "推出", "管理"),
    "funder": (
        "allocated", "allocates", "provided", "provides", "invested", "invests", "funded",
        "set aside", "earmarked", "committed", "撥款", "預留", "資助",
    ),
    "recipient": ("received", "receives", "secured", "was granted", "was awarded", "獲"),
}  # fmt: skip

# "... for <purpose>" right after an amount (allowing an adverb), up to the clause's end.
_PURPOSE_AFTER_RE = regex.compile(
    r"^\s*(?:\([^()]{0,60}\)\s*)?(?:[a-z]+ly\s+)?(?:for|to support|to fund|towards)\s+"
    r"(?P<purpose>[^,.;:()]{3,120}?)\s*(?=[,.;:()]|$|\s+(?:in|by|from|over)\s+(?:the\s+)?\d{4})"
)
# "<purpose> backed by <amount>" / "<purpose> worth <amount>" just before an amount.
_PURPOSE_BEFORE_RE = regex.compile(
    r"(?P<purpose>(?:[\w&'’-]+\s+){0,7}[\w&'’-]+)\s+"
    r"(?:backed by|funded by|worth|totalling|with)\s*$"
)
# NOTE: keep the word lists below in sync with the patterns they guard.
_PURPOSE_BEFORE_WORDS = ("backed by", "funded by", "worth", "totalling", "with")
_PURPOSE_ALLOCATES_WORDS = ("allocat", "earmark", "direct")
# Every pattern reading a purpose after an amount needs "for" or "to" (the allocation pattern
# too: "allocates resources to ..."); stdlib re finds a literal alternation fastest.
_PURPOSE_AFTER_HINT = re.compile("for|to")
# "... allocates resources to <purpose>" later in the same sentence.
_PURPOSE_ALLOCATES_RE = regex.compile(
    r"\b(?:allocat\w+|earmark\w*|direct\w*)\s+(?:\w+\s+){0,2}(?:to|for)\s+(?P<purpose>[^,.;:()]{3,80})"
)
_LEADING_DETERMINERS_RE = regex.compile(r"(?i)^(?:(?:a|an|the|its|their)\s+)+")
# The noun phrase is what follows the last determiner or "of": "announced a series of X" -> X.
_LAST_DETERMINER_RE = regex.compile(r"(?i)\b(?:a|an|the|of|its|their)\s+")


# A sentence's clauses: split at "; " and at ", and" / ", while" / ", but" / ", whereas" and
# their Chinese counterparts, so two amounts in one sentence keep their own bodies.
_CLAUSE_BREAK_RE = regex.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+|，(?:並|而|另)|；")
# Each branch of _CLAUSE_BREAK_RE starts with one of these. NOTE: keep the two in sync.
_CLAUSE_BREAK_MARKS = (";", ",", "，", "；")
# Just before an institution: the money goes *to* it ("向香港科技園公司撥款", "grants to HKSTP").
_RECIPIENT_BEFORE_RE = regex.compile(r"(?:向|給|予|\bto(?:\s+the)?\s+|\bfor(?:\s+the)?\s+)$")


def _clause(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``offset`` (at most WINDOW characters either side)."""
    start = max(sentence[0], offset - WINDOW)
    end = min(sentence[1], offset + WINDOW)
    if not any(text.find(mark, start, end) >= 0 for mark in _CLAUSE_BREAK_MARKS):
        return start, end  # no break can match: skip the pattern (most clauses)
    for match in _CLAUSE_BREAK_RE.finditer(text, start, end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() > offset:
            end = match.start()
            break
    return start, end


def _roles_between(between: str) -> Role | None:
    lowered = between.lower()
    for role, cues in ROLE_CUES.items():
        if any(cue in lowered for cue in cues):
            return role
    return None


def _may_state_purpose(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """False when no purpose pattern can match around the amount at ``start:end`` in any clause
    of ``sentence``: the word tests of :func:`_purpose`, over the widest windows it can use."""
    if _PURPOSE_AFTER_HINT.search(text, end, min(sentence[1], end + WINDOW)):
        return True
    lowest = max(sentence[0], start - 120)
    stop = start
    while stop > lowest and text[stop - 1].isspace():  # str.isspace covers regex's \s
        stop -= 1
    return text.endswith(_PURPOSE_BEFORE_WORDS, lowest, stop)


def _purpose(text: str, sentence: tuple[int, int], amount: tuple[int, int]) -> str | None:
    # Each pattern runs only where its literal words occur (a cheap necessary condition): most
    # amounts have no purpose phrase, and the patterns cost far more than a substring test.
    after = text[amount[1] : min(sentence[1], amount[1] + WINDOW)]
    if _PURPOSE_AFTER_HINT.search(after):
        match = _PURPOSE_AFTER_RE.match(after)
        if match:
            return match.group("purpose").strip()
    before = text[max(sentence[0], amount[0] - 120) : amount[0]]
    if before.rstrip().endswith(_PURPOSE_BEFORE_WORDS):
        match = _PURPOSE_BEFORE_RE.search(before)
        if match:
            phrase = match.group("purpose").strip()
            pieces = _LAST_DETERMINER_RE.split(phrase)
            return pieces[-1].strip() if len(pieces) > 1 and pieces[-1].strip() else None
    if any(word in after for word in _PURPOSE_ALLOCATES_WORDS):
        match = _PURPOSE_ALLOCATES_RE.search(after)
        if match:
            return match.group("purpose").strip()
    return None


def _nearest(spans: Sequence[tuple[str, Span]], anchor: int) -> tuple[str, Span] | None:
    if not spans:
        return None
    return min(spans, key=lambda item: abs(item[1].start - anchor))


def assemble_funding(
    text: str,
    money: Sequence[MoneyMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    sentences: SentenceIndex,
) -> list[Funding]:
    """Funding facts: each money mention whose sentence names an initiative, an institution or
    a purpose. The second amount of a pair becomes ``converted`` of the first, not a fact."""
    by_sentence_inst = _by_sentence(institutions, sentences)
    by_sentence_init = _by_sentence(initiatives, sentences)
    dates_by_sentence = _dates_by_sentence(dates, sentences)
    owners = {i.id: {i.owner, *i.text_owners} - {None} for i in initiatives}
    funding: list[Funding] = []
    for position, mention in enumerate(money):
        if mention.paired_index is not None and mention.paired_index < position:
            continue  # the bracketed conversion of the amount before it
        index = sentences.index_of(mention.span.start)
        if index is None:
            continue
        sentence = sentences.bounds[index]
        if (
            index not in by_sentence_inst
            and index not in by_sentence_init
            and not _may_state_purpose(text, sentence, mention.span.start, mention.span.end)
        ):
            continue  # nothing in the sentence can make this amount a fact (most amounts)
        clause = _clause(text, sentence, mention.span.start)
        initiative = _nearest(_within(by_sentence_init.get(index, []), clause), mention.span.start)
        institution = _nearest(_within(by_sentence_inst.get(index, []), clause), mention.span.start)
        purpose = _purpose(text, clause, (mention.span.start, mention.span.end))
        if purpose is not None and initiative is not None and initiative[1].text in purpose:
            purpose = None  # "for the Innovation and Technology Fund" names the fund, not a use
        if initiative is None and institution is None and purpose is None:
            continue
        role: Role | None = None
        if institution is not None:
            if initiative is not None and institution[0] in owners.get(initiative[0], set()):
                role = "owner"
            elif _RECIPIENT_BEFORE_RE.search(
                text[max(0, institution[1].start - 8) : institution[1].start]
            ):
                role = "recipient"
            else:
                low, high = sorted((institution[1].end, mention.span.start))
                role = _roles_between(text[low:high])
                if role is None and "funding" in text[sentence[0] : mention.span.start].lower():
                    role = "recipient"  # "<body>'s research funding of ...", "funding ... <body>"
        funding.append(
            Funding.model_construct(
                amount=mention.money,
                converted=mention.paired,
                peg_check=mention.peg,
                initiative=initiative[0] if initiative else None,
                institution=institution[0] if institution else None,
                role=role,
                purpose=purpose,
                amount_span=mention.span,
                period=_period(dates_by_sentence.get(index, [])),
                span=Span.of(text, clause[0], clause[1], mention.span.doc_id),
            )
        )
    return funding


def _by_sentence(
    entities: Sequence[Institution] | Sequence[Initiative], sentences: SentenceIndex
) -> dict[int, list[tuple[str, Span]]]:
    grouped: dict[int, list[tuple[str, Span]]] = {}
    for entity in entities:
        for span in entity.mentions:
            index = sentences.index_of(span.start)
            if index is not None:
                grouped.setdefault(index, []).append((entity.id, span))
    return grouped


def _within(found: Sequence[tuple[str, Span]], bounds: tuple[int, int]) -> list[tuple[str, Span]]:
    return [item for item in found if bounds[0] <= item[1].start and item[1].end <= bounds[1]]


def _dates_by_sentence(
    dates: Sequence[DateMention], sentences: SentenceIndex
) -> dict[int, list[DateMention]]:
    grouped: dict[int, list[DateMention]] = {}
    for mention in dates:
        index = sentences.index_of(mention.span.start)
        if index is not None:
            grouped.setdefault(index, []).append(mention)
    return grouped


def _period(in_sentence: Sequence[DateMention]) -> FiscalYear | int | None:
    """The fiscal year the sentence names, else the year it names as a point in time."""
    for mention in in_sentence:
        if isinstance(mention.value, FiscalYear):
            return mention.value
    for mention in in_sentence:
        if mention.kind == "year" and mention.anchor == "point" and mention.value is not None:
            return getattr(mention.value, "year", None)
    return None


# --- sector statistics from prose -------------------------------------------------------------

_NOUN_PHRASE = r"(?:[\p{L}&'’-]+\s+){0,5}?[\p{L}&'’-]+"
_VERB_START = (
    r"(?:have|has|had|are|is|were|was|plan|plans|use|uses|used|say|said|expect|expects|"
    r"report|reported|intend|intends|adopt|adopted|focus|focusing|work|working)"
)
# "42% of local enterprises have begun ..." (the value is the mention just before).
_ADVERB = r"(?:\s+(?:now|currently|already|still|also|reportedly))?"
_SHARE_OF_RE = regex.compile(
    rf"^\s+of\s+(?P<population>{_NOUN_PHRASE}){_ADVERB}\s+"
    rf"(?P<metric>{_VERB_START}\b[^,.;:]{{2,120}})"
)
# "another 35% plan to integrate them ..."
_ANOTHER_RE = regex.compile(r"\b(?:another|a further|the remaining)\s*$")
_FOLLOWING_VERB_RE = regex.compile(rf"^\s+(?P<metric>{_VERB_START}\b[^,.;:]{{2,120}})")
# "The financial services industry, which contributes approximately 23% to Hong Kong's GDP"
_CONTRIBUTES_BEFORE_RE = regex.compile(
    rf"(?P<sector>{_NOUN_PHRASE}\s+(?:industry|sector|industries|sectors)),?\s+"
    r"(?:which|that)\s+(?:contributes|accounts for|makes up|represents)\s*$"
)
_CONTRIBUTES_AFTER_RE = regex.compile(
    r"^\s+(?:to|of)\s+(?P<whole>[^,.;:]{2,60}?)(?=[,.;:]|\s+and\b|$)"
)
# "housing over 1,500 technology companies, with approximately 30% focusing on AI applications"
_WITH_SHARE_BEFORE_RE = regex.compile(rf"\d[\d,]*\s+(?P<population>{_NOUN_PHRASE}),\s+with\s*$")
_WITH_SHARE_AFTER_RE = regex.compile(r"^\s+(?P<metric>[\p{L}][^,.;:]{2,120})")
# "the number of AI-focused startups in Hong Kong has grown by 68%"
_NUMBER_OF_RE = regex.compile(
    rf"\bthe number of\s+(?P<population>{_NOUN_PHRASE})\s+(?:has|have)\s+"
    r"(?P<verb>grown|risen|increased|fallen|declined|dropped)\s+by\s*$"
)
# Every pattern above that reads the text after a percentage starts with white space and a
# letter; the only one that reads just the text before it holds "the number of". The last words
# of the patterns that read the text before it, as a cheap test before their search.
# NOTE: keep in sync with those patterns.
_ANOTHER_CUES = ("another", "further", "remaining")
_CONTRIBUTES_CUES = ("contributes", "accounts for", "makes up", "represents")
_WITH_CUES = ("with",)
_NUMBER_OF_CUES = ("by",)
_WORD_AFTER_SPACE = regex.compile(r"\s+\p{L}")
_SOURCE_CUE_RE = regex.compile(r"(?i)\b(?:according to|survey by|study by|report by|data from)\b")


def prose_sector_stats(
    text: str,
    percentages: Sequence[PercentMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    sentences: SentenceIndex,
) -> list[SectorStat]:
    """SectorStats stated in sentences, in the forms listed at the top of this section.

    A percentage that describes one firm's result ("reducing analysis time by 40%") is left a
    plain percentage mention: only a share or change of a sector or population is a statistic.
    """
    stats: list[SectorStat] = []
    by_sentence_inst = _by_sentence(institutions, sentences)
    dates_by_sentence = _dates_by_sentence(dates, sentences)
    previous: tuple[int, SectorStat] | None = None
    for mention in percentages:
        if mention.percentage.unit != "percent":
            continue
        index = sentences.index_of(mention.span.start)
        if index is None:
            continue
        sentence = sentences.bounds[index]
        lowest = max(sentence[0], mention.span.start - WINDOW)
        highest = min(sentence[1], mention.span.end + WINDOW)
        if (
            _WORD_AFTER_SPACE.match(text, mention.span.end, highest) is None
            and text.find("the number of", lowest, mention.span.start) < 0
        ):
            continue  # no pattern below can match: the commonest case, without a regex search
        before = text[lowest : mention.span.start]
        after = text[mention.span.end : highest]
        # The last word before the value: each pattern that reads ``before`` ends with a cue
        # word, so it is searched only when that word is there (one search per mention at most,
        # never a failed search over the whole window for every percentage).
        cue = before.rstrip()
        in_sentence = dates_by_sentence.get(index, [])
        sector: str | None = None
        metric: str | None = None
        if match := _SHARE_OF_RE.match(after):
            sector, metric = match.group("population"), match.group("metric")
        elif (
            cue.endswith(_ANOTHER_CUES)
            and (match := _FOLLOWING_VERB_RE.match(after))
            and _ANOTHER_RE.search(before)
        ):
            if previous is not None and previous[0] == index:
                sector, metric = previous[1].sector, match.group("metric")
        elif (
            cue.endswith(_CONTRIBUTES_CUES)
            and (match := _CONTRIBUTES_BEFORE_RE.search(before))
            and (whole := _CONTRIBUTES_AFTER_RE.match(after))
        ):
            sector = match.group("sector")
            metric = f"contribution to {whole.group('whole').strip()}"
        elif (
            cue.endswith(_WITH_CUES)
            and (match := _WITH_SHARE_BEFORE_RE.search(before))
            and (tail := _WITH_SHARE_AFTER_RE.match(after))
        ):
            sector, metric = match.group("population"), tail.group("metric")
        elif cue.endswith(_NUMBER_OF_CUES) and (match := _NUMBER_OF_RE.search(before)):
            change = "growth" if match.group("verb") in GROWTH_VERBS else "decline"
            since = _start_year(in_sentence)
            sector = match.group("population")
            metric = f"{change} in number" + (f" since {since}" if since else "")
        if sector is None or metric is None:
            continue
        stat = SectorStat.model_construct(
            sector=_clean_phrase(sector),
            metric=_clean_phrase(metric),
            value=mention.percentage,
            year=_survey_year(in_sentence),
            source="text",
            source_institution=_credited(text, by_sentence_inst.get(index, [])),
            span=mention.span,
            clause=Span.of(text, sentence[0], sentence[1], mention.span.doc_id),
        )
        stats.append(stat)
        previous = (index, stat)
    return stats


GROWTH_VERBS = frozenset({"grown", "risen", "increased"})


def _start_year(in_sentence: Sequence[DateMention]) -> int | None:
    for mention in in_sentence:
        if mention.anchor == "start":
            year = getattr(mention.value, "year", None)
            return year if isinstance(year, int) else None
    return None


def _clean_phrase(phrase: str) -> str:
    return _LEADING_DETERMINERS_RE.sub("", " ".join(phrase.split())).strip()


def _survey_year(in_sentence: Sequence[DateMention]) -> int | None:
    for mention in in_sentence:
        if mention.kind == "year" and mention.anchor == "point" and mention.value is not None:
            year = getattr(mention.value, "year", None)
            return year if isinstance(year, int) else None
    return None


def _credited(text: str, mentions: Sequence[tuple[str, Span]]) -> str | None:
    """The body a sentence credits for its figure: "according to X", "a survey by X", "X's"."""
    for entity_id, span in mentions[:MAX_CREDIT_CANDIDATES]:
        if _SOURCE_CUE_RE.search(text[max(0, span.start - 40) : span.start]):
            return entity_id
        if text[span.end : span.end + 2] in ("'s", "’s"):
            return entity_id
    return None


# Bodies named in one sentence that are checked for credit; real sentences name a handful.
MAX_CREDIT_CANDIDATES = 16
