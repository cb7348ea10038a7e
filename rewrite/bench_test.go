package rewrite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/ir"
)

// sharedGroupModule has n functions, half of them sharing one attribute
// group that inline-all must change, as every function of rustc's output
// does.
func sharedGroupModule(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "define internal void @f%d() #%d {\n  call void @f%d()\n  ret void\n}\n", i, i%2, (i+1)%n)
	}
	b.WriteString("attributes #0 = { noinline nounwind optnone }\nattributes #1 = { nounwind }\n")
	return b.String()
}

// BenchmarkBPFSharedGroup runs the bpf pipeline on modules of growing size;
// ns/fn must stay flat. Recording each user of a group in a list searched
// linearly once made 200k functions take 10.6 s instead of 1.5 s.
func BenchmarkBPFSharedGroup(b *testing.B) {
	for _, n := range []int{10_000, 40_000} {
		src := sharedGroupModule(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				m, err := ir.Parse("shared.ll", src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Run(m, BPF(), Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/fn")
		})
	}
}
