package rewrite

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"github.com/oxbpf/oxbpf/internal/symbol"
	"github.com/oxbpf/oxbpf/ir"
)

// A Pass is one rewrite of a module.
type Pass struct {
	// Name identifies the pass in --passes lists: lower case, with dashes.
	Name string
	// Doc describes the pass; its first line is a short title.
	Doc string
	// Requires lists passes that must run before this one. Selecting a pass
	// selects what it requires.
	Requires []*Pass
	// Run rewrites the module in p.Module and records what it did in p.
	Run func(p *Context) error
}

// Title returns the first line of the pass's doc.
func (p *Pass) Title() string {
	title, _, _ := strings.Cut(p.Doc, "\n")
	return title
}

// Options configure a run of passes.
type Options struct {
	// LLVM is the major version of the opt and llc that will read the
	// output; downlevel rewrites syntax newer than that. 0 means the
	// module's own version: nothing to rewrite.
	LLVM int
	// BigEndian selects bpfeb instead of bpfel.
	BigEndian bool
	// Strict turns lint warnings into errors.
	Strict bool
	// BTF keeps debug info for llc to write BTF from: the btf pass makes
	// it valid kernel BTF, the maps pass turns legacy map definitions
	// into BTF-defined ones. Without it both leave the module alone.
	BTF bool
	// RustcCommit is the commit the rustc that wrote the module was built
	// from (rustc -vV), if known: with BTF, the standard library's source
	// files are named /rustc/<commit>/library/..., as rustc names them
	// unless rust-src is installed, whatever machine built the object. A
	// commit the module's producer contradicts is ignored.
	RustcCommit string
	// NoFloatBTF says the target kernel predates BTF's FLOAT kind (5.13):
	// with BTF, the btf pass describes f32 and f64 as empty structs of
	// their size, as libbpf does for such kernels, where cilium/ebpf
	// would hand the kernel a kind it refuses.
	NoFloatBTF bool
	// FixedOffsets makes the core pass compile the crate's CO-RE field
	// accesses to the offsets of the types as compiled, and its queries
	// to their answers for those types: for kernels without BTF, which
	// cannot relocate.
	FixedOffsets bool
}

// Context is what a pass sees while it runs: the module, the options and
// the record of its own changes and findings.
type Context struct {
	Module  *ir.Module
	Options Options
	result  *PassResult
}

// Count records n changes made by the named rule of the running pass.
func (c *Context) Count(rule string, n int) {
	if n == 0 {
		return
	}
	if c.result.Changes == nil {
		c.result.Changes = make(map[string]int)
	}
	c.result.Changes[rule] += n
}

// Warn records a warning at node; fn, if not nil, is the function it is in.
func (c *Context) Warn(node ir.Node, fn *ir.Func, format string, args ...any) {
	c.report(Warning, node, fn, format, args...)
}

// Error records an error at node: the module cannot become a loadable BPF
// program as it is.
func (c *Context) Error(node ir.Node, fn *ir.Func, format string, args ...any) {
	c.report(Error, node, fn, format, args...)
}

func (c *Context) report(sev Severity, node ir.Node, fn *ir.Func, format string, args ...any) {
	c.reportCheck(sev, "", node, fn, format, args...)
}

// reportCheck is report for a finding of a named check (see Diagnostic).
func (c *Context) reportCheck(sev Severity, check string, node ir.Node, fn *ir.Func, format string, args ...any) {
	d := Diagnostic{Pass: c.result.Pass, Check: check, Severity: sev, Message: fmt.Sprintf(format, args...)}
	if node != nil {
		d.Pos = c.Module.Position(node.Range().Start)
	}
	if fn != nil {
		d.Function = symbol.Demangle(fn.Name.Name())
	}
	c.result.Diagnostics = append(c.result.Diagnostics, d)
}

// Run runs passes over m in order. A pass that fails stops the run; its
// error names the pass. Diagnostics are not errors: look at the report.
func Run(m *ir.Module, passes []*Pass, opts Options) (*Report, error) {
	r := &Report{Rustc: m.RustcVersion(), LLVM: opts.LLVM, Passes: []*PassResult{}}
	for _, p := range passes {
		res := &PassResult{Pass: p.Name}
		r.Passes = append(r.Passes, res)
		if err := p.Run(&Context{Module: m, Options: opts, result: res}); err != nil {
			return r, fmt.Errorf("%s: %w", p.Name, err)
		}
		if opts.Strict {
			for i := range res.Diagnostics {
				res.Diagnostics[i].Severity = Error
			}
		}
	}
	return r, nil
}

// Lookup turns a --passes value into passes: "bpf" (everything a BPF build
// needs, in order), "none" (parse and print only), or a comma-separated
// list of names, completed with what they require and put in dependency
// order.
func Lookup(list string) ([]*Pass, error) {
	switch strings.TrimSpace(list) {
	case "bpf", "":
		return BPF(), nil
	case "none":
		return nil, nil
	}
	var chosen []*Pass
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		p := byName(name)
		if p == nil {
			return nil, fmt.Errorf("unknown pass %q (known: %s)", name, strings.Join(Names(), ", "))
		}
		chosen = append(chosen, p)
	}
	return withRequirements(chosen), nil
}

// withRequirements adds required passes and orders the list so each pass
// follows what it requires, otherwise keeping the given order.
func withRequirements(passes []*Pass) []*Pass {
	var out []*Pass
	seen := make(map[*Pass]bool)
	var visit func(p *Pass)
	visit = func(p *Pass) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, q := range p.Requires {
			visit(q)
		}
		out = append(out, p)
	}
	for _, p := range passes {
		visit(p)
	}
	return out
}

func byName(name string) *Pass {
	for _, p := range All() {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Names returns the names of all passes, sorted.
func Names() []string {
	var names []string
	for _, p := range All() {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return names
}

// Validate checks a set of passes: identifier-like unique names, a doc, a
// Run function, and requirements without cycles.
func Validate(passes []*Pass) error {
	names := make(map[string]bool)
	for _, p := range passes {
		if p.Name == "" || strings.ToLower(p.Name) != p.Name || strings.ContainsAny(p.Name, " ,") {
			return fmt.Errorf("pass %q: name must be lower case without spaces or commas", p.Name)
		}
		if !token.IsIdentifier(strings.ReplaceAll(p.Name, "-", "_")) {
			return fmt.Errorf("pass %q: name is not identifier-like", p.Name)
		}
		if names[p.Name] {
			return fmt.Errorf("pass %q registered twice", p.Name)
		}
		names[p.Name] = true
		if p.Doc == "" {
			return fmt.Errorf("pass %q has no doc", p.Name)
		}
		if p.Run == nil {
			return fmt.Errorf("pass %q has no Run", p.Name)
		}
	}
	const (
		unvisited = iota
		visiting
		done
	)
	state := make(map[*Pass]int)
	var visit func(p *Pass) error
	visit = func(p *Pass) error {
		switch state[p] {
		case visiting:
			return fmt.Errorf("pass %q requires itself through a cycle", p.Name)
		case done:
			return nil
		}
		state[p] = visiting
		for _, q := range p.Requires {
			if err := visit(q); err != nil {
				return err
			}
		}
		state[p] = done
		return nil
	}
	for _, p := range passes {
		if err := visit(p); err != nil {
			return err
		}
	}
	return nil
}
