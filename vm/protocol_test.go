package vm

import (
	"errors"
	"strings"
	"testing"
)

// TestParseResult finds the result among the console's other lines, with
// or without carriage returns, and says what is wrong when it is not
// whole.
func TestParseResult(t *testing.T) {
	for _, tc := range []struct {
		name, console string
		release, err  string
	}{
		{"plain", "boot noise\n" + beginResult + "\n{\"release\":\"6.1.0\"}\n" + endResult + "\n", "6.1.0", ""},
		{"serial line ends", "[    0.1] x\r\n" + beginResult + "\r\n{\"release\":\"5.10.0\"}\r\n" + endResult + "\r\n", "5.10.0", ""},
		{"kernel message after", beginResult + "\n{\"release\":\"6.12\"}\n" + endResult + "\n[ 1.2] reboot: Power down\n", "6.12", ""},
		{"no result", "Kernel panic - not syncing: No working init found\n", "", "printed no result"},
		{"cut short", beginResult + "\n{\"release\":", "", "stops after 11 bytes"},
		{"not JSON", beginResult + "\n{oops}\n" + endResult, "", "the guest's result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := parseResult([]byte(tc.console))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				if tc.err != "the guest's result" && !errors.Is(err, errNoResult) {
					t.Errorf("err = %v is no errNoResult", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Release != tc.release {
				t.Errorf("release %q, want %q", r.Release, tc.release)
			}
		})
	}
}
