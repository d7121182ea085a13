// Package sitedata turns the dataset and its scores into the JSON document
// the Hugo theme lays out. Everything the reader sees is decided here or
// earlier: values are rounded once, in Go, so templates never compute.
package sitedata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// FileName is the document's name inside the generated data folder; Hugo
// sees it as hugo.Data.generated.site.
const FileName = "site.json"

// pctDigits is how many decimals published percentages keep; scores keep
// the framework's Decimals setting.
const pctDigits = 1

// corrDigits: correlations are read to two decimals.
const corrDigits = 2

// Build assembles the site document. It is pure: same input, same output.
func Build(ds model.Dataset, res score.Result, cmp compare.Result) Site {
	fw := ds.Framework
	m := res.Method
	pub := publisher(m.Decimals)
	s := Site{
		ReferenceYear: res.ReferenceYear,
		Years:         append([]int{}, res.Years...),
		Settings:      settings(m, fw.Indicators),
		Lists: Lists{Full: len(ds.Cities) <= FullListMax, FullMax: FullListMax,
			Top: ListTop, PageSize: ListPageSize, Feed: FeedMax},
	}
	dimTotal := 0.0
	for _, d := range fw.Dimensions {
		dimTotal += d.Weight
	}
	decimals := observedDecimals(ds)
	for _, d := range fw.Dimensions {
		out := Dimension{ID: d.ID, Name: d.Name, Description: d.Description, Weight: d.Weight,
			WeightPct: share(d.Weight, dimTotal), Indicators: []string{}, Topics: []string{}}
		indTotal := 0.0
		for _, ind := range fw.Indicators {
			if ind.Dimension == d.ID {
				indTotal += ind.Weight
				out.Indicators = append(out.Indicators, ind.ID)
			}
		}
		for _, t := range fw.Topics {
			if t.Dimension == d.ID {
				out.Topics = append(out.Topics, t.ID)
			}
		}
		s.Dimensions = append(s.Dimensions, out)
		for _, ind := range fw.Indicators {
			if ind.Dimension != d.ID {
				continue
			}
			s.Indicators = append(s.Indicators, indicator(ind, share(ind.Weight, indTotal), decimals[ind.ID]))
		}
	}
	for _, t := range fw.Topics {
		s.Topics = append(s.Topics, Topic{ID: t.ID, Dimension: t.Dimension, Name: t.Name})
	}
	for i, lv := range fw.Levels {
		s.Levels = append(s.Levels, Level{Index: i, Min: lv.Min, Name: lv.Name})
	}
	sort.SliceStable(s.Levels, func(i, j int) bool { return s.Levels[i].Min < s.Levels[j].Min })

	ref := yearIndex(res.Years, res.ReferenceYear)
	if ref >= 0 && ref < len(res.Averages) {
		avg := res.Averages[ref]
		s.Average = Average{Index: pub(avg.Index), Dimensions: dimScores(avg.Dimensions, pub)}
	} else {
		s.Average = Average{Dimensions: []ScoreByDim{}}
	}

	for i, c := range ds.Cities {
		city := buildCity(c, res.Cities[i], res, fw, pub)
		city.Offers = cityOffers(c)
		analysed(&city, i, res, pub)
		s.Sample = s.Sample || city.Illustrative || anyIllustrative(c) || anyIllustrativeOffer(c)
		s.Cities = append(s.Cities, city)
		if !city.Scored {
			continue
		}
		s.Ranking = append(s.Ranking, RankingRow{Slug: city.Slug, Name: city.Name, NameEn: city.NameEn,
			Rank: city.Reference.Rank, Index: city.Reference.Index, Level: city.Reference.Level,
			Change: city.Reference.Change, Interval: city.Interval, Dimensions: city.Reference.Dimensions})
	}
	s.Reports = allReports(s.Cities)
	s.Lists.ReportPages = reportPages(len(s.Reports), s.Lists)
	addJointProjects(&s, ds)
	for _, k := range model.PartnerKinds() {
		s.PartnerKinds = append(s.PartnerKinds, k.String())
	}
	s.Analysis = analysis(ds, res, pub)
	s.Strategies = strategies(fw, cmp, pub)
	s.Strategies.QuickWinExamples = map[string][]Example{}
	s.Strategies.QuickWinStopped = map[string][]Example{}
	s.Strategies.OfferKinds = OfferKinds()
	offers := offerLists{}
	s.Strategies.Speed = speed(cmp.Speed, fw, s.Lists.Full)
	for i := range s.Cities {
		s.Cities[i].Speed = CitySpeed{Topics: []CityTopicSpeed{}, Late: []LateMeasure{}}
		if i < len(cmp.Speed.Cities) {
			s.Cities[i].Speed = citySpeed(cmp.Speed.Cities[i], s.Strategies.Speed.Topics)
		}
		s.Cities[i].QuickWins = quickWins(cmp.QuickWins[i].Wins, s.Strategies.QuickWinExamples, s.Strategies.QuickWinStopped, offers)
		for _, dc := range cmp.Coverage[i].Dimensions {
			s.Cities[i].TopicCoverage = append(s.Cities[i].TopicCoverage, TopicCoverage{Dimension: dc.ID,
				Topics: dc.Topics, Covered: dc.Covered, SharePct: round(dc.Share*100, pctDigits)})
		}
	}
	sort.SliceStable(s.Ranking, func(i, j int) bool {
		a, b := s.Ranking[i], s.Ranking[j]
		if (a.Rank == nil) != (b.Rank == nil) {
			return a.Rank != nil
		}
		if a.Rank != nil && *a.Rank != *b.Rank {
			return *a.Rank < *b.Rank
		}
		return a.Name < b.Name
	})
	addLists(&s)
	addScale(&s)
	return s
}

