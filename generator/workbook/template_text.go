package workbook

// The words of the templates: input messages, example rows, drop-down
// values and the instructions sheet. Column names are not here: they come
// from the reader's column specs.

// Drop-down values. Each must be read back by the reader's parse function
// for its column (template_test.go checks it), German first, then English.
var (
	statusWords        = []string{"geplant", "in Umsetzung", "abgeschlossen", "eingestellt", "planned", "in progress", "done", "stopped"}
	directionWords     = []string{"höher ist besser", "niedriger ist besser", "higher is better", "lower is better"}
	transformWords     = []string{"keine", "log", "none"}
	normalisationWords = []string{"Zielwerte", "Min-Max", "z-Wert", "Rang", "goalposts", "z-score", "rank"}
)

// columnHints are the input messages of columns, by "sheet/key" or, for
// every sheet, by key. A column without one (a column added to the reader
// later) gets a general hint.
var columnHints = map[string]hint{
	"Dimensionen/id": {"Kurzes Kürzel der Dimension, z. B. VER: Buchstaben, Ziffern, - und _.", "Short code of the dimension, e.g. VER: letters, digits, - and _."},
	"Indikatoren/id": {"Kurzes Kürzel des Indikators, z. B. VER-01; Städte nennen es auf ihrem Blatt Kennzahlen.", "Short code of the indicator, e.g. VER-01; cities name it on their KPI sheet."},
	"Themen/id":      {"Kurzes Kürzel des Themas, z. B. E-AKTE; Städte nennen es bei ihren Maßnahmen.", "Short code of the topic, e.g. E-AKTE; cities name it in their measures."},
	"Maßnahmen/id":   {"Eindeutig in dieser Datei, z. B. M-01: Buchstaben, Ziffern, - und _.", "Unique within this file, e.g. M-01: letters, digits, - and _."},
	"dimension":      {"ID einer Dimension vom Blatt Dimensionen (Auswahlliste).", "ID of a dimension from the Dimensions sheet (drop-down)."},
	"name_de":        {"Anzeigename auf Deutsch (Pflicht).", "Display name in German (required)."},
	"name_en":        {"Anzeigename auf Englisch; leer: die englische Seite zeigt den deutschen Namen.", "Display name in English; empty: the English pages show the German name."},
	"weight":         {"Gewicht, 0 oder mehr; nicht alle 0.", "Weight, 0 or more; not all 0."},
	"desc_de":        {"Ein, zwei Sätze für die Methodikseite (deutsch).", "One or two sentences for the methodology page (German)."},
	"desc_en":        {"Ein, zwei Sätze für die Methodikseite (englisch).", "One or two sentences for the methodology page (English)."},
	"unit":           {"Einheit auf Deutsch, z. B. %, Anzahl, EUR je Einw.; Werte in % müssen von 0 bis 100 reichen.", "Unit in German, e.g. %, Anzahl, EUR je Einw.; values in % must lie from 0 to 100."},
	"unit_en":        {"Einheit auf Englisch, z. B. %, count, EUR per inhabitant; leer: die englische Seite zeigt die deutsche.", "Unit in English, e.g. %, count, EUR per inhabitant; empty: the English pages show the German one."},
	"direction":      {"höher ist besser oder niedriger ist besser (Auswahlliste).", "higher is better or lower is better (drop-down)."},
	"Indikatoren/min": {"Zielwert für 0 Punkte. Beide Zielwerte oder keiner; ohne: kleinster Wert der Städte.",
		"Goalpost for 0 points. Both goalposts or neither; without: the cities' lowest value."},
	"max": {"Zielwert für 100 Punkte. Beide Zielwerte oder keiner; ohne: größter Wert der Städte.",
		"Goalpost for 100 points. Both goalposts or neither; without: the cities' highest value."},
	"transform":     {"keine (Standard) oder log für schiefe Daten; Werte müssen dann über 0 liegen.", "none (default) or log for skewed data; values must then be above 0."},
	"normalisation": {"Leer: automatisch (Zielwerte, wenn angegeben, sonst Min-Max). Sonst aus der Auswahlliste.", "Empty: automatic (goalposts if given, else min-max). Otherwise from the drop-down."},
	"decimals":      {"Nachkommastellen auf der Website, 0 bis 6; leer: wie in den Daten.", "Decimals shown on the site, 0 to 6; empty: as in the data."},
	"Reifegrade/min": {"Untergrenze der Stufe, 0 bis 100; eine Stufe muss bei 0 beginnen.",
		"Lower bound of the level, 0 to 100; one level must start at 0."},
	"Einstellungen/key":   {"Name der Einstellung (Auswahlliste); jede höchstens einmal. Fehlt eine, gilt ihr Standardwert.", "Name of the setting (drop-down); each at most once. A missing one takes its default."},
	"Einstellungen/value": {"Wert der Einstellung; zulässige Werte: docs/spreadsheets.md.", "Value of the setting; allowed values: docs/spreadsheets.md."},
	"Stadt/key":           {"Name des Felds. Bitte nicht ändern.", "Name of the field. Please do not change."},
	"Stadt/value":         {"Ihre Angabe; die Spalte Beispiel zeigt die Form.", "Your value; the Example column shows the form."},
	"Stadt/source":        {"Woher die Angabe stammt. Enthält sie illustrativ oder Beispielwert, gilt die Angabe als Beispiel.", "Where the value comes from. If it contains illustrative or Beispielwert, the value counts as an example."},
	"source":              {"Quelle. Enthält sie illustrativ oder Beispielwert, zeigt die Website die Werte als Beispiel.", "Source. If it contains illustrative or Beispielwert, the site marks the values as examples."},
	"Indikatoren/source":  {"Woher die Daten stammen; steht auf der Methodikseite.", "Where the data come from; shown on the methodology page."},
	"indicator":           {"ID eines Indikators aus dem Rahmenwerk (Auswahlliste); jede höchstens einmal.", "ID of an indicator from the framework (drop-down); each at most once."},
	"note":                {"Hinweis zu den Werten, wird mit ihnen angezeigt.", "Note on the values, shown with them."},
	"title_de":            {"Titel der Maßnahme auf Deutsch (Pflicht).", "Title of the measure in German (required)."},
	"title_en":            {"Titel auf Englisch; leer: die englische Seite zeigt den deutschen.", "Title in English; empty: the English pages show the German one."},
	"topic":               {"Thema aus dem Rahmenwerk (Auswahlliste „ID – Name“); es zählt die ID.", "Topic from the framework (drop-down \"ID – Name\"); the ID counts."},
	"status":              {"geplant, in Umsetzung, abgeschlossen oder eingestellt (Auswahlliste).", "planned, in progress, done or stopped (drop-down)."},
	"start":               {"Datum wie 24.07.2019, 07.2019 oder 2019.", "Date such as 24.07.2019, 07.2019 or 2019."},
	"end":                 {"Datum wie 31.12.2025, 12.2025 oder 2025; nicht vor dem Beginn.", "Date such as 31.12.2025, 12.2025 or 2025; not before the start."},
	"budget":              {"Betrag in Euro, 0 oder mehr, z. B. 250.000.", "Amount in euros, 0 or more, e.g. 250,000."},
	"progress":            {"Fortschritt in Prozent, 0 bis 100, z. B. 40 oder 40 %. Leer bei abgeschlossen: 100 %; abgeschlossen verlangt 100 %.", "Progress in per cent, 0 to 100, e.g. 40 or 40 %. Empty when done: 100 %; done requires 100 %."},
	"lead":                {"Federführende Stelle, z. B. IT-Referat.", "Unit in charge, e.g. IT department."},
	"partners":            {"Gemeinsames Projekt: beteiligte Partner (Dateinamen), mit Komma, z. B. augsburg, nuernberg. Diese Mappe führt.", "Joint project: partners taking part (file names), with commas, e.g. augsburg, nuernberg. This workbook leads."},
	"description_de":      {"Ein, zwei Sätze zur Maßnahme auf Deutsch.", "One or two sentences on the measure in German."},
	"description_en":      {"Beschreibung auf Englisch; leer: die englische Seite zeigt die deutsche.", "Description in English; empty: the English pages show the German one."},
	"link":                {"Adresse, die mit https:// beginnt.", "Address starting with https://."},
	"Berichte/date":       {"Datum des Berichts, z. B. 04.05.2026 (Pflicht). Liegt es in der Zukunft, erscheint der Bericht erst ab diesem Tag.", "Date of the report, e.g. 04.05.2026 (required). A date ahead publishes the report from that day on."},
	"Berichte/title_de":   {"Überschrift auf Deutsch (Pflicht).", "Heading in German (required)."},
	"Berichte/text_de":    {"Der Bericht als reiner Text; eine Leerzeile oder ein Zeilenumbruch (Alt+Eingabe) beginnt einen Absatz, Adressen mit https:// werden zu Links.", "The report as plain text; a line break (Alt+Enter) starts a paragraph, addresses with https:// become links."},
	"Berichte/text_en":    {"Der Bericht auf Englisch; leer: die englische Seite zeigt den deutschen.", "The report in English; empty: the English pages show the German one."},
	"Berichte/topic":      {"Optional: Thema aus dem Rahmenwerk (Auswahlliste).", "Optional: topic from the framework (drop-down)."},
	"Berichte/measure":    {"Optional: ID einer Maßnahme vom Blatt Maßnahmen; der Bericht erscheint dann bei ihr.", "Optional: ID of a measure on the Measures sheet; the report then appears with it."},
}

