package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// kernelHeader completes a table's header with the kernels' columns:
// here's when the objects were loaded into this kernel, then one for each
// --vm kernel, headed by its version, or its image's name when that does
// not tell them apart.
func kernelHeader(res *pipeline.Result, header, here string) string {
	if hostLoaded(res) {
		header += "\t" + here
	}
	count := map[string]int{}
	for _, r := range res.VMs {
		count[r.Kernel.String()]++
	}
	for _, r := range res.VMs {
		col := r.Kernel.String()
		if !r.Kernel.Known() || count[col] > 1 {
			col = filepath.Base(r.Image)
		}
		header += "\t" + col
	}
	return header
}

// vmOutcome is what one kernel made of a program: "ok", "rejected" (the
// message is in the KERNELS table, the log under -v), or "-" when the
// object was not loaded there.
func vmOutcome(rep *verify.LoadReport, program string) string {
	if rep == nil {
		return "-"
	}
	for _, p := range rep.Programs {
		if p.Name == program {
			return map[bool]string{true: "ok", false: "rejected"}[p.OK]
		}
	}
	return "-"
}

// kernelName is how a kernel run is named in reports: its release and
// how it ran, or its image when it did not boot.
func kernelName(r *vm.Result) string {
	if r.Release == "" {
		return filepath.Base(r.Image)
	}
	return fmt.Sprintf("Linux %s (%s)", r.Release, r.Accel)
}

// kernelTable has a line per --vm kernel: how long its run took and its
// verdict, the first thing it refused with how many more.
func kernelTable(res *pipeline.Result) string {
	if len(res.VMs) == 0 {
		return ""
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "KERNEL\tIMAGE\tTIME\tVERDICT")
	for _, r := range res.VMs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(kernelName(r)), cell(filepath.Base(r.Image)), duration(r.Boot), vmVerdict(r))
	}
	tw.Flush()
	return b.String()
}

// vmVerdict is "ok", or what the kernel refused.
func vmVerdict(r *vm.Result) string {
	if r.Release == "" {
		return "did not run: " + r.Error
	}
	if refused := r.Refusals(); len(refused) > 0 {
		return strings.Join(refused, "; ")
	}
	return "ok"
}
