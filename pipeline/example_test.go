package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/verify"
)

// TestExample builds the README's bundled example crate, loads it, and runs
// it on packets: UDP to the dropped ports is dropped, other traffic passes,
// and a table slot out of range takes the panic path, which returns 0
// (XDP_ABORTED).
func TestExample(t *testing.T) {
	needE2E(t)
	out := t.TempDir()
	res, err := Build(context.Background(), Options{
		ManifestPath: filepath.Join("..", "example", "Cargo.toml"),
		TargetDir:    t.TempDir(),
		OutDir:       out,
		Load:         os.Geteuid() == 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	if b := res.Bins[0]; !b.OK || b.Load != nil && !b.Load.OK() {
		t.Fatalf("%+v", b)
	}
	testenv.Root(t)
	obj := filepath.Join(out, "xdp_count.o")
	for vector, want := range map[string]uint32{
		"E 0800 IP U9":               1, // discard port, slot 0
		"E 0800 IP 0035001300080001": 1, // chargen port, slot 1
		"E 0800 IP U53":              2,
		"E 0800 IP 0035000900080002": 0, // slot 2 is out of range: panic
		"E 86dd IP U9":               2, // not IPv4
		"z(20)":                      2, // too short
	} {
		got, err := verify.RunFile(context.Background(), obj, "xdp_count", packet(t, vector))
		if err != nil || got != want {
			t.Errorf("xdp_count on %q = %d, %v; want %d", vector, got, err, want)
		}
	}
}
