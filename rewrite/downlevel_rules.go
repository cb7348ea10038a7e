package rewrite

// downlevelRules is the rule table, in the order the rules run: newest
// LLVM first, then the rules over families of attributes and intrinsics,
// which judge each occurrence by its own version. Supporting a new LLVM is
// adding its rows at the top (and its attributes and intrinsics to their
// tables).
var downlevelRules = []*Rule{
	lifetimeRule,
	memoryFoldRule("memory-target-mem", 22, "fold target_mem0/target_mem1 of memory(...) into inaccessiblemem"),
	ptrtoaddrRule,
	dropAttrRule("nocreateundeforpoison"),

	capturesRule,
	dropAttrRule("dead_on_return"),
	memoryFoldRule("memory-errnomem", 21, "fold errnomem of memory(...) into other memory"),

	flagRule("icmp-samesign", 20, "icmp", []string{"samesign"}, "drop samesign from icmp"),
	minmaxNumRule,

	dbgRecordsRule,
	dbgExprOpsRule,
	flagRule("gep-nuw", 19, "getelementptr", []string{"nuw", "nusw"}, "drop nuw and nusw from getelementptr, keeping inbounds"),
	gepInrangeRule,
	flagRule("trunc-nuw-nsw", 19, "trunc", []string{"nuw", "nsw"}, "drop nuw and nsw from trunc"),
	flagRule("uitofp-nneg", 19, "uitofp", []string{"nneg"}, "drop nneg from uitofp"),
	cmpRule,
	dropAttrRule("range"),
	dropAttrRule("initializes"),
	branchWeightsRule,
	splatRule,

	flagRule("zext-nneg", 18, "zext", []string{"nneg"}, "drop nneg from zext"),
	flagRule("or-disjoint", 18, "or", []string{"disjoint"}, "drop disjoint from or"),
	dropAttrRule("writable"),
	dropAttrRule("dead_on_unwind"),

	dropAttrRule("nofpclass"),

	memoryRule,

	moduleFlagMinRule,
	opaquePointersRule,

	newerAttrsRule,
	unknownAttrsRule,
	intrinsicsRule,
	diFieldsRule,
}
