package verify

import (
	"runtime"
	"slices"
	"testing"
)

func TestParseKernel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Kernel
		ok   bool
	}{
		{"5.3", Kernel{5, 3}, true},
		{"4.19", Kernel{4, 19}, true},
		{"6.1.0-18-amd64", Kernel{6, 1}, true},
		{"6.18.44-fc-v445", Kernel{6, 18}, true},
		{"5.10+", Kernel{5, 10}, true},
		{"6.0-rc1", Kernel{6, 0}, true},
		{"5", Kernel{}, false},
		{"5.", Kernel{}, false},
		{"5.x", Kernel{}, false},
		{"5.3rc1", Kernel{}, false},
		{"v5.3", Kernel{}, false},
		{"+5.3", Kernel{}, false},
		{"0.9", Kernel{}, false},
		{"-1.2", Kernel{}, false},
		{"unknown", Kernel{}, false},
	} {
		got, err := ParseKernel(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseKernel(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestParseKernelRunning(t *testing.T) {
	k, err := ParseKernel("")
	if err != nil || k != RunningKernel() {
		t.Fatalf(`ParseKernel("") = %v, %v; want the running kernel %v`, k, err, RunningKernel())
	}
	if k.Known() != (runtime.GOOS == "linux") {
		t.Errorf("running kernel %v on %s", k, runtime.GOOS)
	}
	host, err := ParseKernel("host")
	if runtime.GOOS == "linux" && (err != nil || host != k) || runtime.GOOS != "linux" && err == nil {
		t.Errorf(`ParseKernel("host") = %v, %v; want the running kernel %v`, host, err, k)
	}
}

func TestKernelBefore(t *testing.T) {
	for _, tc := range []struct {
		k, o Kernel
		want bool
	}{
		{Kernel{5, 2}, Kernel{5, 3}, true},
		{Kernel{4, 19}, Kernel{5, 0}, true},
		{Kernel{5, 3}, Kernel{5, 3}, false},
		{Kernel{5, 10}, Kernel{5, 3}, false},
		{Kernel{6, 0}, Kernel{5, 11}, false},
		{Kernel{}, Kernel{5, 3}, false}, // unknown stands for the newest
	} {
		if got := tc.k.Before(tc.o); got != tc.want {
			t.Errorf("%v.Before(%v) = %v, want %v", tc.k, tc.o, got, tc.want)
		}
	}
}

func TestKernelText(t *testing.T) {
	for _, k := range []Kernel{{}, {5, 3}, {6, 18}} {
		text, _ := k.MarshalText()
		var back Kernel
		if err := back.UnmarshalText(text); err != nil || back != k {
			t.Errorf("%v: text %q reads back as %v, %v", k, text, back, err)
		}
	}
	var k Kernel
	if err := k.Set("4.14"); err != nil || k != (Kernel{4, 14}) {
		t.Errorf("Set(4.14) = %v, %v", k, err)
	}
	if err := k.Set("four"); err == nil || k != (Kernel{4, 14}) {
		t.Errorf("Set(four) = %v, %v; want an error and no change", k, err)
	}
	if err := k.UnmarshalText([]byte("")); err == nil {
		t.Error(`UnmarshalText("") succeeded; JSON never holds ""`)
	}
}

func TestReleases(t *testing.T) {
	for _, tt := range []struct {
		k           Kernel
		n           int
		first, last Kernel
	}{
		{Kernel{4, 14}, 2 + 15, Kernel{3, 18}, Kernel{4, 14}},
		{Kernel{5, 10}, 2 + 21 + 11, Kernel{3, 18}, Kernel{5, 10}},
		{Kernel{}, 2 + 21 + 20 + 19, Kernel{3, 18}, Kernel{6, 18}},
		{Kernel{6, 25}, 2 + 21 + 20 + 26, Kernel{3, 18}, Kernel{6, 25}},
		{Kernel{3, 18}, 1, Kernel{3, 18}, Kernel{3, 18}},
	} {
		r := Releases(tt.k)
		if len(r) != tt.n || r[0] != tt.first || r[len(r)-1] != tt.last {
			t.Errorf("Releases(%v): %d from %v to %v, want %d from %v to %v", tt.k, len(r), r[0], r[len(r)-1], tt.n, tt.first, tt.last)
		}
	}
	if r := Releases(Kernel{7, 1}); !slices.Equal(r[len(r)-4:], []Kernel{{6, 17}, {6, 18}, {7, 0}, {7, 1}}) {
		t.Errorf("Releases(7.1) ends %v", r[len(r)-4:])
	}
}
