package toolchain

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// TestLLVMJSONRoundTrip: a chosen pair reads back as it was written, for
// the discovery cache; a tool that did not run keeps its error.
func TestLLVMJSONRoundTrip(t *testing.T) {
	want := LLVM{
		Opt: Tool{Name: "opt", Path: "/usr/bin/opt-19", Source: SourceVersioned, Origin: "PATH", Version: Version{19, 1, 7}},
		Llc: Tool{Name: "llc", Path: "/usr/lib/llvm-19/bin/llc", Source: SourceLLVMDir, Origin: "/usr/lib/llvm-19", Version: Version{19, 1, 7}},
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got LLVM
	if err := json.Unmarshal(b, &got); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("%s read back as %+v, %v", b, got, err)
	}
	broken := Tool{Name: "opt", Path: "/x/opt", Source: SourceFlag, Origin: "--opt", Err: errors.New("exit status 1")}
	b, _ = json.Marshal(broken)
	var tool Tool
	if err := json.Unmarshal(b, &tool); err != nil || tool.Err == nil || tool.Err.Error() != "exit status 1" || tool.Source != SourceFlag {
		t.Errorf("%s read back as %+v, %v", b, tool, err)
	}
	if err := json.Unmarshal([]byte(`{"name":"opt","source":"nowhere"}`), &tool); err == nil {
		t.Error("an unknown source reads")
	}
}
