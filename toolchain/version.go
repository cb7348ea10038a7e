package toolchain

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Version is a release number such as LLVM 19.1.7 or rustc 1.95.0. The zero
// Version means "unknown".
type Version struct {
	Major, Minor, Patch int
}

func (v Version) String() string {
	return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
}

// IsZero reports whether v is the unknown version.
func (v Version) IsZero() bool { return v == Version{} }

// Compare returns -1, 0 or +1 as v is older than, equal to or newer than w.
func (v Version) Compare(w Version) int {
	if c := cmp.Compare(v.Major, w.Major); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Minor, w.Minor); c != 0 {
		return c
	}
	return cmp.Compare(v.Patch, w.Patch)
}

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

// versionPrefix matches the numeric start of a release string; what follows
// ("-nightly", "-rust-1.86.0-stable", "git", "rc1") is not part of the number.
var versionPrefix = regexp.MustCompile(`^(\d+)\.(\d+)(?:\.(\d+))?`)

// ParseVersion reads "MAJOR.MINOR[.PATCH]" at the start of s, ignoring any
// suffix, so "1.97.0-nightly" and "17.0.0git" parse as well as "19.1.7".
func ParseVersion(s string) (Version, error) {
	m := versionPrefix.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Version{}, fmt.Errorf("parse version %q: want MAJOR.MINOR[.PATCH]", s)
	}
	var v Version
	// The regexp admits only digits, so Atoi fails only on overflow.
	var err1, err2, err3 error
	v.Major, err1 = strconv.Atoi(m[1])
	v.Minor, err2 = strconv.Atoi(m[2])
	if m[3] != "" {
		v.Patch, err3 = strconv.Atoi(m[3])
	}
	if err := errors.Join(err1, err2, err3); err != nil {
		return Version{}, fmt.Errorf("parse version %q: %w", s, err)
	}
	return v, nil
}

// llvmVersionLine finds the version in every vendor's banner: "LLVM version
// 22.1.2" (upstream and rustup's llvm-tools, which add "-rust-1.x.y-stable"),
// "Debian LLVM version 14.0.6", "Homebrew LLVM version 19.1.7",
// "Ubuntu LLVM version 18.1.3".
var llvmVersionLine = regexp.MustCompile(`LLVM version (\d+\.\d+(?:\.\d+)?\S*)`)

// ParseLLVMVersion reads the version from the output of `opt --version` or
// `llc --version`.
func ParseLLVMVersion(versionOutput string) (Version, error) {
	m := llvmVersionLine.FindStringSubmatch(versionOutput)
	if m == nil {
		return Version{}, fmt.Errorf("no %q line in %q", "LLVM version", firstLine(versionOutput))
	}
	return ParseVersion(m[1])
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
