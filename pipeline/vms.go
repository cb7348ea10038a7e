package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/vm"
)

// resolveVMs turns Options.VMs into kernel images: a file is one, a
// kernel line ("6.1") is the newest image of it that
// scripts/fetch-kernels.sh cached. It also finds qemu, so that neither
// a wrong image nor a missing qemu is found out after the build.
func (o *Options) resolveVMs() error {
	if len(o.VMs) == 0 {
		return nil
	}
	images := make([]string, 0, len(o.VMs))
	for _, v := range o.VMs {
		if fi, err := os.Stat(v); err == nil && !fi.IsDir() {
			images = append(images, v)
			continue
		}
		if !kernelcache.IsLine(v) {
			return Usage(fmt.Errorf("vm %s: no kernel image there; give a vmlinuz or bzImage, or %s for a kernel scripts/fetch-kernels.sh fetches", v, strings.Join(kernelcache.Lines, ", ")))
		}
		image := kernelcache.Find(v)
		if image == "" {
			return Usage(fmt.Errorf("vm %s: no kernel %s in %s: fetch it with scripts/fetch-kernels.sh %s", v, v, kernelcache.Dir(), v))
		}
		images = append(images, image)
	}
	o.VMs = images
	if _, err := vm.FindQemu(o.Qemu); err != nil {
		return Toolchain(err)
	}
	return nil
}

// inVMs boots every kernel of Options.VMs with suite, one after another,
// and records what each said in Result.VMs. Every kernel is booted even
// when one refuses: the report is the matrix.
func (p *pipeline) inVMs(ctx context.Context, suite vm.Suite) error {
	var errs []error
	for _, image := range p.opts.VMs {
		r := &vm.Result{Image: image}
		// The step fails when the kernel did not run; what a kernel that
		// ran refused is its outcome, which the progress line shows.
		err := p.step(nil, StepVM, "qemu", func() (string, error) {
			got, err := vm.Run(ctx, image, vm.Request{Suites: []vm.Suite{suite}}, vm.Options{Qemu: p.opts.Qemu, KernelBTF: p.opts.KernelBTF})
			if err != nil {
				r.Error = err.Error()
				return "", err
			}
			*r = *got
			return vmSummary(r), nil
		})
		p.res.VMs = append(p.res.VMs, r)
		if err == nil {
			err = vmRefusal(r)
		}
		switch {
		case ctx.Err() != nil:
			return interrupted(ctx)
		case errors.Is(err, vm.ErrNoQemu), errors.Is(err, vm.ErrBoot):
			errs = append(errs, Toolchain(err))
		case err != nil:
			errs = append(errs, mark(ErrProgram, err))
		}
	}
	return joinFailures("kernels", errs)
}

// vmSummary is the progress line's detail for one kernel.
func vmSummary(r *vm.Result) string {
	var programs, rejected, cases, failed int
	for _, s := range r.Suites {
		for _, l := range s.Loads {
			if l.Report != nil {
				programs += len(l.Report.Programs)
				rejected += len(l.Report.Rejections())
			}
		}
		if s.Tests != nil {
			cases += len(s.Tests.Results)
			failed += s.Tests.Failed
		}
	}
	detail := fmt.Sprintf("Linux %s (%s): %s", r.Release, r.Accel, words.Plural(programs, "program"))
	if rejected > 0 {
		detail += fmt.Sprintf(", %d rejected", rejected)
	}
	if cases > 0 {
		detail += fmt.Sprintf(", %s, %d failed", words.Plural(cases, "case"), failed)
	}
	if refused := len(r.Refusals()); refused > 0 {
		detail += ": REFUSED"
	}
	return detail
}

// vmRefusal is what one kernel refused, in one line, or nil.
func vmRefusal(r *vm.Result) error {
	refused := r.Refusals()
	if len(refused) == 0 {
		return nil
	}
	return fmt.Errorf("in Linux %s under qemu: %s%s", r.Release, refused[0], words.AndMore(len(refused)-1, "refusal"))
}
