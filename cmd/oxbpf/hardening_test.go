package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// The hardening table: bad situations, each run through the real oxbpf
// binary in a child process, with the exact last line it must print, its
// exit status, and a check that nothing was lost: the output path keeps
// its previous content (or stays absent) and no temporary file is left.

// oxbpfBinary builds the command once per test run into a directory every
// user may read, so cases can also run it as nobody.
func oxbpfBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "oxbpf-bin-")
		if err == nil {
			err = os.Chmod(dir, 0o755)
		}
		if err == nil {
			binPath = filepath.Join(dir, "oxbpf")
			var out []byte
			out, err = exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
			if err != nil {
				err = errors.New(string(out))
			}
		}
		binErr = err
	})
	if binErr != nil {
		t.Fatalf("build oxbpf: %v", binErr)
	}
	return binPath
}

// hardCase is one bad situation. setup prepares it in dir (every user may
// read it) and returns oxbpf's arguments; {dir} in want stands for dir.
type hardCase struct {
	name   string
	needs  func(t *testing.T) // skips or fails (CI) when the machine lacks something
	setup  func(t *testing.T, dir string) []string
	env    []string
	nobody bool // run as user nobody (needs root)
	code   int
	want   string // the exact last line of stderr; its start, if want ends in ":" or "..."
	out    string // the output path that must keep "previous" (relative to dir)
}

const previous = "previous\n"

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// rustProgram is an XDP program crate, in the attribute spelling given.
func rustProgram(noMangle, linkSection string) string {
	return "#![no_std]\n#![no_main]\n" + noMangle + "\n" + linkSection + "\npub extern \"C\" fn prog(_: *const u8) -> u32 { 2 }\n" +
		"#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! { loop {} }\n"
}

// fnTable calls through a table of fn pointers: the object holds a callx
// and a static of addresses.
const fnTable = `#![no_std]
#![no_main]
#[no_mangle]
#[link_section = "license"]
pub static _license: [u8; 4] = *b"GPL\0";
#[inline(never)]
fn twice(x: u32) -> u32 { x.wrapping_mul(2) }
#[inline(never)]
fn inc(x: u32) -> u32 { x.wrapping_add(1) }
static OPS: [fn(u32) -> u32; 2] = [twice, inc];
#[no_mangle]
#[link_section = "xdp"]
pub extern "C" fn prog(ctx: *const u32) -> u32 {
    let (d, e) = unsafe { (*ctx as usize, *ctx.add(1) as usize) };
    if d + 2 > e { return 2; }
    let p = unsafe { core::slice::from_raw_parts(d as *const u8, 2) };
    OPS[(p[0] & 1) as usize](p[1] as u32) & 3
}
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
`

// staticRef keeps a reference in a static, which no loader relocates.
const staticRef = `#![no_std]
#![no_main]
#[no_mangle]
#[link_section = "license"]
pub static _license: [u8; 4] = *b"GPL\0";
static LIMITS: [u32; 2] = [10, 20];
static LIMIT: &u32 = &LIMITS[1];
#[no_mangle]
#[link_section = "xdp"]
pub extern "C" fn prog(ctx: *const u32) -> u32 {
    let limit: &&u32 = core::hint::black_box(&LIMIT);
    if unsafe { *ctx.add(4) } < **limit { 2 } else { 1 }
}
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
`

