"""The corpus: :class:`Corpus` and :func:`load_corpus` (and :class:`Document`, defined in
:mod:`hkpolicy._document`, re-exported here).

Owns turning a corpus directory (the bundled ``seeds/``, or any directory with a catalog) into
documents: the byte-exact texts, their metadata and each document's boilerplate spans. Reading
and checking the catalog, confined to its directory, is :mod:`hkpolicy._catalog`'s job;
:func:`write_catalog` and :func:`catalog_digest` are re-exported here. A folder of documents
with no catalog (:meth:`Corpus.from_directory`, :meth:`Corpus.from_paths`) is found and read by
:mod:`hkpolicy._sources`.

The bundled seeds are found with :mod:`importlib.resources`: in a wheel they are package data
under ``hkpolicy/_seeds``; in an editable install or a source checkout, where no copy is made, they
are read in place from ``seeds/`` at the repository root.
"""

from __future__ import annotations

import decimal
import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._catalog import (
    CATALOG_NAME,
    MAX_FILE_BYTES,
    build_catalog,
    catalog_digest,
    read_catalog,
    read_listed_file,
    unlisted_texts,
    write_catalog,
)
from ._document import Document
from ._frames import corpus_frames
from ._html import html_table
from ._sources import discover, read_source, walk_directory
from ._summary import (
    Summary,
    SummaryDocument,
    SummaryFunding,
    SummaryInstitution,
    SummarySectorStat,
)
from .boilerplate import find_boilerplate
from .dates import FiscalYear, parse_period
from .entities import Initiative, Institution
from .errors import CorpusIntegrityError, ParseError, UnknownQueryError
from .extraction import Extraction
from .facts import Funding, SectorStat
from .spans import Record
from .store import Facts, write_documents
from .tables import Table

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+
    from importlib.abc import Traversable

__all__ = [
    "CATALOG_NAME",
    "MAX_FILE_BYTES",
    "SEEDS_DIGEST",
    "Corpus",
    "Document",
    "build_catalog",
    "catalog_digest",
    "load_corpus",
    "seeds_directory",
    "write_catalog",
]


def __dir__() -> list[str]:
    return __all__


# Invariant: equals the "digest" of seeds/catalog.json (`hkpolicy catalog seeds` prints it;
# tests/test_corpus_loader_refuses.py checks). It is written out rather than read from the file
# because it is the check on that file.
SEEDS_DIGEST = "db6e1757f5d4df7229f8b8b93223a042510c663588489fc71a6d9e44f8d5103e"
"""The digest of the bundled ``seeds/catalog.json`` (see :func:`catalog_digest`), pinned here so
an installed catalog edited and resealed in place is still refused."""

# How many institutions the summary lists, most mentioned first.
TOP_INSTITUTIONS = 8

# Fact collections a corpus can hold, and whether their extractor has landed in this release.
EXTRACTORS: Mapping[str, bool] = {
    "money": True,
    "percentages": True,
    "dates": True,
    "tables": True,
    "institutions": True,
    "initiatives": True,
    "funding": True,
    "sector_stats": True,
}


