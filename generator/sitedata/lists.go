package sitedata

import (
	"math"
	"sort"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/stats"
)

// Placing is one city's place in the ranking of one indicator or dimension
// in the reference year. Value and Clamped belong to indicators (the
// reported value, and whether it lay outside the goalposts), Coverage to
// dimensions.
type Placing struct {
	Slug         string   `json:"slug"`
	Rank         *int     `json:"rank"`
	Score        *float64 `json:"score"`
	Value        *float64 `json:"value,omitempty"`
	Clamped      bool     `json:"clamped,omitempty"`
	Illustrative bool     `json:"illustrative,omitempty"`
	Coverage     *float64 `json:"coverage_pct,omitempty"`
}

// RankList is a ranking as a page lists it, ordered in Go so that no
// template sorts N cities: ranked cities by rank, ties by name and slug,
// then the others by name and slug. With Lists.Full it holds every city;
// otherwise the first Top and the last Top ranked cities, Omitted ranked
// cities lying between them (the rows after index Top follow the gap), and
// Unranked cities without a rank are left out.
type RankList struct {
	Rows     []Placing `json:"rows"`
	Omitted  int       `json:"omitted"`
	Unranked int       `json:"unranked"`
}

// YearSpread describes the cities' values of one year: how many cities
// have one and their quartiles (type 7, as the audit's); null without
// values.
type YearSpread struct {
	Year   int      `json:"year"`
	N      int      `json:"n"`
	Min    *float64 `json:"min"`
	Q1     *float64 `json:"q1"`
	Median *float64 `json:"median"`
	Q3     *float64 `json:"q3"`
	Max    *float64 `json:"max"`
}

// rankList orders placings (names by slug) and, unless full, keeps the
// first and last top ranked ones.
func rankList(rows []Placing, names map[string]string, full bool, top int) RankList {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if (a.Rank == nil) != (b.Rank == nil) {
			return a.Rank != nil
		}
		if a.Rank != nil && *a.Rank != *b.Rank {
			return *a.Rank < *b.Rank
		}
		if c := strings.Compare(names[a.Slug], names[b.Slug]); c != 0 {
			return c < 0
		}
		return a.Slug < b.Slug
	})
	if full {
		return RankList{Rows: rows}
	}
	ranked := 0
	for ranked < len(rows) && rows[ranked].Rank != nil {
		ranked++
	}
	out := RankList{Unranked: len(rows) - ranked}
	if ranked <= 2*top {
		out.Rows = rows[:ranked:ranked]
		return out
	}
	out.Rows = append(append([]Placing{}, rows[:top]...), rows[ranked-top:ranked]...)
	out.Omitted = ranked - 2*top
	return out
}

// yearSpread summarises one year's values (published to digits).
func yearSpread(year int, values []float64, digits int) YearSpread {
	out := YearSpread{Year: year, N: len(values)}
	if len(values) == 0 {
		return out
	}
	sorted := append([]float64{}, values...)
	sort.Float64s(sorted)
	q := func(p float64) *float64 {
		v := stats.Quantile(sorted, p)
		if math.IsNaN(v) {
			return nil
		}
		r := round(v, digits)
		return &r
	}
	out.Min, out.Q1, out.Median, out.Q3, out.Max = q(0), q(0.25), q(0.5), q(0.75), q(1)
	return out
}

// addLists fills the indicators' and dimensions' rankings and the spreads
// by year of the index and of every indicator's values, from the cities.
func addLists(s *Site) {
	full, top := s.Lists.Full, s.Lists.Top
	names := make(map[string]string, len(s.Cities))
	for _, c := range s.Cities {
		names[c.Slug] = c.Name
	}
	yearAt := make(map[int]int, len(s.Years))
	for i, y := range s.Years {
		yearAt[y] = i
	}
	for i, ind := range s.Indicators {
		rows := make([]Placing, 0, len(s.Cities))
		byYear := make([][]float64, len(s.Years))
		for _, c := range s.Cities {
			if !c.Scored {
				continue
			}
			p := Placing{Slug: c.Slug}
			for _, k := range c.KPIs {
				if k.Indicator != ind.ID {
					continue
				}
				for _, o := range k.Values {
					if at, ok := yearAt[o.Year]; ok {
						byYear[at] = append(byYear[at], o.Value)
					}
					if o.Year == s.ReferenceYear {
						v := o.Value
						p.Rank, p.Score, p.Value, p.Clamped, p.Illustrative = o.Rank, o.Score, &v, o.Clamped, k.Illustrative
					}
				}
				break
			}
			rows = append(rows, p)
		}
		s.Indicators[i].Ranking = rankList(rows, names, full, top)
		s.Indicators[i].Years = make([]YearSpread, len(s.Years))
		for at, y := range s.Years {
			s.Indicators[i].Years[at] = yearSpread(y, byYear[at], ind.Decimals)
		}
	}
	for i, d := range s.Dimensions {
		rows := make([]Placing, 0, len(s.Cities))
		for _, c := range s.Cities {
			if !c.Scored {
				continue
			}
			p := Placing{Slug: c.Slug}
			for _, sd := range c.Reference.Dimensions {
				if sd.ID == d.ID {
					cov := sd.Coverage
					p.Rank, p.Score, p.Coverage = sd.Rank, sd.Score, &cov
					break
				}
			}
			rows = append(rows, p)
		}
		s.Dimensions[i].Ranking = rankList(rows, names, full, top)
	}
	byYear := make([][]float64, len(s.Years))
	for _, c := range s.Cities {
		for _, ys := range c.Scores {
			if at, ok := yearAt[ys.Year]; ok && ys.Index != nil {
				byYear[at] = append(byYear[at], *ys.Index)
			}
		}
	}
	s.IndexYears = make([]YearSpread, len(s.Years))
	for at, y := range s.Years {
		s.IndexYears[at] = yearSpread(y, byYear[at], s.Settings.Decimals)
	}
}
