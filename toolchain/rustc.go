package toolchain

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"
)

// rustc asks the rustc that cargo will use for its version and sysroot.
func (s system) rustc(ctx context.Context, opts DiscoverOptions) (*Rustc, error) {
	r, run, err := s.rustcVerbose(ctx, opts)
	if err != nil {
		return nil, err
	}
	sysroot, err := run("--print", "sysroot")
	if err != nil {
		return nil, err
	}
	r.Sysroot = strings.TrimSpace(sysroot)
	return r, nil
}

// RustcRelease asks the rustc that cargo will use in dir (where a
// rust-toolchain.toml chooses it), or rustup's toolchain if one is named,
// for its release, which says what flags it takes: one run of rustc -vV.
func RustcRelease(ctx context.Context, toolchain, dir string) (Version, error) {
	r, _, err := hostSystem().rustcVerbose(ctx, DiscoverOptions{Toolchain: toolchain, Dir: dir})
	if err != nil {
		return Version{}, err
	}
	return r.Release, nil
}

// rustcVerbose runs rustc -vV, and returns what it said with a function
// that runs the same rustc with other arguments.
func (s system) rustcVerbose(ctx context.Context, opts DiscoverOptions) (*Rustc, func(args ...string) (string, error), error) {
	path, args, err := s.rustupOr(opts.Toolchain, "rustc", opts.Rustc)
	if err != nil {
		return nil, nil, err
	}
	run := func(more ...string) (string, error) {
		out, _, err := Run(ctx, Command{Name: "rustc", Path: path, Args: append(slices.Clip(args), more...), Dir: opts.Dir, Timeout: probeTimeout})
		return string(out), err
	}
	out, err := run("-vV")
	if err != nil {
		return nil, nil, err
	}
	r, err := ParseRustcVerbose(out)
	if err != nil {
		return nil, nil, err
	}
	r.Command = Command{Path: path, Args: args}.String()
	return &r, run, nil
}

// rustupOr returns how to run a Rust tool: `rustup run <toolchain> <tool>`
// when a toolchain is named, else explicit (a path) or the tool on PATH.
func (s system) rustupOr(toolchain, tool, explicit string) (path string, args []string, err error) {
	if toolchain != "" {
		rustup, err := s.lookPath(s.exe("rustup"))
		if err != nil {
			return "", nil, fmt.Errorf("toolchain %q needs rustup: %w", toolchain, err)
		}
		return rustup, []string{"run", toolchain, tool}, nil
	}
	if explicit != "" {
		return explicit, nil, nil
	}
	path, err = s.lookPath(s.exe(tool))
	return path, nil, err
}

// Rustc describes one rustc: what `rustc -vV` says, plus its sysroot.
type Rustc struct {
	// Command is how it is run: a path, or "rustup run nightly rustc".
	Command string
	// Release is the numeric release; ReleaseString keeps the channel
	// suffix, e.g. "1.97.0-nightly".
	Release       Version
	ReleaseString string
	// Host is the triple rustc runs on and targets by default.
	Host string
	// LLVM is the LLVM rustc was built with, i.e. the syntax of the IR it
	// emits. Zero if rustc does not say.
	LLVM Version
	// Sysroot is `rustc --print sysroot`; rustup's llvm-tools live under it.
	Sysroot string
	// Commit is the commit rustc was built from, which names its standard
	// library's sources in debug info (/rustc/<commit>/library/...);
	// empty when rustc does not say (a distribution's build may not).
	Commit string
}

// ParseRustcVerbose reads the output of `rustc -vV`:
//
//	rustc 1.95.0 (59807616e 2026-04-14)
//	binary: rustc
//	host: x86_64-unknown-linux-gnu
//	commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
//	release: 1.95.0
//	LLVM version: 22.1.2
//
// Command and Sysroot are left empty.
func ParseRustcVerbose(out string) (Rustc, error) {
	var r Rustc
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		var err error
		switch key {
		case "host":
			r.Host = value
		case "release":
			r.ReleaseString = value
			r.Release, err = ParseVersion(value)
		case "LLVM version":
			r.LLVM, err = ParseVersion(value)
		case "commit-hash":
			if value != "unknown" {
				r.Commit = value
			}
		}
		if err != nil {
			return Rustc{}, fmt.Errorf("rustc -vV: %w", err)
		}
	}
	if r.ReleaseString == "" || r.Host == "" {
		return Rustc{}, fmt.Errorf("rustc -vV: no release or host line in %q", firstLine(out))
	}
	return r, nil
}
