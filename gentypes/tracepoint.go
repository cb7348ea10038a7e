package gentypes

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// A Tracepoint is the record a tracepoint hands its programs, as its
// format file in tracefs describes it.
type Tracepoint struct {
	Category, Name string
	Fields         []TracepointField
}

// A TracepointField is one field of the record.
type TracepointField struct {
	Decl   string // the C declaration: "const char * filename"
	Name   string
	Offset int
	Size   int
	Signed bool
}

// TracefsDirs are where tracefs is looked for, in order.
var TracefsDirs = []string{"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}

// ReadTracepoint reads category/name's format file from tracefs: from dir
// if given, else the first of TracefsDirs that holds events.
func ReadTracepoint(dir, tracepoint string) (*Tracepoint, error) {
	category, name, ok := strings.Cut(tracepoint, "/")
	if !ok || category == "" || name == "" || strings.Contains(name, "/") {
		return nil, fmt.Errorf("tracepoint %q: want category/name, e.g. syscalls/sys_enter_openat", tracepoint)
	}
	dirs := TracefsDirs
	if dir != "" {
		dirs = []string{dir}
	}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "events")); err != nil {
			continue
		}
		f, err := os.Open(filepath.Join(d, "events", category, name, "format"))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("tracepoint %s: no such tracepoint in %s", tracepoint, filepath.Join(d, "events"))
		}
		if err != nil {
			return nil, err
		}
		defer f.Close()
		tp, err := ParseFormat(f)
		if err != nil {
			return nil, fmt.Errorf("tracepoint %s: %w", tracepoint, err)
		}
		tp.Category = category
		return tp, nil
	}
	return nil, fmt.Errorf("tracepoint %s: tracefs is not mounted (looked in %s): mount -t tracefs nodev /sys/kernel/tracing, or give --tracefs", tracepoint, strings.Join(dirs, ", "))
}

// fieldLine matches a field of a format file:
//
//	field:const char * filename;	offset:24;	size:8;	signed:0;
var fieldLine = regexp.MustCompile(`^\s*field:(.+);\s*offset:(\d+);\s*size:(\d+);\s*signed:(\d+);`)

// ParseFormat reads a tracepoint's format file.
func ParseFormat(r io.Reader) (*Tracepoint, error) {
	tp := &Tracepoint{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "name: "); ok {
			tp.Name = strings.TrimSpace(n)
			continue
		}
		m := fieldLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		off, _ := strconv.Atoi(m[2])
		size, _ := strconv.Atoi(m[3])
		decl := strings.TrimSpace(m[1])
		tp.Fields = append(tp.Fields, TracepointField{Decl: decl, Name: declName(decl), Offset: off, Size: size, Signed: m[4] == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if tp.Name == "" || len(tp.Fields) == 0 {
		return nil, errors.New("not a tracepoint format file: no name or no fields")
	}
	return tp, nil
}

// declName is the name a C declaration declares: filename in
// "const char * filename", comm in "char comm[16]".
func declName(decl string) string {
	decl, _, _ = strings.Cut(decl, "[")
	decl = strings.TrimSpace(decl)
	i := strings.LastIndexAny(decl, " *")
	return decl[i+1:]
}

// write writes the record as a #[repr(C)] struct named after the
// tracepoint, each field at its offset.
func (tp *Tracepoint) write(b *bytes.Buffer) {
	fmt.Fprintf(b, "/// The record of tracepoint %s/%s, from its tracefs format file: read it\n/// with `TracePointContext::args::<%s>()`.\n", tp.Category, tp.Name, rustIdent(tp.Name))
	fmt.Fprintf(b, "#[repr(C, packed)]\n#[derive(Clone, Copy)]\npub struct %s {\n", rustIdent(tp.Name))
	cursor, pads := 0, 0
	for _, f := range tp.Fields {
		if f.Offset > cursor {
			pads++
			fmt.Fprintf(b, "    pub _pad_%d: [u8; %d],\n", pads, f.Offset-cursor)
		}
		fmt.Fprintf(b, "    /// `%s`\n    pub %s: %s,\n", f.Decl, rustIdent(f.Name), f.rustType())
		cursor = f.Offset + f.Size
	}
	b.WriteString("}\n")
}

// rustType is the field's Rust type, from its declaration, size and sign.
func (f TracepointField) rustType() string {
	scalar := func(size int, signed bool) string {
		switch size {
		case 1, 2, 4, 8:
			if signed {
				return fmt.Sprintf("i%d", 8*size)
			}
			return fmt.Sprintf("u%d", 8*size)
		}
		return fmt.Sprintf("[u8; %d]", size)
	}
	switch {
	case strings.HasPrefix(f.Decl, "__data_loc"):
		return "u32" // offset (low 16 bits) and length (high) of data after the record
	case strings.Contains(f.Decl, "["):
		n, err := strconv.Atoi(strings.TrimSuffix(strings.SplitN(f.Decl, "[", 2)[1], "]"))
		if err != nil || n <= 0 || f.Size%n != 0 {
			return fmt.Sprintf("[u8; %d]", f.Size)
		}
		return fmt.Sprintf("[%s; %d]", scalar(f.Size/n, f.Signed), n)
	case strings.Contains(f.Decl, "*") && f.Size == 8:
		if strings.Contains(f.Decl, "char") {
			return "*const u8"
		}
		return "*const c_void"
	}
	return scalar(f.Size, f.Signed)
}
