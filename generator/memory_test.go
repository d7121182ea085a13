package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(before)
	t.Setenv("HUGO_MEMORYLIMIT", "") // restored after the test

	limitMemory(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("without GOMEMLIMIT: limit %d, want %d", got, defaultMemoryLimit)
	}
	if got := os.Getenv("HUGO_MEMORYLIMIT"); got != defaultHugoMemoryLimit {
		t.Errorf("without HUGO_MEMORYLIMIT: Hugo's limit %q, want %q", got, defaultHugoMemoryLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64) // as GOMEMLIMIT=off leaves it
	os.Setenv("HUGO_MEMORYLIMIT", "8")
	given := map[string]string{"GOMEMLIMIT": "off", "HUGO_MEMORYLIMIT": "8"}
	limitMemory(func(k string) string { return given[k] })
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT=off: limit %d, want it left alone", got)
	}
	if got := os.Getenv("HUGO_MEMORYLIMIT"); got != "8" {
		t.Errorf("with HUGO_MEMORYLIMIT=8: %q, want it left alone", got)
	}
}
