package toolchain

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// CargoArgs describe building the IR of a crate's bin targets.
type CargoArgs struct {
	// Cargo is the cargo to run; empty means "cargo" on PATH. Toolchain, if
	// set (e.g. "nightly"), runs `rustup run <Toolchain> cargo` instead.
	Cargo, Toolchain string
	// ManifestPath is the crate's Cargo.toml; if empty, Dir/Cargo.toml.
	// Cargo runs in the manifest's directory, so that rust-toolchain.toml
	// and .cargo/config.toml there apply.
	ManifestPath, Dir string
	// Bins are the bin targets to build; empty means every bin whose
	// required-features are all in Features.
	Bins     []string
	Features []string
	// TargetDir overrides cargo's target directory, as $CARGO_TARGET_DIR
	// does; empty leaves it to cargo ($CARGO_TARGET_DIR, config, target/).
	TargetDir string
	// Target is the rustc target triple. Empty means the host on Linux and
	// <arch>-unknown-linux-gnu elsewhere: IR for other hosts carries their
	// object-format conventions (Mach-O section names, COFF).
	Target string
	// KernelVersion, e.g. "5.7", is passed as --cfg kernel_version="5.7",
	// as cargo-bpf did.
	KernelVersion string
	// Debug adds -g.
	Debug bool
	// ExtraRustcFlags go after oxbpf's own rustc flags.
	ExtraRustcFlags []string
	Timeout         time.Duration // per cargo run; zero: only ctx bounds it
	Trace           io.Writer     // see Command.Trace

	// IRDir, if set, is where rustc writes each bin's IR, as <IRDir>/<bin>.ll
	// (--emit=llvm-ir=<path>): exactly the file of this run, never a stale one
	// from deps/. Keep it the same from run to run: cargo hashes the path
	// into the bin's fingerprint and keeps one per distinct path.
	IRDir string
	// IRDest, with IRDir, is the caller's own directory the IR is copied
	// to while a lock on <IRDir>/<bin>.lock is held, so that two oxbpf
	// processes building the same bin never read each other's half-written
	// or removed IR. <IRDir>/<bin>.ll stays for people to look at.
	IRDest string
	// Crate is what Metadata said about this crate; nil makes Cargo run
	// cargo metadata itself. Callers that build bins in parallel pass it so
	// that each run does not ask again.
	Crate *Crate
}

// BinIR is the IR cargo emitted for one bin target.
type BinIR struct {
	Bin string
	IR  string // absolute path of the .ll
	// Copy, when set, is this run's private copy of IR (see
	// CargoArgs.IRDest): read Copy, and name IR to people, since IR is
	// the file that stays after the run.
	Copy string
}

// Crate is what `cargo metadata` says about a package.
type Crate struct {
	Name         string
	ManifestPath string
	// DepsDir is where rustc writes the .ll files of a release build:
	// <build dir>/[<target>/]release/deps.
	DepsDir string
	Bins    []BinTarget
}

// BinTarget is one [[bin]] of a crate.
type BinTarget struct {
	Name             string
	RequiredFeatures []string
}

// rustcFlags make rustc emit the LTO'd module as text: with `link` in
// --emit (cargo adds it) and LTO, the .ll is the module after LTO, and
// linker=true turns the link itself into a no-op.
var rustcFlags = []string{
	"--emit=llvm-ir",
	"-C", "lto",
	"-C", "panic=abort",
	"-C", "opt-level=3",
	"-C", "codegen-units=1",
	"-C", "linker=true",
	"-C", "embed-bitcode=yes",
}

var kernelVersionRE = regexp.MustCompile(`^\d+\.\d+$`)

// Cargo runs `cargo rustc --release --bin B -- <rustcFlags>` once per bin
// (cargo passes extra rustc flags to one target only) and returns the .ll
// each run wrote.
func Cargo(ctx context.Context, a CargoArgs) ([]BinIR, error) {
	return hostSystem().cargo(ctx, a)
}

// Metadata lists the bin targets of the crate a describes, with
// `cargo metadata --no-deps`.
func Metadata(ctx context.Context, a CargoArgs) (*Crate, error) {
	return hostSystem().metadata(ctx, a)
}

