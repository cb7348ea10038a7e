package toolchain

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DiscoveryKey describes everything Discover reads that a later run can
// check without running a program: the options, the environment it
// consults, and the size and time of the directories it searches (a tool
// installed or removed changes its directory), of rustup's toolchains and
// settings, and of the rust-toolchain files that choose a toolchain for
// dir. Two runs with equal keys find the same tools, as long as the files
// found are unchanged themselves: a cache of the result also keeps their
// FileStamps, and the rustc sysroot's (see Discovery.Stamps).
func DiscoveryKey(opts DiscoverOptions) []byte {
	return hostSystem().discoveryKey(opts)
}

func (s system) discoveryKey(opts DiscoverOptions) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "oxbpf discovery 1 %s/%s\n%+v\n", s.goos, s.goarch, opts)
	for _, env := range []string{"PATH", "OXBPF_OPT", "OXBPF_LLC", "OXBPF_LLVM_BIN", "RUSTUP_TOOLCHAIN", "RUSTUP_HOME", "CARGO_HOME", "HOME"} {
		fmt.Fprintf(&b, "%s=%s\n", env, s.getenv(env))
	}
	places := filepath.SplitList(s.getenv("PATH"))
	places = append(places, filepath.Join(s.root, "/usr/lib"))
	for _, prefix := range homebrewPrefixes {
		places = append(places, filepath.Join(s.root, prefix, "opt"))
	}
	rustup := s.getenv("RUSTUP_HOME")
	if rustup == "" {
		if home := s.getenv("HOME"); home != "" {
			rustup = filepath.Join(home, ".rustup")
		}
	}
	if rustup != "" {
		places = append(places, filepath.Join(rustup, "toolchains"), filepath.Join(rustup, "settings.toml"))
	}
	dir := opts.Dir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	for d := dir; ; d = filepath.Dir(d) {
		places = append(places, filepath.Join(d, "rust-toolchain"), filepath.Join(d, "rust-toolchain.toml"))
		if filepath.Dir(d) == d {
			break
		}
	}
	for _, p := range places {
		fmt.Fprintf(&b, "%s %s\n", p, FileStamp(p))
	}
	return []byte(b.String())
}

// FileStamp is the size and modification time of the file (or directory)
// at path, following links, or "-" when there is none.
func FileStamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "-"
	}
	return fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
}

// Stamps are the FileStamps of what a cached discovery must find unchanged
// to stand: the chosen opt and llc, and rustc's sysroot (a toolchain
// updated in place) with its llvm-tools directory.
func (d *Discovery) Stamps() map[string]string {
	stamps := map[string]string{}
	if d.LLVM != nil {
		stamps[d.LLVM.Opt.Path] = FileStamp(d.LLVM.Opt.Path)
		stamps[d.LLVM.Llc.Path] = FileStamp(d.LLVM.Llc.Path)
	}
	if d.Rustc != nil && d.Rustc.Sysroot != "" {
		for _, p := range []string{filepath.Join(d.Rustc.Sysroot, "bin"), filepath.Join(d.Rustc.Sysroot, "lib", "rustlib", d.Rustc.Host, "bin")} {
			stamps[p] = FileStamp(p)
		}
	}
	return stamps
}
