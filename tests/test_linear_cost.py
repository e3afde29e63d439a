"""Every scan costs a bounded amount of work per character, proven by counting, not by a clock.

Each adversarial input (tests/adversarial) runs at 10 KB and 100 KB through extract() and the
public scanners extract() does not call, in a fresh interpreter where every pattern hkpolicy
compiles counts the characters it examines and ``sys.setprofile`` counts Python calls (see
tests/adversarial/work.py). Two promises are checked per input and scanner:

- flat: the work per character at 100 KB is at most ``GROWTH`` times that at 10 KB (a scan that
  re-reads the text from each mention grows about tenfold);
- bounded: the work per character stays under a fixed budget (``REGEX_BUDGET``,
  ``CALL_BUDGET``), so no step does a large, text-independent amount of work per mention.

``HKPOLICY_FUZZ=long`` adds the 1 MB size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import regex

from tests.adversarial import CASES, repeat
from tests.adversarial.work import METER, CountingPattern, Meter
from tests.conftest import REPO

LONG = os.environ.get("HKPOLICY_FUZZ", "").strip().lower() == "long"
SIZES = (10_000, 100_000, 1_000_000) if LONG else (10_000, 100_000)
SCANNERS = ["extract", "find_periods", "find_institutions", "find_initiatives"]
SCANNERS += ["find_abbreviations"]

# Work per character may grow by this factor from the smallest size to the largest: fixed costs
# make the small size the dearer one, so a linear scan stays well under 1.2.
GROWTH = 1.2
# Characters handed to the regex engine per character of input, over a whole extract(). The
# densest input (one amount per two characters, "$1$1...") needs about 145: every amount looks
# at a bounded window on each side.
REGEX_BUDGET = 200
# Python function calls per character over a whole extract(): the densest inputs need 15.
CALL_BUDGET = 20
# The prose sector-statistics step alone, per character: it reads a bounded window around each
# percentage and searches it only when a cue word is there.
PROSE_REGEX_BUDGET = 8


def _run_meter(names: list[str], scanners: list[str]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "tests.adversarial.work", ",".join(map(str, SIZES))]
    command += [",".join(names), *scanners]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def work() -> dict[tuple[str, str], dict[int, dict[str, int]]]:
    """``(input, scanner) -> size -> counts``, from two metered processes at once."""
    names = list(CASES)
    jobs = [(names[0::2], SCANNERS), (names[1::2], SCANNERS)]
    jobs.append((["per_cent_words", "one_long_line"], ["prose_sector_stats"]))
    found: dict[tuple[str, str], dict[int, dict[str, int]]] = {}
    with ThreadPoolExecutor(2) as pool:
        for records in pool.map(lambda job: _run_meter(*job), jobs):
            for r in records:
                counts = {"regex_chars": r["regex_chars"], "py_calls": r["py_calls"]}
                found.setdefault((r["input"], r["scanner"]), {})[r["size"]] = counts
    return found


def _per_char(counts: dict[int, dict[str, int]], size: int, key: str) -> float:
    return counts[size][key] / size


@pytest.mark.parametrize("scanner", SCANNERS)
@pytest.mark.parametrize("name", list(CASES))
def test_work_per_character_stays_flat_as_the_text_grows(
    name: str, scanner: str, work: dict[tuple[str, str], dict[int, dict[str, int]]]
) -> None:
    counts = work[(name, scanner)]
    assert sorted(counts) == list(SIZES), counts
    small, large = SIZES[0], SIZES[-1]
    for key in ("regex_chars", "py_calls"):
        before, after = _per_char(counts, small, key), _per_char(counts, large, key)
        # One unit of slack per character for fixed costs on short texts.
        assert after <= GROWTH * before + 1, (
            f"{scanner} on {name}: {key} per character grew from {before:.2f} at {small} "
            f"characters to {after:.2f} at {large}"
        )


@pytest.mark.parametrize("name", list(CASES))
def test_extract_does_a_bounded_amount_of_work_per_character(
    name: str, work: dict[tuple[str, str], dict[int, dict[str, int]]]
) -> None:
    counts = work[(name, "extract")]
    size = SIZES[-1]
    regex_chars, calls = _per_char(counts, size, "regex_chars"), _per_char(counts, size, "py_calls")
    assert regex_chars <= REGEX_BUDGET, f"{name}: {regex_chars:.1f} regex characters per character"
    assert calls <= CALL_BUDGET, f"{name}: {calls:.1f} Python calls per character"


@pytest.mark.parametrize("name", ["per_cent_words", "one_long_line"])
def test_prose_sector_statistics_search_only_where_a_cue_word_is(
    name: str, work: dict[tuple[str, str], dict[int, dict[str, int]]]
) -> None:
    # "forty per cent forty per cent ...": every percentage has a word after it, and each used
    # to run every before-the-value pattern over its 240-character window (about 80 regex
    # characters per input character, 30 s for 1 MB).
    counts = work[(name, "prose_sector_stats")]
    for size in SIZES:
        per_char = _per_char(counts, size, "regex_chars")
        assert per_char <= PROSE_REGEX_BUDGET, f"{name} at {size}: {per_char:.1f}"


# --- the meter itself can see a quadratic scan -------------------------------------------------


def _search_from_every_word(text: str) -> int:
    """A deliberately quadratic scan: a search for a word that is not there, from each word."""
    pattern = CountingPattern(regex.compile(r"absent"))
    found = 0
    for start in range(0, len(text), 6):
        found += pattern.search(text, start) is not None
    return found


def _search_in_a_window_of_every_word(text: str) -> int:
    pattern = CountingPattern(regex.compile(r"absent"))
    found = 0
    for start in range(0, len(text), 6):
        found += pattern.search(text, start, start + 60) is not None
    return found


def _work(function: Any, size: int) -> float:
    METER.reset()
    function(repeat("words ", size))
    return METER.regex_chars / size


def test_the_meter_sees_a_scan_that_rereads_the_text() -> None:
    assert _work(_search_from_every_word, 10_000) * 5 < _work(_search_from_every_word, 100_000)
    bounded = _work(_search_in_a_window_of_every_word, 10_000)
    assert _work(_search_in_a_window_of_every_word, 100_000) <= GROWTH * bounded


def test_the_meter_counts_matches_and_whole_text_passes() -> None:
    meter: Meter = METER
    meter.reset()
    pattern = CountingPattern(regex.compile(r"\d+"))
    assert [m.group() for m in pattern.finditer("a 12 b 345")] == ["12", "345"]
    assert meter.regex_chars == 1 + 10
    meter.reset()
    assert pattern.match("12345", 1) is not None
    assert meter.regex_chars == 1 + 4
    meter.reset()
    reverse = CountingPattern(regex.compile(r"(?r)\d"))
    assert reverse.search("ab1cdef", 0, 7) is not None
    assert meter.regex_chars == 1 + 7 - 2
