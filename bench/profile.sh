#!/usr/bin/env bash
# Instruction-count profiles (callgrind: repeatable on a noisy machine) of refpy-heap's two hottest paths:
#   1. build 10^6 two-node cycles + one full collection (and the build alone, to subtract it);
#   2. 10^6 × alloc+free of a 32-byte-payload tracked object (and the same with Rc, for reference).
# Usage: bash bench/profile.sh [N]   — outputs in target/callgrind/, top functions printed.
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000000}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
cargo build --release -p refpy-bench --bin profile
mkdir -p target/callgrind
for mode in cycles build alloc alloc-rc; do
    valgrind --tool=callgrind --callgrind-out-file="target/callgrind/$mode.out" \
        ./target/release/profile "$mode" "$N" 2>&1 | grep -E "refs" || true
done
for mode in cycles alloc; do
    echo "=== $mode: top functions (self, instructions) ==="
    callgrind_annotate "target/callgrind/$mode.out" 2>/dev/null | sed -n '/file:function/,$p' | grep -v '^-' | head -16 | cut -c1-160
    echo "=== $mode: inclusive ==="
    callgrind_annotate --inclusive=yes "target/callgrind/$mode.out" 2>/dev/null | sed -n '/file:function/,$p' \
        | grep -v '^-' | grep -E 'refpy_heap|refpy_bench::refpy' | head -16 | cut -c1-160
done
