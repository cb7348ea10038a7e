//go:build !linux

package attach

import (
	"context"
	"fmt"

	"github.com/oxbpf/oxbpf/verify"
)

// Run fails: only Linux has BPF programs to attach.
func Run(context.Context, []string, Options) error {
	return fmt.Errorf("oxbpf run attaches programs to the running kernel: %w", verify.ErrNotSupported)
}
