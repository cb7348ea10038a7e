package toolchain

import "encoding/json"

// toolJSON is the one JSON form of an opt or llc, in build results and
// in doctor's list alike.
type toolJSON struct {
	Name    string `json:"name"` // "opt" or "llc"
	Path    string `json:"path"`
	Source  string `json:"source"` // kind of place, e.g. "versioned name on PATH"
	Origin  string `json:"origin"` // the precise place, e.g. "PATH", "$OXBPF_OPT"
	Version string `json:"version,omitempty"`
	Chosen  *bool  `json:"chosen,omitempty"` // in doctor's list only
	Error   string `json:"error,omitempty"`
}

func (t Tool) json() toolJSON {
	j := toolJSON{Name: t.Name, Path: t.Path, Source: t.Source.String(), Origin: t.Origin}
	if t.Err != nil {
		j.Error = t.Err.Error()
	} else {
		j.Version = t.Version.String()
	}
	return j
}

// MarshalJSON writes {"name", "path", "source", "origin", "version"},
// with "error" instead of "version" for a tool that did not run.
func (t Tool) MarshalJSON() ([]byte, error) { return json.Marshal(t.json()) }

// MarshalJSON writes the tool with "chosen".
func (c ToolChoice) MarshalJSON() ([]byte, error) {
	j := c.Tool.json()
	j.Chosen = &c.Chosen
	return json.Marshal(j)
}

// MarshalJSON writes {"major", "opt", "llc"}.
func (l LLVM) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Major int  `json:"major"`
		Opt   Tool `json:"opt"`
		Llc   Tool `json:"llc"`
	}{l.Major(), l.Opt, l.Llc})
}