// factHints are the input messages of the city sheet's value cells.
var factHints = map[string]hint{
	"name":          {"Name der Stadt (Pflicht), z. B. München.", "Name of the city (required), e.g. München."},
	"kind":          {"Art des Partners (Auswahlliste); leer: Kommune. Nur Kommunen werden bewertet; für andere ist das Blatt Kennzahlen nicht nötig.", "Kind of partner (drop-down); empty: municipality. Only municipalities are scored; others need no KPI sheet."},
	"state":         {"Bundesland, z. B. Bayern.", "State, e.g. Bayern."},
	"population":    {"Einwohnerzahl, ganze Zahl über 0.", "Population, a whole number above 0."},
	"website":       {"Adresse, die mit https:// beginnt.", "Address starting with https://."},
	"strategy":      {"Titel der Digitalstrategie.", "Title of the digital strategy."},
	"adopted":       {"Datum des Ratsbeschlusses, z. B. 24.07.2019.", "Date the council adopted it, e.g. 24.07.2019."},
	"strategy_link": {"Adresse der Strategie, beginnt mit https://.", "Address of the strategy, starting with https://."},
	"contact":       {"Zuständige Stelle oder E-Mail-Adresse.", "Unit in charge or e-mail address."},
	"lat":           {"Breitengrad in Dezimalgrad, z. B. 48,137 (für die Karte).", "Latitude in decimal degrees, e.g. 48.137 (for the map)."},
	"lon":           {"Längengrad in Dezimalgrad, z. B. 11,575 (für die Karte).", "Longitude in decimal degrees, e.g. 11.575 (for the map)."},
	"name_en":       {"Englischer Name, nur wenn es einen eigenen gibt, z. B. Munich für München.", "English name, only where the city has one of its own, e.g. Munich for München."},
}

