package toolchain

import (
	"encoding/json"
	"errors"
	"fmt"
)

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

// UnmarshalJSON reads what MarshalJSON writes, for caches of discovery.
func (t *Tool) UnmarshalJSON(b []byte) error {
	var j toolJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*t = Tool{Name: j.Name, Path: j.Path, Origin: j.Origin, Source: -1}
	for s, name := range sourceNames {
		if name == j.Source {
			t.Source = Source(s)
		}
	}
	if t.Source < 0 {
		return fmt.Errorf("tool source %q", j.Source)
	}
	if j.Error != "" {
		t.Err = errors.New(j.Error)
		return nil
	}
	v, err := ParseVersion(j.Version)
	t.Version = v
	return err
}

// UnmarshalJSON reads what MarshalJSON writes.
func (l *LLVM) UnmarshalJSON(b []byte) error {
	var j struct{ Opt, Llc Tool }
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	l.Opt, l.Llc = j.Opt, j.Llc
	return nil
}
