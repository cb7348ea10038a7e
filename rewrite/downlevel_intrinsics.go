package rewrite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// intrinsicTable lists the target-independent and BPF intrinsics, without
// their llvm. prefix, by the first LLVM major that knows them. LLVM does
// not reject a call of an llvm.* function it does not know: it calls it
// as an external function, and the BPF object fails to load far from the
// cause. So an intrinsic newer than the target is an error, unless a rule
// rewrites it first.
//
// LLVM 14, 15, 16 and 19 were measured: every llvm.* name in their
// libLLVM was declared with a signature no intrinsic has and called, and
// the verifier complains exactly when that LLVM knows the name. A name
// that appeared between two measured versions is listed under the later
// one (llvm.ldexp, new in 17, under 19), so that a target in between
// refuses it rather than miscompile. The rows for 20 to 22 are from LLVM's release notes and cover what oxbpf
// knows of. A name no row lists counts as newer than LLVM 22: it is
// refused for targets up to 19, which the table describes completely,
// only warned about for 20 to 22, and passed for newer targets.
var intrinsicTable = []versionRow{
	{14, `abs addressofreturnaddress adjust.trampoline annotation arithmetic.fence
		asan.check.memaccess assume bitreverse bpf.btf.type.id bpf.compare bpf.load.byte
		bpf.load.half bpf.load.word bpf.passthrough bpf.preserve.enum.value
		bpf.preserve.field.info bpf.preserve.type.info bpf.pseudo bswap call.preallocated.arg
		call.preallocated.setup call.preallocated.teardown canonicalize ceil clear_cache
		codeview.annotation convert.from.fp16 convert.to.fp16 copysign coro.align coro.alloc
		coro.alloca.alloc coro.alloca.free coro.alloca.get coro.async.context.alloc
		coro.async.context.dealloc coro.async.resume coro.async.size.replace coro.begin
		coro.destroy coro.done coro.end coro.end.async coro.frame coro.free coro.id
		coro.id.async coro.id.retcon coro.id.retcon.once coro.noop coro.prepare.async
		coro.prepare.retcon coro.promise coro.resume coro.save coro.size coro.subfn.addr
		coro.suspend coro.suspend.async coro.suspend.retcon cos ctlz ctpop cttz dbg.addr
		dbg.declare dbg.label dbg.value debugtrap donothing eh.dwarf.cfa eh.exceptioncode
		eh.exceptionpointer eh.recoverfp eh.return.i32 eh.return.i64 eh.sjlj.callsite
		eh.sjlj.functioncontext eh.sjlj.longjmp eh.sjlj.lsda eh.sjlj.setjmp
		eh.sjlj.setup.dispatch eh.typeid.for eh.unwind.init exp exp2 expect
		expect.with.probability experimental.constrained.ceil experimental.constrained.cos
		experimental.constrained.exp experimental.constrained.exp2 experimental.constrained.fadd
		experimental.constrained.fcmp experimental.constrained.fcmps
		experimental.constrained.fdiv experimental.constrained.floor
		experimental.constrained.fma experimental.constrained.fmul
		experimental.constrained.fmuladd experimental.constrained.fpext
		experimental.constrained.fptosi experimental.constrained.fptoui
		experimental.constrained.fptrunc experimental.constrained.frem
		experimental.constrained.fsub experimental.constrained.llrint
		experimental.constrained.llround experimental.constrained.log
		experimental.constrained.log10 experimental.constrained.log2
		experimental.constrained.lrint experimental.constrained.lround
		experimental.constrained.maximum experimental.constrained.maxnum
		experimental.constrained.minimum experimental.constrained.minnum
		experimental.constrained.nearbyint experimental.constrained.pow
		experimental.constrained.powi experimental.constrained.rint
		experimental.constrained.round experimental.constrained.roundeven
		experimental.constrained.sin experimental.constrained.sitofp
		experimental.constrained.sqrt experimental.constrained.trunc
		experimental.constrained.uitofp experimental.deoptimize experimental.gc.get.pointer.base
		experimental.gc.get.pointer.offset experimental.gc.relocate experimental.gc.result
		experimental.gc.statepoint experimental.guard experimental.noalias.scope.decl
		experimental.patchpoint.i64 experimental.patchpoint.void experimental.stackmap
		experimental.stepvector experimental.vector.extract experimental.vector.insert
		experimental.vector.reverse experimental.vector.splice experimental.vp.splice
		experimental.widenable.condition fabs floor flt.rounds fma fmuladd fptosi.sat fptoui.sat
		frameaddress fshl fshr gcread gcroot gcwrite get.active.lane.mask
		get.dynamic.area.offset hwasan.check.memaccess hwasan.check.memaccess.shortgranules
		icall.branch.funnel init.trampoline instrprof.cover instrprof.increment
		instrprof.increment.step instrprof.value.profile invariant.end invariant.start
		is.constant launder.invariant.group lifetime.end lifetime.start llrint llround
		load.relative localaddress localescape localrecover log log10 log2 loop.decrement
		loop.decrement.reg lrint lround masked.compressstore masked.expandload masked.gather
		masked.load masked.scatter masked.store matrix.column.major.load
		matrix.column.major.store matrix.multiply matrix.transpose maximum maxnum memcpy
		memcpy.element.unordered.atomic memcpy.inline memmove memmove.element.unordered.atomic
		memset memset.element.unordered.atomic minimum minnum nearbyint
		objc.arc.annotation.bottomup.bbend objc.arc.annotation.bottomup.bbstart
		objc.arc.annotation.topdown.bbend objc.arc.annotation.topdown.bbstart objc.autorelease
		objc.clang.arc.noop.use objc.clang.arc.use objc.release objc.retain
		objc.retain.autorelease objc.sync.enter objc.sync.exit objectsize pcmarker pow powi
		prefetch preserve.array.access.index preserve.struct.access.index
		preserve.union.access.index pseudoprobe ptr.annotation ptrauth.auth ptrauth.blend
		ptrauth.resign ptrauth.sign ptrauth.sign.generic ptrauth.strip ptrmask read_register
		read_volatile_register readcyclecounter returnaddress rint round roundeven sadd.sat
		sadd.with.overflow sdiv.fix sdiv.fix.sat seh.scope.begin seh.scope.end seh.try.begin
		seh.try.end set.loop.iterations set.rounding sideeffect sin smax smin smul.fix
		smul.fix.sat smul.with.overflow sponentry sqrt ssa.copy sshl.sat ssub.sat
		ssub.with.overflow stackguard stackprotector stackrestore stacksave
		start.loop.iterations strip.invariant.group swift.async.context.addr
		test.set.loop.iterations test.start.loop.iterations thread.pointer trap trunc
		type.checked.load type.test uadd.sat uadd.with.overflow ubsantrap udiv.fix udiv.fix.sat
		umax umin umul.fix umul.fix.sat umul.with.overflow ushl.sat usub.sat usub.with.overflow
		va_copy va_end va_start var.annotation vector.reduce.add vector.reduce.and
		vector.reduce.fadd vector.reduce.fmax vector.reduce.fmin vector.reduce.fmul
		vector.reduce.mul vector.reduce.or vector.reduce.smax vector.reduce.smin
		vector.reduce.umax vector.reduce.umin vector.reduce.xor vp.add vp.and vp.ashr vp.fadd
		vp.fdiv vp.fmul vp.frem vp.fsub vp.gather vp.load vp.lshr vp.merge vp.mul vp.or
		vp.reduce.add vp.reduce.and vp.reduce.fadd vp.reduce.fmax vp.reduce.fmin vp.reduce.fmul
		vp.reduce.mul vp.reduce.or vp.reduce.smax vp.reduce.smin vp.reduce.umax vp.reduce.umin
		vp.reduce.xor vp.scatter vp.sdiv vp.select vp.shl vp.srem vp.store vp.sub vp.udiv
		vp.urem vp.xor vscale write_register xray.customevent xray.typedevent`},
	{15, `experimental.vp.strided.load experimental.vp.strided.store fptrunc.round is.fpclass
		memset.inline public.type.test vector.extract vector.insert vp.fcmp vp.fma vp.fneg
		vp.fpext vp.fptosi vp.fptoui vp.fptrunc vp.icmp vp.inttoptr vp.ptrtoint vp.sext
		vp.sitofp vp.trunc vp.uitofp vp.zext`},
	{16, `dbg.assign get.rounding threadlocal.address vp.abs vp.bitreverse vp.bswap vp.ceil
		vp.copysign vp.ctlz vp.ctpop vp.cttz vp.fabs vp.floor vp.fmuladd vp.fshl vp.fshr
		vp.maxnum vp.minnum vp.nearbyint vp.rint vp.round vp.roundeven vp.roundtozero vp.smax
		vp.smin vp.sqrt vp.umax vp.umin`},
	{19, `acos allow.runtime.check allow.ubsan.check asin atan bpf.getelementptr.and.load
		bpf.getelementptr.and.store callbr.landingpad coro.await.suspend.bool
		coro.await.suspend.handle coro.await.suspend.void coro.end.results cosh exp10
		experimental.constrained.acos experimental.constrained.asin
		experimental.constrained.atan experimental.constrained.cosh
		experimental.constrained.ldexp experimental.constrained.sinh
		experimental.constrained.tan experimental.constrained.tanh
		experimental.convergence.anchor experimental.convergence.entry
		experimental.convergence.loop experimental.cttz.elts experimental.get.vector.length
		experimental.patchpoint experimental.vector.compress experimental.vector.histogram.add
		experimental.vector.partial.reduce.add experimental.vp.reverse experimental.vp.splat
		frexp get.fpenv get.fpmode hwasan.check.memaccess.fixedshadow
		hwasan.check.memaccess.shortgranules.fixedshadow instrprof.callsite
		instrprof.mcdc.parameters instrprof.mcdc.tvbitmap.update instrprof.timestamp ldexp
		preserve.static.offset readsteadycounter reset.fpenv reset.fpmode scmp set.fpenv
		set.fpmode sinh tan tanh type.checked.load.relative ucmp vector.deinterleave2
		vector.interleave2 vector.reduce.fmaximum vector.reduce.fminimum vector.reverse
		vector.splice vp.cttz.elts vp.is.fpclass vp.llrint vp.lrint vp.maximum vp.minimum
		vp.reduce.fmaximum vp.reduce.fminimum vp.sadd.sat vp.ssub.sat vp.uadd.sat vp.usub.sat`},
	{20, `atan2 experimental.constrained.atan2 experimental.memset.pattern
		experimental.vector.extract.last.active experimental.vector.match fake.use maximumnum
		minimumnum sincos stepvector`},
	{21, `modf sincospi vector.deinterleave3 vector.deinterleave4 vector.deinterleave5
		vector.deinterleave6 vector.deinterleave7 vector.deinterleave8 vector.extract.last.active
		vector.interleave3 vector.interleave4 vector.interleave5 vector.interleave6
		vector.interleave7 vector.interleave8`},
	{22, `loop.dependence.raw.mask loop.dependence.war.mask vector.partial.reduce.add`},
}

