package rewrite

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

var update = flag.Bool("update", false, "rewrite the .golden files with the current output")

// wantRx finds expectations written in test inputs as ; want "regexp": a
// diagnostic on that line must match each one.
var wantRx = regexp.MustCompile(`; want ("(?:[^"\\]|\\.)*")`)

// testOptions reads options from a first line "; options: llvm=19 strict
// bigendian btf rustc-commit=HASH" of a test input.
func testOptions(t *testing.T, src string) Options {
	var opts Options
	first, _, _ := strings.Cut(src, "\n")
	rest, ok := strings.CutPrefix(first, "; options:")
	if !ok {
		return opts
	}
	for _, f := range strings.Fields(rest) {
		switch {
		case strings.HasPrefix(f, "llvm="):
			n, err := strconv.Atoi(f[len("llvm="):])
			if err != nil {
				t.Fatalf("bad option %q", f)
			}
			opts.LLVM = n
		case f == "strict":
			opts.Strict = true
		case f == "bigendian":
			opts.BigEndian = true
		case f == "btf":
			opts.BTF = true
		case f == "no-float-btf":
			opts.NoFloatBTF = true
		case f == "fixed-offsets":
			opts.FixedOffsets = true
		case strings.HasPrefix(f, "rustc-commit="):
			opts.RustcCommit = f[len("rustc-commit="):]
		default:
			t.Fatalf("unknown option %q", f)
		}
	}
	return opts
}

// runGolden runs passes over every testdata/<dir>/*.ll, compares the output
// with the .ll.golden beside it (rewritten under -update), and checks that
// the diagnostics are exactly the ; want expectations.
func runGolden(t *testing.T, dir string, passes []*Pass) {
	t.Helper()
	for _, file := range testenv.Glob(t, filepath.Join("testdata", dir, "*.ll")) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ir.Parse(file, string(src))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			report, runErr := Run(m, passes, testOptions(t, string(src)))
			got := m.Bytes()
			if runErr != nil {
				got = []byte("; error: " + runErr.Error() + "\n")
			}
			checkWants(t, string(src), report)
			golden := file + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, lineDiff(string(want), string(got)))
			}
			if runErr == nil {
				if _, err := ir.Parse(golden, string(got)); err != nil {
					t.Errorf("output does not parse again: %v", err)
				}
			}
		})
	}
}

func checkWants(t *testing.T, src string, report *Report) {
	t.Helper()
	wants := make(map[int][]*regexp.Regexp)
	for i, line := range strings.Split(src, "\n") {
		for _, m := range wantRx.FindAllStringSubmatch(line, -1) {
			pattern, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("line %d: bad want %s", i+1, m[1])
			}
			wants[i+1] = append(wants[i+1], regexp.MustCompile(pattern))
		}
	}
	if report == nil {
		report = &Report{}
	}
	for _, d := range report.Diagnostics() {
		rxs := wants[d.Pos.Line]
		found := -1
		for k, rx := range rxs {
			if rx.MatchString(d.String()) {
				found = k
				break
			}
		}
		if found < 0 {
			t.Errorf("unexpected diagnostic: %s", d)
			continue
		}
		wants[d.Pos.Line] = append(rxs[:found], rxs[found+1:]...)
	}
	for line, rxs := range wants {
		for _, rx := range rxs {
			t.Errorf("line %d: no diagnostic matching %q", line, rx)
		}
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}
