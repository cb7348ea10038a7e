package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRewriteNoneIsIdentity: with --passes none every fixture comes out
// byte for byte, through stdin and stdout and through files.
func TestRewriteNoneIsIdentity(t *testing.T) {
	dir := t.TempDir()
	for _, file := range fixtures(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := run(t, string(src), "rewrite", "--passes", "none", "-")
		if code != 0 || out != string(src) {
			t.Errorf("%s through stdin and stdout: exit %d, %d bytes out of %d, stderr %q", file, code, len(out), len(src), errOut)
		}
		dst := filepath.Join(dir, "out ü "+filepath.Base(file))
		if _, errOut, code := run(t, "", "rewrite", file, "--passes", "none", "-o", dst); code != 0 {
			t.Errorf("%s to a file: exit %d: %s", file, code, errOut)
			continue
		}
		if got, err := os.ReadFile(dst); err != nil || string(got) != string(src) {
			t.Errorf("%s: the -o file differs from the input (%v)", file, err)
		}
	}
}

// TestRewriteOutputAtomic: when the rewrite fails, an existing -o file
// stays as it was and nothing else appears next to it.
func TestRewriteOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "out.ll")
	if err := os.WriteFile(dst, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.ll")
	if err := os.WriteFile(bad, []byte("define i32 @f( {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "", "rewrite", "--passes", "none", bad, "-o", dst)
	if code != exitProgram || !strings.Contains(errOut, "bad.ll:2:1: expected type") {
		t.Errorf("exit %d, stderr %q; want 1 and the parse error's position", code, errOut)
	}
	if got, _ := os.ReadFile(dst); string(got) != "previous" {
		t.Errorf("the output was clobbered: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the directory holds %v", entries)
	}
}

func TestRewriteVerboseAndJSON(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "out.ll")
	in := "../../pipeline/testdata/xdp.ll"
	out, errOut, code := run(t, "", "rewrite", in, "--passes", "none", "--json", "-v", "-o", dst)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "rewrite-none.json.golden", out)
	if !strings.Contains(errOut, "total") {
		t.Errorf("-v printed no counts: %q", errOut)
	}
}
