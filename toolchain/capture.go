package toolchain

import (
	"bytes"
	"fmt"
	"slices"
)

// stderrKeep is how much of a tool's stderr Run keeps at each end.
const stderrKeep = 1 << 20

// headTail keeps the first and the last limit bytes written to it. Run
// captures stderr with it: the head holds the first error, where LLVM and
// rustc put the cause, the tail the summary; a tool that spews for ten
// minutes until its timeout cannot fill memory.
type headTail struct {
	limit   int
	head    []byte
	tail    []byte // the last bytes after head filled, up to 2*limit before a trim
	dropped int64
}

func (w *headTail) Write(p []byte) (int, error) {
	n := len(p)
	if room := w.limit - len(w.head); room > 0 {
		k := min(room, len(p))
		w.head = append(w.head, p[:k]...)
		p = p[k:]
	}
	w.tail = append(w.tail, p...)
	if len(w.tail) > 2*w.limit {
		w.trim()
	}
	return n, nil
}

// trim drops all but the last limit bytes of the tail; trimming only past
// twice the limit keeps the copying linear in what is written.
func (w *headTail) trim() {
	if cut := len(w.tail) - w.limit; cut > 0 {
		w.dropped += int64(cut)
		w.tail = append(w.tail[:0], w.tail[cut:]...)
	}
}

// Bytes returns what was written, with a line in place of what was left
// out.
func (w *headTail) Bytes() []byte {
	w.trim()
	if w.dropped == 0 {
		return slices.Concat(w.head, w.tail)
	}
	gap := fmt.Sprintf("\n[oxbpf: %d bytes of this output left out]\n", w.dropped)
	return slices.Concat(w.head, []byte(gap), w.tail)
}

// lineWriter calls fn with each complete line written to it. A line
// longer than maxLine is passed on in pieces, so a tool that never writes
// a newline cannot grow the buffer.
type lineWriter struct {
	fn  func(string)
	buf []byte
}

const maxLine = 64 << 10

func (w *lineWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			w.buf = append(w.buf, p...)
			if len(w.buf) >= maxLine {
				w.fn(string(w.buf))
				w.buf = w.buf[:0]
			}
			break
		}
		w.buf = append(w.buf, p[:i]...)
		w.fn(string(bytes.TrimSuffix(w.buf, []byte("\r"))))
		w.buf, p = w.buf[:0], p[i+1:]
	}
	return n, nil
}
