package toolchain

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

func TestCargoRustcCommand(t *testing.T) {
	crate := &Crate{Name: "probes", ManifestPath: filepath.FromSlash("/src/probes/Cargo.toml"), IRDir: filepath.FromSlash("/ir")}
	lookPath := func(name string) (string, error) { return "/bin/" + name, nil }
	tests := []struct {
		name       string
		goos       string
		args       CargoArgs
		wantPath   string
		wantArgs   string
		wantEnvDir string
	}{
		{"linux host, everything on", "linux",
			CargoArgs{Project: Project{TargetDir: "/t"}, Features: []string{"probes", "extra"}, KernelVersion: "5.7", Debug: true, ExtraRustcFlags: []string{"-Z", "x"}},
			"/bin/cargo",
			"rustc --release --bin=kprobe --manifest-path /src/probes/Cargo.toml --config build.rustflags=[\"--cfg=kernel_version=\\\"5.7\\\"\", \"--remap-path-prefix=/src/probes=\"] --features probes,extra -- --emit=llvm-ir=/ir/kprobe.ll " + strings.Join(rustcFlags, " ") + " -C linker=true -Z x",
			"/t"},
		{"macOS emits IR for Linux, nightly via rustup", "darwin",
			CargoArgs{Project: Project{Toolchain: "nightly"}},
			"/bin/rustup",
			"run nightly cargo rustc --release --bin=kprobe --manifest-path /src/probes/Cargo.toml --target x86_64-unknown-linux-gnu -- --emit=llvm-ir=/ir/kprobe.ll " + strings.Join(rustcFlags, " ") + " -C linker=true",
			""},
		{"explicit cargo and target", "linux",
			CargoArgs{Project: Project{Cargo: "/usr/bin/cargo", Target: "aarch64-unknown-linux-gnu"}},
			"/usr/bin/cargo",
			"rustc --release --bin=kprobe --manifest-path /src/probes/Cargo.toml --target aarch64-unknown-linux-gnu -- --emit=llvm-ir=/ir/kprobe.ll " + strings.Join(rustcFlags, " ") + " -C linker=true",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := system{getenv: noEnv, lookPath: lookPath, goos: tt.goos, goarch: "amd64"}
			cmd, err := s.cargoRustcCommand(tt.args, crate, "kprobe")
			if err != nil {
				t.Fatal(err)
			}
			if got := filepath.ToSlash(strings.Join(cmd.Args, " ")); cmd.Path != tt.wantPath || got != tt.wantArgs {
				t.Errorf("command\n got %s %s\nwant %s %s", cmd.Path, got, tt.wantPath, tt.wantArgs)
			}
			if cmd.Dir != filepath.FromSlash("/src/probes") || cmd.Name != "cargo" {
				t.Errorf("Dir %q, Name %q", cmd.Dir, cmd.Name)
			}
			if tt.wantEnvDir != "" && !slices.Contains(cmd.Env, "CARGO_TARGET_DIR="+filepath.FromSlash(tt.wantEnvDir)) {
				t.Errorf("Env %q lacks CARGO_TARGET_DIR", cmd.Env)
			}
		})
	}
	if _, err := (system{getenv: noEnv, lookPath: lookPath, goos: "windows", goarch: "386"}).cargoRustcCommand(CargoArgs{}, crate, "kprobe"); err == nil {
		t.Error("no error for a host without a known Linux target")
	}
	noTrue := func(name string) (string, error) {
		if name == "true" {
			return "", exec.ErrNotFound
		}
		return lookPath(name)
	}
	if _, err := (system{getenv: noEnv, lookPath: noTrue, goos: "windows", goarch: "amd64"}).cargoRustcCommand(CargoArgs{}, crate, "kprobe"); err == nil || !strings.Contains(err.Error(), `no "true" command on PATH`) {
		t.Errorf("without true on PATH: %v", err)
	}
}

