package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestAtomicsFetch builds fixtures/probes/atomics for -mcpu v3 with LLVM
// 19 and 22 and runs its programs in the kernel several times on one
// collection, so that the global data carries over: fetch_add and
// fetch_or must return the old values. Without the atomics pass, LLVM 22
// returns the addend instead (llvm/llvm-project#210280). With the default
// -mcpu v2 the build must fail, naming the function and --mcpu v3.
func TestAtomicsFetch(t *testing.T) {
	needE2E(t)
	target := t.TempDir()
	for _, llvm := range []int{19, 22} {
		t.Run(fmt.Sprintf("llvm%d", llvm), func(t *testing.T) {
			testenv.LookPath(t, fmt.Sprintf("opt-%d", llvm))
			opts := probeOptions("atomics", leg{llvm: llvm}, target, t.TempDir())
			opts.CPU = "v3"
			res, err := Build(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			testenv.Root(t)
			coll := loadCollection(t, res.Bins[0].Object)
			packet := make([]byte, 14)
			for program, want := range map[string][]uint32{
				"fetch_old": {5, 8, 11},
				"fetch_or":  {2 << 8, 6<<8 | 6, 6<<8 | 6},
			} {
				for run, w := range want {
					got, err := coll.Programs[program].Run(&ebpf.RunOptions{Data: packet})
					if err != nil || got != w {
						t.Errorf("%s run %d = %#x, %v; want %#x", program, run+1, got, err, w)
					}
				}
			}
		})
	}
	t.Run("v2", func(t *testing.T) {
		opts := probeOptions("atomics", leg{llvm: 22}, target, t.TempDir())
		_, err := Build(context.Background(), opts)
		if !errors.Is(err, ErrProgram) || !strings.Contains(err.Error(), "build with --mcpu v3") {
			t.Errorf("at -mcpu v2: %v, want the program at fault and --mcpu v3 named", err)
		}
	})
}
