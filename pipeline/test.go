package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// TestOptions say where a test run's cases are and which to run.
type TestOptions struct {
	// Cases is a TOML file of cases or a directory of them; empty means
	// the crate's tests/ directory, or <object>.test.toml beside an object.
	Cases string
	// Run selects cases by name; nil runs all.
	Run *regexp.Regexp
	// Bench runs each passing case that many times more, for its time per run.
	Bench int
}

// TestResult is a test run: the build (for a crate) and the cases' results.
type TestResult struct {
	Build  *Result         `json:"build,omitempty"`
	Report *testrun.Report `json:"tests,omitempty"`
}

// Test builds the crate of opts and runs its cases on the objects. A
// case that fails fails the run with ErrProgram; cases that cannot be
// read, or none at all, are ErrUsage.
//
// With opts.VMs, the cases also run in each of those kernels, after the
// objects loaded there; their results are in the Build's VMs.
func Test(ctx context.Context, opts Options, t TestOptions) (*TestResult, error) {
	res, err := build(ctx, opts, &t)
	out := &TestResult{Build: res}
	if err != nil && (res == nil || len(res.VMs) == 0) {
		return out, err // the build failed
	}
	// What the VMs refused fails the run, after the cases ran here too.
	vmErr := err
	objects := map[string]string{}
	for _, b := range res.Bins {
		objects[b.Bin] = filepath.Join(res.OutDir, b.Bin+".o")
	}
	if t.Cases == "" {
		t.Cases = filepath.Join(filepath.Dir(res.ManifestPath), "tests")
	}
	out.Report, err = runCases(ctx, objects, opts, t)
	return out, bothErrors(err, vmErr)
}

// TestObject runs the cases of an object built before, on this kernel
// and, with opts.VMs, in each of those kernels; the VMs' results are in
// the Build of the TestResult.
func TestObject(ctx context.Context, path string, opts Options, t TestOptions) (*TestResult, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, Usage(err)
	}
	stem := strings.TrimSuffix(filepath.Base(path), ".o")
	if t.Cases == "" {
		t.Cases = filepath.Join(filepath.Dir(path), stem+".test.toml")
	}
	objects := map[string]string{stem: path}
	out := &TestResult{}
	var vmErr error
	if len(opts.VMs) > 0 {
		if _, err := readCases(t); err != nil {
			return out, err
		}
		p, err := newPipeline(ctx, opts, "")
		if err != nil {
			return out, err
		}
		defer p.finish()
		out.Build = p.res
		vmErr = p.inVMs(ctx, vm.Suite{Name: stem, Objects: objects, Cases: t.Cases, Run: t.runPattern()})
		if ctx.Err() != nil {
			return out, vmErr
		}
	}
	var err error
	out.Report, err = runCases(ctx, objects, opts, t)
	return out, bothErrors(err, vmErr)
}

// bothErrors is here's failure and the VMs', either, or nil.
func bothErrors(here, vms error) error {
	if here != nil && vms != nil {
		return fmt.Errorf("%w; %w", here, vms)
	}
	return cmp.Or(here, vms)
}

// readCases reads the cases of t; none there is a usage error.
func readCases(t TestOptions) ([]*testrun.Case, error) {
	cases, err := testrun.ReadCases(t.Cases)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Usage(fmt.Errorf("no test cases at %s: write [[case]] tables in TOML there, or give --cases", t.Cases))
	}
	if err != nil {
		return nil, Usage(err)
	}
	return cases, nil
}

// runPattern is Run's source, or "" for every case.
func (t TestOptions) runPattern() string {
	if t.Run == nil {
		return ""
	}
	return t.Run.String()
}

func runCases(ctx context.Context, objects map[string]string, opts Options, t TestOptions) (*testrun.Report, error) {
	cases, err := readCases(t)
	if err != nil {
		return nil, err
	}
	kernelTypes, err := verify.KernelTypes(opts.KernelBTF)
	if err != nil {
		return nil, Usage(err)
	}
	rep, err := testrun.Run(ctx, objects, cases, testrun.Options{Run: t.Run, Bench: t.Bench, KernelTypes: kernelTypes})
	switch {
	case ctx.Err() != nil:
		return rep, interrupted(ctx)
	case err != nil:
		return rep, mark(ErrProgram, err)
	case len(rep.Results) == 0:
		return rep, Usage(fmt.Errorf("no case matches %v", t.Run))
	case !rep.OK():
		return rep, mark(ErrProgram, fmt.Errorf("%s of %d failed", words.Plural(rep.Failed, "case"), len(rep.Results)))
	}
	return rep, nil
}
