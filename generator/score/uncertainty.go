package score

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Uncertainty is the Monte Carlo analysis of the reference year's index
// ranks (OECD/JRC Handbook, step 7): how far a city's rank depends on the
// weights (and, optionally, on method choices) rather than on its data.
type Uncertainty struct {
	Year  int
	Draws int // 0: the analysis is off or there is nothing to rank
	model.Uncertainty
	Cities []RankInterval // aligned with Result.Cities
	// RemoveOne holds, per dimension, every city's rank when the index is
	// computed without that dimension (the others keep their weights).
	RemoveOne []Without
}

// RankInterval summarises one city's ranks over the draws. Percentiles are
// taken on the sorted ranks by the inverted empirical distribution (R's
// quantile type 1), so they are ranks that occurred.
type RankInterval struct {
	Nominal int // the published rank; 0 = not ranked
	Median  int
	Low     int // 5th percentile: the best rank in 95 % of draws
	High    int // 95th percentile
	Ranked  int // draws in which the city had an index
}

// Without is the ranking without one dimension.
type Without struct {
	Dimension string
	Ranks     []int // aligned with Result.Cities; 0 = not ranked
}

// uncertainty runs the analysis for year ri. Each draw has its own random
// stream, seeded with (seed, draw number), so the result does not depend
// on how the draws are spread over goroutines.
func uncertainty(p plan, cities []City, ri int) Uncertainty {
	u := Uncertainty{Year: cities0Year(cities, ri), Uncertainty: p.method.Uncertainty}
	if len(cities) == 0 {
		return u
	}
	nominal := make([]int, len(cities))
	for c := range cities {
		nominal[c] = cities[c].Years[ri].Rank
	}
	u.RemoveOne = removeOne(p, cities, ri)
	draws := p.method.Uncertainty.Draws
	if draws <= 0 {
		u.Draws = 0
		return u
	}
	u.Draws = draws

	nC, nI, nD := len(cities), len(p.indicators), len(p.dims)
	// Which scores exist stays as published: a draw varies the numbers,
	// not the coverage decisions, so every draw ranks the same cities.
	present := presence{dims: make([]bool, nC*nD), index: make([]bool, nC)}
	for c := range cities {
		y := cities[c].Years[ri]
		for d := range nD {
			present.dims[c*nD+d] = y.Dimensions[d].Score.OK
		}
		present.index[c] = y.Index.OK
	}
	// Scores under the nominal normalisation and, when methods vary, under
	// the alternative, as [city*nI + indicator].
	nomScores := make([]Value, nC*nI)
	var altScores []Value
	for c := range cities {
		for i, is := range cities[c].Years[ri].Indicators {
			nomScores[c*nI+i] = is.Score
		}
	}
	hasAlt := make([]bool, nI)
	if p.method.Uncertainty.VaryMethods {
		altScores = make([]Value, nC*nI)
		column := make([]Value, nC)
		for i, ind := range p.indicators {
			alt, ok := alternative(ind)
			if !ok {
				continue
			}
			hasAlt[i] = true
			for c := range cities {
				column[c] = cities[c].Years[ri].Indicators[i].Raw
			}
			for c, n := range normalise(ind, alt, p.method.Scale, column) {
				altScores[c*nI+i] = n.Score
			}
		}
	}

	ranks := make([]int32, draws*nC)
	workers := min(runtime.GOMAXPROCS(0), draws)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := newDrawer(p, nC, present)
			for draw := w; draw < draws; draw += workers {
				r := rand.New(rand.NewPCG(p.method.Uncertainty.Seed, uint64(draw)))
				d.draw(r, nomScores, altScores, hasAlt, ranks[draw*nC:(draw+1)*nC])
			}
		}()
	}
	wg.Wait()

	u.Cities = make([]RankInterval, nC)
	got := make([]int, 0, draws)
	for c := range cities {
		got = got[:0]
		for draw := range draws {
			if r := ranks[draw*nC+c]; r > 0 {
				got = append(got, int(r))
			}
		}
		u.Cities[c] = interval(nominal[c], got)
	}
	return u
}

func cities0Year(cities []City, ri int) int {
	if len(cities) == 0 {
		return 0
	}
	return cities[0].Years[ri].Year
}

