package ir

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigModule is the module the benchmarks use: fixtures/ir/gen.sh big makes
// it (24 MB, rustc 1.63 at opt-level 0 with fat LTO and debug info).
const bigModule = "../fixtures/ir/big/core-debug.ll"

func benchInput(b *testing.B) (string, string) {
	path := bigModule
	if _, err := os.Stat(path); err != nil {
		// Fall back to the largest committed fixture.
		path = filepath.Join("..", "fixtures", "ir", "rustc-1.63", "fmt.O3-lto.ll")
		b.Logf("%s missing (run fixtures/ir/gen.sh big); using %s", bigModule, path)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, string(src)
}

func BenchmarkParse(b *testing.B) {
	path, src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(path, src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoundTrip(b *testing.B) {
	path, _ := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		m, err := ParseFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := Fprint(io.Discard, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditAndRead edits every global of modules of growing size,
// reading each back with TextOf as the downlevel rules do; ns/global must
// stay flat. Sorting all edits on every TextOf made it quadratic: 20k
// splats took 0.84 s to downlevel, 0.11 s since.
func BenchmarkEditAndRead(b *testing.B) {
	for _, n := range []int{5_000, 20_000} {
		var src strings.Builder
		for i := range n {
			fmt.Fprintf(&src, "@g%d = global i32 %d\n", i, i)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				m, err := Parse("edits.ll", src.String())
				if err != nil {
					b.Fatal(err)
				}
				for _, g := range m.Globals {
					m.replace(g.Init, "i32 0")
					m.TextOf(g)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/global")
		})
	}
}
