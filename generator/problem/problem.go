// Package problem collects what is wrong with the input: every problem
// carries the cell it points at and can be told in German or English.
// Like go/scanner's ErrorList, a List is usable as its zero value, sorts by
// position and gathers everything one run finds instead of stopping early.
package problem

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Severity separates what stops a build from what only deserves a look.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one finding. Code selects the message in both languages from
// the catalog; Args fill it in and must read the same in either language
// (cell contents, IDs, numbers), except that numbers (float64) are
// printed as they would be typed into a cell in the message's language,
// and a model.Text is printed in the message's language.
type Problem struct {
	Pos      model.Pos
	Severity Severity
	Code     Code
	Args     []any
}

// Message is the problem's text in lang ("de" or "en"; anything else is
// treated as German, the site's first language).
func (p Problem) Message(lang string) string {
	m, ok := catalog[p.Code]
	if !ok {
		return fmt.Sprintf("%s %v", p.Code, p.Args)
	}
	format := m.de
	if lang == "en" {
		format = m.en
	}
	args := p.Args
	if slices.ContainsFunc(args, isLocal) {
		args = slices.Clone(args)
		for i, a := range args {
			switch v := a.(type) {
			case float64:
				args[i] = cellNumber(v, lang)
			case model.Text:
				args[i] = v.De
				if lang == "en" {
					args[i] = v.En
				}
			}
		}
	}
	// Arguments come from cells, part names and error texts: none may
	// break the message's line.
	return model.OneLine(fmt.Sprintf(format, args...))
}

// isLocal reports whether an argument reads differently by language.
func isLocal(a any) bool {
	switch a.(type) {
	case float64, model.Text:
		return true
	}
	return false
}

// cellNumber prints v as a strategist would type it into a cell: as short
// as it is exact, never with an exponent (%v would print 1.5e+06), and in
// German with a decimal comma, as German Excel and LibreOffice show it.
// Thousands are not grouped, as no one types them into a cell.
func cellNumber(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Format prints "data/partners/muenchen.xlsx: Kennzahlen!C7: Fehler: ...".
func (p Problem) Format(lang string) string {
	return fmt.Sprintf("%s: %s: %s", p.Pos, p.Severity.label(lang), p.Message(lang))
}

func (s Severity) label(lang string) string {
	switch {
	case s == Warning && lang == "en":
		return "warning"
	case s == Warning:
		return "Warnung"
	case lang == "en":
		return "error"
	}
	return "Fehler"
}

// List is every problem of one run.
type List []Problem

// Errorf adds an error at pos.
func (l *List) Errorf(pos model.Pos, code Code, args ...any) {
	*l = append(*l, Problem{Pos: pos, Severity: Error, Code: code, Args: args})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos model.Pos, code Code, args ...any) {
	*l = append(*l, Problem{Pos: pos, Severity: Warning, Code: code, Args: args})
}

// Sorted returns the problems in workbook order: file, sheet, row, column.
func (l List) Sorted() List {
	s := append(List(nil), l...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Pos.Less(s[j].Pos) })
	return s
}

// Has reports whether the list holds a problem of that code.
func (l List) Has(code Code) bool {
	for _, p := range l {
		if p.Code == code {
			return true
		}
	}
	return false
}

// Errors counts the problems of severity Error.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Err is nil when the list holds no error (warnings alone do not fail a
// build); otherwise an error whose text is the first error and a count.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Errs{List: l.Sorted()}
}

// Errs is the error a failed validation returns.
type Errs struct{ List List }

func (e *Errs) Error() string {
	var first Problem
	for _, p := range e.List {
		if p.Severity == Error {
			first = p
			break
		}
	}
	msg := first.Format("en")
	if n := e.List.Errors(); n > 1 {
		msg += fmt.Sprintf(" (and %d more errors)", n-1)
	}
	return msg
}

// Text prints every problem on its own line, in workbook order.
func (l List) Text(lang string) string {
	var b strings.Builder
	for _, p := range l.Sorted() {
		b.WriteString(p.Format(lang))
		b.WriteByte('\n')
	}
	return b.String()
}
