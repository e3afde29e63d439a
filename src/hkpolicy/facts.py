"""Facts: :class:`Funding` (money tied to who and what) and :class:`SectorStat` (a sector's share).

Owns the fact models (and :class:`NotFunding`, an amount that is not funding, with why) and
their assembly from one text's mentions: :func:`assemble_funding` ties money to the initiative,
institution, purpose, roles and period its clause, list item, sentence or heading names (the
rules are in :mod:`hkpolicy._funding`, their words in :mod:`hkpolicy._funding_cues`), and
:func:`prose_sector_stats` reads the sentence forms that state a sector's or population's share
("42% of local enterprises ...", "the financial services industry, which contributes 23% to
GDP"). Table rows become SectorStats in :func:`hkpolicy.tables.sector_stats_from_table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import regex

from . import _funding, _funding_cues
from ._sentences import SentenceIndex
from .dates import DateMention, FiscalYear
from .entities import Initiative, Institution
from .money import Money, MoneyMention, Per
from .percent import Percentage, PercentMention
from .spans import Record, Span

__all__ = [
    "Funding",
    "NotFunding",
    "NotFundingReason",
    "PegCheck",
    "Role",
    "SectorStat",
    "assemble_funding",
    "assemble_funding_facts",
    "prose_sector_stats",
]


def __dir__() -> list[str]:
    return __all__


PegCheck = Literal["consistent", "inconsistent"]
Role = Literal["funder", "recipient", "owner"]  # NOTE: keep in sync with _funding.Role


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
    """The fiscal year, or calendar year, the amount belongs to (from its sentence or the
    heading above it)."""
    span: Span
    """The clause that states the fact (the sentence, or the part of it between ", and"/";")."""
    funder: str | None = None
    """Id of the body that gives the money, where its verb says so ("Cyberport will allocate",
    "從創新及科技基金撥出"); never the body quoted ("InvestHK said")."""
    recipient: str | None = None
    """Id of the body that receives the money ("注資……予X", "injection into X")."""
    target_span: Span | None = None
    """The mention of what is funded: the initiative's or institution's name as written where
    the fact names one, else the purpose phrase."""
    purpose_span: Span | None = None
    """Where ``purpose`` is written."""
    reference: Span | None = None
    """The words that name the target by reference ("the Scheme", 該計劃) when the initiative
    was resolved from them to a scheme named earlier."""
    cues: tuple[Span, ...] = ()
    """The words that made the fact: the funding verb, the purpose cue ("to help", 用於), the
    recipient mark (向, into), "respectively", a reference, a ceiling word."""
    ceiling: Money | None = None
    """The most one applicant can get, when the text gives it: a second amount in the same
    clause ("up to a subsidy ceiling of $30 million") or the amount itself when it is one
    ("最高資助額為50萬元")."""
    ceiling_span: Span | None = None
    """Where the ceiling amount is written."""
    per: Per | None = None
    """The period of a rate: the amount's own ("HK$2 million a year") or its item's ("annual
    funding ceiling", 每年)."""
    period_span: Span | None = None
    """Where the period is written (in the sentence, or in its heading)."""


NotFundingReason = _funding_cues.NotFundingReason


class NotFunding(Record):
    """An amount that is not funding, and why: a price, a statistic, a valuation, fundraising
    by companies, a threshold, revenue or pay. Kept so a reader can see why no fact was made."""

    amount_span: Span
    """The amount expression."""
    reason: NotFundingReason
    """price, statistic, valuation, fundraising, threshold, estimate (what a project is
    expected to cost or need), revenue, salary or tax (a tax deduction on spending)."""
    cue: Span
    """The words that show it ("低至", "valuation", 項目總成本)."""


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

_LEADING_DETERMINERS_RE = regex.compile(r"(?i)^(?:(?:a|an|the|its|their)\s+)+")


def assemble_funding(
    text: str,
    money: Sequence[MoneyMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    sentences: SentenceIndex,
) -> list[Funding]:
    """Funding facts: each amount its clause or list item ties to an initiative, an institution
    or a purpose, or states as allocated. The second amount of a pair becomes ``converted`` of
    the first, and a ceiling beside a larger amount becomes its ``ceiling``, not a fact."""
    return assemble_funding_facts(text, money, dates, institutions, initiatives, sentences)[0]


def assemble_funding_facts(
    text: str,
    money: Sequence[MoneyMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    initiatives: Sequence[Initiative],
    sentences: SentenceIndex,
) -> tuple[list[Funding], list[NotFunding]]:
    """:func:`assemble_funding`, and the amounts it rejected as not funding, each with why."""
    drafts, rejected = _funding.assemble(text, money, dates, institutions, initiatives, sentences)
    funding = [_to_funding(text, draft) for draft in drafts]
    not_funding = [
        NotFunding.model_construct(
            amount_span=r.mention.span,
            reason=r.reason,
            cue=Span.of(text, r.cue[0], r.cue[1], r.mention.span.doc_id),
        )
        for r in rejected
    ]
    return funding, not_funding


def _to_funding(text: str, draft: _funding.Draft) -> Funding:
    mention = draft.mention
    doc_id = mention.span.doc_id

    def span(bounds: tuple[int, int] | None) -> Span | None:
        return None if bounds is None else Span.of(text, bounds[0], bounds[1], doc_id)

    target = draft.initiative or draft.institution
    target_span = span((target.start, target.end)) if target is not None else None
    if target_span is None and draft.purpose is not None:
        target_span = span(draft.purpose[1:])
    return Funding.model_construct(
        amount=mention.money,
        converted=mention.paired,
        peg_check=mention.peg,
        initiative=draft.initiative.id if draft.initiative else None,
        institution=draft.institution.id if draft.institution else None,
        role=draft.role,
        funder=draft.funder,
        recipient=draft.recipient,
        purpose=draft.purpose[0] if draft.purpose else None,
        purpose_span=span(draft.purpose[1:]) if draft.purpose else None,
        target_span=target_span,
        reference=span(draft.reference),
        cues=tuple(s for s in (span(c) for c in draft.cues) if s is not None),
        ceiling=draft.ceiling.money if draft.ceiling is not None else None,
        ceiling_span=draft.ceiling.span if draft.ceiling is not None else None,
        per=draft.per,
        amount_span=mention.span,
        period=draft.period,
        period_span=span(draft.period_span),
        span=Span.of(text, draft.clause[0], draft.clause[1], doc_id),
    )


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


def _dates_by_sentence(
    dates: Sequence[DateMention], sentences: SentenceIndex
) -> dict[int, list[DateMention]]:
    grouped: dict[int, list[DateMention]] = {}
    for mention in dates:
        index = sentences.index_of(mention.span.start)
        if index is not None:
            grouped.setdefault(index, []).append(mention)
    return grouped


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
