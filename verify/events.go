package verify

import (
	"strings"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/conventions"
)

// EventTypes returns the record type of each ring buffer or perf event
// array whose type oxbpf recorded (conventions.EventSection), by map
// name; nil for an object without.
func EventTypes(types *btf.Spec) map[string]btf.Type {
	if types == nil {
		return nil
	}
	var sec *btf.Datasec
	if err := types.TypeByName(conventions.EventSection, &sec); err != nil {
		return nil
	}
	out := map[string]btf.Type{}
	for _, v := range sec.Vars {
		if vr, ok := v.Type.(*btf.Var); ok && strings.HasPrefix(vr.Name, conventions.EventVarPrefix) {
			out[strings.TrimPrefix(vr.Name, conventions.EventVarPrefix)] = vr.Type
		}
	}
	return out
}
