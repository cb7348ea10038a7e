package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/oxbpf/oxbpf/attach"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/urfave/cli/v2"
)

func runCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "iface", Aliases: []string{"i"}, EnvVars: []string{"OXBPF_IFACE"}, Usage: "attach XDP, tc and socket filter programs to interface `NAME`"},
		&cli.StringFlag{Name: "cgroup", Usage: "attach cgroup programs to the cgroup v2 directory `DIR`"},
		&cli.StringFlag{Name: "uprobe", Usage: "attach uprobes whose section names no target to `BINARY:SYMBOL`"},
		&cli.DurationFlag{Name: "duration", Aliases: []string{"d"}, Usage: "detach and end after `D`", DefaultText: "run until Ctrl-C"},
		&cli.DurationFlag{Name: "interval", Usage: "print the maps every `D` as well as at the end", DefaultText: "only at the end"},
	}
	flags = append(flags, buildFlags()...)
	return &cli.Command{
		Name:      "run",
		Usage:     "build a crate, attach its programs, and stream their events and maps",
		ArgsUsage: "[crate dir | Cargo.toml | OBJ.o...]",
		Description: `Builds the crate (as oxbpf build does), loads each object, and attaches every
program as its section says: XDP to --iface, tc to the interface's ingress
or egress (TCX, Linux 6.6), socket filters to a raw socket on it, cgroup
programs to --cgroup, tracepoints, raw tracepoints and BTF-typed ones
(tp_btf, fentry, fexit: to their BTF targets), kprobes where the
kernel has them, uprobes to the binary and symbol of their section or
--uprobe. A program that cannot be attached is reported, with the reason,
and the rest run. Given objects, runs those.

While it runs, each record of a ring buffer or perf event array prints as a
line, decoded through the record type's BTF with the Rust field names:

   EXECS { pid = 4242, uid = 0, comm = "sh" }

At the end (Ctrl-C, SIGTERM or --duration) and every --interval, the maps'
entries print, MAP[key] = value: arrays without their zero entries, per-CPU
numbers as the sum over CPUs, other per-CPU values one per CPU. Then every
program is detached and every map unloaded: nothing stays attached or
pinned. Attach and skip lines go to stderr, events and maps to stdout;
--json prints every report as a line of JSON instead. Ending the run is not
a failure: exit status 0. Running needs root or CAP_BPF (and CAP_NET_ADMIN,
CAP_PERFMON to attach).

Examples:
   oxbpf run example --iface eth0 --duration 10s
   oxbpf run fixtures/probes/crate --bin exec --json
   oxbpf run target/bpf/xdp_count.o -i veth0 --interval 1s`,
		Flags:  flags,
		Action: runRun,
	}
}

func runRun(c *cli.Context) error {
	run := attach.Options{
		Iface: c.String("iface"), Cgroup: c.String("cgroup"), Uprobe: c.String("uprobe"),
		Duration: c.Duration("duration"), Interval: c.Duration("interval"),
	}
	if run.Duration < 0 || run.Interval < 0 {
		return usagef(c, "--duration and --interval take a positive duration")
	}
	if run.Uprobe != "" && !strings.Contains(run.Uprobe, ":") {
		return usagef(c, "--uprobe %s: want BINARY:SYMBOL", run.Uprobe)
	}
	kernelTypes, err := verify.KernelTypes(c.String("kernel-btf"))
	if err != nil {
		return usagef(c, "--kernel-btf: %v", err)
	}
	run.KernelTypes = kernelTypes
	if c.Bool("json") {
		run.Report = jsonReports(c.App.Writer)
	} else {
		run.Report = textReports(c.App.Writer, c.App.ErrWriter)
	}
	if objects, ok := objectArgs(c); ok {
		return pipeline.RunObjects(c.Context, objects, run)
	}
	opts, err := crateOptions(c)
	if err != nil {
		return err
	}
	res, err := pipeline.Build(c.Context, opts)
	if err != nil {
		return finish(c, res, err) // which bin failed, and how
	}
	var objects []string
	for _, b := range res.Bins {
		objects = append(objects, b.Object)
	}
	return pipeline.RunObjects(c.Context, objects, run)
}

// objectArgs returns the arguments when every one is an object file.
func objectArgs(c *cli.Context) ([]string, bool) {
	args, _ := splitArgs(c)
	if len(args) == 0 {
		return nil, false
	}
	for _, a := range args {
		if fi, err := os.Stat(a); !strings.HasSuffix(a, ".o") || err == nil && fi.IsDir() {
			return nil, false
		}
	}
	return args, true
}

// jsonReports prints each report as a line of JSON.
func jsonReports(w io.Writer) func(attach.Report) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(r attach.Report) { enc.Encode(r) }
}

// textReports prints attachments to stderr as progress lines, and events
// and maps to stdout.
func textReports(stdout, stderr io.Writer) func(attach.Report) {
	var start time.Time // of the run, once built
	return func(r attach.Report) {
		if start.IsZero() {
			start = r.Time
		}
		switch r.Kind {
		case attach.Attached, attach.Skipped:
			step := "attach"
			if r.Kind == attach.Skipped {
				step = "skip"
			}
			fmt.Fprintf(stderr, "%-16s %-9s %8s  %s: %s\n", r.Object, step, "", r.Program, r.Detail)
		case attach.Event:
			fmt.Fprintf(stdout, "%s %s\n", r.Map, r.Text)
		case attach.Maps:
			fmt.Fprint(stdout, formatMaps(r.Maps, r.Time.Sub(start)))
		}
	}
}

// formatMaps writes the maps' entries as MAP[key] = value, under a line
// saying when.
func formatMaps(dumps []attach.MapDump, after time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "maps after %v:\n", after.Round(100*time.Millisecond))
	for _, d := range dumps {
		if len(d.Entries) == 0 {
			fmt.Fprintf(&b, "  %s: empty\n", d.Map)
		}
		for _, e := range d.Entries {
			fmt.Fprintf(&b, "  %s[%s] = %s\n", d.Map, e.KeyText, e.ValueText)
		}
		if d.More > 0 {
			fmt.Fprintf(&b, "  %s: %d more\n", d.Map, d.More)
		}
		if d.Err != "" {
			fmt.Fprintf(&b, "  %s: stopped short: %s\n", d.Map, d.Err)
		}
	}
	return b.String()
}
