#!/usr/bin/env bash
# bench-build.sh: how much of `oxbpf build` is oxbpf's own work, and how much
# is cargo, opt and llc (and the tool probing of discovery).
#
#   scripts/bench-build.sh [CRATE_DIR [RUNS [oxbpf build flags...]]]
#
# Builds oxbpf, warms cargo's cache with one build, then times RUNS builds
# (default 5) of CRATE_DIR (default fixtures/probes/net) with -j 1 unless
# flags say otherwise. Each build's --json gives every step's start and
# duration; the tools' time is the union of their intervals, so overlapping
# steps count once, and oxbpf's own time is the process's wall time minus
# that. Target: oxbpf's own share under 5%. Each of these builds touches
# the first bin's source and passes --no-cache, so that cargo runs rustc
# and opt and llc run, as after an edit.
#
# Then the rebuilds, RUNS each (median, min, max): a no-op build with the
# caches (target: 100 ms), and a one-line change, a line inserted at the
# top of the first bin's source so that every run's IR differs (rustc,
# opt and llc all run). The source is restored at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
crate=${1:-$root/fixtures/probes/net}
runs=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
flags=("$@")
[[ " ${flags[*]-} " == *" -j "* || " ${flags[*]-} " == *" --jobs "* ]] || flags+=(-j 1)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -C "$root" -o "$tmp/oxbpf" ./cmd/oxbpf
build() {
	"$tmp/oxbpf" build "$crate" --target-dir "$tmp/target" --out "$tmp/out" --json "${flags[@]}" "$@"
}
build >/dev/null # dependencies, once

# split reads one --json result and prints: tools' seconds (union of the
# intervals of metadata, discover, cargo, opt and llc), then the summed
# seconds of each step kind.
split='
  [.steps[], .bins[].steps[]] as $all
  | ($all | map(select(.step | IN("metadata", "discover", "cargo", "opt", "llc")))
          | map([.start, .start + .seconds]) | sort
          | reduce .[] as $i ([]; if length > 0 and $i[0] <= .[-1][1]
                                  then .[-1][1] = ([.[-1][1], $i[1]] | max)
                                  else . + [$i] end)
          | map(.[1] - .[0]) | add) as $tools
  | [$tools] + ([ "cargo", "opt", "llc", "discover", "parse", "rewrite", "verify", "load" ]
                | map(. as $s | $all | map(select(.step == $s) | .seconds) | add // 0))
  | @tsv'

src=$(find "$crate/src/main.rs" "$crate/src/bin" -name '*.rs' 2>/dev/null | sort | head -n1 || true)
[ -n "$src" ] || { echo "bench-build: no src/main.rs or src/bin/*.rs in $crate" >&2; exit 1; }

printf '%-4s %8s %8s %8s %7s   %7s %7s %7s %7s %7s %7s %7s %7s\n' \
	run wall tools own share cargo opt llc discover parse rewrite verify load
for i in $(seq "$runs"); do
	start=$(date +%s%N)
	touch "$src"
	build --no-cache >"$tmp/run.json" || { echo "build failed" >&2; exit 1; }
	end=$(date +%s%N)
	wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }')
	jq -r "$split" "$tmp/run.json" | awk -v run="$i" -v wall="$wall" '{
		own = wall - $1
		printf "%-4s %7.3fs %7.3fs %7.3fs %6.2f%%   %6.3fs %6.3fs %6.3fs %6.3fs %6.4fs %6.4fs %6.4fs %6.4fs\n",
			run, wall, $1, own, 100 * own / wall, $2, $3, $4, $5, $6, $7, $8, $9
	}'
done | tee "$tmp/table"
awk 'NR > 1 { wall += $2; own += $4; n++ } END {
	printf "mean: wall %.3fs, oxbpf own %.3fs = %.2f%% (target < 5%%)\n", wall / n, own / n, 100 * own / wall
}' "$tmp/table"

# millis runs a build and prints its wall time in milliseconds.
millis() {
	local start end
	start=$(date +%s%N)
	build >/dev/null || { echo "build failed" >&2; exit 1; }
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}
# stats reads numbers, one per line, and prints median, min and max.
stats() {
	sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms (min %d, max %d, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'
}

build >/dev/null # the caches, warm
for i in $(seq "$runs"); do millis; done | stats | sed 's/^/no-op rebuild:        /'
echo

cp "$src" "$tmp/source.rs"
trap 'cp "$tmp/source.rs" "$src"; rm -rf "$tmp"' EXIT
for i in $(seq "$runs"); do
	{ for _ in $(seq "$i"); do echo; done; cat "$tmp/source.rs"; } >"$src"
	millis
done | stats | sed 's/^/one-line change:      /'
echo
