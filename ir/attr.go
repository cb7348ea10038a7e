package ir

import "strings"

// AttrKind classifies an Attr by its syntax.
type AttrKind uint8

// The kinds of attributes.
const (
	EnumAttr   AttrKind = iota // noundef, nounwind, alwaysinline
	IntAttr                    // align 8
	ParenAttr                  // dereferenceable(24), memory(argmem: read), captures(none), range(i32 0, 10)
	StringAttr                 // "target-cpu"="x86-64", "probe-stack"
	GroupRef                   // #0
)

// An Attr is one attribute as written. Unknown attributes from newer LLVM
// versions parse as EnumAttr or ParenAttr and print unchanged.
type Attr struct {
	Span
	Kind AttrKind
	Key  string // noundef, align, memory, target-cpu (unquoted), #0
	Arg  string // 8 for align 8; argmem: read for memory(argmem: read); the unquoted value of "k"="v"
	Raw  string // the attribute as written
}

// GroupID returns N for a GroupRef #N, or "" for other attributes.
func (a Attr) GroupID() string {
	if a.Kind != GroupRef {
		return ""
	}
	return a.Key[1:]
}

// AttrList is a space-separated attribute list: of a parameter, a return
// value, a function, a call site or an attribute group.
type AttrList struct {
	At    Pos // where an attribute added at the end goes
	Attrs []Attr
}

// Index returns the index of the first attribute with the given key, or -1.
// A key is the attribute's name, the unquoted key of a string attribute, or
// #N for a group reference.
func (l *AttrList) Index(key string) int {
	if l == nil {
		return -1
	}
	for i := range l.Attrs {
		if l.Attrs[i].Key == key {
			return i
		}
	}
	return -1
}

// Has reports whether the list holds an attribute with the given key.
func (l *AttrList) Has(key string) bool { return l.Index(key) >= 0 }

// Groups returns the IDs of the attribute groups the list refers to.
func (l *AttrList) Groups() []string {
	if l == nil {
		return nil
	}
	var ids []string
	for _, a := range l.Attrs {
		if a.Kind == GroupRef {
			ids = append(ids, a.GroupID())
		}
	}
	return ids
}

// AttrGroup is attributes #N = { ... }.
type AttrGroup struct {
	Span
	ID    Ident // #N
	Attrs AttrList
}

// MemoryEffect is one location: access pair of a memory(...) attribute. A
// Location of "" is the default for every location not named.
type MemoryEffect struct {
	Location string // "", argmem, inaccessiblemem, errnomem, target_mem0, ...
	Access   string // none, read, write, readwrite
}

// MemoryEffects parses the argument of a memory(...) attribute, e.g.
// "argmem: read, inaccessiblemem: readwrite". ok is false when the text does
// not have that shape.
func MemoryEffects(arg string) (effects []MemoryEffect, ok bool) {
	for part := range strings.SplitSeq(arg, ",") {
		part = strings.TrimSpace(part)
		loc, access, hasLoc := strings.Cut(part, ":")
		if !hasLoc {
			access, loc = loc, ""
		}
		loc, access = strings.TrimSpace(loc), strings.TrimSpace(access)
		switch access {
		case "none", "read", "write", "readwrite":
		default:
			return nil, false
		}
		effects = append(effects, MemoryEffect{Location: loc, Access: access})
	}
	return effects, len(effects) > 0
}
