package sitedata

import (
	"encoding/json"
	"fmt"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// The compare page's data is not part of the Site document: a reader may
// pick any of thousands of cities, so the page loads one small index of
// all cities and then one file per chosen city (docs/compare.md). Nothing
// here grows with the square of the number of cities.

// CompareDir is where the compare data lives below the site root; the
// theme's compare layout names the same folder.
const CompareDir = "data/compare"

// CompareFormat is the version of the compare data format; compare.js
// refuses data of another version rather than misreading it.
const CompareFormat = 1

// Compare is the compare page's data: the index and one record per city.
type Compare struct {
	Index  CompareIndex
	Cities []CompareCity // ds.Cities order
}

// CompareIndex is data/compare/index.json: the method, the framework and,
// per city, the unrounded dimension scores of the reference year, so that
// the browser can recompute the index and every rank under any weights and
// get the generator's numbers exactly under the published ones.
type CompareIndex struct {
	Format        int                `json:"format"`
	ReferenceYear int                `json:"reference_year"`
	Method        CompareMethod      `json:"method"`
	Dimensions    []CompareDimension `json:"dimensions"` // framework order: the order of summation
	Indicators    []CompareIndicator `json:"indicators"` // framework order
	Topics        []Topic            `json:"topics"`     // framework order
	Levels        []CompareLevel     `json:"levels"`     // sheet order: a city's level is a position here
	Entries       []CompareEntry     `json:"cities"`     // ds.Cities order
}

// CompareMethod is everything the index and its ranks depend on besides
// the dimension scores and weights.
type CompareMethod struct {
	IndexAggregation string `json:"index_aggregation"` // arithmetic, geometric or harmonic
	// IndexMinCoverage is the share (0..1) of dimension weight that must
	// be present, unrounded; CoverageTolerance is added to the coverage
	// before the comparison, as the engine does.
	IndexMinCoverage  float64 `json:"index_min_coverage"`
	CoverageTolerance float64 `json:"coverage_tolerance"`
	Decimals          int     `json:"decimals"`       // published scores; Round's rule
	RankUnrounded     bool    `json:"rank_unrounded"` // ranks and levels on the unrounded index
	Scale             float64 `json:"scale_max"`
}

type CompareDimension struct {
	ID     string     `json:"id"`
	Name   model.Text `json:"name"`
	Weight float64    `json:"weight"` // the published weight, as in the framework
}

type CompareIndicator struct {
	ID        string     `json:"id"`
	Dimension string     `json:"dimension"`
	Name      model.Text `json:"name"`
	Unit      model.Text `json:"unit"`
	Direction string     `json:"direction"` // "higher" or "lower"
	Decimals  int        `json:"decimals"`  // of the raw value as shown
}

type CompareLevel struct {
	Min  float64    `json:"min"`
	Name model.Text `json:"name"`
}

// CompareEntry is one city in the index: short keys, since a national
// benchmark lists ten thousand of them.
type CompareEntry struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	// Dims are the unrounded dimension scores of the reference year in
	// framework order; null: not available (never 0).
	Dims []*float64 `json:"d"`
	// Index is the generator's unrounded index, given only under the
	// geometric mean: Go's math.Exp and math.Log are not the browser's
	// (on amd64 Exp even differs with the CPU's FMA support), so there the
	// page shows this value under the published weights instead of its own
	// last-bit approximation. Sums, products and quotients are exact IEEE
	// operations in both languages and need no such anchor.
	Index *float64 `json:"i,omitempty"`
}

