package pipeline_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/cli"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/workbook/badfiles"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestBadFilesLeaveTheSiteAlone builds a good site, then feeds every case
// of the hostile corpus (generator/workbook/badfiles) to pipeline.Build and
// to "generator build": each gives exactly the errors below (English
// report, data folder written as DATA), ErrInvalidData and exit code 1, no
// panic, and the site built before is byte-for-byte what it was.
func TestBadFilesLeaveTheSiteAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, wt.Dataset(t, t.TempDir()), out, ""); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	before := snapshot(t, out)
	cases := badfiles.Cases()
	if len(cases) < 30 {
		t.Fatalf("the corpus has %d cases; want at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Heavy && testing.Short() {
				t.Skip("heavy case")
			}
			dir := t.TempDir()
			if c.Accepted {
				c.Write(t, dir)
				builtHarmless(t, dir)
				return
			}
			want, ok := badFileErrors[c.Name]
			if !ok || len(want) == 0 {
				t.Fatalf("no expected errors for case %s", c.Name)
			}
			c.Write(t, dir)
			res, err := pipeline.Build(pipeline.Options{DataDir: dir, SiteDir: repoSite, OutDir: out})
			if !errors.Is(err, pipeline.ErrInvalidData) {
				t.Errorf("Build: err = %v; want ErrInvalidData", err)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(res.Problems.Text("en"), "\n"), "\n") {
				if strings.Contains(line, ": error: ") {
					got = append(got, strings.ReplaceAll(line, dir, "DATA"))
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			// The command prints what Build returned; reading a heavy file a
			// second time to show that would only double the test's time.
			if !c.Heavy {
				checkBuildCommand(t, dir, out, want)
			}
			if after := snapshot(t, out); !equal(before, after) {
				t.Fatalf("the site built before changed")
			}
		})
	}
	// Nothing was left beside the site either: no work folder, no backup.
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "public" {
		t.Errorf("beside the site: %v; want only public", entries)
	}
}

// builtHarmless builds a case the reader accepts (badfiles.Case.Accepted:
// a control character in a text) and checks that no page and no download
// holds a control character other than tab, line feed and carriage return,
// while the text around it arrives.
func builtHarmless(t *testing.T, dir string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, dir, out, ""); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	found := false
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".html", ".json", ".csv", ".xml", ".txt", ".js":
		default:
			return nil // images, fonts, and the packed .xlsx and .zip
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if i := bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }); i >= 0 {
			t.Errorf("%s holds the control character %q: …%q…", path, b[i], b[max(i-20, 0):min(i+20, len(b))])
		}
		found = found || bytes.Contains(b, []byte("[31mrot"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Error("the text around the control character reached no page and no download")
	}
}

