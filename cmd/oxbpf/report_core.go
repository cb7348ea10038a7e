package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
)

// coreTable lists the CO-RE relocations of every bin, with what this
// kernel's BTF (--load) and each --vm kernel's made of them: the field's
// offset (or size, or existence) there, or "missing".
func coreTable(res *pipeline.Result) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	rows := 0
	for _, bin := range res.Bins {
		if bin.Verify == nil {
			continue
		}
		for _, r := range bin.Verify.CORE {
			if rows == 0 {
				header := "CO-RE RELOCATION\tBIN\tPROGRAM\tINSN\tKIND\tLINE\tLOCAL"
				if hostLoaded(res) {
					header += "\tTHIS KERNEL"
				}
				for _, col := range kernelColumns(res) {
					header += "\t" + col
				}
				fmt.Fprintln(tw, header)
			}
			rows++
			local := "-"
			if f := fixupOf(bin.Load, r); f != nil {
				local = strconv.FormatUint(f.Local, 10)
			}
			row := fmt.Sprintf("%s\t%s\t%s\t%d\t%s\t%s", cell(r.What()), cell(bin.Bin), cell(r.Program), r.Insn, r.Kind, cell(r.Line))
			for _, vr := range res.VMs {
				for _, s := range vr.Suites {
					for _, l := range s.Loads {
						if l.Object == bin.Bin && l.Report != nil {
							if f := fixupOf(l.Report, r); f != nil && local == "-" {
								local = strconv.FormatUint(f.Local, 10)
							}
						}
					}
				}
			}
			row += "\t" + local
			if hostLoaded(res) {
				row += "\t" + fixupCell(bin.Load, r)
			}
			for _, vr := range res.VMs {
				cellText := "-"
				for _, s := range vr.Suites {
					for _, l := range s.Loads {
						if l.Object == bin.Bin {
							cellText = fixupCell(l.Report, r)
						}
					}
				}
				row += "\t" + cellText
			}
			fmt.Fprintln(tw, row)
		}
	}
	tw.Flush()
	return b.String()
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
