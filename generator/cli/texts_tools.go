package cli

// toolText holds the words of the reviewing and preview commands (diff,
// textconv, serve) and of progress reports in one language.
type toolText struct {
	textconvUse, textconvShort, textconvLong string
	diffUse, diffShort, diffLong             string
	noDifferences, differences, notFound     string
	nCells                                   plural // the first count of differences

	serveShort, serveLong, flagPort           string
	serving, rebuilt, rebuildFailed, watching string

	progressRead, progressBuild string
	// progressStages names the build's stages (pipeline.Options.Stage)
	// after "read".
	progressStages map[string]string
}

var toolTexts = map[string]toolText{
	"de": {
		textconvUse:   "textconv DATEI",
		textconvShort: "Arbeitsmappe als Text ausgeben (für git diff)",
		textconvLong: `Gibt jede nicht leere Zelle einer Arbeitsmappe (.xlsx oder .ods) als eine
Zeile aus: "Blatt!C7<Tab>Wert", Blätter in der Reihenfolge der Arbeitsmappe,
Zellen zeilenweise. Text steht in Anführungszeichen ("12" ist Text, 12 eine
Zahl), Zahlen in kürzester Form, Datumswerte als 2019-07-24, Formeln nach
ihrem gespeicherten Ergebnis als "<Tab>=Formel".

Einmal einrichten, dann zeigt git diff bei .xlsx- und .ods-Dateien die
geänderten Zellen:
  git config diff.xlsx.textconv "bin/generator textconv"
(.gitattributes enthält schon "*.xlsx diff=xlsx" und "*.ods diff=xlsx").`,
		diffUse:   "diff ALT NEU",
		diffShort: "Zwei Arbeitsmappen zellenweise vergleichen",
		diffLong: `Nennt jede Zelle, die sich zwischen den Arbeitsmappen ALT und NEU (je .xlsx
oder .ods) unterscheidet, nach Blättern geordnet:
  Kennzahlen!C7   12 → 13      geändert
  Kennzahlen!D9   + "Amt"      hinzugefügt
  Kennzahlen!E2   - 5          entfernt
Exit-Code wie bei diff: 0 keine Unterschiede, 1 Unterschiede, 2 Datei nicht lesbar.`,
		noDifferences: "Keine Unterschiede.\n",
		differences:   "%s geändert, %d hinzugefügt, %d entfernt.\n",
		nCells:        plural{"%d Zelle", "%d Zellen"},
		notFound:      "%s gibt es nicht",

		serveShort: "Vorschau im Browser, die sich beim Speichern neu lädt",
		serveLong: `Erzeugt die Website und zeigt sie unter http://127.0.0.1:1313/ (nur auf
diesem Rechner). Wird eine Arbeitsmappe gespeichert, liest die Vorschau nur
diese neu, prüft, rechnet und lädt die Seite im Browser neu. Hat eine Tabelle
Fehler, bleibt die zuletzt gute Website sichtbar, und ein Hinweis oben auf der
Seite sowie das Terminal nennen jede fehlerhafte Zelle. Beenden mit Strg+C.`,
		flagPort:      "`Port` der Vorschau auf 127.0.0.1",
		serving:       "Vorschau: %s (Beenden mit Strg+C)\n",
		rebuilt:       "%s: neu erzeugt in %s (%s).\n",
		rebuildFailed: "%s: %s – die Vorschau zeigt weiter die letzte gute Website.\n",
		watching:      "Beobachte %s auf Änderungen.\n",

		progressRead:  "Lese Tabellen",
		progressBuild: "Erzeuge Website",
		progressStages: map[string]string{"score": "Bewertung", "downloads": "Downloads", "site data": "Seitendaten",
			"charts": "Diagramme", "city pages": "Städteseiten", "hugo": "Seiten (Hugo)", "publish": "Veröffentlichung"},
	},
	"en": {
		textconvUse:   "textconv FILE",
		textconvShort: "Print a workbook as text (for git diff)",
		textconvLong: `Prints every non-empty cell of a workbook (.xlsx or .ods) on one line:
"Sheet!C7<tab>value", sheets in workbook order, cells row by row. Text is
quoted ("12" is text, 12 a number), numbers in their shortest form, dates as
2019-07-24, formulas after their stored result as "<tab>=formula".

Set up once, and git diff shows the changed cells of .xlsx and .ods files:
  git config diff.xlsx.textconv "bin/generator textconv"
(.gitattributes already holds "*.xlsx diff=xlsx" and "*.ods diff=xlsx").`,
		diffUse:   "diff OLD NEW",
		diffShort: "Compare two workbooks cell by cell",
		diffLong: `Names every cell that differs between the workbooks OLD and NEW (each .xlsx
or .ods), grouped by sheet:
  Kennzahlen!C7   12 → 13      changed
  Kennzahlen!D9   + "Office"   added
  Kennzahlen!E2   - 5          removed
Exit code as with diff: 0 no differences, 1 differences, 2 a file cannot be read.`,
		noDifferences: "No differences.\n",
		differences:   "%s changed, %d added, %d removed.\n",
		nCells:        plural{"%d cell", "%d cells"},
		notFound:      "%s does not exist",

		serveShort: "Preview in the browser that reloads on save",
		serveLong: `Builds the site and shows it at http://127.0.0.1:1313/ (this computer only).
When a workbook is saved, the preview re-reads only that one, checks, scores
and reloads the page in the browser. If a workbook has errors, the last good
site stays visible, and a notice at the top of the page and the terminal name
every wrong cell. Stop with Ctrl+C.`,
		flagPort:      "`port` of the preview on 127.0.0.1",
		serving:       "Preview: %s (stop with Ctrl+C)\n",
		rebuilt:       "%s: rebuilt in %s (%s).\n",
		rebuildFailed: "%s: %s – the preview keeps showing the last good site.\n",
		watching:      "Watching %s for changes.\n",

		progressRead:  "Reading workbooks",
		progressBuild: "Building the site",
		progressStages: map[string]string{"score": "scoring", "downloads": "downloads", "site data": "site data",
			"charts": "charts", "city pages": "city pages", "hugo": "pages (Hugo)", "publish": "publishing"},
	},
}