func TestHardening(t *testing.T) {
	bin := oxbpfBinary(t)
	var edition func(edition, src string, lib bool) func(t *testing.T, dir string) []string
	fixture := testenv.Abs(t, "../../fixtures/ir/rustc-1.95/bounds.O3-lto.ll")
	good := func(t *testing.T, dir string) string {
		return testenv.CopyFile(t, fixture, filepath.Join(dir, "in.ll"), 0o644)
	}
	irCase := func(content string) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			in := testenv.WriteFile(t, filepath.Join(dir, "in.ll"), content, 0o644)
			return []string{"compile", in, "-o", filepath.Join(dir, "out.o")}
		}
	}
	crate := func(src string, lib bool) func(t *testing.T, dir string) []string {
		return edition("2021", src, lib)
	}
	edition = func(edition, src string, lib bool) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			c := filepath.Join(dir, "crate")
			testenv.WriteFile(t, filepath.Join(c, "Cargo.toml"), "[package]\nname = \"crate\"\nversion = \"0.1.0\"\nedition = \""+edition+"\"\n", 0o644)
			name := "main.rs"
			if lib {
				name = "lib.rs"
			}
			testenv.WriteFile(t, filepath.Join(c, "src", name), src, 0o644)
			return []string{"build", c, "--out", filepath.Join(dir, "out"), "--target-dir", sharedTarget(t)}
		}
	}
	fakeOpt := func(script string) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			opt := testenv.WriteScript(t, filepath.Join(dir, "opt"), script)
			return []string{"compile", good(t, dir), "-o", filepath.Join(dir, "out.o"), "--opt", opt, "--llc", "llc-19", "--timeout", "2s"}
		}
	}
	llvm19 := func(t *testing.T) { testenv.LookPath(t, "opt-19"); testenv.LookPath(t, "llc-19") }
	cargo := func(t *testing.T) { llvm19(t); testenv.LookPath(t, "cargo"); testenv.Long(t, "runs cargo") }
	root := func(t *testing.T) { llvm19(t); testenv.Root(t) }
	qemu := func(t *testing.T) { testenv.LookPath(t, "qemu-system-x86_64") }
	unixOnly := func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no /dev/zero on Windows")
		}
	}

	cases := []hardCase{
		{name: "empty file", setup: irCase(""), code: 1, out: "out.o",
			want: "oxbpf: {dir}/in.ll: not textual LLVM IR: the file is empty"},
		{name: "binary garbage", setup: irCase("\x00\x01\x02\xff garbage"), code: 1, out: "out.o",
			want: "oxbpf: {dir}/in.ll: not textual LLVM IR: this is binary data (it holds NUL bytes), not LLVM IR text"},
		{name: "bitcode", setup: irCase("BC\xc0\xde\x35\x14\x00\x00"), code: 1, out: "out.o",
			want: "oxbpf: {dir}/in.ll: not textual LLVM IR: this is LLVM bitcode, not text; emit text IR with rustc --emit=llvm-ir (or convert it with llvm-dis)"},
		{name: "object file to rewrite", setup: func(t *testing.T, dir string) []string {
			obj := testenv.CopyFile(t, testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), filepath.Join(dir, "xdp.o"), 0o644)
			return []string{"rewrite", obj, "-o", filepath.Join(dir, "out.ll")}
		}, code: 1, out: "out.ll",
			want: "oxbpf: {dir}/xdp.o: not textual LLVM IR: this is an ELF object file, not LLVM IR; give the .ll that rustc --emit=llvm-ir wrote"},
		{name: "future LLVM syntax", setup: irCase("define void @f() {\nstart:\n  %x = frobnicate nuw i32 1, 2\n  ret void\n}\n"), code: 1, out: "out.o",
			want: `oxbpf: {dir}/in.ll:3:8: unknown instruction "frobnicate"`},
		{name: "unterminated string", setup: irCase("@s = constant [2 x i8] c\"ab\n"), code: 1, out: "out.o",
			want: "oxbpf: {dir}/in.ll:1:24: string not terminated"},
		{name: "10k-deep nesting", setup: irCase("@g = global " + strings.Repeat("{", 10000) + "\n"), code: 1, out: "out.o",
			want: "oxbpf: {dir}/in.ll:1:513: nesting deeper than 500 levels"},
		{name: "100 MB line", setup: irCase("@g = global i32 " + strings.Repeat("7", 100<<20) + "x\n"), code: 1, out: "out.o",
			want: `oxbpf: {dir}/in.ll:1:17: unexpected "7777777777777777777777777777777777777..."`},
		{name: "missing input", setup: func(t *testing.T, dir string) []string {
			return []string{"compile", filepath.Join(dir, "nope.ll"), "-o", filepath.Join(dir, "out.o")}
		}, code: 2, out: "out.o", want: "oxbpf: open {dir}/nope.ll: no such file or directory"},
		{name: "a device as input", needs: unixOnly, setup: func(t *testing.T, dir string) []string {
			return []string{"compile", "/dev/zero", "-o", filepath.Join(dir, "out.o")}
		}, code: 2, out: "out.o", want: "oxbpf: read /dev/zero: a device, not a file"},
		{name: "a device as object", needs: unixOnly, setup: func(t *testing.T, dir string) []string {
			return []string{"verify", "/dev/zero", "--load"}
		}, code: 2, want: "oxbpf: read /dev/zero: a device, not a file"},
		{name: "not a crate", setup: func(t *testing.T, dir string) []string {
			return []string{"build", dir, "--out", filepath.Join(dir, "out")}
		}, code: 2, want: "oxbpf: cargo metadata: stat {dir}/Cargo.toml: no such file or directory"},
		{name: "crate without no_std", needs: cargo, setup: crate("#[no_mangle]\n#[link_section = \"xdp\"]\npub extern \"C\" fn prog(_: *const u8) -> u32 { 2 }\nfn main() { println!(\"hi\"); }\n", false), code: 1,
			want: "oxbpf: bin crate: rewrite: {target}/release/oxbpf/crate.ll:"},
		{name: "crate that does not compile", needs: cargo, setup: crate("#![no_std]\n#![no_main]\npub fn x() -> u32 { undefined_thing }\n", false), code: 1,
			want: "oxbpf: bin crate: cargo: exit status 101: error[E0425]: cannot find value `undefined_thing` in this scope (src/main.rs:3:21)"},
		{name: "program without no_mangle", needs: cargo, setup: crate(rustProgram("", `#[link_section = "xdp"]`), false), code: 1,
			want: `oxbpf: bin crate: verify: no programs: no function sits in an executable section other than .text; in Rust a program must be #[no_mangle] (#[unsafe(no_mangle)] in edition 2024) or #[export_name = "..."], or LTO drops it, and in a section such as "xdp", "socket" or "kprobe/<function>" (#[link_section], #[unsafe(link_section)] in edition 2024)`},
		{name: "edition 2024 needs unsafe attributes", needs: cargo, setup: edition("2024", rustProgram("#[no_mangle]", `#[unsafe(link_section = "xdp")]`), false), code: 1,
			want: "oxbpf: bin crate: cargo: exit status 101: error: unsafe attribute used without unsafe (src/main.rs:3:3); help: wrap the attribute in `unsafe(...)`"},
		{name: "a -Z flag in RUSTFLAGS on stable", needs: cargo, setup: crate(rustProgram("#[no_mangle]", `#[link_section = "xdp"]`), false), env: []string{"RUSTFLAGS=-Z foo"}, code: 1,
			want: "oxbpf: bin crate: cargo: exit status 101: error: failed to run `rustc` to learn about target-specific information: the option `Z` is only accepted on the nightly compiler"},
		{name: "a table of fn", needs: cargo, setup: crate(fnTable, false), code: 1,
			want: "oxbpf: bin crate: verify: prog (section xdp): calls through a function pointer (callx r2) at instruction 14: BPF has no indirect calls, and the kernel refuses the opcode; call the function directly (a match instead of a table of fn, a generic instead of dyn Trait, no core::fmt) (and 1 more problem); the Rust code calls through a pointer in prog"},
		{name: "a static holding a reference", needs: cargo, setup: crate(staticRef, false), code: 1,
			want: "oxbpf: bin crate: verify: section .data.rel.ro: static crate::LIMIT (_ZN5crate5LIMIT17h..."},
		{name: "a bin whose name starts with a dash", needs: cargo, setup: func(t *testing.T, dir string) []string {
			args := crate(rustProgram("#[no_mangle]", `#[link_section = "xdp"]`), false)(t, dir)
			f, _ := os.OpenFile(filepath.Join(dir, "crate", "Cargo.toml"), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("\n[[bin]]\nname = \"-lead\"\npath = \"src/main.rs\"\n")
			f.Close()
			return args
		}, code: 1, want: `oxbpf: bin -lead: verify: no license section: the kernel refuses GPL-only helpers (bpf_probe_read, bpf_trace_printk, bpf_perf_event_output, ...) without a GPL-compatible one; add a section "license" holding "GPL"`},
		{name: "a virtual workspace", needs: cargo, setup: func(t *testing.T, dir string) []string {
			ws := filepath.Join(dir, "ws")
			testenv.WriteFile(t, filepath.Join(ws, "Cargo.toml"), "[workspace]\nmembers = [\"probe\"]\nresolver = \"2\"\n", 0o644)
			testenv.WriteFile(t, filepath.Join(ws, "probe", "Cargo.toml"), "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n", 0o644)
			testenv.WriteFile(t, filepath.Join(ws, "probe", "src", "main.rs"), rustProgram("#[no_mangle]", `#[link_section = "xdp"]`), 0o644)
			return []string{"build", ws}
		}, code: 2, want: "oxbpf: {dir}/ws/Cargo.toml is a virtual workspace: build one of its members, probe (probe)"},
		{name: "-o naming a file for build", needs: cargo, setup: func(t *testing.T, dir string) []string {
			args := crate(rustProgram("#[no_mangle]", `#[link_section = "xdp"]`), false)(t, dir)
			testenv.WriteFile(t, filepath.Join(dir, "out"), "a file", 0o644)
			return args
		}, code: 2, want: "oxbpf: out {dir}/out is a file: build writes one <bin>.o per bin into a directory"},
		{name: "crate without bin target", needs: cargo, setup: crate("#![no_std]\npub fn x() {}\n", true), code: 2,
			want: "oxbpf: cargo: crate crate has no bin target to build (bins: )"},
		{name: "opt missing", needs: llvm19, setup: func(t *testing.T, dir string) []string {
			return []string{"compile", good(t, dir), "-o", filepath.Join(dir, "out.o"), "--opt", filepath.Join(dir, "no-opt")}
		}, code: 3, out: "out.o", want: "oxbpf: opt from --opt: stat {dir}/no-opt: no such file or directory"},
		{name: "llc missing", needs: llvm19, setup: func(t *testing.T, dir string) []string {
			return []string{"compile", good(t, dir), "-o", filepath.Join(dir, "out.o"), "--llc", filepath.Join(dir, "no-llc")}
		}, code: 3, out: "out.o", want: "oxbpf: llc from --llc: stat {dir}/no-llc: no such file or directory"},
		{name: "opt fails", needs: llvm19, setup: fakeOpt(versionCase + "echo 'opt: in.ll:12:5: error: expected type' >&2\nexit 1\n"), code: 3, out: "out.o",
			want: "oxbpf: opt: exit status 1: in.ll:12:5: error: expected type"},
		{name: "opt crashes", needs: llvm19, setup: fakeOpt(versionCase + "echo 'Stack dump:' >&2\nkill -SEGV $$\n"), code: 3, out: "out.o",
			want: "oxbpf: opt: signal: segmentation fault"},
		{name: "opt hangs", needs: llvm19, setup: fakeOpt(versionCase + "sleep 300 &\nwait\n"), code: 3, out: "out.o",
			want: "oxbpf: opt: timed out after 2s"},
		{name: "llc too old", needs: func(t *testing.T) { testenv.LookPath(t, "opt-14"); testenv.LookPath(t, "llc-14") }, setup: func(t *testing.T, dir string) []string {
			return []string{"compile", good(t, dir), "-o", filepath.Join(dir, "out.o"), "--opt", "opt-14", "--llc", "llc-14"}
		}, code: 3, out: "out.o", want: "oxbpf: opt from --opt is LLVM 14.0.6; opaque-pointer IR needs LLVM 15 or newer"},
		{name: "read-only output directory", needs: root, nobody: true, setup: func(t *testing.T, dir string) []string {
			ro := filepath.Join(dir, "ro")
			os.Mkdir(ro, 0o555)
			return []string{"compile", good(t, dir), "-o", filepath.Join(ro, "out.o"), "--opt", "opt-19", "--llc", "llc-19"}
		}, code: 1, out: "ro/out.o", want: "oxbpf: write {dir}/ro/out.o: permission denied"},
		{name: "output is a directory", needs: llvm19, setup: func(t *testing.T, dir string) []string {
			os.Mkdir(filepath.Join(dir, "out.o"), 0o755)
			return []string{"compile", good(t, dir), "-o", filepath.Join(dir, "out.o")}
		}, code: 1, want: "oxbpf: write {dir}/out.o: is a directory"},
		{name: "disk full", needs: root, setup: func(t *testing.T, dir string) []string {
			small := filepath.Join(dir, "small")
			os.Mkdir(small, 0o755)
			if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", small).CombinedOutput(); err != nil {
				t.Skipf("skipping: cannot mount a tmpfs: %s", out)
			}
			t.Cleanup(func() { exec.Command("umount", small).Run() })
			testenv.WriteFile(t, filepath.Join(small, "fill"), strings.Repeat("x", 8<<10-100), 0o644)
			return []string{"compile", good(t, dir), "-o", filepath.Join(small, "out.o")}
		}, code: 1, want: "oxbpf: write {dir}/small/out.o: no space left on device"},
		{name: "verifier rejection", needs: root, setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.CopyFile(t, testenv.Abs(t, "../../verify/testdata/rejected.o"), filepath.Join(dir, "rejected.o"), 0o644), "--load"}
		}, code: 1, want: "oxbpf: load: program xdp_noret rejected: R0 !read_ok (and 1 more rejection)"},
		{name: "object without programs", setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.CopyFile(t, testenv.Abs(t, "../../verify/testdata/noprog.o"), filepath.Join(dir, "noprog.o"), 0o644)}
		}, code: 1, want: `oxbpf: verify: no programs: no function sits in an executable section other than .text; in Rust a program must be #[no_mangle] (#[unsafe(no_mangle)] in edition 2024) or #[export_name = "..."], or LTO drops it, and in a section such as "xdp", "socket" or "kprobe/<function>" (#[link_section], #[unsafe(link_section)] in edition 2024)`},
		{name: "load without CAP_BPF", needs: root, nobody: true, setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.CopyFile(t, testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), filepath.Join(dir, "xdp.o"), 0o644), "--load"}
		}, code: 3, want: "oxbpf: load map packets: loading BPF needs root or CAP_BPF"},
		{name: "vm without qemu", setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), "--vm", testenv.Abs(t, "../../verify/testdata/xdp_maps.o")}
		}, env: []string{"OXBPF_QEMU=qemu-that-is-not-there"}, code: 3,
			want: "oxbpf: qemu-system-x86_64 not found: install qemu-system-x86 (apt-get install qemu-system-x86) or qemu (brew install qemu), or set OXBPF_QEMU (exec: \"qemu-that-is-not-there\": executable file not found in $PATH)"},
		{name: "vm kernel not fetched", setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), "--vm", "6.1"}
		}, env: []string{"OXBPF_KERNELS=/nonexistent/kernels"}, code: 2,
			want: "oxbpf: vm 6.1: no kernel 6.1 in /nonexistent/kernels: fetch it with scripts/fetch-kernels.sh 6.1"},
		{name: "vm no such image", setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), "--vm", filepath.Join(dir, "bzImage")}
		}, code: 2, want: "oxbpf: vm {dir}/bzImage: no kernel image there; give a vmlinuz or bzImage, or 5.10, 6.1, 6.12 for a kernel scripts/fetch-kernels.sh fetches"},
		{name: "vm image that does not boot", needs: qemu, setup: func(t *testing.T, dir string) []string {
			return []string{"verify", testenv.Abs(t, "../../verify/testdata/xdp_maps.o"), "--vm", testenv.WriteFile(t, filepath.Join(dir, "bzImage"), "not a kernel", 0o644)}
		}, code: 3, want: "oxbpf: the guest did not run: {dir}/bzImage under qemu (tcg):..."},
		{name: "unknown flag", setup: func(t *testing.T, dir string) []string {
			return []string{"compile", "--frob", filepath.Join(dir, "in.ll")}
		}, code: 2, want: "oxbpf: compile: flag provided but not defined: -frob; see oxbpf compile --help"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needs != nil {
				tc.needs(t)
			}
			dir := shareable(t)
			args := tc.setup(t, dir)
			if tc.out != "" {
				testenv.WriteFile(t, filepath.Join(dir, tc.out), previous, 0o644)
			}
			tmp := shareable(t)
			stderr, code := runBinary(t, bin, tc.nobody, append(tc.env, "TMPDIR="+tmp), args...)
			last := lastLine(stderr)
			want := strings.NewReplacer("{dir}", dir, "{target}", sharedTarget(t)).Replace(tc.want)
			prefix, isPrefix := strings.CutSuffix(want, "...") // a name's hash varies with the crate's path
			if code != tc.code || last != want && !(strings.HasSuffix(want, ":") && strings.HasPrefix(last, want)) && !(isPrefix && strings.HasPrefix(last, prefix)) {
				if len(last) > 300 {
					last = last[:300] + "..."
				}
				t.Errorf("exit %d, last line\n  %s\nwant exit %d and\n  %s", code, last, tc.code, want)
			}
			if tc.out != "" {
				if got, err := os.ReadFile(filepath.Join(dir, tc.out)); err != nil || string(got) != previous {
					t.Errorf("%s was changed: %q, %v", tc.out, got, err)
				}
			}
			assertEmpty(t, tmp)
			assertNoTemps(t, dir)
		})
	}
}

