// Package scaffold writes new BPF crates: `oxbpf new`. A crate holds one
// program of the type asked for, with test cases for `oxbpf test` in
// tests/, on the oxbpf-ebpf support crate, which
// this package embeds (crate/) and vendors into every crate it writes, so
// that the tool and the crate always match and nothing is fetched.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"
)

// The support crate: its manifest and sources, not its target directory.
//
//go:embed crate/Cargo.toml crate/rustfmt.toml crate/src
var supportCrate embed.FS

//go:embed templates
var templates embed.FS

// SupportDir is where a new crate keeps its copy of the support crate.
const SupportDir = "vendor/oxbpf-ebpf"

// A Type is a kind of program a new crate can hold.
type Type struct {
	Name string // as --type takes it: xdp, tc, ...
	Doc  string // what the template's program does
}

// Types are the program types, in the order --help lists them.
var Types = []Type{
	{"xdp", "XDP: count packets per IP protocol"},
	{"tc", "tc classifier: count bytes per EtherType, mark IPv4"},
	{"socket", "socket filter: keep UDP packets"},
	{"cgroup-skb", "cgroup skb (egress): count packets and bytes"},
	{"tracepoint", "tracepoint syscalls/sys_enter_openat: count opens per process"},
	{"raw-tracepoint", "raw tracepoint sys_enter: count syscalls by number"},
	{"tp-btf", "BTF tracepoint task_newtask: count new tasks per parent, read from task_struct with CO-RE"},
	{"kprobe", "kprobe do_unlinkat: report removals through a ring buffer"},
	{"uprobe", "uprobe: count calls and sum the first argument per process"},
}

// Options say what crate to write.
type Options struct {
	// Dir is the crate's directory: a new one, or an empty one.
	Dir string
	// Name is the package name; empty derives it from Dir's last element.
	Name string
	// Type is one of Types' names.
	Type string
}

// Result is what New wrote.
type Result struct {
	Dir  string `json:"dir"`
	Name string `json:"name"`
	// Bin is the bin target, which names the object: target/bpf/<Bin>.o.
	Bin   string   `json:"bin"`
	Type  string   `json:"type"`
	Files []string `json:"files"` // relative to Dir, slash-separated
}

// ErrUsage marks errors in what was asked (a non-empty directory, an
// unknown type, a name cargo refuses), as opposed to failures to write.
var ErrUsage = errors.New("usage")

type usageError struct{ msg string }

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == ErrUsage }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// New writes a crate. It writes everything into a temporary directory
// beside Dir and moves it into place at the end, so that a failure leaves
// nothing behind.
func New(opts Options) (*Result, error) {
	tmpl, err := templates.ReadFile("templates/" + opts.Type + ".rs")
	if err != nil {
		return nil, usagef("unknown type %q: want one of %s", opts.Type, typeNames())
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	name, err := packageName(opts.Name, filepath.Base(dir))
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	res := &Result{Dir: dir, Name: name, Bin: strings.ReplaceAll(name, "-", "_"), Type: opts.Type}
	files, err := res.files(tmpl)
	if err != nil {
		return nil, err
	}
	if err := writeAtomically(dir, files); err != nil {
		return nil, err
	}
	res.Files = slices.Sorted(maps.Keys(files))
	return res, nil
}

// files returns every file of the crate by its slash-separated path.
func (r *Result) files(mainTmpl []byte) (map[string][]byte, error) {
	files := map[string][]byte{}
	manifest, err := templates.ReadFile("templates/Cargo.toml.tmpl")
	if err != nil {
		return nil, err
	}
	for name, src := range map[string][]byte{"Cargo.toml": manifest, "src/main.rs": mainTmpl} {
		var b bytes.Buffer
		if err := template.Must(template.New(name).Parse(string(src))).Execute(&b, r); err != nil {
			return nil, err
		}
		files[name] = b.Bytes()
	}
	files[".gitignore"] = []byte("/target\n")
	cases, err := templates.ReadFile("templates/tests/" + r.Type + ".toml")
	if err != nil {
		return nil, err
	}
	files["tests/"+r.Bin+".toml"] = cases
	err = fs.WalkDir(supportCrate, "crate", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := supportCrate.ReadFile(p)
		files[path.Join(SupportDir, strings.TrimPrefix(p, "crate/"))] = data
		return err
	})
	return files, err
}

// packageName is the cargo package name: name if given, else derived from
// the directory's name (lower case, other characters as dashes), which
// must then be one cargo takes.
func packageName(name, base string) (string, error) {
	if name == "" {
		name = strings.Trim(invalidName.ReplaceAllString(strings.ToLower(base), "-"), "-")
		if name != "" && name[0] >= '0' && name[0] <= '9' {
			name = "bpf-" + name
		}
	}
	if !validName.MatchString(name) {
		return "", usagef("package name %q: cargo wants letters, digits, - and _, starting with a letter; give --name", name)
	}
	return name, nil
}

var (
	invalidName = regexp.MustCompile(`[^a-z0-9_-]+`)
	validName   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
)

// checkEmpty refuses a directory that holds anything, or a path that is
// no directory.
func checkEmpty(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return usagef("%s is a file: oxbpf new writes a crate into a new or empty directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return usagef("%s is not empty (it holds %s): oxbpf new writes a crate into a new or empty directory", dir, entries[0].Name())
	}
	return nil
}

// writeAtomically writes files into a temporary directory beside dir and
// renames it to dir (replacing dir if it is an empty directory).
func writeAtomically(dir string, files map[string][]byte) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".oxbpf-new-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	for name, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	// MkdirTemp makes 0700; a crate is as readable as any directory.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err // checkEmpty saw it empty; something wrote into it since
	}
	return os.Rename(tmp, dir)
}

func typeNames() string {
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}
