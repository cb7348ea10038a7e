// Command gen writes the helper table of package helpers and the Rust
// support crate's raw helper bindings from libbpf's bpf_helper_defs.h.
//
// The header is pinned: Debian bookworm's libbpf-dev 1:1.1.2-0+deb12u1
// (scripts/gen-helpers.sh installs it), checked by its SHA-256, so that
// the generated files change only when the pin does.
//
//	go run ./gen -header /usr/include/bpf/bpf_helper_defs.h -go table.go -rust ../../scaffold/crate/src/helpers/raw.rs
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// The pinned source.
const (
	source       = "bpf_helper_defs.h of Debian's libbpf-dev 1:1.1.2-0+deb12u1 (libbpf 1.1.2)"
	sourceSHA256 = "3e4aab7a422319392972c75caaa6b5438bbc478466c7273ea17055221bab90a0"
)

func main() {
	header := flag.String("header", "/usr/include/bpf/bpf_helper_defs.h", "libbpf's `bpf_helper_defs.h`")
	goOut := flag.String("go", "", "write the Go table to `FILE`")
	rustOut := flag.String("rust", "", "write the Rust bindings to `FILE`")
	flag.Parse()
	if err := run(*header, *goOut, *rustOut); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(header, goOut, rustOut string) error {
	data, err := os.ReadFile(header)
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != sourceSHA256 {
		return fmt.Errorf("%s is not the pinned %s (SHA-256 %s): install that package (scripts/gen-helpers.sh) or change the pin", header, source, hex.EncodeToString(sum[:]))
	}
	helpers, err := parse(string(data))
	if err != nil {
		return err
	}
	if goOut != "" {
		src, err := format.Source(goTable(helpers))
		if err != nil {
			return err
		}
		if err := os.WriteFile(goOut, src, 0o644); err != nil {
			return err
		}
	}
	if rustOut != "" {
		if err := os.WriteFile(rustOut, rustBindings(helpers), 0o644); err != nil {
			return err
		}
		// The crate's rustfmt.toml applies; cargo fmt --check must pass.
		if out, err := exec.Command("rustfmt", "--edition", "2021", rustOut).CombinedOutput(); err != nil {
			return fmt.Errorf("rustfmt %s: %v\n%s", rustOut, err, out)
		}
	}
	return nil
}

// A helper as the header declares it.
type helper struct {
	id      int
	name    string
	ret     string // C return type
	params  []param
	varargs bool
	proto   string // the C declaration, "void *bpf_map_lookup_elem(void *map, const void *key)"
	doc     []string
	returns []string
}

type param struct{ typ, name string }

// decl matches a helper's declaration:
//
//	static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
var decl = regexp.MustCompile(`^static (.+?)\(\*(bpf_\w+)\)\((.*)\) = \(void \*\) (\d+);$`)

// parse reads every helper with the comment before it, and checks that
// the numbers run from 1 without gaps.
func parse(src string) ([]helper, error) {
	var helpers []helper
	var comment []string
	for line := range strings.Lines(src) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "/*":
			comment = []string{}
		case comment != nil && line == " */":
		case comment != nil && strings.HasPrefix(line, " *"):
			comment = append(comment, strings.TrimPrefix(strings.TrimPrefix(line, " *"), " "))
		case strings.HasPrefix(line, "static "):
			m := decl.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("cannot read %q", line)
			}
			id, _ := strconv.Atoi(m[4])
			h := helper{id: id, name: m[2], ret: strings.TrimSpace(m[1])}
			if err := h.readParams(m[3]); err != nil {
				return nil, fmt.Errorf("%s: %w", h.name, err)
			}
			h.proto = cDecl(h.ret, h.name) + "(" + m[3] + ")"
			h.doc, h.returns = splitComment(comment, h.name)
			if id != len(helpers)+1 {
				return nil, fmt.Errorf("%s is helper %d, after helper %d", h.name, id, len(helpers))
			}
			helpers = append(helpers, h)
			comment = nil
		}
	}
	if len(helpers) == 0 {
		return nil, fmt.Errorf("no helper declarations")
	}
	return helpers, nil
}

// cDecl joins a C type and a name: "void *" and "f" make "void *f".
func cDecl(typ, name string) string {
	if strings.HasSuffix(typ, "*") {
		return typ + name
	}
	return typ + " " + name
}

func (h *helper) readParams(list string) error {
	if list == "void" {
		return nil
	}
	for p := range strings.SplitSeq(list, ",") {
		p = strings.TrimSpace(p)
		if p == "..." {
			h.varargs = true
			continue
		}
		i := strings.LastIndexAny(p, " *")
		if i < 0 {
			return fmt.Errorf("parameter %q has no name", p)
		}
		h.params = append(h.params, param{typ: strings.TrimSpace(p[:i+1]), name: p[i+1:]})
	}
	return nil
}

// splitComment cuts a helper's comment (its name, the description, then
// "Returns" and what it returns) into description and returns.
func splitComment(lines []string, name string) (doc, returns []string) {
	if len(lines) > 0 && lines[0] == name {
		lines = lines[1:]
	}
	for i, l := range lines {
		if l == "Returns" {
			return trimBlank(lines[:i]), trimBlank(lines[i+1:])
		}
	}
	return trimBlank(lines), nil
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func goTable(helpers []helper) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/helpers/gen from %s. DO NOT EDIT.\n\npackage helpers\n\n", source)
	fmt.Fprintf(&b, "// table holds helper i+1 at index i.\nvar table = [...]Helper{\n")
	for _, h := range helpers {
		fmt.Fprintf(&b, "\t{%d, %q, %q},\n", h.id, h.name, h.proto)
	}
	b.WriteString("}\n")
	return b.Bytes()
}
