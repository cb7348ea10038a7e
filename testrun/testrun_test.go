package testrun

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/btfvalue"
	"github.com/oxbpf/oxbpf/internal/testenv"
)

func writeCases(t *testing.T, text string) string {
	t.Helper()
	return testenv.WriteFile(t, filepath.Join(t.TempDir(), "cases.toml"), text, 0o644)
}

func TestReadCasesErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"", "no [[case]]"},
		{"[[case]]\nprogram = \"p\"\n", "case 1 (unnamed): no name"},
		{"[[case]]\nname = \"a\"\n", "no program"},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\n[[case]]\nname = \"a\"\nprogram = \"p\"\n", "case 2 (a): another case has this name"},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\nfrobs = 1\n", "unknown key case.frobs"},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\npacket = \"zz\"\n", "packet: not hex"},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\npacket = { ipv5 = {} }\n", `unknown layer "ipv5"`},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\npacket = { ipv4 = { src = \"::1\" } }\n", `ipv4.src: want an IPv4 address, not "::1"`},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\npacket = { tcp = { flags = \"SYNN\" } }\n", `tcp.flags: unknown flag "SYNN"`},
		{"[[case]]\nname = \"a\"\nprogram = \"p\"\n[[case.before]]\nmap = \"M\"\n", "before 1: want map, key and value"},
		{"[[case]\n", "cases.toml:2: expected end of table array name"},
	} {
		_, err := ReadCases(writeCases(t, tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.text, err, tt.want)
		}
	}
	if _, err := ReadCases(t.TempDir()); err == nil || !strings.Contains(err.Error(), "holds no test cases") {
		t.Errorf("an empty directory: %v", err)
	}
}

// TestPacket builds packets from layers: lengths, protocols and
// checksums filled in, so that each checksum verifies.
func TestPacket(t *testing.T) {
	for _, tt := range []struct {
		layers  map[string]any
		want    string // hex, spaces ignored
		ipv4    bool
		l4proto int
	}{
		{map[string]any{"eth": map[string]any{"src": "02:00:00:00:00:01"}}, "000000000000 020000000001 0000", false, 0},
		{map[string]any{"eth": map[string]any{}, "ipv4": map[string]any{"src": "10.0.0.1", "dst": "10.0.0.2"}, "udp": map[string]any{"sport": int64(4000), "dport": int64(53)}, "payload": "6869"},
			"000000000000 000000000000 0800 4500001e00000000401100000a0000010a000002 0fa00035000a0000 6869", true, 17},
		{map[string]any{"ipv4": map[string]any{}, "tcp": map[string]any{"dport": int64(80), "flags": "SYN|ACK"}}, "", true, 6},
		{map[string]any{"ipv6": map[string]any{"src": "2001:db8::1"}, "udp": map[string]any{"dport": int64(53)}}, "", false, 17},
	} {
		b, err := buildPacket(tt.layers)
		if err != nil {
			t.Fatal(err)
		}
		if tt.want != "" {
			want, _ := hex.DecodeString(strings.ReplaceAll(tt.want, " ", ""))
			// The checksums are checked below, not spelled out here.
			masked := append([]byte(nil), b...)
			if tt.ipv4 {
				masked[24], masked[25] = 0, 0
				if tt.l4proto == 17 {
					masked[40], masked[41] = 0, 0
				}
			}
			if string(masked) != string(want) {
				t.Errorf("%v:\n got %x\nwant %x", tt.layers, masked, want)
			}
		}
		ip := b[14:]
		if tt.ipv4 {
			if checksum(ip[:20], 0) != 0 {
				t.Errorf("%v: the IPv4 header checksum does not verify", tt.layers)
			}
			l4 := ip[20:]
			if tt.l4proto != 0 && checksum(l4, pseudo(ip[12:16], ip[16:20], tt.l4proto, len(l4))) != 0 {
				t.Errorf("%v: the L4 checksum does not verify", tt.layers)
			}
		} else if tt.l4proto != 0 {
			l4 := ip[40:]
			if checksum(l4, pseudo(ip[8:24], ip[24:40], tt.l4proto, len(l4))) != 0 {
				t.Errorf("%v: the L4 checksum over IPv6 does not verify", tt.layers)
			}
		}
	}
	if b, _ := buildPacket(map[string]any{"ipv4": map[string]any{}, "tcp": map[string]any{"flags": "SYN|ACK"}}); b[14+20+13] != 0x12 {
		t.Errorf("SYN|ACK: flags %#x", b[14+20+13])
	}
}

// flowTypes are a key with an enum, a nested struct and padding, and a
// value with an array of structs.
func flowTypes() (key, value btf.Type) {
	u8, u16 := &btf.Int{Name: "u8", Size: 1}, &btf.Int{Name: "u16", Size: 2}
	u32 := &btf.Int{Name: "u32", Size: 4}
	proto := &btf.Enum{Name: "Proto", Size: 1, Values: []btf.EnumValue{{Name: "Tcp", Value: 6}, {Name: "Udp", Value: 17}}}
	ports := &btf.Struct{Name: "Ports", Size: 4, Members: []btf.Member{{Name: "src", Type: u16}, {Name: "dst", Type: u16, Offset: 16}}}
	key = &btf.Struct{Name: "Key", Size: 12, Members: []btf.Member{
		{Name: "proto", Type: proto}, {Name: "ports", Type: ports, Offset: 16}, {Name: "addr", Type: &btf.Array{Index: u32, Type: u8, Nelems: 4}, Offset: 48},
	}}
	value = &btf.Struct{Name: "Value", Size: 12, Members: []btf.Member{
		{Name: "count", Type: u32}, {Name: "history", Type: &btf.Array{Index: u32, Type: ports, Nelems: 2}, Offset: 32},
	}}
	return key, value
}