// CompareCity is data/compare/cities/<slug>.json: what the side-by-side
// table shows of one city in the reference year, published values only.
type CompareCity struct {
	Format       int      `json:"format"`
	Slug         string   `json:"slug"`
	Name         string   `json:"name"`
	State        string   `json:"state"`
	Population   int      `json:"population"`
	Illustrative bool     `json:"illustrative"` // any KPI value is illustrative
	Year         int      `json:"year"`
	Index        *float64 `json:"index"`
	Rank         *int     `json:"rank"`
	RankOf       int      `json:"rank_of"`
	Level        *int     `json:"level"` // position in CompareIndex.Levels
	Coverage     float64  `json:"coverage_pct"`
	// Dimensions: framework order.
	Dimensions []ScoreByDim    `json:"dimensions"`
	Indicators []CompareValue  `json:"indicators"` // framework order
	Topics     []CompareTopic  `json:"topics"`     // framework topic order
	Coverages  []TopicCoverage `json:"topic_coverage"`
	// Years are the site's years, and ByYear the city's reported values
	// in each of them: what the city page's table of every year shows
	// when a reader opens it (few do, so the page does not carry it).
	Years  []int           `json:"years"`
	ByYear []CompareSeries `json:"by_year"` // the indicators the city reports, framework order
}

// CompareSeries is one indicator's reported values by year.
type CompareSeries struct {
	ID     string     `json:"id"`
	Values []*float64 `json:"values"` // a value per year of CompareCity.Years; null: none
}

// CompareValue is one indicator of one city in the reference year.
type CompareValue struct {
	ID           string   `json:"id"`
	Value        *float64 `json:"value"`                  // as reported (or carried forward); null: none
	CarriedFrom  int      `json:"carried_from,omitempty"` // the year a carried value was reported in
	Score        *float64 `json:"score"`                  // published; null: not scored
	Rank         *int     `json:"rank"`
	Clamped      bool     `json:"clamped,omitempty"`
	Illustrative bool     `json:"illustrative,omitempty"`
}

// CompareTopic is the city's strategy in one shared topic.
type CompareTopic struct {
	Topic    string     `json:"topic"`
	Status   CellStatus `json:"status"` // most advanced status
	Measures int        `json:"measures"`
}

// BuildCompare assembles the compare data. It is pure, like Build.
func BuildCompare(ds model.Dataset, res score.Result, cmp compare.Result) Compare {
	fw := ds.Framework
	m := res.Method
	pub := publisher(m.Decimals)
	out := Compare{Index: CompareIndex{
		Format:        CompareFormat,
		ReferenceYear: res.ReferenceYear,
		Method: CompareMethod{IndexAggregation: m.IndexAggregation.String(), IndexMinCoverage: m.IndexMinCoverage,
			CoverageTolerance: score.CoverageTolerance, Decimals: m.Decimals, RankUnrounded: m.RankUnrounded, Scale: m.Scale},
		Dimensions: []CompareDimension{}, Indicators: []CompareIndicator{}, Topics: []Topic{},
		Levels: []CompareLevel{}, Entries: []CompareEntry{},
	}, Cities: []CompareCity{}}
	ix := &out.Index
	for _, d := range fw.Dimensions {
		ix.Dimensions = append(ix.Dimensions, CompareDimension{ID: d.ID, Name: d.Name, Weight: d.Weight})
	}
	decimals := observedDecimals(ds)
	for _, ind := range fw.Indicators {
		shown := indicator(ind, 0, decimals[ind.ID])
		ix.Indicators = append(ix.Indicators, CompareIndicator{ID: ind.ID, Dimension: ind.Dimension, Name: ind.Name,
			Unit: ind.Unit, Direction: shown.Direction, Decimals: shown.Decimals})
	}
	for _, t := range fw.Topics {
		ix.Topics = append(ix.Topics, Topic{ID: t.ID, Dimension: t.Dimension, Name: t.Name})
	}
	for _, l := range fw.Levels {
		ix.Levels = append(ix.Levels, CompareLevel{Min: l.Min, Name: l.Name})
	}

	ref := yearIndex(res.Years, res.ReferenceYear)
	geometric := m.IndexAggregation == model.Geometric
	for c, city := range ds.Cities {
		if !city.Kind.Scored() {
			continue // nothing to compare: no scores
		}
		e := CompareEntry{Slug: city.Slug, Name: city.Name, Dims: make([]*float64, len(fw.Dimensions))}
		cc := CompareCity{Format: CompareFormat, Slug: city.Slug, Name: city.Name, State: city.State,
			Population: city.Population, Year: res.ReferenceYear, Dimensions: []ScoreByDim{},
			Indicators: []CompareValue{}, Topics: []CompareTopic{}, Coverages: []TopicCoverage{},
			Years: res.Years, ByYear: series(city, fw.Indicators, res.Years)}
		if ref >= 0 {
			y := res.Cities[c].Years[ref]
			for d, dim := range y.Dimensions {
				e.Dims[d] = exact(dim.Score)
			}
			if geometric {
				e.Index = exact(y.Index)
			}
			ys := yearScore(y, pub)
			cc.Index, cc.Rank, cc.RankOf, cc.Level, cc.Coverage, cc.Dimensions = ys.Index, ys.Rank, ys.RankOf, ys.Level, ys.Coverage, ys.Dimensions
			cc.Indicators, cc.Illustrative = values(city, fw.Indicators, y, pub)
		}
		for _, row := range cmp.Matrix {
			cell := row.Cells[c]
			t := CompareTopic{Topic: row.Topic, Status: bestOf(cell), Measures: len(cell.Measures)}
			cc.Topics = append(cc.Topics, t)
		}
		if c < len(cmp.Coverage) {
			for _, dc := range cmp.Coverage[c].Dimensions {
				cc.Coverages = append(cc.Coverages, TopicCoverage{Dimension: dc.ID, Topics: dc.Topics,
					Covered: dc.Covered, SharePct: round(dc.Share*100, pctDigits)})
			}
		}
		ix.Entries = append(ix.Entries, e)
		out.Cities = append(out.Cities, cc)
	}
	return out
}

