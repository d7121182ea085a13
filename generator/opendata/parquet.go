package opendata

import (
	"io"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// parquetRowGroup is how many rows a Parquet row group holds: the writer
// keeps one group's columns in memory until it is written, and readers
// read a group at a time.
const parquetRowGroup = 1 << 18

// parquetBatch is how many rows are handed to the Parquet writer at once.
const parquetBatch = 1024

// writeParquet writes t as one Parquet file: a column per field in schema
// order, typed (numbers DOUBLE, integers INT64, booleans BOOLEAN, texts
// UTF-8 strings), every column nullable, as any CSV cell may be empty.
// Texts are not neutralised: Parquet is read by programs, not opened by
// spreadsheets. Snappy compression, as every Parquet reader decodes it.
// The rows are streamed; only the current row group is held.
func writeParquet(w io.Writer, t Table) error {
	schema := parquetSchema(t)
	pw := parquet.NewWriter(w, schema,
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
		// The library's default names its build, which would make the
		// file depend on how the generator was built.
		parquet.CreatedBy("digitale-staedte-benchmark", "1", "opendata"))
	n := len(t.Fields)
	batch := make([]parquet.Row, 0, parquetBatch)
	vals := make([]parquet.Value, 0, parquetBatch*n)
	flush := func() error {
		if _, err := pw.WriteRows(batch); err != nil {
			return err
		}
		batch, vals = batch[:0], vals[:0]
		return nil
	}
	for row := range t.All() {
		start := len(vals)
		for i, v := range row {
			vals = append(vals, parquetValue(t.Fields[i].Type, v, i))
		}
		batch = append(batch, vals[start:len(vals):len(vals)])
		if len(batch) == parquetBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

func parquetSchema(t Table) *parquet.Schema {
	g := orderedGroup{Group: parquet.Group{}}
	for _, f := range t.Fields {
		var node parquet.Node
		switch f.Type {
		case Number:
			node = parquet.Leaf(parquet.DoubleType)
		case Integer:
			node = parquet.Int(64)
		case Boolean:
			node = parquet.Leaf(parquet.BooleanType)
		default:
			node = parquet.String()
			// A text that repeats (slugs, IDs, sources) is stored once
			// per row group; cell references never repeat.
			if f.Name != originField {
				node = parquet.Encoded(node, &parquet.RLEDictionary)
			}
		}
		g.Group[f.Name] = parquet.Optional(node)
		g.order = append(g.order, f.Name)
	}
	return parquet.NewSchema(t.Name, g)
}

// parquetValue is one cell for column i: a null, or the value at
// definition level 1 of its optional column.
func parquetValue(typ Type, v Value, i int) parquet.Value {
	var pv parquet.Value
	switch x := v.(type) {
	case nil:
		return parquet.NullValue().Level(0, 0, i)
	case float64:
		pv = parquet.DoubleValue(x)
		if typ == Integer {
			pv = parquet.Int64Value(int64(x))
		}
	case int:
		pv = parquet.Int64Value(int64(x))
		if typ == Number {
			pv = parquet.DoubleValue(float64(x))
		}
	case bool:
		pv = parquet.BooleanValue(x)
	case string:
		// The bytes of the string itself, as parquet.ValueOf takes them,
		// without boxing the string into an interface first: the writer
		// copies them before the row is reused.
		pv = parquet.ByteArrayValue(unsafe.Slice(unsafe.StringData(x), len(x)))
	default:
		panic("opendata: unexpected value type") // a programming error in Tables
	}
	return pv.Level(0, 1, i)
}

// orderedGroup is a Parquet group whose columns keep the table's order
// (parquet.Group sorts them by name).
type orderedGroup struct {
	parquet.Group
	order []string
}

func (g orderedGroup) Fields() []parquet.Field {
	byName := map[string]parquet.Field{}
	for _, f := range g.Group.Fields() {
		byName[f.Name()] = f
	}
	fields := make([]parquet.Field, len(g.order))
	for i, name := range g.order {
		fields[i] = byName[name]
	}
	return fields
}
