#!/usr/bin/env bash
# Times oxbpf's IR round trip (parse + print, `oxbpf rewrite --passes none`)
# against `opt -S` with no passes (LLVM 19 unless OPT is set) on the same
# big module, in paired runs (oxbpf, then opt, RUNS times: the machine's
# noise hits both alike), on all cores and then on one (taskset -c 0), and
# prints for each the min, median and max of the speed ratio and the peak
# RSS ratio. Goals: 5x on all cores, 4x on one, memory at most 0.75.
#
#   scripts/bench-ir.sh [MODULE.ll]     default: fixtures/ir/big/core-debug.ll
#   RUNS=9 OPT=opt-19 scripts/bench-ir.sh   (RUNS default 7)
#
# The default module is Debian rustc 1.63 at opt-level 0 with fat LTO and
# debug info (24 MB); fixtures/ir/gen.sh big makes it, and this script runs
# that (installing Debian's rustc with apt when it is missing and we are root).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-7}
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

"$bin/oxbpf" rewrite --passes none "$module" | cmp -s - "$module" || { echo "bench-ir: round trip is not byte-identical" >&2; exit 1; }

# once CMD...: runs CMD once and prints "seconds maxrss_kb", the time to
# the microsecond (GNU time's %e has centiseconds: 7% of oxbpf's time).
once() {
	local start end
	start=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$bin/time" "$@" >/dev/null 2>"$bin/err" || { cat "$bin/err" >&2; exit 1; }
	end=$(date +%s%N)
	echo "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }') $(cat "$bin/time")"
}

# pairs [PREFIX...]: RUNS paired runs, each line "ox_s ox_kb opt_s opt_kb".
pairs() {
	for _ in $(seq "$runs"); do
		echo "$(once "$@" "$bin/oxbpf" rewrite --passes none "$module" -o /dev/null) $(once "$@" "$opt" -S "$module" -o /dev/null)"
	done
}

# summary LABEL GOAL: reads pairs, prints the ratios' min, median and max.
summary() {
	sort -n -k1,1 | awk -v label="$1" -v goal="$2" -v opt="$opt" '
		{ ox[NR] = $1; oxk[NR] = $2; op[NR] = $3; opk[NR] = $4; sp[NR] = $3 / $1; mem[NR] = $2 / $4 }
		function median(a, n,   i, j, t, b) {
			for (i = 1; i <= n; i++) b[i] = a[i]
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
			return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
		}
		function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
		function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
		END {
			n = NR
			printf "%s, %d paired runs\n", label, n
			printf "  oxbpf       median %6.3f s  %7d KB peak RSS\n", median(ox, n), median(oxk, n)
			printf "  %-11s median %6.3f s  %7d KB peak RSS\n", opt, median(op, n), median(opk, n)
			printf "  speed       %.1fx median (min %.1fx, max %.1fx; goal %sx)\n", median(sp, n), lo(sp, n), hi(sp, n), goal
			printf "  memory      %.2f of opt'"'"'s median (min %.2f, max %.2f; goal at most 0.75)\n", median(mem, n), lo(mem, n), hi(mem, n)
		}'
}

size=$(wc -c <"$module")
printf 'module        %s (%d MB)\n' "$module" $((size >> 20))
pairs | summary "all $(nproc) cores" 5
if command -v taskset >/dev/null; then
	pairs taskset -c 0 | summary "one core (taskset -c 0)" 4
else
	echo "one core: skipped, no taskset"
fi
