package rewrite

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// dbgIntrinsics are the calls LLVM ≤ 18 wrote where LLVM 19 writes debug
// records, with their parameter lists. A record's operands are the call's
// arguments, except the last, the location, which becomes its !dbg.
var dbgIntrinsics = map[string]struct{ name, params string }{
	"#dbg_value":   {"llvm.dbg.value", "metadata, metadata, metadata"},
	"#dbg_declare": {"llvm.dbg.declare", "metadata, metadata, metadata"},
	"#dbg_assign":  {"llvm.dbg.assign", "metadata, metadata, metadata, metadata, metadata, metadata"},
	"#dbg_label":   {"llvm.dbg.label", "metadata"},
}

// dbgIntrinsicAttrs are the attributes LLVM 18 gave the declarations of
// the llvm.dbg intrinsics; rules that run later rewrite memory(none) for
// LLVM 15.
const dbgIntrinsicAttrs = "nocallback nofree nosync nounwind speculatable willreturn memory(none)"

var dbgRecordsRule = &Rule{
	Name:  "dbg-records",
	Since: 19,
	Doc:   "#dbg_value, #dbg_declare, #dbg_assign and #dbg_label records become calls of llvm.dbg.*, which get declarations",
	apply: func(r *ruleRun) {
		used := make(map[string]string) // intrinsic → parameters
		r.walkInstrs(func(f *ir.Func, b *ir.Block, i int) int {
			in := b.Instrs[i]
			if !in.IsRecord() || !r.hit(in, 19) {
				return 1
			}
			intr, ok := dbgIntrinsics[in.Opcode]
			if !ok || len(in.Operands) < 2 {
				r.refuse(in, f, "debug record %s has no llvm.dbg intrinsic oxbpf knows", in.Opcode)
				return 1
			}
			// The record is as parsed (no rule before this one edits
			// records), so its operands' text is in the model; TextOf would
			// sort every edit of the module once per operand.
			last := len(in.Operands) - 1
			args := make([]string, last)
			for k, op := range in.Operands[:last] {
				args[k] = "metadata " + op.Value.Raw
				if op.Type != nil {
					args[k] = "metadata " + op.Type.String() + " " + op.Value.Raw
				}
			}
			text := fmt.Sprintf("call void @%s(%s), !dbg %s", intr.name, strings.Join(args, ", "), in.Operands[last].Value.Raw)
			_, err := r.m.ReplaceInstr(b, i, text)
			r.check(err)
			used[intr.name] = intr.params
			return 1
		})
		if len(used) == 0 {
			return
		}
		r.m.Syntax.DebugRecords = false
		var group *ir.AttrGroup
		names := make([]string, 0, len(used))
		for name := range used {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if r.m.Func(name) != nil {
				continue
			}
			if group == nil {
				var err error
				if group, err = r.m.NewAttrGroup(dbgIntrinsicAttrs); err != nil {
					r.check(err)
					return
				}
			}
			r.check(r.m.Append(fmt.Sprintf("declare void @%s(%s) %s", name, used[name], group.ID.Raw)))
		}
	},
}

// dwOpSince are the DIExpression operations newer than LLVM 14. An older
// verifier that meets one drops every bit of the module's debug info with
// a warning, so a location using one becomes a kill location instead.
// LLVM 16 rejects the comparisons and 19 accepts them; 17 and 18 were not
// measured, so they count as 19's.
var dwOpSince = map[string]int{
	"DW_OP_lt": 19, "DW_OP_le": 19, "DW_OP_gt": 19, "DW_OP_ge": 19, "DW_OP_eq": 19, "DW_OP_ne": 19,
	"DW_OP_LLVM_extract_bits_zext": 19, "DW_OP_LLVM_extract_bits_sext": 19,
}

