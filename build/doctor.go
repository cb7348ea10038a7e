package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// DoctorReport is what oxbpf finds on this machine. Its JSON keys are
// stable; lists are never null.
type DoctorReport struct {
	// Rustc lists every rustc found: on PATH and as rustup toolchains.
	Rustc []Candidate `json:"rustc"`
	Cargo []Candidate `json:"cargo"`
	// LLVMTools lists every opt and llc discovery considered, in its
	// search order.
	LLVMTools []LLVMCandidate `json:"llvm_tools"`
	// Chosen is the pair a build would use; nil when there is none.
	Chosen *Tools `json:"chosen"`
	// Reason says why Chosen was chosen, or what to install.
	Reason string     `json:"reason"`
	BPF    BPFSupport `json:"bpf"`
}

// Candidate is one rustc or cargo.
type Candidate struct {
	// Command is how it runs: a path, or "rustup run nightly rustc".
	Command string `json:"command"`
	// Source is where it was found: "PATH" or "rustup toolchain <name>".
	Source  string `json:"source"`
	Version string `json:"version,omitempty"`
	// LLVM is the LLVM a rustc was built with: the syntax of its IR.
	LLVM string `json:"llvm,omitempty"`
	// Used marks what a build runs (for the crate directory, or with
	// Options.Toolchain).
	Used  bool   `json:"used"`
	Error string `json:"error,omitempty"`
}

// LLVMCandidate is one opt or llc.
type LLVMCandidate struct {
	Name    string `json:"name"` // "opt" or "llc"
	Path    string `json:"path"`
	Source  string `json:"source"` // kind of place, e.g. "versioned name on PATH"
	Origin  string `json:"origin"` // the precise place, e.g. "PATH", "$OXBPF_OPT"
	Version string `json:"version,omitempty"`
	Chosen  bool   `json:"chosen"`
	Error   string `json:"error,omitempty"`
}

// BPFSupport says whether this process can load BPF programs.
type BPFSupport struct {
	OS          string `json:"os"`
	Kernel      string `json:"kernel"` // "unknown" off Linux
	Root        bool   `json:"root"`
	CapBPF      bool   `json:"cap_bpf"`
	CapSysAdmin bool   `json:"cap_sys_admin"`
	CanLoad     bool   `json:"can_load"`
	Reason      string `json:"reason"`
}

// probeTimeout bounds each version query of Doctor.
const probeTimeout = 30 * time.Second

// Doctor looks at the machine as Build would for opts (Dir, Toolchain and
// the explicit tools count). The error, matching ErrToolchain, says that no
// usable opt and llc pair exists; the report is complete either way.
func Doctor(ctx context.Context, opts Options) (*DoctorReport, error) {
	rep := &DoctorReport{Rustc: []Candidate{}, Cargo: []Candidate{}, LLVMTools: []LLVMCandidate{}}
	var wg sync.WaitGroup
	var d *toolchain.Discovery
	var derr error
	wg.Go(func() { d, derr = toolchain.Discover(ctx, opts.discoverOptions(opts.Dir, false)) })
	wg.Go(func() { rep.Rustc = rustTools(ctx, opts.Dir, "rustc", "-vV") })
	wg.Go(func() { rep.Cargo = rustTools(ctx, opts.Dir, "cargo", "-V") })
	wg.Go(func() { rep.BPF = bpfSupport() })
	wg.Wait()

	used := "cargo"
	if d != nil && d.Rustc != nil {
		used = d.Rustc.Command
	}
	markUsed(rep.Rustc, used, opts.Toolchain, "rustc")
	markUsed(rep.Cargo, "", opts.Toolchain, "cargo")
	for _, t := range d.Tools {
		c := LLVMCandidate{Name: t.Name, Path: t.Path, Source: t.Source.String(), Origin: t.Origin}
		if t.Err != nil {
			c.Error = t.Err.Error()
		} else {
			c.Version = t.Version.String()
		}
		if l := d.LLVM; l != nil {
			c.Chosen = t.Path == l.Opt.Path && t.Name == "opt" || t.Path == l.Llc.Path && t.Name == "llc"
		}
		rep.LLVMTools = append(rep.LLVMTools, c)
	}
	if derr != nil {
		rep.Reason = derr.Error()
		return rep, mark(ErrToolchain, derr)
	}
	rep.Chosen = newTools(d.LLVM)
	rep.Reason = chosenReason(d)
	return rep, nil
}

