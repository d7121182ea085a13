package cli

import (
	"reflect"
	"testing"
)

func TestParseCounts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
		err  bool
	}{
		{"3,100,1000", []int{3, 100, 1000}, false},
		{" 5 , 7,", []int{5, 7}, false},
		{"", nil, false},
		{"3,x", nil, true},
		{"0", nil, true},
		{"-4", nil, true},
	} {
		got, err := parseCounts(c.in, benchTexts["en"])
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseCounts(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.err)
		}
	}
}
