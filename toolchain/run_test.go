package toolchain

import (
	"strings"
	"testing"
)

func TestFirstMeaningfulLine(t *testing.T) {
	tests := []struct {
		name, argv0, stderr, want string
	}{
		{
			name:   "opt parse error, prefixed with argv0",
			argv0:  "/usr/lib/llvm-19/bin/opt",
			stderr: "/usr/lib/llvm-19/bin/opt: in.ll:12:5: error: expected type\n  %x = add\n    ^\n",
			want:   "in.ll:12:5: error: expected type",
		},
		{
			name:   "llc repeats its name after error:",
			argv0:  "/usr/lib/llvm-19/bin/llc",
			stderr: "/usr/lib/llvm-19/bin/llc: error: /usr/lib/llvm-19/bin/llc: bad.ll:3:1: error: expected type\n}\n^\n",
			want:   "bad.ll:3:1: error: expected type",
		},
		{
			name:   "found by PATH, named by base name",
			argv0:  "opt-15",
			stderr: "opt-15: t19.ll:10:5: error: expected instruction opcode\n    #dbg_declare(ptr %2, !12, !DIExpression(), !13)\n",
			want:   "t19.ll:10:5: error: expected instruction opcode",
		},
		{
			name:   "warning before the error",
			argv0:  "opt",
			stderr: "opt: warning: ignoring debug info with an invalid version (0) in x.ll\nopt: x.ll:1:1: error: expected top-level entity\n",
			want:   "x.ll:1:1: error: expected top-level entity",
		},
		{
			name:   "crash report: the pass that crashed",
			argv0:  "llc-19",
			stderr: "PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.\nStack dump:\n0.\tProgram arguments: llc-19 -march=bpfel x.ll\n1.\tRunning pass 'BPF Assembly Printer' on function '@prog'\n #0 0x00007f llvm::sys::PrintStackTrace(llvm::raw_ostream&, int)\n",
			want:   "1. Running pass 'BPF Assembly Printer' on function '@prog'",
		},
		{
			name:   "rustc error with its location",
			argv0:  "/root/.cargo/bin/cargo",
			stderr: "   Compiling probe v0.1.0 (/tmp/probe)\nerror[E0425]: cannot find value `x` in this scope\n --> src/main.rs:5:9\n  |\n5 |     x\n  |     ^ not found in this scope\n\nerror: could not compile `probe` (bin \"probe\") due to 1 previous error\n",
			want:   "error[E0425]: cannot find value `x` in this scope (src/main.rs:5:9)",
		},
		{
			name:   "LLVM ERROR",
			argv0:  "llc",
			stderr: "LLVM ERROR: Cannot select: 0x55 t5: i64 = GlobalTLSAddress<ptr @x> 0\n",
			want:   "LLVM ERROR: Cannot select: 0x55 t5: i64 = GlobalTLSAddress<ptr @x> 0",
		},
		{
			name:   "rustc's help for an edition-2024 attribute",
			argv0:  "cargo",
			stderr: "   Compiling c5 v0.1.0 (/tmp/c5)\nerror: unsafe attribute used without unsafe\n --> src/main.rs:3:3\n  |\n3 | #[no_mangle]\n  |   ^^^^^^^^^ usage of unsafe attribute\n  |\nhelp: wrap the attribute in `unsafe(...)`\n  |\n3 | #[unsafe(no_mangle)]\n  |   +++++++         +\n\nerror: could not compile `c5` (bin \"c5\") due to 1 previous error\n",
			want:   "error: unsafe attribute used without unsafe (src/main.rs:3:3); help: wrap the attribute in `unsafe(...)`",
		},
		{
			name:   "a -Z flag on stable: the cause is rustc's",
			argv0:  "cargo",
			stderr: "error: failed to run `rustc` to learn about target-specific information\n\nCaused by:\n  process didn't exit successfully: `rustc - --crate-name ___ -Z foo` (exit status: 1)\n  --- stderr\n  error: the option `Z` is only accepted on the nightly compiler\n\n  help: consider switching to a nightly toolchain: `rustup default nightly`\n\n  error: 1 nightly option were parsed\n",
			want:   "error: failed to run `rustc` to learn about target-specific information: the option `Z` is only accepted on the nightly compiler",
		},
		{
			name:   "a build script's panic",
			argv0:  "cargo",
			stderr: "   Compiling c2 v0.1.0 (/tmp/c2)\nerror: failed to run custom build command for `c2 v0.1.0 (/tmp/c2)`\nnote: To improve backtraces for build dependencies, set the CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_DEBUG=true environment variable.\n\nCaused by:\n  process didn't exit successfully: `/tmp/c2/target/release/build/c2-677/build-script-build` (exit status: 101)\n  --- stderr\n\n  thread 'main' (25621) panicked at build.rs:1:13:\n  boom: missing libfoo\n  stack backtrace:\n     0: __rustc::rust_begin_unwind\n",
			want:   "error: failed to run custom build command for `c2 v0.1.0 (/tmp/c2)`: boom: missing libfoo (build.rs:1:13)",
		},
		{
			name:   "cargo's indented detail",
			argv0:  "cargo",
			stderr: "error: rustc 1.95.0 is not supported by the following package:\n  c3@0.1.0 requires rustc 1.99\n\n",
			want:   "error: rustc 1.95.0 is not supported by the following package: c3@0.1.0 requires rustc 1.99",
		},
		{
			name:   "a rustc from .cargo/config that is not there",
			argv0:  "cargo",
			stderr: "error: could not execute process `/usr/bin/rustc-old -vV` (never executed)\n\nCaused by:\n  No such file or directory (os error 2)\n",
			want:   "error: could not execute process `/usr/bin/rustc-old -vV` (never executed): No such file or directory (os error 2)",
		},
		{name: "empty", argv0: "opt", stderr: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstMeaningfulLine([]byte(tt.stderr), tt.argv0); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCommandString(t *testing.T) {
	c := Command{Path: "/usr/bin/opt-19", Args: []string{"-passes=always-inline,default<O3>", "in file.ll", "-o", "it's.ll"}}
	want := `/usr/bin/opt-19 '-passes=always-inline,default<O3>' 'in file.ll' -o 'it'\''s.ll'`
	if got := c.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !strings.HasPrefix(Command{Path: "cargo", Args: []string{"--cfg", `kernel_version="5.7"`}}.String(), `cargo --cfg 'kernel_version="5.7"'`) {
		t.Error("double quotes not quoted")
	}
}
