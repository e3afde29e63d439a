"""Tallies conformance outcomes per peer suite and prints the pass rates after the run."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

_OUTCOMES: defaultdict[str, Counter[str]] = defaultdict(Counter)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    suite = dict(report.user_properties).get("conformance_suite")
    if suite is None:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        outcome = "xfailed" if hasattr(report, "wasxfail") and report.skipped else report.outcome
        if hasattr(report, "wasxfail") and report.passed:
            outcome = "xpassed"
        _OUTCOMES[str(suite)][outcome] += 1


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    marker = item.get_closest_marker("conformance")
    if marker is not None:
        item.user_properties.append(("conformance_suite", marker.args[0]))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _OUTCOMES:
        return
    terminalreporter.section("conformance against peer suites")
    for suite in sorted(_OUTCOMES):
        counts = _OUTCOMES[suite]
        passed = counts["passed"]
        total = passed + counts["failed"] + counts["xfailed"] + counts["xpassed"]
        rate = 100 * passed / total if total else 0.0
        terminalreporter.write_line(
            f"{suite}: {passed}/{total} passed ({rate:.1f}%), "
            f"{counts['xfailed']} known failures, {counts['failed']} unexpected failures"
        )
