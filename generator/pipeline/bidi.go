package pipeline

import (
	"reflect"
	"strings"
)

// Unicode's explicit direction formatting characters.
const (
	lre, rle, pdf, lro, rlo = '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'
	lri, rli, fsi, pdi      = '\u2066', '\u2067', '\u2068', '\u2069'
)

// closeDirections returns s with every direction embedding, override or
// isolate that s opens and leaves open closed at its end, following the
// stack of the Unicode Bidirectional Algorithm (rules X1–X8): a PDF closes
// the innermost embedding or override unless an isolate is innermost, a PDI
// closes the innermost isolate and everything opened inside it, and stray
// closers do nothing. The text stays as written; only invisible closers are
// added, so that an override typed into a cell (U+202E) reverses that cell's
// text and not the rest of the sentence or title it is shown in.
func closeDirections(s string) string {
	if !strings.ContainsAny(s, "\u202A\u202B\u202D\u202E\u2066\u2067\u2068") {
		return s
	}
	var stack []rune // openers; isolates are lri, rli or fsi
	isolates := 0
	for _, r := range s {
		switch r {
		case lre, rle, lro, rlo:
			stack = append(stack, r)
		case lri, rli, fsi:
			stack = append(stack, r)
			isolates++
		case pdf:
			if n := len(stack); n > 0 && !isIsolate(stack[n-1]) {
				stack = stack[:n-1]
			}
		case pdi:
			if isolates == 0 {
				continue
			}
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if isIsolate(top) {
					isolates--
					break
				}
			}
		}
	}
	if len(stack) == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s)
	for i := len(stack) - 1; i >= 0; i-- {
		if isIsolate(stack[i]) {
			b.WriteRune(pdi)
		} else {
			b.WriteRune(pdf)
		}
	}
	return b.String()
}

func isIsolate(r rune) bool { return r == lri || r == rli || r == fsi }

// closeAllDirections applies closeDirections to every string reachable
// from the pointer v (exported struct fields, slices, arrays, maps,
// pointers): the site's data, which the theme and the charts show, some of
// it inside sentences.
func closeAllDirections(v any) {
	w := closer{strings: map[reflect.Type]bool{}}
	w.close(reflect.ValueOf(v))
}

// closer walks a value; strings notes, by type, whether a value of that
// type can hold a string at all, so that the millions of numbers in the
// site's data are not visited one by one.
type closer struct {
	strings map[reflect.Type]bool
}

func (w closer) canHoldStrings(t reflect.Type) bool {
	if r, ok := w.strings[t]; ok {
		return r
	}
	w.strings[t] = true // a type that refers to itself: assume so meanwhile
	r := false
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		r = true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		r = w.canHoldStrings(t.Elem()) // map keys are not changed
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && w.canHoldStrings(f.Type) {
				r = true
				break
			}
		}
	}
	w.strings[t] = r
	return r
}

func (w closer) close(v reflect.Value) {
	if !v.IsValid() || !w.canHoldStrings(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); v.CanSet() {
			if c := closeDirections(s); c != s {
				v.SetString(c)
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			w.close(v.Elem())
		}
	case reflect.Interface:
		if !v.IsNil() && v.CanSet() {
			c := reflect.New(v.Elem().Type()).Elem()
			c.Set(v.Elem())
			w.close(c)
			v.Set(c)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				w.close(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.close(v.Index(i))
		}
	case reflect.Map:
		// Map values cannot be set in place: change a copy, store it.
		it := v.MapRange()
		for it.Next() {
			c := reflect.New(it.Value().Type()).Elem()
			c.Set(it.Value())
			w.close(c)
			v.SetMapIndex(it.Key(), c)
		}
	}
}
