package toolchain

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/oxbpf/oxbpf/internal/output"
)

// Project says which crate cargo works on and how cargo runs: what both
// Metadata and Cargo need.
type Project struct {
	// Cargo is the cargo to run; empty means "cargo" on PATH. Toolchain, if
	// set (e.g. "nightly"), runs `rustup run <Toolchain> cargo` instead.
	Cargo, Toolchain string
	// ManifestPath is the crate's Cargo.toml; if empty, Dir/Cargo.toml.
	// Cargo runs in the manifest's directory, so that rust-toolchain.toml
	// and .cargo/config.toml there apply.
	ManifestPath, Dir string
	// TargetDir overrides cargo's target directory, as $CARGO_TARGET_DIR
	// does; empty leaves it to cargo ($CARGO_TARGET_DIR, config, target/).
	TargetDir string
	// Target is the rustc target triple. Empty means the host on Linux and
	// <arch>-unknown-linux-gnu elsewhere: IR for other hosts carries their
	// object-format conventions (Mach-O section names, COFF).
	Target  string
	Timeout time.Duration // per cargo run; zero: only ctx bounds it
	Trace   io.Writer     // see Command.Trace
	// Waiting, if not nil, is told when the run waits for a lock another
	// process holds ("file lock on build directory, which another cargo
	// holds"), which can take as long as that other build.
	Waiting func(what string)
}

// CargoArgs describe building the IR of a crate's bin targets.
type CargoArgs struct {
	Project
	// Crate is what Metadata said about the project; nil makes Cargo run
	// cargo metadata itself. Callers that build bins in parallel pass it so
	// that each run does not ask again.
	Crate *Crate
	// Bins are the bin targets to build; empty means every bin whose
	// required-features are all in Features.
	Bins     []string
	Features []string
	// KernelVersion, e.g. "5.7", reaches every crate of the build as
	// --cfg kernel_version="5.7", as in cargo-bpf.
	KernelVersion string
	// KernelAtLeast are the kernel releases the target kernel is at
	// least, each of which reaches every crate as --cfg
	// kernel_at_least="X.Y", so that code can ask for a feature's release.
	KernelAtLeast []string
	// CheckCfg declares kernel_version and kernel_at_least to rustc's
	// check-cfg (stable from Rust 1.80; older rustc refuse the flag), so
	// that code testing them draws no unexpected_cfgs warning.
	CheckCfg bool
	// Debug gives every crate of the build full debug info (the source of
	// the object's BTF), with the paths in it remapped (see debugInfo).
	Debug bool
	// ExtraRustcFlags go after oxbpf's own rustc flags.
	ExtraRustcFlags []string
	// Linker is the program rustc runs as the bin's linker: oxbpf's own
	// executable, which then writes a stub for the bin (LinkerMain), so
	// that cargo finds the bin built and a run with nothing changed does
	// not run rustc again; its IR from before is then current. Empty
	// means the `true` command: no stub, and rustc runs every time.
	Linker string
	// IRDest, if set, is the caller's own directory each bin's IR is
	// copied to while a lock on the bin's IR file is held, so that two
	// oxbpf processes building the same bin never read each other's
	// half-written or removed IR.
	IRDest string
}

// BinIR is the IR cargo emitted for one bin target.
type BinIR struct {
	Bin string
	// IR is the .ll rustc wrote, <Crate.IRDir>/<bin>.ll: it stays after
	// the run for people to look at.
	IR string
	// Copy, when set, is this run's private copy of IR (see
	// CargoArgs.IRDest): read Copy, and name IR to people.
	Copy string
}

// rustcFlags make rustc emit the LTO'd module as text: with `link` in
// --emit (cargo adds it) and LTO, the .ll is the module after LTO, and
// the linker (cargoRustcCommand adds -C linker=) links nothing.
// --emit=llvm-ir names the bin's own file (cargoRustcCommand adds it).
//
// rustc optimizes for the host, whose LLVM unrolls loops partially (x86
// by eight): the BPF code then depended on the machine that built it and
// was twice the size of C's for a loop. Without partial and runtime
// unrolling in rustc, oxbpf's opt decides with BPF's rules, as clang
// does for C (fixtures/ctwins: unroll 42 → 21 instructions, C 22-23).
var rustcFlags = []string{
	"-C", "lto",
	"-C", "panic=abort",
	"-C", "opt-level=3",
	"-C", "codegen-units=1",
	"-C", "embed-bitcode=yes",
	"-C", "llvm-args=-unroll-allow-partial=false",
	"-C", "llvm-args=-unroll-runtime=false",
}