func TestEncodeFormat(t *testing.T) {
	key, value := flowTypes()
	k, err := encode(map[string]any{"proto": "Udp", "ports": map[string]any{"src": int64(53), "dst": "0x1f90"}, "addr": "10.0.0.1"}, key, 12)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{17, 0, 53, 0, 0x90, 0x1f, 10, 0, 0, 1, 0, 0}
	if string(k.bytes) != string(want) {
		t.Errorf("key % x, want % x", k.bytes, want)
	}
	if k.mask[1] != 0 || k.mask[0] != 0xff {
		t.Errorf("the padding after proto is checked: mask % x", k.mask)
	}
	if got := btfvalue.Format(k.bytes, key, k.mask); got != `{ proto = "Udp", ports = { src = 53, dst = 8080 }, addr = [10, 0, 0, 1] }` {
		t.Errorf("format = %s", got)
	}
	v, err := encode(map[string]any{"history": []any{map[string]any{"src": int64(1)}}}, value, 12)
	if err != nil {
		t.Fatal(err)
	}
	actual := make([]byte, 12)
	binary.LittleEndian.PutUint32(actual, 99) // count: not given, not checked
	binary.LittleEndian.PutUint16(actual[4:], 1)
	binary.LittleEndian.PutUint16(actual[6:], 7) // history[0].dst: not given
	if !v.matches(actual) {
		t.Errorf("%x does not match % x under % x", actual, v.bytes, v.mask)
	}
	actual[4] = 2
	if v.matches(actual) {
		t.Error("history[0].src = 2 matches 1")
	}
	for _, tt := range []struct {
		v    any
		t    btf.Type
		want string
	}{
		{int64(256), &btf.Int{Size: 1}, "256 does not fit in 8 bits"},
		{int64(-1), &btf.Int{Size: 4}, "-1 does not fit in 32 bits"},
		{"Icmp", &btf.Enum{Name: "Proto", Size: 1}, `"Icmp" is no value of enum Proto`},
		{map[string]any{"srcport": int64(1)}, key, `Key has no field "srcport": want proto, ports, addr`},
		{"10.0.0.1.5", &btf.Array{Index: &btf.Int{Size: 4}, Type: &btf.Int{Size: 1}, Nelems: 4}, "longer than 4 bytes"},
		{[]any{int64(1), int64(2), int64(3)}, &btf.Array{Index: &btf.Int{Size: 4}, Type: &btf.Int{Size: 1}, Nelems: 2}, "3 items for an array of 2"},
	} {
		size, _ := btf.Sizeof(tt.t)
		if _, err := encode(tt.v, tt.t, size); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("encode(%v, %v) = %v, want %q", tt.v, tt.t, err, tt.want)
		}
	}
}

// TestRun runs cases on a C object with a legacy map (no BTF types): the
// passing ones pass, and each wrong expectation fails with a line that
// says what differed.
func TestRun(t *testing.T) {
	testenv.Root(t)
	obj := testenv.Abs(t, "../verify/testdata/xdp_maps.o")
	cases, err := ReadCases(writeCases(t, `
[[case]]
name = "counts"
program = "xdp_count"
packet = { eth = {}, ipv4 = {}, udp = {} }
expect.return = "XDP_PASS"
[[case.expect.maps]]
map = "packets"
key = 0
value = 1

[[case]]
name = "counts on from before"
program = "xdp_count"
packet = { eth = {} }
[[case.before]]
map = "packets"
key = 0
value = 41
[[case.expect.maps]]
map = "packets"
key = 0
value = 42

[[case]]
name = "wrong"
program = "xdp_count"
packet = "000000000000 000000000000 0800"
[case.expect]
return = "XDP_DROP"
packet = "000000000000 000000000000 0801"
[[case.expect.maps]]
map = "packets"
key = 0
value = 7
[[case.expect.maps]]
map = "nosuch"
key = 0
value = 0

[[case]]
name = "no such program"
program = "xdp_nope"
`))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), map[string]string{"xdp_maps": obj}, cases, Options{Bench: 100})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passed != 2 || rep.Failed != 2 || rep.OK() {
		t.Fatalf("%+v", rep)
	}
	if r := rep.Results[0]; r.BenchRuns != 100 || r.NsPerRun <= 0 {
		t.Errorf("bench: %d runs, %v ns/run", r.BenchRuns, r.NsPerRun)
	}
	wrong := strings.Join(rep.Results[2].Diffs, "\n")
	for _, want := range []string{
		"return: got XDP_PASS (2), want XDP_DROP (1)",
		"packet: byte 13: got 00, want 01 (14 and 14 bytes)",
		"map packets[0]: got 1, want 7",
		"no map nosuch: the object has packets",
	} {
		if !strings.Contains(wrong, want) {
			t.Errorf("the failing case's diffs lack %q:\n%s", want, wrong)
		}
	}
	if r := rep.Results[3]; r.Status != Fail || !strings.Contains(r.Reason, "no object has a program xdp_nope (objects: xdp_maps)") {
		t.Errorf("a missing program: %+v", r)
	}
	only, err := Run(context.Background(), map[string]string{"xdp_maps": obj}, cases, Options{Run: regexp.MustCompile("^counts$")})
	if err != nil || len(only.Results) != 1 {
		t.Errorf("--run: %v, %+v", err, only)
	}
	if _, err := os.Stat(obj); err != nil {
		t.Fatal(err)
	}
}
