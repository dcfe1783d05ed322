#!/usr/bin/env bash
# The short fuzz run CI does after the sanitizer suite (tests/sanitize.sh):
# builds every libFuzzer target (clang, AddressSanitizer, UBSan) in the same
# sanitizer build folder as that suite (build-sanitize; SANITIZE_BUILD_DIR or
# FUZZ_BUILD_DIR to change it), so after tests/sanitize.sh nothing is rebuilt,
# and runs each for
# QUIRE_FUZZ_SECONDS (default 20) from its seed folder, which it also replays
# in full. Stops at the first target that finds a crash, a leak or a timeout
# (libFuzzer writes the input as crash-*/leak-*/timeout-* in the build folder).
# A longer run: docs/fuzzing.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$here/packaging/deps.sh"
dir="${FUZZ_BUILD_DIR:-${SANITIZE_BUILD_DIR:-$here/build-sanitize}}"
seconds="${QUIRE_FUZZ_SECONDS:-20}"
bash "$here/tests/sanitize/configure.sh" "$dir" -DQUIRE_FUZZ_SECONDS="$seconds"
targets=()
for src in "$here"/tests/fuzz/fuzz_*.cpp; do
  targets+=("$(basename "$src" .cpp)")
done
cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"
cd "$dir/tests/fuzz"
for t in "${targets[@]}"; do
  seeds="$(sed -n 's|^// seeds: ||p' "$here/tests/fuzz/$t.cpp" | head -n 1)"
  mkdir -p "${t}_corpus"
  echo "fuzz: $t for ${seconds} s from tests/fixtures/$seeds"
  if ! "./$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
       "${t}_corpus" "$here/tests/fixtures/$seeds" > "$t.log" 2>&1; then
    tail -n 60 "$t.log"
    echo "fuzz: $t FOUND A PROBLEM (input saved in $dir/tests/fuzz); see docs/fuzzing.md"
    exit 1
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$t.log" | tail -n 1 | sed "s|^|fuzz: $t: |"
done
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a finding"