var kernelVersionRE = regexp.MustCompile(`^\d+\.\d+$`)

// Cargo runs `cargo rustc --release --bin B -- <rustcFlags>` once per bin
// (cargo passes extra rustc flags to one target only) and returns the .ll
// each run wrote.
func Cargo(ctx context.Context, a CargoArgs) ([]BinIR, error) {
	return hostSystem().cargo(ctx, a)
}

func (s system) cargo(ctx context.Context, a CargoArgs) ([]BinIR, error) {
	for _, v := range append([]string{a.KernelVersion}, a.KernelAtLeast...) {
		if v != "" && !kernelVersionRE.MatchString(v) {
			return nil, fmt.Errorf("cargo: kernel version %q: want MAJOR.MINOR", v)
		}
	}
	crate := a.Crate
	if crate == nil {
		var err error
		if crate, err = s.metadata(ctx, a.Project); err != nil {
			return nil, err
		}
	}
	bins, err := selectBins(crate, a.Bins, a.Features)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(crate.IRDir, 0o755); err != nil {
		return nil, fmt.Errorf("cargo: %w", err)
	}
	var out []BinIR
	for _, bin := range bins {
		cmd, err := s.cargoRustcCommand(a, crate, bin)
		if err != nil {
			return nil, err
		}
		copy, err := cargoIR(ctx, a, crate, bin, cmd)
		if err != nil {
			return nil, fmt.Errorf("bin %s: %w", bin, err)
		}
		out = append(out, BinIR{Bin: bin, IR: irPath(crate.IRDir, bin), Copy: copy})
	}
	return out, nil
}

// runCargo runs one bin's cargo rustc, naming the rustup target to add
// when the run failed for want of one.
func runCargo(ctx context.Context, a CargoArgs, cmd Command) error {
	_, stderr, err := Run(ctx, cmd)
	if err == nil {
		return nil
	}
	if target := missingTarget(stderr, cmd.Args); target != "" {
		return fmt.Errorf("rust std for %s is missing, run `rustup target add %s%s`: %w",
			target, toolchainFlag(a.Toolchain), target, err)
	}
	return err
}

