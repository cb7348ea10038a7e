package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the .golden files with the current output")

// run runs the command line as main does, with stdin as standard input,
// and returns what it wrote and the exit status main would use.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := newApp(strings.NewReader(stdin), &out, &errOut).RunContext(context.Background(), append([]string{"oxbpf"}, args...))
	if err != nil {
		fmt.Fprintln(&errOut, "oxbpf:", err)
	}
	return out.String(), errOut.String(), exitCode(err)
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestHelp(t *testing.T) {
	out, _, code := run(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help exits %d", code)
	}
	golden(t, "help.golden", strings.ReplaceAll(out, version().String(), "<version>"))
	for _, want := range []string{"0  ok", "1  the input or program is at fault", "2  usage", "3  a tool or capability", "$OXBPF_OPT", "$OXBPF_LLC", "$OXBPF_LLVM_BIN"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	for _, cmd := range []string{"new", "build", "test", "run", "compile", "verify", "rewrite", "doctor", "version"} {
		out, _, code := run(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "Example") || !strings.Contains(out, "oxbpf "+cmd) {
			t.Errorf("%s --help (exit %d) lacks an example:\n%s", cmd, code, out)
		}
		// Help after an argument works too.
		if after, _, _ := run(t, "", cmd, "x", "--help"); after != out {
			t.Errorf("%s x --help differs from %s --help", cmd, cmd)
		}
	}
	out, _, _ = run(t, "", "build", "--help")
	golden(t, "build-help.golden", out)
	out, _, _ = run(t, "", "new", "--help")
	golden(t, "new-help.golden", out)
	out, _, _ = run(t, "", "run", "--help")
	golden(t, "run-help.golden", out)
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--frob"}, "flag provided but not defined: -frob"},
		{[]string{"build", "--frob"}, "build: flag provided but not defined: -frob; see oxbpf build --help"},
		{[]string{"build", "-j", "many"}, `invalid value "many" for flag -j`},
		{[]string{"build", "a", "b"}, "at most one crate directory"},
		{[]string{"build", "dir", "--manifest-path", "x/Cargo.toml"}, "not both"},
		{[]string{"build", "--kernel", "five", "dir"}, `kernel version "five"`},
		{[]string{"build", "--mcpu", "v9", "dir"}, `cpu "v9"`},
		{[]string{"build", "--kernel-btf", "testdata/nonesuch.btf", "dir"}, "--kernel-btf: kernel BTF testdata/nonesuch.btf: open"},
		{[]string{"verify", "--load", "--kernel-btf", "app_test.go", "x.o"}, "--kernel-btf: kernel BTF app_test.go: parsing"},
		{[]string{"run", "--kernel-btf", "app_test.go", "x.o"}, "--kernel-btf: kernel BTF app_test.go: parsing"},
		{[]string{"build", "testdata/nonesuch"}, "no such file"},
		{[]string{"compile"}, "want one IN.ll, got 0 arguments"},
		{[]string{"compile", "a.ll", "b.ll"}, "got 2 arguments"},
		{[]string{"compile", "testdata/nonesuch.ll", "--passes", "none"}, "no such file"},
		{[]string{"compile", "x.ll", "--passes", "frob"}, `unknown pass "frob"`},
		{[]string{"verify", "testdata/nonesuch.o"}, "no such file"},
		{[]string{"rewrite", "-", "--json"}, "--json prints on stdout"},
		{[]string{"rewrite", "testdata/nonesuch.ll"}, "no such file"},
		{[]string{"rewrite", "--llvm", "-1", "-"}, "--llvm -1: want the major of an LLVM from 14 on"},
		{[]string{"rewrite", "--llvm", "1", "-"}, "--llvm 1: want the major of an LLVM from 14 on, or 0"},
		{[]string{"compile", "in.ll", "-o"}, "flag needs an argument: -o"},
		{[]string{"build", "dir", "-j"}, "flag needs an argument: -j"},
		{[]string{"compile", "../../pipeline/testdata/xdp.ll", "-o", "../../pipeline/testdata/./xdp.ll"}, "is the input file"},
		{[]string{"rewrite", "../../pipeline/testdata/xdp.ll", "-o", "../../pipeline/testdata/xdp.ll"}, "is the input file"},
		{[]string{"build", "--manifest-path", "testdata"}, "--manifest-path testdata is a directory"},
		{[]string{"build", "app_test.go"}, "app_test.go is a file: give a crate directory or its Cargo.toml"},
		{[]string{"doctor", "extra"}, "extra is not a crate directory"},
		{[]string{"version", "extra"}, "no arguments expected"},
		{[]string{"new"}, "want one DIR, got 0 arguments"},
		{[]string{"new", "--type", "lsm", "x"}, `new: unknown type "lsm": want one of xdp, tc, socket`},
		{[]string{"new", "testdata"}, "testdata is not empty"},
		{[]string{"new", "app_test.go"}, "app_test.go is a file"},
		{[]string{"new", "--name", "-bad", "y"}, `package name "-bad"`},
		{[]string{"run", "testdata/nonesuch.o"}, "no such file"},
		{[]string{"run", "--uprobe", "/bin/true", "x.o"}, "--uprobe /bin/true: want BINARY:SYMBOL"},
		{[]string{"run", "--duration", "-1s", "x.o"}, "--duration and --interval take a positive duration"},
		{[]string{"run", "--interval", "soon", "x.o"}, `invalid value "soon" for flag -interval`},
		{[]string{"run", "--go-out", "x", "testdata"}, "--go-out needs --go-package"},
		{[]string{"help", "frob"}, "No help topic for 'frob'"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, "", tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
			if strings.Contains(out, "Incorrect Usage") {
				t.Errorf("urfave's own usage text on stdout:\n%s", out)
			}
		})
	}
}

