package ir

import (
	"fmt"
	"slices"
)

// Header words that local linkage excludes.
var (
	visibilities = map[string]bool{"default": true, "hidden": true, "protected": true}
	dllStorage   = map[string]bool{"dllimport": true, "dllexport": true}
)

// SetLinkage gives f the linkage keyword linkage ("internal", "private",
// "weak", ...; "" for external), replacing the one it has. Local linkage
// (internal, private) requires default visibility and no DLL storage
// class, so it also removes those words; dso_local stays, being implied.
func (m *Module) SetLinkage(f *Func, linkage string) error {
	if linkage != "" && !linkages[linkage] {
		return fmt.Errorf("set linkage of @%s: %q is not a linkage", f.Name.Name(), linkage)
	}
	local := linkage == "internal" || linkage == "private"
	var kept []Word
	for _, w := range f.Words {
		if linkages[w.Text] || local && (visibilities[w.Text] || dllStorage[w.Text] || w.Text == "dso_preemptable") {
			m.deleteWord(w)
			continue
		}
		kept = append(kept, w)
	}
	f.Words = kept
	if linkage == "" || linkage == "external" {
		return nil
	}
	var w Word
	src, err := m.parseSnippet(" "+linkage, func(p *parser) { w = p.word() })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(f.Keyword.End, f.Keyword.End, src)
	f.Words = slices.Insert(f.Words, 0, w)
	return nil
}

// Linkage returns the global's linkage keyword, or "" (external).
func (g *Global) Linkage() string { return linkageOf(g.Words) }

// Linkage returns the alias's linkage keyword, or "" (external).
func (a *Alias) Linkage() string { return linkageOf(a.Words) }

func linkageOf(words []Word) string {
	for _, w := range words {
		if linkages[w.Text] {
			return w.Text
		}
	}
	return ""
}

// MakeExternal gives the global g external linkage, removing the linkage
// keyword it has (internal, private, ...).
func (m *Module) MakeExternal(g *Global) {
	var kept []Word
	for _, w := range g.Words {
		if linkages[w.Text] {
			m.deleteWord(w)
			continue
		}
		kept = append(kept, w)
	}
	g.Words = kept
}
