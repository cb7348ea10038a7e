package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		in      string
		limit   int64
		wantErr bool
	}{
		{"", 4, false},
		{"abcd", 4, false},
		{"abcde", 4, true},
	}
	for _, tt := range tests {
		for _, size := range []int64{0, int64(len(tt.in))} {
			var b bytes.Buffer
			err := Read(&b, strings.NewReader(tt.in), size, tt.limit)
			if tt.wantErr != errors.Is(err, ErrTooLarge) || !tt.wantErr && b.String() != tt.in {
				t.Errorf("Read(%q, size %d, limit %d) = %q, %v", tt.in, size, tt.limit, b.String(), err)
			}
		}
	}
}

func TestOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.ll")
	if err := os.WriteFile(path, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, size, err := Open(path)
	if err != nil || size != 3 {
		t.Fatalf("Open(regular file) = %d, %v", size, err)
	}
	f.Close()
	if runtime.GOOS == "windows" {
		return
	}
	if _, _, err := Open("/dev/zero"); err == nil || !strings.Contains(err.Error(), "read /dev/zero: a device, not a file") {
		t.Errorf("Open(/dev/zero) = %v, want a device error", err)
	}
	if err := Check("/dev/zero"); !errors.Is(err, ErrNotFile) || err.Error() != "read /dev/zero: a device, not a file" {
		t.Errorf("Check(/dev/zero) = %v, want a device error", err)
	}
	if err := Check(path); err != nil {
		t.Errorf("Check(regular file) = %v", err)
	}
}