// rustTools finds every `name` on PATH and every rustup toolchain's, and
// asks each for its version with arg, in dir, where rustup looks for a
// rust-toolchain.toml.
func rustTools(ctx context.Context, dir, name, arg string) []Candidate {
	var cands []Candidate
	var argvs [][]string
	seen := map[string]bool{}
	for _, bin := range filepath.SplitList(os.Getenv("PATH")) {
		path, err := exec.LookPath(filepath.Join(bin, name))
		if err != nil || !filepath.IsAbs(path) {
			continue
		}
		real, err := filepath.EvalSymlinks(path)
		if err != nil || seen[real] {
			continue
		}
		seen[real] = true
		cands = append(cands, Candidate{Command: path, Source: "PATH"})
		argvs = append(argvs, []string{path, arg})
	}
	if rustup, err := exec.LookPath("rustup"); err == nil {
		for _, tc := range rustupToolchains(ctx, dir, rustup) {
			cands = append(cands, Candidate{Command: "rustup run " + tc + " " + name, Source: "rustup toolchain " + tc})
			argvs = append(argvs, []string{rustup, "run", tc, name, arg})
		}
	}
	var wg sync.WaitGroup
	for i := range cands {
		wg.Go(func() {
			out, _, err := toolchain.Run(ctx, toolchain.Command{Name: name, Path: argvs[i][0], Args: argvs[i][1:], Dir: dir, Timeout: probeTimeout})
			if err != nil {
				cands[i].Error = err.Error()
				return
			}
			if name != "rustc" {
				cands[i].Version = strings.TrimPrefix(strings.TrimSpace(string(out)), name+" ")
				return
			}
			r, err := toolchain.ParseRustcVerbose(string(out))
			if err != nil {
				cands[i].Error = err.Error()
				return
			}
			cands[i].Version = r.ReleaseString
			if !r.LLVM.IsZero() {
				cands[i].LLVM = r.LLVM.String()
			}
		})
	}
	wg.Wait()
	if cands == nil {
		return []Candidate{}
	}
	return cands
}

// rustupToolchains lists the installed toolchains by name.
func rustupToolchains(ctx context.Context, dir, rustup string) []string {
	out, _, err := toolchain.Run(ctx, toolchain.Command{Path: rustup, Args: []string{"toolchain", "list"}, Dir: dir, Timeout: probeTimeout})
	if err != nil {
		return nil
	}
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] != "no" { // "no installed toolchains"
			names = append(names, f[0])
		}
	}
	return names
}

// markUsed marks the candidate a build runs: with a toolchain, rustup's;
// else the one whose command is used, or the first on PATH.
func markUsed(cands []Candidate, used, tc, name string) {
	i := -1
	switch {
	case tc != "":
		i = slices.IndexFunc(cands, func(c Candidate) bool {
			return strings.HasPrefix(c.Source, "rustup toolchain "+tc) && strings.HasSuffix(c.Command, " "+name)
		})
	case used != "":
		i = slices.IndexFunc(cands, func(c Candidate) bool { return c.Command == used })
	}
	if i < 0 {
		i = slices.IndexFunc(cands, func(c Candidate) bool { return c.Source == "PATH" })
	}
	if i >= 0 {
		cands[i].Used = true
	}
}

// chosenReason explains discovery's choice (see toolchain.Discover).
func chosenReason(d *toolchain.Discovery) string {
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

// kernelCapBPF is the first kernel with CAP_BPF; before it loading needs
// CAP_SYS_ADMIN.
var kernelCapBPF = verify.Kernel{Major: 5, Minor: 8}

func bpfSupport() BPFSupport {
	s := BPFSupport{OS: runtime.GOOS, Kernel: "unknown", Root: os.Geteuid() == 0}
	if runtime.GOOS != "linux" {
		s.Reason = "loading BPF needs Linux; objects still build and verify statically here"
		return s
	}
	k := verify.RunningKernel()
	s.Kernel = k.String()
	caps, err := effectiveCaps()
	if err != nil {
		s.Reason = "cannot read this process's capabilities: " + err.Error()
		return s
	}
	const capSysAdmin, capBPF = 21, 39
	s.CapSysAdmin = caps&(1<<capSysAdmin) != 0
	s.CapBPF = caps&(1<<capBPF) != 0 && !k.Before(kernelCapBPF)
	s.CanLoad = s.CapBPF || s.CapSysAdmin
	switch {
	case s.CanLoad:
		s.Reason = fmt.Sprintf("this process may load BPF programs into Linux %v (--load)", k)
	case k.Before(kernelCapBPF):
		s.Reason = fmt.Sprintf("Linux %v has no CAP_BPF: run as root (CAP_SYS_ADMIN) to use --load", k)
	default:
		s.Reason = "no CAP_BPF: run as root, or grant CAP_BPF (setcap cap_bpf,cap_perfmon+ep), to use --load"
	}
	return s
}

// effectiveCaps reads the capability mask of this process from procfs.
func effectiveCaps() (uint64, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "CapEff:"); ok {
			return strconv.ParseUint(strings.TrimSpace(v), 16, 64)
		}
	}
	return 0, errors.New("no CapEff line in /proc/self/status")
}
