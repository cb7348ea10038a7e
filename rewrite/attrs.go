package rewrite

import (
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// hasAttr reports whether an attribute list carries key, written inline
// or in one of the groups it refers to.
func hasAttr(m *ir.Module, list *ir.AttrList, key string) bool {
	if list.Has(key) {
		return true
	}
	for _, id := range list.Groups() {
		if g := m.AttrGroup(id); g != nil && g.Attrs.Has(key) {
			return true
		}
	}
	return false
}

// attrChange is an edit of a function or call-site attribute set: drop
// every attribute whose key is in drop (space-separated), then add add
// unless it is already there. It is comparable, so that users of a group
// wanting the same change can share one new group.
type attrChange struct {
	drop string
	add  string
}

func (c attrChange) drops(key string) bool {
	for k := range strings.FieldsSeq(c.drop) {
		if k == key {
			return true
		}
	}
	return false
}

// changes reports whether c would change list.
func (c attrChange) changes(list *ir.AttrList) bool {
	for _, a := range list.Attrs {
		if c.drops(a.Key) {
			return true
		}
	}
	return c.add != "" && !list.Has(c.add)
}

// apply edits list in place.
func (c attrChange) apply(m *ir.Module, list *ir.AttrList) error {
	for k := range strings.FieldsSeq(c.drop) {
		m.RemoveAttrKey(list, k)
	}
	if c.add != "" && !list.Has(c.add) {
		return m.AddAttrs(list, c.add)
	}
	return nil
}

// text returns the attributes of list after c, as a group body.
func (c attrChange) text(list *ir.AttrList) string {
	var words []string
	for _, a := range list.Attrs {
		if !c.drops(a.Key) {
			words = append(words, a.Raw)
		}
	}
	if c.add != "" && !list.Has(c.add) {
		words = append(words, c.add)
	}
	return strings.Join(words, " ")
}