var intrinsicSince = versionTable(intrinsicTable)

// intrinsicsMeasured is the newest LLVM major whose intrinsics the table
// lists completely.
const intrinsicsMeasured = 19

// hostIntrinsics are the prefixes of other targets' intrinsics. Whether
// BPF can use them is lint's business, not a matter of LLVM versions.
var hostIntrinsics = []string{
	"llvm.aarch64", "llvm.amdgcn", "llvm.arm", "llvm.dx", "llvm.hexagon", "llvm.loongarch",
	"llvm.mips", "llvm.nvvm", "llvm.ppc", "llvm.r600", "llvm.riscv", "llvm.s390", "llvm.spv",
	"llvm.ve", "llvm.wasm", "llvm.x86", "llvm.xcore",
}

// The intrinsics with rules of their own, which rewrite or refuse them.
var (
	cmpIntrinsics      = []string{"llvm.ucmp", "llvm.scmp"}
	minmaxIntrinsics   = []string{"llvm.maximumnum", "llvm.minimumnum"}
	expandedIntrinsics = append(append([]string(nil), cmpIntrinsics...), minmaxIntrinsics...)
)

// lookupIntrinsic returns the LLVM major that introduced the intrinsic a
// function name calls: its longest listed prefix, as LLVM resolves
// overloaded names such as llvm.umax.i32.
func lookupIntrinsic(name string) (since int, known bool) {
	base := strings.TrimPrefix(name, "llvm.")
	for {
		if since, known := intrinsicSince[base]; known {
			return since, true
		}
		dot := strings.LastIndexByte(base, '.')
		if dot < 0 {
			return 0, false
		}
		base = base[:dot]
	}
}

