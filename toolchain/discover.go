package toolchain

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/oxbpf/oxbpf/ir"
)

// newestSearchedMajor is where the search for opt-N starts: a few majors
// past the newest whose syntax oxbpf knows, so the next releases need no
// code change.
const newestSearchedMajor = ir.NewestLLVM + 4

// ErrNoLLVM is wrapped by Discover's error when no usable opt and llc pair
// was found.
var ErrNoLLVM = errors.New("no usable opt and llc")

// Source says where discovery found a tool.
type Source int

const (
	SourceFlag       Source = iota // --opt, --llc or --llvm-bin
	SourceEnv                      // $OXBPF_OPT, $OXBPF_LLC or $OXBPF_LLVM_BIN
	SourceRustup                   // rustup's llvm-tools in rustc's sysroot
	SourceVersioned                // opt-N / llc-N on PATH
	SourceLLVMConfig               // the bindir of llvm-config-N
	SourceLLVMDir                  // a distribution's /usr/lib/llvm-N/bin
	SourceHomebrew                 // Homebrew's llvm or llvm@N
	SourcePath                     // plain opt / llc on PATH
)

var sourceNames = [...]string{
	SourceFlag:       "flag",
	SourceEnv:        "environment",
	SourceRustup:     "rustup llvm-tools",
	SourceVersioned:  "versioned name on PATH",
	SourceLLVMConfig: "llvm-config --bindir",
	SourceLLVMDir:    "LLVM directory",
	SourceHomebrew:   "Homebrew",
	SourcePath:       "PATH",
}

func (s Source) String() string {
	if s < 0 || int(s) >= len(sourceNames) {
		return "Source(" + strconv.Itoa(int(s)) + ")"
	}
	return sourceNames[s]
}

// Explicit reports whether the user named the tool; such a tool is used or
// the build fails, never silently replaced.
func (s Source) Explicit() bool { return s == SourceFlag || s == SourceEnv }

// Tool is one opt or llc that discovery considered.
type Tool struct {
	Name   string // "opt" or "llc"
	Path   string
	Source Source
	// Origin says precisely where the path came from, e.g. "--llvm-bin",
	// "$OXBPF_OPT", "llvm-config-19 --bindir", "PATH".
	Origin  string
	Version Version // from --version; zero if it did not run
	Err     error   // why the tool cannot be used; nil if it ran
}

// FileName is how messages name the tool: "opt-19", not
// "/usr/bin/opt-19.exe".
func (t Tool) FileName() string { return toolName(t.Path) }

func (t Tool) String() string {
	s := fmt.Sprintf("%s %s (%s)", t.Name, t.Path, t.Origin)
	if t.Err != nil {
		return s + ": " + t.Err.Error()
	}
	return s + ": LLVM " + t.Version.String()
}

// LLVM is the chosen pair of opt and llc, of one LLVM major.
type LLVM struct {
	Opt, Llc Tool
}

// Major is the LLVM major of both tools: the IR syntax they read.
func (l *LLVM) Major() int { return l.Opt.Version.Major }

// DiscoverOptions are the user's choices; the zero value searches everything.
type DiscoverOptions struct {
	// Opt and Llc are explicit paths (--opt, --llc); LLVMBin is a directory
	// holding both (--llvm-bin). Empty fields fall back to $OXBPF_OPT,
	// $OXBPF_LLC and $OXBPF_LLVM_BIN.
	Opt, Llc, LLVMBin string
	// Rustc is the rustc to ask for its LLVM version and sysroot; empty
	// means "rustc" on PATH. Toolchain, if set, runs
	// `rustup run <Toolchain> rustc` instead, as Cargo does.
	Rustc, Toolchain string
	// Dir is the crate directory: rustup picks the toolchain from a
	// rust-toolchain.toml there. Empty means the current directory.
	Dir string
	// TypedPointers says the IR uses typed pointers (rustc 1.64 and older),
	// which makes LLVM 14 usable.
	TypedPointers bool
}

// Discovery is what Discover saw, for `oxbpf doctor` and -v.
type Discovery struct {
	Rustc    *Rustc // nil if rustc could not be asked
	RustcErr error
	// Tools lists every opt and llc found, in search order, each once.
	Tools []Tool
	// LLVM is the chosen pair; nil when there is none.
	LLVM *LLVM
}

// probeTimeout bounds `--version` and `llvm-config --bindir` runs.
const probeTimeout = 30 * time.Second