// cargoIR runs cargo for bin with its IR written to the fixed
// <IRDir>/<bin>.ll, under a lock that keeps another oxbpf from removing or
// rewriting that file until this run has its own copy in IRDest. It
// returns the copy's path, or "" without IRDest.
func cargoIR(ctx context.Context, a CargoArgs, crate *Crate, bin string, cmd Command) (string, error) {
	path := irPath(crate.IRDir, bin)
	var waiting func()
	if a.Waiting != nil {
		waiting = func() { a.Waiting("the lock on " + bin + "'s IR, which another oxbpf building it holds") }
	}
	unlock, err := lockFile(strings.TrimSuffix(path, ".ll")+".lock", waiting)
	if err != nil {
		return "", fmt.Errorf("lock: %w", err)
	}
	defer unlock()
	if a.Linker == "" {
		// rustc runs every time: IR left from before would only hide
		// a run that wrote none.
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	if err := runCargo(ctx, a, cmd); err != nil {
		return "", err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && a.Linker != "" {
		// cargo found the bin built, but its IR is gone: remove the
		// stub, which makes cargo run rustc again.
		if linked, rerr := os.ReadFile(linkedPath(crate.IRDir, bin)); rerr == nil {
			if err := os.Remove(string(linked)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
			if err := runCargo(ctx, a, cmd); err != nil {
				return "", err
			}
		}
	}
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("rustc wrote no IR: %w", err)
	}
	if a.IRDest == "" {
		return "", nil
	}
	dest := filepath.Join(a.IRDest, bin+".ll")
	if err := output.WriteFile(dest, output.CopyOf(path)); err != nil {
		return "", err
	}
	return dest, nil
}

// cargoRustcCommand builds the cargo rustc run for one bin.
func (s system) cargoRustcCommand(a CargoArgs, crate *Crate, bin string) (Command, error) {
	path, argv, err := s.rustupOr(a.Toolchain, "cargo", a.Cargo)
	if err != nil {
		return Command{}, fmt.Errorf("cargo: %w", err)
	}
	linker := a.Linker
	env := append(s.targetDirEnv(a.TargetDir), ltoEnv)
	if linker == "" {
		// Without it rustc fails only after compiling, naming a linker
		// the user never chose; Windows has no true of its own.
		if _, err := s.lookPath("true"); err != nil {
			return Command{}, errors.New(`cargo: no "true" command on PATH: rustc links even when it only emits IR, and oxbpf makes that link a no-op with -C linker=true; on Windows, add Git for Windows' usr\bin (it has true.exe) to PATH`)
		}
		linker = "true"
	} else {
		env = append(env, linkerEnv+"="+linkedPath(crate.IRDir, bin))
	}
	if a.Debug {
		env = append(env, debugEnv)
	}
	argv = append(slices.Clip(argv), "rustc", "--release", "--bin="+bin, "--manifest-path", crate.ManifestPath)
	if flags := s.everyCrateFlags(a, crate); len(flags) > 0 {
		fenv, fargs := s.rustflags(flags)
		env, argv = append(env, fenv...), append(argv, fargs...)
	}
	if len(a.Features) > 0 {
		argv = append(argv, "--features", strings.Join(a.Features, ","))
	}
	target, err := s.linuxTarget(a.Target)
	if err != nil {
		return Command{}, err
	}
	if target != "" {
		argv = append(argv, "--target", target)
	}
	argv = append(argv, "--", "--emit=llvm-ir="+irPath(crate.IRDir, bin))
	argv = append(argv, rustcFlags...)
	argv = append(argv, "-C", "linker="+linker)
	argv = append(argv, a.ExtraRustcFlags...)
	return Command{
		Name:    "cargo",
		Path:    path,
		Args:    argv,
		Dir:     filepath.Dir(crate.ManifestPath),
		Env:     env,
		Timeout: a.Timeout,
		Trace:   a.Trace,
		OnLine:  a.lockNotice(),
	}, nil
}

// debugEnv gives every crate of the build full debug info, as ltoEnv
// gives them LTO: dependencies describe their types too.
const debugEnv = "CARGO_PROFILE_RELEASE_DEBUG=2"

// everyCrateFlags are the rustc flags every crate of the build gets
// (the flags after cargo rustc's -- reach the bin's crate alone): the
// kernel cfgs, and with debug info the path remaps that keep the
// checkout out of the objects, so that two checkouts of a crate build
// byte-identical objects and no object names a home directory. The last
// remap that matches wins in rustc, so the most specific come last.
func (s system) everyCrateFlags(a CargoArgs, crate *Crate) []string {
	var flags []string
	if a.KernelVersion != "" {
		flags = append(flags, `--cfg=kernel_version="`+a.KernelVersion+`"`)
	}
	for _, v := range a.KernelAtLeast {
		flags = append(flags, `--cfg=kernel_at_least="`+v+`"`)
	}
	if a.CheckCfg {
		flags = append(flags, "--check-cfg=cfg(kernel_version,values(any()))", "--check-cfg=cfg(kernel_at_least,values(any()))")
	}
	if !a.Debug {
		return flags
	}
	remap := func(from, to string) {
		if from != "" {
			flags = append(flags, "--remap-path-prefix="+from+"="+to)
		}
	}
	if home := s.getenv("HOME"); home != "" && home != "/" {
		remap(home, "~")
	}
	cargoHome := s.getenv("CARGO_HOME")
	if cargoHome == "" && s.getenv("HOME") != "" {
		cargoHome = filepath.Join(s.getenv("HOME"), ".cargo")
	}
	remap(cargoHome, "/cargo")
	dirs := slices.Collect(maps.Keys(crate.PathPackages))
	slices.SortFunc(dirs, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b)) })
	crateDir := filepath.Dir(crate.ManifestPath)
	for _, dir := range dirs {
		if dir != crateDir {
			remap(dir, crate.PathPackages[dir])
		}
	}
	remap(crateDir, "") // the crate's own files read src/main.rs
	remap(crate.TargetDir, "/target")
	return flags
}