// TestEveryCrateFlags: the kernel cfgs, and with debug info every path a
// build can put in it remapped, the most specific last (rustc uses the
// last match), reach every crate through cargo config or, when the
// user's flags come from the environment, CARGO_ENCODED_RUSTFLAGS after them.
func TestEveryCrateFlags(t *testing.T) {
	crate := &Crate{
		ManifestPath: "/w/probes/net/Cargo.toml",
		PathPackages: map[string]string{"/w/probes/net": "net", "/w/probes/bpf-support": "bpf-support"},
		TargetDir:    "/w/probes/net/target",
	}
	remaps := []string{
		"--remap-path-prefix=/home/u=~",
		"--remap-path-prefix=/home/u/.cargo=/cargo",
		"--remap-path-prefix=/w/probes/bpf-support=bpf-support",
		"--remap-path-prefix=/w/probes/net=",
		"--remap-path-prefix=/w/probes/net/target=/target",
	}
	kernel := CargoArgs{KernelVersion: "5.4", KernelAtLeast: []string{"5.3", "5.4"}, CheckCfg: true}
	cfgs := []string{`--cfg=kernel_version="5.4"`, `--cfg=kernel_at_least="5.3"`, `--cfg=kernel_at_least="5.4"`,
		"--check-cfg=cfg(kernel_version,values(any()))", "--check-cfg=cfg(kernel_at_least,values(any()))"}
	for _, tt := range []struct {
		name    string
		args    CargoArgs
		env     map[string]string
		wantEnv []string
		wantArg []string
	}{
		{"config", CargoArgs{Debug: true}, map[string]string{"HOME": "/home/u"}, nil,
			[]string{"--config", `build.rustflags=["` + strings.Join(remaps, `", "`) + `"]`}},
		{"RUSTFLAGS", CargoArgs{Debug: true}, map[string]string{"HOME": "/home/u", "RUSTFLAGS": " -C  target-cpu=v3 "}, []string{
			"CARGO_ENCODED_RUSTFLAGS=" + strings.Join(append([]string{"-C", "target-cpu=v3"}, remaps...), "\x1f")}, nil},
		{"CARGO_ENCODED_RUSTFLAGS", CargoArgs{Debug: true}, map[string]string{"HOME": "/home/u", "CARGO_ENCODED_RUSTFLAGS": "-Cfoo bar", "RUSTFLAGS": "ignored"}, []string{
			"CARGO_ENCODED_RUSTFLAGS=-Cfoo bar\x1f" + strings.Join(remaps, "\x1f")}, nil},
		{"kernel", kernel, map[string]string{"HOME": "/home/u"}, nil,
			[]string{"--config", `build.rustflags=["` + strings.Join(quoteAll(cfgs), `", "`) + `"]`}},
	} {
		s := system{getenv: func(k string) string { return tt.env[k] }}
		env, args := s.rustflags(s.everyCrateFlags(tt.args, crate))
		if !slices.Equal(env, tt.wantEnv) || !slices.Equal(args, tt.wantArg) {
			t.Errorf("%s:\n env %q\nargs %q\nwant %q\n     %q", tt.name, env, args, tt.wantEnv, tt.wantArg)
		}
	}
	if got := tomlString(`a"b\c` + "\n"); got != `"a\"b\\c\u000A"` {
		t.Errorf("tomlString = %s", got)
	}
}

// quoteAll escapes the double quotes of TOML basic strings' contents.
func quoteAll(flags []string) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = strings.ReplaceAll(f, `"`, `\"`)
	}
	return out
}

// noEnv is an environment with nothing set.
func noEnv(string) string { return "" }

