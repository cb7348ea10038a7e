//go:build unix

package toolchain

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// fakeMachine is a machine made of shell scripts: a bin directory standing
// in for PATH, a root standing in for / (for /usr/lib/llvm-N and Homebrew),
// and an environment.
type fakeMachine struct {
	t    *testing.T
	root string
	bin  string
	env  map[string]string
	goos string
}

func newFakeMachine(t *testing.T) *fakeMachine {
	root := t.TempDir()
	return &fakeMachine{t: t, root: root, bin: filepath.Join(root, "bin"), env: map[string]string{}, goos: "linux"}
}

func (m *fakeMachine) system() system {
	return system{
		getenv: func(k string) string { return m.env[k] },
		lookPath: func(name string) (string, error) {
			path := filepath.Join(m.bin, name)
			if _, err := os.Stat(path); err != nil {
				return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
			}
			return path, nil
		},
		goos:   m.goos,
		goarch: "amd64",
		root:   m.root,
	}
}

// llvm writes a fake opt or llc that prints a Debian-style version banner.
func (m *fakeMachine) llvm(dir, name, version string) string {
	return testenv.WriteScript(m.t, filepath.Join(dir, name), fmt.Sprintf("echo 'Debian LLVM version %s'\necho '  Optimized build.'\n", version))
}

// versioned installs opt-N and llc-N the Debian way: the real files in
// /usr/lib/llvm-N/bin and links in the bin directory.
func (m *fakeMachine) versioned(major int) {
	dir := filepath.Join(m.root, "usr/lib", fmt.Sprintf("llvm-%d", major), "bin")
	for _, name := range []string{"opt", "llc"} {
		real := m.llvm(dir, name, fmt.Sprintf("%d.0.6", major))
		m.link(real, fmt.Sprintf("%s-%d", name, major))
	}
}

func (m *fakeMachine) link(target, name string) {
	if err := os.MkdirAll(m.bin, 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(m.bin, name)); err != nil {
		m.t.Fatal(err)
	}
}

// rustc installs a fake rustup-style rustc with the given LLVM major whose
// sysroot is under the root; it returns the sysroot's llvm-tools directory.
func (m *fakeMachine) rustc(llvmMajor int) string {
	sysroot := filepath.Join(m.root, "rustup/toolchains/stable-x86_64-unknown-linux-gnu")
	testenv.WriteScript(m.t, filepath.Join(m.bin, "rustc"), fmt.Sprintf(`case "$1" in
-vV) printf 'rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\nLLVM version: %d.1.2\n' ;;
--print) echo %s ;;
*) exit 1 ;;
esac
`, llvmMajor, sysroot))
	return filepath.Join(sysroot, "lib/rustlib/x86_64-unknown-linux-gnu/bin")
}

func (m *fakeMachine) discover(opts DiscoverOptions) (*Discovery, error) {
	return m.system().discover(context.Background(), opts)
}

