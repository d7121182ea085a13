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
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// cityPagesDir is where each city's page data goes below the generated
// assets; the theme's city layout reads generated/cities/<slug>.json.
const cityPagesDir = "cities"

// cityPage is what one city's page reads: the city and its charts.
type cityPage struct {
	City   sitedata.City     `json:"city"`
	Charts charts.CityCharts `json:"charts"`
}

// writeCityPages writes one file per city into assetsDir/cities, in
// parallel (marshalling is most of the cost at national scale).
func writeCityPages(assetsDir string, s sitedata.Site, set charts.Charts) error {
	dir := filepath.Join(assetsDir, cityPagesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
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
				if err := json.NewEncoder(&buf).Encode(cityPage{City: c, Charts: set.Cities[c.Slug]}); err != nil {
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
