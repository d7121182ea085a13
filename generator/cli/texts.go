package cli

import "fmt"

// plural is a counted phrase in the singular and in the plural, each with
// %d for the number. German and English both take the singular for one
// only: "1 Warnung", "0 Warnungen", "2 warnings".
type plural struct{ one, other string }

// of is the phrase for n.
func (p plural) of(n int) string {
	if n == 1 {
		return fmt.Sprintf(p.one, n)
	}
	return fmt.Sprintf(p.other, n)
}

// text holds the command line's words in one language.
type text struct {
	rootShort, rootLong                                string
	buildShort, buildLong, validateShort, validateLong string
	flagLang, flagData, flagSite, flagOut, flagBaseURL string
	flagPrevious, flagSummary, flagProduction          string
	built, invalid, invalidValidate, valid             string
	moreWarnings                                       string
	// Counts in the messages above.
	nCities, nErrors, nWarnings, nMoreWarnings plural
	// withOthers joins the cities and the partners that are not
	// municipalities: "3 Städten und 1 weiteren Partner".
	withOthers string
	nOthers    plural

	templateShort, templateLong, newCityShort, newCityLong string
	flagKind, badKind                                      string
	flagFramework, flagTemplateOut, flagFormat, badFormat  string
	wroteTemplate, createdCity, exists, emptySlug          string
	frameworkInvalid                                       string
}

