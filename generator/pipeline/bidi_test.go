package pipeline

import (
	"strings"
	"testing"
)

func TestCloseDirections(t *testing.T) {
	// Written with readable stand-ins: < LRE, > RLE, { LRO, } RLO, . PDF,
	// ( LRI, ) RLI, [ FSI, ] PDI.
	code := strings.NewReplacer("<", "\u202A", ">", "\u202B", "{", "\u202D", "}", "\u202E", ".", "\u202C",
		"(", "\u2066", ")", "\u2067", "[", "\u2068", "]", "\u2069")
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"}evil", "}evil."},    // an unclosed override: closed
		{"}a.b", "}a.b"},       // already closed
		{".]stray", ".]stray"}, // stray closers do nothing, need nothing
		{"}a}b", "}a}b.."},     // nested overrides: one PDF each
		{"(a", "(a]"},          // an open isolate gets a PDI
		{"(a}b", "(a}b.]"},     // innermost first
		{"(a}b]c", "(a}b]c"},   // the PDI closed the override inside the isolate too
		{"}a(b.c", "}a(b.c]."}, // a PDF cannot close an override outside its isolate
		{"}a(b]c.", "}a(b]c."}, // closed in order
		{"[x]}y", "[x]}y."},    // a closed isolate, then an open override
		{"<a>b.c", "<a>b.c."},  // one of two embeddings closed
		{"a\u200bb\u2060c\ufeff", "a\u200bb\u2060c\ufeff"}, // zero-width characters are no direction controls
	} {
		in, want := code.Replace(tc.in), code.Replace(tc.want)
		if got := closeDirections(in); got != want {
			t.Errorf("closeDirections(%+q) = %+q, want %+q", in, got, want)
		}
		if again := closeDirections(want); again != want {
			t.Errorf("closeDirections(%+q) = %+q: not idempotent", want, again)
		}
	}
}

func TestCloseAllDirections(t *testing.T) {
	type inner struct {
		Name   string
		hidden string
		Next   *inner     // a type that refers to itself
		Nums   []*float64 // no strings: not visited
	}
	v := struct {
		A     string
		P     *inner
		S     []inner
		M     map[string]string
		I     any
		Arr   [1]string
		Plain int
	}{
		A:   "\u202Ea",
		P:   &inner{Name: "\u202Eb", hidden: "\u202Eh"},
		S:   []inner{{Name: "\u202Ec", Next: &inner{Name: "\u202Eg"}, Nums: []*float64{nil}}},
		M:   map[string]string{"k": "\u202Ed"},
		I:   "\u202Ee",
		Arr: [1]string{"\u202Ef"},
	}
	closeAllDirections(&v)
	for _, got := range []string{v.A, v.P.Name, v.S[0].Name, v.S[0].Next.Name, v.M["k"], v.I.(string), v.Arr[0]} {
		if !strings.HasSuffix(got, "\u202C") {
			t.Errorf("%+q was not closed", got)
		}
	}
	if v.P.hidden != "\u202Eh" {
		t.Error("an unexported field was changed")
	}
}
