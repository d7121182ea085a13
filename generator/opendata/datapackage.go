package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
)

// partnerShape is the shape of a per-partner file, for its description:
// a table's fields are those of its CSV file's schema but city.
const partnerShape = `{"partner":slug,"tables":{table:{"fields":[field,...],"rows":[[value,...],...]},...}}`

// The Frictionless Data Package descriptor (specs.frictionlessdata.io):
// every table's file in every format (formats) is described with its
// schema; the workbook as a plain resource.
type pkg struct {
	Profile   string     `json:"profile"`
	Name      string     `json:"name"`
	Title     string     `json:"title"`
	Licenses  []license  `json:"licenses"`
	Resources []resource `json:"resources"`
}

type license struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type resource struct {
	Name        string   `json:"name"`
	Path        string   `json:"path"`
	Profile     string   `json:"profile,omitempty"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Format      string   `json:"format"`
	Mediatype   string   `json:"mediatype"`
	Encoding    string   `json:"encoding,omitempty"`
	Dialect     *dialect `json:"dialect,omitempty"`
	Schema      *schema  `json:"schema,omitempty"`
}

type dialect struct {
	Delimiter string `json:"delimiter"`
}

type schema struct {
	Fields []field `json:"fields"`
}

type field struct {
	Name        string `json:"name"`
	Type        Type   `json:"type"`
	Description string `json:"description,omitempty"`
	// Unit is not part of Table Schema; descriptors may carry extra
	// properties, and readers of this data need the unit.
	Unit        string `json:"unit,omitempty"`
	DecimalChar string `json:"decimalChar,omitempty"`
}

// descriptor describes every file; partnerFiles are the per-partner files
// (writeJSONPerPartner) of the tables byPartner, each a resource of its
// own: a JSON document, not a table, whose shape the description states.
func descriptor(meta Meta, tables, byPartner []Table, partnerFiles []string, withWorkbook bool) ([]byte, error) {
	p := pkg{Profile: "tabular-data-package", Name: meta.Name, Title: meta.Title.De + " / " + meta.Title.En,
		Licenses: []license{{Name: meta.Licence.ID, Title: meta.Licence.Title, Path: meta.Licence.URL}}}
	for _, t := range tables {
		for _, f := range formats {
			if f.has != nil && !f.has(t, meta) {
				continue
			}
			r := f.resource(t)
			r.Path, r.Title = f.path(t), t.Title.De+" / "+t.Title.En
			p.Resources = append(p.Resources, r)
		}
	}
	if len(partnerFiles) > 0 {
		names := tableNames(byPartner)
		desc := "Zeilen eines Partners aus " + names + ", ohne die Spalte city / one partner's rows of " + names + ", without the city column: " + partnerShape
		for _, path := range partnerFiles {
			slug := strings.TrimSuffix(strings.TrimPrefix(path, PartnerDir+"/"), ".json")
			p.Resources = append(p.Resources, resource{Name: "partner-" + slug + "-json", Path: path,
				Title: slug, Description: desc, Format: "json", Mediatype: "application/json", Encoding: "utf-8"})
		}
	}
	if withWorkbook {
		p.Resources = append(p.Resources, resource{Name: "workbook", Path: WorkbookFile, Title: "Alle Tabellen / All tables",
			Format: "xlsx", Mediatype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func tableSchema(t Table, decimalChar string) *schema {
	s := &schema{}
	for _, f := range t.Fields {
		fd := field{Name: f.Name, Type: f.Type, Description: f.Description, Unit: f.Unit}
		if f.Type == Number {
			fd.DecimalChar = decimalChar
		}
		s.Fields = append(s.Fields, fd)
	}
	return s
}
