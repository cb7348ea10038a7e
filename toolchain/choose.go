package toolchain

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// choose picks the pair as Discover documents it.
func (s system) choose(d *Discovery, typedPointers bool) (*LLVM, error) {
	minMajor, irKind := ir.OldestOpaquePointerLLVM, "opaque-pointer IR"
	if typedPointers {
		minMajor, irKind = ir.OldestLLVM, "typed-pointer IR"
	}
	usable := func(t Tool) bool { return t.Err == nil && t.Version.Major >= minMajor }

	var pinned [2]*Tool // explicit opt, llc
	for i := range d.Tools {
		t := &d.Tools[i]
		if !t.Source.Explicit() {
			continue
		}
		switch {
		case t.Err != nil:
			return nil, fmt.Errorf("%s from %s: %w", t.Name, t.Origin, t.Err)
		case !usable(*t):
			return nil, fmt.Errorf("%s from %s is LLVM %s; %s needs LLVM %d or newer", t.Name, t.Origin, t.Version, irKind, minMajor)
		}
		pinned[toolIndex(t.Name)] = t
	}

	// first[i][major] is the first usable opt (i=0) or llc (i=1) of a major.
	first := [2]map[int]*Tool{{}, {}}
	for i := range d.Tools {
		t := &d.Tools[i]
		if m := first[toolIndex(t.Name)]; usable(*t) && m[t.Version.Major] == nil {
			m[t.Version.Major] = t
		}
	}
	var pair [2]*Tool
	switch {
	case pinned[0] != nil && pinned[1] != nil:
		pair = pinned
		if pair[0].Version.Major != pair[1].Version.Major {
			return nil, fmt.Errorf("opt from %s is LLVM %d but llc from %s is LLVM %d; give a pair of one LLVM major",
				pair[0].Origin, pair[0].Version.Major, pair[1].Origin, pair[1].Version.Major)
		}
	case pinned[0] != nil || pinned[1] != nil:
		i := 0
		if pinned[0] == nil {
			i = 1
		}
		other, major := 1-i, pinned[i].Version.Major
		pair[i], pair[other] = pinned[i], first[other][major]
		if pair[other] == nil {
			otherName := [2]string{"opt", "llc"}[other]
			return nil, fmt.Errorf("%w: no %s of LLVM %d to pair with %s from %s; give --%s or --llvm-bin",
				ErrNoLLVM, otherName, major, pinned[i].Name, pinned[i].Origin, otherName)
		}
	default:
		var majors []int
		for major := range first[0] {
			if first[1][major] != nil {
				majors = append(majors, major)
			}
		}
		if len(majors) == 0 {
			return nil, s.noLLVMError(d, minMajor, irKind)
		}
		major := slices.Max(majors)
		if d.Rustc != nil && slices.Contains(majors, d.Rustc.LLVM.Major) {
			major = d.Rustc.LLVM.Major
		}
		pair = [2]*Tool{first[0][major], first[1][major]}
	}
	return &LLVM{Opt: *pair[0], Llc: *pair[1]}, nil
}

func toolIndex(name string) int {
	if name == "llc" {
		return 1
	}
	return 0
}

// noLLVMError says what was found and what to install, in one line.
func (s system) noLLVMError(d *Discovery, minMajor int, irKind string) error {
	found := map[int][]string{}
	for _, t := range d.Tools {
		if t.Err == nil {
			found[t.Version.Major] = append(found[t.Version.Major], t.Name)
		}
	}
	var seen []string
	for _, major := range slices.Sorted(maps.Keys(found)) {
		seen = append(seen, fmt.Sprintf("LLVM %d (%s)", major, strings.Join(slices.Compact(slices.Sorted(slices.Values(found[major]))), ", ")))
	}
	what := "found no opt or llc"
	if len(seen) > 0 {
		what = "found " + strings.Join(seen, ", ")
	}
	return fmt.Errorf("%w: %s; %s needs both of one LLVM major, %d or newer: %s",
		ErrNoLLVM, what, irKind, minMajor, s.installHint())
}

// installHint names the command that gets a usable LLVM on this system.
func (s system) installHint() string {
	var hints []string
	switch {
	case s.goos == "darwin":
		hints = append(hints, "brew install llvm")
	case s.goos == "linux" && isFile(filepath.Join(s.root, "/etc/debian_version")):
		hints = append(hints, "apt-get install llvm-19")
	default:
		hints = append(hints, "install LLVM's opt and llc")
	}
	if _, err := s.lookPath(s.exe("rustup")); err == nil {
		hints = append(hints, "rustup component add llvm-tools")
	}
	return strings.Join(hints, " or ")
}