// TestCargoTargetDirEnv: a relative $CARGO_TARGET_DIR means the directory
// oxbpf runs in, as it does for cargo run there, not the crate's, where
// oxbpf runs cargo.
func TestCargoTargetDirEnv(t *testing.T) {
	crate := &Crate{Name: "probes", ManifestPath: filepath.FromSlash("/src/probes/Cargo.toml"), IRDir: "/ir"}
	env := func(dir string) func(string) string {
		return func(k string) string {
			if k == "CARGO_TARGET_DIR" {
				return dir
			}
			return ""
		}
	}
	cwd, _ := os.Getwd()
	for _, tt := range []struct{ flag, env, want string }{
		{"", "", ""},
		{"", "rel/target", filepath.Join(cwd, "rel", "target")},
		{"", "/abs/target", filepath.FromSlash("/abs/target")},
		{"flag", "/abs/target", filepath.Join(cwd, "flag")},
	} {
		s := system{getenv: env(tt.env), lookPath: func(n string) (string, error) { return "/bin/" + n, nil }, goos: "linux", goarch: "amd64"}
		cmd, err := s.cargoRustcCommand(CargoArgs{Project: Project{TargetDir: tt.flag}}, crate, "x")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, e := range cmd.Env {
			if v, ok := strings.CutPrefix(e, "CARGO_TARGET_DIR="); ok {
				got = v
			}
		}
		if got != tt.want {
			t.Errorf("--target-dir %q, $CARGO_TARGET_DIR %q: cargo gets %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

func TestMissingTarget(t *testing.T) {
	argv := []string{"rustc", "--target", "aarch64-unknown-linux-gnu", "--"}
	stderr := []byte("error[E0463]: can't find crate for `core`\n  |\n  = note: the `aarch64-unknown-linux-gnu` target may not be installed\n")
	if got := missingTarget(stderr, argv); got != "aarch64-unknown-linux-gnu" {
		t.Errorf("missingTarget = %q", got)
	}
	if got := missingTarget([]byte("error[E0425]: cannot find value `x`"), argv); got != "" {
		t.Errorf("missingTarget for another error = %q", got)
	}
	if got := missingTarget(stderr, argv[:1]); got != "" {
		t.Errorf("missingTarget without --target = %q", got)
	}
}

func TestSelectBins(t *testing.T) {
	crate := &Crate{Name: "p", Bins: []BinTarget{{Name: "a"}, {Name: "b", RequiredFeatures: []string{"x"}}}}
	for _, tt := range []struct {
		asked, features []string
		want            string
	}{
		{nil, nil, "a"},
		{nil, []string{"x"}, "a b"},
		{[]string{"b"}, []string{"x"}, "b"},
		{[]string{"b"}, nil, "cargo: bin b requires the features x: add --features x"},
		{[]string{"a", "a", "b", "a"}, []string{"x"}, "a b"},
		{[]string{"c"}, nil, `cargo: crate p has no bin "c" (bins: a, b)`},
	} {
		bins, err := selectBins(crate, tt.asked, tt.features)
		got := strings.Join(bins, " ")
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("selectBins(%q, %q) = %s, want %s", tt.asked, tt.features, got, tt.want)
		}
	}
	if _, err := selectBins(&Crate{Name: "p", Bins: []BinTarget{{Name: "b", RequiredFeatures: []string{"x"}}}}, nil, nil); err == nil {
		t.Error("no error when no bin can be built")
	}
}

// writeCrate writes a dependency-free no_std crate with bins alpha and
// beta-two and, behind feature "extra", gamma.
func writeCrate(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		"Cargo.toml": `[package]
name = "probe"
version = "0.1.0"
edition = "2021"

[features]
extra = []

[[bin]]
name = "alpha"
path = "src/alpha.rs"

[[bin]]
name = "beta-two"
path = "src/beta.rs"

[[bin]]
name = "gamma"
path = "src/gamma.rs"
required-features = ["extra"]
`,
		"src/alpha.rs": program("alpha_prog"),
		"src/beta.rs":  program("beta_prog"),
		"src/gamma.rs": program("gamma_prog"),
	}
	for name, text := range files {
		all[name] = text
	}
	for name, text := range all {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func program(fn string) string {
	return `#![no_std]
#![no_main]

#[no_mangle]
#[link_section = "xdp"]
pub extern "C" fn ` + fn + `(ctx: *const u8) -> u32 {
    if ctx.is_null() { 1 } else { 2 }
}

#[cfg(kernel_version = "5.7")]
#[no_mangle]
pub static KERNEL_5_7: u32 = 57;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
`
}

// unsetenv removes key for the duration of the test: cargo treats an
// empty CARGO_TARGET_DIR as an error, not as unset.
func unsetenv(t *testing.T, key string) {
	t.Setenv(key, "")
	os.Unsetenv(key)
}

func needCargo(t *testing.T) {
	t.Helper()
	testenv.LookPath(t, "cargo")
	testenv.Long(t, "builds Rust crates")
}

func TestMetadataRealCargo(t *testing.T) {
	needCargo(t)
	dir := writeCrate(t, nil)
	ctx := context.Background()
	unsetenv(t, "CARGO_TARGET_DIR")
	crate, err := Metadata(ctx, Project{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []BinTarget{{Name: "alpha"}, {Name: "beta-two"}, {Name: "gamma", RequiredFeatures: []string{"extra"}}}
	if crate.Name != "probe" || !slices.EqualFunc(crate.Bins, want, func(a, b BinTarget) bool {
		return a.Name == b.Name && slices.Equal(a.RequiredFeatures, b.RequiredFeatures)
	}) {
		t.Errorf("crate %+v", crate)
	}
	if want := filepath.Join(dir, "target", "release", "oxbpf"); crate.IRDir != want {
		t.Errorf("IRDir %s, want %s", crate.IRDir, want)
	}

	other := t.TempDir()
	crate, err = Metadata(ctx, Project{ManifestPath: filepath.Join(dir, "Cargo.toml"), TargetDir: other})
	if err != nil || crate.IRDir != filepath.Join(other, "release", "oxbpf") {
		t.Errorf("TargetDir: %v, IRDir %s", err, crate.IRDir)
	}
	t.Setenv("CARGO_TARGET_DIR", other)
	crate, err = Metadata(ctx, Project{Dir: dir})
	if err != nil || crate.IRDir != filepath.Join(other, "release", "oxbpf") {
		t.Errorf("$CARGO_TARGET_DIR: %v, IRDir %s", err, crate.IRDir)
	}

	if _, err := Metadata(ctx, Project{Dir: t.TempDir()}); err == nil || !strings.HasPrefix(err.Error(), "cargo metadata: ") {
		t.Errorf("no Cargo.toml: err = %v", err)
	}
}

func readIR(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCargoRealBuild(t *testing.T) {
	needCargo(t)
	dir := writeCrate(t, nil)
	ctx := context.Background()
	unsetenv(t, "CARGO_TARGET_DIR")
	start := time.Now()
	irs, err := Cargo(ctx, CargoArgs{Project: Project{Dir: dir, Timeout: 5 * time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("two bins in %v", time.Since(start))
	if len(irs) != 2 || irs[0].Bin != "alpha" || irs[1].Bin != "beta-two" {
		t.Fatalf("built %+v, want alpha and beta-two (gamma needs feature extra)", irs)
	}
	irDir := filepath.Join(dir, "target", "release", "oxbpf")
	for _, ir := range irs {
		text := readIR(t, ir.IR)
		fn := strings.ReplaceAll(ir.Bin, "-two", "") + "_prog"
		if ir.IR != filepath.Join(irDir, ir.Bin+".ll") || !strings.Contains(text, "define ") || !strings.Contains(text, "@"+fn) ||
			!strings.Contains(text, `section "xdp"`) || strings.Contains(text, "KERNEL_5_7") || strings.Contains(text, `DISubprogram(name: "`+fn) {
			t.Errorf("%s: unexpected IR in %s:\n%.2000s", ir.Bin, ir.IR, text)
		}
	}

	// A stale .ll must never be taken for this run's: it goes first.
	stale := filepath.Join(irDir, "alpha.ll")
	if err := os.WriteFile(stale, []byte("; stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	irs, err = Cargo(ctx, CargoArgs{Project: Project{Dir: dir}, Bins: []string{"alpha"}, Features: []string{"extra"}, KernelVersion: "5.7", Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(irs) != 1 || readIR(t, irs[0].IR) == "; stale\n" {
		t.Fatalf("got %+v; the stale file was taken", irs)
	}
	// Without -g only core's precompiled debug info is there, not ours.
	if text := readIR(t, irs[0].IR); !strings.Contains(text, "KERNEL_5_7") || !strings.Contains(text, `DISubprogram(name: "alpha_prog"`) {
		t.Errorf("KernelVersion and Debug did not reach rustc:\n%.2000s", text)
	}

	irs, err = Cargo(ctx, CargoArgs{Project: Project{Dir: dir}, Features: []string{"extra"}})
	if err != nil || len(irs) != 3 || irs[2].Bin != "gamma" {
		t.Errorf("with feature extra: %+v, %v; want gamma too", irs, err)
	}
}

func TestCargoRealCompileError(t *testing.T) {
	needCargo(t)
	dir := writeCrate(t, map[string]string{"src/alpha.rs": strings.Replace(program("alpha_prog"), "{ 1 }", "{ x }", 1)})
	_, err := Cargo(context.Background(), CargoArgs{Project: Project{Dir: dir, TargetDir: filepath.Join(dir, "t")}, Bins: []string{"alpha"}})
	var te *ToolError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want a *ToolError", err)
	}
	want := "bin alpha: cargo: exit status 101: error[E0425]: cannot find value `x` in this scope (src/alpha.rs:"
	if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Error() = %q\nwant one line starting %q", err, want)
	}
	if !strings.Contains(string(te.Stderr), "could not compile") {
		t.Errorf("Stderr lacks cargo's summary: %q", te.Stderr)
	}
}

func TestCargoRealToolchain(t *testing.T) {
	needCargo(t)
	rustup := testenv.LookPath(t, "rustup")
	testenv.Need(t, exec.Command(rustup, "run", "nightly", "rustc", "-V").Run() == nil, "rustup's nightly toolchain")
	dir := writeCrate(t, nil)
	irs, err := Cargo(context.Background(), CargoArgs{Project: Project{Dir: dir, Toolchain: "nightly", TargetDir: filepath.Join(dir, "t")}, Bins: []string{"alpha"}})
	if err != nil {
		t.Fatal(err)
	}
	if text := readIR(t, irs[0].IR); !strings.Contains(text, "-nightly") {
		t.Errorf("IR does not come from nightly rustc (no -nightly in !llvm.ident)")
	}
}

func TestCargoRealMissingTarget(t *testing.T) {
	needCargo(t)
	rustup := testenv.LookPath(t, "rustup")
	const target = "aarch64-unknown-linux-gnu"
	out, err := exec.Command(rustup, "target", "list", "--installed").Output()
	if err != nil || strings.Contains(string(out), target) {
		t.Skipf("needs a rustup without the %s target", target)
	}
	dir := writeCrate(t, nil)
	_, err = Cargo(context.Background(), CargoArgs{Project: Project{Dir: dir, Target: target, TargetDir: filepath.Join(dir, "t")}, Bins: []string{"alpha"}})
	want := "bin alpha: rust std for " + target + " is missing, run `rustup target add " + target + "`: cargo: exit status 101: "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v\nwant %s…", err, want)
	}
}

func TestSafeFileName(t *testing.T) {
	for name, want := range map[string]bool{
		"xdp_parse": true, "socket-filter": true, "ünïcode": true, "with space": true,
		"": false, ".": false, "..": false, ".hidden": false, "../escape": false,
		"a/b": false, `a\b`: false, "c:": false, "tab\tname": false, "nul\x00": false,
	} {
		if got := safeFileName(name); got != want {
			t.Errorf("safeFileName(%q) = %v, want %v", name, got, want)
		}
	}
}
