package verify

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

func TestLoad(t *testing.T) {
	testenv.Root(t)
	ok := ""
	for _, tc := range []struct {
		file     string
		maps     map[string]string // name: "" for loaded, else a substring of the error
		programs map[string]string
	}{
		{"xdp_maps.o", map[string]string{"packets": ok}, map[string]string{"xdp_count": ok}},
		{"socket.o", nil, map[string]string{"keep_all": ok}},
		{"bpfcall.o", nil, map[string]string{"xdp_call": ok}},
		{"nofuncinfo.o", nil, map[string]string{"xdp_nofuncinfo": "number of funcs in func_info doesn't match number of subprogs"}},
		{"gaveup.o", nil, map[string]string{"xdp_spin": "jumps is too complex"}},
		{"recursion.o", nil, map[string]string{"xdp_recursion": "the call stack of 9 frames is too deep"}},
		{"callx.o", map[string]string{".rodata": ok}, map[string]string{"xdp_callx": "unknown opcode 8d"}},
		{"datarel.o", map[string]string{".data": ok, ".rodata": ok}, map[string]string{"xdp_datarel": ok}},
		{"loop.o", nil, map[string]string{"xdp_loop": ok}},
		{"big.o", nil, map[string]string{"xdp_big": ok}},
		{"nolicense.o", nil, map[string]string{"xdp_nolicense": ok}},
		{"noprog.o", map[string]string{"lonely": ok}, nil},
		{"rejected.o", nil, map[string]string{
			"xdp_noret":     "R0 !read_ok",
			"xdp_unchecked": "invalid access to packet",
		}},
		{"unresolved.o", map[string]string{".rodata.cst16": ok}, map[string]string{
			"xdp_memcpy":     `symbol "memcpy": unsatisfied program reference`,
			"xdp_extern":     `symbol "checksum": unsatisfied program reference`,
			"xdp_extern_var": "invalid mem access 'scalar'",
		}},
		{"unknown_section.o", nil, map[string]string{"mystery": `section "probe/whatever" names no program type`}},
		{"xdp_maps-eb.o", map[string]string{"packets": ok}, map[string]string{"xdp_count": "can't load BigEndian program on LittleEndian"}},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".o"), func(t *testing.T) {
			r, err := LoadFile(context.Background(), filepath.Join("testdata", tc.file), LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Kernel != RunningKernel() {
				t.Errorf("kernel = %v, want %v", r.Kernel, RunningKernel())
			}
			got := make(map[string]string)
			for _, m := range r.Maps {
				got[m.Name] = outcome(t, m.OK, m.Error, "")
			}
			compare(t, "maps", got, tc.maps)
			got = make(map[string]string)
			for _, p := range r.Programs {
				got[p.Name] = outcome(t, p.OK, p.Error, p.Log)
				// What it cost to verify: said since 5.16, for loaded programs.
				if wantCost := p.OK && !r.Kernel.Before(Kernel{5, 16}); (p.Verified > 0) != wantCost {
					t.Errorf("%s: verified_insns %d", p.Name, p.Verified)
				}
			}
			compare(t, "programs", got, tc.programs)
			allOK := true
			for _, want := range tc.programs {
				allOK = allOK && want == ok
			}
			if r.OK() != allOK {
				t.Errorf("OK() = %v, want %v", r.OK(), allOK)
			}
		})
	}
}

// outcome checks that a failure comes with a one-line error and, if the
// verifier spoke, a log that holds that line; it returns the error.
func outcome(t *testing.T, ok bool, msg, log string) string {
	t.Helper()
	if ok != (msg == "") || strings.Contains(msg, "\n") {
		t.Errorf("ok %v with error %q", ok, msg)
	}
	line := msg
	if _, last, gaveUp := strings.Cut(msg, "instructions: "); gaveUp && strings.HasPrefix(msg, "the verifier gave up") {
		line = last // the verifier's own words follow what oxbpf says of them
	}
	if log != "" && !strings.Contains(log, strings.SplitN(line, ": R", 2)[0]) {
		t.Errorf("log does not hold the error %q:\n%s", msg, log)
	}
	return msg
}

