package ir

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// An Error is one problem in the input, with its position.
type Error struct {
	Pos Position
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is a list of *Errors, sorted by position by Sort. The zero value
// is an empty list ready to use.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Position, msg string) { *l = append(*l, &Error{pos, msg}) }

func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// Sort sorts the list by position.
func (l ErrorList) Sort() { sort.Sort(l) }

// RemoveMultiples sorts the list and keeps only the first error per line:
// later ones on the same line are usually consequences of the first.
func (l *ErrorList) RemoveMultiples() {
	sort.Sort(l)
	var last Position
	i := 0
	for _, e := range *l {
		if e.Pos.Filename != last.Filename || e.Pos.Line != last.Line {
			last = e.Pos
			(*l)[i] = e
			i++
		}
	}
	*l = (*l)[:i]
}

// Error describes the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns an error equivalent to the list, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap lets errors.Is and errors.As look at each error.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// ErrNotText is wrapped by the error for input that is not textual IR at
// all (bitcode, an object file), so callers can tell it from a syntax error.
var ErrNotText = errors.New("not textual LLVM IR")

// sniffBinary returns a one-line explanation when src is plainly not text IR.
func sniffBinary(src string) string {
	switch {
	case strings.HasPrefix(src, "BC\xc0\xde"), strings.HasPrefix(src, "\xde\xc0\x17\x0b"):
		return "this is LLVM bitcode, not text; emit text IR with rustc --emit=llvm-ir (or convert it with llvm-dis)"
	case strings.HasPrefix(src, "\x7fELF"):
		return "this is an ELF object file, not LLVM IR; give the .ll that rustc --emit=llvm-ir wrote"
	case strings.IndexByte(src[:min(len(src), 4096)], 0) >= 0:
		return "this is binary data (it holds NUL bytes), not LLVM IR text"
	}
	return ""
}
