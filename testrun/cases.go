package testrun

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// A Case is one test of a program: its input, the maps before, and what
// must hold after.
type Case struct {
	// Where it is written, for messages: file and position in it.
	File  string `json:"file"`
	Index int    `json:"index"`
	Name  string `json:"name"`
	// Object names the object (a bin's name) that holds Program; empty
	// means whichever of the objects does.
	Object  string `json:"object,omitempty"`
	Program string `json:"program"`
	// Data is the packet (or other data) the program runs on; Context
	// the context bytes (ctx_in), for program types that take one.
	Data    []byte `json:"-"`
	Context []byte `json:"-"`
	Before  []MapEntry
	Expect  Expect
}

// A MapEntry is a key and value of a map, in the terms of the map's BTF
// types: numbers, strings, arrays and tables of a struct's fields.
type MapEntry struct {
	Map   string
	Key   any
	Value any
	// Absent, in an expectation, means the key must not be in the map.
	Absent bool
}

// Expect is what must hold after the run; what is not given is not checked.
type Expect struct {
	// Return is the program's return value, a number or a verdict's name
	// (XDP_PASS, TC_ACT_SHOT, ...).
	Return any
	// Packet is the data after the run.
	Packet []byte
	Maps   []MapEntry
}

// caseFile is the TOML form of a file of cases.
type caseFile struct {
	Case []struct {
		Name    string
		Object  string
		Program string
		Packet  any // hex, or a table of layers
		Context string
		Before  []mapEntryTOML
		Expect  struct {
			Return any
			Packet any
			Maps   []mapEntryTOML
		}
	}
}

type mapEntryTOML struct {
	Map    string
	Key    any
	Value  any
	Absent bool
}

// ReadCases reads every case in path: a TOML file, or a directory whose
// *.toml files hold them.
func ReadCases(path string) ([]*Case, error) {
	files, err := CaseFiles(path)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no test cases (*.toml)", path)
	}
	var cases []*Case
	for _, f := range files {
		cs, err := readFile(f)
		if err != nil {
			return nil, err
		}
		cases = append(cases, cs...)
	}
	return cases, nil
}

// CaseFiles are the files ReadCases reads for path: path itself, or the
// *.toml files of the directory path, in name order.
func CaseFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	files, err := filepath.Glob(filepath.Join(path, "*.toml"))
	slices.Sort(files)
	return files, err
}

func readFile(path string) ([]*Case, error) {
	var raw caseFile
	md, err := toml.DecodeFile(path, &raw)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, k := range md.Undecoded() {
		if !insideValue(k) {
			return nil, fmt.Errorf("%s: unknown key %s (a case has name, object, program, packet, context, before, expect)", path, k)
		}
	}
	if len(raw.Case) == 0 {
		return nil, fmt.Errorf("%s: no [[case]]", path)
	}
	var cases []*Case
	names := map[string]bool{}
	for i, rc := range raw.Case {
		c := &Case{File: path, Index: i + 1, Name: rc.Name, Object: rc.Object, Program: rc.Program}
		where := func(format string, args ...any) error {
			return fmt.Errorf("%s: case %d (%s): %s", path, i+1, cmp.Or(rc.Name, "unnamed"), fmt.Sprintf(format, args...))
		}
		switch {
		case rc.Name == "":
			return nil, where("no name")
		case names[rc.Name]:
			return nil, where("another case has this name")
		case rc.Program == "":
			return nil, where("no program: name the program (the function) to run")
		}
		names[rc.Name] = true
		if c.Data, err = packetBytes(rc.Packet); err != nil {
			return nil, where("packet: %v", err)
		}
		if rc.Context != "" {
			if c.Context, err = hexBytes(rc.Context); err != nil {
				return nil, where("context: %v", err)
			}
		}
		if rc.Expect.Packet != nil {
			if c.Expect.Packet, err = packetBytes(rc.Expect.Packet); err != nil {
				return nil, where("expect.packet: %v", err)
			}
		}
		c.Expect.Return = rc.Expect.Return
		for _, list := range []struct {
			from []mapEntryTOML
			to   *[]MapEntry
			what string
		}{{rc.Before, &c.Before, "before"}, {rc.Expect.Maps, &c.Expect.Maps, "expect.maps"}} {
			for j, e := range list.from {
				if e.Map == "" || e.Key == nil || e.Value == nil && !e.Absent {
					return nil, where("%s %d: want map, key and value (or absent = true)", list.what, j+1)
				}
				*list.to = append(*list.to, MapEntry(e))
			}
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// insideValue reports whether a key lies inside a value decoded as it
// is (a packet's layers, a key's or value's fields), which the decoder
// counts as undecoded but packetBytes and encode check.
func insideValue(k toml.Key) bool {
	for i, part := range k {
		switch {
		case i >= 1 && part == "packet",
			i >= 2 && (part == "key" || part == "value" || part == "return"):
			return i < len(k)-1
		}
	}
	return false
}

// hexBytes reads hex, with spaces, colons and a 0x prefix allowed.
func hexBytes(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	s = strings.NewReplacer(" ", "", "\n", "", "\t", "", ":", "").Replace(s)
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("not hex: %w", err)
	}
	return b, nil
}
