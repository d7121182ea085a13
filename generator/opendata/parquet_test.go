package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/opendata"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// nodePath finds node, or skips the test (fails it in CI), as the browser
// tests do for Chromium.
func nodePath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("node"); err == nil {
		return p
	}
	msg := "node not found (install Node.js; make test runs npm ci in site/ for hyparquet)"
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI is set, so the Parquet reader test must run", msg)
	}
	fmt.Fprintf(os.Stderr, "SKIP %s: %s\n", t.Name(), msg)
	t.Skip(msg)
	return ""
}

// TestParquetReadByHyparquet: every Parquet download, read back by
// hyparquet (pure JavaScript, nothing shared with the Go writer), has the
// CSV's columns, in order and typed as the schema says, and its rows with
// every value equal to the CSV's.
func TestParquetReadByHyparquet(t *testing.T) {
	node := nodePath(t)
	hyparquet, err := filepath.Abs(filepath.Join("..", "..", "site", "node_modules", "hyparquet"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(hyparquet); err != nil {
		t.Fatalf("hyparquet is not installed (run npm ci in site/): %v", err)
	}
	for name, data := range map[string]string{"fixture": wt.Dataset(t, t.TempDir()), "sample": filepath.Join("..", "..", "data")} {
		t.Run(name, func(t *testing.T) { readBackParquet(t, node, hyparquet, data) })
	}
}

func readBackParquet(t *testing.T, node, hyparquet, dataDir string) {
	_, tables := sample(t, dataDir)
	files, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string][]byte{}
	for _, f := range files {
		data[f.Path] = f.Data
	}
	dir := t.TempDir()
	read := 0
	for _, tab := range tables {
		pq, ok := data["parquet/"+tab.Name+".parquet"]
		if !ok {
			continue
		}
		read++
		file := filepath.Join(dir, tab.Name+".parquet")
		if err := os.WriteFile(file, pq, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, filepath.Join("testdata", "readparquet.mjs"), hyparquet, file)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: hyparquet: %v\n%s", tab.Name, err, stderr.String())
		}
		var got struct {
			Columns []struct{ Name, Type, Converted, Repetition string }
			Rows    [][]any
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.UseNumber()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: %v", tab.Name, err)
		}
		want, err := csv.NewReader(bytes.NewReader(data["csv/"+tab.Name+".csv"])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header, rows := want[0], want[1:]
		if len(got.Columns) != len(header) {
			t.Fatalf("%s: %d columns, the CSV has %d", tab.Name, len(got.Columns), len(header))
		}
		physical := map[opendata.Type]string{opendata.Number: "DOUBLE", opendata.Integer: "INT64", opendata.Boolean: "BOOLEAN", opendata.String: "BYTE_ARRAY"}
		for i, c := range got.Columns {
			f := tab.Fields[i]
			if c.Name != header[i] || c.Type != physical[f.Type] || c.Repetition != "OPTIONAL" ||
				f.Type == opendata.String && c.Converted != "UTF8" {
				t.Errorf("%s: column %d is %+v, want %s (%s, optional)", tab.Name, i, c, header[i], f.Type)
			}
		}
		if len(got.Rows) != len(rows) || len(rows) == 0 {
			t.Fatalf("%s: %d rows, the CSV has %d", tab.Name, len(got.Rows), len(rows))
		}
		t.Logf("%s: %d rows of %d columns equal", tab.Name, len(rows), len(header))
		for r, row := range rows {
			for i, cell := range row {
				if err := sameValue(tab.Fields[i].Type, got.Rows[r][i], cell); err != nil {
					t.Errorf("%s row %d column %s: %v", tab.Name, r+2, header[i], err)
				}
			}
		}
	}
	if read < 3 {
		t.Errorf("%d Parquet files read, want kpi_values, dimension_scores and indicator_scores", read)
	}
}

// sameValue says whether a value hyparquet read equals the CSV's cell:
// null is an empty cell; texts are compared before neutralisation.
func sameValue(typ opendata.Type, got any, cell string) error {
	if got == nil {
		if cell != "" {
			return fmt.Errorf("null, the CSV has %q", cell)
		}
		return nil
	}
	switch typ {
	case opendata.Number:
		n, ok := got.(json.Number)
		a, err1 := n.Float64()
		b, err2 := strconv.ParseFloat(cell, 64)
		if !ok || err1 != nil || err2 != nil || a != b {
			return fmt.Errorf("%v, the CSV has %q", got, cell)
		}
	case opendata.Integer:
		s, ok := got.(string) // a BigInt, printed as a string
		if !ok || s != cell {
			return fmt.Errorf("%v, the CSV has %q", got, cell)
		}
	case opendata.Boolean:
		if fmt.Sprint(got) != cell {
			return fmt.Errorf("%v, the CSV has %q", got, cell)
		}
	default:
		s, ok := got.(string)
		if !ok || s != opendata.Unneutralise(cell) {
			return fmt.Errorf("%q, the CSV has %q", got, cell)
		}
	}
	return nil
}
