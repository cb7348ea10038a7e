// Command twins compares the BPF code oxbpf makes of the fixture probes
// with what clang makes of the same programs written in C
// (fixtures/ctwins), for every installed LLVM that has opt, llc and clang:
// the instructions of each program, and with root what the running
// kernel's verifier processed to accept it. It prints a table per LLVM
// with the ratios Rust/C, per program and in total. scripts/bench-code.sh
// runs it.
//
//	go run ./internal/twins [-llvm 19,22]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
)

// A twin is a fixture crate's programs and the C file that has them too.
type twin struct {
	crate, c, cpu string
	programs      []string
}

var twins = []twin{
	{"net", "xdp_parse.c", "", []string{"xdp_parse"}},
	{"net", "socket_filter.c", "", []string{"socket_filter"}},
	{"net", "panic_index.c", "", []string{"panic_index"}},
	{"net", "panic_table.c", "", []string{"panic_table"}},
	{"net", "struct_copy.c", "", []string{"struct_copy"}},
	{"net", "tc_mark.c", "", []string{"tc_mark"}},
	{"counter", "counter.c", "", []string{"counter"}},
	{"unroll", "unroll.c", "", []string{"unroll"}},
	{"calls", "calls.c", "", []string{"calls"}},
	{"trace", "trace.c", "", []string{"trace_execve", "kprobe_openat2"}},
	{"atomics", "fetch_old.c", "v3", []string{"fetch_old", "fetch_or"}},
	{"crate", "exec.c", "", []string{"on_exec"}},
	{"crate", "kernel.c", "", []string{"kernel"}},
	{"crate", "contexts.c", "", []string{"tc_mark", "udp_only", "cgroup_len", "on_getppid", "on_sys_enter", "on_unlinkat", "on_unlinkat_ret", "on_call", "on_new_task"}},
	{"crate", "maps.c", "", []string{"hash", "array", "lpm", "queues", "drain", "ring", "perf", "tail", "tail_target"}},
	{"byname", "byname.c", "", []string{"byname"}},
	{"core", "core.c", "", []string{"task_ids", "new_task"}},
	{"btf", "btf_corpus.c", "", []string{"btf_corpus"}},
	// The raw crate writes the same programs without oxbpf-ebpf.
	{"raw", "xdp_parse.c", "", []string{"xdp_parse"}},
	{"raw", "socket_filter.c", "", []string{"socket_filter"}},
	{"raw", "panic_index.c", "", []string{"panic_index"}},
	{"raw", "struct_copy.c", "", []string{"struct_copy"}},
	{"raw", "tc_mark.c", "", []string{"tc_mark"}},
	{"raw", "counter.c", "", []string{"counter"}},
	{"raw", "unroll.c", "", []string{"unroll"}},
	{"raw", "calls.c", "", []string{"calls"}},
	{"raw", "trace.c", "", []string{"trace_execve", "kprobe_openat2"}},
}

// counts are one side's figures for a program: instructions in the
// object, and instructions the verifier processed (0: not loaded).
type counts struct{ insns, verified int }

func main() {
	llvms := flag.String("llvm", "19,22", "the LLVM majors to compare with, each needing opt-N, llc-N and clang-N")
	flag.Parse()
	root, err := filepath.Abs(".")
	check(err)
	if _, err := os.Stat(filepath.Join(root, "fixtures", "ctwins")); err != nil {
		fail("run from the repository's root: %v", err)
	}
	tmp, err := os.MkdirTemp("", "oxbpf-twins-")
	check(err)
	defer os.RemoveAll(tmp)
	load := os.Geteuid() == 0
	for _, v := range strings.Split(*llvms, ",") {
		n, err := strconv.Atoi(v)
		check(err)
		if missing := missingTools(n); missing != "" {
			fmt.Printf("LLVM %d: skipped, no %s\n\n", n, missing)
			continue
		}
		rust, c := compare(root, filepath.Join(tmp, v), n, load)
		report(n, rust, c, load)
	}
}

func missingTools(n int) string {
	for _, tool := range []string{"opt", "llc", "clang"} {
		if _, err := exec.LookPath(fmt.Sprintf("%s-%d", tool, n)); err != nil {
			return fmt.Sprintf("%s-%d", tool, n)
		}
	}
	return ""
}

