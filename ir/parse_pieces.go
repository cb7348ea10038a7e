package ir

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// pieceMin is the smallest piece worth a parser of its own: below it the
// goroutine and the merge cost more than the second core saves.
const pieceMin = 512 << 10

// piecesPerProc oversplits the input so that a core that finishes its
// pieces early takes more, since metadata and code parse at different
// speeds per byte.
const piecesPerProc = 4

// cutPoints returns up to n-1 offsets at which src can be parsed in
// separate pieces: each is the newline before a line that can only begin
// a top-level entity (define, or a numbered metadata node !N), nearest
// after an even share of the bytes. A cut that lands inside some other
// construct (a string spanning lines, hand-written IR) makes the piece
// before it fail to parse, and Parse then parses the whole text in one
// piece, so a bad cut costs time, never a different result.
func cutPoints(src string, n int) []int {
	var cuts []int
	last := 0
	for i := 1; i < n; i++ {
		at := entityLine(src, max(last+1, i*len(src)/n))
		if at < 0 {
			break
		}
		if at > last {
			cuts = append(cuts, at)
			last = at
		}
	}
	return cuts
}

// entityLine returns the offset of the first newline at or after from
// that is followed by "define " or "!<digit>", or -1.
func entityLine(src string, from int) int {
	for i := from; i < len(src); {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j
		rest := src[i+1:]
		if strings.HasPrefix(rest, "define ") || len(rest) > 1 && rest[0] == '!' && isDigit(rest[1]) {
			return i
		}
		i++
	}
	return -1
}

// parsePieces parses the file of m in the pieces that cuts separate, one
// parser each, at most GOMAXPROCS at a time, and on success appends them
// to m in source order. It reports false, leaving m as it was, when any
// piece has an error.
func parsePieces(m *Module, cuts []int) bool {
	file := m.srcs[0]
	starts := append([]int{0}, cuts...)
	pieces := make([]*Module, len(starts)) // nil where a piece failed
	next := make(chan int, len(starts))
	for i := range starts {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(starts)) {
		wg.Go(func() {
			// One parser per worker: its slabs and scratch stacks carry
			// on from piece to piece, instead of each piece leaving a
			// partly used chunk of every slab.
			var p parser
			for i := range next {
				end := len(file.text)
				if i+1 < len(starts) {
					end = starts[i+1]
				}
				// The piece sees the file only up to its end, so its
				// parser meets EOF there; positions stay the file's.
				text := &source{name: file.name, base: file.base, text: file.text[:end]}
				piece := &Module{Filename: m.Filename, srcs: m.srcs}
				piece.presize(file.text[starts[i]:end])
				p.errors, p.depth, p.bracketed = nil, 0, 0
				p.initAt(piece, text, file.base+Pos(starts[i]))
				p.home = m
				p.run(p.parseModule)
				if len(p.errors) == 0 {
					pieces[i] = piece
				}
			}
		})
	}
	wg.Wait()
	if slices.Contains(pieces, nil) {
		return false
	}
	m.reserve(pieces)
	for _, piece := range pieces {
		m.join(piece)
	}
	return true
}

// presize gives m's longest lists room for what text holds, counted by
// the lines that begin them, so that they do not grow by copying. A list
// that stays empty is nil again after the parse (see Parse).
func (m *Module) presize(text string) {
	if n := strings.Count(text, "\n!"); n > 0 {
		m.Metadata = make([]*MDNode, 0, n+1)
	}
	if n := strings.Count(text, "\ndefine "); n > 0 {
		m.Funcs = make([]*Func, 0, n+1)
	}
}

// reserve gives m's lists room for the entities of every piece, so that
// joining them copies each list once instead of growing it piece by piece.
func (m *Module) reserve(pieces []*Module) {
	var funcs, globals, metadata int
	for _, p := range pieces {
		funcs += len(p.Funcs)
		globals += len(p.Globals)
		metadata += len(p.Metadata)
	}
	m.Funcs = slices.Grow(m.Funcs, funcs)
	m.Globals = slices.Grow(m.Globals, globals)
	m.Metadata = slices.Grow(m.Metadata, metadata)
}

// join appends the entities of piece, parsed from a later part of the same
// file, to m: what one parser would have built had it read both parts.
func (m *Module) join(piece *Module) {
	for _, h := range []struct{ dst, src **HeaderField }{
		{&m.SourceFilename, &piece.SourceFilename},
		{&m.DataLayout, &piece.DataLayout},
		{&m.Triple, &piece.Triple},
	} {
		if *h.src != nil { // a later header line overrides, as in one parse
			*h.dst = *h.src
		}
	}
	m.ModuleAsm = append(m.ModuleAsm, piece.ModuleAsm...)
	m.TypeDefs = append(m.TypeDefs, piece.TypeDefs...)
	m.Comdats = append(m.Comdats, piece.Comdats...)
	m.Globals = append(m.Globals, piece.Globals...)
	m.Aliases = append(m.Aliases, piece.Aliases...)
	m.Funcs = append(m.Funcs, piece.Funcs...)
	m.AttrGroups = append(m.AttrGroups, piece.AttrGroups...)
	m.NamedMetadata = append(m.NamedMetadata, piece.NamedMetadata...)
	m.Metadata = append(m.Metadata, piece.Metadata...)
	m.Directives = append(m.Directives, piece.Directives...)
	m.Syntax.TypedPointers = m.Syntax.TypedPointers || piece.Syntax.TypedPointers
	m.Syntax.OpaquePointers = m.Syntax.OpaquePointers || piece.Syntax.OpaquePointers
	m.Syntax.DebugRecords = m.Syntax.DebugRecords || piece.Syntax.DebugRecords
	if m.types == nil {
		m.types = piece.types
		return
	}
	for text, t := range piece.types {
		if _, ok := m.types[text]; !ok {
			m.types[text] = t
		}
	}
}

// pieceCount is how many pieces Parse splits a file of size bytes into.
func pieceCount(size int) int {
	procs := runtime.GOMAXPROCS(0)
	if procs < 2 {
		return 1
	}
	return min(procs*piecesPerProc, size/pieceMin)
}
