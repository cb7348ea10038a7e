package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/testrun"
	"github.com/urfave/cli/v2"
)

func testCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "cases", Usage: "read cases from TOML `PATH`, a file or a directory (default: <crate>/tests, or <OBJ>.test.toml)"},
		&cli.StringFlag{Name: "run", Usage: "run only the cases whose names match `REGEXP`"},
		&cli.IntFlag{Name: "bench", Usage: "also run each passing case `N` times in the kernel and report the time per run"},
	}
	flags = append(flags, buildFlags()...)
	flags = append(flags, vmFlags()...)
	return &cli.Command{
		Name:      "test",
		Usage:     "build a crate and run its test cases in the kernel (BPF_PROG_TEST_RUN)",
		ArgsUsage: "[crate dir | Cargo.toml | OBJ.o]",
		Description: `Builds the crate (as oxbpf build does) and runs each test case of its tests/
directory on a fresh load of the program's object, through the kernel's
BPF_PROG_TEST_RUN: like go test, for BPF programs. Given an object, runs
the cases of <OBJ>.test.toml beside it. A case is a [[case]] table in TOML:

   [[case]]
   name = "UDP to the discard port is dropped"
   program = "xdp_count"                  # object = "bin" when several have it
   packet = { eth = {}, ipv4 = { src = "10.0.0.1" }, udp = { dport = 9 } }
   # or packet = "hex"; context = "hex" for the context bytes
   [[case.before]]                        # map contents before the run
   map = "CONFIG"
   key = 0
   value = 1
   [case.expect]
   return = "XDP_DROP"                    # or a number
   packet = "hex"                         # the packet after, if it matters
   [[case.expect.maps]]
   map = "PROTOCOLS"
   key = 17
   value = 1                              # absent = true for a key that must not be
   
Keys and values follow the map's BTF types: numbers, enum names, text or IP
addresses for byte arrays, arrays, and tables of a struct's fields (only
those given are checked; per-CPU maps hold one value for all CPUs and are
checked by their sum). Each case prints a line, ok, FAIL with what
differed, or SKIP for a program type the kernel cannot test-run. Exit
status 1 when a case fails; running needs root or CAP_BPF. With --vm, the
cases also run in each of those kernels under qemu, printed after this
kernel's under a line naming it.

Examples:
   oxbpf test example
   oxbpf test --run 'drop' --bench 10000 example
   oxbpf test example --vm 5.10 --vm 6.1
   oxbpf test target/bpf/xdp_count.o --cases cases.toml --json`,
		Flags:  flags,
		Action: runTest,
	}
}

func runTest(c *cli.Context) error {
	t := pipeline.TestOptions{Cases: c.String("cases"), Bench: c.Int("bench")}
	if pattern := c.String("run"); pattern != "" {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return usagef(c, "--run: %v", err)
		}
		t.Run = re
	}
	if t.Bench < 0 {
		return usagef(c, "--bench %d: want a number of runs", t.Bench)
	}
	var res *pipeline.TestResult
	if args, _ := splitArgs(c); len(args) == 1 && strings.HasSuffix(args[0], ".o") {
		if fi, serr := os.Stat(args[0]); serr == nil && !fi.IsDir() {
			opts, err := options(c)
			if err != nil {
				return err
			}
			res, err = pipeline.TestObject(c.Context, args[0], opts, t)
			return finishTest(c, res, err)
		}
	}
	opts, err := crateOptions(c)
	if err != nil {
		return err
	}
	res, err = pipeline.Test(c.Context, opts, t)
	return finishTest(c, res, err)
}

func finishTest(c *cli.Context, res *pipeline.TestResult, err error) error {
	if res == nil {
		return err
	}
	if c.Bool("json") {
		return cmp.Or(err, writeJSON(c.App.Writer, res))
	}
	if res.Report == nil {
		return finish(c, res.Build, err)
	}
	perr := printTests(c.App.Writer, res.Report)
	if res.Build != nil {
		// Then each kernel under qemu: its verdict, and its cases.
		for _, r := range res.Build.VMs {
			fmt.Fprintf(c.App.Writer, "\n=== %s: %s\n", kernelName(r), vmVerdict(r))
			for _, s := range r.Suites {
				if s.Tests != nil {
					perr = cmp.Or(perr, printTests(c.App.Writer, s.Tests))
				}
			}
		}
	}
	return cmp.Or(err, perr)
}

// printTests writes a line per case, what differed under a failure, and
// a summary, as go test does.
func printTests(w io.Writer, rep *testrun.Report) error {
	var b strings.Builder
	for _, r := range rep.Results {
		where := r.Program
		if r.Object != "" && r.Object != r.Program {
			where = r.Object + "/" + r.Program
		}
		switch r.Status {
		case testrun.Pass:
			fmt.Fprintf(&b, "ok    %s (%s)", r.Case, where)
			if r.BenchRuns > 0 {
				fmt.Fprintf(&b, "  %.0f ns/run (%d runs)", r.NsPerRun, r.BenchRuns)
			}
			b.WriteString("\n")
		case testrun.Skip:
			fmt.Fprintf(&b, "SKIP  %s (%s): %s\n", r.Case, where, r.Reason)
		default:
			fmt.Fprintf(&b, "FAIL  %s (%s)\n", r.Case, where)
			if r.Reason != "" {
				fmt.Fprintf(&b, "      %s\n", r.Reason)
			}
			for _, d := range r.Diffs {
				fmt.Fprintf(&b, "      %s\n", d)
			}
		}
	}
	summary := fmt.Sprintf("%d passed, %d failed, %d skipped", rep.Passed, rep.Failed, rep.Skips)
	if rep.OK() {
		fmt.Fprintf(&b, "ok    %s\n", summary)
	} else {
		fmt.Fprintf(&b, "FAIL  %s\n", summary)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