// factExamples fill the city sheet's example column, which the reader
// ignores.
var factExamples = map[string]any{
	"name":          "Musterstadt",
	"kind":          "Kommune",
	"state":         "Bayern",
	"population":    123456,
	"website":       "https://www.musterstadt.de",
	"strategy":      "Digitalstrategie Musterstadt 2030",
	"adopted":       "24.07.2019",
	"strategy_link": "https://www.musterstadt.de/digital",
	"contact":       "digital@musterstadt.de",
	"lat":           "48,137",
	"lon":           "11,575",
	"name_en":       "Munich (für München)",
}

// measureExample is the measures sheet's example row; topic, start and
// source are filled in from the framework, the years and ExampleSource.
// columnLimits are the number ranges a template column allows, by key.
var columnLimits = map[string]*[2]float64{
	"progress": {0, 100},
}

var measureExample = map[string]any{
	"id":             "M-01",
	"title_de":       "Beispielmaßnahme: ersetzen oder löschen",
	"title_en":       "Example measure: replace or delete",
	"status":         "geplant",
	"budget":         50000,
	"progress":       0,
	"lead":           "Amt für Digitalisierung",
	"description_de": "Ein, zwei Sätze, was die Maßnahme erreichen soll.",
	"description_en": "One or two sentences on what the measure is to achieve.",
}