func compare(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
	for name, w := range want {
		g, found := got[name]
		if !found || (w == "") != (g == "") || !strings.Contains(g, w) {
			t.Errorf("%s %s: error %q, want %q", what, name, g, w)
		}
	}
}

func TestLoadVerifierLog(t *testing.T) {
	testenv.Root(t)
	r, err := LoadFile(context.Background(), "testdata/xdp_maps.o", LoadOptions{VerifierLog: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Programs) != 1 || !r.Programs[0].OK || !strings.Contains(r.Programs[0].Log, "processed ") {
		t.Errorf("programs = %+v, want xdp_count loaded with its log", r.Programs)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LoadFile(ctx, "testdata/xdp_maps.o", LoadOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestRun(t *testing.T) {
	testenv.Root(t)
	packet := func(first byte) []byte { return append([]byte{first}, make([]byte, 13)...) }
	for _, tc := range []struct {
		file, program string
		data          []byte
		want          uint32
	}{
		{"xdp_maps.o", "xdp_count", packet(0), 2}, // XDP_PASS
		{"loop.o", "xdp_loop", packet(1), 0},      // odd byte sum
		{"loop.o", "xdp_loop", packet(2), 2},
		{"socket.o", "keep_all", make([]byte, 20), 6}, // skb->len without the Ethernet header
	} {
		got, err := RunFile(context.Background(), filepath.Join("testdata", tc.file), tc.program, tc.data)
		if err != nil || got != tc.want {
			t.Errorf("%s %s(% x) = %d, %v; want %d", tc.file, tc.program, tc.data, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ file, program, want string }{
		{"xdp_maps.o", "nope", "no such program"},
		{"rejected.o", "xdp_noret", "R0 !read_ok"},
	} {
		if _, err := RunFile(context.Background(), filepath.Join("testdata", tc.file), tc.program, packet(0)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: err = %v, want %q", tc.file, tc.program, err, tc.want)
		}
	}
}

// TestNoPermission runs this test binary again as nobody, where Load and Run
// must say that privilege is missing rather than blame the program.
func TestNoPermission(t *testing.T) {
	if obj := os.Getenv("VERIFY_UNPRIVILEGED_OBJECT"); obj != "" {
		_, err := LoadFile(context.Background(), obj, LoadOptions{})
		if !errors.Is(err, ErrNoPermission) || !strings.Contains(err.Error(), "loading BPF needs root or CAP_BPF") {
			t.Errorf("Load as uid %d: err = %v, want ErrNoPermission", os.Getuid(), err)
		}
		_, err = RunFile(context.Background(), obj, "xdp_count", make([]byte, 14))
		if !errors.Is(err, ErrNoPermission) {
			t.Errorf("Run as uid %d: err = %v, want ErrNoPermission", os.Getuid(), err)
		}
		return
	}
	testenv.Root(t)
	nobody, err := user.Lookup("nobody")
	testenv.Need(t, err == nil, "a user named nobody")
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)

	// nobody must be able to reach the binary and the object.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, obj := filepath.Join(dir, "verify.test"), filepath.Join(dir, "xdp_maps.o")
	testenv.CopyFile(t, exe, bin, 0o755)
	testenv.CopyFile(t, "testdata/xdp_maps.o", obj, 0o644)

	cmd := exec.CommandContext(context.Background(), bin, "-test.run=^TestNoPermission$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "VERIFY_UNPRIVILEGED_OBJECT="+obj)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestNoPermission") {
		t.Errorf("as nobody: %v\n%s", err, out)
	}
}

// TestLoadRefusedDespitePrivilege: a program the kernel refuses with EPERM
// although this process is root (fentry on this host) is the kernel's
// refusal of the program, never "needs root or CAP_BPF".
func TestLoadRefusedDespitePrivilege(t *testing.T) {
	testenv.Root(t)
	r, err := LoadFile(context.Background(), "testdata/fentry.o", LoadOptions{})
	if err != nil {
		t.Fatalf("a privileged load failed as a whole: %v", err)
	}
	if p := r.Programs[0]; !p.OK && !strings.Contains(p.Error, "the kernel refused it with EPERM") && !strings.Contains(p.Error, "attach") {
		t.Errorf("on_entry: %q", p.Error)
	}
}
