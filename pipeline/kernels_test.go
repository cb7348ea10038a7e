package pipeline

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/controls"
	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// TestKernelMatrix boots each kernel of scripts/fetch-kernels.sh (5.10,
// 6.1, 6.12) once, with every control object of verify/testdata/kernel,
// every fixture probe and the example, and the fixtures' test cases:
//   - each object's verdict there agrees with what --kernel says of that
//     kernel (the table is wrong where they differ);
//   - every fixture and the example load, but for those newerFixtures
//     names on kernels before theirs, and every case passes or is one
//     the kernel cannot test-run;
//   - the f32/f64 BTF corpus built with --kernel 5.10 loads on all.
//
// The host's verdicts are verify's TestControlsOnThisKernel, TestLoaders
// and TestFixtureCases.
func TestKernelMatrix(t *testing.T) {
	needE2E(t)
	qemu, images := testenv.Kernels(t)
	ctrls, err := controls.Read("../verify/testdata/kernel")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]controls.Control{}
	req := vm.Request{Suites: []vm.Suite{{Name: "controls", Objects: map[string]string{}}}}
	for _, c := range ctrls {
		byName[c.Name] = c
		req.Suites[0].Objects[c.Name] = c.Path
	}
	dir := buildLoadable(t)
	for _, crate := range append(slices.Sorted(maps.Keys(probeCrates)), "example") {
		s := vm.Suite{Name: crate, Objects: map[string]string{}}
		for _, obj := range testenv.Glob(t, filepath.Join(dir, crate, "*.o")) {
			s.Objects[strings.TrimSuffix(filepath.Base(obj), ".o")] = obj
		}
		src := filepath.Join(probes, crate)
		if crate == "example" {
			src = "../example"
		}
		if _, err := os.Stat(filepath.Join(src, "tests")); err == nil {
			s.Cases = filepath.Join(src, "tests")
		}
		req.Suites = append(req.Suites, s)
	}
	// Built for 5.10, the f32/f64 corpus describes its floats as libbpf
	// would for 5.10, and loads there.
	old := filepath.Join(t.TempDir(), "btf-5.10")
	if _, err := Build(context.Background(), Options{Dir: filepath.Join(probes, "btf"), OutDir: old, TargetDir: t.TempDir(), Kernel: verify.Kernel{Major: 5, Minor: 10}}); err != nil {
		t.Fatalf("btf for 5.10: %v", err)
	}
	req.Suites = append(req.Suites, vm.Suite{Name: "btf-5.10", Objects: map[string]string{"btf_corpus": filepath.Join(old, "btf_corpus.o")}, Cases: filepath.Join(probes, "btf", "tests")})
	for _, line := range kernelcache.Lines {
		t.Run(line, func(t *testing.T) {
			res, err := vm.Run(context.Background(), images[line], req, vm.Options{Qemu: qemu})
			if err != nil {
				t.Fatal(err)
			}
			if res.Error != "" {
				t.Fatalf("the guest: %s", res.Error)
			}
			loads, cases := 0, 0
			for i, s := range res.Suites {
				for _, l := range s.Loads {
					loads++
					if s.Name == "controls" {
						checkControl(t, byName[l.Object], res.Kernel, l)
						continue
					}
					// A fixture: what --kernel says of it must hold, and
					// only those that use something newer may be refused.
					name := s.Name + "/" + l.Object
					checkControl(t, controls.Control{Name: name, Path: req.Suites[i].Objects[l.Object], How: controls.Load}, res.Kernel, l)
					if since, ok := newerFixtures[name]; l.Error != "" || !l.Report.OK() {
						if !ok || !res.Kernel.Before(since) {
							t.Errorf("%s: %v", name, rejections(l))
						}
					} else if ok && res.Kernel.Before(since) {
						t.Errorf("%s loads on Linux %v, which newerFixtures says predates it", name, res.Kernel)
					}
				}
				if s.Tests != nil {
					cases += len(s.Tests.Results)
					for _, r := range s.Tests.Results {
						if since, ok := newerFixtures[s.Name+"/"+r.Object]; ok && res.Kernel.Before(since) {
							continue // its object does not load there
						}
						if r.Status == testrun.Fail {
							t.Errorf("%s: case %q failed: %s %v", s.Name, r.Case, r.Reason, r.Diffs)
						}
					}
				}
			}
			t.Logf("Linux %s (%s): %d objects loaded, %d cases run in %v", res.Release, res.Accel, loads, cases, res.Boot)
		})
	}
}

// newerFixtures are the fixtures that use what Linux 5.10 lacks, and the
// release that brought it: their whole point is that feature.
var newerFixtures = map[string]verify.Kernel{
	"atomics/fetch_old": {Major: 5, Minor: 12}, // atomic fetch-and-add, fetch-or
	"btf/btf_corpus":    {Major: 5, Minor: 13}, // f32 and f64 fields: BTF_KIND_FLOAT
}

// checkControl fails the test when the kernel's verdict on a control
// object is not what --kernel says of that kernel.
func checkControl(t *testing.T, c controls.Control, k verify.Kernel, l vm.ObjectLoad) {
	t.Helper()
	var lerr error
	if l.Error != "" {
		lerr = errors.New(l.Error)
	}
	ok, what, err := c.Agrees(k, l.Report, lerr)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	if !ok {
		t.Errorf("%s: %s", c.Name, what)
	}
}

// rejections are why an object did not load, or what of it the kernel
// rejected.
func rejections(l vm.ObjectLoad) []string {
	if l.Error != "" {
		return []string{l.Error}
	}
	return l.Report.Rejections()
}
