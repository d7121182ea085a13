package score

import (
	"math"

	"github.com/digitale-staedte/benchmark/generator/stats"
)

// Audit is the statistical audit of the reference year (OECD/JRC Handbook,
// step 4; COINr's get_stats and get_corr): how each indicator's data are
// distributed and how indicators, dimensions and the index correlate.
type Audit struct {
	Year       int
	Indicators []IndicatorAudit // framework order
	// IndicatorCorr is Pearson's r between the indicators' scores;
	// DimensionCorr between the dimensions' scores and, last, the index.
	IndicatorCorr [][]stats.Corr
	DimensionCorr [][]stats.Corr
	// OwnDimension is each indicator's correlation with its dimension's
	// score, and WithIndex with the index: an indicator that correlates
	// negatively with its own dimension works against it.
	OwnDimension []stats.Corr
	WithIndex    []stats.Corr
}

// IndicatorAudit describes one indicator's raw values across cities.
type IndicatorAudit struct {
	ID      string
	Raw     stats.Summary // the values as scored (after any carry-forward)
	Scored  int           // cities with a score
	Clamped int           // values outside the goalposts
	Carried int           // values carried forward from an earlier year
}

func audit(p plan, cities []City, ri int) Audit {
	nC := len(cities)
	a := Audit{Year: cities0Year(cities, ri)}
	col := func(get func(Year) Value) []float64 {
		xs := make([]float64, nC)
		for c := range cities {
			v := get(cities[c].Years[ri])
			xs[c] = math.NaN()
			if v.OK {
				xs[c] = v.V
			}
		}
		return xs
	}
	indScores := make([][]float64, len(p.indicators))
	for i, ind := range p.indicators {
		ia := IndicatorAudit{ID: ind.ID}
		for c := range cities {
			is := cities[c].Years[ri].Indicators[i]
			if is.Score.OK {
				ia.Scored++
			}
			if is.Clamped {
				ia.Clamped++
			}
			if is.Raw.OK && is.CarriedFrom != 0 {
				ia.Carried++
			}
		}
		ia.Raw = stats.Describe(col(func(y Year) Value { return y.Indicators[i].Raw }))
		a.Indicators = append(a.Indicators, ia)
		indScores[i] = col(func(y Year) Value { return y.Indicators[i].Score })
	}
	dimScores := make([][]float64, 0, len(p.dims)+1)
	for d := range p.dims {
		dimScores = append(dimScores, col(func(y Year) Value { return y.Dimensions[d].Score }))
	}
	index := col(func(y Year) Value { return y.Index })
	a.IndicatorCorr = stats.CorrelationMatrix(indScores)
	a.DimensionCorr = stats.CorrelationMatrix(append(dimScores, index))
	dimOf := make([]int, len(p.indicators))
	for d, dp := range p.dims {
		for _, i := range dp.members {
			dimOf[i] = d
		}
	}
	for i := range p.indicators {
		a.OwnDimension = append(a.OwnDimension, corr(indScores[i], dimScores[dimOf[i]]))
		a.WithIndex = append(a.WithIndex, corr(indScores[i], index))
	}
	return a
}

func corr(x, y []float64) stats.Corr {
	r, n, ok := stats.Pearson(x, y)
	return stats.Corr{R: r, N: n, OK: ok}
}
