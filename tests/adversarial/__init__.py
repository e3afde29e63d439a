"""Adversarial inputs for the scanners, built on demand so the repository carries no large files.

Each entry of :data:`CASES` names one input and the function that builds it at a given size (in
characters). The inputs aim at the places a regex or a line scanner can go quadratic or deep:
long runs of one token ("HK$HK$…", "9,9,9,…"), unmatched brackets, one huge line, many table
delimiter lines. :func:`build` repeats a unit up to the size, so every input is exactly ``size``
characters long (or a little less where a unit must not be cut).

The list is used by tests/test_linear_cost.py (work counted per character at growing sizes, see
:mod:`tests.adversarial.work`), tests/test_determinism.py, benchmarks/bench_adversarial.py (time
and memory at 1 and 10 MB) and fuzz/ (as seeds, at small sizes).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["CASES", "MB", "build", "repeat"]

MB = 1_000_000


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated, cut to exactly ``size`` characters."""
    if not unit:
        raise ValueError("unit must not be empty")
    return (unit * (size // len(unit) + 1))[:size]


def _nested_parens(size: int) -> str:
    # 100,000 nested "(" around an amount, closed again, padded with prose to the size.
    depth = min(100_000, max(1, (size - 20) // 2))
    core = "(" * depth + "HK$5 million" + ")" * depth
    return (core + repeat(" and more text", max(0, size - len(core))))[:size]


def _table_rows(size: int) -> str:
    header = "| Sector | Share (%) | HK$ million |\n|---|--:|---:|\n"
    return header + repeat("| ICT | 12.5 | 1,234.5 |\n", size - len(header))


def _delimiter_lines(size: int) -> str:
    return "| a | b |\n" + repeat("|-|\n", size - 10)


def _one_line(size: int) -> str:
    # Running prose with every kind of mention, with no line break anywhere.
    unit = (
        "The Government earmarked HK$24 billion (US$3.07 billion) in 2024-25, about 42% of which "
        "went to the Innovation and Technology Fund (ITF); 政府撥款約5億元，佔百分之三十。 "
    )
    return repeat(unit, size)


def _digits(size: int) -> str:
    return repeat("9", size)


def _mixed_noise(size: int) -> str:
    unit = "HK$\u202f9\u00a0億%|(-\u3000１２３．４５％百分之\ud800\n"
    return repeat(unit, size)


# name -> builder(size). The names appear in test ids and fuzz seed file names.
CASES: dict[str, Callable[[int], str]] = {
    "hk_dollar_run": lambda n: repeat("HK$", n),
    "comma_nines": lambda n: repeat("9,", n),
    "dotted_ones": lambda n: repeat("1.", n),
    "yi_wan_run": lambda n: repeat("億萬", n),
    "pipes": lambda n: repeat("|", n),
    "nested_parens": _nested_parens,
    "open_parens": lambda n: repeat("(", n),
    "percent_run": lambda n: repeat("%", n),
    "baifenzhi_run": lambda n: repeat("百分之", n),
    "year_dash_run": lambda n: repeat("2024-", n),
    "hkust_run": lambda n: repeat("HKUST ", n),
    "one_long_line": _one_line,
    "delimiter_lines": _delimiter_lines,
    "table_rows": _table_rows,
    "digits": _digits,
    "spaced_digit_groups": lambda n: repeat("1 234 ", n),
    "dollar_digit_run": lambda n: repeat("$1", n),
    "percent_digit_run": lambda n: repeat("1% 10% ", n),
    "cjk_numerals": lambda n: repeat("一二三四五六七八九十百千", n),
    "letters": lambda n: repeat("a", n),
    "spaces_then_ellipsis": lambda n: repeat(" ", n - 4) + "x...",
    "words_number_run": lambda n: repeat("forty-five ", n),
    "mixed_noise": _mixed_noise,
    "newlines": lambda n: repeat("\n", n),
    # Every mention kind between boilerplate lines: each scanner gets thousands of skip ranges.
    "boilerplate_between_mentions": lambda n: repeat(
        "HK$1 and 1% in 2024-25 at HKUST (ITF)\nAdvertisement\n", n
    ),
    "open_brackets_cjk": lambda n: repeat("（", n),
    # Prose percentages: each one opens the sector-statistics window of the next.
    "per_cent_words": lambda n: repeat("forty per cent ", n),
    # A digit per two characters, split by a zero-width joiner or a combining accent.
    "digit_zero_width_joiner": lambda n: repeat("1\u200d", n),
    "digit_combining_accent": lambda n: repeat("1\u0301", n),
    "fiscal_year_run": lambda n: repeat("2024-25 ", n),
}


def build(name: str, size: int) -> str:
    """The input ``name`` at ``size`` characters."""
    return CASES[name](size)