const versionCase = "case \"$*\" in *--version*) echo 'LLVM version 19.1.7'; exit 0;; esac\n"

// TestHardeningTruncated cuts a real module at 100 points: every cut that
// does not parse fails with a positioned one-line error, exit status 1,
// and leaves the previous output alone.
func TestHardeningTruncated(t *testing.T) {
	bin := oxbpfBinary(t)
	src, err := os.ReadFile("../../fixtures/ir/rustc-1.95/structs.O3-lto-g.ll")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "cut.ll"), filepath.Join(dir, "out.ll")
	failed := 0
	for i := 1; i <= 100; i++ {
		testenv.WriteFile(t, in, string(src[:len(src)*i/101]), 0o644)
		testenv.WriteFile(t, out, previous, 0o644)
		stderr, code := runBinary(t, bin, false, nil, "rewrite", "--passes", "none", in, "-o", out)
		if code == 0 {
			continue // the cut fell between entities
		}
		failed++
		if last := lastLine(stderr); code != 1 || !strings.HasPrefix(last, "oxbpf: "+in+":") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("cut %d: exit %d, stderr %q", i, code, stderr)
		}
		if got, _ := os.ReadFile(out); string(got) != previous {
			t.Errorf("cut %d changed the output", i)
		}
	}
	if failed < 50 {
		t.Errorf("only %d of 100 cuts failed to parse; the test is not cutting real IR", failed)
	}
	assertNoTemps(t, dir)
}

