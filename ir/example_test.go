package ir_test

import (
	"fmt"
	"os"

	"github.com/oxbpf/oxbpf/ir"
)

// Parse a module, drop a flag from one instruction, and print it: only the
// edited instruction changes.
func Example() {
	src := `define i64 @f(ptr %p) {
start:
  %q = getelementptr inbounds nuw i8, ptr %p, i64 8 ; the field
  %v = load i64, ptr %q, align 8
  ret i64 %v
}
`
	m, err := ir.Parse("f.ll", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	gep := m.Func("f").Body.Blocks[0].Instrs[0]
	m.RemoveFlag(&gep.Flags, "nuw")
	ir.Fprint(os.Stdout, m)
	// Output:
	// define i64 @f(ptr %p) {
	// start:
	//   %q = getelementptr inbounds i8, ptr %p, i64 8 ; the field
	//   %v = load i64, ptr %q, align 8
	//   ret i64 %v
	// }
}

// Errors carry file:line:column.
func ExampleParse_error() {
	_, err := ir.Parse("bad.ll", "define void @f() {\n  ret void\n")
	fmt.Println(err)
	// Output:
	// bad.ll:3:1: expected '}' to end the function, found end of file
}
