package pipeline

import (
	"fmt"
	"os"
	"strings"

	"github.com/oxbpf/oxbpf/toolchain"
)

// objectKey is what the object made of res's rewritten IR depends on: the
// IR's bytes (res.bpfIRHash), this oxbpf (whose passes run after opt),
// opt and llc (paths, versions, stamps) and the options they run with.
// nil when there is no object cache.
func (p *pipeline) objectKey(res *BinResult, llvm *toolchain.LLVM, keepDebug bool) []byte {
	if !p.objects.Enabled() || res.bpfIRHash == nil {
		return nil
	}
	self, _ := os.Executable()
	var b strings.Builder
	fmt.Fprintf(&b, "oxbpf object 1\nir %x\noxbpf %s %s\n", res.bpfIRHash, self, toolchain.FileStamp(self))
	for _, t := range []toolchain.Tool{llvm.Opt, llvm.Llc} {
		fmt.Fprintf(&b, "%s %s %v %s\n", t.Name, t.Path, t.Version, toolchain.FileStamp(t.Path))
	}
	fmt.Fprintf(&b, "arch %s cpu %s unroll %v debug %v passes %q\n", p.opts.arch(), p.opts.cpu(), p.opts.Unroll, keepDebug, p.opts.Passes)
	return []byte(b.String())
}