func strategies(fw model.Framework, cmp compare.Result, pub func(score.Value) *float64) Strategies {
	out := Strategies{Matrix: []MatrixRow{}, Similarity: []SimilarityRow{}, Leaders: []Leader{},
		MaxExamples: compare.MaxExamples, SimilarityMax: compare.MaxSimilarityCities}
	slugs := make([]string, len(cmp.Coverage))
	for i, c := range cmp.Coverage {
		slugs[i] = c.Slug
	}
	dimOf := map[string]string{}
	for _, t := range fw.Topics {
		dimOf[t.ID] = t.Dimension
	}
	for _, r := range cmp.Matrix {
		row := MatrixRow{Topic: r.Topic, Dimension: dimOf[r.Topic], Cells: []MatrixCell{}}
		for i, c := range r.Cells {
			cell := MatrixCell{Slug: slugs[i], Status: bestOf(c), Measures: append([]string{}, c.Measures...)}
			row.Cells = append(row.Cells, cell)
		}
		out.Matrix = append(out.Matrix, row)
	}
	for i, values := range cmp.Similarity {
		row := SimilarityRow{Slug: slugs[i], Values: []float64{}}
		for _, v := range values {
			row.Values = append(row.Values, round(v*100, pctDigits))
		}
		out.Similarity = append(out.Similarity, row)
	}
	for _, l := range cmp.Leaders {
		leader := Leader{Dimension: l.Dimension, Cities: append([]string{}, l.Leaders...), Measures: examples(l.Measures),
			Offers: leaderOffers(l.Offers)}
		leader.Score = pub(score.Value{V: l.Score, OK: l.OK})
		out.Leaders = append(out.Leaders, leader)
	}
	return out
}

// quickWins lists a city's quick wins and adds each topic's examples to
// byTopic, the first time the topic comes up: every city that lacks a
// topic sees the same examples (compare.quickWins), which the site holds
// once rather than once per city.
func quickWins(wins []compare.QuickWin, byTopic, stoppedByTopic map[string][]Example, offers offerLists) []QuickWin {
	out := []QuickWin{}
	for _, w := range wins {
		list, number := offers.of(w.Offers)
		out = append(out, QuickWin{Topic: w.Topic, Partners: w.Partners, Offers: list, OffersList: number})
		if _, ok := byTopic[w.Topic]; !ok {
			byTopic[w.Topic] = examples(w.Examples)
			stoppedByTopic[w.Topic] = examples(w.Stopped)
		}
	}
	return out
}

func examples(es []compare.Example) []Example {
	out := []Example{}
	for _, e := range es {
		out = append(out, Example{City: e.City, MeasureID: e.MeasureID, Title: e.Title,
			Status: e.Status, Progress: progress(e.Progress), Lead: e.Lead, Link: e.Link,
			With: append([]string{}, e.With...)})
	}
	return out
}

func settings(m score.Method, inds []model.Indicator) Settings {
	rankOn := "rounded"
	if m.RankUnrounded {
		rankOn = "unrounded"
	}
	s := Settings{
		Aggregation: m.IndexAggregation.String(), MinCoverage: round(m.IndexMinCoverage*100, pctDigits),
		DimensionAggregation: m.DimensionAggregation.String(), IndexAggregation: m.IndexAggregation.String(),
		DimensionMinCoverage: round(m.DimensionMinCoverage*100, pctDigits), IndexMinCoverage: round(m.IndexMinCoverage*100, pctDigits),
		Scale: m.Scale, Decimals: m.Decimals, RankOn: rankOn, CarryForward: m.CarryForward,
		ZScoreMean: score.ZScoreMean * m.Scale, ZScoreSD: score.ZScoreSD * m.Scale,
		Normalisations: []string{},
	}
	s.RoundingExample[0], s.RoundingExample[1] = score.RoundingExample(m.Decimals)
	for _, n := range model.Normalisations() {
		if slices.ContainsFunc(inds, func(ind model.Indicator) bool { return ind.Normalisation == n }) {
			s.Normalisations = append(s.Normalisations, n.String())
			s.RelativeNormalisation = s.RelativeNormalisation || score.Relative(n)
		}
	}
	return s
}

