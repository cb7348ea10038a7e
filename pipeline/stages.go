package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/internal/words"
	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// compile takes res.IR to the object out: parse, rewrite, opt, llc,
// verify, load, install. Errors are not prefixed with the bin.
func (p *pipeline) compile(ctx context.Context, res *BinResult, out string) error {
	var m *ir.Module
	err := p.step(res, StepParse, "", func() (string, error) {
		var err error
		m, err = readIR(ctx, res.IR, cmp.Or(res.irCopy, res.IR), p.opts.Stdin)
		return "", err
	})
	if err != nil {
		return err
	}
	llvm, rustcCommit, err := p.tools(ctx, m)
	if err != nil {
		return err
	}
	res.LLVM = llvm

	base := filepath.Join(p.tmp, tempStem(res.Bin))
	bpfIR, optIR, obj := base+".bpf.ll", base+".opt.ll", base+".o"
	err = p.step(res, StepRewrite, "", func() (string, error) {
		return p.rewrite(m, rewrite.Options{LLVM: llvm.Major(), RustcCommit: rustcCommit}, res, bpfIR)
	})
	if err != nil {
		return err
	}
	p.keep(res, bpfIR)
	keepDebug := !p.opts.NoBTF && !rewrite.WithoutBTF(res.Rewrite)
	key := p.objectKey(res, llvm, keepDebug)
	if key != nil && p.objects.GetFile(key, ".o", obj) {
		p.step(res, StepCached, "", func() (string, error) { return "opt and llc made this object before", nil })
		return p.finishObject(ctx, res, obj, out)
	}
	err = p.step(res, StepOpt, llvm.Opt.FileName(), func() (string, error) {
		if err := toolchain.Opt(ctx, toolchain.OptArgs{LLVMRun: p.llvmRun(llvm.Opt, bpfIR, optIR), Unroll: p.opts.Unroll, KeepDebug: keepDebug}); err != nil {
			return "", llvmError(err)
		}
		return "", p.afterOpt(optIR, llvm.Major())
	})
	if err != nil {
		return err
	}
	p.keep(res, optIR)
	err = p.step(res, StepLlc, llvm.Llc.FileName(), func() (string, error) {
		return "", toolchain.Llc(ctx, toolchain.LlcArgs{LLVMRun: p.llvmRun(llvm.Llc, optIR, obj), Arch: p.opts.arch(), CPU: p.opts.cpu()})
	})
	if err != nil {
		return llvmError(err)
	}
	p.keep(res, obj)
	p.objects.PutFile(key, ".o", obj)
	return p.finishObject(ctx, res, obj, out)
}

// finishObject checks the object and installs it at out.
func (p *pipeline) finishObject(ctx context.Context, res *BinResult, obj, out string) error {
	if err := p.check(ctx, res, obj); err != nil {
		return err
	}
	if err := p.install(obj, out); err != nil {
		return err
	}
	res.Object, res.OK = out, true
	return nil
}

// madeBy names the Rust functions behind the object's problems, where
// the rewrite saw them in the IR: an indirect call that survived opt was
// made in a function lint warned of.
func madeBy(problems []verify.Problem, rep *rewrite.Report) string {
	indirect := slices.ContainsFunc(problems, func(p verify.Problem) bool { return p.Kind == verify.IndirectCall })
	if !indirect || rep == nil {
		return ""
	}
	var fns []string
	for _, d := range rep.Diagnostics() {
		if d.Check == rewrite.CheckIndirectCall && d.Function != "" && !slices.Contains(fns, d.Function) {
			fns = append(fns, d.Function)
		}
	}
	if len(fns) == 0 {
		return ""
	}
	return "; the Rust code calls through a pointer in " + strings.Join(fns, ", ")
}

// tempStem is the start of a bin's temporary file names: the bin's name,
// which opt's and llc's messages then show, cut so that the names stay
// within NAME_MAX (255 bytes) whatever the input was called. Bins of one
// crate differ long before 200 bytes.
func tempStem(bin string) string {
	const keep = 200
	if len(bin) <= keep {
		return bin
	}
	return bin[:keep]
}

// llvmRun is the run of tool from in to out, bounded as the options say.
func (p *pipeline) llvmRun(tool toolchain.Tool, in, out string) toolchain.LLVMRun {
	return toolchain.LLVMRun{Tool: tool, In: in, Out: out, Timeout: p.opts.toolTimeout(), Trace: p.trace}
}

