"""Sector statistics stated in sentences: the share or change of a sector or population.

Owns :func:`prose_sector_stats` (re-exported by :mod:`hkpolicy.facts`), which reads these forms
around each percentage, on a window of at most :data:`WINDOW` characters within its sentence:

- "42% of local enterprises have begun ..." (the population after "of", the metric its verb);
- "another 35% plan to integrate them ..." (the population of the figure before it);
- "the financial services industry, which contributes approximately 23% to Hong Kong's GDP";
- "housing over 1,500 technology companies, with approximately 30% focusing on AI";
- "the number of AI-focused startups in Hong Kong has grown by 68%".

A percentage that describes one firm's result ("reducing analysis time by 40%") is left a plain
percentage mention: only a share or change of a sector or population is a statistic.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import chain, repeat
from operator import attrgetter
from typing import Generic, TypeVar

import regex

from ._lexicon import alternation
from ._sector_stat import SectorStat, sector_stat
from ._sentences import SentenceIndex
from .dates import DateMention
from .entities import Institution
from .percent import PercentMention
from .spans import Span

__all__ = ["GROWTH_VERBS", "MAX_CREDIT_CANDIDATES", "WINDOW", "prose_sector_stats"]

# Every pattern below runs on a window of at most WINDOW characters either side of one
# percentage, within its sentence: linear in the text whatever the length of a sentence.
WINDOW = 240
# Bodies named in one sentence that are checked for credit; real sentences name a handful.
MAX_CREDIT_CANDIDATES = 16
GROWTH_VERBS = frozenset({"grown", "risen", "increased"})

# The words each form that reads the text before a percentage ends with: each pattern is built
# from its words, and searched only when the text before the value ends with one of them.
_ANOTHER_WORDS = ("another", "a further", "the remaining")
_CONTRIBUTES_WORDS = ("contributes", "accounts for", "makes up", "represents")
_WITH_WORD = "with"
_CHANGE_BY_WORD = "by"


_NOUN_PHRASE = r"(?:[\p{L}&'’-]+\s+){0,5}?[\p{L}&'’-]+"
# A noun phrase that starts a word: a match of _NOUN_PHRASE that starts inside a word also
# matches from that word's start, which is further left, so the leftmost match is the same.
_WHOLE_NOUN_PHRASE = rf"(?<![\p{{L}}&'’-]){_NOUN_PHRASE}"
_VERB_START = (
    r"(?:have|has|had|are|is|were|was|plan|plans|use|uses|used|say|said|expect|expects|"
    r"report|reported|intend|intends|adopt|adopted|focus|focusing|work|working)"
)
_ADVERB = r"(?:\s+(?:now|currently|already|still|also|reportedly))?"
# Each pattern that reads the text after a percentage starts with white space and a letter.
_SHARE_OF_RE = regex.compile(
    rf"^\s+of\s+(?P<population>{_NOUN_PHRASE}){_ADVERB}\s+"
    rf"(?P<metric>{_VERB_START}\b[^,.;:]{{2,120}})"
)
_ANOTHER_RE = regex.compile(rf"\b(?:{alternation(_ANOTHER_WORDS)})\s*$")
_FOLLOWING_VERB_RE = regex.compile(rf"^\s+(?P<metric>{_VERB_START}\b[^,.;:]{{2,120}})")
_CONTRIBUTES_BEFORE_RE = regex.compile(
    rf"(?P<sector>{_WHOLE_NOUN_PHRASE}\s+(?:industry|sector|industries|sectors)),?\s+"
    rf"(?:which|that)\s+(?:{alternation(_CONTRIBUTES_WORDS)})\s*$"
)
_CONTRIBUTES_AFTER_RE = regex.compile(
    r"^\s+(?:to|of)\s+(?P<whole>[^,.;:]{2,60}?)(?=[,.;:]|\s+and\b|$)"
)
_WITH_SHARE_BEFORE_RE = regex.compile(
    rf"\d[\d,]*\s+(?P<population>{_NOUN_PHRASE}),\s+{_WITH_WORD}\s*$"
)
_WITH_SHARE_AFTER_RE = regex.compile(r"^\s+(?P<metric>[\p{L}][^,.;:]{2,120})")
_NUMBER_OF = "the number of"
_NUMBER_OF_RE = regex.compile(
    rf"\b{_NUMBER_OF}\s+(?P<population>{_NOUN_PHRASE})\s+(?:has|have)\s+"
    rf"(?P<verb>grown|risen|increased|fallen|declined|dropped)\s+{_CHANGE_BY_WORD}\s*$"
)
_WORD_AFTER_SPACE = regex.compile(r"\s+\p{L}")
_SOURCE_CUE_RE = regex.compile(r"(?i)\b(?:according to|survey by|study by|report by|data from)\b")
_LEADING_DETERMINERS_RE = regex.compile(r"(?i)^(?:(?:a|an|the|its|their)\s+)+")

T = TypeVar("T")


def prose_sector_stats(
    text: str,
    percentages: Sequence[PercentMention],
    dates: Sequence[DateMention],
    institutions: Sequence[Institution],
    sentences: SentenceIndex,
) -> list[SectorStat]:
    """SectorStats stated in sentences, in the forms the module docstring lists."""
    stats: list[SectorStat] = []
    # Built when a percentage first passes the shortcuts (most texts state no statistic).
    bodies: _InSentence[tuple[str, Span]] | None = None
    dated: _InSentence[DateMention] | None = None
    previous: tuple[tuple[int, int], SectorStat] | None = None
    for mention in percentages:
        if mention.percentage.unit != "percent":
            continue
        # No form can match without a word after the value or "the number of" before it: the
        # commonest case, answered before the sentence is found. The sentence only narrows
        # the windows: a word ending past it, or the phrase starting before it, is outside.
        start, end = mention.span.start, mention.span.end
        word_after = _WORD_AFTER_SPACE.match(text, end, end + WINDOW)
        number_of = text.rfind(_NUMBER_OF, max(0, start - WINDOW), start)
        if word_after is None and number_of < 0:
            continue
        sentence = sentences.sentence_of(start)
        if sentence is None:
            continue
        lowest = max(sentence[0], start - WINDOW)
        highest = min(sentence[1], end + WINDOW)
        if (word_after is None or word_after.end() > highest) and number_of < lowest:
            continue
        if dated is None or bodies is None:
            bodies, dated = _body_index(institutions), _date_index(dates)
        in_sentence = dated.within(sentence)
        before = text[lowest : mention.span.start]
        after = text[mention.span.end : highest]
        same_sentence = previous[1] if previous is not None and previous[0] == sentence else None
        found = _sector_and_metric(before, after, in_sentence, same_sentence)
        if found is None:
            continue
        stat = sector_stat(
            sector=_clean_phrase(found[0]),
            metric=_clean_phrase(found[1]),
            value=mention.percentage,
            year=_survey_year(in_sentence),
            source="text",
            source_institution=_credited(text, bodies.within(sentence)),
            span=mention.span,
            clause=Span.of(text, sentence[0], sentence[1], mention.span.doc_id),
        )
        stats.append(stat)
        previous = (sentence, stat)
    return stats


def _sector_and_metric(
    before: str,
    after: str,
    in_sentence: Sequence[DateMention],
    previous: SectorStat | None,
) -> tuple[str, str] | None:
    """The (sector, metric) one of the forms reads around a percentage, with ``before`` and
    ``after`` the text either side of it. Each form that reads ``before`` is searched only when
    ``before`` ends with its last word: one search per percentage at most."""
    cue = before.rstrip()
    if match := _SHARE_OF_RE.match(after):
        return match.group("population"), match.group("metric")
    if (
        cue.endswith(_ANOTHER_WORDS)
        and (match := _FOLLOWING_VERB_RE.match(after))
        and _ANOTHER_RE.search(before)
    ):
        return (previous.sector, match.group("metric")) if previous is not None else None
    if (
        cue.endswith(_CONTRIBUTES_WORDS)
        and (match := _CONTRIBUTES_BEFORE_RE.search(before))
        and (whole := _CONTRIBUTES_AFTER_RE.match(after))
    ):
        return match.group("sector"), f"contribution to {whole.group('whole').strip()}"
    if (
        cue.endswith(_WITH_WORD)
        and (match := _WITH_SHARE_BEFORE_RE.search(before))
        and (tail := _WITH_SHARE_AFTER_RE.match(after))
    ):
        return match.group("population"), tail.group("metric")
    if cue.endswith(_CHANGE_BY_WORD) and (match := _NUMBER_OF_RE.search(before)):
        change = "growth" if match.group("verb") in GROWTH_VERBS else "decline"
        since = _start_year(in_sentence)
        return match.group("population"), f"{change} in number" + (
            f" since {since}" if since else ""
        )
    return None


class _InSentence(Generic[T]):
    """Items found by the sentence their start falls in, in the order they were given."""

    __slots__ = ("_order", "_starts", "_values")

    def __init__(self, starts: list[int], values: Sequence[T]) -> None:
        """``values[k]`` starts at ``starts[k]``."""
        self._values = values
        # Sorted by a C-level key look-up, not a Python function per item.
        self._order = sorted(range(len(starts)), key=starts.__getitem__)
        self._starts = sorted(starts)  # = the starts in ``_order``, the order being by start

    def within(self, bounds: tuple[int, int]) -> list[T]:
        """The items whose start lies in ``bounds``, in the given order."""
        low = bisect.bisect_left(self._starts, bounds[0])
        high = bisect.bisect_left(self._starts, bounds[1])
        values = self._values
        return [values[k] for k in sorted(self._order[low:high])]


_START = attrgetter("start")
_SPAN_START = attrgetter("span.start")


def _body_index(institutions: Sequence[Institution]) -> _InSentence[tuple[str, Span]]:
    """Each mention of a body, with the body's id, in the order of ``institutions`` and their
    mentions; read by C-level passes (a pair per mention built by ``zip``)."""
    spans = list(chain.from_iterable(e.mentions for e in institutions))
    ids = chain.from_iterable(repeat(e.id, len(e.mentions)) for e in institutions)
    return _InSentence(list(map(_START, spans)), list(zip(ids, spans, strict=True)))


def _date_index(dates: Sequence[DateMention]) -> _InSentence[DateMention]:
    """The date mentions, in the given order."""
    return _InSentence(list(map(_SPAN_START, dates)), dates)


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
