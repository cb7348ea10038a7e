package ir

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// fixtures returns every committed .ll module under fixtures/ir.
func fixtures(t testing.TB) []string {
	return testenv.Glob(t, "../fixtures/ir/*/*.ll")
}

// eachFixture runs check on every fixture's text in a parallel subtest
// named for the fixture.
func eachFixture(t *testing.T, check func(t *testing.T, file, src string)) {
	for _, file := range fixtures(t) {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			check(t, file, string(src))
		})
	}
}

// TestRoundTrip checks Print(Parse(x)) == x byte for byte for every
// fixture, and that the model accounts for every byte: each entity,
// block and instruction lies inside its parent, in order, and what lies
// between them is only whitespace, comments and block labels.
func TestRoundTrip(t *testing.T) {
	eachFixture(t, func(t *testing.T, file, src string) {
		m, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(m.Bytes()); got != src {
			t.Fatalf("round trip changed the text")
		}
		checkSpans(t, m)
	})
}

func checkSpans(t *testing.T, m *Module) {
	t.Helper()
	var top []Node
	for _, h := range []*HeaderField{m.SourceFilename, m.DataLayout, m.Triple} {
		if h != nil {
			top = append(top, h)
		}
	}
	for _, x := range m.ModuleAsm {
		top = append(top, x)
	}
	for _, x := range m.TypeDefs {
		top = append(top, x)
	}
	for _, x := range m.Comdats {
		top = append(top, x)
	}
	for _, x := range m.Globals {
		top = append(top, x)
	}
	for _, x := range m.Aliases {
		top = append(top, x)
	}
	for _, x := range m.Funcs {
		top = append(top, x)
	}
	for _, x := range m.AttrGroups {
		top = append(top, x)
	}
	for _, x := range m.NamedMetadata {
		top = append(top, x)
	}
	for _, x := range m.Metadata {
		top = append(top, x)
	}
	for _, x := range m.Directives {
		top = append(top, x)
	}
	text := m.Text()
	root := Span{1, Pos(len(text)) + 1}
	checkTiling(t, m, root, top, onlyTrivia)
	for _, f := range m.Funcs {
		if f.Body == nil {
			continue
		}
		var blocks []Node
		for _, b := range f.Body.Blocks {
			blocks = append(blocks, b)
			var instrs []Node
			for _, in := range b.Instrs {
				instrs = append(instrs, in)
				var parts []Node
				for _, op := range in.Operands {
					parts = append(parts, op)
				}
				if in.Call != nil {
					for _, op := range in.Call.Args {
						parts = append(parts, op)
					}
				}
				checkInside(t, m, in.Span, parts)
			}
			inner := b.Span
			if b.Label.Raw != "" {
				inner.Start = b.Label.End
			}
			checkTiling(t, m, inner, instrs, onlyTrivia)
		}
		inner := Span{f.Body.Start + 1, f.Body.End - 1}
		checkTiling(t, m, inner, blocks, onlyTrivia)
	}
}

// checkTiling checks that nodes lie inside outer, in order, without
// overlap, and that the text between them satisfies gapOK.
func checkTiling(t *testing.T, m *Module, outer Span, nodes []Node, gapOK func(string) bool) {
	t.Helper()
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Range().Start < nodes[j].Range().Start })
	text := m.Text()
	at := outer.Start
	for _, n := range nodes {
		s := n.Range()
		if s.Start < at || s.End > outer.End || s.End < s.Start {
			t.Fatalf("%s: node %d..%d overlaps or leaves %d..%d", m.Position(s.Start), s.Start, s.End, outer.Start, outer.End)
		}
		if gap := text[at-1 : s.Start-1]; !gapOK(gap) {
			t.Fatalf("%s: unparsed text before node: %q", m.Position(at), gap)
		}
		at = s.End
	}
	if gap := text[at-1 : outer.End-1]; !gapOK(gap) {
		t.Fatalf("%s: unparsed text at the end: %q", m.Position(at), gap)
	}
}

// checkInside checks that parts lie inside outer, in order.
func checkInside(t *testing.T, m *Module, outer Span, parts []Node) {
	t.Helper()
	at := outer.Start
	for _, n := range parts {
		s := n.Range()
		if s.Start < at || s.End > outer.End {
			t.Fatalf("%s: operand %d..%d outside its instruction %d..%d", m.Position(s.Start), s.Start, s.End, outer.Start, outer.End)
		}
		at = s.End
	}
}

// onlyTrivia reports whether s holds nothing but whitespace and comments.
func onlyTrivia(s string) bool {
	var l lexer
	l.init(s, 1, nil)
	_, tok, _ := l.scan()
	return tok == tokEOF && l.errorCount == 0
}