func indicator(ind model.Indicator, weightPct float64, observed int) Indicator {
	out := Indicator{ID: ind.ID, Dimension: ind.Dimension, Name: ind.Name, Unit: ind.Unit,
		Direction: ind.Direction.String(), Weight: ind.Weight, WeightPct: weightPct,
		Transform: ind.Transform.String(), Normalisation: ind.Normalisation.String(),
		Source: ind.Source, Description: ind.Description, Decimals: ind.Decimals}
	if ind.Decimals < 0 {
		out.Decimals = observed
	}
	if g := ind.Goalposts; g != nil {
		out.Goalposts = &Goalposts{Min: g.Min, Max: g.Max}
	}
	return out
}

func buildCity(c model.City, r score.City, res score.Result, fw model.Framework, pub func(score.Value) *float64) City {
	out := City{Slug: c.Slug, Name: c.Name, NameEn: c.NameEn, Kind: c.Kind.String(), Scored: c.Kind.Scored(),
		State: c.State, Population: c.Population, Website: c.Website, Contact: c.Contact, Lat: c.Lat, Lon: c.Lon,
		Strategy: Strategy{Title: c.Strategy.Title, Adopted: c.Strategy.Adopted.ISO(), Link: c.Strategy.Link},
		KPIs:     []KPI{}, Measures: []Measure{}, Scores: []YearScore{}, IllustrativeFacts: []string{},
		QuickWins: []QuickWin{}, TopicCoverage: []TopicCoverage{}, RemoveOne: []RemoveOne{}, Carried: []Carried{},
		Profile: Profile{DimensionMedians: []*float64{}, Dimensions: []Gap{}, Strengths: []Gap{}, Weaknesses: []Gap{}},
		Offers:  []Offer{}, Joint: []int{},
	}
	for _, f := range c.Facts {
		if f.Illustrative && f.Value != "" {
			out.IllustrativeFacts = append(out.IllustrativeFacts, f.Key)
		}
	}
	for _, y := range r.Years {
		ys := yearScore(y, pub)
		out.Scores = append(out.Scores, ys)
		if y.Year == res.ReferenceYear {
			out.Reference = ys
		}
	}
	if out.Reference.Dimensions == nil {
		out.Reference = YearScore{Year: res.ReferenceYear, Dimensions: []ScoreByDim{}}
	}

	for _, y := range r.Years {
		for i, is := range y.Indicators {
			if is.CarriedFrom != 0 && is.Raw.OK {
				out.Carried = append(out.Carried, Carried{Indicator: fw.Indicators[i].ID, Year: y.Year,
					From: is.CarriedFrom, Value: is.Raw.V})
			}
		}
	}
	byIndicator := map[string]model.KPI{}
	for _, k := range c.KPIs {
		byIndicator[k.Indicator] = k
	}
	for i, ind := range fw.Indicators {
		k, ok := byIndicator[ind.ID]
		if !ok {
			continue
		}
		kpi := KPI{Indicator: ind.ID, Source: k.Source, Note: k.Note, Illustrative: k.Illustrative,
			Values: make([]Observation, 0, len(k.Values))}
		for _, o := range k.Values {
			is := indicatorScore(r, i, o.Year)
			kpi.Values = append(kpi.Values, Observation{Year: o.Year, Value: o.Value,
				Score: pub(is.Score), Rank: rankOrNil(is.Rank), Clamped: is.Clamped})
		}
		kpi.ByYear = byYear(k.Values, res.Years)
		if n := len(kpi.Values); n > 0 {
			latest := kpi.Values[n-1]
			kpi.Latest = &latest
		}
		out.Illustrative = out.Illustrative || (k.Illustrative && len(k.Values) > 0)
		out.KPIs = append(out.KPIs, kpi)
	}
	var log map[string][]int
	out.Reports, log = reports(c)
	for _, m := range c.Measures {
		var pct *float64
		if v, ok := m.ProgressPct(); ok {
			pct = &v
		}
		out.Measures = append(out.Measures, Measure{ID: m.ID, Title: m.Title, Topic: m.Topic,
			Status: m.Status, Progress: progress(pct), Start: m.Start.ISO(), End: m.End.ISO(), Budget: m.Budget,
			Lead: m.Lead, Description: m.Description, Link: m.Link, Illustrative: m.Illustrative,
			Origin: cellRef(m.Pos), Reports: append([]int{}, log[m.ID]...), With: []string{}})
		out.Counts.add(m.Status)
	}
	return out
}

