package main

import (
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/scaffold"
)

// TestNewTypes writes a crate of every type with oxbpf new, into a
// directory whose name has a space, builds it with cargo offline and
// loads it (oxbpf build --load), runs its test cases (oxbpf test), loads
// the object with bpftool (libbpf) and cilium/ebpf, and runs the packet
// programs on a UDP packet.
func TestNewTypes(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	testenv.Root(t)
	bpftool := testenv.LookPath(t, "bpftool")
	bin := oxbpfBinary(t)
	// Ethernet, IPv4 (UDP, 28 bytes), UDP to port 53.
	udp, _ := hex.DecodeString("000000000000000000000000" + "0800" + "4500001c00000000401100000102030405060708" + "0035003500080000")
	verdicts := map[string]uint32{"xdp": 2, "tc": 0, "socket": 28, "cgroup-skb": 1} // XDP_PASS, TC_ACT_OK, bytes kept, allow
	for _, typ := range scaffold.Types {
		t.Run(typ.Name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my "+typ.Name)
			out, err := exec.Command(bin, "new", "--type", typ.Name, dir).Output()
			if err != nil {
				t.Fatalf("oxbpf new: %v", err)
			}
			if !strings.Contains(string(out), "next: oxbpf build '"+dir+"' --load") {
				t.Errorf("oxbpf new printed %q, want the next command with the path quoted", out)
			}
			stderr, code := runBinary(t, bin, false, []string{"CARGO_NET_OFFLINE=true"}, "build", dir, "--load")
			if code != 0 {
				t.Fatalf("oxbpf build --load: exit %d\n%s", code, stderr)
			}
			obj := filepath.Join(dir, "target", "bpf", "my_"+strings.ReplaceAll(typ.Name, "-", "_")+".o")
			pin := fmt.Sprintf("/sys/fs/bpf/oxbpf-new-%d-%s", os.Getpid(), typ.Name)
			t.Cleanup(func() { os.RemoveAll(pin) })
			if out, err := exec.Command(bpftool, "prog", "loadall", obj, pin).CombinedOutput(); err != nil {
				t.Errorf("bpftool prog loadall: %v\n%s", err, out)
			}
			// The crate's own cases: oxbpf test passes them, or skips what
			// the kernel cannot test-run.
			stderr, code = runBinary(t, bin, false, nil, "test", dir)
			if code != 0 {
				t.Errorf("oxbpf test: exit %d\n%s", code, stderr)
			}
			coll, err := ebpf.LoadCollection(obj)
			if err != nil {
				t.Fatalf("cilium/ebpf: %v", err)
			}
			defer coll.Close()
			want, isPacket := verdicts[typ.Name]
			if !isPacket {
				return
			}
			for _, p := range coll.Programs {
				got, err := p.Run(&ebpf.RunOptions{Data: udp})
				if err != nil || got != want {
					t.Errorf("test run: %d, %v; want %d", got, err, want)
				}
			}
		})
	}
}
