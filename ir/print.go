package ir

import (
	"bufio"
	"bytes"
	"io"
	"sort"
)

// Fprint writes the module's text to w: the parsed source with every edit
// applied. Without edits that is the source, byte for byte.
func Fprint(w io.Writer, m *Module) error {
	if len(m.edits) == 0 {
		_, err := io.WriteString(w, m.srcs[0].text)
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	m.sortEdits()
	root := m.srcs[0]
	m.writeRange(bw, root.base, root.base+Pos(len(root.text)))
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
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	m.sortEdits()
	s := n.Range()
	m.writeRange(bw, s.Start, s.End)
	bw.Flush()
	return b.String()
}

// sortEdits orders edits by start; at one start, insertions come before a
// replacement, and each group keeps the order the edits were made in.
func (m *Module) sortEdits() {
	if m.editsSorted {
		return
	}
	m.editsSorted = true
	sort.SliceStable(m.edits, func(i, j int) bool {
		a, b := &m.edits[i], &m.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.isInsert() && !b.isInsert()
	})
}

// writeRange writes [start, end) of the position space with the edits that
// lie inside it. An edit that starts inside a range an earlier edit
// replaced is superseded by it and skipped.
func (m *Module) writeRange(w *bufio.Writer, start, end Pos) {
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
		w.WriteString(src.text[cursor-src.base : e.start-src.base])
		if e.snippet.End > e.snippet.Start {
			m.writeRange(w, e.snippet.Start, e.snippet.End)
		} else {
			w.WriteString(e.text)
		}
		cursor = e.end
	}
	w.WriteString(src.text[cursor-src.base : end-src.base])
}

// sourceOf returns the source that contains p.
func (m *Module) sourceOf(p Pos) *source {
	i := sort.Search(len(m.srcs), func(i int) bool { return m.srcs[i].base > p }) - 1
	if i < 0 {
		i = 0
	}
	return m.srcs[i]
}
