#!/usr/bin/env bash
# Installs what oxbpf's tests and example need on a Debian/Ubuntu machine of
# the kind the README describes (Go, rustc and LLVM 14 present): LLVM 19
# (opt, llc), clang 19 (rebuilds verify's test objects), LLVM 15 and 16
# (the downlevel matrix) and LLVM 22, rustc 1.95's own (the matrix, and the
# end-to-end leg without downlevel); bpftool (libbpf 1.1) and iproute2,
# the loaders the BTF tests load objects with; ping, for traffic across the
# test's veth pairs; libbpf-dev, whose
# bpf_helper_defs.h the helper bindings come from; qemu-system-x86, which
# boots the kernels of the --vm tests (scripts/fetch-kernels.sh fetches
# them). Does nothing for packages already installed.
set -euo pipefail

packages=(llvm-19 clang-19 llvm-15 llvm-16 llvm-22 bpftool iproute2 iputils-ping libbpf-dev qemu-system-x86)
missing=()
for p in "${packages[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "setup: ${packages[*]} already installed"
	exit 0
fi
if ! command -v apt-get >/dev/null; then
	echo "setup: missing ${missing[*]}, and this is not a Debian-like system; install LLVM 15+ (opt, llc) and clang-19 yourself" >&2
	exit 3
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]} with apt-get"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "setup: done"
