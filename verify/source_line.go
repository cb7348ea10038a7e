package verify

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
)

// verifierInsn matches an instruction line of a verifier log: "10: (71)
// r1 = *(u8 *)(r1 +0)".
var verifierInsn = regexp.MustCompile(`^(\d+): \(`)

// failingLine returns the source line (file:line) of the instruction the
// verifier stopped at, the last one its log shows, from the program's BTF
// line info; "" when either is missing. The kernel's own log names only a
// file's base name.
func failingLine(insns asm.Instructions, log []string) string {
	at := -1
	for i := len(log) - 1; i >= 0 && at < 0; i-- {
		if m := verifierInsn.FindStringSubmatch(log[i]); m != nil {
			at, _ = strconv.Atoi(m[1])
		}
	}
	if at < 0 {
		return ""
	}
	var line *btf.Line
	iter := insns.Iterate()
	for iter.Next() && int(iter.Offset) <= at {
		if l, ok := iter.Ins.Source().(*btf.Line); ok {
			line = l
		}
	}
	if line == nil || line.FileName() == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", line.FileName(), line.LineNumber())
}
