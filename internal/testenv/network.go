package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
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

// InNetns runs fn on a thread in the network namespace ns (made by ip
// netns add), and back in the test's own after.
func InNetns(t testing.TB, ns string, fn func()) {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	own, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	target, err := os.Open(filepath.Join("/run/netns", ns))
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := unix.Setns(int(own.Fd()), unix.CLONE_NEWNET); err != nil {
			panic(err) // the thread must not go back to the pool elsewhere
		}
	}()
	fn()
}
