#!/usr/bin/env bash
# bench-code.sh: BPF instructions of oxbpf's objects against the same
# programs written in C (fixtures/ctwins) and built by clang, with the same
# LLVM and -mcpu, for each LLVM given that has opt-N, llc-N and clang-N
# (clang-22: apt-get install clang-22). As root it also loads both into the
# running kernel and compares what the verifier processed (Linux 5.16+).
# Prints a table per LLVM with the Rust/C ratio per program and in total.
#
#   scripts/bench-code.sh [19,22]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./internal/twins -llvm "${1:-19,22}"
