package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// probeOnKernelTypes uses what oxbpf gen types wrote: task_struct in a
// kprobe, a tracepoint record, xdp_md and sk_buff's layout.
const probeOnKernelTypes = `#![no_std]
#![no_main]

mod vmlinux;

use oxbpf_ebpf::helpers::{probe_read_kernel, raw};
use oxbpf_ebpf::prelude::*;

license!("GPL");

static SEEN: Array<u64> = Array::with_max_entries(4, 0);

kprobe! {
    "do_unlinkat",
    fn task_tgid(ctx: ProbeContext) -> u32 {
        let task = unsafe { raw::bpf_get_current_task() } as *const vmlinux::task_struct;
        let tgid = unsafe { probe_read_kernel(core::ptr::addr_of!((*task).tgid)) }.unwrap_or(0);
        let _ = SEEN.set(0, tgid as u64, BPF_ANY);
        0
    }
}

tracepoint! {
    "syscalls/sys_enter_openat",
    fn openat_flags(ctx: TracePointContext) -> u32 {
        let args = unsafe { ctx.args::<vmlinux::sys_enter_openat>() };
        let _ = SEEN.set(1, args.flags, BPF_ANY);
        0
    }
}

xdp! {
    fn ifindex(ctx: XdpContext) -> u32 {
        let md = ctx.as_ptr() as *const vmlinux::xdp_md;
        let _ = SEEN.set(2, unsafe { (*md).ingress_ifindex } as u64, BPF_ANY);
        let _ = SEEN.set(3, core::mem::size_of::<vmlinux::sk_buff>() as u64, BPF_ANY);
        XDP_PASS
    }
}
`

// TestGenTypes generates task_struct, sk_buff, xdp_md and a tracepoint
// record from the running kernel's BTF and tracefs, builds a probe on
// them (rustc checks every size and offset the kernel gave) that cargo
// compiles without a warning, and loads it.
func TestGenTypes(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	testenv.Root(t)
	_, err := os.Stat(kernelBTF)
	testenv.Need(t, err == nil, "the running kernel's BTF at "+kernelBTF)
	tracefs := "/sys/kernel/tracing"
	if _, err := os.Stat(filepath.Join(tracefs, "events")); err != nil {
		if out, err := exec.Command("mount", "-t", "tracefs", "nodev", tracefs).CombinedOutput(); err != nil {
			t.Skipf("skipping: cannot mount tracefs: %s", out)
		}
		defer exec.Command("umount", tracefs).Run()
	}
	bin := oxbpfBinary(t)
	dir := filepath.Join(t.TempDir(), "kernel types")
	if out, err := exec.Command(bin, "new", "--type", "kprobe", dir).CombinedOutput(); err != nil {
		t.Fatalf("oxbpf new: %v\n%s", err, out)
	}
	vmlinux := filepath.Join(dir, "src", "vmlinux.rs")
	if stderr, code := runBinary(t, bin, false, nil, "gen", "types", "task_struct", "sk_buff", "xdp_md", "--tracepoint", "syscalls/sys_enter_openat", "-o", vmlinux); code != 0 {
		t.Fatalf("oxbpf gen types: exit %d\n%s", code, stderr)
	}
	testenv.WriteFile(t, filepath.Join(dir, "src", "main.rs"), probeOnKernelTypes, 0o644)
	cmd := exec.Command("cargo", "check", "--release", "--message-format", "short")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || strings.Contains(string(out), "warning") {
		t.Errorf("cargo check: %v\n%s", err, out)
	}
	if stderr, code := runBinary(t, bin, false, nil, "build", dir, "--load"); code != 0 {
		t.Fatalf("oxbpf build --load: exit %d\n%s", code, stderr)
	}
}

func TestGenTypesErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"gen", "types"}, exitUsage, "name a kernel type or a --tracepoint"},
		{[]string{"gen", "types", "--btf", "testdata/nonesuch.btf", "x"}, exitUsage, "--btf testdata/nonesuch.btf"},
		{[]string{"gen", "types", "--btf", "../../gentypes/testdata/net.btf", "iphdrr"}, exitProgram, "no type iphdrr in the BTF; did you mean iphdr?"},
		{[]string{"gen", "types", "--tracefs", "../../gentypes/testdata", "--tracepoint", "syscalls/nope"}, exitProgram, "no such tracepoint"},
		{[]string{"gen", "nope"}, exitUsage, ""},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, errOut, code := run(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
	out, _, code := run(t, "", "gen", "types", "--btf", "../../gentypes/testdata/net.btf", "ethhdr", "--tracefs", "../../gentypes/testdata", "--tracepoint", "sched/sched_switch")
	if code != 0 || !strings.Contains(out, "pub struct ethhdr {") || !strings.Contains(out, "pub struct sched_switch {") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
