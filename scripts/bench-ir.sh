#!/usr/bin/env bash
# Times oxbpf's IR round trip (parse + print, `oxbpf rewrite --passes none`)
# against `opt -S` with no passes (LLVM 19 unless OPT is set) on the same
# big module, in the same run, and prints the speed ratio and both peak RSS.
#
#   scripts/bench-ir.sh [MODULE.ll]     default: fixtures/ir/big/core-debug.ll
#   RUNS=5 OPT=opt-19 scripts/bench-ir.sh
#
# The default module is Debian rustc 1.63 at opt-level 0 with fat LTO and
# debug info (24 MB); fixtures/ir/gen.sh big makes it, and this script runs
# that (installing Debian's rustc with apt when it is missing and we are root).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
opt=${OPT:-opt-19}
module=${1:-fixtures/ir/big/core-debug.ll}

if [ ! -f "$module" ]; then
	if [ ! -x /usr/bin/rustc ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		echo "bench-ir: installing Debian's rustc (1.63) to generate $module" >&2
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rustc >/dev/null
	fi
	fixtures/ir/gen.sh big >&2
fi
command -v "$opt" >/dev/null || { echo "bench-ir: $opt not found (scripts/setup.sh installs llvm-19)" >&2; exit 3; }
command -v /usr/bin/time >/dev/null || { echo "bench-ir: needs GNU time at /usr/bin/time" >&2; exit 3; }

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/oxbpf" ./cmd/oxbpf

# measure CMD...: prints "seconds maxrss_kb" of the fastest of $runs runs.
measure() {
	local best_s="" best_kb=""
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%e %M" -o "$bin/time" "$@" >/dev/null 2>"$bin/err" || { cat "$bin/err" >&2; exit 1; }
		read -r s kb <"$bin/time"
		if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN{exit !(a<b)}'; then best_s=$s; fi
		if [ -z "$best_kb" ] || [ "$kb" -gt "$best_kb" ]; then best_kb=$kb; fi
	done
	echo "$best_s $best_kb"
}

"$bin/oxbpf" rewrite --passes none "$module" | cmp -s - "$module" || { echo "bench-ir: round trip is not byte-identical" >&2; exit 1; }
read -r ox_s ox_kb < <(measure "$bin/oxbpf" rewrite --passes none "$module" -o /dev/null)
read -r opt_s opt_kb < <(measure "$opt" -S "$module" -o /dev/null)

size=$(wc -c <"$module")
printf 'module        %s (%d MB)\n' "$module" $((size >> 20))
printf 'oxbpf         %6.2f s  %7d KB peak RSS   (rewrite --passes none, best of %d)\n' "$ox_s" "$ox_kb" "$runs"
printf '%-13s %6.2f s  %7d KB peak RSS   (-S, no passes, best of %d)\n' "$opt" "$opt_s" "$opt_kb" "$runs"
awk -v o="$opt_s" -v x="$ox_s" -v ok="$opt_kb" -v xk="$ox_kb" 'BEGIN {
	printf "speed         oxbpf is %.1fx faster than opt (goal: at least 5x)\n", o / x
	printf "memory        oxbpf peak RSS is %.2f of opt'"'"'s (goal: at most 1)\n", xk / ok
}'