// afterOpt runs rewrite.AfterOpt over opt's output at path, in place, for
// what opt introduced that llc would compile wrongly. Only a build whose
// passes are the bpf pipeline gets them: --passes none means the IR is
// compiled as it is.
func (p *pipeline) afterOpt(path string, llvm int) error {
	if passes, _ := p.opts.passes(); len(passes) == 0 {
		return nil
	}
	m, err := ir.ParseFile(path)
	if err != nil {
		return mark(ErrToolchain, fmt.Errorf("read opt's output: %w", err))
	}
	rep, err := rewrite.Run(m, rewrite.AfterOpt(), rewrite.Options{LLVM: llvm})
	if err != nil {
		return fmt.Errorf("rewrite after opt: %w", err)
	}
	if rep.Edits() == 0 {
		return nil
	}
	return writeTemp(path, m, nil)
}

// check verifies the object and, if asked, loads it.
func (p *pipeline) check(ctx context.Context, res *BinResult, obj string) error {
	if err := p.step(res, StepVerify, "", func() (string, error) { return p.verify(res, obj) }); err != nil {
		return err
	}
	if !p.opts.Load {
		return nil
	}
	return p.step(res, StepLoad, "", func() (string, error) { return p.load(ctx, res, obj) })
}

// rewrite runs the passes over m for the target of ro and writes the
// result to path.
func (p *pipeline) rewrite(m *ir.Module, ro rewrite.Options, res *BinResult, path string) (string, error) {
	rep, err := runPasses(m, p.opts, ro)
	res.Rewrite = rep
	if err != nil {
		return "", err
	}
	// The object cache keys on the IR's bytes: hash them on their way out.
	var sum hash.Hash
	if p.objects.Enabled() {
		sum = sha256.New()
	}
	if err := writeTemp(path, m, sum); err != nil {
		return "", tempError(err)
	}
	if sum != nil {
		res.bpfIRHash = sum.Sum(nil)
	}
	detail := words.Plural(rep.Edits(), "edit")
	if rep.Rustc != "" {
		detail = fmt.Sprintf("rustc %s IR for LLVM %d, %s", rep.Rustc, ro.LLVM, detail)
	}
	if n := len(rep.Diagnostics()); n > 0 {
		detail += ", " + words.Plural(n, "warning")
	}
	return detail, nil
}

// verify inspects the object; every problem but the byte order, which
// Options chose, fails the bin.
func (p *pipeline) verify(res *BinResult, obj string) (string, error) {
	rep, err := verify.Inspect(obj, verify.Options{Kernel: p.opts.Kernel, Unrolled: p.opts.Unroll})
	if err != nil {
		return "", err
	}
	rep.File = ""
	res.Verify = rep
	var problems []verify.Problem
	for _, pr := range rep.Problems {
		if pr.Kind != verify.ByteOrder {
			problems = append(problems, pr)
		}
	}
	if len(problems) > 0 {
		return "", mark(ErrProgram, fmt.Errorf("verify: %s%s%s", problems[0], words.AndMore(len(problems)-1, "problem"), madeBy(problems, res.Rewrite)))
	}
	return words.Plural(len(rep.Programs), "program") + ", " + words.Plural(len(rep.Maps), "map"), nil
}

// load loads the object into the running kernel; a rejected program or map
// fails the bin.
func (p *pipeline) load(ctx context.Context, res *BinResult, obj string) (string, error) {
	rep, err := verify.LoadFile(ctx, obj, verify.LoadOptions{KernelTypes: p.kernelTypes})
	if err != nil {
		return "", loadError(err)
	}
	res.Load = rep
	if rejected := rep.Rejections(); len(rejected) > 0 {
		return "", mark(ErrProgram, fmt.Errorf("load: %s%s", rejected[0], words.AndMore(len(rejected)-1, "rejection")))
	}
	return fmt.Sprintf("%s accepted by Linux %v", words.Plural(len(rep.Programs), "program"), rep.Kernel), nil
}

// writeTemp writes m to a file of the temporary directory, which needs
// none of WriteFile's care, and to also, unless it is nil.
func writeTemp(path string, m *ir.Module, also io.Writer) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var w io.Writer = f
	if also != nil {
		w = io.MultiWriter(f, also)
	}
	if err := ir.Fprint(w, m); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// keep records an intermediate file that outlives the run.
func (p *pipeline) keep(res *BinResult, path string) {
	if p.opts.KeepTemps {
		res.Temps = append(res.Temps, path)
	}
}

// install copies the object into place atomically, or to opts.Stdout
// for "-".
func (p *pipeline) install(obj, out string) error {
	copyObj := output.CopyOf(obj)
	if out == "-" {
		if err := copyObj(p.opts.Stdout); err != nil {
			return fmt.Errorf("write the object to standard output: %w", err)
		}
		return nil
	}
	return output.WriteFile(out, copyObj)
}
