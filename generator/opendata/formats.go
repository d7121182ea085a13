package opendata

import (
	"bufio"
	"path"
	"strings"
)

// format is one form a table is downloaded in: its folder below the
// downloads (also its name), its file suffix, how a table is written in it
// and how the data package describes the file. formats lists them in the
// order each table's files are written, zipped, described and linked; the
// theme labels a file by its format's name (i18n key format_<name>, "-"
// written "_"), so a new format is an entry here and a label there.
type format struct {
	name   string
	suffix string
	// has says which tables come in this format; nil: every table.
	has      func(Table) bool
	write    func(w *bufio.Writer, t Table) error
	resource func(t Table) resource
	// zipAtScale says the ZIP holds this form also when Meta.Large.
	zipAtScale bool
	// byPartner, if set, writes a table too long for a worksheet as one
	// file per partner (col is the partner's column) through open, and
	// returns their paths.
	byPartner func(t Table, col int, open func(path string) (*bufio.Writer, func(error) error, error)) ([]string, error)
}

// path is where t's file in this format lies below the downloads folder.
func (f format) path(t Table) string { return f.name + "/" + t.Name + f.suffix }

var formats = []format{
	{name: "csv", suffix: ".csv", zipAtScale: true,
		write: func(w *bufio.Writer, t Table) error { writeCSV(w, t, ',', false); return nil },
		resource: func(t Table) resource {
			return resource{Name: t.Name, Profile: "tabular-data-resource",
				Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Schema: tableSchema(t, "")}
		}},
	{name: "csv-de", suffix: ".csv",
		write: func(w *bufio.Writer, t Table) error { writeCSV(w, t, ';', true); return nil },
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-de", Profile: "tabular-data-resource",
				Description: "Semikolon, Dezimalkomma, für deutsches Excel / semicolon, decimal comma, for German Excel",
				Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8-sig", Dialect: &dialect{Delimiter: ";"}, Schema: tableSchema(t, ",")}
		}},
	{name: "json", suffix: ".json",
		write:     func(w *bufio.Writer, t Table) error { writeJSON(w, t); return nil },
		byPartner: writeJSONByPartner,
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-json", Format: "json", Mediatype: "application/json", Encoding: "utf-8", Schema: tableSchema(t, "")}
		}},
	{name: "parquet", suffix: ".parquet", zipAtScale: true,
		has:   func(t Table) bool { return t.perValue },
		write: func(w *bufio.Writer, t Table) error { return writeParquet(w, t) },
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-parquet", Profile: "tabular-data-resource",
				Format: "parquet", Mediatype: "application/vnd.apache.parquet", Schema: tableSchema(t, "")}
		}},
}

// TableOf is the table and the format of a table's download, from its
// path below the downloads folder ("csv-de/kpi_values.csv" → kpi_values,
// csv-de); a file of one partner's rows ("json/kpi_values/muenchen.json")
// has the format's name with "-partner" (json-partner). "" and "" for the
// other files (workbook, ZIP, descriptor).
func TableOf(p string) (table, formatName string) {
	dir, file := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	for _, f := range formats {
		if !strings.HasSuffix(file, f.suffix) {
			continue
		}
		if dir == f.name {
			return strings.TrimSuffix(file, f.suffix), f.name
		}
		if t, ok := strings.CutPrefix(dir, f.name+"/"); ok && f.byPartner != nil && !strings.Contains(t, "/") {
			return t, f.name + "-partner"
		}
	}
	return "", ""
}
