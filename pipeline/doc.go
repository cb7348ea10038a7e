// Package pipeline strings oxbpf's stages together, so that the command
// line only turns flags into Options and prints results.
//
// For each bin of a crate, Build runs cargo (toolchain.Cargo) for the bin's
// LLVM IR, parses it (ir), rewrites it into BPF IR for the LLVM major of the
// opt and llc that discovery chose (rewrite), compiles it with opt and llc
// (toolchain), checks the object (verify.Inspect) and, on request, loads it
// into the running kernel (verify.Load). Compile does the same for one .ll
// that is already there. Bins build in parallel; each step's duration
// reaches Options.Progress as it ends and is kept in the Result.
// Intermediate files live in a temporary directory, removed at the end
// unless Options.KeepTemps, also after an error or a cancellation. Objects
// are written atomically and only when every step passed.
//
// # Errors
//
// Errors are one line, prefixed with the bin ("bin xdp_parse: opt-19:
// ..."), and match one of ErrProgram, ErrUsage or ErrToolchain, or
// context.Canceled for an interrupted run; the command line maps them to
// its exit status.
//
// # JSON
//
// Result marshals to a stable form for --json; keys are lower-case snake
// case and a key marked optional is left out when empty. Times are seconds
// from the start of the run.
//
//	{
//	  "crate": "net",                          // optional: Build only
//	  "manifest_path": "/src/net/Cargo.toml",  // optional: Build only
//	  "out_dir": "/src/net/target/bpf",        // optional
//	  "temp_dir": "/tmp/oxbpf-123",            // optional: with KeepTemps
//	  "steps": [{"step": "metadata", "tool": "cargo", "start": 0, "seconds": 0.05},
//	            {"step": "discover", "start": 0, "seconds": 0.3}],
//	  "bins": [{
//	    "bin": "xdp_parse",
//	    "ok": true,                            // the object was written
//	    "ir": ".../release/oxbpf/xdp_parse.ll",  // optional: the IR read
//	    "object": "/src/net/target/bpf/xdp_parse.o", // optional: when ok
//	    "temps": ["/tmp/oxbpf-123/xdp_parse.bpf.ll", "..."], // optional
//	    "llvm": {"major": 19,                  // optional: once discovered (toolchain.LLVM)
//	             "opt": {"name": "opt", "path": "/usr/bin/opt-19", "source": "versioned name on PATH",
//	                     "origin": "PATH", "version": "19.1.7"},
//	             "llc": {...}},
//	    "steps": [{"step": "cargo", "tool": "cargo", "start": 0.05, "seconds": 0.2}, ...],
//	    "rewrite": {...},                      // optional: once rewritten (rewrite.Report)
//	    "verify": {...},                       // optional: verify.Report
//	    "load": {...},                         // optional: verify.LoadReport
//	    "error": "..."                         // optional: why the bin failed
//	  }],
//	  "vms": [{                                // optional: with VMs, one per kernel (vm.Result)
//	    "image": "/root/.cache/oxbpf/kernels/vmlinuz-5.10.0-46-cloud-amd64",
//	    "release": "5.10.0-46-cloud-amd64",    // empty when it did not boot
//	    "kernel": "5.10", "accel": "tcg",
//	    "suites": [{"name": "net",
//	                "loads": [{"object": "xdp_parse", "report": {...}, // verify.LoadReport
//	                           "error": "..."}], // optional: the object did not load at all
//	                "tests": {...}}],          // optional: Test's cases there (testrun.Report)
//	    "error": "...",                        // optional: why it did not boot, or stopped early
//	    "seconds": 2.1                         // the boot, loads and cases
//	  }],
//	  "seconds": 1.2                           // wall time of the run
//	}
//
// Step names are those of the Step constants; lists are never null.
package pipeline
