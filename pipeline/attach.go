package pipeline

import (
	"context"
	"errors"
	"os"

	"github.com/oxbpf/oxbpf/attach"
)

// RunObjects runs objects as attach.Run does: every program attached by
// its section, events streamed, maps reported, everything detached at the
// end. The end of ctx once the programs are attached is the run's normal
// end, not an interruption. A run none of whose programs could be attached
// is ErrUsage: the skipped reports say which flag is missing.
func RunObjects(ctx context.Context, objects []string, run attach.Options) error {
	for _, obj := range objects {
		if _, err := os.Stat(obj); err != nil {
			return Usage(err)
		}
	}
	err := attach.Run(ctx, objects, run)
	if errors.Is(err, attach.ErrNothingAttached) {
		return Usage(err)
	}
	return loadError(err)
}
