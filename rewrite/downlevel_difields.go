package rewrite

import "strings"

// diFieldSince lists the fields of specialized debug-info nodes that LLVM
// 15 does not read, by node kind, with the first LLVM that reads each.
// Measured, not read off: every lowerCamelCase string that libLLVM-22
// holds and libLLVM-15 does not (1931 of them, plus the snake_case
// num_extra_inhabitants) was tried as a field of every node kind rustc
// writes, with opt-15, -16, -19 and -22 ("invalid field" or not). 22 stands
// for "after 19": LLVM 20 and 21 were not there to ask, so such a field is
// dropped for them too, which loses only debug info they might have kept.
// All of them are hints a BTF or DWARF consumer can do without: Key
// Instructions (atomGroup, atomRank, keyInstructions), niche and
// specification details of types, pointer authentication, label details.
var diFieldSince = map[string]map[string]int{
	"DIBasicType":      {"num_extra_inhabitants": 22, "dataSize": 22},
	"DICompileUnit":    {"sourceLanguageName": 22, "sourceLanguageVersion": 22},
	"DICompositeType":  {"bitStride": 22, "enumKind": 22, "num_extra_inhabitants": 22, "specification": 22},
	"DIDerivedType":    {"ptrAuthKey": 19, "ptrAuthIsAddressDiscriminated": 19, "ptrAuthExtraDiscriminator": 19, "ptrAuthIsaPointer": 19, "ptrAuthAuthenticatesNullValues": 19},
	"DILabel":          {"column": 22, "coroSuspendIdx": 22, "isArtificial": 22},
	"DILocation":       {"atomGroup": 22, "atomRank": 22},
	"DISubprogram":     {"keyInstructions": 22},
	"DISubrangeType":   nil, // the kind itself: see diKindSince
	"DIFixedPointType": nil,
}

// diKindSince lists the node kinds LLVM 15 does not read, measured as
// the fields were. They have no older spelling that means the same.
var diKindSince = map[string]int{"DIAssignID": 16, "DISubrangeType": 22, "DIFixedPointType": 22}

var diFieldsRule = &Rule{
	Name:   "di-fields",
	Since:  16,
	newest: 22,
	Doc:    "drop the fields of debug-info nodes the target does not read (atomGroup, keyInstructions, num_extra_inhabitants, ptrAuth*, ...); refuse node kinds it does not know",
	apply: func(r *ruleRun) {
		for _, n := range r.m.Metadata {
			if since, ok := diKindSince[n.Kind]; ok && r.hit(n, since) {
				r.refuse(n, nil, "!%s has no form before LLVM %d", n.Kind, since)
				continue
			}
			fields := diFieldSince[n.Kind]
			if fields == nil || !mentionsAny(n.FieldsText(), fields) {
				continue
			}
			language := false
			for i := 0; i < len(n.Fields()); {
				f := n.Fields()[i]
				language = language || f.Name == "language"
				if since, ok := fields[f.Name]; ok && r.hit(f, since) {
					r.m.RemoveField(n, i)
					continue
				}
				i++
			}
			// A compile unit must name a language; LLVM 22 may give only
			// the new sourceLanguageName.
			if n.Kind == "DICompileUnit" && !language {
				r.check(r.m.AddField(n, "language: DW_LANG_C"))
			}
		}
	},
}

// mentionsAny reports whether text names one of the fields as a field.
func mentionsAny(text string, fields map[string]int) bool {
	for name := range fields {
		if strings.Contains(text, name+":") {
			return true
		}
	}
	return false
}