// series lists the values of each indicator city reports, in framework
// order, by year.
func series(city model.City, inds []model.Indicator, years []int) []CompareSeries {
	out := []CompareSeries{}
	for _, ind := range inds {
		for _, k := range city.KPIs {
			if k.Indicator == ind.ID {
				out = append(out, CompareSeries{ID: ind.ID, Values: byYear(k.Values, years)})
				break
			}
		}
	}
	return out
}

// values lists the city's indicators in framework order for one year, and
// whether any value shown is illustrative.
func values(city model.City, inds []model.Indicator, y score.Year, pub func(score.Value) *float64) ([]CompareValue, bool) {
	illustrative := map[string]bool{}
	for _, k := range city.KPIs {
		illustrative[k.Indicator] = illustrative[k.Indicator] || k.Illustrative
	}
	out := []CompareValue{}
	anyIll := false
	for i, ind := range inds {
		is := y.Indicators[i]
		v := CompareValue{ID: ind.ID, Value: exact(is.Raw), Score: pub(is.Score), Rank: rankOrNil(is.Rank),
			Clamped: is.Clamped}
		if is.Raw.OK {
			v.CarriedFrom = is.CarriedFrom
			v.Illustrative = illustrative[ind.ID]
			anyIll = anyIll || v.Illustrative
		}
		out = append(out, v)
	}
	return out, anyIll
}

// exact is the unrounded value, or nil when it is not available. JSON
// carries it exactly: Go writes the shortest decimal that reads back as
// the same float64, and JSON.parse reads it back to that float64.
func exact(v score.Value) *float64 {
	if !v.OK {
		return nil
	}
	x := v.V
	return &x
}

// CompareFile is one file of the compare data, its path relative to the
// site root with forward slashes.
type CompareFile struct {
	Path string
	Data []byte
}

// Files encodes the compare data: CompareDir/index.json and
// CompareDir/cities/<slug>.json. Compact JSON, as the browser is the only
// reader; byte-stable like everything else the generator writes.
func (c Compare) Files() ([]CompareFile, error) {
	files := make([]CompareFile, 0, len(c.Cities)+1)
	add := func(path string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("compare data %s: %w", path, err)
		}
		files = append(files, CompareFile{Path: CompareDir + "/" + path, Data: append(b, '\n')})
		return nil
	}
	if err := add("index.json", c.Index); err != nil {
		return nil, err
	}
	for _, city := range c.Cities {
		if err := add("cities/"+city.Slug+".json", city); err != nil {
			return nil, err
		}
	}
	return files, nil
}
