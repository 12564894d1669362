#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time (FUZZ_SECONDS, default 60)
# from its seed corpus. A crash leaves crash-* files in build-fuzz/findings and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
seconds=${FUZZ_SECONDS:-60}
build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDUTYBOARD_FUZZ=ON -DBUILD_TESTING=OFF
cmake --build "$build" -j "$(nproc)"
mkdir -p "$build/findings"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    name=$(basename "$target"); type=${name#fuzz_}
    corpus="$build/corpus/$type"; mkdir -p "$corpus"
    # Seeds: the test fixtures of that parser, and the hand-made ones.
    for seeds in tests/data/"$type" tests/fuzz/corpus/"$type"; do
        [ -d "$seeds" ] && cp -f "$seeds"/* "$corpus"/ 2>/dev/null || true
    done
    echo "== $name: ${seconds}s"
    if ! "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$build/findings/$name-" -print_final_stats=1 "$corpus" 2>"$build/findings/$name.log"; then
        echo "!! $name found a problem:"; tail -40 "$build/findings/$name.log"; status=1
    fi
    if grep -q '^SKIP' "$build/findings/$name.log"; then grep '^SKIP' "$build/findings/$name.log"; continue; fi
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/findings/$name.log" | tail -2 || true
done
exit $status
