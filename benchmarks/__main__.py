"""``python -m benchmarks``: run the whole benchmark suite (see run.py)."""

import sys

from benchmarks.run import main

sys.exit(main())
