package bench

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Run is one child's measurement.
type Run struct {
	Wall    time.Duration
	CPU     time.Duration // user plus system time: steadier than Wall on a busy machine
	PeakRSS int64         // bytes; 0 where the system does not say
	Pages   int
	Files   int     // files the build wrote into the site
	Bytes   int64   // their bytes, which hosts limit (GitHub Pages: 1 GB)
	Splits  []Split // the build's stages
	Probes  []Probe // single pages of the build
}

// Row is one data set's measurements.
type Row struct {
	Size
	Build, Read, Hugo Run
}

// PerCity is the build's wall time per city.
func (r Row) PerCity() time.Duration { return r.Build.Wall / time.Duration(max(r.Cities, 1)) }

// Ratio is the build's wall time over the floor's, (a) plus (b).
func (r Row) Ratio() float64 {
	floor := r.Read.Wall + r.Hugo.Wall
	if floor <= 0 {
		return 0
	}
	return float64(r.Build.Wall) / float64(floor)
}

// Table is the rows as a Markdown table in lang, for the terminal and
// (in English) for docs/benchmarks.md alike.
func Table(rows []Row, lang string) string {
	w := text(lang)
	var b strings.Builder
	b.WriteString(w.header)
	b.WriteString("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %d | %d | %d | %s | %s | %s | %d | %s / %s | %s | %s | %s | %s× |\n",
			r.Cities, r.Indicators, r.Years, r.Measures, w.seconds(r.Build.Wall), w.seconds(r.Build.CPU), w.mib(r.Build.PeakRSS), r.Build.Pages,
			megabytes(r.Build.Bytes), fmt.Sprintf(w.files, r.Build.Files), w.millis(r.PerCity()), w.seconds(r.Read.Wall)+" / "+w.mib(r.Read.PeakRSS),
			w.seconds(r.Hugo.Wall)+" / "+w.mib(r.Hugo.PeakRSS), w.decimal(r.Ratio(), 1))
	}
	return b.String()
}

// SplitTable is where each build's wall time went, stage by stage, as a
// Markdown table in lang.
func SplitTable(rows []Row, lang string) string {
	w := text(lang)
	var stages []string
	for _, r := range rows {
		for _, s := range r.Build.Splits {
			if !slices.Contains(stages, s.Stage) {
				stages = append(stages, s.Stage)
			}
		}
	}
	var b strings.Builder
	b.WriteString("| N |")
	for _, s := range stages {
		b.WriteString(" " + w.stage(s) + " |")
	}
	b.WriteString("\n|---:|" + strings.Repeat("---:|", len(stages)) + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d |", r.Cities)
		for _, st := range stages {
			cell := "–"
			for _, s := range r.Build.Splits {
				if s.Stage == st {
					cell = w.seconds(s.Wall)
				}
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (w words) seconds(d time.Duration) string { return w.decimal(d.Seconds(), 2) + " s" }

func (w words) millis(d time.Duration) string {
	return w.decimal(float64(d)/float64(time.Millisecond), 1) + " ms"
}

// megabytes are decimal, as hosts state their limits (GitHub Pages: 1 GB).
func megabytes(n int64) string { return fmt.Sprintf("%d MB", (n+500_000)/1_000_000) }

func (w words) mib(n int64) string {
	if n <= 0 {
		return w.na
	}
	return fmt.Sprintf("%d MiB", (n+1<<19)>>20)
}