// badFileErrors are the errors each case must give, every one naming the
// file and, where there is one, the sheet and cell.
var badFileErrors = map[string][]string{
	"not-a-zip": {
		"DATA/partners/alpha.xlsx: error: cannot read the file (zip: not a valid zip file); expected a workbook (.xlsx or .ods) without a password",
	},
	"empty-file": {
		"DATA/partners/alpha.xlsx: error: file is empty (0 bytes); expected an Excel workbook (.xlsx)",
	},
	"truncated-zip": {
		"DATA/partners/alpha.xlsx: error: file is incomplete or damaged (zip: not a valid zip file); expected a complete workbook: save or download it again",
	},
	"truncated-zip-header-only": {
		"DATA/partners/alpha.xlsx: error: file is incomplete or damaged (zip: not a valid zip file); expected a complete workbook: save or download it again",
	},
	"encrypted": {
		"DATA/partners/alpha.xlsx: error: workbook is encrypted with a password; expected a workbook without a password: in Excel, clear it under File › Info › Protect Workbook and save",
	},
	"old-xls": {
		"DATA/partners/alpha.xlsx: error: file is in the old Excel 97–2003 format (.xls) or another old Office document; expected an Excel workbook (.xlsx): open it in Excel or LibreOffice and save it as .xlsx",
	},
	"ods-renamed": {
		// read as what it is, an .ods, which lacks every sheet
		"DATA/partners/alpha.xlsx: error: sheet \"Stadt\" is missing; expected a sheet named \"Stadt\" / \"City\"",
		"DATA/partners/alpha.xlsx: error: sheet \"Kennzahlen\" is missing; expected a sheet named \"Kennzahlen\" / \"KPIs\"",
		"DATA/partners/alpha.xlsx: error: sheet \"Maßnahmen\" is missing; expected a sheet named \"Maßnahmen\" / \"Measures\"",
	},
	"zip-of-text": {
		"DATA/partners/alpha.xlsx: error: file is a ZIP archive but no Excel workbook (it holds no workbook part); expected an Excel workbook (.xlsx)",
	},
	"sheet-xml-malformed": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet is damaged (part xl/worksheets/sheet2.xml: XML syntax error on line 1: unexpected EOF); expected a complete sheet: save the workbook again from Excel or LibreOffice",
	},
	"billion-laughs": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet is damaged (part xl/worksheets/sheet2.xml: XML syntax error on line 1: invalid character entity &lol9;); expected a complete sheet: save the workbook again from Excel or LibreOffice",
	},
	"empty-workbook": {
		"DATA/partners/alpha.xlsx: error: sheet \"Stadt\" is missing; expected a sheet named \"Stadt\" / \"City\"",
		"DATA/partners/alpha.xlsx: error: sheet \"Kennzahlen\" is missing; expected a sheet named \"Kennzahlen\" / \"KPIs\"",
		"DATA/partners/alpha.xlsx: error: sheet \"Maßnahmen\" is missing; expected a sheet named \"Maßnahmen\" / \"Measures\"",
	},
	"sheets-empty": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet is empty; expected a header row with the columns \"Indikator\"",
		"DATA/partners/alpha.xlsx: Maßnahmen: error: sheet is empty; expected a header row with the columns \"ID\", \"Titel\", \"Thema\" / \"Status\"",
		"DATA/partners/alpha.xlsx: Stadt: error: sheet is empty; expected a header row with the columns \"Feld\" / \"Wert\"",
	},
	"sheet-missing": {
		"DATA/partners/alpha.xlsx: error: sheet \"Kennzahlen\" is missing; expected a sheet named \"Kennzahlen\" / \"KPIs\"",
	},
	"sheet-twice": {
		"DATA/partners/alpha.xlsx: KPIs: error: sheets \"Kennzahlen\" and \"KPIs\" mean the same; expected only one of them",
	},
	"column-missing": {
		"DATA/partners/alpha.xlsx: Kennzahlen!1: error: column \"Indikator\" is missing from the header row; expected a column named \"Indikator\" / \"Indicator\"",
	},
	"column-twice": {
		"DATA/partners/alpha.xlsx: Maßnahmen!H1: error: column \"Status\" appears twice (also in column D); expected it only once",
	},
	"framework-missing": {
		// one error: nothing is checked against a framework that could not be read
		"DATA/framework.xlsx: error: cannot read the file (stat DATA/framework.xlsx: no such file or directory); expected a workbook (.xlsx or .ods) without a password",
	},
	"no-cities": {
		"DATA/partners: error: no partner workbook found; expected at least one file data/partners/<name>.xlsx or .ods",
	},
	"file-name-not-a-slug": {
		"DATA/partners/Alpha Stadt.xlsx: error: file name \"Alpha Stadt.xlsx\" cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to alpha-stadt.xlsx",
	},
	"measure-id-twice": {
		"DATA/partners/alpha.xlsx: Maßnahmen!A3: error: ID \"M-01\" appears twice (first in A2); expected a unique ID",
	},
	"kpi-row-twice": {
		"DATA/partners/alpha.xlsx: Kennzahlen!A3: error: ID \"V1\" appears twice (first in A2); expected a unique ID",
	},
	"indicator-unknown": {
		"DATA/partners/alpha.xlsx: Kennzahlen!A5: error: unknown indicator \"X9\"; expected an ID from the Indicators sheet in DATA/framework.xlsx",
	},
	"topic-unknown": {
		"DATA/partners/alpha.xlsx: Maßnahmen!C2: error: unknown topic \"NIRGENDS\"; expected an ID from the Topics sheet in DATA/framework.xlsx",
	},
	"fact-key-unknown": {
		"DATA/partners/alpha.xlsx: Stadt!A3: error: \"Lieblingsfarbe\" is not a known field; expected one of: \"Name\", \"Art\", \"Bundesland\", \"Einwohner\", \"Webseite\", \"Strategie\", \"Beschlossen am\", \"Strategie-Link\", \"Kontakt\", \"Breitengrad\", \"Längengrad\" / \"Name (en)\"",
	},
	"dimension-id-twice": {
		"DATA/framework.xlsx: Dimensionen!A3: error: ID \"VER\" appears twice (first in A2); expected a unique ID",
		"DATA/framework.xlsx: Indikatoren!B4: error: unknown dimension \"DAT\"; expected an ID from the Dimensions sheet: VER",
		"DATA/framework.xlsx: Indikatoren!B5: error: unknown dimension \"DAT\"; expected an ID from the Dimensions sheet: VER",
		"DATA/framework.xlsx: Themen!B4: error: unknown dimension \"DAT\"; expected an ID from the Dimensions sheet: VER",
	},
	"indicator-dimension-unknown": {
		"DATA/framework.xlsx: Indikatoren!B3: error: unknown dimension \"XYZ\"; expected an ID from the Dimensions sheet: VER, DAT",
	},
	"nan": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B2: error: \"NaN\" is not a number; expected a number such as 1,234.5 or 12.5 %",
	},
	"inf": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C2: error: \"Inf\" is not a number; expected a number such as 1,234.5 or 12.5 %",
	},
	"overflow": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B3: error: \"1e999\" is not a number; expected a number such as 1,234.5 or 12.5 %",
	},
	"formula-error": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C4: error: cell holds the error value #DIV/0! (a formula could not be computed); expected a value",
	},
	"formula-uncomputed": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C2: error: formula =B2*1.5 has no stored result; expected a value: open the workbook in Excel or LibreOffice and save it, which stores the result",
	},
	"log-negative": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C4: error: value -5 cannot be log-transformed (indicator \"D1\" uses transform log); expected a value above 0",
	},
	"log-zero": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C4: error: value 0 cannot be log-transformed (indicator \"D1\" uses transform log); expected a value above 0",
	},
	"weight-negative": {
		"DATA/framework.xlsx: Dimensionen!D2: error: weight -2 is negative; expected a weight of 0 or more",
	},
	"population-negative": {
		"DATA/partners/alpha.xlsx: Stadt!B4: error: population -100000 is not possible; expected a whole number above 0",
	},
	"latitude-absurd": {
		"DATA/partners/alpha.xlsx: Stadt!B7: error: 500 lies outside -90 to 90; expected a coordinate in decimal degrees",
	},
	"budget-negative": {
		"DATA/partners/alpha.xlsx: Maßnahmen!H2: error: budget -1 is negative; expected an amount of 0 or more",
	},
	"year-header-absurd": {
		"DATA/partners/alpha.xlsx: Kennzahlen!C1: error: column header \"20233\" is not a possible year; expected a year from 1990 to 2100",
	},
	"year-header-ancient": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B1: error: column header \"1200\" is not a possible year; expected a year from 1990 to 2100",
	},
	"adopted-year-1": {
		"DATA/partners/alpha.xlsx: Stadt!B6: error: date 0001-01-01 is not within the years 1900 to 2100; expected a date in these years",
	},
	"measure-start-year-9999": {
		"DATA/partners/alpha.xlsx: Maßnahmen!E2: error: date 9999 is not within the years 1900 to 2100; expected a date in these years",
	},
	"date-impossible": {
		"DATA/partners/alpha.xlsx: Maßnahmen!F2: error: \"31.02.2024\" is not a date; expected a date such as 24.07.2019, 2019-07-24, 07.2019 or 2019",
	},
	"cell-100000-characters": {
		"DATA/partners/alpha.xlsx: Maßnahmen!B2: error: text is 100000 characters long; expected at most 5000 characters",
	},
	"stray-cell-row-1000000": {
		"DATA/partners/alpha.xlsx: Maßnahmen: error: sheet has more than 100000 rows (empty ones included); expected a few hundred: is it the right file?",
	},
	// 5 rows to column D (20 cells) and 200 rows to column XFD (16,384 each)
	"cells-far-right": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet spans 3276820 cells (each row counted to its last cell), more than the 200000 allowed; expected a compact table: delete stray entries far to the right (the outermost is in XFD6)",
	},
	"cells-far-right-under-limit": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B5: error: \"viel\" is not a number; expected a number such as 1,234.5 or 12.5 %",
	},
	"million-rows": {
		"DATA/partners/alpha.xlsx: error: file unpacks to 122 MB, more than the 32 MB allowed; expected a workbook of a few hundred KB: is it the right file?",
	},
	"zip-bomb": {
		"DATA/partners/alpha.xlsx: error: file unpacks to 1024 MB, more than the 32 MB allowed; expected a workbook of a few hundred KB: is it the right file?",
	},
	"zip-bomb-lying-header": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet is damaged (part xl/worksheets/sheet2.xml: zip: not a valid zip file); expected a complete sheet: save the workbook again from Excel or LibreOffice",
	},
	"zip-bomb-under-limit": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet has more than 100000 rows (empty ones included); expected a few hundred: is it the right file?",
	},
	"cell-30-megabytes": {
		"DATA/partners/alpha.xlsx: Kennzahlen!A1: error: text is 30408704 characters long; expected at most 5000 characters",
	}, "fifo": {
		"DATA/partners/alpha.xlsx: error: is not a regular file in the data folder (a device, a pipe or a link out of the data folder); expected a workbook (.xlsx or .ods)",
	},
	"symlink-to-dev-zero": {
		"DATA/partners/alpha.xlsx: error: is not a regular file in the data folder (a device, a pipe or a link out of the data folder); expected a workbook (.xlsx or .ods)",
	},
	"symlink-out-of-data": {
		"DATA/partners/alpha.xlsx: error: is not a regular file in the data folder (a device, a pipe or a link out of the data folder); expected a workbook (.xlsx or .ods)",
	},
	"sparse-3-gigabytes": {
		"DATA/partners/alpha.xlsx: error: file unpacks to 3072 MB, more than the 33 MB allowed; expected a workbook of a few hundred KB: is it the right file?",
	},
	"csv-starting-with-pk": {
		"DATA/partners/alpha.xlsx: error: cannot read the file (zip: not a valid zip file); expected a workbook (.xlsx or .ods) without a password",
	},
	"styles-xf-amplification": {
		"DATA/partners/alpha.xlsx: error: part xl/styles.xml of the workbook is damaged (more than 64000 cell formats); expected a complete workbook: save it again from Excel or LibreOffice",
	},
	"styles-numfmt-amplification": {
		"DATA/partners/alpha.xlsx: error: part xl/styles.xml of the workbook is damaged (more than 64000 number formats); expected a complete workbook: save it again from Excel or LibreOffice",
	},
	"part-name-backslash": {
		"DATA/partners/alpha.xlsx: error: part xl\\worksheets\\sheet2.xml of the workbook is named with \\ instead of /; expected part names with /, as Excel and LibreOffice write them: open the workbook there and save it again",
	},
	"sheet-part-without-xml-suffix": {
		"DATA/partners/alpha.xlsx: Kennzahlen: error: sheet is stored in part xl/worksheets/sheet2, whose name does not end in .xml; expected a sheet part such as xl/worksheets/sheet1.xml: save the workbook again from Excel or LibreOffice",
	},
	"workbook-part-over-1-megabyte": {
		"DATA/partners/alpha.xlsx: error: part xl/workbook.xml of the workbook unpacks to 1100 KB, more than the 1024 KB allowed; expected a list of sheets of a few KB: is it the right file?",
	},
	"sheets-1001": {
		"DATA/partners/alpha.xlsx: error: workbook has more than 1000 sheets; expected the few sheets of the template: is it the right file?",
	},
	"parts-250000": {
		"DATA/partners/alpha.xlsx: error: file holds more than 10000 parts; expected a workbook of a few dozen parts, as Excel or LibreOffice save it: is it the right file?",
	},
	"shared-string-index-out-of-range": {
		"DATA/partners/alpha.xlsx: Maßnahmen!B2: error: cell refers to shared string no. 9999, but the workbook has only 40 (the file is damaged); expected a complete workbook: save it again from Excel or LibreOffice",
	},
	"shared-strings-spilled-styles-broken": {
		"DATA/partners/alpha.xlsx: error: cannot read the file (strconv.ParseInt: parsing \"x\": invalid syntax); expected a workbook (.xlsx or .ods) without a password",
	},
	"number-go-literals": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B2: error: \"0x1p4\" is not a number; expected a number such as 1,234.5 or 12.5 %",
		"DATA/partners/alpha.xlsx: Kennzahlen!C2: error: \"1_000\" is not a number; expected a number such as 1,234.5 or 12.5 %",
		"DATA/partners/alpha.xlsx: Kennzahlen!B3: error: \"0b101\" is not a number; expected a number such as 1,234.5 or 12.5 %",
		"DATA/partners/alpha.xlsx: Kennzahlen!C3: error: \"infinity\" is not a number; expected a number such as 1,234.5 or 12.5 %",
		"DATA/partners/alpha.xlsx: Kennzahlen!B4: error: \"-Inf\" is not a number; expected a number such as 1,234.5 or 12.5 %",
		"DATA/partners/alpha.xlsx: Kennzahlen!C4: error: \"0o17\" is not a number; expected a number such as 1,234.5 or 12.5 %",
	},
	"kpi-value-huge": {
		"DATA/partners/alpha.xlsx: Kennzahlen!B2: error: \"1.797E+308\" is too large a number; expected a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)",
		"DATA/partners/alpha.xlsx: Kennzahlen!C2: error: \"-1.797e308\" is too large a number; expected a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)",
	},
	"weight-huge": {
		"DATA/framework.xlsx: Dimensionen!D2: error: \"1E+308\" is too large a number; expected a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)",
		"DATA/framework.xlsx: Dimensionen!D3: error: \"1E+308\" is too large a number; expected a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)",
	},
	"year-twice": {
		"DATA/partners/alpha.xlsx: Kennzahlen!F1: error: year 2023 appears twice in the header row (also in C1); expected each year only once, or a value no one sees would count",
	},
	"indicator-id-case": {
		"DATA/framework.xlsx: Indikatoren!A6: error: ID \"v1\" gives the same page address as \"V1\" in A2 (…/v1/); expected IDs that differ in more than case or punctuation",
	},
	"indicator-id-trailing-dot": {
		"DATA/framework.xlsx: Indikatoren!A6: error: ID \"V1.\" gives the same page address as \"V1\" in A2 (…/v1/); expected IDs that differ in more than case or punctuation",
	},
	"city-file-case-twice": {
		"DATA/partners/alpha.xlsx: error: file has the same address \"alpha\" as DATA/partners/alpha.XLSX; expected one file per city, each with a name of its own",
	},
	"file-name-newline": {
		"\"DATA/partners/alpha\\n::error::x.xlsx\": error: file name \"alpha\\n::error::x.xlsx\" cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to alpha-error-x.xlsx",
	},
	"sheet-name-newline": {
		"DATA/partners/alpha.xlsx: \"KPIs/\\n::error::x\": error: cannot read the file (the sheet can not contain any of the characters :\\/?*[or]); expected a workbook (.xlsx or .ods) without a password",
	},
}

// checkBuildCommand runs "generator build" on the bad data in dir: it exits
// with ExitInvalid and prints every error of want.
func checkBuildCommand(t *testing.T, dir, out string, want []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run([]string{"build", "--lang", "en", "--data", dir, "--site", repoSite, "--out", out},
		&stdout, &stderr, func(string) string { return "" })
	if code != cli.ExitInvalid {
		t.Errorf("generator build: exit code %d; want %d\n%s", code, cli.ExitInvalid, stderr.String())
	}
	report := strings.ReplaceAll(stderr.String(), dir, "DATA")
	for _, w := range want {
		if !strings.Contains(report, w+"\n") {
			t.Errorf("generator build does not print %q; it printed\n%s", w, report)
		}
	}
}