class Corpus(Record):
    """Documents plus the facts extracted from them, merged across documents."""

    documents: tuple[Document, ...]
    """The documents, in catalog order."""
    institutions: tuple[Institution, ...] = ()
    """Institutions named anywhere in the corpus, one per id, with every mention."""
    initiatives: tuple[Initiative, ...] = ()
    """Initiatives named anywhere in the corpus, one per id, with every mention."""
    funding: tuple[Funding, ...] = ()
    """Funding facts from every document."""
    sector_stats: tuple[SectorStat, ...] = ()
    """Sector statistics from every document's tables and prose."""
    tables: tuple[Table, ...] = ()
    """Tables from every document."""
    extractions: tuple[Extraction, ...] = ()
    """One extraction per document, in document order: every mention, fact and unparsed number."""
    pending: tuple[str, ...] = ()
    """Fact collections whose extractor has not landed yet; they are empty, not missing facts."""

    @classmethod
    def from_documents(cls, documents: Sequence[Document]) -> Corpus:
        """Extract every document and merge the entities across them by id."""
        extractions = tuple(document.extract() for document in documents)
        return cls(
            documents=tuple(documents),
            extractions=extractions,
            institutions=_merged([e.institutions for e in extractions]),
            initiatives=_merged([e.initiatives for e in extractions]),
            funding=tuple(f for e in extractions for f in e.funding),
            sector_stats=tuple(s for e in extractions for s in e.sector_stats),
            tables=tuple(t for e in extractions for t in e.tables),
            pending=tuple(name for name, landed in EXTRACTORS.items() if not landed),
        )

    @classmethod
    def from_directory(cls, directory: str | os.PathLike[str]) -> Corpus:
        """Every document under ``directory`` (``.txt``, ``.md``, and ``.html``, ``.htm``,
        ``.pdf`` through the document loaders), extracted, with no catalog needed.

        A document's id is its path relative to ``directory``, POSIX-style, with its suffix
        (``2024/budget.txt``); its language is detected from its text. Files of other types are
        left alone; symlinked directories are not entered.

        :raises CorpusIntegrityError: a file under ``directory`` resolves to a place outside it.
        :raises DocumentError: ``directory`` is not a directory, or a file cannot be read.
        """
        return cls.from_documents([read_source(s) for s in walk_directory(directory)])

    @classmethod
    def from_paths(
        cls,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        root: str | os.PathLike[str] | None = None,
    ) -> Corpus:
        """The documents named by ``paths`` (a glob such as ``"archive/**/*.txt"``, a file, a
        directory, or a list of them), extracted, in id order.

        Ids are paths relative to ``root``, POSIX-style, with their suffix. By default ``root``
        is the part of a lone glob before its first wildcard, else the nearest directory that
        holds every file given; pass it to keep ids the same whatever subset is loaded.

        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "note.txt").write_text("The Fund has HK$10 billion.", encoding="utf-8")
        >>> _ = (folder / "摘要.md").write_text("基金有一百億元。", encoding="utf-8")
        >>> corpus = Corpus.from_paths(str(folder / "*"))
        >>> [(d.id, d.language) for d in corpus.documents]
        [('note.txt', 'en'), ('摘要.md', 'zh-Hant')]

        :raises DocumentError: a path does not exist, a file named explicitly is of a type
            hkpolicy does not read, or a file cannot be read.
        :raises CorpusIntegrityError: a file found through a directory or glob resolves to a
            place outside it.
        """
        return cls.from_documents([read_source(s) for s in discover(paths, root=root)])

    def extraction(self, doc_id: str) -> Extraction:
        """The extraction of one document."""
        for document, extraction in zip(self.documents, self.extractions, strict=False):
            if document.id == doc_id:
                return extraction
        raise KeyError(f"no extraction for {doc_id!r}")

    # --- queries: by id, name, acronym or period; an unknown query raises UnknownQueryError ---

    def institution(self, query: str) -> Institution:
        """The merged institution named by ``query``: its id, name, Chinese name, acronym or an
        alias (case and spacing ignored).

        :raises UnknownQueryError: no institution in the corpus goes by ``query``.

        >>> load_corpus().institution("HKUST").name
        'The Hong Kong University of Science and Technology'
        """
        for entity in self._matching(query, self.institutions):
            if isinstance(entity, Institution):
                return entity
        raise self._unknown(query, "institution", self.institutions)

    def facts_about(self, query: str) -> list[Funding | SectorStat]:
        """Funding that names the institution (or an initiative it owns), and the statistics it
        is credited for; or, when ``query`` names an initiative, the funding for it. ``query``
        is an id, name, Chinese name, acronym or alias (case and spacing ignored).

        :raises UnknownQueryError: ``query`` names no institution or initiative in the corpus.

        >>> [str(f.amount) for f in load_corpus().facts_about("HKUST")]
        ['more than HKD 200,000,000 per year']
        """
        entities = self._matching(query, (*self.institutions, *self.initiatives))
        if not entities:
            raise self._unknown(query, "institution or initiative", self.institutions)
        institutions = {e.id for e in entities if isinstance(e, Institution)}
        initiatives = {e.id for e in entities if isinstance(e, Initiative)}
        initiatives |= {i.id for i in self.initiatives if institutions & {i.owner, *i.text_owners}}
        facts: list[Funding | SectorStat] = [
            f for f in self.funding if f.institution in institutions or f.initiative in initiatives
        ]
        facts += [s for s in self.sector_stats if s.source_institution in institutions]
        return facts

    def funding_by_initiative(self) -> dict[str, list[Funding]]:
        """Funding grouped by initiative id; funding tied to no initiative is left out."""
        grouped: dict[str, list[Funding]] = {}
        for fact in self.funding:
            if fact.initiative is not None:
                grouped.setdefault(fact.initiative, []).append(fact)
        return grouped

    def facts_in(self, period: FiscalYear | int | str) -> list[Funding]:
        """Funding for a fiscal year (matched by start year, whatever its context) or for a
        calendar year (matching a plain year, or a fiscal year that begins in it).

        ``period`` is a :class:`~hkpolicy.dates.FiscalYear`, a year (``2024`` or ``"2024"``) or
        a fiscal year as text (``"2024-25"``, ``"2024/25"``, ``"FY2024-25"``).

        :raises UnknownQueryError: ``period`` is text that is not a year or fiscal year.

        >>> [str(f.amount) for f in load_corpus().facts_in("2024-25")]
        ['HKD 24,000,000,000']
        """
        period = _period_query(period)
        wanted = period.start_year if isinstance(period, FiscalYear) else period
        found = []
        for fact in self.funding:
            start = fact.period.start_year if isinstance(fact.period, FiscalYear) else fact.period
            if start == wanted and (isinstance(period, int) or isinstance(fact.period, FiscalYear)):
                found.append(fact)
        return found

    def _matching(
        self, query: str, entities: Sequence[Institution | Initiative]
    ) -> list[Institution | Initiative]:
        if not isinstance(query, str):
            raise TypeError(f"expected an id, name or acronym (str), got {query!r}")
        wanted = _folded(query)
        return [entity for entity in entities if wanted in _names(entity)]

    @staticmethod
    def _unknown(
        query: str, what: str, known: Sequence[Institution | Initiative]
    ) -> UnknownQueryError:
        examples = ", ".join(e.acronym or e.id for e in known[:5])
        return UnknownQueryError(
            query,
            f"No {what} {query!r} in the corpus; give an id, name or acronym (such as {examples})",
        )

    # --- end of queries ------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        documents = html_table(
            ("id", "title", "publisher", "words", "funding", "sector stats", "institutions"),
            (
                (
                    d.id,
                    d.title,
                    d.publisher,
                    d.word_count,
                    len(e.funding),
                    len(e.sector_stats),
                    len(e.institutions),
                )
                for d, e in zip(self.documents, self.extractions, strict=False)
            ),
            caption=f"Corpus of {len(self.documents)} documents",
        )
        funding = html_table(
            ("doc", "amount", "initiative", "institution", "purpose", "period"),
            (
                (f.span.doc_id, f.amount, f.initiative, f.institution, f.purpose, f.period)
                for f in self.funding
            ),
            caption=f"{len(self.funding)} funding facts",
        )
        return documents + funding

    def __repr__(self) -> str:
        return (
            f"Corpus(documents={len(self.documents)}, funding={len(self.funding)}, "
            f"sector_stats={len(self.sector_stats)}, tables={len(self.tables)}, "
            f"institutions={len(self.institutions)}, initiatives={len(self.initiatives)})"
        )

    __str__ = __repr__

    def to_json(self, *, indent: int | None = None) -> str:
        """The whole corpus as JSON; ``Corpus.model_validate_json`` reads it back exactly."""
        return self.model_dump_json(indent=indent)

    def to_frames(self) -> dict[str, Any]:
        """One pandas DataFrame per fact type (needs the ``pandas`` extra): funding, sector_stats,
        money, percentages, dates, institutions, initiatives and unparsed, and ``warnings``
        (one row per warning of a scan that stopped early). Each row has ``doc_id``, ``start``,
        ``end`` and ``complete`` (False for every row of a document whose scan stopped early);
        amounts stay Decimal, with a float column beside."""
        return corpus_frames(self)

    def to_duckdb(self, path: str | os.PathLike[str]) -> Facts:
        """Write the documents, mentions and facts into the DuckDB facts store ``path``
        (created if missing; these documents' old rows replaced) and open it for queries. The
        tables are those of ``hkpolicy index`` (see :mod:`hkpolicy.store`); needs the ``store``
        extra.

        :raises StoreError: the file holds a store of another layout, or the extra is missing.
        """
        return write_documents(self.documents, self.extractions, path)

    # --- the corpus as a sequence of documents --------------------------------------------------

    def __getitem__(self, key: str | int) -> Document:
        """A document by id (``corpus["003_3e9965c52c1f6ff9"]``) or by position (``corpus[0]``).

        :raises UnknownQueryError: no document has this id (a KeyError).
        :raises IndexError: the position is out of range.
        """
        if isinstance(key, int) and not isinstance(key, bool):
            return self.documents[key]
        if not isinstance(key, str):
            raise TypeError(f"a document id (str) or position (int), got {key!r}")
        for document in self.documents:
            if document.id == key:
                return document
        known = ", ".join(d.id for d in self.documents)
        raise UnknownQueryError(key, f"no document {key!r} in the corpus (ids: {known})")

    def __iter__(self) -> Iterator[Document]:  # type: ignore[override]
        """The documents, in order: ``for document in corpus``."""
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, doc_id: object) -> bool:
        return any(document.id == doc_id for document in self.documents)

    # --- end of the sequence protocol ----------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        """Document ids, in order."""
        return tuple(document.id for document in self.documents)

    def summary(self) -> dict[str, Any]:
        """A JSON-ready overview: each document's metadata and size, the fact counts, the
        funding and sector statistics, and the most mentioned institutions (the
        :class:`~hkpolicy.schema.Summary` shape, which ``hkpolicy summary --json`` writes)."""
        counts: dict[str, int | None] = {
            name: (None if name in self.pending else len(getattr(self, name, ())))
            for name in ("funding", "sector_stats", "tables", "institutions", "initiatives")
        }
        for name in ("money", "percentages", "dates", "unparsed"):
            counts[name] = (
                None
                if name in self.pending
                else sum(len(getattr(e, name)) for e in self.extractions)
            )
        mentioned = sorted(self.institutions, key=lambda i: -len(i.mentions))
        summary = Summary(
            documents=[_summary_document(d) for d in self.documents],
            facts=counts,
            funding=[_summary_funding(f) for f in self.funding],
            sector_stats=[_summary_sector_stat(s) for s in self.sector_stats],
            top_institutions=[
                SummaryInstitution(
                    id=i.id,
                    name=i.name,
                    mentions=len(i.mentions),
                    documents=len({m.doc_id for m in i.mentions}),
                )
                for i in mentioned[:TOP_INSTITUTIONS]
            ],
            pending_extractors=list(self.pending),
        )
        return summary.model_dump(mode="json")