// Discover finds opt and llc and picks the pair to use. Search order:
// explicit paths (flags, then environment), rustup's llvm-tools next to
// rustc's sysroot, versioned system tools from the newest major down (opt-N
// on PATH, llvm-config-N --bindir, /usr/lib/llvm-N/bin, Homebrew's llvm@N),
// Homebrew's llvm, and plain opt and llc on PATH.
//
// An explicit tool always wins, and is an error if it does not run or is too
// old. Otherwise the pair has rustc's LLVM major if both tools exist in it,
// else the newest major that has both. The Discovery is returned even with an
// error, so that doctor can show what was found.
func Discover(ctx context.Context, opts DiscoverOptions) (*Discovery, error) {
	return hostSystem().discover(ctx, opts)
}

// system is what discovery reads from the machine, replaceable in tests.
type system struct {
	getenv   func(string) string
	lookPath func(string) (string, error)
	goos     string
	goarch   string
	// root prefixes well-known absolute directories such as /usr/lib/llvm-19.
	root string
}

func hostSystem() system {
	return system{getenv: os.Getenv, lookPath: exec.LookPath, goos: runtime.GOOS, goarch: runtime.GOARCH}
}

func (s system) exe(name string) string {
	if s.goos == "windows" {
		return name + ".exe"
	}
	return name
}

func (s system) discover(ctx context.Context, opts DiscoverOptions) (*Discovery, error) {
	d := &Discovery{}
	d.Rustc, d.RustcErr = s.rustc(ctx, opts)

	explicit := s.explicitTools(opts)
	tools := explicit
	if len(explicit) < 2 {
		tools = append(tools, s.searchTools(ctx, d.Rustc)...)
	}
	d.Tools = probeTools(ctx, tools)

	pair, err := s.choose(d, opts.TypedPointers)
	d.LLVM = pair
	return d, err
}

// explicitTools returns the opt and llc the user named, flag before
// environment, a single path before a directory.
func (s system) explicitTools(opts DiscoverOptions) []Tool {
	var tools []Tool
	for _, name := range []string{"opt", "llc"} {
		flag, env := opts.Opt, "OXBPF_OPT"
		if name == "llc" {
			flag, env = opts.Llc, "OXBPF_LLC"
		}
		choices := []struct {
			path   string
			source Source
			origin string
		}{
			{flag, SourceFlag, "--" + name},
			{dirJoin(opts.LLVMBin, s.exe(name)), SourceFlag, "--llvm-bin"},
			{s.getenv(env), SourceEnv, "$" + env},
			{dirJoin(s.getenv("OXBPF_LLVM_BIN"), s.exe(name)), SourceEnv, "$OXBPF_LLVM_BIN"},
		}
		for _, c := range choices {
			if c.path != "" {
				tools = append(tools, Tool{Name: name, Path: s.resolve(c.path), Source: c.source, Origin: c.origin})
				break
			}
		}
	}
	return tools
}

