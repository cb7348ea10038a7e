package ir

import (
	"reflect"
	"testing"
)

// everyCut returns every offset at which cutPoints may cut src: the most
// pieces a parse of src can be split into.
func everyCut(src string) []int {
	var cuts []int
	for at := entityLine(src, 1); at >= 0; at = entityLine(src, at+1) {
		cuts = append(cuts, at)
	}
	return cuts
}

// checkPieces parses src whole and in the pieces that cuts separate, and
// fails unless the pieces are rejected or build exactly the whole parse's
// model. It returns the whole parse's module and error.
func checkPieces(t *testing.T, filename, src string, cuts []int) (*Module, error) {
	t.Helper()
	whole := newModule(filename, src)
	wholeErr := parseWhole(whole)
	pieced := newModule(filename, src)
	if !parsePieces(pieced, cuts) {
		return whole, wholeErr
	}
	if wholeErr != nil {
		t.Fatalf("%d pieces parse, but the whole text does not: %v", len(cuts)+1, wholeErr)
	}
	if !reflect.DeepEqual(whole, pieced) {
		t.Fatalf("%d pieces build a different model from the whole text's", len(cuts)+1)
	}
	return whole, nil
}

// TestPiecesMatchWholeParse cuts every fixture at every line where a piece
// may begin and checks the parse in pieces is the parse in one.
func TestPiecesMatchWholeParse(t *testing.T) {
	eachFixture(t, func(t *testing.T, file, src string) {
		cuts := everyCut(src)
		if len(cuts) == 0 {
			t.Skip("no line where a piece may begin")
		}
		if !parsePieces(newModule(file, src), cuts) {
			t.Fatalf("a fixture failed to parse in %d pieces", len(cuts)+1)
		}
		checkPieces(t, file, src, cuts)
	})
}

func TestCutPoints(t *testing.T) {
	src := "; header\n" + // 0..8
		"define void @a() {\n  ret void\n}\n" + // newline before it at 8
		"declare void @b()\n" +
		"define void @c() {\n  ret void\n}\n" +
		"!0 = !{}\n" +
		"!llvm.ident = !{!0}\n"
	all := everyCut(src)
	if want := 3; len(all) != want { // before define @a, define @c, !0
		t.Fatalf("everyCut found %d cuts %v, want %d", len(all), all, want)
	}
	for _, tt := range []struct {
		n    int
		want int // number of cuts
	}{
		{1, 0},
		{2, 1},
		{3, 2},
		{100, 3}, // never more cuts than candidate lines, never twice the same
	} {
		cuts := cutPoints(src, tt.n)
		if len(cuts) != tt.want {
			t.Errorf("cutPoints(n=%d) = %v, want %d cuts", tt.n, cuts, tt.want)
		}
		for i, c := range cuts {
			if src[c] != '\n' || i > 0 && c <= cuts[i-1] {
				t.Errorf("cutPoints(n=%d) = %v: cut %d is not an increasing newline", tt.n, cuts, c)
			}
		}
	}
}

// TestBadCutFallsBack cuts inside a string that spans lines: the piece
// before the cut cannot parse, so Parse must parse in one piece and get
// the same result as without pieces.
func TestBadCutFallsBack(t *testing.T) {
	src := "@s = constant [10 x i8] c\"ab\n!0 = x\"\n" +
		"define void @f() {\n  ret void\n}\n"
	cuts := everyCut(src)
	if len(cuts) != 2 {
		t.Fatalf("want a cut inside the string and one before define, got %v", cuts)
	}
	if parsePieces(newModule("s.ll", src), cuts) {
		t.Fatal("pieces cut inside a string parsed")
	}
	checkPieces(t, "s.ll", src, cuts)
}
