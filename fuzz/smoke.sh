#!/usr/bin/env bash
# Fuzz smoke: each target for SECONDS (default 15; about 60 s for the four), from its seed
# corpus. Exits non-zero when a target crashes, fails a span check or cannot start.
# New inputs the fuzzer finds go to a scratch directory, so the seed corpus is left unchanged.
#
#   bash fuzz/smoke.sh            # from the repository root, with atheris installed
#   SECONDS_PER_TARGET=300 bash fuzz/smoke.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python}"
if [ -x "$here/../.venv/bin/python" ] && [ -z "${PYTHON:-}" ]; then python="$here/../.venv/bin/python"; fi
seconds="${SECONDS_PER_TARGET:-15}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for target in find_money find_percentages find_tables extract; do
    mkdir -p "$scratch/$target"
    echo "== $target (${seconds}s)"
    if ! "$python" "$here/fuzz_targets.py" "$target" "$scratch/$target" "$here/corpus/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
        -artifact_prefix="$scratch/$target-" -print_final_stats=1 \
        >"$scratch/$target.log" 2>&1; then
        status=1
        echo "!! $target failed; last lines of its log:"
        tail -n 40 "$scratch/$target.log"
        for crash in "$scratch/$target"-*; do
            [ -e "$crash" ] && { echo "-- input $crash:"; "$python" -c 'import sys; print(repr(open(sys.argv[1], "rb").read()))' "$crash"; }
        done
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" || true
done
exit "$status"
