// Package verify checks a BPF ELF object the way a loader sees it, and loads
// it into the running kernel.
//
// It reads only the final object, through github.com/cilium/ebpf, so it works
// on objects from any compiler. Inspect is static and gives the same answer on
// any machine of the same byte order (given the same Options): it lists the
// programs, maps and license, and reports problems that make a loader or an
// older kernel refuse the object.
// Problems are data, not errors: an error means the file could not be read.
//
// Load and Run need Linux and, for most program types, root or CAP_BPF; without
// them they return an error matching ErrNoPermission. On other systems they
// return an error matching ErrNotSupported.
//
// # JSON
//
// Report and LoadReport marshal to a stable form meant for --json output. Keys
// are lower-case snake case; a key marked optional is left out when empty.
//
//	{
//	  "file": "probe.o",                 // optional: the path Inspect read
//	  "kernel": "5.2",                   // kernel the checks assumed, or "unknown" (newest)
//	  "byte_order": "little",            // "little" or "big"; optional: absent if not BPF
//	  "license": "GPL",                  // "" when the object has none, or no program
//	  "programs": [{
//	    "name": "xdp_count",             // function symbol
//	    "section": "xdp",                // ELF section
//	    "type": "XDP",                   // cilium/ebpf's ProgramType name; "UnspecifiedProgram" if unknown
//	    "attach_type": "XDP",            // optional: cilium/ebpf's AttachType name
//	    "instructions": 12               // raw 8-byte instructions, called functions included
//	  }],
//	  "maps": [{
//	    "name": "packets", "type": "Array", // cilium/ebpf's MapType name
//	    "key_size": 4, "value_size": 8, "max_entries": 1, "flags": 0
//	  }],
//	  "problems": [{
//	    "kind": "loop",                  // one of the Kind constants
//	    "program": "xdp_loop",           // optional
//	    "section": "xdp",                // optional
//	    "symbol": "memcpy",              // optional: the function or symbol at fault
//	    "message": "..."                 // one line for people
//	  }],
//	  "core": [{                         // optional: CO-RE relocations
//	    "program": "read_task", "insn": 10,
//	    "kind": "byte_off",              // byte_off, byte_sz, field_exists, type_exists, ...
//	    "type": "task_struct", "field": "pid", // field optional: "real_parent.tgid", "comm[3]"
//	    "line": "src/main.rs:12"         // optional
//	  }]
//	}
//
// A LoadReport:
//
//	{
//	  "kernel": "6.18",
//	  "maps": [{"name": "packets", "ok": true}],
//	  "programs": [{
//	    "name": "xdp_noret", "section": "xdp", "ok": false,
//	    "error": "R0 !read_ok",          // optional: the verifier's last word, one line
//	    "log": "...",                    // optional: the whole verifier log
//	    "verified_insns": 142            // optional: instructions the verifier processed (Linux 5.16+)
//	  }],
//	  "core": [{...,                     // optional: each relocation as above, and what
//	    "local": 0, "target": 2432,      // this kernel's BTF fixed it to (the object's
//	    "missing": true                  // value, the kernel's; optional: no such field or type)
//	  }],
//	  "core_error": "..."                // optional: why the kernel's BTF could not be read
//	}
//
// Lists are never null. The kinds and the messages' wording may grow; the keys
// above stay.
package verify
