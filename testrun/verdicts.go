package testrun

import (
	"fmt"

	"github.com/cilium/ebpf"
)

// verdicts names the return values of the program types that have them.
var verdicts = map[ebpf.ProgramType][]string{
	ebpf.XDP:      {"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT"},
	ebpf.SchedCLS: {"TC_ACT_OK", "TC_ACT_RECLASSIFY", "TC_ACT_SHOT", "TC_ACT_PIPE", "TC_ACT_STOLEN", "TC_ACT_QUEUED", "TC_ACT_REPEAT", "TC_ACT_REDIRECT", "TC_ACT_TRAP"},
}

// returnValue reads an expected return value: a number, or the name of a
// verdict of the program's type.
func returnValue(v any, typ ebpf.ProgramType) (uint32, error) {
	if name, ok := v.(string); ok {
		for i, n := range verdicts[typ] {
			if n == name {
				return uint32(i), nil
			}
		}
		if name == "TC_ACT_UNSPEC" && typ == ebpf.SchedCLS {
			return ^uint32(0), nil
		}
	}
	n, ok := parseNumber(v)
	if !ok || n < -1<<31 || n > 1<<32-1 {
		return 0, fmt.Errorf("want a number or a verdict of %v programs (%v), not %v", typ, verdicts[typ], v)
	}
	return uint32(n), nil
}

// verdict writes a return value with its name, where it has one.
func verdict(v uint32, typ ebpf.ProgramType) string {
	if names := verdicts[typ]; int(v) < len(names) {
		return fmt.Sprintf("%s (%d)", names[v], v)
	}
	return fmt.Sprint(int32(v))
}
