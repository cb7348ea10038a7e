//go:build linux

package attach

import (
	"bytes"
	"testing"
)

func TestSumPerCPU(t *testing.T) {
	for _, c := range []struct {
		name   string
		values [][]byte
		size   int
		want   []byte
	}{
		{"one value", [][]byte{{1, 2, 3}}, 3, []byte{1, 2, 3}},
		{"u64 over CPUs", [][]byte{{1, 0, 0, 0, 0, 0, 0, 0}, {0xff, 0, 0, 0, 0, 0, 0, 0}}, 8, []byte{0, 1, 0, 0, 0, 0, 0, 0}},
		{"u16 carries out of its size", [][]byte{{0xff, 0xff}, {1, 0}}, 2, []byte{0, 0}},
		{"u32", [][]byte{{2, 0, 0, 0}, {3, 0, 0, 0}, {4, 0, 0, 0}}, 4, []byte{9, 0, 0, 0}},
	} {
		if got := sumPerCPU(c.values, c.size); !bytes.Equal(got, c.want) {
			t.Errorf("%s: sumPerCPU = %x, want %x", c.name, got, c.want)
		}
	}
}
