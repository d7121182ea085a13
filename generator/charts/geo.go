package charts

import (
	"encoding/json"
	"fmt"
	"math"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// Country is the ISO 3166-1 numeric code of the country whose outline the
// map draws (Germany), as world-atlas names its countries.
const Country = "276"

// TopoFile is the world-atlas file the outline comes from, inside
// node_modules: Natural Earth 1:50m countries.
const TopoFile = "world-atlas/countries-50m.json"

// mapName is the name the theme's script registers the outline under.
const mapName = "outline"

type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []struct {
			Type string          `json:"type"`
			ID   any             `json:"id"`
			Arcs json.RawMessage `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

// Outline decodes one country of a world-atlas TopoJSON file (objects
// "countries", id = ISO numeric code) into a GeoJSON FeatureCollection
// with one MultiPolygon, coordinates rounded to 0.001° (about 100 m).
func Outline(topo []byte, id string) (json.RawMessage, error) {
	var t topology
	if err := json.Unmarshal(topo, &t); err != nil {
		return nil, fmt.Errorf("charts: reading the country outline (%s): %w", TopoFile, err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("charts: %s is not a TopoJSON topology", TopoFile)
	}
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(a))
		for j, p := range a {
			if t.Transform != nil { // quantised: delta-encoded integers
				x, y = x+p[0], y+p[1]
				pts[j] = [2]float64{round3(x*t.Transform.Scale[0] + t.Transform.Translate[0]), round3(y*t.Transform.Scale[1] + t.Transform.Translate[1])}
			} else {
				pts[j] = p
			}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) ([][2]float64, error) {
		var out [][2]float64
		for k, a := range idx {
			rev := a < 0
			if rev {
				a = ^a
			}
			if a >= len(arcs) {
				return nil, fmt.Errorf("charts: %s: arc %d does not exist", TopoFile, a)
			}
			pts := arcs[a]
			seg := make([][2]float64, len(pts))
			for j := range pts {
				if rev {
					seg[j] = pts[len(pts)-1-j]
				} else {
					seg[j] = pts[j]
				}
			}
			if k > 0 { // each arc starts where the last one ended
				seg = seg[1:]
			}
			out = append(out, seg...)
		}
		return out, nil
	}
	for _, g := range t.Objects["countries"].Geometries {
		if fmt.Sprint(g.ID) != id {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("charts: %s: %w", TopoFile, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("charts: %s: %w", TopoFile, err)
			}
		default:
			return nil, fmt.Errorf("charts: %s: country %s is a %s, not a polygon", TopoFile, id, g.Type)
		}
		var coords [][][][2]float64
		for _, p := range polys {
			var rings [][][2]float64
			for _, r := range p {
				pts, err := ring(r)
				if err != nil {
					return nil, err
				}
				rings = append(rings, pts)
			}
			coords = append(coords, rings)
		}
		fc := map[string]any{"type": "FeatureCollection", "features": []any{map[string]any{
			"type": "Feature", "properties": map[string]any{"name": ""},
			"geometry": map[string]any{"type": "MultiPolygon", "coordinates": coords},
		}}}
		return json.Marshal(fc)
	}
	return nil, fmt.Errorf("charts: %s has no country with id %s", TopoFile, id)
}

// partnerMap places every city with coordinates on the country outline,
// one scatter series per maturity level (colour, symbol and legend entry
// each), labelled with name and index while there are few. With
// thousands of cities the series switch to ECharts' large mode: one path
// per series, no element per point.
func partnerMap(s sitedata.Site, outline json.RawMessage, lang language) (Chart, error) {
	tbl := Table{Columns: []string{txtCity.in(lang), txtLat.in(lang), txtLon.in(lang), txtIndex.in(lang)}}
	byLevel := map[int][]opts.GeoData{}
	var noIndex []opts.GeoData
	var points [][2]float64
	placed := 0
	var best, worst *sitedata.RankingRow
	for _, r := range s.Ranking {
		c := findCity(s, r.Slug)
		// The table shows coordinates to 0.001° (about 100 m); so do the map
		// and the download.
		if c.Lat != nil && c.Lon != nil {
			lat, lon := round3(*c.Lat), round3(*c.Lon)
			c.Lat, c.Lon = &lat, &lon
		}
		tbl.Rows = append(tbl.Rows, []any{r.NameIn(lang.code), cell(c.Lat), cell(c.Lon), cell(r.Index)})
		if c.Lat == nil || c.Lon == nil {
			continue
		}
		placed++
		points = append(points, [2]float64{*c.Lon, *c.Lat})
		label := r.NameIn(lang.code)
		if r.Index == nil || r.Level == nil {
			noIndex = append(noIndex, opts.GeoData{Name: label, Value: []any{*c.Lon, *c.Lat}})
			continue
		}
		byLevel[*r.Level] = append(byLevel[*r.Level], opts.GeoData{Name: label + ": " + num(s, lang, *r.Index), Value: []any{*c.Lon, *c.Lat, *r.Index}})
		if best == nil || *r.Index > *best.Index {
			best = &r
		}
		if worst == nil || *r.Index < *worst.Index {
			worst = &r
		}
	}
	var summary string
	switch {
	case placed == 0:
		summary = txtMapNone.in(lang)
	case best == nil:
		summary = txtMapNoIndex.in(lang, count(placed))
	case best == worst:
		summary = txtMapOne.in(lang, count(placed), best.NameIn(lang.code), num(s, lang, *best.Index))
	default:
		summary = txtMap.in(lang, count(placed), best.NameIn(lang.code), num(s, lang, *best.Index), worst.NameIn(lang.code), num(s, lang, *worst.Index))
	}
	if rest := len(s.Ranking) - placed; rest > 0 && placed > 0 {
		summary += " " + txtMapRest.in(lang, count(rest))
	}
	showLabels := placed <= 30
	g := gecharts.NewGeo()
	g.SetGlobalOptions(
		aria(summary),
		gecharts.WithGeoComponentOpts(opts.GeoComponent{Map: mapName, Silent: opts.Bool(true)}),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}"}),
	)
	series := func(name string, data []opts.GeoData, i int) {
		g.AddSeries(name, "scatter", data,
			gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
				ss.Symbol = symbols[i%len(symbols)]
				ss.SymbolSize = 12
				ss.Large = opts.Bool(true)
				ss.LargeThreshold = 2000
			}),
			gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(showLabels), Position: "right", Formatter: "{b}"}),
			// Labels of neighbouring cities move apart, and one that
			// still overlaps another is left out (the tooltip and the
			// table name every city).
			gecharts.WithLabelLayoutOpts(opts.LabelLayout{MoveOverlap: "shiftY", HideOverlap: opts.Bool(true)}),
		)
	}
	for i, l := range s.Levels {
		if d := byLevel[l.Index]; len(d) > 0 {
			series(name(l.Name, lang), d, i)
		}
	}
	if len(noIndex) > 0 {
		series(txtNoIndex.in(lang), noIndex, len(s.Levels))
	}
	box, err := outlineBox(outline)
	if err != nil {
		return Chart{}, err
	}
	ch, err := finishWith(g, look{bounds: mapBounds(points, box)}, "map", summary, s.Settings.Decimals, tbl)
	ch.Outline = outline
	return ch, err
}

// outlineBox is the box around a GeoJSON outline as Outline writes it
// (one MultiPolygon): west, south, east, north in degrees.
func outlineBox(outline json.RawMessage) ([4]float64, error) {
	var fc struct {
		Features []struct {
			Geometry struct {
				Coordinates [][][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(outline, &fc); err != nil {
		return [4]float64{}, fmt.Errorf("charts: the country outline: %w", err)
	}
	box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, f := range fc.Features {
		for _, poly := range f.Geometry.Coordinates {
			for _, ring := range poly {
				for _, p := range ring {
					box[0], box[1] = math.Min(box[0], p[0]), math.Min(box[1], p[1])
					box[2], box[3] = math.Max(box[2], p[0]), math.Max(box[3], p[1])
				}
			}
		}
	}
	if box[0] > box[2] {
		return [4]float64{}, fmt.Errorf("charts: the country outline has no points")
	}
	return box, nil
}

func findCity(s sitedata.Site, slug string) sitedata.City {
	for _, c := range s.Cities {
		if c.Slug == slug {
			return c
		}
	}
	return sitedata.City{Slug: slug}
}