var intrinsicsRule = &Rule{
	Name:   "intrinsics",
	Since:  15,
	newest: ir.NewestLLVM + 1,
	Doc:    "refuse intrinsics the target does not know; older LLVM would call them as external functions",
	apply: func(r *ruleRun) {
		for _, f := range r.m.Funcs {
			name := f.Name.Name()
			if !f.IsIntrinsic() || isOverloadOf(name, hostIntrinsics) || isOverloadOf(name, expandedIntrinsics) {
				continue
			}
			since, known := lookupIntrinsic(name)
			if !known {
				since = ir.NewestLLVM + 1
			}
			if !r.hit(f, since) {
				continue
			}
			switch {
			case known:
				r.refuse(f, nil, "intrinsic %s is new in LLVM %d; LLVM %d does not know it and would call it as an external function", name, since, r.target)
			case r.target <= intrinsicsMeasured:
				r.refuse(f, nil, "intrinsic %s is unknown to LLVM %d, which would call it as an external function", name, r.target)
			default:
				r.fixed--
				r.warn(f, nil, "intrinsic %s is not in oxbpf's table; if LLVM %d does not know it, it calls it as an external function", name, r.target)
			}
		}
	},
}

// cmpRule expands llvm.ucmp and llvm.scmp (three-way comparison, -1, 0 or
// 1) into two compares and a subtraction, which is exact and works for
// vectors too.
var cmpRule = &Rule{
	Name:  "ucmp-scmp",
	Since: 19,
	Doc:   "expand llvm.ucmp/llvm.scmp into icmp, zext and sub",
	apply: func(r *ruleRun) {
		expanded := 0
		r.eachCallOf(cmpIntrinsics, func(f *ir.Func, b *ir.Block, i int) int {
			in := b.Instrs[i]
			if !r.hit(in, 19) {
				return 1
			}
			if in.Opcode != "call" || len(in.Call.Args) != 2 {
				r.refuse(in, f, "%s %s cannot be expanded", in.Opcode, in.Call.CalleeName())
				return 1
			}
			instrs, err := r.m.ReplaceInstr(b, i, expandCmp(r.m, f, in))
			if err != nil {
				r.check(err)
				return 1
			}
			expanded++
			return len(instrs)
		})
		if expanded > 0 && len(r.refused) == 0 {
			r.eachDeclOf(cmpIntrinsics, func(f *ir.Func) { r.m.Remove(f) })
		}
	},
}

