package toolchain

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Findings are every rustc, cargo, opt and llc on this machine that a
// build could use, what discovery chose and why: what `oxbpf doctor`
// shows. Lists are never nil.
type Findings struct {
	// Rustc lists every rustc found: on PATH and as rustup toolchains.
	Rustc []RustTool `json:"rustc"`
	Cargo []RustTool `json:"cargo"`
	// LLVMTools lists every opt and llc discovery considered, in its
	// search order.
	LLVMTools []ToolChoice `json:"llvm_tools"`
	// Chosen is the pair a build would use; nil when there is none.
	Chosen *LLVM `json:"chosen"`
	// Reason says why Chosen was chosen, or what to install.
	Reason string `json:"reason"`
}

// RustTool is one rustc or cargo.
type RustTool struct {
	// Command is how it runs: a path, or "rustup run nightly rustc".
	Command string `json:"command"`
	// Source is where it was found: "PATH" or "rustup toolchain <name>".
	Source  string `json:"source"`
	Version string `json:"version,omitempty"`
	// LLVM is the LLVM a rustc was built with: the syntax of its IR.
	LLVM string `json:"llvm,omitempty"`
	// Used marks what a build runs (for the crate directory, or with
	// DiscoverOptions.Toolchain).
	Used  bool   `json:"used"`
	Error string `json:"error,omitempty"`
}

// ToolChoice is an opt or llc discovery considered, and whether it chose
// it.
type ToolChoice struct {
	Tool
	Chosen bool
}

// Survey looks at the machine as a build for opts would: it runs
// discovery and lists every rustc and cargo, on PATH and as rustup
// toolchains, with their versions. The error, wrapping ErrNoLLVM or
// saying why an explicit tool cannot be used, means that no usable opt
// and llc pair exists; the Findings are complete either way.
func Survey(ctx context.Context, opts DiscoverOptions) (*Findings, error) {
	return hostSystem().survey(ctx, opts)
}

func (s system) survey(ctx context.Context, opts DiscoverOptions) (*Findings, error) {
	f := &Findings{LLVMTools: []ToolChoice{}}
	var wg sync.WaitGroup
	var d *Discovery
	var derr error
	wg.Go(func() { d, derr = s.discover(ctx, opts) })
	wg.Go(func() { f.Rustc = s.rustTools(ctx, opts.Dir, "rustc", "-vV") })
	wg.Go(func() { f.Cargo = s.rustTools(ctx, opts.Dir, "cargo", "-V") })
	wg.Wait()

	used := "cargo"
	if d.Rustc != nil {
		used = d.Rustc.Command
	}
	markUsed(f.Rustc, used, opts.Toolchain, "rustc")
	markUsed(f.Cargo, "", opts.Toolchain, "cargo")
	for _, t := range d.Tools {
		chosen := false
		if l := d.LLVM; l != nil {
			chosen = t.Path == l.Opt.Path && t.Name == "opt" || t.Path == l.Llc.Path && t.Name == "llc"
		}
		f.LLVMTools = append(f.LLVMTools, ToolChoice{Tool: t, Chosen: chosen})
	}
	if derr != nil {
		f.Reason = derr.Error()
		return f, derr
	}
	f.Chosen = d.LLVM
	f.Reason = chosenReason(d)
	return f, nil
}

// rustTools finds every `name` on PATH and every rustup toolchain's, and
// asks each for its version with arg, in dir, where rustup looks for a
// rust-toolchain.toml.
func (s system) rustTools(ctx context.Context, dir, name, arg string) []RustTool {
	var found []RustTool
	var argvs [][]string
	seen := map[string]bool{}
	for _, bin := range filepath.SplitList(s.getenv("PATH")) {
		path, err := s.lookPath(filepath.Join(bin, s.exe(name)))
		if err != nil || !filepath.IsAbs(path) {
			continue
		}
		real, err := filepath.EvalSymlinks(path)
		if err != nil || seen[real] {
			continue
		}
		seen[real] = true
		found = append(found, RustTool{Command: path, Source: "PATH"})
		argvs = append(argvs, []string{path, arg})
	}
	if rustup, err := s.lookPath(s.exe("rustup")); err == nil {
		for _, tc := range rustupToolchains(ctx, dir, rustup) {
			found = append(found, RustTool{Command: "rustup run " + tc + " " + name, Source: "rustup toolchain " + tc})
			argvs = append(argvs, []string{rustup, "run", tc, name, arg})
		}
	}
	var wg sync.WaitGroup
	for i := range found {
		wg.Go(func() { found[i].probe(ctx, name, argvs[i], dir) })
	}
	wg.Wait()
	if found == nil {
		return []RustTool{}
	}
	return found
}

