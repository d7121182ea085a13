// Package synth makes a realistic synthetic data set for benchmarks and
// scale tests: a framework and one workbook per city, laid out exactly as
// strategists write them. Values follow per-city trends with noise, some
// are missing, some indicators are skewed (log transform) or "lower is
// better", and measures span the years with every status. From seven
// partners on, the last ones are partners of every other kind (partners.go),
// and every partner has a few joint projects, offers and reports. The same
// options and seed always give the same sheets, and each municipality
// depends only on (seed, its number), so partners can be made in parallel;
// which partners are of another kind depends on their number too.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Options size the data set.
type Options struct {
	Cities     int
	Indicators int
	Years      int // consecutive years ending in LastYear
	Measures   int // per city
	Seed       uint64
	// LastYear is the last year with values, default 2025. No finished
	// measure ends after it, so that a data set whose LastYear has begun
	// holds nothing that cannot be true yet.
	LastYear int
}

// Sheet is a worksheet: its name, header row and rows.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]any
}

// Limits keep a typo in a command line from asking for terabytes.
const (
	MaxCities     = 50000
	MaxIndicators = 500
	MaxYears      = 50
	MaxMeasures   = 1000
)

// Check reports the first option out of range.
func (o Options) Check() error {
	switch {
	case o.Cities < 1 || o.Cities > MaxCities:
		return fmt.Errorf("cities: %d; expected 1 to %d", o.Cities, MaxCities)
	case o.Indicators < 1 || o.Indicators > MaxIndicators:
		return fmt.Errorf("indicators: %d; expected 1 to %d", o.Indicators, MaxIndicators)
	case o.Years < 1 || o.Years > MaxYears:
		return fmt.Errorf("years: %d; expected 1 to %d", o.Years, MaxYears)
	case o.Measures < 0 || o.Measures > MaxMeasures:
		return fmt.Errorf("measures: %d; expected 0 to %d", o.Measures, MaxMeasures)
	}
	return nil
}

func (o Options) lastYear() int {
	if o.LastYear == 0 {
		return 2025
	}
	return o.LastYear
}

// indicator is what a city's values need to know of an indicator.
type indicator struct {
	id, dim   string
	lower     bool
	log       bool
	goalposts bool
	base      float64 // typical value
	spread    float64 // relative spread between cities
	trend     float64 // typical yearly change, relative
}

// Dimensions is how many dimensions a framework of n indicators has: about
// eight indicators each, at least one and at most twelve.
func Dimensions(n int) int { return min(max(1, (n+7)/8), 12) }

func indicators(o Options) []indicator {
	r := rand.New(rand.NewPCG(o.Seed, math.MaxUint64))
	nd := Dimensions(o.Indicators)
	out := make([]indicator, o.Indicators)
	for i := range out {
		d := i % nd
		ind := indicator{
			id:     fmt.Sprintf("D%02d-%03d", d+1, i+1),
			dim:    fmt.Sprintf("D%02d", d+1),
			lower:  i%5 == 3,
			log:    i%7 == 5,
			base:   math.Pow(10, 1+r.Float64()*2), // 10 … 1000
			spread: 0.1 + r.Float64()*0.4,
			trend:  (r.Float64() - 0.3) * 0.06,
		}
		// Percentages get goalposts 0–100, as real frameworks set them.
		ind.goalposts = i%3 == 0 && !ind.log
		if ind.goalposts {
			ind.base = 20 + r.Float64()*60
		}
		out[i] = ind
	}
	return out
}

// Framework is the framework workbook's sheets.
func Framework(o Options) []Sheet {
	inds := indicators(o)
	nd := Dimensions(o.Indicators)
	dims := Sheet{Name: "Dimensionen", Header: []string{"ID", "Name (de)", "Name (en)", "Gewicht", "Beschreibung (de)"}}
	topics := Sheet{Name: "Themen", Header: []string{"ID", "Dimension", "Name (de)", "Name (en)"}}
	for d := range nd {
		id := fmt.Sprintf("D%02d", d+1)
		dims.Rows = append(dims.Rows, []any{id, "Dimension " + id, "Dimension " + id, 1 + d%3, "Synthetische Dimension"})
		for k := range 3 {
			tid := fmt.Sprintf("T%02d-%d", d+1, k+1)
			topics.Rows = append(topics.Rows, []any{tid, id, "Thema " + tid, "Topic " + tid})
		}
	}
	sheet := Sheet{Name: "Indikatoren", Header: []string{"ID", "Dimension", "Name (de)", "Name (en)", "Einheit", "Richtung",
		"Gewicht", "Minimum", "Maximum", "Transformation", "Quelle"}}
	for i, ind := range inds {
		dir, unit, tr := "höher ist besser", "Anzahl", "keine"
		var lo, hi any
		if ind.lower {
			dir = "niedriger ist besser"
		}
		if ind.log {
			tr = "log"
		}
		if ind.goalposts {
			unit, lo, hi = "%", 0, 100
		}
		sheet.Rows = append(sheet.Rows, []any{ind.id, ind.dim, "Kennzahl " + ind.id, "Indicator " + ind.id, unit, dir,
			1 + i%4, lo, hi, tr, "Synthetische Daten"})
	}
	levels := Sheet{Name: "Reifegrade", Header: []string{"Ab Punktzahl", "Name (de)", "Name (en)"},
		Rows: [][]any{{0, "Einsteiger", "Beginner"}, {25, "Aufsteiger", "Riser"}, {50, "Fortgeschritten", "Advanced"}, {75, "Vorreiter", "Leader"}}}
	settings := Sheet{Name: "Einstellungen", Header: []string{"Einstellung", "Wert"}, Rows: [][]any{{"Mindestabdeckung", "50 %"}}}
	return []Sheet{dims, sheet, topics, levels, settings}
}