func yearScore(y score.Year, pub func(score.Value) *float64) YearScore {
	ys := YearScore{Year: y.Year, Index: pub(y.Index), Coverage: round(y.IndexCoverage*100, pctDigits),
		RankOf: y.RankOf, Rank: rankOrNil(y.Rank), Dimensions: dimScores(y.Dimensions, pub)}
	if y.Level >= 0 {
		ys.Level = ptr(y.Level)
	}
	if y.NextLevel >= 0 {
		ys.NextLevel, ys.ToNext = ptr(y.NextLevel), ptr(y.ToNext)
	}
	if ch := y.Change; ch.PrevYear != 0 {
		ys.Change = &Change{PrevYear: ch.PrevYear, Index: pub(ch.Index)}
		if ch.RankOK {
			ys.Change.Rank = ptr(ch.Rank)
		}
	}
	return ys
}

func dimScores(cs []score.Component, pub func(score.Value) *float64) []ScoreByDim {
	out := []ScoreByDim{}
	for _, c := range cs {
		out = append(out, ScoreByDim{ID: c.ID, Score: pub(c.Score), Coverage: round(c.Coverage*100, pctDigits), Rank: rankOrNil(c.Rank)})
	}
	return out
}

// progress is a measure's progress as published: one decimal, as the
// site's other percentages.
func progress(pct *float64) *float64 {
	if pct == nil {
		return nil
	}
	return ptr(round(*pct, pctDigits))
}

func rankOrNil(r int) *int {
	if r <= 0 {
		return nil
	}
	return &r
}

func ptr[T any](v T) *T { return &v }

// anyIllustrative: a measure or city fact from an illustrative source makes
// the data set a sample too.
func anyIllustrative(c model.City) bool {
	for _, m := range c.Measures {
		if m.Illustrative {
			return true
		}
	}
	for _, f := range c.Facts {
		if f.Illustrative && f.Value != "" {
			return true
		}
	}
	return false
}

// observedDecimals is, per indicator, the most decimals any value has as
// written (capped at 3), used where the framework does not set them.
func observedDecimals(ds model.Dataset) map[string]int {
	out := map[string]int{}
	for _, c := range ds.Cities {
		for _, k := range c.KPIs {
			for _, o := range k.Values {
				s := strconv.FormatFloat(o.Value, 'f', -1, 64)
				if i := strings.IndexByte(s, '.'); i >= 0 {
					out[k.Indicator] = max(out[k.Indicator], min(3, len(s)-i-1))
				}
			}
		}
	}
	return out
}

// publisher rounds scores to the published decimals; nil is "not available".
func publisher(digits int) func(score.Value) *float64 {
	return func(v score.Value) *float64 {
		if !v.OK {
			return nil
		}
		r := round(v.V, digits)
		return &r
	}
}

func round(x float64, digits int) float64 { return score.Round(x, digits) }

func share(w, total float64) float64 {
	if total == 0 {
		return 0
	}
	return round(w/total*100, pctDigits)
}

// indicatorScore is r's score of the framework's i-th indicator in year,
// zero when r has no such year.
func indicatorScore(r score.City, i, year int) score.IndicatorScore {
	for _, y := range r.Years {
		if y.Year == year && i < len(y.Indicators) {
			return y.Indicators[i]
		}
	}
	return score.IndicatorScore{}
}

// byYear aligns observations with years: a value per year, nil where
// there is none.
func byYear(obs []model.Observation, years []int) []*float64 {
	out := make([]*float64, len(years))
	for _, o := range obs {
		if at := yearIndex(years, o.Year); at >= 0 {
			v := o.Value
			out[at] = &v
		}
	}
	return out
}

func yearIndex(years []int, y int) int {
	for i, v := range years {
		if v == y {
			return i
		}
	}
	return -1
}

// bestOf is the status of a compare cell as the site data carries it.
func bestOf(c compare.Cell) CellStatus {
	if !c.Has {
		return CellStatus{}
	}
	return CellStatus{c.Best, true}
}

// cellRef is "Kennzahlen!D7": enough for a reader of the downloads to find
// the cell in the city's workbook.
func cellRef(p model.Pos) string {
	if p.Sheet == "" || p.Row == 0 {
		return p.Sheet
	}
	return p.Sheet + "!" + p.Cell()
}

// Write stores the document as compact JSON in dir (indentation made it
// twice as large for Hugo to read at national scale). Go's encoder sorts
// nothing that is not already ordered here, so output is byte-stable.
func Write(dir string, s Site) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, FileName), buf.Bytes(), 0o644)
}
