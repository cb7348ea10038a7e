package rewrite

import (
	"github.com/oxbpf/oxbpf/ir"
)

// groupPlan changes function and call-site attributes that live in shared
// attribute groups. rustc shares one group between definitions,
// declarations (intrinsics among them) and call sites that happen to
// have the same attributes, so a change meant for some users must not
// reach the others. Users record the change they want; apply edits a
// group in place only when every user wants the same change, and
// otherwise gives the users that want a change a new group of their own.
// LLVM rejects an empty group ("attribute group has no attributes"), so a
// group that a change empties is dropped along with the references to it.
type groupPlan struct {
	m     *ir.Module
	users map[string][]*ir.AttrList // group ID → every list that refers to it
	wants map[string][]*groupWant   // group ID → changes wanted, in the order asked
	order []string                  // group IDs in the order first asked
}

// groupWant is one change to a group and the lists that want it, in the
// order asked; has makes recording a list again cheap where thousands of
// functions share one group.
type groupWant struct {
	change attrChange
	lists  []*ir.AttrList
	has    map[*ir.AttrList]bool
}

func newGroupPlan(m *ir.Module) *groupPlan {
	return &groupPlan{m: m, users: groupUsers(m), wants: make(map[string][]*groupWant)}
}

// groupUsers indexes the attribute lists that refer to groups, by group
// ID: those of function headers, call sites and globals.
func groupUsers(m *ir.Module) map[string][]*ir.AttrList {
	users := make(map[string][]*ir.AttrList)
	index := func(list *ir.AttrList) {
		for _, id := range list.Groups() {
			users[id] = append(users[id], list)
		}
	}
	for _, f := range m.Funcs {
		index(&f.Attrs)
		eachCall(f, func(_ *ir.Block, in *ir.Instr) { index(&in.Call.FnAttrs) })
	}
	for _, g := range m.Globals {
		index(&g.Attrs)
	}
	return users
}

// want applies c to the attributes written in list at once and plans it
// for the groups list refers to. An attribute c adds goes into the first
// group, or inline when there is none and no group has it already.
func (p *groupPlan) want(list *ir.AttrList, c attrChange) error {
	add := c.add != "" && !hasAttr(p.m, list, c.add)
	inline := attrChange{drop: c.drop}
	groups := list.Groups()
	if add && len(groups) == 0 {
		inline.add = c.add
	}
	if err := inline.apply(p.m, list); err != nil {
		return err
	}
	for i, id := range groups {
		g := p.m.AttrGroup(id)
		if g == nil {
			continue
		}
		gc := attrChange{drop: c.drop}
		if add && i == 0 {
			gc.add = c.add
		}
		if gc.changes(&g.Attrs) {
			p.record(id, gc, list)
		}
	}
	return nil
}

func (p *groupPlan) record(id string, c attrChange, list *ir.AttrList) {
	ws, seen := p.wants[id]
	if !seen {
		p.order = append(p.order, id)
	}
	for _, w := range ws {
		if w.change == c {
			if !w.has[list] {
				w.has[list] = true
				w.lists = append(w.lists, list)
			}
			return
		}
	}
	p.wants[id] = append(ws, &groupWant{change: c, lists: []*ir.AttrList{list}, has: map[*ir.AttrList]bool{list: true}})
}

// apply makes the planned group edits and returns how many groups it
// added.
func (p *groupPlan) apply() (added int, err error) {
	made := make(map[string]*ir.AttrGroup) // group text → group added here
	for _, id := range p.order {
		g := p.m.AttrGroup(id)
		ws := p.wants[id]
		wanting := 0
		for _, w := range ws {
			wanting += len(w.lists)
		}
		inPlace := -1
		if wanting == len(p.users[id]) {
			inPlace = 0
			for i, w := range ws {
				if len(w.lists) > len(ws[inPlace].lists) {
					inPlace = i
				}
			}
		}
		// New groups first: their text comes from the group as it was.
		for i, w := range ws {
			if i == inPlace {
				continue
			}
			text := w.change.text(&g.Attrs)
			ref := ""
			if text != "" {
				ng := made[text]
				if ng == nil {
					if ng, err = p.m.NewAttrGroup(text); err != nil {
						return added, err
					}
					made[text] = ng
					added++
				}
				ref = ng.ID.Raw
			}
			for _, list := range w.lists {
				if err := p.m.ReplaceAttr(list, list.Index(g.ID.Raw), ref); err != nil {
					return added, err
				}
			}
		}
		if inPlace < 0 {
			continue
		}
		if err := ws[inPlace].change.apply(p.m, &g.Attrs); err != nil {
			return added, err
		}
	}
	dropEmptyGroups(p.m)
	return added, nil
}

// dropEmptyGroups removes the attribute groups that edits left empty,
// and the references to them, and returns how many there were.
func dropEmptyGroups(m *ir.Module) int {
	var empty []*ir.AttrGroup
	for _, g := range m.AttrGroups {
		if len(g.Attrs.Attrs) == 0 {
			empty = append(empty, g)
		}
	}
	if len(empty) == 0 {
		return 0
	}
	users := groupUsers(m)
	for _, g := range empty {
		for _, list := range users[g.ID.Raw[1:]] {
			m.RemoveAttrKey(list, g.ID.Raw) // a list that names it twice is indexed twice
		}
		m.Remove(g)
	}
	return len(empty)
}
