package cli

// text holds the command line's words in one language.
type text struct {
	rootShort, rootLong                                string
	buildShort, buildLong, validateShort, validateLong string
	flagLang, flagData, flagSite, flagOut, flagBaseURL string
	built, invalid, invalidValidate, valid             string
}

var texts = map[string]text{
	"de": {
		rootShort: "Vergleichsportal zur digitalen Reife von Städten erzeugen",
		rootLong: `generator liest die Excel-Tabellen im Ordner data/ (framework.xlsx und
eine Datei je Stadt unter data/cities/), prüft sie, berechnet die Punktzahlen
und erzeugt daraus die Website in Deutsch und Englisch.

Häufige Aufrufe:
  generator validate        nur prüfen: nennt jedes Problem mit Datei, Blatt und Zelle
  generator build           prüfen und die Website nach site/public schreiben

Exit-Codes: 0 erfolgreich, 1 Fehler in den Tabellen, 2 falscher Aufruf oder interner Fehler.
Sprache der Meldungen: --lang de|en oder die Umgebungsvariable GENERATOR_LANG.`,
		buildShort: "Tabellen prüfen und die Website erzeugen",
		buildLong: `Liest und prüft alle Tabellen, berechnet die Punktzahlen und erzeugt die
Website. Hat eine Tabelle Fehler, wird nichts geschrieben: die zuletzt erzeugte
Website bleibt unverändert, und jede fehlerhafte Zelle wird genannt.`,
		validateShort: "Tabellen nur prüfen, nichts schreiben",
		validateLong: `Liest und prüft alle Tabellen und nennt jedes Problem mit Datei, Blatt und
Zelle, z. B. "data/cities/muenchen.xlsx: Kennzahlen!C7". Schreibt nichts.`,
		flagLang:        "Sprache der Meldungen: de oder en",
		flagData:        "Ordner mit framework.xlsx und cities/*.xlsx",
		flagSite:        "Ordner des Hugo-Projekts",
		flagOut:         "Ordner, in den die fertige Website geschrieben wird",
		flagBaseURL:     "Adresse, unter der die Website erscheint, z. B. https://name.github.io/projekt/",
		built:           "Website mit %d Städten (Bezugsjahr %d) nach %s geschrieben.\n",
		invalid:         "%d Fehler gefunden – es wurde nichts geschrieben, %s ist unverändert.\n",
		invalidValidate: "%d Fehler gefunden.\n",
		valid:           "Keine Fehler, %d Warnungen.\n",
	},
	"en": {
		rootShort: "Build the comparison site of cities' digital maturity",
		rootLong: `generator reads the Excel workbooks in data/ (framework.xlsx and one file
per city under data/cities/), checks them, computes the scores and builds the
website in German and English.

Common calls:
  generator validate        only check: names every problem with file, sheet and cell
  generator build           check and write the website to site/public

Exit codes: 0 success, 1 errors in the workbooks, 2 wrong usage or internal error.
Language of messages: --lang de|en or the environment variable GENERATOR_LANG.`,
		buildShort: "Check the workbooks and build the website",
		buildLong: `Reads and checks every workbook, computes the scores and builds the website.
If a workbook has errors nothing is written: the last site built stays as it
was, and every wrong cell is named.`,
		validateShort: "Only check the workbooks, write nothing",
		validateLong: `Reads and checks every workbook and names every problem with file, sheet and
cell, e.g. "data/cities/muenchen.xlsx: Kennzahlen!C7". Writes nothing.`,
		flagLang:        "language of messages: de or en",
		flagData:        "folder with framework.xlsx and cities/*.xlsx",
		flagSite:        "folder of the Hugo project",
		flagOut:         "folder the finished website is written to",
		flagBaseURL:     "address the site is published at, e.g. https://name.github.io/project/",
		built:           "Wrote the site with %d cities (reference year %d) to %s.\n",
		invalid:         "%d errors found – nothing was written, %s is unchanged.\n",
		invalidValidate: "%d errors found.\n",
		valid:           "No errors, %d warnings.\n",
	},
}