// TestHardeningSignals ends a compile while opt runs, with each signal
// that ends a run: exit status 128 + the signal, opt and its child gone,
// temporary files removed, no output, and the signal named (no goroutine
// dump for SIGQUIT).
func TestHardeningSignals(t *testing.T) {
	testenv.LookPath(t, "llc-19")
	bin := oxbpfBinary(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		want string
	}{
		{syscall.SIGINT, "oxbpf: interrupt signal received"},
		{syscall.SIGTERM, "oxbpf: terminated signal received"},
		{syscall.SIGHUP, "oxbpf: hangup signal received"},
		{syscall.SIGQUIT, "oxbpf: quit signal received"},
	} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			dir, tmp := shareable(t), shareable(t)
			var stderr bytes.Buffer
			cmd, pid := compileWhileOptRuns(t, bin, dir, "sleep 300 &\necho $! > \"$OPT_PID_FILE\"\nwait\n", func(cmd *exec.Cmd) {
				cmd.Env = append(cmd.Env, "TMPDIR="+tmp, "GOTRACEBACK=")
				cmd.Stderr = &stderr
			})
			cmd.Process.Signal(tc.sig)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(tc.sig) || lastLine(stderr.String()) != tc.want {
				t.Errorf("wait: %v, stderr %q; want exit %d and %q", err, stderr.String(), 128+int(tc.sig), tc.want)
			}
			if alive(pid) {
				t.Errorf("opt's child %s is still running", pid)
			}
			if fileExists(filepath.Join(dir, "out.o")) {
				t.Error("an output was written")
			}
			assertEmpty(t, tmp)
		})
	}
}