// frameworkExamples are the framework template's example rows, by sheet.
// Together they are a small valid framework.
var frameworkExamples = map[string]map[string]any{
	"dimensions": {
		"id": "VER", "name_de": "Verwaltung", "name_en": "Administration", "weight": 1,
		"desc_de": "Digitale Verwaltungsleistungen und Abläufe.", "desc_en": "Digital public services and processes.",
	},
	"indicators": {
		"id": "VER-01", "dimension": "VER", "name_de": "Anteil Online-Dienste", "name_en": "Share of online services",
		"unit": "%", "unit_en": "%", "direction": "höher ist besser", "weight": 1, "min": 0, "max": 100, "transform": "keine",
		"normalisation": "Zielwerte", "source": "Beispielquelle / example source", "decimals": 1,
		"desc_de": "Anteil der Verwaltungsleistungen, die vollständig online möglich sind.",
		"desc_en": "Share of public services that can be completed online.",
	},
	"topics": {"id": "E-AKTE", "dimension": "VER", "name_de": "E-Akte", "name_en": "E-file"},
	"levels": {"min": 0, "name_de": "Einsteiger", "name_en": "Beginner"},
}

type lineKind int

const (
	lineText lineKind = iota
	lineTitle
	lineHeading
)

type instructionLine struct {
	kind lineKind
	text string
}

