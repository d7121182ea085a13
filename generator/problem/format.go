package problem

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Format is how a problem list is printed.
type Format string

// The formats "validate --format" offers.
const (
	// Text is for people: one line per problem, in workbook order (by
	// file, then sheet, then cell), e.g.
	// data/partners/muenchen.xlsx: Kennzahlen!C7: Fehler: "viel" ist keine Zahl; …
	Text Format = "text"
	// JSON is for tools: one document, described at jsonReport.
	JSON Format = "json"
	// GitHub is for CI: one GitHub Actions workflow command per problem,
	// which GitHub shows as an annotation on the workbook.
	GitHub Format = "github"
)

// Formats lists every format, for help texts and flag checks.
var Formats = []Format{Text, JSON, GitHub}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, true
		}
	}
	return "", false
}

// Write prints the list in workbook order in format f and language lang.
func (l List) Write(w io.Writer, f Format, lang string) error {
	var out string
	switch f {
	case Text:
		out = l.Text(lang)
	case JSON:
		b, err := l.JSON(lang)
		if err != nil {
			return err
		}
		out = string(b)
	case GitHub:
		out = l.GitHub(lang)
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	_, err := io.WriteString(w, out)
	return err
}

// jsonReport is the document of the JSON format. The field names are a
// stable interface: later versions may add fields, never rename or remove
// one. Every field is always present; what does not apply is "" or 0.
//
//	{
//	  "version": 1,          // of this schema
//	  "lang": "de",          // language of "message"
//	  "errors": 1,           // problems of severity "error"
//	  "warnings": 0,         // problems of severity "warning"
//	  "problems": [          // in workbook order; [] when there are none
//	    {
//	      "file": "data/partners/muenchen.xlsx",
//	      "sheet": "Kennzahlen", // "" for a problem with the whole file
//	      "cell": "C7",          // "" for a whole sheet; "7" for a whole row
//	      "row": 7,              // 1-based; 0 for a whole sheet or file
//	      "col": 3,              // 1-based; 0 for a whole row, sheet or file
//	      "severity": "error",   // "error" or "warning"
//	      "code": "cell.number", // stable identifier of the kind of problem
//	      "message": "\"viel\" ist keine Zahl; …"
//	    }
//	  ]
//	}
type jsonReport struct {
	Version  int           `json:"version"`
	Lang     string        `json:"lang"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Problems []jsonProblem `json:"problems"`
}

type jsonProblem struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Row      int    `json:"row"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     Code   `json:"code"`
	Message  string `json:"message"`
}

// JSON is the list as an indented JSON document ending in a newline.
func (l List) JSON(lang string) ([]byte, error) {
	lang = canonLang(lang)
	r := jsonReport{Version: 1, Lang: lang, Errors: l.Errors(), Problems: []jsonProblem{}}
	r.Warnings = len(l) - r.Errors
	for _, p := range l.Sorted() {
		r.Problems = append(r.Problems, jsonProblem{
			File: p.Pos.File, Sheet: p.Pos.Sheet, Cell: p.Pos.Cell(), Row: max(p.Pos.Row, 0), Col: max(p.Pos.Col, 0),
			Severity: p.Severity.label("en"), Code: p.Code, Message: p.Message(lang),
		})
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// GitHub prints one workflow command per problem, e.g.
//
//	::error file=data/partners/muenchen.xlsx,title=Kennzahlen!C7::data/partners/muenchen.xlsx: Kennzahlen!C7: "viel" ist keine Zahl; …
//
// The title names the place within the workbook (a line number would mean
// nothing in an .xlsx file); the message repeats the whole position so
// that the plain log says where, too.
func (l List) GitHub(lang string) string {
	var b strings.Builder
	for _, p := range l.Sorted() {
		cmd := "error"
		if p.Severity == Warning {
			cmd = "warning"
		}
		title := p.Pos.Sheet
		if c := p.Pos.Cell(); c != "" {
			title += "!" + c
		}
		if title == "" {
			title = baseName(p.Pos.File)
		}
		b.WriteString("::" + cmd + " ")
		if p.Pos.File != "" {
			b.WriteString("file=" + escapeProperty(p.Pos.File) + ",")
		}
		b.WriteString("title=" + escapeProperty(title) + "::")
		msg := p.Message(lang)
		if where := p.Pos.String(); where != "" {
			msg = where + ": " + msg
		}
		b.WriteString(escapeData(msg) + "\n")
	}
	return b.String()
}

// escapeData escapes a workflow command's message as GitHub's own toolkit
// does (actions/toolkit, command.ts): % first, then CR and LF. Other
// control characters and line separators, which the toolkit leaves alone,
// are written as Go escapes (model.OneLine).
func escapeData(s string) string {
	return model.OneLine(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

// escapeProperty escapes a property value: as data, and ':' and ',' too,
// which would otherwise end the value.
func escapeProperty(s string) string {
	return model.OneLine(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s))
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// canonLang is "en" for English and "de" for everything else, as Message
// treats it.
func canonLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "de"
}
