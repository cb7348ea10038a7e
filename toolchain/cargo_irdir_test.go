package toolchain

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCargoRustcCommandIRDir(t *testing.T) {
	crate := &Crate{Name: "probes", ManifestPath: filepath.FromSlash("/src/probes/Cargo.toml"), IRDir: filepath.FromSlash("/ir dir")}
	s := system{getenv: noEnv, lookPath: func(name string) (string, error) { return "/bin/" + name, nil }, goos: "linux", goarch: "amd64"}
	cmd, err := s.cargoRustcCommand(CargoArgs{}, crate, "kprobe")
	if err != nil {
		t.Fatal(err)
	}
	want := "--emit=llvm-ir=" + filepath.Join(filepath.FromSlash("/ir dir"), "kprobe.ll")
	if i := slices.Index(cmd.Args, "--"); i < 0 || cmd.Args[i+1] != want || slices.Contains(cmd.Args, "--emit=llvm-ir") {
		t.Errorf("args %q, want %q after --", cmd.Args, want)
	}
	if !slices.Contains(cmd.Env, ltoEnv) {
		t.Errorf("Env %q lacks %s", cmd.Env, ltoEnv)
	}
}

// TestCargoRealIRDirWithoutLTOProfile builds a bin whose dependency comes
// from a crate without `lto = true` in its profile: only ltoEnv makes -C lto
// work then. The IR must be exactly the file under the crate's IRDir, and
// its copy in IRDest the same text.
func TestCargoRealIRDirWithoutLTOProfile(t *testing.T) {
	needCargo(t)
	dir := writeCrate(t, map[string]string{
		"dep/Cargo.toml": "[package]\nname = \"dep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
		"dep/src/lib.rs": "#![no_std]\n#[inline(never)]\npub fn one() -> u32 { 1 }\n",
		"src/alpha.rs":   strings.Replace(program("alpha_prog"), "{ 1 }", "{ dep::one() }", 1),
	})
	manifest := filepath.Join(dir, "Cargo.toml")
	appendFile(t, manifest, "\n[dependencies]\ndep = { path = \"dep\" }\n")
	dest := filepath.Join(t.TempDir(), "ir ü")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	a := CargoArgs{Project: Project{Dir: dir, TargetDir: filepath.Join(dir, "t")}, Bins: []string{"alpha"}, IRDest: dest}
	crate, err := Metadata(context.Background(), a.Project)
	if err != nil {
		t.Fatal(err)
	}
	a.Crate = crate
	irs, err := Cargo(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "t", "release", "oxbpf", "alpha.ll")
	if len(irs) != 1 || irs[0].IR != want || irs[0].Copy != filepath.Join(dest, "alpha.ll") {
		t.Fatalf("got %+v, want %s copied into %s", irs, want, dest)
	}
	text := readIR(t, irs[0].IR)
	if !strings.Contains(text, "@alpha_prog") {
		t.Errorf("IR lacks the program:\n%.2000s", text)
	}
	if readIR(t, irs[0].Copy) != text {
		t.Error("the copy differs from the IR")
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
