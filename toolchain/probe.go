package toolchain

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// probeTimeout bounds `--version` and `llvm-config --bindir` runs.
const probeTimeout = 30 * time.Second

// probeTools drops later duplicates of the same file (opt-19 on PATH is
// usually a link into /usr/lib/llvm-19/bin) and asks each tool its version.
// The runs overlap: loading LLVM's shared library takes most of the 0.1-0.2 s
// each costs.
func probeTools(ctx context.Context, tools []Tool) []Tool {
	seen := map[string]bool{}
	var out []Tool
	for _, t := range tools {
		real, err := filepath.EvalSymlinks(t.Path)
		if err != nil {
			real = t.Path
		}
		key := t.Name + "\x00" + real
		if seen[key] && !t.Source.Explicit() {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	var wg sync.WaitGroup
	limit := make(chan struct{}, maxParallelProbes)
	for i := range out {
		wg.Go(func() {
			limit <- struct{}{}
			defer func() { <-limit }()
			out[i].Version, out[i].Err = llvmToolVersion(ctx, out[i].Path)
		})
	}
	wg.Wait()
	return out
}

const maxParallelProbes = 8

func llvmToolVersion(ctx context.Context, path string) (Version, error) {
	if _, err := os.Stat(path); err != nil {
		return Version{}, err
	}
	out, _, err := Run(ctx, Command{Path: path, Args: []string{"--version"}, Dir: filepath.Dir(path), Timeout: probeTimeout})
	if err != nil {
		return Version{}, err
	}
	return ParseLLVMVersion(string(out))
}
