package sitedata

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// SearchPath is where the city search's index lives below the site root.
// The theme's js/city-search.js loads it on the first focus of the search
// field, so that no page carries the list of all cities.
const SearchPath = "data/search.json"

// SearchFormat is the version of the index's layout; the script refuses
// any other. 2: the English name fifth.
const SearchFormat = 2

// Search is the city search's index: every city once, in the ranking's
// order (ranked cities by rank, then the others by name).
//
// It is kept small for national scale (10,800 cities): each city is an
// array [name, state, rank] with the state an index into States (the
// distinct states in order of first appearance) and rank 0 for a city
// without one. The slug comes fourth, [name, state, rank, slug], only when
// the script cannot derive it from the name (see PlainSlug); most names
// need none. A city with an English name of its own has it fifth, [name,
// state, rank, slug, English name], the slug "" where the name gives it:
// both languages' searches find the city by either name, and the English
// pages list it by its English one. The pages' addresses are not repeated per city: a city's page
// is the cities list's address in the reader's language plus the slug,
// which the page hands to the script.
type Search struct {
	Format int           `json:"format"`
	States []string      `json:"states"`
	Cities []SearchEntry `json:"cities"`
}

// SearchEntry is one city of the index.
type SearchEntry struct {
	Slug   string
	Name   string
	NameEn string // "": none of its own
	State  int    // index into Search.States
	Rank   int    // 0: not ranked
	Kind   string // a partner that is not scored: its kind (model.PartnerKind); "" for a municipality
}

// MarshalJSON writes the entry as [name, state, rank] or, when the slug is
// not the name's PlainSlug, [name, state, rank, slug]; with an English
// name, [name, state, rank, slug or "", English name]; a partner that is
// not scored has its kind sixth: [name, state, 0, slug or "", English name
// or "", kind].
func (e SearchEntry) MarshalJSON() ([]byte, error) {
	slug := e.Slug
	if PlainSlug(e.Name) == e.Slug {
		slug = ""
	}
	switch {
	case e.Kind != "":
		return json.Marshal([]any{e.Name, e.State, e.Rank, slug, e.NameEn, e.Kind})
	case e.NameEn != "":
		return json.Marshal([]any{e.Name, e.State, e.Rank, slug, e.NameEn})
	case slug == "":
		return json.Marshal([]any{e.Name, e.State, e.Rank})
	}
	return json.Marshal([]any{e.Name, e.State, e.Rank, e.Slug})
}

// PlainSlug is the slug js/city-search.js derives from a name: lower
// case, ä ö ü ß as ae oe ue ss, every run of other ASCII characters one
// hyphen, none at either end. It is defined only for names of ASCII and
// äöüÄÖÜß; for any other character it returns "" and the index carries
// the slug. Where it is defined it agrees with workbook.Slug, by which the
// pages are named; the index still compares it with the real slug, so a
// renamed file or a differing rule costs bytes, never a wrong link.
func PlainSlug(name string) string {
	var b strings.Builder
	hyphen := false
	emit := func(s string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			emit(string(r))
		case r >= 'A' && r <= 'Z':
			emit(string(r - 'A' + 'a'))
		case r == 'ä' || r == 'Ä':
			emit("ae")
		case r == 'ö' || r == 'Ö':
			emit("oe")
		case r == 'ü' || r == 'Ü':
			emit("ue")
		case r == 'ß':
			emit("ss")
		case r < utf8.RuneSelf:
			hyphen = true
		default:
			return ""
		}
	}
	return b.String()
}

// BuildSearch makes the index of a site: the ranking's cities in its order,
// then (should there be any) cities the ranking lacks, in the order of
// Cities.
func BuildSearch(s Site) Search {
	out := Search{Format: SearchFormat, States: []string{}, Cities: make([]SearchEntry, 0, len(s.Cities))}
	bySlug := make(map[string]int, len(s.Cities))
	for i, c := range s.Cities {
		bySlug[c.Slug] = i
	}
	states := map[string]int{}
	seen := make(map[string]bool, len(s.Cities))
	add := func(c City, rank *int) {
		if seen[c.Slug] {
			return
		}
		seen[c.Slug] = true
		st, ok := states[c.State]
		if !ok {
			st = len(out.States)
			states[c.State] = st
			out.States = append(out.States, c.State)
		}
		e := SearchEntry{Slug: c.Slug, Name: c.Name, NameEn: c.NameEn, State: st}
		if !c.Scored {
			e.Kind = c.Kind
		}
		if rank != nil {
			e.Rank = *rank
		}
		out.Cities = append(out.Cities, e)
	}
	for _, r := range s.Ranking {
		if i, ok := bySlug[r.Slug]; ok {
			add(s.Cities[i], r.Rank)
		}
	}
	for _, c := range s.Cities {
		add(c, nil)
	}
	return out
}

// File encodes the index as compact JSON at SearchPath, like the compare
// data (the browser is its only reader).
func (s Search) File() (CompareFile, error) {
	return jsonFile(SearchPath, "search index", s)
}

// jsonFile is v as compact JSON with a final newline, the file at path
// below the site root; what names it in an error.
func jsonFile(path, what string, v any) (CompareFile, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return CompareFile{}, fmt.Errorf("%s: %w", what, err)
	}
	return CompareFile{Path: path, Data: slices.Concat(b, []byte{'\n'})}, nil
}
