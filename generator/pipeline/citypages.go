package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/charts"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// cityPagesDir is where each city's page data goes below the generated
// assets; the theme's city layout reads generated/cities/<slug>.json.
const cityPagesDir = "cities"

// cityPage is what one city's page reads: the city (its scores by year
// as Years instead), its charts, its KPIs grouped by dimension, and by
// language the numbers of its KPI tables already formatted.
type cityPage struct {
	City      sitedata.City       `json:"city"`
	Charts    charts.CityCharts   `json:"charts"`
	KPIGroups []kpiGroup          `json:"kpi_groups"`
	Years     []*yearRow          `json:"years"`
	Text      map[string]cityText `json:"text"`
}

// yearRow is a row of the city's table by year: its YearScore without the
// dimensions, which the page does not show by year.
type yearRow struct {
	Index    *float64 `json:"index"`
	Coverage float64  `json:"coverage_pct"`
	Rank     *int     `json:"rank"`
	RankOf   int      `json:"rank_of"`
	Level    *int     `json:"level"`
}

// yearRows aligns c's scores with the site's years (nil for a year
// without), so that the page takes each year's row by position instead of
// searching the list. c's own Scores are left out of the page file.
func yearRows(c sitedata.City, years []int) []*yearRow {
	rows := make([]*yearRow, len(years))
	for _, ys := range c.Scores {
		if i := slices.Index(years, ys.Year); i >= 0 {
			rows[i] = &yearRow{Index: ys.Index, Coverage: ys.Coverage, Rank: ys.Rank, RankOf: ys.RankOf, Level: ys.Level}
		}
	}
	return rows
}

// kpiGroup is one dimension's rows of the KPI tables: the dimension's
// position in the site's dimensions and its KPIs' positions in the city's,
// both in their order. The templates used to find them with where … "in"
// per dimension, a tenth of a city page's time.
type kpiGroup struct {
	Dimension int   `json:"dimension"`
	KPIs      []int `json:"kpis"`
}

// kpiGroups groups c's KPIs by the dimensions that list their indicator,
// as where … "in" did; dimensions without a KPI of c are left out.
func kpiGroups(c sitedata.City, dims []sitedata.Dimension) []kpiGroup {
	groups := []kpiGroup{}
	for d, dim := range dims {
		g := kpiGroup{Dimension: d}
		for i, k := range c.KPIs {
			if slices.Contains(dim.Indicators, k.Indicator) {
				g.KPIs = append(g.KPIs, i)
			}
		}
		if len(g.KPIs) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// cityText holds a city page's KPI numbers as one language writes them
// (hugo.NumberFormats: exactly lang.FormatNumber's), by indicator ID: 500
// cells a page, where a formatting call per cell was most of the page's
// cost at national scale.
type cityText struct {
	KPIs map[string]kpiText `json:"kpis"`
}

type kpiText struct {
	ByYear []string `json:"by_year"` // a cell per year of the site; "" for none
	Latest string   `json:"latest"`  // the newest value, with the unit
	Score  string   `json:"score"`   // its score; "" for none
}

// text formats c's KPI numbers in every language of formats; inds are the
// site's indicators by ID, scoreDecimals the scores' decimals.
func text(c sitedata.City, inds map[string]sitedata.Indicator, scoreDecimals int, formats map[string]hugo.NumberFormat) map[string]cityText {
	out := make(map[string]cityText, len(formats))
	for lang, format := range formats {
		kpis := make(map[string]kpiText, len(c.KPIs))
		for _, k := range c.KPIs {
			ind := inds[k.Indicator]
			kt := kpiText{ByYear: make([]string, len(k.ByYear))}
			for i, v := range k.ByYear {
				if v != nil {
					kt.ByYear[i] = format(*v, ind.Decimals)
				}
			}
			if l := k.Latest; l != nil {
				kt.Latest = format(l.Value, ind.Decimals)
				if ind.Unit != "" {
					kt.Latest += " " + ind.Unit
				}
				if l.Score != nil {
					kt.Score = format(*l.Score, scoreDecimals)
				}
			}
			kpis[k.Indicator] = kt
		}
		out[lang] = cityText{KPIs: kpis}
	}
	return out
}

// writeCityPages makes each city's charts and writes them with the city
// into a file of its own in assetsDir/cities, in parallel (charts and
// marshalling are most of the cost at national scale); no city's charts
// are held once its file is written.
func writeCityPages(assetsDir string, s sitedata.Site, formats map[string]hugo.NumberFormat) error {
	dir := filepath.Join(assetsDir, cityPagesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	inds := make(map[string]sitedata.Indicator, len(s.Indicators))
	for _, ind := range s.Indicators {
		inds[ind.ID] = ind
	}
	jobs := make(chan int)
	errs := make([]error, len(s.Cities))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range jobs {
				c := s.Cities[i]
				buf.Reset()
				cc, err := charts.City(s, c)
				if err != nil {
					errs[i] = err
					continue
				}
				page := cityPage{City: c, Charts: cc, KPIGroups: kpiGroups(c, s.Dimensions), Years: yearRows(c, s.Years),
					Text: text(c, inds, s.Settings.Decimals, formats)}
				page.City.Scores = nil
				if err := json.NewEncoder(&buf).Encode(page); err != nil {
					errs[i] = fmt.Errorf("page data of %s: %w", c.Slug, err)
					continue
				}
				errs[i] = os.WriteFile(filepath.Join(dir, c.Slug+".json"), buf.Bytes(), 0o644)
			}
		}()
	}
	for i := range s.Cities {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