var cityInstructions = []instructionLine{
	{lineTitle, "Arbeitsmappe eines Partners – Anleitung"},
	{lineText, "Diese Arbeitsmappe enthält die Angaben eines Partners (einer Kommune, eines Landes, eines kommunalen Unternehmens, einer Hochschule, …) für das Portal „Digitale Städte im Vergleich“. Der Generator liest die Blätter Stadt, Kennzahlen, Maßnahmen, Berichte und Angebote. Dieses Blatt und das ausgeblendete Blatt „Listen (Lists)“ liest er nicht."},
	{lineHeading, "So füllen Sie die Blätter aus"},
	{lineText, "• Stadt: je Zeile ein Feld. Tragen Sie die Angabe in die Spalte „Wert / Value“ ein; die Spalte „Beispiel / Example“ zeigt die Form und wird nicht gelesen. Pflicht ist nur der Name. Die Art (Auswahlliste) ist leer eine Kommune; nur Kommunen werden bewertet."},
	{lineText, "• Kennzahlen (nur für Kommunen): eine Zeile je Indikator des Rahmenwerks, eine Spalte je Jahr. Eine leere Zelle heißt „keine Angabe“. Für ein neues Jahr fügen Sie eine Spalte ein, deren Überschrift die Jahreszahl ist (z. B. 2025). Die Spalten „Indikatorname“ und „Einheit“ dienen nur der Orientierung und werden nicht gelesen."},
	{lineText, "• Maßnahmen: eine Zeile je Maßnahme Ihrer Strategie, mit eindeutiger ID. Thema und Status wählen Sie aus der Liste. Fortschritt in Prozent (0 bis 100, z. B. 40 oder 40 %) ist freiwillig; abgeschlossen bedeutet 100 %. Bei einem gemeinsamen Projekt nennt die Spalte Partner die Dateinamen der anderen Beteiligten (z. B. augsburg, nuernberg); diese Arbeitsmappe führt."},
	{lineText, "• Berichte (freiwillig): je Zeile ein Bericht mit Datum, Titel und Text, optional zu einem Thema oder einer Maßnahme. Der Text bleibt reiner Text; Zeilenumbrüche trennen Absätze, https-Adressen werden zu Links."},
	{lineText, "• Angebote (freiwillig): eine Zeile je Angebot an die Partner, z. B. eine Lösung zur Nachnutzung, Beratung oder eine Hospitation. Art und Thema wählen Sie aus der Liste; Kontakt ist eine E-Mail-Adresse oder eine https-Adresse. Ohne Angebote löschen Sie die Beispielzeile oder das Blatt."},
	{lineText, "• Zahlen dürfen deutsch geschrieben sein (1.234,5 oder 12,5 %), Daten als Datum oder als 24.07.2019, 07.2019 oder 2019. Leere Zeilen werden übersprungen; eigene Spalten für Notizen sind erlaubt."},
	{lineHeading, "Die Beispielzeile"},
	{lineText, "Die erste Zeile unter den Überschriften (gelb, kursiv) ist ein Beispiel. Sie ist gültig und nennt als Quelle „Beispielwert“. Bleibt sie stehen, wird sie gelesen, und die Website zeigt ihre Werte als Beispieldaten (illustrativ) an. Ersetzen Sie Werte und Quelle durch echte Angaben, oder löschen Sie die Zeile."},
	{lineHeading, "Auswahllisten und Hinweise"},
	{lineText, "Wenn Sie eine Zelle anklicken, erscheint ein Hinweis. Art des Partners, Indikator, Thema, Status und Angebotsart haben Auswahllisten aus dem aktuellen Rahmenwerk. Ein Wert, der nicht in der Liste steht, wird nach Rückfrage angenommen; die Prüfung meldet ihn, falls er ungültig ist."},
	{lineHeading, "Prüfen"},
	{lineText, "Speichern Sie die Datei unter data/partners/<name>.xlsx und führen Sie „generator validate“ aus. Jedes Problem wird mit Datei, Blatt und Zelle genannt, z. B. „data/partners/muenchen.xlsx: Kennzahlen!C7“. Ausführlich: docs/strategists.md."},
	{lineText, ""},
	{lineTitle, "Partner workbook – instructions"},
	{lineText, "This workbook holds one partner's data (a municipality, a state, a municipal company, a university, …) for the portal \"Cities' digital maturity compared\". The generator reads the sheets Stadt (city), Kennzahlen (KPIs), Maßnahmen (measures), Berichte (reports) and Angebote (offers). It does not read this sheet or the hidden sheet \"Listen (Lists)\"."},
	{lineHeading, "Filling in the sheets"},
	{lineText, "• Stadt: one field per row. Enter your value in the column \"Wert / Value\"; the column \"Beispiel / Example\" shows the form and is not read. Only the name is required. The kind (drop-down) is a municipality when empty; only municipalities are scored."},
	{lineText, "• Kennzahlen (municipalities only): one row per indicator of the framework, one column per year. An empty cell means \"no value\". For a new year, insert a column headed with the year (e.g. 2025). The columns \"Indicator name\" and \"Unit\" are for orientation only and are not read."},
	{lineText, "• Maßnahmen: one row per measure of your strategy, with a unique ID. Pick topic and status from the drop-down. Progress in per cent (0 to 100, e.g. 40 or 40 %) is optional; done means 100 %. For a joint project, the Partner column names the file names of the others taking part (e.g. augsburg, nuernberg); this workbook leads."},
	{lineText, "• Berichte (reports, optional): one report per row with date, title and text, optionally about a topic or a measure. The text stays plain text; line breaks separate paragraphs, https addresses become links."},
	{lineText, "• Angebote (offers, optional): one row per offer to the partners, e.g. a solution to reuse, advice or a placement. Pick kind and topic from the drop-down; the contact is an e-mail address or an https address. Without offers, delete the example row or the sheet."},
	{lineText, "• Numbers may be written in German form (1.234,5 or 12,5 %), dates as dates or as 24.07.2019, 07.2019 or 2019. Blank rows are skipped; extra columns for your notes are allowed."},
	{lineHeading, "The example row"},
	{lineText, "The first row below the headers (yellow, italic) is an example. It is valid and names \"Beispielwert\" as its source. If you keep it, it is read, and the site shows its values marked as sample (illustrative) data. Replace the values and the source with real ones, or delete the row."},
	{lineHeading, "Drop-downs and hints"},
	{lineText, "Selecting a cell shows a hint. Kind of partner, indicator, topic, status and kind of offer have drop-down lists from the current framework. A value not in the list is accepted after a question; validation reports it if it is not valid."},
	{lineHeading, "Checking"},
	{lineText, "Save the file as data/partners/<name>.xlsx and run \"generator validate --lang en\". Every problem is named with file, sheet and cell, e.g. \"data/partners/muenchen.xlsx: Kennzahlen!C7\". More: docs/strategists.md."},
}

