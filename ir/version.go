package ir

import "strings"

// The LLVM majors whose syntax the parser reads, and that the rest of
// oxbpf writes for and runs.
const (
	// OldestLLVM reads typed pointers only (rustc 1.64 and older).
	OldestLLVM = 14
	// OldestOpaquePointerLLVM is the oldest LLVM for opaque-pointer IR
	// (ptr). opt-14 accepts -opaque-pointers but crashed on 21 of 49
	// modules from rustc 1.95 here.
	OldestOpaquePointerLLVM = 15
	// NewestLLVM is the newest LLVM whose syntax the parser and the
	// rewrite's tables know.
	NewestLLVM = 22
)

// Syntax records which pointer dialect and debug-info form a module uses,
// as the parser saw them. Finer version markers (memory(...), captures,
// instruction flags) are the business of the passes that rewrite them.
type Syntax struct {
	TypedPointers  bool // i8*, %T* (LLVM ≤ 16)
	OpaquePointers bool // ptr (LLVM ≥ 15 by default)
	DebugRecords   bool // #dbg_value(...) (LLVM ≥ 19)
}

// Producer names the compiler that wrote a module, from its llvm.ident
// metadata or its compile unit's producer field, e.g. "rustc version
// 1.95.0 (59807616e 2026-04-14)". It returns "" when the module does not say.
func (m *Module) Producer() string {
	for _, nm := range m.NamedMetadata {
		if nm.Name.Raw != "!llvm.ident" {
			continue
		}
		for _, ref := range nm.Nodes {
			if n := m.MDNode(ref.Raw); n != nil && len(n.Fields()) > 0 && n.Fields()[0].Value.Kind == MDStringValue {
				return Str{Raw: n.Fields()[0].Value.Raw[1:]}.Value()
			}
		}
	}
	for _, n := range m.Metadata {
		if n.Kind == "DICompileUnit" {
			if v, ok := n.Field("producer"); ok && v.Kind == StringConst {
				return Str{Raw: v.Raw}.Value()
			}
		}
	}
	return ""
}

// RustcVersion returns the rustc release that wrote the module, e.g.
// "1.95.0" or "1.97.0-nightly", or "" when the producer is not rustc.
func (m *Module) RustcVersion() string {
	_, rest, ok := strings.Cut(m.Producer(), "rustc version ")
	if !ok {
		return ""
	}
	version, _, _ := strings.Cut(rest, " ")
	return strings.TrimSuffix(version, ")")
}

// MDNode returns the numbered metadata node with the given ID as written
// (!12), or nil.
func (m *Module) MDNode(id string) *MDNode {
	if m.mdIndex == nil {
		m.mdIndex = make(map[string]*MDNode, len(m.Metadata))
		for _, n := range m.Metadata {
			m.mdIndex[n.ID.Raw] = n
		}
	}
	return m.mdIndex[id]
}
