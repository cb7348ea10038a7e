package pipeline

import (
	"context"
	"fmt"
	"github.com/oxbpf/oxbpf/internal/cache"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/oxbpf/oxbpf/gogen"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// Build turns every bin target of a crate (or the ones opts names) into
// <OutDir>/<bin>.o: cargo emits each bin's IR, which goes through parse,
// rewrite, opt, llc, verify and, with opts.Load, a load into the running
// kernel. Bins build in parallel, at most opts.Jobs at once; the Result
// lists them in the crate's order whatever order they finish in.
//
// A bin's object is written only when every step passed, and atomically,
// so a failed build leaves the previous object in place. The Result is
// returned also with an error, describing how far each bin got.
//
// With opts.VMs, the objects are then loaded in each of those kernels.
func Build(ctx context.Context, opts Options) (*Result, error) {
	return build(ctx, opts, nil)
}

// build is Build; cases, when not nil, are test cases to run in the
// kernels of opts.VMs too, their Cases defaulting to the crate's tests/.
func build(ctx context.Context, opts Options, cases *TestOptions) (*Result, error) {
	dir := opts.Dir
	if opts.ManifestPath != "" {
		dir = filepath.Dir(opts.ManifestPath)
	}
	p, err := newPipeline(ctx, opts, dir)
	if err != nil {
		return nil, err
	}
	defer p.finish()
	res := p.res
	// Most IR has opaque pointers: find opt and llc while cargo works.
	p.discover(false)

	cargo := toolchain.CargoArgs{
		Project: toolchain.Project{
			Toolchain:    opts.Toolchain,
			ManifestPath: opts.ManifestPath,
			Dir:          opts.Dir,
			TargetDir:    opts.TargetDir,
			Trace:        p.trace,
		},
		Features:        opts.Features,
		Debug:           !opts.NoBTF,
		ExtraRustcFlags: opts.RustcFlags,
		Linker:          opts.Linker,
		IRDest:          p.tmp,
	}
	if opts.Kernel.Known() {
		cargo.KernelVersion = opts.Kernel.String()
	}
	for _, k := range verify.Releases(opts.Kernel) {
		cargo.KernelAtLeast = append(cargo.KernelAtLeast, k.String())
	}
	// Whether rustc takes --check-cfg: asked while cargo metadata runs.
	checkCfg := make(chan bool, 1)
	go func() {
		v, err := toolchain.RustcRelease(ctx, opts.Toolchain, dir)
		checkCfg <- err == nil && !v.Less(rustcCheckCfg)
	}()
	var crate *toolchain.Crate
	err = p.step(nil, StepMetadata, "cargo", func() (string, error) {
		var err error
		crate, err = toolchain.Metadata(ctx, cargo.Project)
		if err != nil {
			return "", err
		}
		return "crate " + crate.Name, nil
	})
	if err != nil {
		return res, cargoError(err)
	}
	res.Crate, res.ManifestPath = crate.Name, crate.ManifestPath
	if !opts.NoCache {
		p.objects = cache.Open(filepath.Join(crate.IRDir, "cache"))
	}
	bins, err := crate.BinsToBuild(opts.Bins, opts.Features)
	if err != nil {
		return res, Usage(err)
	}
	outDir := opts.OutDir
	if outDir == "" {
		outDir = filepath.Join(filepath.Dir(crate.ManifestPath), "target", "bpf")
	}
	if outDir, err = filepath.Abs(outDir); err != nil {
		return res, err
	}
	if fi, err := os.Stat(outDir); err == nil && !fi.IsDir() {
		return res, Usage(fmt.Errorf("out %s is a file: build writes one <bin>.o per bin into a directory", outDir))
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return res, fmt.Errorf("out dir: %w", err)
	}
	res.OutDir = outDir

	cargo.Crate = crate
	cargo.CheckCfg = <-checkCfg
	for _, bin := range bins {
		res.Bins = append(res.Bins, &BinResult{Bin: bin, Steps: []Timing{}})
	}
	errs := make([]error, len(bins))
	p.parallel(len(bins), func(i int) {
		b := res.Bins[i]
		a := cargo
		a.Bins = []string{b.Bin}
		errs[i] = p.buildBin(ctx, a, b, filepath.Join(outDir, b.Bin+".o"))
		if errs[i] != nil {
			b.Error = errs[i].Error()
		}
	})
	if ctx.Err() != nil {
		return res, interrupted(ctx)
	}
	if err := p.join(errs); err != nil || len(opts.VMs) == 0 {
		return res, err
	}
	suite := vm.Suite{Name: crate.Name, Objects: map[string]string{}}
	for _, b := range res.Bins {
		suite.Objects[b.Bin] = b.Object
	}
	if cases != nil {
		if cases.Cases == "" {
			cases.Cases = filepath.Join(filepath.Dir(crate.ManifestPath), "tests")
		}
		if _, err := readCases(*cases); err != nil {
			return res, err
		}
		suite.Cases, suite.Run = cases.Cases, cases.runPattern()
	}
	return res, p.inVMs(ctx, suite)
}

// rustcCheckCfg is the first rustc with --check-cfg stable.
var rustcCheckCfg = toolchain.Version{Major: 1, Minor: 80}

// interrupted is the error of a run whose context ended: one line for the
// run, not one per bin.
func interrupted(ctx context.Context) error {
	return &kindError{kind: ctx.Err(), err: context.Cause(ctx)}
}

// buildBin runs cargo for one bin, then compiles its IR.
func (p *pipeline) buildBin(ctx context.Context, cargo toolchain.CargoArgs, res *BinResult, out string) error {
	var irs []toolchain.BinIR
	err := p.step(res, StepCargo, "cargo", func() (string, error) {
		start := time.Now()
		cargo.Waiting = func(what string) {
			p.note(Event{Bin: res.Bin, Waiting: true, Detail: "waiting for " + what,
				Timing: Timing{Step: StepCargo, Tool: "cargo", Start: start.Sub(p.start), Duration: time.Since(start)}})
		}
		var err error
		irs, err = toolchain.Cargo(ctx, cargo)
		return "", err
	})
	if err != nil {
		return cargoError(err) // names the bin already
	}
	res.IR, res.irCopy = irs[0].IR, irs[0].Copy
	if err := p.compile(ctx, res, out); err != nil {
		return fmt.Errorf("bin %s: %w", res.Bin, err)
	}
	if p.opts.GoPackage == "" {
		return nil
	}
	err = p.step(res, StepGo, "", func() (string, error) {
		g, err := gogen.Generate(gogen.Options{Object: out, Package: p.opts.GoPackage, Dir: p.opts.GoOut})
		if err != nil {
			return "", Usage(err)
		}
		res.Go = g
		return "wrote " + filepath.Base(g.Go), nil
	})
	if err != nil {
		return fmt.Errorf("bin %s: %w", res.Bin, err)
	}
	return nil
}

// join makes the run's error of the bins' errors, reporting a failed
// discovery once rather than once per bin.
func (p *pipeline) join(errs []error) error {
	var out []error
	var shared []error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if s := p.sharedError(err); s != nil {
			if !slices.Contains(shared, s) {
				shared = append(shared, s)
				out = append(out, s)
			}
			continue
		}
		out = append(out, err)
	}
	return joinBins(out)
}
