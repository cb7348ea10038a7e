package pipeline

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oxbpf/oxbpf/toolchain"
)

// objectKey is what the object made of the rewritten IR at bpfIR depends
// on: the IR's bytes, this oxbpf (whose passes run after opt), opt and llc
// (paths, versions, stamps) and the options they run with. nil when there
// is no object cache or the IR cannot be read.
func (p *pipeline) objectKey(bpfIR string, llvm *toolchain.LLVM, keepDebug bool) []byte {
	if p.objects.Path(nil, "") == "" {
		return nil
	}
	f, err := os.Open(bpfIR)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	self, _ := os.Executable()
	var b strings.Builder
	fmt.Fprintf(&b, "oxbpf object 1\nir %x\noxbpf %s %s\n", h.Sum(nil), self, toolchain.FileStamp(self))
	for _, t := range []toolchain.Tool{llvm.Opt, llvm.Llc} {
		fmt.Fprintf(&b, "%s %s %v %s\n", t.Name, t.Path, t.Version, toolchain.FileStamp(t.Path))
	}
	fmt.Fprintf(&b, "arch %s cpu %s unroll %v debug %v passes %q\n", p.opts.arch(), p.opts.cpu(), p.opts.Unroll, keepDebug, p.opts.Passes)
	return []byte(b.String())
}
