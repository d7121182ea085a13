package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/charts"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// cityPagesDir is where each city's page data goes below the generated
// assets; the theme's city layout reads generated/cities/<slug>.json.
const cityPagesDir = "cities"

// cityPage is what one city's page reads: the city (its scores by year
// as Years instead, its KPIs as rows of Text), its charts, and by language
// the rows of its tables with their numbers already formatted.
type cityPage struct {
	City   sitedata.City                `json:"city"`
	Charts charts.CityCharts            `json:"charts"`
	Years  []*sitedata.YearRow          `json:"years"`
	Text   map[string]sitedata.CityText `json:"text"`
}

// writeCityPages makes each city's charts and writes them with the city
// into a file of its own in assetsDir/cities, in parallel (charts and
// marshalling are most of the cost at national scale); no city's charts
// are held once its file is written.
func writeCityPages(assetsDir string, s sitedata.Site, locales map[string]hugo.Locale) error {
	dir := filepath.Join(assetsDir, cityPagesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	formats := make(map[string]sitedata.NumberFormat, len(locales))
	for lang, loc := range locales {
		formats[lang] = sitedata.NumberFormat(loc)
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
				cc, err := charts.City(s, c, locales)
				if err != nil {
					errs[i] = err
					continue
				}
				page := cityPage{City: c, Charts: cc, Years: sitedata.CityYears(c, s.Years), Text: sitedata.CityTexts(c, s, inds, formats)}
				page.City.Scores, page.City.KPIs = nil, nil
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
