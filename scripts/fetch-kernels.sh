#!/usr/bin/env bash
# Fetches the kernel images `oxbpf verify --vm` boots and prints their
# paths, one per line: Debian's cloud kernels 5.10 (bullseye), 6.1 and 6.12
# (bookworm), downloaded with `apt-get download` into a cache and reduced
# to their vmlinuz. Kernels already in the cache are not fetched again.
#
#   scripts/fetch-kernels.sh [5.10|6.1|6.12]...   (default: all three)
#
# The cache is $OXBPF_KERNELS, else $XDG_CACHE_HOME/oxbpf/kernels, else
# ~/.cache/oxbpf/kernels; the tests look there too. bullseye is read through
# an apt configuration of its own in the cache: the machine's sources are
# not touched. Any vmlinuz works with --vm; this is one place to get some.
set -euo pipefail

cache=${OXBPF_KERNELS:-${XDG_CACHE_HOME:-$HOME/.cache}/oxbpf/kernels}
mkdir -p "$cache"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

# suite_of and package_of say where each kernel comes from: the meta
# package that follows the suite's current kernel of that line.
suite_of() {
	case $1 in
	5.10) echo bullseye ;;
	6.1 | 6.12) echo bookworm ;;
	*) echo "fetch-kernels: no source for kernel $1 (know 5.10, 6.1, 6.12)" >&2; return 2 ;;
	esac
}
package_of() {
	case $1 in
	6.12) echo linux-image-6.12-cloud-amd64 ;;
	*) echo linux-image-cloud-amd64 ;;
	esac
}

# apt_for SUITE runs apt-get and apt-cache on the suite's own lists in the
# cache (no root needed, the system's lists untouched).
apt_for() {
	local suite=$1 tool=$2
	shift 2
	local dir="$cache/apt/$suite"
	"$tool" -q -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" \
		-o Dir::State::Status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" "$@"
}

update() {
	local suite=$1 dir="$cache/apt/$1"
	[ -f "$dir/updated" ] && [ -n "$(find "$dir/updated" -mmin -1440)" ] && return 0
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	local signed=""
	[ -f "$keyring" ] && signed="[signed-by=$keyring] "
	{
		echo "deb ${signed}http://deb.debian.org/debian $suite main"
		echo "deb ${signed}http://deb.debian.org/debian-security $suite-security main"
		[ "$suite" = bookworm ] && echo "deb ${signed}http://deb.debian.org/debian $suite-updates main"
	} >"$dir/sources.list"
	apt_for "$suite" apt-get update >/dev/null
	touch "$dir/updated"
}

fetch() {
	local version=$1 suite meta pkg
	suite=$(suite_of "$version")
	meta=$(package_of "$version")
	# Already fetched: the newest vmlinuz of that line in the cache.
	local have
	have=$(ls "$cache"/vmlinuz-"$version".* 2>/dev/null | sort -V | tail -n1 || true)
	if [ -n "$have" ] && [ -z "${OXBPF_KERNELS_REFRESH:-}" ]; then
		echo "$have"
		return
	fi
	echo "fetch-kernels: $version from Debian $suite ($meta)" >&2
	update "$suite"
	pkg=$(apt_for "$suite" apt-cache depends "$meta" | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	[ -n "$pkg" ] || { echo "fetch-kernels: $meta in $suite depends on no kernel image" >&2; return 1; }
	local work
	work=$(mktemp -d)
	trap 'rm -rf "$work"' RETURN
	(cd "$work" && apt_for "$suite" apt-get download "$pkg" >/dev/null)
	dpkg-deb -x "$work"/*.deb "$work/x"
	local image
	image=$(ls "$work"/x/boot/vmlinuz-* | head -n1)
	cp "$image" "$cache/$(basename "$image").part"
	mv "$cache/$(basename "$image").part" "$cache/$(basename "$image")"
	echo "$cache/$(basename "$image")"
}

if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
	echo "fetch-kernels: needs apt-get and dpkg-deb (Debian, Ubuntu); or give oxbpf --vm any bzImage/vmlinuz you have" >&2
	exit 3
fi
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(5.10 6.1 6.12)
for v in "${versions[@]}"; do
	fetch "$v"
done