// compileWhileOptRuns starts oxbpf compile in dir with a fake opt whose
// shell body writes the pid of the process to watch to $OPT_PID_FILE, and
// returns the running command and that pid once opt has written it. setup
// adjusts the command before it starts.
func compileWhileOptRuns(t *testing.T, bin, dir, optBody string, setup func(*exec.Cmd)) (*exec.Cmd, string) {
	t.Helper()
	pidFile := filepath.Join(dir, "opt.pid")
	opt := testenv.WriteScript(t, filepath.Join(dir, "opt"), versionCase+optBody)
	in := testenv.CopyFile(t, testenv.Abs(t, "../../fixtures/ir/rustc-1.95/bounds.O3-lto.ll"), filepath.Join(dir, "in.ll"), 0o644)
	cmd := exec.Command(bin, "compile", in, "-o", filepath.Join(dir, "out.o"), "--opt", opt, "--llc", "llc-19")
	cmd.Env = append(os.Environ(), "OPT_PID_FILE="+pidFile)
	setup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !fileExists(pidFile) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	pid, err := os.ReadFile(pidFile)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("opt never started: %v", err)
	}
	return cmd, strings.TrimSpace(string(pid))
}

// TestHardeningFullTmpdir runs compile and build with TMPDIR on a full
// file system: both end with exit status 3 (the machine's problem, not the
// program's) and say where temporary files go.
func TestHardeningFullTmpdir(t *testing.T) {
	testenv.Root(t)
	testenv.LookPath(t, "opt-19")
	testenv.LookPath(t, "cargo")
	bin := oxbpfBinary(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	os.Mkdir(full, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", full).CombinedOutput(); err != nil {
		t.Skipf("skipping: cannot mount a tmpfs: %s", out)
	}
	defer exec.Command("umount", full).Run()
	os.WriteFile(filepath.Join(full, "fill"), make([]byte, 8<<10), 0o644) // fails part way: the disk is full
	for _, args := range [][]string{
		{"compile", testenv.Abs(t, "../../pipeline/testdata/xdp.ll"), "-o", filepath.Join(dir, "xdp.o"), "--passes", "none"},
		{"build", testenv.Abs(t, "../../example"), "-o", filepath.Join(dir, "out"), "--target-dir", sharedTarget(t)},
	} {
		stderr, code := runBinary(t, bin, false, []string{"TMPDIR=" + full}, args...)
		if last := lastLine(stderr); code != 3 || !strings.Contains(last, "no space left on device (temporary files go to "+full+": point TMPDIR at a file system with room)") {
			t.Errorf("%s: exit %d, last line %q; want 3 and the TMPDIR hint", args[0], code, last)
		}
	}
}

// TestHardeningKilled kills oxbpf with SIGKILL, which no handler sees,
// while opt runs: on Linux opt gets the parent-death signal and dies too.
func TestHardeningKilled(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a parent-death signal is Linux's")
	}
	testenv.LookPath(t, "llc-19")
	bin := oxbpfBinary(t)
	cmd, pid := compileWhileOptRuns(t, bin, t.TempDir(), "echo $$ > \"$OPT_PID_FILE\"\nexec sleep 300\n", func(*exec.Cmd) {})
	cmd.Process.Kill()
	cmd.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if alive(pid) {
		exec.Command("kill", "-9", pid).Run()
		t.Error("opt outlived oxbpf's SIGKILL")
	}
}