var frameworkInstructions = []instructionLine{
	{lineTitle, "Rahmenwerk – Anleitung"},
	{lineText, "Das Rahmenwerk (data/framework.xlsx) teilen sich alle Partner: Dimensionen, Indikatoren, Themen, Reifegrade und Einstellungen. Der Generator liest diese fünf Blätter, nicht aber dieses Blatt und das ausgeblendete Blatt „Listen (Lists)“."},
	{lineHeading, "So füllen Sie die Blätter aus"},
	{lineText, "• Dimensionen: je Zeile eine Dimension mit Kürzel, Namen und Gewicht im Index."},
	{lineText, "• Indikatoren: je Zeile ein Indikator; Dimension, Richtung, Transformation und Normalisierung wählen Sie aus der Liste. Zielwerte (Minimum, Maximum): beide oder keiner."},
	{lineText, "• Themen: die gemeinsame Liste der Strategiethemen; jede Maßnahme einer Stadt nennt eines davon."},
	{lineText, "• Reifegrade: Stufen mit ihrer Untergrenze; eine beginnt bei 0."},
	{lineText, "• Einstellungen: eine Einstellung je Zeile, hier mit ihren Standardwerten. Eine fehlende Zeile bedeutet den Standardwert; weitere Einstellungen stehen in der Auswahlliste und in docs/spreadsheets.md."},
	{lineHeading, "Die Beispielzeile"},
	{lineText, "Die erste Zeile unter den Überschriften (gelb, kursiv) ist ein Beispiel. Zusammen ergeben die Beispielzeilen ein kleines gültiges Rahmenwerk. Ersetzen Sie sie durch Ihre Einträge oder löschen Sie sie."},
	{lineHeading, "Prüfen"},
	{lineText, "Speichern Sie die Datei als data/framework.xlsx und führen Sie „generator validate“ aus. Jedes Problem wird mit Datei, Blatt und Zelle genannt. Ausführlich: docs/spreadsheets.md und docs/strategists.md."},
	{lineText, ""},
	{lineTitle, "Framework – instructions"},
	{lineText, "The framework (data/framework.xlsx) is shared by all partners: dimensions, indicators, topics, maturity levels and settings. The generator reads these five sheets, but not this sheet or the hidden sheet \"Listen (Lists)\"."},
	{lineHeading, "Filling in the sheets"},
	{lineText, "• Dimensionen (dimensions): one dimension per row with code, names and weight in the index."},
	{lineText, "• Indikatoren (indicators): one indicator per row; pick dimension, direction, transform and normalisation from the drop-down. Goalposts (minimum, maximum): both or neither."},
	{lineText, "• Themen (topics): the shared list of strategy topics; every measure of a city names one of them."},
	{lineText, "• Reifegrade (levels): levels with their lower bound; one starts at 0."},
	{lineText, "• Einstellungen (settings): one setting per row, here with their defaults. A missing row means the default; further settings are in the drop-down and in docs/spreadsheets.md."},
	{lineHeading, "The example row"},
	{lineText, "The first row below the headers (yellow, italic) is an example. Together the example rows form a small valid framework. Replace them with your entries or delete them."},
	{lineHeading, "Checking"},
	{lineText, "Save the file as data/framework.xlsx and run \"generator validate --lang en\". Every problem is named with file, sheet and cell. More: docs/spreadsheets.md and docs/strategists.md."},
}
