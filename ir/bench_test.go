package ir

import (
	"io"
	"os"
	"path/filepath"
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