// expandCmp returns the instructions that compute the call in of ucmp or
// scmp: zext(a > b) - zext(a < b).
func expandCmp(m *ir.Module, f *ir.Func, in *ir.Instr) string {
	c := in.Call
	sign := "u"
	if strings.HasPrefix(c.CalleeName(), "llvm.scmp") {
		sign = "s"
	}
	a, b := c.Args[0], c.Args[1]
	boolType := "i1"
	if t := a.Type; t.Kind == ir.VectorType {
		boolType = strings.Replace(t.String(), t.Elem.String()+">", "i1>", 1)
	}
	names := localNames(f)
	base := strings.TrimPrefix(in.Result.Name(), "_")
	if base == "" || base[0] >= '0' && base[0] <= '9' {
		base = "cmp"
	}
	lt, gt := names(base+".lt"), names(base+".gt")
	ltz, gtz := names(base+".ltz"), names(base+".gtz")
	res := in.Result.Raw
	if res == "" {
		res = names(base)
	}
	dbg := ""
	for _, att := range in.Attachments {
		if att.Name == "dbg" {
			dbg = ", !dbg " + m.TextOf(att.Value)
		}
	}
	x, y := m.TextOf(a.Value), m.TextOf(b.Value)
	return fmt.Sprintf("%s = icmp %slt %s %s, %s%s\n", lt, sign, a.Type, x, y, dbg) +
		fmt.Sprintf("%s = icmp %sgt %s %s, %s%s\n", gt, sign, a.Type, x, y, dbg) +
		fmt.Sprintf("%s = zext %s %s to %s%s\n", ltz, boolType, lt, c.Type, dbg) +
		fmt.Sprintf("%s = zext %s %s to %s%s\n", gtz, boolType, gt, c.Type, dbg) +
		fmt.Sprintf("%s = sub %s %s, %s%s", res, c.Type, gtz, ltz, dbg)
}

