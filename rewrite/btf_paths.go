package rewrite

// The btf pass's rules that keep the machine out of the object: the same
// crate built in two checkouts, by two users, gives the same bytes.

import (
	"path"
	"regexp"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// cguHash matches the hash rustc puts in a codegen unit's name
// ("tc_mark.3d35623b1c1ebb7d-cgu.0", without leading zeros): cargo
// derives it from the package's path, so two checkouts would build objects
// that differ in it alone.
var cguHash = regexp.MustCompile(`\.[0-9a-f]{1,16}-cgu\.`)

// unhashUnits drops that hash from the module's source_filename, which
// llc writes as the object's FILE symbol, and from the file names of the
// compile units, which reach the object's debug strings, and drops the
// linkage names of functions and globals, which carry hashes of their own.
func (s *btfSanitizer) unhashUnits() error {
	if sf := s.m.SourceFilename; sf != nil && cguHash.MatchString(sf.Value.Value()) {
		s.m.SetHeader("source_filename", cguHash.ReplaceAllString(sf.Value.Value(), "-cgu."))
		s.c.Count("unit-hash", 1)
	}
	for _, n := range s.m.Metadata {
		if n.Kind == "DISubprogram" || n.Kind == "DIGlobalVariable" {
			// Legacy Rust symbols end in a hash of the crate's metadata,
			// which cargo derives from its path; BTF has no use for them,
			// and the DWARF llc also writes names functions without them.
			for i, f := range n.Fields() {
				if f.Name == "linkageName" {
					s.m.RemoveField(n, i)
					s.c.Count("linkage-name", 1)
					break
				}
			}
			continue
		}
		if n.Kind != "DIFile" || !strings.Contains(n.FieldsText(), "-cgu.") {
			continue
		}
		v, ok := n.Field("filename")
		if !ok || !cguHash.MatchString(v.Raw) {
			continue
		}
		if err := s.m.SetField(n, "filename", cguHash.ReplaceAllString(v.Raw, "-cgu.")); err != nil {
			return err
		}
		s.c.Count("unit-hash", 1)
	}
	return nil
}

// rustSrc is where a rustup toolchain keeps the standard library's
// sources (the rust-src component), below the sysroot.
const rustSrc = "/lib/rustlib/src/rust/"

// virtualRustSources names the standard library's source files as rustc
// does when rust-src is not installed: library/... in /rustc/<commit>.
// With rust-src installed (rust-analyzer needs it), rustc writes the
// sysroot's real path instead (~/.rustup/toolchains/<name>/lib/rustlib/
// src/rust/library/core/src/option.rs), which --remap-path-prefix does
// not reach: it names the user's home and toolchain, so two machines
// would build different objects.
func (s *btfSanitizer) virtualRustSources() error {
	dir := ir.Quote(path.Join("/rustc", rustcCommit(s.m, s.c.Options.RustcCommit)))
	for _, n := range s.m.Metadata {
		if n.Kind != "DIFile" || !strings.Contains(n.FieldsText(), "rustlib") {
			continue
		}
		name, ok := n.Field("filename")
		if !ok || name.Kind != ir.StringConst {
			continue
		}
		file := slashes(ir.Str{Raw: name.Raw}.Value())
		if d, ok := n.Field("directory"); ok && d.Kind == ir.StringConst && !isAbs(file) {
			file = strings.TrimSuffix(slashes(ir.Str{Raw: d.Raw}.Value()), "/") + "/" + file
		}
		_, rel, found := strings.Cut(file, rustSrc)
		if !found {
			continue
		}
		if err := s.m.SetField(n, "filename", ir.Quote(rel)); err != nil {
			return err
		}
		if err := s.m.SetField(n, "directory", dir); err != nil {
			return err
		}
		s.c.Count("rust-src", 1)
	}
	return nil
}

// rustcCommit is the commit of the rustc that wrote m: known, if the
// module's producer ("rustc version 1.95.0 (59807616e 2026-04-14)") names
// no other; else the whole commit of a /rustc/<commit> directory the
// module has that starts with the producer's short hash, or that hash.
func rustcCommit(m *ir.Module, known string) string {
	_, rest, _ := strings.Cut(m.Producer(), "rustc version ")
	_, rest, _ = strings.Cut(rest, "(")
	short, _, _ := strings.Cut(rest, " ")
	if strings.HasPrefix(known, short) {
		return known
	}
	for _, n := range m.Metadata {
		if n.Kind != "DIFile" {
			continue
		}
		if d, ok := n.Field("directory"); ok && d.Kind == ir.StringConst {
			if commit, ok := strings.CutPrefix(ir.Str{Raw: d.Raw}.Value(), "/rustc/"); ok && strings.HasPrefix(commit, short) {
				return commit
			}
		}
	}
	return short
}

// slashes gives a path from debug info forward slashes, whichever host
// rustc ran on.
func slashes(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// isAbs reports whether a path from debug info is absolute on any host:
// /..., C:/... or //server/....
func isAbs(p string) bool {
	return strings.HasPrefix(p, "/") || len(p) > 2 && p[1] == ':' && p[2] == '/'
}
