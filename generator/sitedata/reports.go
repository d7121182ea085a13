package sitedata

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Report is a partner's report as the pages show it. Its text comes as
// paragraphs of plain text and web addresses, so that the theme makes the
// links and never has to trust a cell with markup.
type Report struct {
	// ID names the report on its city's page (its anchor) and in the feeds
	// (their guid); it stays the same when newer reports are added.
	ID        string     `json:"id"`
	Date      string     `json:"date"` // ISO, as precise as known
	Title     model.Text `json:"title"`
	Body      Body       `json:"body"`
	Topic     string     `json:"topic"`      // "" for none
	MeasureID string     `json:"measure_id"` // "" for none
	Link      string     `json:"link"`
}

// Body is a report's text in both languages; an empty one has no
// paragraphs.
type Body struct {
	De []Paragraph `json:"de"`
	En []Paragraph `json:"en"`
}

// Paragraph is one line of a report's text, in pieces.
type Paragraph []Segment

// Segment is a piece of text, or a web address to link when Link is set.
type Segment struct {
	Text string `json:"text"`
	Link bool   `json:"link,omitempty"`
}

// webAddress finds http and https addresses in text; nothing else (a
// javascript: or data: address) is ever made a link.
var webAddress = regexp.MustCompile(`https?://[^\s<>"'` + "`" + `]+`)

// paragraphs splits text into its non-empty lines and each line into text
// and web addresses. Punctuation that ends a sentence after an address is
// not part of it, nor is a closing bracket without an opening one.
func paragraphs(text string) []Paragraph {
	out := []Paragraph{}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var p Paragraph
		rest := line
		for {
			loc := webAddress.FindStringIndex(rest)
			if loc == nil {
				break
			}
			addr := trimAddress(rest[loc[0]:loc[1]])
			if loc[0] > 0 {
				p = append(p, Segment{Text: rest[:loc[0]]})
			}
			p = append(p, Segment{Text: addr, Link: true})
			rest = rest[loc[0]+len(addr):]
		}
		if rest != "" {
			p = append(p, Segment{Text: rest})
		}
		out = append(out, p)
	}
	return out
}

func trimAddress(a string) string {
	for a != "" {
		last := a[len(a)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"", last) >= 0:
			a = a[:len(a)-1]
		case last == ')' && !strings.Contains(a, "("):
			a = a[:len(a)-1]
		default:
			return a
		}
	}
	return a
}

// reports are c's reports as published, newest first (reports of the same
// date in sheet order), and for each of c's measures the positions of the
// reports that name it, its progress log.
func reports(c model.City) ([]Report, map[string][]int) {
	rs := slices.Clone(c.Reports)
	slices.SortStableFunc(rs, func(a, b model.Report) int { return cmp.Compare(b.Date.ISO(), a.Date.ISO()) })
	out := make([]Report, len(rs))
	log := map[string][]int{}
	seen := map[string]int{}
	for i, r := range rs {
		out[i] = Report{ID: reportID(r, seen), Date: r.Date.ISO(), Title: r.Title, Topic: r.Topic, MeasureID: r.MeasureID, Link: r.Link,
			Body: Body{De: paragraphs(r.Text.De), En: paragraphs(r.Text.En)}}
		if r.MeasureID != "" {
			log[r.MeasureID] = append(log[r.MeasureID], i)
		}
	}
	return out, log
}

// reportID is a report's date and a short hash of its titles, so that it
// survives new reports and reordered rows; a second report of the same
// date and titles gets a number.
func reportID(r model.Report, seen map[string]int) string {
	sum := sha256.Sum256([]byte(r.Title.De + "\x00" + r.Title.En))
	id := r.Date.ISO() + "-" + hex.EncodeToString(sum[:4])
	seen[id]++
	if n := seen[id]; n > 1 {
		id = fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// ReportRef places a report in the list of all cities' reports: the
// city's position in Site.Cities and the report's in that city's Reports.
type ReportRef struct {
	City   int `json:"city"`
	Report int `json:"report"`
}

// allReports lists every city's reports newest first; reports of the same
// date keep the cities' order, then each city's own.
func allReports(cities []City) []ReportRef {
	out := []ReportRef{}
	for i, c := range cities {
		for j := range c.Reports {
			out = append(out, ReportRef{City: i, Report: j})
		}
	}
	date := func(r ReportRef) string { return cities[r.City].Reports[r.Report].Date }
	slices.SortStableFunc(out, func(a, b ReportRef) int { return cmp.Compare(date(b), date(a)) })
	return out
}
