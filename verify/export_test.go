package verify

// The tables, for the tests of package verify_test that want a control
// object for each entry.
var (
	LastHelper    = helperReleases[len(helperReleases)-1].last
	MapTypes      = mapTypes
	ProgramTypes  = programTypes
	AttachTypes   = attachTypes
	AttachChecked = attachChecked
)
