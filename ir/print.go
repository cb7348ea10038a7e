package ir

import (
	"bufio"
	"bytes"
	"io"
	"sort"
	"strings"
)

// Fprint writes the module's text to w: the parsed source with every edit
// applied. Without edits that is the source, byte for byte.
func Fprint(w io.Writer, m *Module) error {
	if len(m.edits) == 0 {
		_, err := io.WriteString(w, m.srcs[0].text)
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	p := printer{w: bw}
	m.sortEdits()
	root := m.srcs[0]
	m.writeRange(&p, root.base, root.base+Pos(len(root.text)))
	return bw.Flush()
}

// Bytes returns the module's text with every edit applied.
func (m *Module) Bytes() []byte {
	var b bytes.Buffer
	Fprint(&b, m) // writes to a bytes.Buffer do not fail
	return b.Bytes()
}

// TextOf returns the current text of a node: its source with the edits
// inside it applied.
func (m *Module) TextOf(n Node) string {
	var b strings.Builder
	p := printer{w: &b}
	m.sortEdits()
	s := n.Range()
	m.writeRange(&p, s.Start, s.End)
	return b.String()
}

// sortEdits orders edits by start; at one start, insertions come before a
// replacement, and each group keeps the order the edits were made in.
// Passes mostly edit in text order, and TextOf sorts between their edits,
// so the edits made since the last sort are checked first and sorted only
// when out of order: re-sorting all of them each time made a module of
// 20k splats quadratic.
func (m *Module) sortEdits() {
	for i := max(m.sortedEdits, 1); i < len(m.edits); i++ {
		if editBefore(&m.edits[i], &m.edits[i-1]) {
			sort.SliceStable(m.edits, func(i, j int) bool { return editBefore(&m.edits[i], &m.edits[j]) })
			break
		}
	}
	m.sortedEdits = len(m.edits)
}

// editBefore is the print order of edits.
func editBefore(a, b *edit) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	return a.isInsert() && !b.isInsert()
}

// textWriter is what a printer writes to: a bufio.Writer for a whole
// module, a strings.Builder for TextOf, which runs once per edit in some
// passes and must not allocate a buffer each time.
type textWriter interface {
	WriteByte(byte) error
	WriteString(string) (int, error)
}

// A printer writes text with edits applied. Where a deletion brings two
// tokens together that would read as one ("declare" and "i1" once the
// attributes between them are gone), it writes a space between them. It
// judges by the bytes it writes, so deletions side by side, each of which
// left a space or a bracket on its own, cannot join tokens either.
type printer struct {
	w       textWriter
	last    byte // the last byte written
	deleted bool // text was deleted since the last write
}

func (p *printer) write(s string) {
	if s == "" {
		return
	}
	if p.deleted && (isNameChar(p.last) && startsToken(s[0]) || p.last == '"' && s[0] == '"') {
		p.w.WriteByte(' ')
	}
	p.w.WriteString(s)
	p.last, p.deleted = s[len(s)-1], false
}

// startsToken reports whether c could begin a word or name that would join
// one before it.
func startsToken(c byte) bool {
	return isNameChar(c) || c == '%' || c == '@' || c == '!' || c == '#' || c == '"' || c == '$'
}

// writeRange writes [start, end) of the position space with the edits that
// lie inside it. An edit that starts inside a range an earlier edit
// replaced is superseded by it and skipped.
func (m *Module) writeRange(p *printer, start, end Pos) {
	src := m.sourceOf(start)
	i := sort.Search(len(m.edits), func(i int) bool { return m.edits[i].start >= start })
	cursor := start
	for ; i < len(m.edits); i++ {
		e := &m.edits[i]
		if e.start > end || e.start == end && !e.isInsert() {
			break
		}
		if e.start < cursor || e.end > end {
			continue
		}
		p.write(src.text[cursor-src.base : e.start-src.base])
		// New text may start a word where the text before ends one
		// ("call i8@f" with @f replaced by inttoptr (...)), and end one
		// where the text after starts one: both seams get the check a
		// deletion's does.
		switch {
		case e.snippet.End > e.snippet.Start:
			p.deleted = true
			m.writeRange(p, e.snippet.Start, e.snippet.End)
			p.deleted = true
		case e.text != "":
			p.deleted = true
			p.write(e.text)
			p.deleted = true
		case e.end > e.start:
			p.deleted = true
		}
		cursor = e.end
	}
	p.write(src.text[cursor-src.base : end-src.base])
}

// sourceOf returns the source that contains p.
func (m *Module) sourceOf(p Pos) *source {
	i := sort.Search(len(m.srcs), func(i int) bool { return m.srcs[i].base > p }) - 1
	if i < 0 {
		i = 0
	}
	return m.srcs[i]
}