// resolve makes a user-given path absolute, so that running it in another
// directory finds the same file; a bare name such as "opt-19" is looked up
// in PATH.
func (s system) resolve(path string) string {
	if !strings.ContainsAny(path, `/\`) {
		if found, err := s.lookPath(path); err == nil {
			return found
		}
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func dirJoin(dir, name string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, name)
}

// searchTools lists the opt and llc candidates that exist, in search order.
func (s system) searchTools(ctx context.Context, rustc *Rustc) []Tool {
	var tools []Tool
	addDir := func(dir string, source Source, origin string) {
		for _, name := range []string{"opt", "llc"} {
			path := filepath.Join(dir, s.exe(name))
			if isFile(path) {
				tools = append(tools, Tool{Name: name, Path: path, Source: source, Origin: origin})
			}
		}
	}
	if rustc != nil && rustc.Sysroot != "" && rustc.Host != "" {
		addDir(filepath.Join(rustc.Sysroot, "lib", "rustlib", rustc.Host, "bin"), SourceRustup, "rustup llvm-tools")
	}
	for n := newestSearchedMajor; n >= ir.OldestLLVM; n-- {
		suffix := "-" + strconv.Itoa(n)
		for _, name := range []string{"opt", "llc"} {
			if path, err := s.lookPath(s.exe(name + suffix)); err == nil {
				tools = append(tools, Tool{Name: name, Path: path, Source: SourceVersioned, Origin: "PATH"})
			}
		}
		if config, err := s.lookPath(s.exe("llvm-config" + suffix)); err == nil && !hasBoth(tools, suffix) {
			if dir, err := llvmConfigBindir(ctx, config); err == nil {
				addDir(dir, SourceLLVMConfig, "llvm-config"+suffix+" --bindir")
			}
		}
		if s.goos == "windows" {
			continue
		}
		addDir(filepath.Join(s.root, "/usr/lib/llvm"+suffix, "bin"), SourceLLVMDir, "/usr/lib/llvm"+suffix)
		if s.goos == "darwin" {
			for _, prefix := range homebrewPrefixes {
				addDir(filepath.Join(s.root, prefix, "opt/llvm@"+strconv.Itoa(n), "bin"), SourceHomebrew, prefix+"/opt/llvm@"+strconv.Itoa(n))
			}
		}
	}
	if s.goos == "darwin" {
		for _, prefix := range homebrewPrefixes {
			addDir(filepath.Join(s.root, prefix, "opt/llvm/bin"), SourceHomebrew, prefix+"/opt/llvm")
		}
	}
	for _, name := range []string{"opt", "llc"} {
		if path, err := s.lookPath(s.exe(name)); err == nil {
			tools = append(tools, Tool{Name: name, Path: path, Source: SourcePath, Origin: "PATH"})
		}
	}
	return tools
}

// hasBoth reports whether opt-N and llc-N were already found on PATH, in
// which case llvm-config-N would only name the same files again.
func hasBoth(tools []Tool, suffix string) bool {
	n := 0
	for _, t := range tools {
		if t.Source == SourceVersioned && strings.HasSuffix(toolName(t.Path), suffix) {
			n++
		}
	}
	return n == 2
}

// homebrewPrefixes are Homebrew's homes on Apple silicon and on Intel Macs.
var homebrewPrefixes = []string{"/opt/homebrew", "/usr/local"}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func llvmConfigBindir(ctx context.Context, config string) (string, error) {
	out, _, err := Run(ctx, Command{Path: config, Args: []string{"--bindir"}, Dir: filepath.Dir(config), Timeout: probeTimeout})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// probeTools drops later duplicates of the same file (opt-19 on PATH is
// usually a link into /usr/lib/llvm-19/bin) and asks each tool its version.
// The runs overlap: loading LLVM's shared library takes most of the 0.1-0.2 s
// each costs.
func probeTools(ctx context.Context, tools []Tool) []Tool {
	seen := map[string]bool{}
	var out []Tool
	for _, t := range tools {
		real, err := filepath.EvalSymlinks(t.Path)
		if err != nil {
			real = t.Path
		}
		key := t.Name + "\x00" + real
		if seen[key] && !t.Source.Explicit() {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	var wg sync.WaitGroup
	limit := make(chan struct{}, maxParallelProbes)
	for i := range out {
		wg.Go(func() {
			limit <- struct{}{}
			defer func() { <-limit }()
			out[i].Version, out[i].Err = llvmToolVersion(ctx, out[i].Path)
		})
	}
	wg.Wait()
	return out
}

const maxParallelProbes = 8

func llvmToolVersion(ctx context.Context, path string) (Version, error) {
	if _, err := os.Stat(path); err != nil {
		return Version{}, err
	}
	out, _, err := Run(ctx, Command{Path: path, Args: []string{"--version"}, Dir: filepath.Dir(path), Timeout: probeTimeout})
	if err != nil {
		return Version{}, err
	}
	return ParseLLVMVersion(string(out))
}

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

// rustc asks the rustc that cargo will use for its version and sysroot.
func (s system) rustc(ctx context.Context, opts DiscoverOptions) (*Rustc, error) {
	path, args, err := s.rustupOr(opts.Toolchain, "rustc", opts.Rustc)
	if err != nil {
		return nil, err
	}
	run := func(more ...string) (string, error) {
		out, _, err := Run(ctx, Command{Name: "rustc", Path: path, Args: append(slices.Clip(args), more...), Dir: opts.Dir, Timeout: probeTimeout})
		return string(out), err
	}
	out, err := run("-vV")
	if err != nil {
		return nil, err
	}
	r, err := ParseRustcVerbose(out)
	if err != nil {
		return nil, err
	}
	sysroot, err := run("--print", "sysroot")
	if err != nil {
		return nil, err
	}
	r.Sysroot = strings.TrimSpace(sysroot)
	r.Command = Command{Path: path, Args: args}.String()
	return &r, nil
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