var texts = map[string]text{
	"de": {
		rootShort: "Vergleichsportal zur digitalen Reife von Städten erzeugen",
		rootLong: `generator liest die Arbeitsmappen im Ordner data/ (framework.xlsx und
eine Datei je Stadt unter data/partners/, als .xlsx oder .ods), prüft sie, berechnet die Punktzahlen
und erzeugt daraus die Website in Deutsch und Englisch.

Häufige Aufrufe:
  generator validate        nur prüfen: nennt jedes Problem mit Datei, Blatt und Zelle
  generator build           prüfen und die Website nach site/public schreiben
  generator new-city "Name" Arbeitsmappe für eine neue Partnerstadt anlegen
  generator template        leere Vorlage einer Stadt-Arbeitsmappe schreiben

Anleitung für Strateginnen und Strategen: docs/strategists.md

Exit-Codes: 0 erfolgreich, 1 Fehler in den Tabellen (mit --production auch in den
Angaben zum Herausgeber), 2 falscher Aufruf oder interner Fehler.
Sprache der Meldungen: --lang de|en oder die Umgebungsvariable GENERATOR_LANG.`,
		buildShort: "Tabellen prüfen und die Website erzeugen",
		buildLong: `Liest und prüft alle Tabellen, berechnet die Punktzahlen und erzeugt die
Website. Hat eine Tabelle Fehler, wird nichts geschrieben: die zuletzt erzeugte
Website bleibt unverändert, und jede fehlerhafte Zelle wird genannt.

Ohne --production und --base-url verweisen die Seiten nur relativ
aufeinander (für einen Server auf diesem Rechner), und fehlende Angaben zum
Herausgeber in site/hugo.toml sind Warnungen; mit --production sind sie Fehler.`,
		validateShort: "Tabellen nur prüfen, nichts schreiben",
		validateLong: `Liest und prüft alle Tabellen und nennt jedes Problem mit Datei, Blatt und
Zelle, z. B. "data/partners/muenchen.xlsx: Kennzahlen!C7". Schreibt nichts.`,
		flagLang:        "`Sprache` der Meldungen: de oder en",
		flagData:        "`Ordner` mit framework.xlsx und partners/*.xlsx (oder .ods)",
		flagSite:        "`Ordner` des Hugo-Projekts",
		flagOut:         "`Ordner`, in den die fertige Website geschrieben wird",
		flagBaseURL:     "`Adresse`, unter der die Website erscheint, z. B. https://name.github.io/projekt/",
		flagPrevious:    "`Datenpaket` der vorigen Veröffentlichung (Ordner, ZIP oder URL) für die Seite „Was hat sich geändert“",
		flagSummary:     "`Datei`, an die eine Zusammenfassung in Markdown angehängt wird (in CI: $GITHUB_STEP_SUMMARY)",
		flagProduction:  "für die Veröffentlichung bauen: fehlt eine Angabe zum Herausgeber in site/hugo.toml oder ist sie ein Platzhalter, wird nichts geschrieben (Exit-Code 1); die Seiten nennen ihre öffentliche Adresse (baseURL oder --base-url)",
		built:           "Website mit %s (Bezugsjahr %d) nach %s geschrieben.\n",
		invalid:         "%s gefunden – es wurde nichts geschrieben, %s ist unverändert.\n",
		invalidValidate: "%s gefunden.\n",
		valid:           "Keine Fehler, %s.\n",
		moreWarnings:    "… und %s; alle nennt: generator validate --data %s\n",
		nCities:         plural{"%d Stadt", "%d Städten"},
		withOthers:      "%s und %s",
		nOthers:         plural{"%d weiteren Partner", "%d weiteren Partnern"},
		nErrors:         plural{"%d Fehler", "%d Fehler"},
		nWarnings:       plural{"%d Warnung", "%d Warnungen"},
		nMoreWarnings:   plural{"%d weitere Warnung", "%d weitere Warnungen"},

		templateShort: "Leere Vorlage einer Arbeitsmappe schreiben",
		templateLong: `Schreibt eine leere Stadt-Arbeitsmappe (mit --framework ein leeres
Rahmenwerk): alle Blätter mit deutschen und englischen Spaltenköpfen, ein
Blatt "Anleitung (Instructions)", eine Beispielzeile je Blatt, Hinweise beim
Anklicken einer Zelle und Auswahllisten für Indikatoren, Themen und Status aus
dem aktuellen Rahmenwerk (data/framework.xlsx oder --data).

Die Beispielzeile (gelb) ist gültig und nennt als Quelle "Beispielwert": bleibt
sie stehen, zeigt die Website ihre Werte als Beispieldaten an. Ersetzen oder
löschen Sie sie. Eine vorhandene Datei wird nie überschrieben; --out - schreibt
die Vorlage auf die Standardausgabe.`,
		newCityShort: "Arbeitsmappe für eine neue Partnerstadt anlegen",
		newCityLong: `Legt data/partners/<name>.xlsx aus der Vorlage an und trägt den Namen der
Stadt ein. Der Dateiname wird aus dem Namen gebildet: Kleinbuchstaben, ä → ae,
ö → oe, ü → ue, ß → ss, andere Akzente entfallen, alles andere wird zu "-"
(München → muenchen, "Neumarkt i.d.OPf." → neumarkt-i-d-opf).
Eine vorhandene Datei wird nie überschrieben (Exit-Code 1).

Danach: Datei öffnen, ausfüllen, Beispielzeilen ersetzen, generator validate.`,
		flagKind:         "`Art` des Partners, wenn er keine Kommune ist, z. B. \"kommunales Unternehmen\", Hochschule, Land: sie steht dann im Blatt Stadt, und das Blatt Kennzahlen entfällt",
		badKind:          "%q ist keine Art von Partner; erwartet wird Kommune, Land, kommunales Unternehmen, Hochschule, Unternehmen oder Verband, Beratung oder Sonstige",
		flagFramework:    "eine Vorlage für das Rahmenwerk statt für eine Stadt schreiben",
		flagTemplateOut:  "`Datei`, in die die Vorlage geschrieben wird (- für die Standardausgabe); Standard: " + cityTemplateFile + " bzw. " + frameworkTemplateFile,
		flagFormat:       "`Format` der Ausgabe: text (für Menschen), json (für Programme) oder github (Anmerkungen in GitHub Actions)",
		badFormat:        "unbekanntes Format %q; erwartet wird text, json oder github",
		wroteTemplate:    "Vorlage nach %s geschrieben.\n",
		createdCity:      "%s für %s angelegt. Öffnen Sie die Datei, ersetzen Sie die gelben Beispielzeilen und prüfen Sie mit: generator validate\n",
		exists:           "%s gibt es schon – es wurde nichts geschrieben. Zum Bearbeiten die vorhandene Datei öffnen, sonst einen anderen Namen wählen.\n",
		emptySlug:        "aus %q lässt sich kein Dateiname bilden; erwartet wird ein Name mit Buchstaben oder Ziffern, z. B. \"München\"",
		frameworkInvalid: "%s hat Fehler – es wurde keine Vorlage geschrieben. Bitte zuerst die genannten Zellen korrigieren.\n",
	},
	"en": {
		rootShort: "Build the comparison site of cities' digital maturity",
		rootLong: `generator reads the workbooks in data/ (framework.xlsx and one file
per city under data/partners/, as .xlsx or .ods), checks them, computes the scores and builds the
website in German and English.

Common calls:
  generator validate        only check: names every problem with file, sheet and cell
  generator build           check and write the website to site/public
  generator new-city "Name" create the workbook of a new partner city
  generator template        write a blank city workbook

Guide for strategists: docs/strategists.md

Exit codes: 0 success, 1 errors in the workbooks (with --production also in the
publisher settings), 2 wrong usage or internal error.
Language of messages: --lang de|en or the environment variable GENERATOR_LANG.`,
		buildShort: "Check the workbooks and build the website",
		buildLong: `Reads and checks every workbook, computes the scores and builds the website.
If a workbook has errors nothing is written: the last site built stays as it
was, and every wrong cell is named.

Without --production and --base-url the pages link to each other only
relatively (for a server on this computer), and missing publisher settings in
site/hugo.toml are warnings; with --production they are errors.`,
		validateShort: "Only check the workbooks, write nothing",
		validateLong: `Reads and checks every workbook and names every problem with file, sheet and
cell, e.g. "data/partners/muenchen.xlsx: Kennzahlen!C7". Writes nothing.`,
		flagLang:        "`language` of messages: de or en",
		flagData:        "`folder` with framework.xlsx and partners/*.xlsx (or .ods)",
		flagSite:        "`folder` of the Hugo project",
		flagOut:         "`folder` the finished website is written to",
		flagBaseURL:     "`address` the site is published at, e.g. https://name.github.io/project/",
		flagPrevious:    "data `package` of the previous release (folder, ZIP or URL) for the \"what changed\" page",
		flagSummary:     "`file` to append a Markdown summary to (in CI: $GITHUB_STEP_SUMMARY)",
		flagProduction:  "build for publishing: if a publisher setting in site/hugo.toml is missing or a placeholder, nothing is written (exit code 1); the pages name their public address (baseURL or --base-url)",
		built:           "Wrote the site with %s (reference year %d) to %s.\n",
		invalid:         "%s found – nothing was written, %s is unchanged.\n",
		invalidValidate: "%s found.\n",
		valid:           "No errors, %s.\n",
		moreWarnings:    "… and %s; generator validate --data %s lists them all.\n",
		nCities:         plural{"%d city", "%d cities"},
		withOthers:      "%s and %s",
		nOthers:         plural{"%d other partner", "%d other partners"},
		nErrors:         plural{"%d error", "%d errors"},
		nWarnings:       plural{"%d warning", "%d warnings"},
		nMoreWarnings:   plural{"%d more warning", "%d more warnings"},

		templateShort: "Write a blank workbook template",
		templateLong: `Writes a blank city workbook (with --framework, a blank framework): every
sheet with German and English column headers, a sheet "Anleitung
(Instructions)", one example row per sheet, hints when a cell is selected, and
drop-down lists of indicators, topics and status from the current framework
(data/framework.xlsx or --data).

The example row (yellow) is valid and names "Beispielwert" as its source: if
it stays, the site shows its values as sample data. Replace or delete it. An
existing file is never overwritten; --out - writes the template to stdout.`,
		newCityShort: "Create the workbook of a new partner city",
		newCityLong: `Creates data/partners/<name>.xlsx from the template, with the city's name filled
in. The file name comes from the name: lower case, ä → ae, ö → oe, ü → ue,
ß → ss, other accents dropped, anything else becomes "-" (München → muenchen,
"Neumarkt i.d.OPf." → neumarkt-i-d-opf).
An existing file is never overwritten (exit code 1).

Then: open the file, fill it in, replace the example rows, generator validate.`,
		flagKind:         "`kind` of partner when it is not a municipality, e.g. \"municipal company\", university, state: it goes into the Stadt sheet, and the KPI sheet is left out",
		badKind:          "%q is not a kind of partner; expected municipality, state, municipal company, university, business or association, consultancy, or other",
		flagFramework:    "write a framework template instead of a city template",
		flagTemplateOut:  "`file` to write the template to (- for stdout); default: " + cityTemplateFile + " or " + frameworkTemplateFile,
		flagFormat:       "output `format`: text (for people), json (for tools) or github (GitHub Actions annotations)",
		badFormat:        "unknown format %q; expected text, json or github",
		wroteTemplate:    "Wrote the template to %s.\n",
		createdCity:      "Created %s for %s. Open the file, replace the yellow example rows and check with: generator validate --lang en\n",
		exists:           "%s already exists – nothing was written. To edit it, open the existing file; otherwise choose another name.\n",
		emptySlug:        "cannot make a file name from %q; expected a name with letters or digits, e.g. \"München\"",
		frameworkInvalid: "%s has errors – no template was written. Please correct the cells named above first.\n",
	},
}
