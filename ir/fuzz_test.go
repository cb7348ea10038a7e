package ir

import (
	"os"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// FuzzParse checks that the parser never panics on any input, that
// whatever it accepts prints back byte for byte with a model that accounts
// for every byte, and that parsing in pieces (as Parse does with big
// files) builds the same model or fails. Seeds are the committed fixtures.
func FuzzParse(f *testing.F) {
	testenv.KeepCrashReports()
	for _, file := range fixtures(f) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if len(src) < 8_000 { // big seeds slow every mutation down
			f.Add(string(src))
		}
	}
	f.Add("define void @f() {\n  ret void\n}\n")
	f.Fuzz(func(t *testing.T, src string) {
		if checkText("fuzz.ll", src) != nil {
			return // Parse refuses it before parsing
		}
		m, err := checkPieces(t, "fuzz.ll", src, everyCut(src))
		if err != nil {
			return
		}
		if got := string(m.Bytes()); got != src {
			t.Fatalf("round trip changed the text")
		}
		checkSpans(t, m)
		for _, n := range m.Metadata {
			n.Fields() // parsing fields again must not fail or panic
		}
	})
}
