package sitedata

import "slices"

// ForHugo returns the document as Hugo's data holds it. Each city page
// reads its own city from a file of its own (generator/pipeline), and above
// the list limit no other page lists the cities' KPIs, measures, yearly
// scores, quick wins or strategy matrix, so those are left out here: Hugo keeps its data in
// memory for the whole build, and at national scale they are most of it.
// Up to the limit the document is returned unchanged (the indicator year
// tables and the measures list read them).
func (s Site) ForHugo() Site {
	if s.Lists.Full {
		return s
	}
	out := s
	// The strategy matrix has a cell per topic and city; the pages count
	// instead (Strategies.Scale), the downloads have the matrix.
	out.Strategies.Matrix = []MatrixRow{}
	out.Cities = make([]City, len(s.Cities))
	for i, c := range s.Cities {
		out.Cities[i] = City{Slug: c.Slug, Name: c.Name, NameEn: c.NameEn, Kind: c.Kind, Scored: c.Scored, State: c.State, Population: c.Population,
			Website: c.Website, Contact: c.Contact, Strategy: c.Strategy, Lat: c.Lat, Lon: c.Lon,
			Illustrative: c.Illustrative, IllustrativeFacts: c.IllustrativeFacts,
			Reference: c.Reference, Counts: c.Counts, Interval: c.Interval,
			Scores: []YearScore{}, KPIs: []KPI{}, Measures: []Measure{}, QuickWins: []QuickWin{}, Offers: []Offer{},
			TopicCoverage: []TopicCoverage{}, RemoveOne: []RemoveOne{}, Carried: []Carried{},
			Profile: Profile{DimensionMedians: []*float64{}, Dimensions: []Gap{}, Strengths: []Gap{}, Weaknesses: []Gap{}},
			Speed:   CitySpeed{Topics: []CityTopicSpeed{}, Late: []LateMeasure{}}, Reports: []Report{}, Joint: c.Joint}
	}
	// The reports feed of all cities carries the newest FeedMax; their
	// cities keep their reports for it.
	out.Reports = slices.Clone(s.Reports[:min(len(s.Reports), FeedMax)])
	for _, r := range out.Reports {
		out.Cities[r.City].Reports = s.Cities[r.City].Reports
	}
	return out
}
