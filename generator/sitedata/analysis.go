package sitedata

import (
	"math"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/stats"
)

// statDigits: audit statistics are in the indicator's unit; three
// decimals keep small units readable without pretending more precision.
const statDigits = 3

// analysed adds city i's uncertainty, remove-one ranks and peer profile.
func analysed(c *City, i int, res score.Result, pub func(score.Value) *float64) {
	u := res.Uncertainty
	if i < len(u.Cities) {
		if ri := u.Cities[i]; ri.Nominal > 0 && ri.Ranked > 0 {
			c.Interval = &RankInterval{Median: ri.Median, Low: ri.Low, High: ri.High}
		}
	}
	nominal := 0
	if c.Reference.Rank != nil {
		nominal = *c.Reference.Rank
	}
	for _, w := range u.RemoveOne {
		ro := RemoveOne{Dimension: w.Dimension, Rank: rankOrNil(w.Ranks[i])}
		if w.Ranks[i] > 0 && nominal > 0 {
			ro.Shift = ptr(nominal - w.Ranks[i])
		}
		c.RemoveOne = append(c.RemoveOne, ro)
	}
	if i < len(res.Peers.Cities) {
		p := res.Peers.Cities[i]
		c.Profile = Profile{IndexMedian: pub(p.IndexMedian), DimensionMedians: []*float64{},
			Dimensions: gaps(p.Dimensions), Strengths: gaps(p.Strengths), Weaknesses: gaps(p.Weaknesses)}
		for _, m := range p.DimensionMedians {
			c.Profile.DimensionMedians = append(c.Profile.DimensionMedians, pub(m))
		}
	}
}

func gaps(gs []score.Gap) []Gap {
	out := []Gap{}
	for _, g := range gs {
		out = append(out, Gap{ID: g.ID, Score: g.Score, Median: g.Median, Diff: g.Diff})
	}
	return out
}

// analysis is the methodology page's audit, correlations, peer statistics
// and uncertainty settings.
func analysis(ds model.Dataset, res score.Result, pub func(score.Value) *float64) Analysis {
	fw := ds.Framework
	a := Analysis{
		Year:  res.ReferenceYear,
		Audit: []AuditRow{},
		Peers: PeerStats{Index: spread(res.Peers.Index, pub), Dimensions: []Spread{}, Indicators: []Spread{}},
		Uncertainty: Uncertainty{
			Draws: res.Uncertainty.Draws, Seed: res.Uncertainty.Seed,
			WeightSpreadPct: round(res.Uncertainty.WeightSpread*100, pctDigits),
			VaryMethods:     res.Uncertainty.VaryMethods, Dimensions: []string{},
		},
	}
	for _, w := range res.Uncertainty.RemoveOne {
		a.Uncertainty.Dimensions = append(a.Uncertainty.Dimensions, w.Dimension)
	}
	for _, s := range res.Peers.Dimensions {
		a.Peers.Dimensions = append(a.Peers.Dimensions, spread(s, pub))
	}
	for _, s := range res.Peers.Indicators {
		a.Peers.Indicators = append(a.Peers.Indicators, spread(s, pub))
	}
	au := res.Audit
	for i, ia := range au.Indicators {
		r := ia.Raw
		row := AuditRow{
			Indicator: ia.ID, N: r.N, Missing: r.Missing, CoveragePct: round(r.Coverage*100, pctDigits),
			Min: stat(r.Min), Max: stat(r.Max), Mean: stat(r.Mean), Median: stat(r.Median), SD: stat(r.SD),
			Skewness: stat(r.Skewness), Kurtosis: stat(r.Kurtosis), SkewKurt: r.SkewKurtFlag,
			Outliers: []string{}, Scored: ia.Scored, Clamped: ia.Clamped, Carried: ia.Carried,
		}
		for _, c := range r.Outliers {
			row.Outliers = append(row.Outliers, ds.Cities[c].Slug)
		}
		if i < len(au.OwnDimension) {
			row.OwnDimension, row.WithIndex = corr(au.OwnDimension[i]), corr(au.WithIndex[i])
		}
		a.Audit = append(a.Audit, row)
	}
	ids := make([]string, 0, len(fw.Indicators))
	for _, ind := range fw.Indicators {
		ids = append(ids, ind.ID)
	}
	a.IndicatorCorrelations = correlations(ids, au.IndicatorCorr)
	ids = make([]string, 0, len(fw.Dimensions)+1)
	for _, d := range fw.Dimensions {
		ids = append(ids, d.ID)
	}
	a.DimensionCorrelations = correlations(append(ids, "index"), au.DimensionCorr)
	return a
}

func spread(s score.Spread, pub func(score.Value) *float64) Spread {
	out := Spread{ID: s.ID, N: s.N}
	if s.N >= 2 {
		out.Q1 = pub(score.Value{V: s.Q1, OK: true})
		out.Median = pub(score.Value{V: s.Median, OK: true})
		out.Q3 = pub(score.Value{V: s.Q3, OK: true})
	}
	return out
}

func stat(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return ptr(round(x, statDigits))
}

func corr(c stats.Corr) *float64 {
	if !c.OK {
		return nil
	}
	return ptr(round(c.R, corrDigits))
}

func correlations(ids []string, m [][]stats.Corr) Correlations {
	out := Correlations{IDs: ids, Values: [][]*float64{}, N: [][]int{}}
	if len(m) != len(ids) {
		return Correlations{IDs: []string{}, Values: [][]*float64{}, N: [][]int{}}
	}
	for _, row := range m {
		vals, ns := []*float64{}, []int{}
		for _, c := range row {
			vals = append(vals, corr(c))
			ns = append(ns, c.N)
		}
		out.Values = append(out.Values, vals)
		out.N = append(out.N, ns)
	}
	return out
}
