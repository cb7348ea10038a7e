#!/usr/bin/env bash
# Regenerates the helper table (internal/helpers/table.go) and the support
# crate's raw helper bindings (scaffold/crate/src/helpers/raw.rs) from the
# pinned bpf_helper_defs.h: Debian bookworm's libbpf-dev 1:1.1.2-0+deb12u1.
set -euo pipefail
cd "$(dirname "$0")/.."

pin="1:1.1.2-0+deb12u1"
have=$(dpkg-query -W -f '${Version}' libbpf-dev 2>/dev/null || true)
if [[ $have != "$pin" ]]; then
	sudo=""
	[[ $(id -u) == 0 ]] || sudo=sudo
	$sudo apt-get install -y -q "libbpf-dev=$pin"
fi
go generate ./internal/helpers
