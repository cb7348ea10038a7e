//go:build !linux

package verify

import (
	"context"
	"fmt"

	"github.com/cilium/ebpf"
)

// Load needs Linux; elsewhere it returns an error matching ErrNotSupported.
func Load(ctx context.Context, spec *ebpf.CollectionSpec, opts LoadOptions) (*LoadReport, error) {
	return nil, fmt.Errorf("load: %w", ErrNotSupported)
}

// Run needs Linux; elsewhere it returns an error matching ErrNotSupported.
func Run(ctx context.Context, spec *ebpf.CollectionSpec, program string, data []byte) (uint32, error) {
	return 0, fmt.Errorf("run %s: %w", program, ErrNotSupported)
}