// City is partner number c (0-based): its name and its workbook's sheets.
// A municipality's has a KPI sheet; a partner of another kind states its
// kind instead and has none, as only municipalities are scored.
func City(o Options, c int) (name string, sheets []Sheet) {
	r := rand.New(rand.NewPCG(o.Seed, uint64(c)))
	kind := partnerKind(o, c)
	name = kindNames[kind] + cityName(r, c)
	inds := indicators(o)
	last := o.lastYear()
	first := last - o.Years + 1

	lat := 47.4 + r.Float64()*7.6 // Germany's bounding box
	lon := 6.0 + r.Float64()*9.0
	pop := int(math.Exp(8 + r.NormFloat64()*1.2)) // median about 3,000
	facts := Sheet{Name: "Stadt", Header: []string{"Feld", "Wert", "Quelle"}, Rows: [][]any{
		{"Name", name, nil},
		{"Bundesland", states[r.IntN(len(states))], nil},
		{"Einwohner", max(pop, 50), "Synthetische Daten, illustrativ"},
		{"Breitengrad", round(lat, 4), nil},
		{"Längengrad", round(lon, 4), nil},
	}}
	if kind != municipality {
		// A utility or a university has no population of its own.
		facts.Rows = append([][]any{facts.Rows[0], {"Art", kindWords[kind], nil}, facts.Rows[1]}, facts.Rows[3:]...)
	}

	head := []string{"Indikator"}
	for y := first; y <= last; y++ {
		head = append(head, fmt.Sprint(y))
	}
	kpis := Sheet{Name: "Kennzahlen", Header: append(head, "Quelle")}
	skill := r.NormFloat64() // a city good at one thing tends to be good at others
	for _, ind := range inds {
		if r.Float64() < 0.03 {
			continue // the city does not report this indicator at all
		}
		row := []any{ind.id}
		level := ind.base * math.Exp(ind.spread*(0.6*skill+0.8*r.NormFloat64()))
		if ind.lower {
			level = ind.base * math.Exp(ind.spread*(-0.6*skill+0.8*r.NormFloat64()))
		}
		trend := ind.trend * (1 + 0.5*r.NormFloat64())
		for y := range o.Years {
			if r.Float64() < 0.05 {
				row = append(row, nil) // a gap
				continue
			}
			v := level * math.Exp(trend*float64(y)+0.03*r.NormFloat64())
			if ind.goalposts {
				v = min(max(v, 0), 100)
			}
			row = append(row, round(v, 2))
		}
		kpis.Rows = append(kpis.Rows, append(row, "Synthetische Daten, illustrativ"))
	}

	measures := Sheet{Name: "Maßnahmen", Header: []string{"ID", "Titel", "Thema", "Status", "Beginn", "Ende", "Partner", "Quelle"}}
	nd := Dimensions(o.Indicators)
	// The cooperation (joint projects, offers, reports) draws from a
	// stream of its own, so that every value above stays as it was.
	x := rand.New(rand.NewPCG(o.Seed^cooperationStream, uint64(c)))
	for m := range o.Measures {
		topic := fmt.Sprintf("T%02d-%d", r.IntN(nd)+1, r.IntN(3)+1)
		start := first + r.IntN(o.Years)
		end := start + 1 + r.IntN(4)
		status := statuses[r.IntN(len(statuses))]
		if status == "abgeschlossen" {
			end = min(end, last) // plans may reach past it, finished work not
		}
		measures.Rows = append(measures.Rows, []any{fmt.Sprintf("M-%03d", m+1), fmt.Sprintf("Maßnahme %d in %s", m+1, topic),
			topic, status, fmt.Sprint(start), fmt.Sprint(end), jointPartners(o, x, c), "Synthetische Daten, illustrativ"})
	}
	sheets = []Sheet{facts}
	if kind == municipality {
		sheets = append(sheets, kpis)
	}
	sheets = append(sheets, measures)
	if offers := offerSheet(o, x, name, nd); len(offers.Rows) > 0 {
		sheets = append(sheets, offers)
	}
	return name, append(sheets, reportSheet(o, x, measures.Rows))
}

var (
	states   = []string{"Bayern", "Baden-Württemberg", "Hessen", "Niedersachsen", "Nordrhein-Westfalen", "Sachsen", "Thüringen", "Brandenburg"}
	statuses = []string{"geplant", "in Umsetzung", "abgeschlossen", "abgeschlossen", "eingestellt"}
	starts   = []string{"Ober", "Unter", "Neu", "Alt", "Groß", "Klein", "Bad ", "Sankt ", "Markt ", ""}
	stems    = []string{"Mühl", "Berg", "Wald", "Feld", "Bach", "Au", "Hof", "Stein", "Brunn", "Weiß", "Roth", "Eich", "Lind", "Buch", "Hasel"}
	ends     = []string{"hausen", "heim", "dorf", "ingen", "bach", "berg", "feld", "stadt", "au", "kirchen"}
)

// cityName makes a German-sounding place name; the number keeps every
// name (and so every file name) unique.
func cityName(r *rand.Rand, c int) string {
	start, stem, end := starts[r.IntN(len(starts))], stems[r.IntN(len(stems))], ends[r.IntN(len(ends))]
	if start != "" && !strings.HasSuffix(start, " ") {
		// "Ober" + "Mühl" is written "Obermühl".
		rs := []rune(stem)
		stem = strings.ToLower(string(rs[0])) + string(rs[1:])
	}
	return fmt.Sprintf("%s%s%s %d", start, stem, end, c+1)
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
