package cli

import "runtime/debug"

// defaultMemoryLimit is the soft memory limit of every command unless
// GOMEMLIMIT sets one: Go's collector otherwise lets the heap grow to twice
// what is live, which at national scale (10,800 cities) took a build past
// 4 GB; with this limit it stays near 3 GiB at no measurable cost in time
// (docs/benchmarks.md, fourth round). A soft limit never fails a build:
// with more live data the collector only runs more often.
const defaultMemoryLimit = 3 << 30

// limitMemory sets the default soft memory limit unless env has
// GOMEMLIMIT, which the Go runtime has then applied itself (GOMEMLIMIT=off
// for none).
func limitMemory(env Env) {
	if env("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