func (s system) cargo(ctx context.Context, a CargoArgs) ([]BinIR, error) {
	if a.KernelVersion != "" && !kernelVersionRE.MatchString(a.KernelVersion) {
		return nil, fmt.Errorf("cargo: kernel version %q: want MAJOR.MINOR", a.KernelVersion)
	}
	crate := a.Crate
	if crate == nil {
		var err error
		if crate, err = s.metadata(ctx, a); err != nil {
			return nil, err
		}
	}
	bins, err := selectBins(crate, a.Bins, a.Features)
	if err != nil {
		return nil, err
	}
	if a.IRDir != "" {
		if err := os.MkdirAll(a.IRDir, 0o755); err != nil {
			return nil, fmt.Errorf("cargo: %w", err)
		}
	}
	var out []BinIR
	for _, bin := range bins {
		cmd, err := s.cargoRustcCommand(a, crate, bin)
		if err != nil {
			return nil, err
		}
		if a.IRDir != "" {
			copy, err := cargoIRDir(ctx, a, bin, cmd)
			if err != nil {
				return nil, fmt.Errorf("bin %s: %w", bin, err)
			}
			out = append(out, BinIR{Bin: bin, IR: irPath(a.IRDir, bin), Copy: copy})
			continue
		}
		before := snapshotIR(crate.DepsDir, bin)
		if err := runCargo(ctx, a, cmd); err != nil {
			return nil, fmt.Errorf("bin %s: %w", bin, err)
		}
		ir, err := newestNewIR(crate.DepsDir, bin, before)
		if err != nil {
			return nil, fmt.Errorf("bin %s: %w", bin, err)
		}
		out = append(out, BinIR{Bin: bin, IR: ir})
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

// cargoIRDir runs cargo for bin with its IR written to the fixed
// <IRDir>/<bin>.ll, under a lock that keeps another oxbpf from removing or
// rewriting that file until this run has its own copy in IRDest. It
// returns the copy's path, or "" without IRDest.
func cargoIRDir(ctx context.Context, a CargoArgs, bin string, cmd Command) (string, error) {
	path := irPath(a.IRDir, bin)
	unlock, err := lockFile(strings.TrimSuffix(path, ".ll") + ".lock")
	if err != nil {
		return "", fmt.Errorf("lock: %w", err)
	}
	defer unlock()
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if err := runCargo(ctx, a, cmd); err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("rustc wrote no IR: %w", err)
	}
	if a.IRDest == "" {
		return "", nil
	}
	dest := filepath.Join(a.IRDest, bin+".ll")
	if err := copyFile(path, dest); err != nil {
		return "", err
	}
	return dest, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// cargoRustcCommand builds the cargo rustc run for one bin.
func (s system) cargoRustcCommand(a CargoArgs, crate *Crate, bin string) (Command, error) {
	path, argv, err := s.rustupOr(a.Toolchain, "cargo", a.Cargo)
	if err != nil {
		return Command{}, fmt.Errorf("cargo: %w", err)
	}
	// Without it rustc fails only after compiling, naming a linker the
	// user never chose; Windows has no true of its own.
	if _, err := s.lookPath("true"); err != nil {
		return Command{}, errors.New(`cargo: no "true" command on PATH: rustc links even when it only emits IR, and oxbpf makes that link a no-op with -C linker=true; on Windows, add Git for Windows' usr\bin (it has true.exe) to PATH`)
	}
	argv = append(slices.Clip(argv), "rustc", "--release", "--bin", bin, "--manifest-path", crate.ManifestPath)
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
	argv = append(argv, "--")
	for _, f := range rustcFlags {
		if f == "--emit=llvm-ir" && a.IRDir != "" {
			f += "=" + irPath(a.IRDir, bin)
		}
		argv = append(argv, f)
	}
	if a.Debug {
		argv = append(argv, "-g")
	}
	if a.KernelVersion != "" {
		argv = append(argv, "--cfg", `kernel_version="`+a.KernelVersion+`"`)
	}
	argv = append(argv, a.ExtraRustcFlags...)
	return Command{
		Name:    "cargo",
		Path:    path,
		Args:    argv,
		Dir:     filepath.Dir(crate.ManifestPath),
		Env:     append(targetDirEnv(a.TargetDir), ltoEnv),
		Timeout: a.Timeout,
		Trace:   a.Trace,
	}, nil
}

// ltoEnv gives every crate of the build LTO-ready objects: without
// `lto = true` in the crate's release profile cargo builds dependencies
// with -C embed-bitcode=no, and -C lto on the bin then fails ("failed to
// get bitcode from object file for LTO").
const ltoEnv = "CARGO_PROFILE_RELEASE_LTO=true"

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

func targetDirEnv(dir string) []string {
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

// irFileName matches the .ll rustc writes for a bin: its crate name (dashes
// become underscores), a dash and cargo's metadata hash.
func irFileName(bin string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(strings.ReplaceAll(bin, "-", "_")) + `-[0-9a-f]+\.ll$`)
}

// snapshotIR records the modification times of the bin's .ll files before
// a run, so that a stale one from an earlier build is never taken for new.
func snapshotIR(depsDir, bin string) map[string]time.Time {
	seen := map[string]time.Time{}
	forEachIR(depsDir, bin, func(path string, mtime time.Time) { seen[path] = mtime })
	return seen
}

// newestNewIR returns the newest of the bin's .ll files that are new or
// changed since before.
func newestNewIR(depsDir, bin string, before map[string]time.Time) (string, error) {
	var newest string
	var newestTime time.Time
	forEachIR(depsDir, bin, func(path string, mtime time.Time) {
		if old, ok := before[path]; ok && old.Equal(mtime) {
			return
		}
		if newest == "" || mtime.After(newestTime) {
			newest, newestTime = path, mtime
		}
	})
	if newest == "" {
		return "", fmt.Errorf("rustc wrote no new %s-*.ll in %s", strings.ReplaceAll(bin, "-", "_"), depsDir)
	}
	return newest, nil
}

func forEachIR(depsDir, bin string, f func(path string, mtime time.Time)) {
	entries, err := os.ReadDir(depsDir)
	if err != nil {
		return // not built yet
	}
	re := irFileName(bin)
	for _, e := range entries {
		if !re.MatchString(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil {
			f(filepath.Join(depsDir, e.Name()), info.ModTime())
		}
	}
}

// BinsToBuild returns the bins Cargo builds for these Bins and Features:
// the ones asked for, each checked to exist, or else every bin whose
// required-features are all given.
func (c *Crate) BinsToBuild(asked, features []string) ([]string, error) {
	return selectBins(c, asked, features)
}

func selectBins(crate *Crate, asked, features []string) ([]string, error) {
	var names []string
	for _, b := range crate.Bins {
		names = append(names, b.Name)
	}
	if len(asked) > 0 {
		for _, bin := range asked {
			if !slices.Contains(names, bin) {
				return nil, fmt.Errorf("cargo: crate %s has no bin %q (bins: %s)", crate.Name, bin, strings.Join(names, ", "))
			}
		}
		return asked, nil
	}
	var bins []string
	for _, b := range crate.Bins {
		if allIn(b.RequiredFeatures, features) {
			bins = append(bins, b.Name)
		}
	}
	if len(bins) == 0 {
		return nil, fmt.Errorf("cargo: crate %s has no bin target to build (bins: %s)", crate.Name, strings.Join(names, ", "))
	}
	return bins, nil
}

// safeFileName reports whether name can stand as one path element on any
// system: not empty, no separator, no leading dot, no control character
// and none of the characters Windows refuses.
func safeFileName(name string) bool {
	if name == "" || name[0] == '.' {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return false
		}
	}
	return true
}

func allIn(want, have []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// cargoMetadata is the part of `cargo metadata --format-version 1` we read.
type cargoMetadata struct {
	Packages []struct {
		Name         string `json:"name"`
		ManifestPath string `json:"manifest_path"`
		Targets      []struct {
			Name             string   `json:"name"`
			Kind             []string `json:"kind"`
			RequiredFeatures []string `json:"required-features"`
		} `json:"targets"`
	} `json:"packages"`
	TargetDirectory string `json:"target_directory"`
	// BuildDirectory holds deps/ since cargo 1.91 (build-dir); older cargo
	// leaves it out and uses the target directory.
	BuildDirectory string `json:"build_directory"`
}

func (s system) metadata(ctx context.Context, a CargoArgs) (*Crate, error) {
	manifest := a.ManifestPath
	if manifest == "" {
		manifest = filepath.Join(a.Dir, "Cargo.toml")
	}
	manifest, err := filepath.Abs(manifest)
	if err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	if _, err := os.Stat(manifest); err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	path, argv, err := s.rustupOr(a.Toolchain, "cargo", a.Cargo)
	if err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	argv = append(slices.Clip(argv), "metadata", "--no-deps", "--format-version", "1", "--manifest-path", manifest)
	stdout, _, err := Run(ctx, Command{
		Name:    "cargo metadata",
		Path:    path,
		Args:    argv,
		Dir:     filepath.Dir(manifest),
		Env:     targetDirEnv(a.TargetDir),
		Timeout: a.Timeout,
		Trace:   a.Trace,
	})
	if err != nil {
		return nil, err
	}
	var md cargoMetadata
	if err := json.Unmarshal(stdout, &md); err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	buildDir := cmp.Or(md.BuildDirectory, md.TargetDirectory)
	if buildDir == "" {
		return nil, errors.New("cargo metadata: no target_directory")
	}
	target, err := s.linuxTarget(a.Target)
	if err != nil {
		return nil, err
	}
	for _, p := range md.Packages {
		if !sameFile(p.ManifestPath, manifest) {
			continue
		}
		crate := &Crate{
			Name:         p.Name,
			ManifestPath: manifest,
			DepsDir:      filepath.Join(buildDir, target, "release", "deps"),
		}
		for _, t := range p.Targets {
			if !slices.Contains(t.Kind, "bin") {
				continue
			}
			// Bin names become file names (<bin>.ll, <bin>.o): never let
			// one name a path elsewhere, whatever cargo let through.
			if !safeFileName(t.Name) {
				return nil, fmt.Errorf("cargo: crate %s: bin name %q cannot be used as a file name", p.Name, t.Name)
			}
			crate.Bins = append(crate.Bins, BinTarget{Name: t.Name, RequiredFeatures: t.RequiredFeatures})
		}
		return crate, nil
	}
	return nil, fmt.Errorf("cargo metadata: %s is not a package (a virtual workspace?); give the manifest of one member", manifest)
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