// TestHardeningBlockedInput ends runs that wait for input that never
// comes: stdin from a pipe nobody writes, and a FIFO nobody opens.
func TestHardeningBlockedInput(t *testing.T) {
	bin := oxbpfBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.ll")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("skipping: no FIFO: %v", err)
	}
	fifoObj := filepath.Join(dir, "fifo.o")
	if err := syscall.Mkfifo(fifoObj, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"rewrite", "-"},
		{"compile", "-", "-o", filepath.Join(dir, "out.o")},
		{"rewrite", fifo, "-o", filepath.Join(dir, "out.ll")},
		{"verify", fifoObj},
	} {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			cmd := exec.Command(bin, args...)
			cmd.Stdin = r
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r.Close()
			time.Sleep(300 * time.Millisecond) // let it block
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still waiting 10 s after SIGTERM; stderr %q", stderr.String())
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 143 || lastLine(stderr.String()) != "oxbpf: terminated signal received" {
				t.Errorf("wait: %v, stderr %q; want exit 143", err, stderr.String())
			}
		})
	}
}

// alive reports whether the process pid runs (and is no zombie).
func alive(pid string) bool {
	out, _ := exec.Command("ps", "-o", "stat=", "-p", pid).Output()
	stat := bytes.TrimSpace(out)
	return len(stat) > 0 && !bytes.HasPrefix(stat, []byte("Z"))
}