def seeds_directory() -> Traversable:
    """The bundled seed directory: package data in a wheel, ``seeds/`` in a checkout."""
    package = resources.files("hkpolicy")
    bundled = package.joinpath("_seeds")
    if bundled.is_dir():
        return bundled
    # Editable install or source tree: the canonical texts sit at the repository root.
    checkout = Path(str(package)).resolve().parents[1] / "seeds"
    if checkout.joinpath(CATALOG_NAME).is_file():
        return checkout
    raise CorpusIntegrityError(
        CATALOG_NAME,
        f"The bundled seed corpus is missing: no {CATALOG_NAME} in {bundled} or {checkout}",
    )


def _load(
    directory: Path, *, expected_digest: str | None = None, max_file_bytes: int = MAX_FILE_BYTES
) -> Corpus:
    root = directory.resolve()
    entries = read_catalog(root, expected_digest=expected_digest)
    extra = unlisted_texts(root, entries)
    if extra:
        raise CorpusIntegrityError(
            extra[0],
            f"Seed file {extra[0]!r} in {directory} is not listed in {CATALOG_NAME}: "
            f"expected no file, got one",
        )
    documents = []
    for entry in entries:
        text = read_listed_file(root, entry, max_bytes=max_file_bytes)
        documents.append(
            Document(
                id=entry.id,
                title=entry.title,
                title_assigned=entry.title_assigned,
                publisher=entry.publisher,
                author=entry.author,
                published=entry.published,
                language=entry.language,
                default_currency=entry.default_currency,
                sha256=entry.sha256,
                notes=entry.notes,
                boilerplate=tuple(find_boilerplate(text, doc_id=entry.id)),
                text=text,
            )
        )
    return Corpus.from_documents(documents)


