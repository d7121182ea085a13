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
	// has says which tables come in this format, a file each, under meta;
	// nil: every table.
	has      func(t Table, meta Meta) bool
	write    func(w *bufio.Writer, t Table) error
	resource func(t Table) resource
	// zipAtScale says the ZIP holds this form also when Meta.Large.
	zipAtScale bool
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
		// A large table's German CSV is as big as its CSV and too long for
		// the Excel it is made for.
		has:   func(t Table, meta Meta) bool { return !meta.large(t) },
		write: func(w *bufio.Writer, t Table) error { writeCSV(w, t, ';', true); return nil },
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-de", Profile: "tabular-data-resource",
				Description: "Semikolon, Dezimalkomma, für deutsches Excel / semicolon, decimal comma, for German Excel",
				Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8-sig", Dialect: &dialect{Delimiter: ";"}, Schema: tableSchema(t, ",")}
		}},
	{name: "json", suffix: ".json",
		// A large table's rows are in the per-partner files instead.
		has:   func(t Table, meta Meta) bool { return !meta.perPartner(t) },
		write: func(w *bufio.Writer, t Table) error { writeJSON(w, t); return nil },
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-json", Format: "json", Mediatype: "application/json", Encoding: "utf-8", Schema: tableSchema(t, "")}
		}},
	{name: "parquet", suffix: ".parquet", zipAtScale: true,
		has:   func(t Table, _ Meta) bool { return t.perValue },
		write: func(w *bufio.Writer, t Table) error { return writeParquet(w, t) },
		resource: func(t Table) resource {
			return resource{Name: t.Name + "-parquet", Profile: "tabular-data-resource",
				Format: "parquet", Mediatype: "application/vnd.apache.parquet", Schema: tableSchema(t, "")}
		}},
}

// Where the per-partner files lie (PartnerDir/<slug>.json) and the name
// of their form, for their label: each holds one partner's rows of every
// large table (Meta.large) with a partner column, in place of those
// tables' national JSON files (writeJSONPerPartner). They lie in a folder
// of their own, so that a slug cannot collide with a table's json file.
const (
	PartnerDir    = "json/partner"
	PartnerFormat = "json-partner"
)

// TableOf is the table and the format of a table's download, from its
// path below the downloads folder ("csv-de/kpi_values.csv" → kpi_values,
// csv-de). A per-partner file ("json/partner/muenchen.json") holds several
// tables: "" and PartnerFormat. "" and "" for the other files (workbook,
// ZIP, descriptor).
func TableOf(p string) (table, formatName string) {
	dir, file := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	if dir == PartnerDir && strings.HasSuffix(file, ".json") {
		return "", PartnerFormat
	}
	for _, f := range formats {
		if dir == f.name && strings.HasSuffix(file, f.suffix) {
			return strings.TrimSuffix(file, f.suffix), f.name
		}
	}
	return "", ""
}