// localNames returns a function that hands out local value names f does
// not use yet: %base, or %base.N when that is taken.
func localNames(f *ir.Func) func(base string) string {
	used := make(map[string]bool)
	for _, p := range f.Params {
		used[p.Name.Name()] = true
	}
	for _, b := range f.Body.Blocks {
		used[b.Name()] = true
		for _, in := range b.Instrs {
			used[in.Result.Name()] = true
		}
	}
	return func(base string) string {
		name := base
		for k := 1; used[name]; k++ {
			name = base + "." + strconv.Itoa(k)
		}
		used[name] = true
		return "%" + name
	}
}

// minmaxNumRule renames llvm.maximumnum/minimumnum to maxnum/minnum. They
// differ only in how they order -0.0 and +0.0, which a call with nsz (as
// rustc writes for f64::max) leaves open anyway; without nsz there is no
// exact older form.
var minmaxNumRule = &Rule{
	Name:  "maximumnum",
	Since: 20,
	Doc:   "llvm.maximumnum/minimumnum calls with nsz become llvm.maxnum/minnum",
	apply: func(r *ruleRun) {
		rename := func(name string) string {
			if isOverloadOf(name, minmaxIntrinsics[:1]) {
				return "llvm.maxnum" + name[len(minmaxIntrinsics[0]):]
			}
			return "llvm.minnum" + name[len(minmaxIntrinsics[1]):]
		}
		r.eachCallOf(minmaxIntrinsics, func(f *ir.Func, b *ir.Block, i int) int {
			in := b.Instrs[i]
			if !r.hit(in, 20) {
				return 1
			}
			if !in.HasFlag("nsz") && !in.HasFlag("fast") {
				r.refuse(in, f, "%s without nsz has no exact form before LLVM 20", in.Call.CalleeName())
				return 1
			}
			to := "@" + rename(in.Call.CalleeName())
			r.check(r.m.ReplaceValue(&in.Call.Callee, to))
			return 1
		})
		if r.target == 0 || len(r.refused) > 0 {
			return
		}
		r.eachDeclOf(minmaxIntrinsics, func(f *ir.Func) {
			to := rename(f.Name.Name())
			if r.m.Func(to) != nil {
				r.m.Remove(f)
				return
			}
			r.m.RenameFunc(f, to)
		})
	},
}

// opaquePointersRule refuses LLVM 14 for opaque-pointer input: its
// -opaque-pointers mode crashed on 21 of 49 modules rustc 1.95 wrote.
var opaquePointersRule = &Rule{
	Name:  "opaque-pointers",
	Since: 15,
	Doc:   "refuse LLVM 14 for IR with opaque pointers (ptr)",
	apply: func(r *ruleRun) {
		if !r.m.Syntax.OpaquePointers {
			return
		}
		var at ir.Node
		for _, f := range r.m.Funcs {
			for _, p := range f.Params {
				if at == nil && p.Type.Kind == ir.PtrType {
					at = p
				}
			}
		}
		if r.hit(at, 15) {
			r.refuse(at, nil, "LLVM %d cannot read opaque pointers (ptr), which this module uses: use LLVM 15 or newer", r.target)
		}
	},
}