// rustflags returns the environment and cargo arguments that give every
// crate the rustc flags: in $CARGO_ENCODED_RUSTFLAGS when the user's
// flags come from the environment, else as cargo config, which cargo
// joins with the config files' build.rustflags.
func (s system) rustflags(flags []string) (env, args []string) {
	switch encoded, user := s.getenv("CARGO_ENCODED_RUSTFLAGS"), s.getenv("RUSTFLAGS"); {
	case encoded != "":
		env = append(env, "CARGO_ENCODED_RUSTFLAGS="+encoded+"\x1f"+strings.Join(flags, "\x1f"))
	case user != "":
		env = append(env, "CARGO_ENCODED_RUSTFLAGS="+strings.Join(append(strings.Fields(user), flags...), "\x1f"))
	default:
		quoted := make([]string, len(flags))
		for i, f := range flags {
			quoted[i] = tomlString(f)
		}
		args = []string{"--config", "build.rustflags=[" + strings.Join(quoted, ", ") + "]"}
	}
	return env, args
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// lockNotice turns cargo's "Blocking waiting for file lock on X" into a
// call of Waiting with X.
func (a Project) lockNotice() func(string) {
	if a.Waiting == nil {
		return nil
	}
	return func(line string) {
		if what, ok := strings.CutPrefix(strings.TrimSpace(line), "Blocking waiting for "); ok {
			a.Waiting(what + ", which another cargo holds")
		}
	}
}

// ltoEnv gives every crate of the build LTO-ready objects: without
// `lto = true` in the crate's release profile cargo builds dependencies
// with -C embed-bitcode=no, and -C lto on the bin then fails ("failed to
// get bitcode from object file for LTO").
const ltoEnv = "CARGO_PROFILE_RELEASE_LTO=true"

// linkedPath is where oxbpf as the linker records the stub it wrote for
// bin (see LinkerMain).
func linkedPath(dir, bin string) string {
	return filepath.Join(dir, bin+".linked")
}

// irPath is the .ll rustc writes for bin under dir, absolute because cargo
// runs rustc in another directory.
func irPath(dir, bin string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, bin+".ll")
}

// linuxTarget returns the --target to build for: the one asked for, none on
// a Linux host, else Linux on the host's architecture.
func (s system) linuxTarget(target string) (string, error) {
	if target != "" || s.goos == "linux" {
		return target, nil
	}
	switch s.goarch {
	case "amd64":
		return "x86_64-unknown-linux-gnu", nil
	case "arm64":
		return "aarch64-unknown-linux-gnu", nil
	}
	return "", fmt.Errorf("cargo: no Linux target known for %s/%s; set the target triple", s.goos, s.goarch)
}

// targetDirEnv sets cargo's target directory: dir, else $CARGO_TARGET_DIR.
// Either is made absolute here, against oxbpf's working directory, as
// cargo would resolve it against its own: cargo runs in the crate's
// directory, where a relative one would name another place.
func (s system) targetDirEnv(dir string) []string {
	if dir == "" {
		dir = s.getenv("CARGO_TARGET_DIR")
	}
	if dir == "" {
		return nil
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return []string{"CARGO_TARGET_DIR=" + dir}
}

func toolchainFlag(toolchain string) string {
	if toolchain == "" {
		return ""
	}
	return "--toolchain " + toolchain + " "
}

// missingTarget returns the --target of argv when stderr says its standard
// library is not installed, else "".
func missingTarget(stderr []byte, argv []string) string {
	i := slices.Index(argv, "--target")
	if i < 0 || i+1 >= len(argv) {
		return ""
	}
	if bytes.Contains(stderr, []byte("can't find crate for `core`")) ||
		bytes.Contains(stderr, []byte("can't find crate for `std`")) ||
		bytes.Contains(stderr, []byte("target may not be installed")) {
		return argv[i+1]
	}
	return ""
}
