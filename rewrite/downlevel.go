package rewrite

import (
	"fmt"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// Downlevel rewrites syntax newer than Options.LLVM into what that LLVM
// reads.
var Downlevel = &Pass{
	Name: "downlevel",
	Doc: `rewrite newer LLVM syntax for the opt and llc that will run

rustc writes the syntax of its own LLVM (22 for rustc 1.95), and the opt
and llc on the machine may be older. Downlevel rewrites every construct
newer than Options.LLVM into the form that LLVM reads, by the rules that
Rules lists. Each rule either drops an optimisation hint or is an exact
local rewrite; a construct with no older form, such as an intrinsic the
target does not know, is an error, never passed through. Options.LLVM 0
leaves the module alone.`,
	Run: runDownlevel,
}

// A Rule rewrites one construct that LLVM Since introduced into syntax
// that LLVM Since-1 reads. Rules run in table order, newest first, so the
// text a rule writes may use older constructs that a later rule rewrites
// in turn (a debug record becomes a call whose declaration has
// memory(none), which the memory rule turns into readnone for LLVM 15).
// A rule that replaces instructions re-parses them, so later rules edit
// the new ones; a rule that replaces a value with plain text (splat) runs
// after the rules that edit inside it.
type Rule struct {
	Name string
	// Since is the LLVM major that introduced the construct. A rule over a
	// family (newer attributes, intrinsics) judges each occurrence by its
	// own version; Since is then the oldest of them and newest the newest.
	Since int
	Doc   string

	newest int // 0: the same as Since
	apply  func(r *ruleRun)
}

// Found is a construct that a module uses: a rule that would rewrite or
// refuse it, how often it occurs and where first.
type Found struct {
	Rule     string
	Since    int // the newest LLVM major among the occurrences
	Count    int
	FirstPos ir.Position
}

// Rules returns the downlevel rules in the order they run.
func Rules() []*Rule { return append([]*Rule(nil), downlevelRules...) }

// Constructs lists the constructs of m that some LLVM major from 14 on
// does not read, in rule order. The newest Since among them is the oldest
// LLVM that reads m as it is.
func Constructs(m *ir.Module) []Found {
	var found []Found
	for _, rule := range downlevelRules {
		r := &ruleRun{m: m, rule: rule}
		rule.apply(r)
		if r.found.Count > 0 {
			found = append(found, r.found)
		}
	}
	return found
}

func runDownlevel(c *Context) error {
	target := c.Options.LLVM
	if target == 0 {
		return nil
	}
	if target < ir.OldestLLVM {
		return fmt.Errorf("LLVM %d is older than the oldest oxbpf writes for (%d)", target, ir.OldestLLVM)
	}
	var refused []string
	for _, rule := range downlevelRules {
		newest := rule.newest
		if newest == 0 {
			newest = rule.Since
		}
		if target >= newest {
			continue
		}
		r := &ruleRun{m: c.Module, rule: rule, target: target, ctx: c}
		rule.apply(r)
		if r.err != nil {
			return fmt.Errorf("rule %s: %w", rule.Name, r.err)
		}
		c.Count(rule.Name, r.fixed)
		refused = append(refused, r.refused...)
	}
	c.Count("empty-attr-groups", dropEmptyGroups(c.Module))
	if target >= odrScopeSince {
		n, err := unnestSubprograms(c.Module)
		if err != nil {
			return fmt.Errorf("odr-scope: %w", err)
		}
		c.Count("odr-scope", n)
	}
	switch len(refused) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("LLVM %d cannot read the module: %s", target, refused[0])
	}
	return fmt.Errorf("LLVM %d cannot read the module: %s (and %d more)", target, refused[0], len(refused)-1)
}

// ruleRun is one rule applied to one module: with a target it rewrites
// what that LLVM does not read; without one it only finds.
type ruleRun struct {
	m      *ir.Module
	rule   *Rule
	target int      // 0 when only finding
	ctx    *Context // nil when only finding

	found   Found
	fixed   int      // occurrences rewritten
	refused []string // positioned messages of the occurrences refused
	err     error    // a bug: an edit that did not parse
}

// hit records an occurrence at n of a construct introduced in LLVM since
// and reports whether the target needs it rewritten. What LLVM 14 reads
// already is no occurrence.
func (r *ruleRun) hit(n ir.Node, since int) bool {
	if since <= ir.OldestLLVM {
		return false
	}
	if r.found.Count == 0 {
		r.found.Rule = r.rule.Name
		r.found.FirstPos = r.position(n)
	}
	r.found.Count++
	r.found.Since = max(r.found.Since, since)
	if r.target == 0 || since <= r.target {
		return false
	}
	r.fixed++
	return true
}

func (r *ruleRun) position(n ir.Node) ir.Position {
	if n == nil {
		return ir.Position{Filename: r.m.Filename}
	}
	return r.m.Position(n.Range().Start)
}

// refuse reports that an occurrence hit chose to rewrite has no older
// form.
func (r *ruleRun) refuse(n ir.Node, fn *ir.Func, format string, args ...any) {
	r.fixed--
	r.ctx.Error(n, fn, format, args...)
	r.refused = append(r.refused, r.position(n).String()+": "+fmt.Sprintf(format, args...))
}

// warn reports a change the user should know about, such as a dropped
// attribute whose meaning oxbpf can only guess.
func (r *ruleRun) warn(n ir.Node, fn *ir.Func, format string, args ...any) {
	r.ctx.Warn(n, fn, format, args...)
}

// check keeps the first error of an edit.
func (r *ruleRun) check(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

// odrScopeSince is the first LLVM taken to refuse what unnestSubprograms
// rewrites: measured, 16 reads it and 19 does not; 17 and 18 were not
// there to ask, so they get the rewrite too, which changes no meaning.
const odrScopeSince = 17

// unnestSubprograms moves the definition of a method out of the struct
// whose debug info lists it, into the struct's own scope. rustc 1.64 and
// older (LLVM 14) write methods that way; LLVM 19's verifier refuses it
// ("definition subprograms cannot be nested within DICompositeType when
// enabling ODR") and drops the module's debug info, and with it the BTF.
// It returns how many it moved.
func unnestSubprograms(m *ir.Module) (int, error) {
	moved := 0
	for _, n := range m.Metadata {
		if n.Kind != "DISubprogram" || !n.Distinct || !strings.Contains(n.FieldsText(), "DISPFlagDefinition") {
			continue
		}
		scope, ok := n.Field("scope")
		if !ok || scope.Kind != ir.MDRef {
			continue
		}
		owner := m.MDNode(scope.Raw)
		if owner == nil || owner.Kind != "DICompositeType" {
			continue
		}
		if _, odr := owner.Field("identifier"); !odr {
			continue
		}
		outer := "null"
		if v, ok := owner.Field("scope"); ok {
			outer = v.Raw
		}
		if err := m.SetField(n, "scope", outer); err != nil {
			return moved, err
		}
		moved++
	}
	return moved, nil
}
