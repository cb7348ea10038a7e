# The README's commands. CI runs `make test` through .ci/run.
GO       ?= go
# Fuzz budgets are counts, not durations: Go 1.26's coordinator can fail a
# duration run with a bare "context deadline exceeded" when a worker is busy
# at the deadline (go.dev/issue/75804), and minimizing a grown 100 KB input
# for seconds is exactly such a busy worker. A count has no deadline to race.
FUZZTIME ?= 100000x
FUZZMINIMIZE ?= 100x
# Each fuzz target as package:Name.
FUZZ_TARGETS := ir:FuzzParse verify:FuzzInspect \
	rewrite:FuzzRetarget rewrite:FuzzInlineAll rewrite:FuzzPanicExit \
	rewrite:FuzzDownlevel rewrite:FuzzLint rewrite:FuzzBPF rewrite:FuzzAfterOpt
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: example test setup kernels vet rustvet unit fuzz cross bench

## example: build the bundled example crate and load it into the kernel
example: setup
	$(GO) run ./cmd/oxbpf build example --load

## test: everything CI checks: set-up, vet, unit and end-to-end tests, fuzzing, cross builds
test: setup kernels vet unit fuzz cross

setup:
	scripts/setup.sh

# The kernels the --vm tests boot (5.10, 6.1, 6.12), into the cache the
# tests look in; fetched once.
kernels:
	scripts/fetch-kernels.sh

# staticcheck runs at a pinned version from the module proxy, so CI and a
# developer's machine judge the code alike.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Rust crates held to rustfmt and clippy: the support crate, and the
# fixtures written on it.
RUST_CRATES := scaffold/crate example $(addprefix fixtures/probes/,crate net trace counter unroll calls byname core)

vet: rustvet
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# The support crate's examples compile on the host, without its panic
# handler (std has one); rustdoc must resolve every link.
rustvet:
	@for c in $(RUST_CRATES); do \
		echo "rust $$c"; \
		(cd $$c && cargo fmt --check && cargo clippy -q --release -- -D warnings) || exit 1; \
	done
	cd scaffold/crate && cargo clippy -q --all-targets --no-default-features -- -D warnings
	cd scaffold/crate && RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
	cd scaffold/crate && cargo test -q --doc --no-default-features

unit:
	$(GO) test -count=1 -timeout 10m ./...

# Each fuzz target runs FUZZTIME executions on top of its committed corpus
# (testdata/fuzz); a crasher fails the run and is written there. A worker that
# dies leaves its runtime report in the crash log (testenv.KeepCrashReports).
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name for $(FUZZTIME)"; \
		rm -f /tmp/oxbpf-fuzz-crash.log; \
		OXBPF_CRASH_OUTPUT=/tmp/oxbpf-fuzz-crash.log $(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -parallel 2 >/tmp/oxbpf-fuzz.log 2>&1 || { \
			cat /tmp/oxbpf-fuzz.log; \
			if [ -s /tmp/oxbpf-fuzz-crash.log ]; then echo "what the dead fuzz worker reported:"; cat /tmp/oxbpf-fuzz-crash.log; fi; \
			exit 1; }; \
		grep '^fuzz: elapsed' /tmp/oxbpf-fuzz.log | tail -n 1; \
	done

# Static binaries are the point of the tool: every platform must build without cgo.
cross:
	@for p in $(PLATFORMS); do \
		echo "build $$p"; \
		CGO_ENABLED=0 GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) build -o /dev/null ./cmd/oxbpf || exit 1; \
	done

## bench: the speed comparisons the README quotes
bench:
	scripts/bench-ir.sh
	scripts/bench-build.sh