var dbgExprOpsRule = &Rule{
	Name:  "dbg-expr-ops",
	Since: 19,
	Doc:   "a variable location whose DIExpression uses an operation the target does not know (DW_OP_lt, ...) becomes a kill location: poison, keeping only the fragment",
	apply: func(r *ruleRun) {
		r.eachInstr(func(_ *ir.Func, in *ir.Instr) {
			var value *ir.Operand
			var expr *ir.Value
			switch {
			case in.IsRecord() && in.Opcode != "#dbg_label" && len(in.Operands) >= 3:
				value, expr = &in.Operands[0], &in.Operands[2].Value
			case in.Call != nil && isOverloadOf(in.Call.CalleeName(), []string{"llvm.dbg.value", "llvm.dbg.declare", "llvm.dbg.assign"}) && len(in.Call.Args) >= 3:
				value, expr = &in.Call.Args[0], &in.Call.Args[2].Value
			default:
				return
			}
			if expr.Kind == ir.MDNodeValue && !mentionsNewDWOp(expr.Raw) {
				return // the common case, decided without parsing the fields
			}
			node := r.mdNode(*expr)
			if node == nil || node.Kind != "DIExpression" {
				return
			}
			since := 0
			for _, fl := range node.Fields() {
				since = max(since, dwOpSince[fl.Value.Raw])
			}
			if since == 0 || !r.hit(in, since) {
				return
			}
			r.killValue(value)
			r.check(r.m.ReplaceValue(expr, "!DIExpression("+fragmentOps(node)+")"))
		})
	},
}

// mentionsNewDWOp reports whether text names an operation of dwOpSince.
func mentionsNewDWOp(text string) bool {
	for op := range dwOpSince {
		if strings.Contains(text, op) {
			return true
		}
	}
	return false
}

// mdNode returns the node a metadata value is or refers to.
func (r *ruleRun) mdNode(v ir.Value) *ir.MDNode {
	switch v.Kind {
	case ir.MDNodeValue:
		return v.Sub.Node
	case ir.MDRef:
		return r.m.MDNode(v.Raw)
	}
	return nil
}

// killValue replaces the value of a variable location (a record's typed
// operand, or a metadata call argument) with poison of its type.
func (r *ruleRun) killValue(op *ir.Operand) {
	if op.Type != nil && op.Type.Kind != ir.MetadataType {
		r.check(r.m.ReplaceOperand(op, op.Type.String()+" poison"))
		return
	}
	v := op.Value
	var t *ir.Type
	switch {
	case v.Kind == ir.MDWrapped:
		t = v.Sub.Elems[0].Type
	case v.Kind == ir.MDNodeValue && v.Sub.Node.Kind == "DIArgList" && len(v.Sub.Node.Fields()) > 0:
		t = v.Sub.Node.Fields()[0].Type
	}
	kill := "i1 poison" // what the value was matters not
	if t != nil {
		kill = t.String() + " poison"
	}
	r.check(r.m.ReplaceValue(&op.Value, kill))
}

// fragmentOps returns the DW_OP_LLVM_fragment part of an expression, so
// that a kill location ends only the piece of the variable it was about.
func fragmentOps(expr *ir.MDNode) string {
	for k, fl := range expr.Fields() {
		if fl.Value.Raw == "DW_OP_LLVM_fragment" && k+2 < len(expr.Fields()) {
			return "DW_OP_LLVM_fragment, " + expr.Fields()[k+1].Value.Raw + ", " + expr.Fields()[k+2].Value.Raw
		}
	}
	return ""
}

// branchWeightsRule drops the !"expected" marker LLVM 19 added to
// branch_weights, which says the weights came from llvm.expect; older
// verifiers count it as a weight and reject the node.
var branchWeightsRule = &Rule{
	Name:  "branch-weights-expected",
	Since: 19,
	Doc:   `drop the !"expected" element of !{!"branch_weights", !"expected", ...}`,
	apply: func(r *ruleRun) {
		for _, n := range r.m.Metadata {
			if n.Kind != "" {
				continue
			}
			fields := n.Fields()
			if len(fields) >= 3 && fields[0].Value.Raw == `!"branch_weights"` && fields[1].Value.Raw == `!"expected"` && r.hit(fields[1], 19) {
				r.m.RemoveField(n, 1)
			}
		}
	},
}

// moduleFlagMinRule turns module flags with behaviour Min (8, LLVM 15)
// into Max (7): rustc sets them once per module, and the behaviour only
// matters when modules with different values are linked.
var moduleFlagMinRule = &Rule{
	Name:  "module-flag-min",
	Since: 15,
	Doc:   "module flag behaviour 8 (Min) becomes 7 (Max)",
	apply: func(r *ruleRun) {
		for _, nm := range r.m.NamedMetadata {
			if nm.Name.Raw != "!llvm.module.flags" {
				continue
			}
			for _, ref := range nm.Nodes {
				n := r.m.MDNode(ref.Raw)
				if n == nil {
					continue
				}
				fields := n.Fields()
				if len(fields) == 3 && fields[0].Value.Raw == "8" && r.hit(fields[0], 15) {
					r.check(r.m.ReplaceValue(&fields[0].Value, "7"))
				}
			}
		}
	},
}
