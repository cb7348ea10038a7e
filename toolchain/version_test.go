package toolchain

import (
	"slices"
	"testing"
)

func TestParseLLVMVersion(t *testing.T) {
	tests := []struct {
		name, out string
		want      Version
	}{
		// Captured from this machine's Debian 12 packages.
		{"debian opt-14", "Debian LLVM version 14.0.6\n  Optimized build.\n  Default target: x86_64-pc-linux-gnu\n  Host CPU: znver3\n", Version{14, 0, 6}},
		{"debian llc-15", "Debian LLVM version 15.0.6\n  Optimized build.\n  Default target: x86_64-pc-linux-gnu\n  Host CPU: znver3\n\n  Registered Targets:\n    bpf        - BPF (host endian)\n", Version{15, 0, 6}},
		{"debian opt-19", "Debian LLVM version 19.1.7\n  Optimized build.\n  Default target: x86_64-pc-linux-gnu\n  Host CPU: znver4\n", Version{19, 1, 7}},
		// Other vendors' banners, not installed here: the version line is what counts.
		{"homebrew", "Homebrew LLVM version 19.1.7\n  Optimized build.\n  Default target: arm64-apple-darwin24.3.0\n  Host CPU: apple-m1\n", Version{19, 1, 7}},
		{"upstream", "LLVM (http://llvm.org/):\n  LLVM version 22.1.2\n  Optimized build.\n", Version{22, 1, 2}},
		{"rustup llvm-tools", "LLVM (http://llvm.org/):\n  LLVM version 19.1.7-rust-1.86.0-stable\n  Optimized build.\n", Version{19, 1, 7}},
		{"ubuntu", "Ubuntu LLVM version 18.1.3\n  Optimized build.\n", Version{18, 1, 3}},
		{"development build", "LLVM (http://llvm.org/):\n  LLVM version 23.0.0git\n  Optimized build with assertions.\n", Version{23, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLLVMVersion(tt.out)
			if err != nil || got != tt.want {
				t.Errorf("ParseLLVMVersion = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := ParseLLVMVersion("rustc 1.95.0\n"); err == nil {
		t.Error("no error for output without an LLVM version")
	}
}

func TestParseRustcVerbose(t *testing.T) {
	tests := []struct {
		name, out string
		want      Rustc
	}{
		// All three captured from this machine.
		{"rustup stable", "rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\ncommit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860\ncommit-date: 2026-04-14\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\nLLVM version: 22.1.2\n",
			Rustc{Release: Version{1, 95, 0}, ReleaseString: "1.95.0", Host: "x86_64-unknown-linux-gnu", LLVM: Version{22, 1, 2}, Commit: "59807616e1fa2540724bfbac14d7976d7e4a3860"}},
		{"rustup nightly", "rustc 1.97.0-nightly (e50aa6fba 2026-05-19)\nbinary: rustc\ncommit-hash: e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a\ncommit-date: 2026-05-19\nhost: x86_64-unknown-linux-gnu\nrelease: 1.97.0-nightly\nLLVM version: 22.1.4\n",
			Rustc{Release: Version{1, 97, 0}, ReleaseString: "1.97.0-nightly", Host: "x86_64-unknown-linux-gnu", LLVM: Version{22, 1, 4}, Commit: "e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a"}},
		{"debian 1.63", "rustc 1.63.0\nbinary: rustc\ncommit-hash: unknown\ncommit-date: unknown\nhost: x86_64-unknown-linux-gnu\nrelease: 1.63.0\nLLVM version: 14.0.6\n",
			Rustc{Release: Version{1, 63, 0}, ReleaseString: "1.63.0", Host: "x86_64-unknown-linux-gnu", LLVM: Version{14, 0, 6}}},
		{"no LLVM line", "rustc 1.80.0\nhost: aarch64-apple-darwin\nrelease: 1.80.0\n",
			Rustc{Release: Version{1, 80, 0}, ReleaseString: "1.80.0", Host: "aarch64-apple-darwin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseRustcVerbose(tt.out)
			if err != nil || got != tt.want {
				t.Errorf("ParseRustcVerbose = %+v, %v\nwant %+v", got, err, tt.want)
			}
		})
	}
	if _, err := ParseRustcVerbose("error: unknown toolchain\n"); err == nil {
		t.Error("no error for output that is not rustc -vV")
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]Version{
		"19.1.7": {19, 1, 7}, "1.97.0-nightly": {1, 97, 0}, "17.0.0git": {17, 0, 0}, "5.10": {5, 10, 0}, " 6.18.44-fc ": {6, 18, 44},
	} {
		if got, err := ParseVersion(in); err != nil || got != want {
			t.Errorf("ParseVersion(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "19", "v19.1", "x.y.z", "99999999999999999999.1"} {
		if _, err := ParseVersion(in); err == nil {
			t.Errorf("ParseVersion(%q): no error", in)
		}
	}
}

func TestVersionCompare(t *testing.T) {
	sorted := []Version{{}, {1, 63, 0}, {1, 95, 0}, {14, 0, 6}, {15, 0, 6}, {15, 0, 7}, {19, 1, 7}, {22, 1, 2}}
	for i, v := range sorted {
		for j, w := range sorted {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := v.Compare(w); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", v, w, got, want)
			}
			if v.Less(w) != (want < 0) {
				t.Errorf("%v.Less(%v) wrong", v, w)
			}
		}
	}
	shuffled := []Version{{22, 1, 2}, {1, 95, 0}, {15, 0, 7}, {}, {19, 1, 7}, {14, 0, 6}, {15, 0, 6}, {1, 63, 0}}
	slices.SortFunc(shuffled, Version.Compare)
	if !slices.Equal(shuffled, sorted) {
		t.Errorf("sorted: %v", shuffled)
	}
	if s := (Version{19, 1, 7}).String(); s != "19.1.7" {
		t.Errorf("String() = %q", s)
	}
	if !(Version{}).IsZero() || (Version{0, 0, 1}).IsZero() {
		t.Error("IsZero wrong")
	}
}