// compare builds both sides with LLVM n and counts.
func compare(root, dir string, n int, load bool) (rust, c map[string]counts) {
	rust, c = map[string]counts{}, map[string]counts{}
	built := map[string]string{} // crate+cpu → out dir
	for _, tw := range twins {
		key := tw.crate + "@" + tw.cpu
		out, ok := built[key]
		if !ok {
			out = filepath.Join(dir, "rust", tw.crate+tw.cpu)
			_, err := pipeline.Build(context.Background(), pipeline.Options{
				Dir: filepath.Join(root, "fixtures", "probes", tw.crate), OutDir: out, TargetDir: filepath.Join(dir, "target"),
				Opt: fmt.Sprintf("opt-%d", n), Llc: fmt.Sprintf("llc-%d", n), CPU: tw.cpu,
			})
			check(err)
			built[key] = out
		}
		objs, err := filepath.Glob(filepath.Join(out, "*.o"))
		check(err)
		for _, obj := range objs {
			count(obj, tw.crate, tw.programs, rust, load)
		}
		obj := filepath.Join(dir, "c", tw.crate, strings.TrimSuffix(tw.c, ".c")+".o")
		check(os.MkdirAll(filepath.Dir(obj), 0o755))
		cpu := tw.cpu
		if cpu == "" {
			cpu = "v2" // oxbpf's default
		}
		cmd := exec.Command(fmt.Sprintf("clang-%d", n), "-O2", "-g", "-target", "bpf", "-mcpu="+cpu, "-Wall", "-Werror",
			"-I/usr/include/"+multiarch(), "-c", filepath.Join(root, "fixtures", "ctwins", tw.c), "-o", obj)
		if b, err := cmd.CombinedOutput(); err != nil {
			fail("%s: %v\n%s", tw.c, err, b)
		}
		count(obj, tw.crate, tw.programs, c, load)
	}
	return rust, c
}

// count records the programs of obj that are among names, as
// crate/program.
func count(obj, crate string, names []string, into map[string]counts, load bool) {
	rep, err := verify.Inspect(obj, verify.Options{})
	check(err)
	verified := map[string]int{}
	if load {
		lr, err := verify.LoadFile(context.Background(), obj, verify.LoadOptions{})
		check(err)
		for _, p := range lr.Programs {
			if !p.OK {
				fail("%s: %s: %s", obj, p.Name, p.Error)
			}
			verified[p.Name] = p.Verified
		}
	}
	for _, p := range rep.Programs {
		for _, name := range names {
			if p.Name == name {
				into[crate+"/"+name] = counts{p.Instructions, verified[name]}
			}
		}
	}
}

func report(n int, rust, c map[string]counts, load bool) {
	fmt.Printf("LLVM %d, -mcpu v2 (v3 for atomics): Rust built by oxbpf, C by clang-%d -O2\n", n, n)
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight)
	header := "PROGRAM\tRUST\tC\tRATIO\t"
	if load {
		header += "VERIFIED RUST\tC\tRATIO\t"
	}
	fmt.Fprintln(tw, header)
	var total [2]counts
	for _, t := range twins {
		for _, program := range t.programs {
			name := t.crate + "/" + program
			r, cc := rust[name], c[name]
			if r.insns == 0 || cc.insns == 0 {
				fail("%s: no program in one of the objects (rust %d, c %d instructions)", name, r.insns, cc.insns)
			}
			row := fmt.Sprintf("%s\t%d\t%d\t%s\t", name, r.insns, cc.insns, ratio(r.insns, cc.insns))
			if load {
				row += fmt.Sprintf("%d\t%d\t%s\t", r.verified, cc.verified, ratio(r.verified, cc.verified))
			}
			fmt.Fprintln(tw, row)
			total[0].insns += r.insns
			total[1].insns += cc.insns
			total[0].verified += r.verified
			total[1].verified += cc.verified
		}
	}
	row := fmt.Sprintf("total\t%d\t%d\t%s\t", total[0].insns, total[1].insns, ratio(total[0].insns, total[1].insns))
	if load {
		row += fmt.Sprintf("%d\t%d\t%s\t", total[0].verified, total[1].verified, ratio(total[0].verified, total[1].verified))
	}
	fmt.Fprintln(tw, row)
	tw.Flush()
	fmt.Println()
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// multiarch is Debian's directory of the host's asm/ headers, which the
// UAPI headers include.
func multiarch() string {
	if runtime.GOARCH == "arm64" {
		return "aarch64-linux-gnu"
	}
	return "x86_64-linux-gnu"
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "twins: "+format+"\n", args...)
	os.Exit(1)
}
