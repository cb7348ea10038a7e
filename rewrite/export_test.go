package rewrite

// Lower19 is lower19 for the kernel test, which imports this package from
// outside, as oxbpf's pipeline does.
var Lower19 = lower19
