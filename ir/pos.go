package ir

import (
	"fmt"
	"sort"
)

// Pos is a byte offset into a Module's position space: the source file
// first, then every snippet that edits added. Line and column are derived
// only when asked for, from the file's line table.
type Pos int32

// NoPos is the zero Pos; no node has it as its start after parsing, since
// offsets are stored as offset+1.
const NoPos Pos = 0

// IsValid reports whether p is a position in some source.
func (p Pos) IsValid() bool { return p != NoPos }

// Position is a human-readable source location.
type Position struct {
	Filename string
	Line     int // 1-based
	Column   int // 1-based, in bytes
}

func (p Position) String() string {
	s := p.Filename
	if s == "" {
		s = "<input>"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d:%d", p.Line, p.Column)
	}
	return s
}

// source is one text in the position space: the parsed file or a snippet.
type source struct {
	name  string
	base  Pos // position of the first byte
	text  string
	lines []int32 // offsets of line starts, computed on first use
}

func (s *source) contains(p Pos) bool {
	return p >= s.base && int(p-s.base) <= len(s.text)
}

func (s *source) position(p Pos) Position {
	if s.lines == nil {
		s.lines = append(s.lines, 0)
		for i := 0; i < len(s.text); i++ {
			if s.text[i] == '\n' {
				s.lines = append(s.lines, int32(i+1))
			}
		}
	}
	off := int32(p - s.base)
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return Position{Filename: s.name, Line: i + 1, Column: int(off-s.lines[i]) + 1}
}