// alternative is the normalisation a draw may use instead of the
// indicator's own (see method.alternative).
func alternative(ind model.Indicator) (model.Normalisation, bool) {
	m := methods[ind.Normalisation]
	return m.alternative, m.hasAlternative
}

// interval reads the percentiles off one city's ranks.
func interval(nominal int, ranks []int) RankInterval {
	ri := RankInterval{Nominal: nominal, Ranked: len(ranks)}
	if len(ranks) == 0 {
		return ri
	}
	slices.Sort(ranks)
	q := func(prob float64) int {
		k := int(math.Ceil(prob*float64(len(ranks)) - 1e-9))
		return ranks[max(k, 1)-1]
	}
	ri.Median, ri.Low, ri.High = q(0.5), q(0.05), q(0.95)
	return ri
}

// presence flags, as [city*nD + dimension] and [city], the scores that
// were published.
type presence struct{ dims, index []bool }

// drawer holds one goroutine's buffers.
type drawer struct {
	p          plan
	present    presence
	indWeights [][]float64 // per dimension, aligned with dimPlan.weights
	dimWeights []float64
	useAlt     []bool
	parts      []Value
	dims       []Value
	index      []Value
}

func newDrawer(p plan, nC int, present presence) *drawer {
	d := &drawer{p: p, present: present, dimWeights: make([]float64, len(p.dims)), useAlt: make([]bool, len(p.indicators)),
		dims: make([]Value, len(p.dims)), index: make([]Value, nC)}
	for _, dp := range p.dims {
		d.indWeights = append(d.indWeights, make([]float64, len(dp.weights)))
	}
	return d
}

// draw computes one ranking with perturbed weights (and methods) into out.
func (d *drawer) draw(r *rand.Rand, nom, alt []Value, hasAlt []bool, out []int32) {
	p := d.p
	spread := p.method.Uncertainty.WeightSpread
	perturb := func(w float64) float64 { return w * (1 + spread*(2*r.Float64()-1)) }
	for di, dp := range p.dims {
		for k, w := range dp.weights {
			d.indWeights[di][k] = perturb(w)
		}
		d.dimWeights[di] = perturb(p.dimWeights[di])
	}
	indexAgg := p.method.IndexAggregation
	if p.method.Uncertainty.VaryMethods {
		if r.Float64() < 0.5 {
			indexAgg = model.Arithmetic
		} else {
			indexAgg = model.Geometric
		}
		for i := range d.useAlt {
			d.useAlt[i] = hasAlt[i] && r.Float64() < 0.5
		}
	}
	nI, nD := len(p.indicators), len(p.dims)
	for c := range d.index {
		if !d.present.index[c] {
			d.index[c] = Value{}
			continue
		}
		for di, dp := range p.dims {
			d.parts = d.parts[:0]
			for _, i := range dp.members {
				s := nom[c*nI+i]
				if d.useAlt[i] {
					s = alt[c*nI+i]
				}
				d.parts = append(d.parts, s)
			}
			d.dims[di] = Value{}
			if d.present.dims[c*nD+di] {
				d.dims[di], _ = aggregate(p.method.DimensionAggregation, d.parts, d.indWeights[di], 0)
			}
		}
		d.index[c], _ = aggregate(indexAgg, d.dims, d.dimWeights, 0)
	}
	for c, rk := range rank(p, d.index) {
		out[c] = int32(rk)
	}
}

// removeOne ranks the cities once without each dimension in turn.
func removeOne(p plan, cities []City, ri int) []Without {
	if len(p.dims) < 2 {
		return nil
	}
	out := make([]Without, len(p.dims))
	dims := make([]Value, len(p.dims))
	weights := make([]float64, len(p.dims))
	index := make([]Value, len(cities))
	for drop, dp := range p.dims {
		copy(weights, p.dimWeights)
		weights[drop] = 0
		for c := range cities {
			for d := range p.dims {
				dims[d] = cities[c].Years[ri].Dimensions[d].Score
			}
			index[c], _ = aggregate(p.method.IndexAggregation, dims, weights, p.method.IndexMinCoverage)
		}
		out[drop] = Without{Dimension: dp.id, Ranks: rank(p, index)}
	}
	return out
}
