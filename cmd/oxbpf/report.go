package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
)

// writeJSON writes v as indented JSON; "<" and ">" stay as they are, as
// Rust names and verifier messages hold them.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// progress prints one line per step as it ends: bin, step (or the tool it
// ran), duration, and a few words on the outcome.
func progress(w io.Writer) func(pipeline.Event) {
	return func(e pipeline.Event) {
		name := string(e.Step)
		if e.Step == pipeline.StepOpt || e.Step == pipeline.StepLlc {
			name = e.Tool
		}
		detail := e.Detail
		if e.Err != nil {
			detail = "FAILED"
		}
		if e.Waiting {
			fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("%-16s %-9s %8s  %s", e.Bin, name, "", detail), " "))
			return
		}
		line := fmt.Sprintf("%-16s %-9s %8s  %s", e.Bin, name, duration(e.Duration), detail)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		for _, d := range e.Diagnostics {
			fmt.Fprintln(w, "    "+d.String())
		}
	}
}

// duration is short and aligned: milliseconds below a second.
func duration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// printResult prints the programs and maps of every bin that got as far as
// an object, the problems found, and where the objects went.
func printResult(w io.Writer, res *pipeline.Result, verbose bool) error {
	var sections []string
	if table := programTable(res); table != "" {
		sections = append(sections, table)
	}
	if table := mapTable(res); table != "" {
		sections = append(sections, table)
	}
	if list := binProblems(res, func(r *verify.Report) []verify.Problem { return r.Problems }); len(list) > 0 {
		sections = append(sections, "PROBLEMS\n"+list)
	}
	if list := binProblems(res, func(r *verify.Report) []verify.Problem { return r.Warnings }); len(list) > 0 {
		sections = append(sections, "WARNINGS\n"+list)
	}
	if table := coreTable(res); table != "" {
		sections = append(sections, table)
	}
	if table := kernelTable(res); table != "" {
		sections = append(sections, table)
	}
	if verbose {
		var notes strings.Builder
		for _, bin := range res.Bins {
			if bin.Verify != nil {
				for _, n := range bin.Verify.Notes {
					notes.WriteString(bin.Bin + ": " + n + "\n")
				}
			}
		}
		if notes.Len() > 0 {
			sections = append(sections, "NOTES\n"+notes.String())
		}
		sections = append(sections, verifierLogs(res)...)
	}
	var where string
	if res.OutDir != "" {
		written := 0
		for _, b := range res.Bins {
			if b.OK {
				written++
			}
		}
		where = fmt.Sprintf("wrote %d of %s to %s\n", written, words.Plural(len(res.Bins), "object"), res.OutDir)
	}
	if res.TempDir != "" {
		where += "kept intermediate files in " + res.TempDir + "\n"
	}
	if where != "" {
		sections = append(sections, where)
	}
	_, err := io.WriteString(w, strings.Join(sections, "\n"))
	return err
}

// binProblems lists, one per line with the bin in front, what pick
// chooses from each bin's verify report.
func binProblems(res *pipeline.Result, pick func(*verify.Report) []verify.Problem) string {
	var b strings.Builder
	for _, bin := range res.Bins {
		if bin.Verify != nil {
			for _, p := range pick(bin.Verify) {
				b.WriteString(bin.Bin + ": " + p.String() + "\n")
			}
		}
	}
	return b.String()
}

// programTable lists every program, with the kernel's verdict when the
// objects were loaded, and each --vm kernel's.
func programTable(res *pipeline.Result) string {
	loaded := hostLoaded(res)
	header := kernelHeader(res, "PROGRAM\tBIN\tSECTION\tTYPE\tINSNS\tBTF", "LOAD")
	return table(header, func(row func(string, ...any)) {
		for _, bin := range res.Bins {
			if bin.Verify == nil {
				continue
			}
			for _, p := range bin.Verify.Programs {
				cells := []string{cell(p.Name), cell(bin.Bin), cell(p.Section), p.Type, strconv.Itoa(p.Instructions), btfColumn(bin.Verify)}
				if loaded {
					cells = append(cells, loadOutcome(bin.Load, p.Name))
				}
				for _, r := range res.VMs {
					cells = append(cells, vmOutcome(vmLoad(r, bin.Bin), p.Name))
				}
				row("%s", strings.Join(cells, "\t"))
			}
		}
	})
}

// verifierLogs are the logs of the programs the kernel rejected, here and
// in the VMs.
func verifierLogs(res *pipeline.Result) []string {
	var logs []string
	add := func(rep *verify.LoadReport, where string) {
		if rep == nil {
			return
		}
		for _, p := range rep.Programs {
			if !p.OK && p.Log != "" {
				logs = append(logs, "verifier log of "+p.Name+where+":\n"+strings.TrimRight(p.Log, "\n")+"\n")
			}
		}
	}
	for _, bin := range res.Bins {
		add(bin.Load, "")
	}
	for _, r := range res.VMs {
		for _, s := range r.Suites {
			for _, l := range s.Loads {
				add(l.Report, " ("+l.Object+") on "+kernelName(r))
			}
		}
	}
	return logs
}

// mapTable lists every map.
func mapTable(res *pipeline.Result) string {
	return table("MAP\tBIN\tTYPE\tKEY\tVALUE\tMAX ENTRIES\tDEFINED", func(row func(string, ...any)) {
		for _, bin := range res.Bins {
			if bin.Verify == nil {
				continue
			}
			for _, m := range bin.Verify.Maps {
				row("%s\t%s\t%s\t%d\t%d\t%d\t%s", cell(m.Name), cell(bin.Bin), m.Type, m.KeySize, m.ValueSize, m.MaxEntries, m.Definition)
			}
		}
	})
}

// table lays out the rows fill gives in columns under header, or is ""
// when it gives none.
func table(header string, fill func(row func(format string, args ...any))) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	rows := 0
	fill(func(format string, args ...any) {
		if rows == 0 {
			fmt.Fprintln(tw, header)
		}
		rows++
		fmt.Fprintf(tw, format+"\n", args...)
	})
	tw.Flush()
	return b.String()
}

// btfColumn says what BTF an object carries: "lines" (types and line
// info), "types", or "-".
func btfColumn(r *verify.Report) string {
	switch {
	case r.LineInfo:
		return "lines"
	case r.BTF:
		return "types"
	}
	return "-"
}

// cell is a name as a table shows it: quoted, escapes and all, when it
// holds a tab, a newline or another byte that would break the columns.
func cell(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == utf8.RuneError }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

// loadOutcome says what the kernel made of one program: "ok", the
// verifier's last word, or "-" when it was not loaded.
func loadOutcome(rep *verify.LoadReport, program string) string {
	if rep == nil {
		return "-"
	}
	for _, p := range rep.Programs {
		if p.Name == program {
			if p.OK {
				return "ok"
			}
			if p.Line != "" {
				return "rejected at " + p.Line + ": " + p.Error
			}
			return "rejected: " + p.Error
		}
	}
	return "-"
}