func TestInterspersed(t *testing.T) {
	a := newApp(nil, nil, nil).cli
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"--help", "--help"},
		{"frob x -o y", "frob x -o y"},
		{"compile in.ll -o out.o", "compile -o out.o -- in.ll"},
		{"compile in.ll --load -o=out.o", "compile --load -o=out.o -- in.ll"},
		{"verify x.o --opt /o --load", "--opt /o verify --load -- x.o"},
		{"--llc /l build --bin a dir --bin b -- -C x --bin c", "--llc /l build --bin a --bin b -- dir -- -C x --bin c"},
		{"build -- -C x", "build -- -- -C x"},
		{"rewrite - -v", "rewrite -v -- -"},
		{"build --frob dir", "build --frob -- dir"},
		{"compile in.ll -h", "compile --help"},
		{"compile -- -x.ll", "compile -- -- -x.ll"},
		// A value flag with no value is an error, not a flag whose value
		// is the "--" the reordering adds.
		{"compile in.ll -o", "error: flag needs an argument: -o"},
		{"build dir --mcpu", "error: flag needs an argument: --mcpu"},
		{"build -j -- -C x", "error: flag needs an argument: -j"},
		{"--opt", "error: flag needs an argument: --opt"},
	} {
		args, err := interspersed(a, append([]string{"oxbpf"}, strings.Fields(tt.in)...))
		got := strings.Join(args, " ")
		if len(args) > 0 {
			got = strings.Join(args[1:], " ")
		}
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("interspersed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "oxbpf ") || !strings.Contains(out, "go1.") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if out, _, _ := run(t, "", "--version"); !strings.HasPrefix(out, "oxbpf version ") {
		t.Errorf("--version: %q", out)
	}
}

func TestNoCommandShowsHelp(t *testing.T) {
	out, _, code := run(t, "")
	if code != 0 || !strings.Contains(out, "COMMANDS:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// fixtures returns every IR fixture of the repository.
func fixtures(t *testing.T) []string {
	t.Helper()
	return slices.Sorted(slices.Values(testenv.Glob(t, "../../fixtures/ir/*/*.ll")))
}
