"""``python -m hkpolicy``: the same as the ``hkpolicy`` command."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