func TestDiscoverPrefersRustcMajorElseNewest(t *testing.T) {
	for _, tt := range []struct {
		rustcLLVM int
		want      string
	}{
		{22, "opt:PATH:19.0.6 llc:PATH:19.0.6"}, // no LLVM 22: newest
		{16, "opt:PATH:16.0.6 llc:PATH:16.0.6"}, // rustc's own major
	} {
		m := newFakeMachine(t)
		m.rustc(tt.rustcLLVM)
		for _, major := range []int{14, 15, 16, 19} {
			m.versioned(major)
		}
		d, err := m.discover(DiscoverOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := pair(d.LLVM); got != tt.want {
			t.Errorf("rustc with LLVM %d: chose %s, want %s", tt.rustcLLVM, got, tt.want)
		}
		// opt-19 links into /usr/lib/llvm-19/bin: that file is listed once.
		if n := len(d.Tools); n != 8 {
			t.Errorf("found %d tools, want 8 (4 majors, no duplicates):\n%s", n, toolList(d.Tools))
		}
	}
}

func TestDiscoverRustupLLVMToolsFirst(t *testing.T) {
	m := newFakeMachine(t)
	tools := m.rustc(22)
	m.llvm(tools, "opt", "22.1.2-rust-1.95.0-stable")
	m.llvm(tools, "llc", "22.1.2-rust-1.95.0-stable")
	m.versioned(19)
	d, err := m.discover(DiscoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pair(d.LLVM), "opt:rustup llvm-tools:22.1.2 llc:rustup llvm-tools:22.1.2"; got != want {
		t.Errorf("chose %s, want %s", got, want)
	}
	if d.Tools[0].Source != SourceRustup || d.Rustc == nil || d.Rustc.LLVM.Major != 22 {
		t.Errorf("rustc %+v; tools:\n%s", d.Rustc, toolList(d.Tools))
	}
}

func TestDiscoverOnlyLLVM14(t *testing.T) {
	m := newFakeMachine(t)
	m.rustc(22)
	m.versioned(14)
	testenv.WriteScript(t, filepath.Join(m.bin, "rustup"), "exit 0\n")
	if err := os.MkdirAll(filepath.Join(m.root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(m.root, "etc/debian_version"), []byte("12.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	d, err := m.discover(DiscoverOptions{})
	want := "no usable opt and llc: found LLVM 14 (llc, opt); opaque-pointer IR needs both of one LLVM major, 15 or newer: apt-get install llvm-19 or rustup component add llvm-tools"
	if !errors.Is(err, ErrNoLLVM) || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if d == nil || len(d.Tools) != 2 || d.LLVM != nil {
		t.Errorf("the Discovery must still list what was found: %+v", d)
	}

	d, err = m.discover(DiscoverOptions{TypedPointers: true})
	if err != nil || d.LLVM.Major() != 14 {
		t.Errorf("typed-pointer IR: %v, %s; want LLVM 14", err, pair(d.LLVM))
	}
}

func TestDiscoverNothingOnMacOS(t *testing.T) {
	m := newFakeMachine(t)
	m.goos = "darwin"
	_, err := m.discover(DiscoverOptions{})
	if !errors.Is(err, ErrNoLLVM) || !strings.Contains(err.Error(), "found no opt or llc") || !strings.HasSuffix(err.Error(), ": brew install llvm") {
		t.Errorf("err = %v", err)
	}
}

func TestDiscoverHomebrew(t *testing.T) {
	m := newFakeMachine(t)
	m.goos = "darwin"
	m.llvm(filepath.Join(m.root, "opt/homebrew/opt/llvm/bin"), "opt", "19.1.7")
	m.llvm(filepath.Join(m.root, "opt/homebrew/opt/llvm/bin"), "llc", "19.1.7")
	m.llvm(filepath.Join(m.root, "usr/local/opt/llvm@18/bin"), "opt", "18.1.8")
	m.llvm(filepath.Join(m.root, "usr/local/opt/llvm@18/bin"), "llc", "18.1.8")
	d, err := m.discover(DiscoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pair(d.LLVM), "opt:/opt/homebrew/opt/llvm:19.1.7 llc:/opt/homebrew/opt/llvm:19.1.7"; got != want {
		t.Errorf("chose %s, want %s\n%s", got, want, toolList(d.Tools))
	}
}

func TestDiscoverLLVMConfig(t *testing.T) {
	m := newFakeMachine(t)
	dir := filepath.Join(m.root, "opt/llvm17/bin")
	m.llvm(dir, "opt", "17.0.6")
	m.llvm(dir, "llc", "17.0.6")
	testenv.WriteScript(t, filepath.Join(m.bin, "llvm-config-17"), "echo "+dir+"\n")
	d, err := m.discover(DiscoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pair(d.LLVM), "opt:llvm-config-17 --bindir:17.0.6 llc:llvm-config-17 --bindir:17.0.6"; got != want {
		t.Errorf("chose %s, want %s", got, want)
	}
	if d.Rustc != nil || d.RustcErr == nil {
		t.Errorf("no rustc on this machine, yet Rustc = %+v, RustcErr = %v", d.Rustc, d.RustcErr)
	}
}

func TestDiscoverExplicit(t *testing.T) {
	m := newFakeMachine(t)
	m.rustc(19)
	m.versioned(19)
	custom := filepath.Join(m.root, "custom/bin")
	m.llvm(custom, "opt", "16.0.6")
	m.llvm(custom, "llc", "16.0.6")
	m.llvm(custom, "opt15", "15.0.7")
	m.versioned(16)

	// Each row: options, environment, the pair or the error wanted.
	tests := []struct {
		name string
		opts DiscoverOptions
		env  map[string]string
		want string
	}{
		{"--llvm-bin beats rustc's major", DiscoverOptions{LLVMBin: custom}, nil,
			"opt:--llvm-bin:16.0.6 llc:--llvm-bin:16.0.6"},
		{"$OXBPF_LLVM_BIN", DiscoverOptions{}, map[string]string{"OXBPF_LLVM_BIN": custom},
			"opt:$OXBPF_LLVM_BIN:16.0.6 llc:$OXBPF_LLVM_BIN:16.0.6"},
		{"flag beats environment", DiscoverOptions{LLVMBin: custom}, map[string]string{"OXBPF_OPT": "/nowhere/opt"},
			"opt:--llvm-bin:16.0.6 llc:--llvm-bin:16.0.6"},
		{"--opt alone pairs with an llc of its major", DiscoverOptions{Opt: filepath.Join(custom, "opt")}, nil,
			"opt:--opt:16.0.6 llc:PATH:16.0.6"},
		{"$OXBPF_LLC by bare name on PATH", DiscoverOptions{}, map[string]string{"OXBPF_LLC": "llc-16"},
			"opt:PATH:16.0.6 llc:$OXBPF_LLC:16.0.6"},
		{"missing explicit tool", DiscoverOptions{Opt: "/nowhere/opt"}, nil,
			"opt from --opt: stat /nowhere/opt: no such file or directory"},
		{"explicit tool that is not LLVM", DiscoverOptions{Llc: filepath.Join(m.bin, "rustc")}, nil,
			"llc from --llc: rustc: exit status 1"},
		{"explicit pair of two majors", DiscoverOptions{Opt: filepath.Join(custom, "opt15"), Llc: filepath.Join(custom, "llc")}, nil,
			"opt from --opt is LLVM 15 but llc from --llc is LLVM 16; give a pair of one LLVM major"},
		{"explicit opt without an llc of its major", DiscoverOptions{Opt: filepath.Join(custom, "opt15")}, nil,
			"no usable opt and llc: no llc of LLVM 15 to pair with opt from --opt; give --llc or --llvm-bin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.env = tt.env
			d, err := m.discover(tt.opts)
			got := pair(d.LLVM)
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestDiscoverUnusableCandidates(t *testing.T) {
	m := newFakeMachine(t)
	m.versioned(19)
	testenv.WriteScript(t, filepath.Join(m.bin, "opt"), "echo 'not LLVM'\n")
	testenv.WriteScript(t, filepath.Join(m.bin, "llc"), "exit 3\n")
	d, err := m.discover(DiscoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.LLVM.Major() != 19 {
		t.Errorf("chose %s", pair(d.LLVM))
	}
	var errs []string
	for _, tool := range d.Tools {
		if tool.Err != nil {
			errs = append(errs, tool.String())
		}
	}
	want := []string{
		fmt.Sprintf(`opt %s/opt (PATH): no "LLVM version" line in "not LLVM"`, m.bin),
		fmt.Sprintf(`llc %s/llc (PATH): llc: exit status 3`, m.bin),
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("unusable tools:\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