// runBinary runs oxbpf with args and extra environment, as nobody if
// asked, and returns its stderr and exit status.
func runBinary(t *testing.T, bin string, nobody bool, env []string, args ...string) (string, int) {
	t.Helper()
	if nobody {
		args = append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)
		bin = testenv.LookPath(t, "setpriv")
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stderr.String(), 0
	case errors.As(err, &exit):
		return stderr.String(), exit.ExitCode()
	}
	t.Fatalf("run oxbpf: %v", err)
	return "", 0
}

// shareable returns a new directory every user may enter and write, so
// that cases can run oxbpf as nobody.
func shareable(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o777|os.ModeSticky); err != nil {
			break
		}
		if strings.Count(d, string(filepath.Separator)) <= strings.Count(os.TempDir(), string(filepath.Separator))+1 {
			break
		}
	}
	return dir
}

var sharedTargetDir string

// sharedTarget is one cargo target directory for all crate cases, so cargo
// builds core's LTO input once.
func sharedTarget(t *testing.T) string {
	if sharedTargetDir == "" {
		dir, err := os.MkdirTemp("", "oxbpf-target-")
		if err != nil {
			t.Fatal(err)
		}
		sharedTargetDir = dir
	}
	return sharedTargetDir
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("temporary files left in %s: %v", dir, entries)
	}
}