// probe runs argv for the tool's version.
func (t *RustTool) probe(ctx context.Context, name string, argv []string, dir string) {
	out, _, err := Run(ctx, Command{Name: name, Path: argv[0], Args: argv[1:], Dir: dir, Timeout: probeTimeout})
	if err != nil {
		t.Error = err.Error()
		return
	}
	if name != "rustc" {
		t.Version = strings.TrimPrefix(strings.TrimSpace(string(out)), name+" ")
		return
	}
	r, err := ParseRustcVerbose(string(out))
	if err != nil {
		t.Error = err.Error()
		return
	}
	t.Version = r.ReleaseString
	if !r.LLVM.IsZero() {
		t.LLVM = r.LLVM.String()
	}
}

// rustupToolchains lists the installed toolchains by name.
func rustupToolchains(ctx context.Context, dir, rustup string) []string {
	out, _, err := Run(ctx, Command{Path: rustup, Args: []string{"toolchain", "list"}, Dir: dir, Timeout: probeTimeout})
	if err != nil {
		return nil
	}
	var names []string
	for line := range strings.SplitSeq(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] != "no" { // "no installed toolchains"
			names = append(names, f[0])
		}
	}
	return names
}

// markUsed marks the tool a build runs: with a toolchain, rustup's; else
// the one whose command is used, or the first on PATH.
func markUsed(tools []RustTool, used, toolchain, name string) {
	i := -1
	switch {
	case toolchain != "":
		i = slices.IndexFunc(tools, func(t RustTool) bool {
			return strings.HasPrefix(t.Source, "rustup toolchain "+toolchain) && strings.HasSuffix(t.Command, " "+name)
		})
	case used != "":
		i = slices.IndexFunc(tools, func(t RustTool) bool { return t.Command == used })
	}
	if i < 0 {
		i = slices.IndexFunc(tools, func(t RustTool) bool { return t.Source == "PATH" })
	}
	if i >= 0 {
		tools[i].Used = true
	}
}

// chosenReason explains discovery's choice (see Discover).
func chosenReason(d *Discovery) string {
	l := d.LLVM
	switch {
	case l.Opt.Source.Explicit() || l.Llc.Source.Explicit():
		return fmt.Sprintf("given: opt by %s, llc by %s", l.Opt.Origin, l.Llc.Origin)
	case d.Rustc == nil || d.Rustc.LLVM.IsZero():
		return fmt.Sprintf("newest LLVM with both opt and llc (LLVM %d); rustc's LLVM is unknown", l.Major())
	case d.Rustc.LLVM.Major == l.Major():
		return fmt.Sprintf("the LLVM of rustc %s (LLVM %d): its IR needs no downlevel", d.Rustc.ReleaseString, l.Major())
	case d.Rustc.LLVM.Major < l.Major():
		return fmt.Sprintf("newest LLVM with both opt and llc (LLVM %d), newer than rustc %s's LLVM %d, whose IR it reads",
			l.Major(), d.Rustc.ReleaseString, d.Rustc.LLVM.Major)
	}
	return fmt.Sprintf("newest LLVM with both opt and llc (LLVM %d); rustc %s emits LLVM %d IR, which the rewrite downlevels to %d "+
		"(for an exact match: rustup component add llvm-tools, or install opt and llc of LLVM %d)",
		l.Major(), d.Rustc.ReleaseString, d.Rustc.LLVM.Major, l.Major(), d.Rustc.LLVM.Major)
}
