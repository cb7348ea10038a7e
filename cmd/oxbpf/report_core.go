package main

import (
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/oxbpf/oxbpf/vm"
)

// coreTable lists the CO-RE relocations of every bin, with what this
// kernel's BTF (--load) and each --vm kernel's made of them: the field's
// offset (or size, or existence) there, or "missing".
func coreTable(res *pipeline.Result) string {
	header := kernelHeader(res, "CO-RE RELOCATION\tBIN\tPROGRAM\tINSN\tKIND\tLINE\tLOCAL", "THIS KERNEL")
	return table(header, func(row func(string, ...any)) {
		for _, bin := range res.Bins {
			if bin.Verify == nil {
				continue
			}
			for _, r := range bin.Verify.CORE {
				// The object's own value, from any load of it.
				reports := []*verify.LoadReport{bin.Load}
				for _, vr := range res.VMs {
					reports = append(reports, vmLoad(vr, bin.Bin))
				}
				local := "-"
				for _, rep := range reports {
					if f := fixupOf(rep, r); f != nil {
						local = strconv.FormatUint(f.Local, 10)
						break
					}
				}
				cells := []string{cell(r.What()), cell(bin.Bin), cell(r.Program), strconv.Itoa(r.Insn), r.Kind, cell(r.Line), local}
				if hostLoaded(res) {
					cells = append(cells, fixupCell(bin.Load, r))
				}
				for _, rep := range reports[1:] {
					cells = append(cells, fixupCell(rep, r))
				}
				row("%s", strings.Join(cells, "\t"))
			}
		}
	})
}

// vmLoad is what a --vm kernel said of bin's object, or nil.
func vmLoad(r *vm.Result, bin string) *verify.LoadReport {
	for _, s := range r.Suites {
		for _, l := range s.Loads {
			if l.Object == bin {
				return l.Report
			}
		}
	}
	return nil
}

func hostLoaded(res *pipeline.Result) bool {
	for _, bin := range res.Bins {
		if bin.Load != nil {
			return true
		}
	}
	return false
}

// fixupOf finds what rep says of relocation r.
func fixupOf(rep *verify.LoadReport, r verify.CORERelocation) *verify.COREFixup {
	if rep == nil {
		return nil
	}
	for i, f := range rep.CORE {
		if f.Program == r.Program && f.Insn == r.Insn {
			return &rep.CORE[i]
		}
	}
	return nil
}

// fixupCell is the kernel's value for r, "missing", or why it is unknown.
func fixupCell(rep *verify.LoadReport, r verify.CORERelocation) string {
	if rep == nil {
		return "-"
	}
	if rep.COREError != "" {
		return "no BTF"
	}
	f := fixupOf(rep, r)
	switch {
	case f == nil:
		return "-"
	case f.Missing:
		return "missing"
	}
	return strconv.FormatUint(f.Target, 10)
}