// assertNoTemps checks that no .*.tmp output file was left behind.
func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(d.Name(), ".tmp") {
			t.Errorf("partial output left: %s", path)
		}
		return nil
	})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestTwoProcesses runs two oxbpf processes building the same crate with
// the same cargo target directory at once: both succeed, with the same
// bytes in every object.
func TestTwoProcesses(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "opt-19")
	testenv.Long(t, "builds a probe crate twice with cargo")
	bin := oxbpfBinary(t)
	root := t.TempDir()
	for _, crate := range []string{"raw", "bpf-support"} {
		copyTree(t, filepath.Join("../../fixtures/probes", crate), filepath.Join(root, crate))
	}
	target := filepath.Join(root, "target")
	outs := []string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	var wg sync.WaitGroup
	for _, out := range outs {
		wg.Go(func() {
			stderr, code := runBinary(t, bin, false, nil, "build", filepath.Join(root, "raw"), "--target-dir", target, "--out", out)
			if code != 0 {
				t.Errorf("build into %s: exit %d: %s", out, code, lastLine(stderr))
			}
		})
	}
	wg.Wait()
	for _, name := range []string{"xdp_parse.o", "socket_filter.o", "panic_index.o", "struct_copy.o"} {
		a, err1 := os.ReadFile(filepath.Join(outs[0], name))
		b, err2 := os.ReadFile(filepath.Join(outs[1], name))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the two builds (%v, %v)", name, err1, err2)
		}
	}
}

// TestHardeningObjectToStdout writes the object to stdout, as -o - and as
// -o /dev/stdout with stdout redirected to a file: the file holds the
// object alone (the tables go to stderr), and /dev/stdout is still the
// system's link, not a regular file renamed over it.
func TestHardeningObjectToStdout(t *testing.T) {
	testenv.LookPath(t, "opt-19")
	bin := oxbpfBinary(t)
	in := testenv.Abs(t, "../../pipeline/testdata/xdp.ll")
	for _, out := range []string{"-", "/dev/stdout", "/proc/self/fd/1"} {
		t.Run(out, func(t *testing.T) {
			if _, err := os.Lstat(out); out != "-" && err != nil {
				t.Skipf("skipping: %v", err)
			}
			dir := t.TempDir()
			f, err := os.Create(filepath.Join(dir, "captured.o"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var stderr bytes.Buffer
			cmd := exec.Command(bin, "compile", in, "-o", out, "--passes", "none", "--opt", "opt-19", "--llc", "llc-19")
			cmd.Stdout, cmd.Stderr = f, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v: %s", err, stderr.String())
			}
			got, _ := os.ReadFile(f.Name())
			if !bytes.HasPrefix(got, []byte("\x7fELF")) || bytes.Contains(got, []byte("PROGRAM")) {
				t.Errorf("stdout holds %q..., want the object alone", got[:min(len(got), 40)])
			}
			if !strings.Contains(stderr.String(), "PROGRAM") {
				t.Errorf("the table is not on stderr:\n%s", stderr.String())
			}
			if fi, err := os.Lstat("/dev/stdout"); err == nil && fi.Mode()&os.ModeSymlink == 0 {
				t.Fatal("/dev/stdout is no longer a link")
			}
		})
	}
}

// TestHardeningLongNames compiles an input and writes an output whose
// names are 254 bytes long, within NAME_MAX: oxbpf's own temporary names
// must not grow with them.
func TestHardeningLongNames(t *testing.T) {
	testenv.LookPath(t, "opt-19")
	bin := oxbpfBinary(t)
	dir := t.TempDir()
	long := strings.Repeat("n", 251)
	in := testenv.CopyFile(t, testenv.Abs(t, "../../pipeline/testdata/xdp.ll"), filepath.Join(dir, long+".ll"), 0o644)
	out := filepath.Join(dir, long+".o")
	stderr, code := runBinary(t, bin, false, nil, "compile", in, "-o", out, "--passes", "none", "--opt", "opt-19", "--llc", "llc-19")
	if code != 0 || !fileExists(out) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	stderr, code = runBinary(t, bin, false, nil, "rewrite", "--passes", "none", in, "-o", filepath.Join(dir, long+".ll2"))
	if code != 0 {
		t.Errorf("rewrite: exit %d: %s", code, stderr)
	}
}