@functools.cache
def _bundled_corpus() -> Corpus:
    with resources.as_file(seeds_directory()) as directory:
        return _load(directory, expected_digest=SEEDS_DIGEST)


def load_corpus(
    directory: str | os.PathLike[str] | None = None,
    *,
    digest: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Corpus:
    """The bundled seed corpus (cached after the first call), or a corpus directory on disk.

    The directory's ``catalog.json`` is checked first: well formed, matching its own digest,
    and matching ``digest`` when given (the bundled catalog must match :data:`SEEDS_DIGEST`,
    pinned in the package). Then every listed file: a plain file name that stays inside the
    directory once symlinks are resolved, a regular file of at most ``max_file_bytes`` bytes,
    read in bounded chunks, whose SHA-256 matches its entry. A ``.txt`` file the catalog does
    not list is an error too. See ``docs/reliability.md`` for all the loader refuses.

    :raises CorpusIntegrityError: the catalog is malformed or edited, or a file is changed,
        missing, unlisted, too large or outside the directory. No message reports the checksum
        of a file as read, only the one the catalog expects.

    >>> corpus = load_corpus()
    >>> len(corpus.documents), corpus["004_d8a9956017bf6413"].publisher
    (5, 'South China Morning Post')
    """
    if type(max_file_bytes) is not int or max_file_bytes < 0:
        raise ValueError(f"max_file_bytes must be an int of 0 or more, got {max_file_bytes!r}")
    if digest is not None and not isinstance(digest, str):
        raise TypeError(f"digest must be a str, got {type(digest).__name__}")
    if directory is None:
        if digest in (None, SEEDS_DIGEST) and max_file_bytes == MAX_FILE_BYTES:
            return _bundled_corpus()
        if digest is not None and digest != SEEDS_DIGEST:
            raise CorpusIntegrityError(
                CATALOG_NAME,
                f"The bundled {CATALOG_NAME} is not the catalog expected: expected digest {digest}",
                expected_sha256=digest,
            )
        with resources.as_file(seeds_directory()) as seeds:
            return _load(seeds, expected_digest=SEEDS_DIGEST, max_file_bytes=max_file_bytes)
    path = Path(directory)
    if not path.is_dir():
        raise CorpusIntegrityError(str(path), f"Seed directory {str(path)!r} does not exist")
    return _load(path, expected_digest=digest, max_file_bytes=max_file_bytes)


def _merged(
    groups: Sequence[Sequence[Institution]] | Sequence[Sequence[Initiative]],
) -> tuple[Any, ...]:
    """Entities merged by id across documents, in order of first mention, mentions concatenated."""
    merged: dict[str, Any] = {}
    for group in groups:
        for entity in group:
            known = merged.get(entity.id)
            if known is None:
                merged[entity.id] = entity
            else:
                merged[entity.id] = known.model_copy(
                    update={"mentions": (*known.mentions, *entity.mentions)}
                )
    return tuple(merged.values())


def _summary_document(d: Document) -> SummaryDocument:
    """One document in the summary: its metadata and size."""
    return SummaryDocument(
        id=d.id,
        title=d.title,
        title_assigned=d.title_assigned,
        publisher=d.publisher,
        author=d.author,
        published=d.published.isoformat() if d.published else None,
        language=d.language,
        words=d.word_count,
        boilerplate_spans=len(d.boilerplate),
    )


def _summary_sector_stat(s: SectorStat) -> SummarySectorStat:
    """One sector statistic in the summary, the value as ``str(Percentage)`` writes it."""
    return SummarySectorStat(
        doc_id=s.span.doc_id,
        sector=s.sector,
        metric=s.metric,
        value=str(s.value),
        year=s.year,
        source=s.source,
        source_institution=s.source_institution,
    )


def _summary_funding(fact: Funding) -> SummaryFunding:
    """One funding fact for the summary: the amount as written and in HKD and USD under the peg."""

    def exact(currency: str) -> str | None:
        if fact.amount.currency == currency:
            return str(fact.amount.amount)
        if fact.converted is not None and fact.converted.currency == currency:
            return str(fact.converted.amount)
        if {fact.amount.currency, currency} == {"HKD", "USD"}:
            amount = fact.amount.to(currency).amount
            whole = decimal.Context(prec=max(2, amount.adjusted() + 2))  # room for a carry
            return str(amount.quantize(Decimal(1), context=whole))
        return None

    return SummaryFunding(
        doc_id=fact.span.doc_id,
        amount=str(fact.amount),
        hkd=exact("HKD"),
        usd=exact("USD"),
        usd_as_written=fact.converted is not None and fact.converted.currency == "USD",
        initiative=fact.initiative,
        institution=fact.institution,
        role=fact.role,
        purpose=fact.purpose,
        period=None if fact.period is None else str(fact.period),
        peg_check=fact.peg_check,
    )


def _names(entity: Institution | Initiative) -> set[str]:
    """Every name a query may use for ``entity``, folded."""
    names = (entity.id, entity.name, entity.name_zh, entity.acronym, *entity.aliases)
    return {_folded(name) for name in names if name}


def _folded(name: str) -> str:
    """A name as queries compare it: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


def _period_query(period: object) -> FiscalYear | int:
    """``period`` as :meth:`Corpus.facts_in` matches it: a FiscalYear or a calendar year."""
    if isinstance(period, FiscalYear) or (isinstance(period, int) and not isinstance(period, bool)):
        return period
    if not isinstance(period, str):
        raise TypeError(f"a period is a FiscalYear, a year or text like '2024-25', got {period!r}")
    text = period.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    message = f"Not a year or fiscal year: {period!r} (expected 2024, '2024-25' or '2024/25')"
    try:
        parsed = parse_period(text)
    except ParseError as error:
        raise UnknownQueryError(period, message) from error
    if not isinstance(parsed, FiscalYear):
        raise UnknownQueryError(period, message)
    return parsed
