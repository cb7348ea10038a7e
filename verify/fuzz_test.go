package verify

import (
	"os"
	"slices"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

var (
	problemKinds = []Kind{NotELF, Malformed, NotBPF, ByteOrder, UnknownSection, BPFCall, MissingFuncInfo, Unresolved, Recursion, IndirectCall, DataPointer, TooNew, Loop, TooLarge, NoLicense, NoPrograms}
	warningKinds = []Kind{LegacyMaps, LibbpfSection, NoBTF}
)

// FuzzInspect feeds Inspect arbitrary bytes: it must never panic, and every
// problem and warning must have a known kind and a message.
func FuzzInspect(f *testing.F) {
	testenv.KeepCrashReports()
	for _, path := range testenv.Glob(f, "testdata/*.o") {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := InspectBytes(data, Options{Kernel: Kernel{4, 14}})
		if r.Programs == nil || r.Maps == nil || r.Problems == nil || r.Warnings == nil {
			t.Fatal("nil list in report")
		}
		for _, p := range r.Problems {
			if !slices.Contains(problemKinds, p.Kind) || p.Message == "" {
				t.Fatalf("problem %+v", p)
			}
		}
		for _, w := range r.Warnings {
			if !slices.Contains(warningKinds, w.Kind) || w.Message == "" {
				t.Fatalf("warning %+v", w)
			}
		}
	})
}
