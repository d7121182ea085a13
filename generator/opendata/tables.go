// Package opendata turns the dataset and its results into the open-data
// downloads: one table per kind of record, written as CSV (comma and, for
// German Excel, semicolon with decimal comma), JSON, the tables with a row
// per value also as Parquet, one XLSX workbook, a Frictionless data
// package describing them, and a ZIP of everything.
//
// Tables are built purely here; the XLSX bytes come from the workbook
// package (the only excelize importer) and files reach the disk only in
// the pipeline.
package opendata

import (
	"iter"
	"strconv"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// Type is a Table Schema field type.
type Type string

const (
	String  Type = "string"
	Number  Type = "number"
	Integer Type = "integer"
	Boolean Type = "boolean"
)

// Field describes one column.
type Field struct {
	Name        string
	Type        Type
	Unit        string // e.g. "points (0–100)"; "" when not a measurement
	Description string // English, as Frictionless descriptors usually are
}

// Value is one cell: nil (missing), string, float64, int or bool.
type Value = any

// Table is one download: a name (the file's base name), a title, its
// fields and its rows, in a stable order.
type Table struct {
	Name   string
	Title  model.Text
	Input  bool // read from the spreadsheets (else computed)
	Fields []Field
	// Rows holds the rows of a table built whole. The tables with a row per
	// value, score, measure or topic and city (millions of rows at national
	// scale, gigabytes as Values) have none: they are generated afresh from
	// the data set, the scores and the comparison on every pass over All.
	Rows [][]Value
	// perValue marks the tables with a row per value and year (their rows
	// grow with cities × indicators × years), which also come as Parquet.
	perValue bool
	gen      iter.Seq[[]Value]
	n        int // rows gen yields
}

// All yields the rows in order. A generated table yields one slice,
// refilled for every row: a caller that keeps a row must copy it.
func (t Table) All() iter.Seq[[]Value] {
	if t.gen != nil {
		return t.gen
	}
	return func(yield func([]Value) bool) {
		for _, row := range t.Rows {
			if !yield(row) {
				return
			}
		}
	}
}

// Len is the number of rows.
func (t Table) Len() int {
	if t.gen != nil {
		return t.n
	}
	return len(t.Rows)
}

// originField is the column naming the file and cell a value was read
// from; partnerField the one holding the partner's slug.
const (
	originField  = "origin"
	partnerField = "city"
)

// Fields most tables share.
var (
	origin   = Field{originField, String, "", "file and cell the value was read from"}
	slugOnly = Field{partnerField, String, "", "slug"}
)

// column is one field of a table and how a record of type T gives its
// cell: header and value are one declaration, so they cannot drift apart.
type column[T any] struct {
	Field
	value func(T) Value
}

func fieldsOf[T any](cols []column[T]) []Field {
	fs := make([]Field, len(cols))
	for i, c := range cols {
		fs[i] = c.Field
	}
	return fs
}

// fill writes r's cells into row, which has a place per column.
func fill[T any](row []Value, cols []column[T], r T) {
	for i, c := range cols {
		row[i] = c.value(r)
	}
}

// built is t with its fields from cols and a row per record of recs, kept:
// for the tables of a row per framework entry, fact, report or partner.
func built[T any](t Table, cols []column[T], recs iter.Seq[T]) Table {
	t.Fields = fieldsOf(cols)
	for r := range recs {
		row := make([]Value, len(cols))
		fill(row, cols, r)
		t.Rows = append(t.Rows, row)
	}
	return t
}

// streamed is t with its fields from cols and its rows generated from recs
// afresh on every pass over All, into one reused slice: for the tables
// whose rows run to millions. Its length is recs counted, so that it
// follows recs' filters without repeating them.
func streamed[T any](t Table, cols []column[T], recs iter.Seq[T]) Table {
	t.Fields = fieldsOf(cols)
	for range recs {
		t.n++
	}
	t.gen = func(yield func([]Value) bool) {
		row := make([]Value, len(cols))
		for r := range recs {
			fill(row, cols, r)
			if !yield(row) {
				return
			}
		}
	}
	return t
}

// Tables lists every download table: first the inputs exactly as read,
// then the results. Rows follow the framework's and the cities' order.
func Tables(ds model.Dataset, res score.Result, cmp compare.Result) []Table {
	fw := ds.Framework
	sc := scoringOf(res.Method)
	return append([]Table{
		dimensionsTable(fw), indicatorsTable(fw), topicsTable(fw), levelsTable(fw, sc),
		factsTable(ds), kpisTable(ds), measuresTable(ds), offersTable(ds), reportsTable(ds),
		indexTable(res, sc), dimensionScoresTable(res, sc), indicatorScoresTable(fw, res, sc),
		uncertaintyTable(res), withoutTable(ds, res), matrixTable(ds, cmp),
	}, speedTables(cmp.Speed)...)
}

// factValue is a fact as the downloads give it: the adoption date as ISO
// 8601, however the cell held it (an Excel date arrives as its day number,
// 43670), and the population and coordinates as the numbers read; every
// other fact as written.
func factValue(c *model.City, f model.Fact) string {
	switch f.Key {
	case "adopted":
		if !c.Strategy.Adopted.IsZero() {
			return c.Strategy.Adopted.ISO()
		}
	case "population":
		if c.Population > 0 {
			return strconv.Itoa(c.Population)
		}
	case "kind":
		if f.Value != "" {
			return c.Kind.String() // the key, whatever word the sheet used
		}
	case "lat", "lon":
		v := c.Lat
		if f.Key == "lon" {
			v = c.Lon
		}
		if v != nil {
			return strconv.FormatFloat(*v, 'f', -1, 64)
		}
	}
	return f.Value
}

// scored says whether a city has anything at all in a year: an index,
// some coverage or a dimension score. Years without are left out.
func scored(y score.Year) bool {
	if y.Index.OK || y.IndexCoverage != 0 {
		return true
	}
	for _, d := range y.Dimensions {
		if d.Score.OK {
			return true
		}
	}
	return false
}

// cell is "framework.xlsx: Indikatoren!A7" without the folders, so the
// downloads do not depend on where the build ran.
func cell(p model.Pos) string {
	q := p
	q.File = baseName(p.File)
	return q.String()
}

func baseName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' || path[i] == '\\' {
			return path[i+1:]
		}
	}
	return path
}

// boxes shares one Value per int (a year).
type boxes map[int]Value

func (b boxes) of(n int) Value {
	v, ok := b[n]
	if !ok {
		v = n
		b[n] = v
	}
	return v
}

func posInt(n int) Value {
	if n <= 0 {
		return nil
	}
	return n
}

func nonNeg(n int) Value {
	if n < 0 {
		return nil
	}
	return n
}

func nonZero(n int) Value {
	if n == 0 {
		return nil
	}
	return n
}

func toNext(y score.Year) Value {
	if y.NextLevel < 0 {
		return nil
	}
	return y.ToNext
}

func changeRank(c score.Change) Value {
	if !c.RankOK {
		return nil
	}
	return c.Rank
}
