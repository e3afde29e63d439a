"""The funding rules' shortcuts before costly patterns give what the plain patterns give, on
generated text made of the pieces that matter."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

# --- "X, backed by $10 million": the shortcuts before the phrase pattern -----------------------

BACKED_PIECES = [
    "the", "AI", "programme", "Fund", "backed", "by", "funded", "with", "worth", "about",
    "up to", "more than", "a boost of", "receives", "WITH", "wİth", "geſts", "gets", "BY",
    "totalling", "approximately", " ", "  ", "\n", ",", "(", "-", "’", "&", "_", "1", "é", "\u00a0",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(BACKED_PIECES), max_size=25).map("".join))
def test_backed_by_equals_the_plain_patterns(before: str) -> None:
    from hkpolicy import _funding_purpose

    text = before + "$10 million"
    item, a0 = (0, len(text)), len(before)
    found = _funding_purpose._backed_by(text, item, a0)
    with pytest.MonkeyPatch.context() as patch:
        # Every shortcut off: any ending passes, and no barrier narrows the search.
        patch.setattr(_funding_purpose, "_EN_TAIL_LAST_WORDS", ("",))
        patch.setattr(_funding_purpose, "_NOT_IN_PHRASE_RE", regex.compile("(?!)", regex.REVERSE))
        assert _funding_purpose._backed_by(text, item, a0) == found, before


def test_backed_by_names_what_the_amount_backs() -> None:
    from hkpolicy._funding_purpose import _backed_by

    before = "Officials said (in May) the Smart Mobility pilot scheme backed by "
    found = _backed_by(before + "$10 million", (0, 200), len(before))
    assert found is not None and found.phrase == "Smart Mobility pilot scheme"
