package ir

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/oxbpf/oxbpf/internal/input"
)

// Parse parses the textual IR in src; filename is used in positions.
// It returns the module and, if there were errors, an ErrorList (sorted,
// one per line, at most ten) together with as much of the module as could
// be parsed.
func Parse(filename string, src string) (*Module, error) {
	m := newModule(filename, src)
	if err := checkText(filename, src); err != nil {
		return m, err
	}
	defer pauseGC()()
	defer m.emptyIsNil()
	if cuts := cutPoints(src, pieceCount(len(src))); len(cuts) > 0 && parsePieces(m, cuts) {
		return m, nil
	}
	return m, parseWhole(m)
}

// emptyIsNil makes the lists presize made room in nil when they stayed
// empty, as they are when nothing made room.
func (m *Module) emptyIsNil() {
	if len(m.Metadata) == 0 {
		m.Metadata = nil
	}
	if len(m.Funcs) == 0 {
		m.Funcs = nil
	}
}

func newModule(filename, src string) *Module {
	m := &Module{Filename: filename}
	m.srcs = []*source{{name: filename, base: 1, text: src}}
	return m
}

// maxSource is the largest input: positions are int32, and edits add text
// after the source in the same position space.
const maxSource = math.MaxInt32 / 2

// checkText rejects what is not worth parsing: too big, binary, empty.
func checkText(filename, src string) error {
	if len(src) > maxSource {
		return fmt.Errorf("%s: input is %d bytes; at most %d are supported", filename, len(src), maxSource)
	}
	if hint := sniffBinary(src); hint != "" {
		return fmt.Errorf("%s: %w: %s", filename, ErrNotText, hint)
	}
	if strings.HasPrefix(src, "\uFEFF") {
		return fmt.Errorf("%s:1:1: the file starts with a UTF-8 byte-order mark, which LLVM's parsers refuse; save it without one", filename)
	}
	if strings.TrimSpace(src) == "" {
		return fmt.Errorf("%s: %w: the file is empty", filename, ErrNotText)
	}
	// The lexer lets any byte through comments and strings, but a NUL
	// there is no more LLVM's than one at the start, which sniffBinary
	// calls binary data.
	if i := strings.IndexByte(src, 0); i >= 0 {
		text := source{name: filename, base: 1, text: src}
		return fmt.Errorf("%s: NUL byte: textual LLVM IR never holds one (write it as \\00 in a c\"...\" string)", text.position(Pos(i+1)))
	}
	return nil
}

// parseWhole parses the file of m with one parser, from start to end.
func parseWhole(m *Module) error {
	m.presize(m.srcs[0].text)
	var p parser
	p.init(m, m.srcs[0])
	p.run(p.parseModule)
	p.errors.RemoveMultiples()
	return p.errors.Err()
}

// run calls parse and turns a bailout (too many errors) into a normal
// return.
func (p *parser) run(parse func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
		}
	}()
	parse()
}

// ParseFile reads and parses the file at path. Standard input is the
// caller's to pass to ParseReader.
func ParseFile(path string) (*Module, error) {
	return ParseFileAs(path, path)
}

// ParseFileAs reads and parses the file at path, naming it name in
// positions: for a private copy of a file the user knows by name.
func ParseFileAs(path, name string) (*Module, error) {
	f, size, err := input.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := readSource(path, f, size)
	if err != nil {
		return nil, err
	}
	return Parse(name, src)
}

// ParseReader reads r to its end and parses what it held, naming it name
// in positions.
func ParseReader(name string, r io.Reader) (*Module, error) {
	src, err := readSource(name, r, 0)
	if err != nil {
		return nil, err
	}
	return Parse(name, src)
}

// readSource reads r into a string without the extra copy that
// os.ReadFile followed by a conversion would make, and stops past
// maxSource instead of reading an endless stream to its end.
func readSource(name string, r io.Reader, size int64) (string, error) {
	var b strings.Builder
	if err := input.Read(&b, r, size, maxSource); err != nil {
		if errors.Is(err, input.ErrTooLarge) {
			return "", fmt.Errorf("%s: input is more than %d bytes, the most supported", name, maxSource)
		}
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	return b.String(), nil
}
