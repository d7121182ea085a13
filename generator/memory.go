package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the soft memory limit of every command unless
// GOMEMLIMIT sets one: Go's collector otherwise lets the heap grow to twice
// what is live, which at national scale (10,800 cities) took a build past
// 4 GB (docs/benchmarks.md, fourth round). The limit covers Go's memory
// only; with 3 GiB the build's peak (what the machine gives the process)
// was 3,109 MiB, with 2,900 MiB it was 2,939 MiB, and no slower
// (docs/benchmarks.md, "A Land's site under 1 GB"). A soft limit never
// fails a build: with more live data the collector only runs more often.
const defaultMemoryLimit = 2900 << 20

// defaultHugoMemoryLimit is HUGO_MEMORYLIMIT (in GB) unless set: the
// memory in use above which Hugo's caches give entries up. Hugo's own
// default is a quarter of the machine's memory, so at national scale it
// kept every city's page file and decoded data, each read for two pages
// only, and the collector marked them again and again: with 1 GB the
// Hugo stage at 10,800 cities took 76–81 s instead of 85–95 s. A small
// site never uses that much, so its caches are untouched.
const defaultHugoMemoryLimit = "1"

// limitMemory sets the default soft memory limit unless env has
// GOMEMLIMIT, which the Go runtime has then applied itself (GOMEMLIMIT=off
// for none), and Hugo's unless env has HUGO_MEMORYLIMIT. Hugo reads its
// limit from the process environment, so it is set there.
func limitMemory(env func(string) string) {
	if env("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if env("HUGO_MEMORYLIMIT") == "" {
		_ = os.Setenv("HUGO_MEMORYLIMIT", defaultHugoMemoryLimit)
	}
}
