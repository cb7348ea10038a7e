package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Addresses of VethPair's ends.
const (
	NearAddr = "10.200.0.1"
	FarAddr  = "10.200.0.2"
)

// VethPair makes two network namespaces joined by a veth pair: veth0
// with NearAddr/24 in the first and veth1 with FarAddr/24 in the second,
// removed with all in them when the test ends. It needs root and ip.
func VethPair(t testing.TB) (near, far string) {
	t.Helper()
	Root(t)
	ip := LookPath(t, "ip")
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(ip, args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	near, far = fmt.Sprintf("oxbpf-near-%d", os.Getpid()), fmt.Sprintf("oxbpf-far-%d", os.Getpid())
	for _, ns := range []string{near, far} {
		run("netns", "add", ns)
		t.Cleanup(func() { exec.Command(ip, "netns", "del", ns).Run() })
	}
	run("-n", near, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1", "netns", far)
	run("-n", near, "addr", "add", NearAddr+"/24", "dev", "veth0")
	run("-n", far, "addr", "add", FarAddr+"/24", "dev", "veth1")
	run("-n", near, "link", "set", "veth0", "up")
	run("-n", far, "link", "set", "veth1", "up")
	return near, far
}
