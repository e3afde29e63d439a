"""Facts: :class:`Funding` (money tied to who and what) and :class:`SectorStat` (a sector's share).

Owns the funding models (and :class:`NotFunding`, an amount that is not funding, with why) and
their assembly from one text's mentions: :func:`assemble_funding` ties money to the initiative,
institution, purpose, roles and period its clause, list item, sentence or heading names (the
rules are in :mod:`hkpolicy._funding`, their words in :mod:`hkpolicy._funding_cues`). It
re-exports :class:`SectorStat` (defined in :mod:`hkpolicy._sector_stat`, beneath tables) and
:func:`prose_sector_stats` (:mod:`hkpolicy._prose_stats`), which reads the sentence forms that
state a sector's or population's share ("42% of local enterprises ...", "the financial services
industry, which contributes 23% to GDP"). Table rows become SectorStats in
:func:`hkpolicy.tables.sector_stats_from_table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from . import _funding
from ._funding_cues import NotFundingReason
from ._funding_records import Draft, Rejected, Role
from ._prose_stats import prose_sector_stats
from ._sector_stat import SectorStat
from ._sentences import SentenceIndex
from .dates import DateMention, FiscalYear
from .entities import Initiative, Institution
from .money import Money, MoneyMention, PegCheck, Per
from .spans import Record, Span, construct_trusted

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
    funding, rejected = _funding.assemble(
        text, money, dates, institutions, initiatives, sentences, partial(_to_funding, text)
    )
    not_funding = [_to_not_funding(text, r) for r in rejected]
    return funding, not_funding


def _to_not_funding(text: str, rejected: Rejected) -> NotFunding:
    span = rejected.mention.span
    cue = Span.of(text, rejected.cue[0], rejected.cue[1], span.doc_id)
    return _not_funding_fact(amount_span=span, reason=rejected.reason, cue=cue)


def _to_funding(text: str, draft: Draft) -> Funding:
    mention = draft.mention
    doc_id = mention.span.doc_id
    target = draft.initiative or draft.institution
    purpose = draft.purpose
    purpose_span = None if purpose is None else Span.of(text, purpose.start, purpose.stop, doc_id)
    target_span: Span | None = purpose_span
    if target is not None:
        target_span = target.span
        if target_span.doc_id != doc_id:
            target_span = Span.of(text, target.start, target.end, doc_id)
    reference = draft.reference
    ceiling = draft.ceiling
    return _funding_fact(
        amount=mention.money,
        converted=mention.paired,
        peg_check=mention.peg,
        initiative=draft.initiative.id if draft.initiative else None,
        institution=draft.institution.id if draft.institution else None,
        role=draft.role,
        purpose=purpose.phrase if purpose is not None else None,
        amount_span=mention.span,
        period=draft.period,
        span=Span.of(text, draft.clause[0], draft.clause[1], doc_id),
        funder=draft.funder,
        recipient=draft.recipient,
        target_span=target_span,
        purpose_span=purpose_span,
        reference=None if reference is None else Span.of(text, *reference, doc_id),
        cues=tuple([Span.of(text, start, end, doc_id) for start, end in draft.cues]),
        ceiling=ceiling.money if ceiling is not None else None,
        ceiling_span=ceiling.span if ceiling is not None else None,
        per=draft.per,
        period_span=draft.period_span,
    )


def _funding_fact(
    *,
    amount: Money,
    converted: Money | None,
    peg_check: PegCheck | None,
    initiative: str | None,
    institution: str | None,
    role: Role | None,
    purpose: str | None,
    amount_span: Span | None,
    period: FiscalYear | int | None,
    span: Span,
    funder: str | None,
    recipient: str | None,
    target_span: Span | None,
    purpose_span: Span | None,
    reference: Span | None,
    cues: tuple[Span, ...],
    ceiling: Money | None,
    ceiling_span: Span | None,
    per: Per | None,
    period_span: Span | None,
) -> Funding:
    """A Funding from values valid by construction (no validation), every field given."""
    values = {
        "amount": amount,
        "converted": converted,
        "peg_check": peg_check,
        "initiative": initiative,
        "institution": institution,
        "role": role,
        "purpose": purpose,
        "amount_span": amount_span,
        "period": period,
        "span": span,
        "funder": funder,
        "recipient": recipient,
        "target_span": target_span,
        "purpose_span": purpose_span,
        "reference": reference,
        "cues": cues,
        "ceiling": ceiling,
        "ceiling_span": ceiling_span,
        "per": per,
        "period_span": period_span,
    }
    return construct_trusted(Funding, values)


def _not_funding_fact(*, amount_span: Span, reason: NotFundingReason, cue: Span) -> NotFunding:
    """A NotFunding from values valid by construction (no validation)."""
    return construct_trusted(NotFunding, {"amount_span": amount_span, "reason": reason, "cue": cue})
