package verify_test

import (
	"fmt"

	"github.com/oxbpf/oxbpf/verify"
)

func ExampleInspect() {
	k, err := verify.ParseKernel("5.2")
	if err != nil {
		panic(err)
	}
	r, err := verify.Inspect("testdata/loop.o", verify.Options{Kernel: k})
	if err != nil {
		panic(err)
	}
	for _, p := range r.Programs {
		fmt.Printf("%s in %s: %s, %d instructions\n", p.Name, p.Section, p.Type, p.Instructions)
	}
	for _, p := range r.Problems {
		fmt.Printf("%s: %s\n", p.Kind, p)
	}
	// Output:
	// xdp_loop in xdp: XDP, 17 instructions
	// loop: xdp_loop (section xdp): a backward jump at instruction 12 back to 4: kernel 5.2 refuses loops (bounded loops need 5.3); unroll it (oxbpf build --unroll)
}
