package problem

// Code names a kind of problem; its text lives in the catalog below, in
// both languages side by side so translators see each pair at once.
type Code string

const (
	FileOpen         Code = "file.open"
	FileNoCities     Code = "file.no_cities"
	FileSlug         Code = "file.slug"
	SheetMissing     Code = "sheet.missing"
	SheetTwice       Code = "sheet.twice"
	SheetEmpty       Code = "sheet.empty"
	ColumnMissing    Code = "column.missing"
	ColumnTwice      Code = "column.twice"
	CellRequired     Code = "cell.required"
	CellNumber       Code = "cell.number"
	CellInteger      Code = "cell.integer"
	CellDate         Code = "cell.date"
	CellErrorValue   Code = "cell.error_value"
	CellUncomputed   Code = "cell.uncomputed"
	CellDirection    Code = "cell.direction"
	CellTransform    Code = "cell.transform"
	CellStatus       Code = "cell.status"
	CellAggregation  Code = "cell.aggregation"
	CellID           Code = "cell.id"
	CellLink         Code = "cell.link"
	CellTooLong      Code = "cell.too_long"
	YearHeader       Code = "year.header"
	YearNone         Code = "year.none"
	KeyUnknown       Code = "key.unknown"
	KeyTwice         Code = "key.twice"
	IDTwice          Code = "id.twice"
	RefDimension     Code = "ref.dimension"
	RefIndicator     Code = "ref.indicator"
	RefTopic         Code = "ref.topic"
	WeightNegative   Code = "weight.negative"
	WeightAllZero    Code = "weight.all_zero"
	WeightsAllZero   Code = "weight.all_zero_index"
	GoalpostsHalf    Code = "goalposts.half"
	GoalpostsOrder   Code = "goalposts.order"
	LogNotPositive   Code = "log.not_positive"
	PercentRange     Code = "percent.range"
	DecimalsRange    Code = "decimals.range"
	LevelRange       Code = "level.range"
	LevelNoZero      Code = "level.no_zero"
	LevelTwice       Code = "level.twice"
	LevelsNone       Code = "level.none"
	CoverageRange    Code = "setting.coverage"
	ReferenceYear    Code = "setting.reference_year"
	PopulationRange  Code = "fact.population"
	CoordinateRange  Code = "fact.coordinate"
	MeasureEndsEarly Code = "measure.ends_early"
	BudgetNegative   Code = "measure.budget"
	ProgressRange    Code = "measure.progress_range"
	ProgressDone     Code = "measure.progress_done"
	ReportMeasure    Code = "report.measure"
	ReportFuture     Code = "report.future"
	DimensionEmpty   Code = "dimension.empty"
	IndicatorNoData  Code = "indicator.no_data"

	CellNormalisation  Code = "cell.normalisation"
	NormNeedsGoalposts Code = "normalisation.needs_goalposts"
	NormWithGoalposts  Code = "normalisation.with_goalposts"
	SettingChoice      Code = "setting.choice"
	SettingInteger     Code = "setting.integer"
	SettingPercent     Code = "setting.percent"
	LevelAboveScale    Code = "level.above_scale"
	ValueClamped       Code = "value.clamped"

	KPIYearGap       Code = "kpi.year_gap"
	KPIJump          Code = "kpi.jump"
	KPISourceMissing Code = "kpi.source_missing"
)

// Hostile or broken files.
const (
	FileEmpty        Code = "file.empty"
	FileEncrypted    Code = "file.encrypted"
	FileOldExcel     Code = "file.old_format"
	FileOpenDocument Code = "file.opendocument"
	FileNotWorkbook  Code = "file.not_workbook"
	FileTooLarge     Code = "file.too_large"
	FileDamaged      Code = "file.damaged"
	FileTruncated    Code = "file.truncated"
	SheetDamaged     Code = "sheet.damaged"
	SheetTooLong     Code = "sheet.too_long"
	SheetTooWide     Code = "sheet.too_wide"
	CellDateRange    Code = "cell.date_range"
)

// Spreadsheets as strategists save them: LibreOffice's format, cells that
// show something else than they store, copies and stray files.
const (
	FileNotRegular     Code = "file.not_regular"
	FileEncryptedODS   Code = "file.encrypted_ods"
	FileOtherFormat    Code = "file.other_format"
	FileNoExtension    Code = "file.no_extension"
	FileCopy           Code = "file.copy"
	FileFrameworkTwice Code = "file.framework_twice"
	DataDirMissing     Code = "file.data_missing"
	FolderOldName      Code = "file.folder_old_name"
	FolderTwice        Code = "file.folder_twice"
	CellDateNotNumber  Code = "cell.date_not_number"
	CellPercentNotHere Code = "cell.percent_not_here"
	YearTwice          Code = "year.twice"
)

// Hostile files, second round: parts that would get past the checks under
// another name, or that excelize would expand or compare at length.
const (
	FileTooManyParts  Code = "file.too_many_parts"
	FilePartBackslash Code = "file.part_backslash"
	FilePartTooLarge  Code = "file.part_too_large"
	FileTooManySheets Code = "file.too_many_sheets"
	SheetPartName     Code = "sheet.part_name"
	CellSharedString  Code = "cell.shared_string"
	CellTooBig        Code = "cell.too_big"
	IDSameAddress     Code = "id.same_address"
)

// Partners twice, dates after the build date, cells written as
// percentages, too little data for an index.
const (
	CitySlugTwice     Code = "city.slug_twice"
	CityNameTwice     Code = "city.name_twice"
	CityWebsiteTwice  Code = "city.website_twice"
	AdoptedFuture     Code = "fact.adopted_future"
	YearFuture        Code = "year.future"
	MeasureDoneFuture Code = "measure.done_future"
	PercentCell       Code = "percent.cell"
	PercentCellNoUnit Code = "percent.cell_no_unit"
	CoverageNoIndex   Code = "coverage.no_index"
)

// Partners of every kind and the projects they run together.
const (
	PartnerKind    Code = "partner.kind"
	KPIsNotScored  Code = "partner.kpis_not_scored"
	JointUnknown   Code = "joint.unknown_partner"
	JointDiffers   Code = "joint.differs"
	JointNotListed Code = "joint.not_listed"
)

// The offers sheet: what a partner offers the others.
const (
	OfferKind       Code = "offer.kind"
	OfferContact    Code = "offer.contact"
	OfferLink       Code = "offer.link"
	OfferUntilEarly Code = "offer.until_early"
	OfferExpired    Code = "offer.expired"
)

// The site's publisher settings in site/hugo.toml (who publishes it, the
// privacy notice, the public address): warnings in a build, errors in a
// production build. The first argument is the setting's key, the last a
// model.Text saying what belongs there.
const (
	SiteSettingMissing     Code = "site.setting_missing"
	SiteSettingPlaceholder Code = "site.setting_placeholder"
	SiteSettingInvalid     Code = "site.setting_invalid"
)

type message struct{ de, en string }

var catalog = map[Code]message{
	FileOpen: {
		"Datei kann nicht gelesen werden (%s); erwartet wird eine Arbeitsmappe (.xlsx oder .ods) ohne Passwort",
		"cannot read the file (%s); expected a workbook (.xlsx or .ods) without a password"},
	FileNoCities: {
		"keine Partner-Arbeitsmappe gefunden; erwartet wird mindestens eine Datei data/partners/<name>.xlsx oder .ods",
		"no partner workbook found; expected at least one file data/partners/<name>.xlsx or .ods"},
	FileSlug: {
		"Dateiname %q ist als Adresse der Stadt ungeeignet; erwartet werden Kleinbuchstaben, Ziffern und '-': umbenennen in %s",
		"file name %q cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to %s"},
	SheetMissing: {
		"Blatt %q fehlt; erwartet wird ein Blatt namens %s",
		"sheet %q is missing; expected a sheet named %s"},
	SheetTwice: {
		"die Blätter %q und %q meinen dasselbe; erwartet wird nur eines davon",
		"sheets %q and %q mean the same; expected only one of them"},
	SheetEmpty: {
		"Blatt ist leer; erwartet wird eine Kopfzeile mit den Spalten %s",
		"sheet is empty; expected a header row with the columns %s"},
	ColumnMissing: {
		"Spalte %q fehlt in der Kopfzeile; erwartet wird eine Spalte namens %s",
		"column %q is missing from the header row; expected a column named %s"},
	ColumnTwice: {
		"Spalte %q kommt zweimal vor (auch in Spalte %s); erwartet wird sie nur einmal",
		"column %q appears twice (also in column %s); expected it only once"},
	CellRequired: {
		"%s fehlt; erwartet wird ein Wert",
		"%s is missing; expected a value"},
	CellNumber: {
		"%q ist keine Zahl; erwartet wird eine Zahl wie 1.234,5 oder 12,5 %%",
		"%q is not a number; expected a number such as 1,234.5 or 12.5 %%"},
	CellInteger: {
		"%q ist keine ganze Zahl; erwartet wird eine ganze Zahl",
		"%q is not a whole number; expected a whole number"},
	CellDate: {
		"%q ist kein Datum; erwartet wird ein Datum wie 24.07.2019, 2019-07-24, 07.2019 oder 2019",
		"%q is not a date; expected a date such as 24.07.2019, 2019-07-24, 07.2019 or 2019"},
	CellErrorValue: {
		"Zelle enthält den Fehlerwert %s (eine Formel ließ sich nicht berechnen); erwartet wird ein Wert",
		"cell holds the error value %s (a formula could not be computed); expected a value"},
	CellUncomputed: {
		"Formel =%s hat kein gespeichertes Ergebnis; erwartet wird ein Wert: Arbeitsmappe in Excel oder LibreOffice öffnen und speichern, dann steht das Ergebnis darin",
		"formula =%s has no stored result; expected a value: open the workbook in Excel or LibreOffice and save it, which stores the result"},
	CellDirection: {
		"%q ist keine Richtung; erwartet wird \"höher ist besser\" oder \"niedriger ist besser\" (higher/lower is better)",
		"%q is not a direction; expected \"higher is better\" or \"lower is better\" (höher/niedriger ist besser)"},
	CellTransform: {
		"%q ist keine Transformation; erwartet wird \"keine\" oder \"log\"",
		"%q is not a transform; expected \"none\" or \"log\""},
	CellStatus: {
		"%q ist kein Status; erwartet wird geplant, in Umsetzung, abgeschlossen oder eingestellt (planned, in progress, done, stopped)",
		"%q is not a status; expected planned, in progress, done or stopped (geplant, in Umsetzung, abgeschlossen, eingestellt)"},
	CellAggregation: {
		"%q ist keine unterstützte Aggregation; erwartet wird \"arithmetisch\", \"geometrisch\" oder \"harmonisch\" (gewichtetes Mittel)",
		"%q is not a supported aggregation; expected \"arithmetic\", \"geometric\" or \"harmonic\" (weighted mean)"},
	CellID: {
		"ID %q ist ungültig; erwartet werden Buchstaben, Ziffern, '-' und '_' (höchstens 40 Zeichen)",
		"ID %q is not valid; expected letters, digits, '-' and '_' (at most 40 characters)"},
	CellLink: {
		"%q ist kein zulässiger Link; erwartet wird eine Adresse, die mit https:// oder http:// beginnt (beim Kontakt auch mailto:)",
		"%q is not an allowed link; expected an address starting with https:// or http:// (for the contact also mailto:)"},
	CellTooLong: {
		"Text ist %d Zeichen lang; erwartet werden höchstens %d Zeichen",
		"text is %d characters long; expected at most %d characters"},
	YearHeader: {
		"Spaltenkopf %q ist kein mögliches Jahr; erwartet wird ein Jahr von %d bis %d",
		"column header %q is not a possible year; expected a year from %d to %d"},
	YearNone: {
		"keine Jahresspalte gefunden; erwartet werden Spalten wie 2023, 2024 in der Kopfzeile",
		"no year column found; expected columns such as 2023, 2024 in the header row"},
	KeyUnknown: {
		"%q ist kein bekanntes Feld; erwartet wird eines von: %s",
		"%q is not a known field; expected one of: %s"},
	KeyTwice: {
		"Feld %q kommt zweimal vor (zuerst in %s); erwartet wird es nur einmal",
		"field %q appears twice (first in %s); expected it only once"},
	IDTwice: {
		"ID %q kommt doppelt vor (zuerst in %s); erwartet wird eine eindeutige ID",
		"ID %q appears twice (first in %s); expected a unique ID"},
	RefDimension: {
		"unbekannte Dimension %q; erwartet wird eine ID vom Blatt Dimensionen: %s",
		"unknown dimension %q; expected an ID from the Dimensions sheet: %s"},
	RefIndicator: {
		"unbekannter Indikator %q; erwartet wird eine ID vom Blatt Indikatoren in %s",
		"unknown indicator %q; expected an ID from the Indicators sheet in %s"},
	RefTopic: {
		"unbekanntes Thema %q; erwartet wird eine ID vom Blatt Themen in %s",
		"unknown topic %q; expected an ID from the Topics sheet in %s"},
	WeightNegative: {
		"Gewicht %v ist negativ; erwartet wird ein Gewicht von 0 oder mehr",
		"weight %v is negative; expected a weight of 0 or more"},
	WeightAllZero: {
		"alle Indikatoren der Dimension %q haben das Gewicht 0; erwartet wird mindestens ein Gewicht über 0",
		"every indicator of dimension %q has weight 0; expected at least one weight above 0"},
	WeightsAllZero: {
		"alle Dimensionen haben das Gewicht 0; erwartet wird mindestens ein Gewicht über 0",
		"every dimension has weight 0; expected at least one weight above 0"},
	GoalpostsHalf: {
		"nur ein Zielwert ist angegeben (Minimum %v, Maximum %v); erwartet werden beide oder keiner",
		"only one goalpost is given (min %v, max %v); expected both or neither"},
	GoalpostsOrder: {
		"Minimum %v ist nicht kleiner als Maximum %v; erwartet wird Minimum < Maximum",
		"min %v is not below max %v; expected min < max"},
	LogNotPositive: {
		"Wert %v kann nicht logarithmiert werden (Indikator %q hat Transformation log); erwartet wird ein Wert über 0",
		"value %v cannot be log-transformed (indicator %q uses transform log); expected a value above 0"},
	PercentRange: {
		"Wert %v liegt außerhalb von 0–100 (Indikator %q wird in %% gemessen); erwartet wird ein Prozentwert von 0 bis 100",
		"value %v lies outside 0–100 (indicator %q is measured in %%); expected a percentage from 0 to 100"},
	DecimalsRange: {
		"%v Nachkommastellen sind nicht möglich; erwartet wird eine ganze Zahl von 0 bis 6",
		"%v decimals are not possible; expected a whole number from 0 to 6"},
	LevelRange: {
		"Untergrenze %v liegt außerhalb von 0–100; erwartet wird eine Punktzahl von 0 bis 100",
		"lower bound %v lies outside 0–100; expected a score from 0 to 100"},
	LevelNoZero: {
		"kein Reifegrad beginnt bei 0; erwartet wird ein Reifegrad mit der Untergrenze 0, damit jede Punktzahl einen hat",
		"no level starts at 0; expected a level with lower bound 0 so that every score has one"},
	LevelTwice: {
		"Untergrenze %v kommt doppelt vor (zuerst in %s); erwartet wird jede Untergrenze nur einmal",
		"lower bound %v appears twice (first in %s); expected each lower bound only once"},
	LevelsNone: {
		"keine Reifegrade angegeben; erwartet wird mindestens einer mit der Untergrenze 0",
		"no levels given; expected at least one with lower bound 0"},
	CoverageRange: {
		"Mindestabdeckung %v liegt außerhalb von 0–100 %%; erwartet wird z. B. 50 %%",
		"minimum coverage %v lies outside 0–100 %%; expected e.g. 50 %%"},
	ReferenceYear: {
		"Bezugsjahr %d hat keine Daten; erwartet wird eines der Jahre mit Daten: %s",
		"reference year %d has no data; expected one of the years with data: %s"},
	PopulationRange: {
		"Einwohnerzahl %v ist nicht möglich; erwartet wird eine ganze Zahl über 0",
		"population %v is not possible; expected a whole number above 0"},
	CoordinateRange: {
		"%v liegt außerhalb von %v bis %v; erwartet wird eine Koordinate in Dezimalgrad",
		"%v lies outside %v to %v; expected a coordinate in decimal degrees"},
	MeasureEndsEarly: {
		"Ende %s liegt vor dem Beginn %s; erwartet wird ein Ende am oder nach dem Beginn",
		"end %s lies before the start %s; expected an end on or after the start"},
	BudgetNegative: {
		"Budget %v ist negativ; erwartet wird ein Betrag von 0 oder mehr",
		"budget %v is negative; expected an amount of 0 or more"},
	ProgressRange: {
		"Fortschritt %v %% liegt außerhalb von 0–100 %%; erwartet wird ein Anteil von 0 bis 100, z. B. 40 oder 40 %%",
		"progress %v %% lies outside 0–100 %%; expected a share from 0 to 100, e.g. 40 or 40 %%"},
	ProgressDone: {
		"Maßnahme ist abgeschlossen, aber ihr Fortschritt ist %v %%; erwartet wird 100 %% (oder leer) oder ein anderer Status als abgeschlossen",
		"measure is done, but its progress is %v %%; expected 100 %% (or empty) or a status other than done"},
	ReportMeasure: {
		"Maßnahme %q steht nicht auf dem Blatt Maßnahmen dieser Arbeitsmappe; erwartet wird die ID einer eigenen Maßnahme oder eine leere Zelle",
		"measure %q is not on this workbook's Measures sheet; expected the ID of one of your own measures or an empty cell"},
	ReportFuture: {
		"Bericht vom %s liegt nach heute (%s); er erscheint erst ab diesem Tag auf der Website",
		"report of %s lies after today (%s); it appears on the site from that day on"},
	DimensionEmpty: {
		"Dimension %q hat keine Indikatoren; erwartet wird mindestens ein Indikator auf dem Blatt Indikatoren",
		"dimension %q has no indicators; expected at least one indicator on the Indicators sheet"},
	IndicatorNoData: {
		"keine Stadt meldet Werte für Indikator %q; er geht in keine Punktzahl ein",
		"no city reports values for indicator %q; it enters no score"},
	CellNormalisation: {
		"%q ist keine Normalisierung; erwartet wird \"Zielwerte\", \"Min-Max\", \"z-Wert\", \"Rang\" oder leer (goalposts, min-max, z-score, rank)",
		"%q is not a normalisation; expected \"goalposts\", \"min-max\", \"z-score\", \"rank\" or empty (Zielwerte, Min-Max, z-Wert, Rang)"},
	NormNeedsGoalposts: {
		"Normalisierung %q braucht Minimum und Maximum; erwartet werden beide Zielwerte in dieser Zeile",
		"normalisation %q needs a minimum and a maximum; expected both goalposts in this row"},
	NormWithGoalposts: {
		"Normalisierung %q verwendet keine Zielwerte, aber Minimum oder Maximum ist angegeben; erwartet wird \"Zielwerte\" oder leere Grenzen",
		"normalisation %q uses no goalposts, but a minimum or maximum is given; expected \"goalposts\" or empty bounds"},
	SettingChoice: {
		"%q ist für %q nicht zulässig; erwartet wird eines von: %s",
		"%q is not allowed for %q; expected one of: %s"},
	SettingInteger: {
		"%q ist für %q nicht zulässig; erwartet wird eine ganze Zahl von %d bis %d",
		"%q is not allowed for %q; expected a whole number from %d to %d"},
	SettingPercent: {
		"%q ist für %q nicht zulässig; erwartet wird ein Anteil von 0 bis %v %%",
		"%q is not allowed for %q; expected a share from 0 to %v %%"},
	LevelAboveScale: {
		"Stufe ab %v liegt über dem Skalenende %v; erwartet wird eine Untergrenze innerhalb der Punkteskala",
		"level from %v lies above the top of the scale %v; expected a lower bound within the score scale"},
	ValueClamped: {
		"Wert %v liegt außerhalb der Zielwerte %v–%v von %q; er zählt wie %v (begrenzt). Bitte prüfen, ob Wert und Zielwerte stimmen",
		"value %v lies outside the goalposts %v–%v of %q; it counts as %v (clamped). Please check that value and goalposts are right"},
	KPIYearGap: {
		"kein Wert für %d, obwohl Indikator %q Werte für %d und %d hat; bitte prüfen, ob der Wert fehlt (leere Zelle = keine Angabe)",
		"no value for %d although indicator %q has values for %d and %d; please check whether the value is missing (empty cell = no value)"},
	KPIJump: {
		"Wert %v weicht um mehr als drei Standardabweichungen von den übrigen Jahren des Indikators %q ab (Mittel %v, Standardabweichung %v); bitte prüfen, ob Wert und Einheit stimmen",
		"value %v differs by more than three standard deviations from the other years of indicator %q (mean %v, standard deviation %v); please check value and unit"},
	KPISourceMissing: {
		"Indikator %q hat Werte, aber keine Quelle; erwartet wird in der Spalte Quelle die Herkunft der Werte, z. B. \"Amt für Statistik, Jahresbericht 2024\"",
		"indicator %q has values but no source; expected the origin of the values in the column Source, e.g. \"Office for Statistics, annual report 2024\""},
	FileEmpty: {
		"Datei ist leer (0 Byte); erwartet wird eine Excel-Arbeitsmappe (.xlsx)",
		"file is empty (0 bytes); expected an Excel workbook (.xlsx)"},
	FileEncrypted: {
		"Arbeitsmappe ist mit einem Passwort verschlüsselt; erwartet wird eine Arbeitsmappe ohne Passwort: in Excel unter Datei › Informationen › Arbeitsmappe schützen das Kennwort löschen und speichern",
		"workbook is encrypted with a password; expected a workbook without a password: in Excel, clear it under File › Info › Protect Workbook and save"},
	FileOldExcel: {
		"Datei ist im alten Format von Excel 97–2003 (.xls) oder ein anderes altes Office-Dokument; erwartet wird eine Excel-Arbeitsmappe (.xlsx): in Excel oder LibreOffice öffnen und als .xlsx speichern",
		"file is in the old Excel 97–2003 format (.xls) or another old Office document; expected an Excel workbook (.xlsx): open it in Excel or LibreOffice and save it as .xlsx"},
	FileNotRegular: {
		"ist keine gewöhnliche Datei im Datenordner (ein Gerät, eine Pipe oder ein Verweis aus dem Datenordner hinaus); erwartet wird eine Arbeitsmappe (.xlsx oder .ods)",
		"is not a regular file in the data folder (a device, a pipe or a link out of the data folder); expected a workbook (.xlsx or .ods)"},
	FileEncryptedODS: {
		"Tabellendokument ist mit einem Passwort verschlüsselt; erwartet wird eines ohne Passwort: in LibreOffice mit Datei › Speichern unter ohne „Mit Kennwort speichern“ speichern",
		"spreadsheet is encrypted with a password; expected one without a password: in LibreOffice, use File › Save As without \"Save with password\""},
	FileOtherFormat: {
		"Datei im Format %s wird nicht gelesen; erwartet wird eine Arbeitsmappe .xlsx oder .ods: in Excel, LibreOffice oder Numbers öffnen und mit „Speichern unter“ (Numbers: „Exportieren“) als Excel-Arbeitsmappe (.xlsx) oder ODF-Tabellendokument (.ods) speichern, dann diese Datei löschen",
		"a file in the format %s is not read; expected an .xlsx or .ods workbook: open it in Excel, LibreOffice or Numbers, save it with Save As (Numbers: Export) as an Excel workbook (.xlsx) or ODF spreadsheet (.ods), then delete this file"},
	FileNoExtension: {
		"Datei ist eine Arbeitsmappe (%s), ihr Name endet aber nicht auf %s; erwartet wird ein Name wie muenchen%s: umbenennen",
		"file is a workbook (%s) but its name does not end in %s; expected a name such as muenchen%s: rename it"},
	FileCopy: {
		"Datei %q sieht aus wie eine Kopie von %s; erwartet wird eine Arbeitsmappe je Partner: die Kopie löschen oder aus %s verschieben",
		"file %q looks like a copy of %s; expected one workbook per partner: delete the copy or move it out of %s"},
	FileFrameworkTwice: {
		"zwei Rahmenwerke: %s und %s; erwartet wird nur eines davon",
		"two frameworks: %s and %s; expected only one of them"},
	DataDirMissing: {
		"Datenordner %s nicht gefunden; erwartet wird ein Ordner mit framework.xlsx (oder .ods) und dem Ordner partners: im Projektordner starten oder den Ordner mit --data angeben",
		"data folder %s not found; expected a folder holding framework.xlsx (or .ods) and the folder partners: run from the project folder or name the folder with --data"},
	FolderOldName: {
		"der Ordner %s heißt jetzt %s, denn er enthält Partner jeder Art; erwartet wird der neue Name: Ordner umbenennen (bis dahin wird er gelesen)",
		"the folder %s is now called %s, as it holds partners of every kind; expected the new name: rename the folder (until then it is read)"},
	FolderTwice: {
		"%s neben %s enthält Arbeitsmappen (%s), die nicht gelesen würden; erwartet wird nur %s: die Dateien dorthin verschieben und den alten Ordner löschen",
		"%s beside %s holds workbooks (%s) that would not be read; expected only %s: move the files there and delete the old folder"},
	CellDateNotNumber: {
		"Zelle zeigt das Datum %s, keine Zahl; erwartet wird eine Zahl: mit Komma schreiben (12,5), denn 12.5 wird in deutscher Einstellung zum Datum, und das Zellformat auf Zahl stellen",
		"cell shows the date %s, not a number; expected a number: set the cell's format to number (in a German setting, write 12,5: 12.5 becomes a date)"},
	CellPercentNotHere: {
		"Zelle zeigt den Prozentwert %s; erwartet wird hier eine Zahl ohne %%: das Zellformat auf Zahl stellen und den Wert ohne %% eintragen",
		"cell shows the percentage %s; expected a number without %% here: set the cell's format to number and enter the value without %%"},
	YearTwice: {
		"Jahr %d steht zweimal in der Kopfzeile (auch in %s); erwartet wird jedes Jahr nur einmal, sonst zählt ein Wert, den niemand sieht",
		"year %d appears twice in the header row (also in %s); expected each year only once, or a value no one sees would count"},
	FileTooManyParts: {
		"Datei enthält mehr als %d Teile; erwartet wird eine Arbeitsmappe aus einigen Dutzend Teilen, wie Excel oder LibreOffice sie speichern – ist es die richtige Datei?",
		"file holds more than %d parts; expected a workbook of a few dozen parts, as Excel or LibreOffice save it: is it the right file?"},
	FilePartBackslash: {
		"Teil %s der Arbeitsmappe ist mit \\ statt / benannt; erwartet werden Teilnamen mit /, wie Excel und LibreOffice sie schreiben: die Arbeitsmappe dort öffnen und erneut speichern",
		"part %s of the workbook is named with \\ instead of /; expected part names with /, as Excel and LibreOffice write them: open the workbook there and save it again"},
	FilePartTooLarge: {
		"Teil %s der Arbeitsmappe entpackt sich auf %d KB, mehr als die erlaubten %d KB; erwartet wird ein Verzeichnis der Blätter von wenigen KB – ist es die richtige Datei?",
		"part %s of the workbook unpacks to %d KB, more than the %d KB allowed; expected a list of sheets of a few KB: is it the right file?"},
	FileTooManySheets: {
		"Arbeitsmappe hat mehr als %d Blätter; erwartet werden die wenigen Blätter der Vorlage – ist es die richtige Datei?",
		"workbook has more than %d sheets; expected the few sheets of the template: is it the right file?"},
	SheetPartName: {
		"Blatt steht im Teil %s, dessen Name nicht auf .xml endet; erwartet wird ein Blatt-Teil wie xl/worksheets/sheet1.xml: die Arbeitsmappe in Excel oder LibreOffice erneut speichern",
		"sheet is stored in part %s, whose name does not end in .xml; expected a sheet part such as xl/worksheets/sheet1.xml: save the workbook again from Excel or LibreOffice"},
	CellSharedString: {
		"Zelle verweist auf den gemeinsamen Text Nr. %s, die Arbeitsmappe hat aber nur %d (die Datei ist beschädigt); erwartet wird eine vollständige Arbeitsmappe: in Excel oder LibreOffice erneut speichern",
		"cell refers to shared string no. %s, but the workbook has only %d (the file is damaged); expected a complete workbook: save it again from Excel or LibreOffice"},
	IDSameAddress: {
		"ID %q ergibt dieselbe Seitenadresse wie %q in %s (…/%s/); erwartet werden IDs, die sich nicht nur in Groß- und Kleinschreibung oder Satzzeichen unterscheiden",
		"ID %q gives the same page address as %q in %s (…/%s/); expected IDs that differ in more than case or punctuation"},
	CellTooBig: {
		"%q ist als Zahl zu groß; erwartet wird eine Zahl von −1.000.000.000.000.000 bis 1.000.000.000.000.000 (10^15)",
		"%q is too large a number; expected a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)"},
	FileOpenDocument: {
		"Datei ist eine OpenDocument-Tabelle (.ods) mit der Endung .xlsx; erwartet wird eine Excel-Arbeitsmappe: in LibreOffice mit Speichern unter im Format Excel 2007–365 (.xlsx) speichern",
		"file is an OpenDocument spreadsheet (.ods) named .xlsx; expected an Excel workbook: in LibreOffice, use Save As with the format Excel 2007–365 (.xlsx)"},
	FileNotWorkbook: {
		"Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (sie enthält keinen Arbeitsmappen-Teil); erwartet wird eine Excel-Arbeitsmappe (.xlsx)",
		"file is a ZIP archive but no Excel workbook (it holds no workbook part); expected an Excel workbook (.xlsx)"},
	FileTooLarge: {
		"Datei entpackt sich auf %d MB, mehr als die erlaubten %d MB; erwartet wird eine Arbeitsmappe von einigen hundert KB – ist es die richtige Datei?",
		"file unpacks to %d MB, more than the %d MB allowed; expected a workbook of a few hundred KB: is it the right file?"},
	FileDamaged: {
		"Teil %s der Arbeitsmappe ist beschädigt (%s); erwartet wird eine vollständige Arbeitsmappe: in Excel oder LibreOffice erneut speichern",
		"part %s of the workbook is damaged (%s); expected a complete workbook: save it again from Excel or LibreOffice"},
	SheetDamaged: {
		"Blatt ist beschädigt (Teil %s: %s); erwartet wird ein vollständiges Blatt: die Arbeitsmappe in Excel oder LibreOffice erneut speichern",
		"sheet is damaged (part %s: %s); expected a complete sheet: save the workbook again from Excel or LibreOffice"},
	SheetTooLong: {
		"Blatt hat mehr als %d Zeilen (leere mitgezählt); erwartet werden einige hundert – ist es die richtige Datei?",
		"sheet has more than %d rows (empty ones included); expected a few hundred: is it the right file?"},
	CellDateRange: {
		"Datum %s liegt nicht in den Jahren %d bis %d; erwartet wird ein Datum in diesen Jahren",
		"date %s is not within the years %d to %d; expected a date in these years"},
	FileTruncated: {
		"Datei ist unvollständig oder beschädigt (%s); erwartet wird eine vollständige Arbeitsmappe: erneut speichern oder herunterladen",
		"file is incomplete or damaged (%s); expected a complete workbook: save or download it again"},
	SheetTooWide: {
		"Blatt umfasst %d Zellen (jede Zeile bis zu ihrer letzten Zelle gezählt), mehr als die erlaubten %d; erwartet wird eine kompakte Tabelle: verirrte Einträge weit rechts löschen (der äußerste steht in %s)",
		"sheet spans %d cells (each row counted to its last cell), more than the %d allowed; expected a compact table: delete stray entries far to the right (the outermost is in %s)"},
	CitySlugTwice: {
		"Datei hat dieselbe Adresse %q wie %s; erwartet wird je Stadt eine Datei mit eigenem Namen",
		"file has the same address %q as %s; expected one file per city, each with a name of its own"},
	CityNameTwice: {
		"Name %q bezeichnet dieselbe Stadt wie %q in %s; erwartet wird je Partner nur eine Arbeitsmappe",
		"name %q names the same city as %q in %s; expected only one workbook per partner"},
	CityWebsiteTwice: {
		"Webseite %q ist dieselbe wie %q in %s; erwartet wird je Partner nur eine Arbeitsmappe",
		"website %q is the same as %q in %s; expected only one workbook per partner"},
	AdoptedFuture: {
		"Beschluss am %s liegt nach heute (%s); erwartet wird das Datum eines Beschlusses, der schon gefasst ist",
		"adoption on %s lies after today (%s); expected the date of an adoption that has already happened"},
	YearFuture: {
		"Jahr %d liegt nach dem laufenden Jahr %d; erwartet werden Jahre bis %d, für die es schon Werte geben kann",
		"year %d lies after the current year %d; expected years up to %d, which can already have values"},
	MeasureDoneFuture: {
		"Maßnahme %q ist abgeschlossen, aber ihr Ende %s liegt nach heute (%s); erwartet wird ein Ende bis heute oder der Status in Umsetzung",
		"measure %q is done, but its end %s lies after today (%s); expected an end up to today or the status in progress"},
	PercentCell: {
		"Zelle ist als Prozent geschrieben (%v %%), aber Indikator %q wird in %q gemessen; erwartet wird eine Zahl ohne %%",
		"cell is written as a percentage (%v %%), but indicator %q is measured in %q; expected a number without %%"},
	PercentCellNoUnit: {
		"Zelle ist als Prozent geschrieben (%v %%), aber Indikator %q hat keine Einheit; erwartet wird eine Zahl ohne %% oder die Einheit %% im Rahmenwerk",
		"cell is written as a percentage (%v %%), but indicator %q has no unit; expected a number without %% or the unit %% in the framework"},
	CoverageNoIndex: {
		"kein Index und kein Rang für %d: Punktzahlen für %v %% des Dimensionsgewichts, erforderlich sind %v %%; Dimensionen ohne Punktzahl (Indikatoren mit Punktzahl von allen; erforderlich sind %v %% des Gewichts): %s; erwartet werden mehr Werte für %d",
		"no index and no rank for %d: scores for %v %% of the dimension weight, %v %% required; dimensions without a score (indicators with a score out of all; %v %% of the weight required): %s; expected more values for %d"},
	PartnerKind: {
		"%q ist keine Art von Partner; erwartet wird Kommune, Land, kommunales Unternehmen, Hochschule, Unternehmen oder Verband, Beratung oder Sonstige",
		"%q is not a kind of partner; expected municipality, state, municipal company, university, business or association, consultancy, or other"},
	KPIsNotScored: {
		"Partner der Art %s werden nicht bewertet: die Kennzahlen dieses Blatts erscheinen nirgends; erwartet wird das Blatt leer oder die Art Kommune",
		"partners of the kind %s are not scored: the KPIs on this sheet appear nowhere; expected the sheet empty or the kind municipality"},
	JointUnknown: {
		"%q ist kein Partner; erwartet werden Dateinamen von Partnern ohne Endung, durch Komma getrennt (%s)",
		"%q is not a partner; expected partners' file names without extension, separated by commas (%s)"},
	JointDiffers: {
		"die gemeinsame Maßnahme %q steht auch in %s, dort mit %s %q statt %q; erwartet wird in beiden Arbeitsmappen dieselbe Angabe",
		"the joint measure %q is also in %s, there with %s %q instead of %q; expected the same value in both workbooks"},
	JointNotListed: {
		"die Maßnahme %q steht auch in %s, die diesen Partner nicht nennt; erwartet wird, dass beide Arbeitsmappen einander in der Spalte Partner nennen, oder eine andere ID",
		"the measure %q is also in %s, which does not name this partner; expected both workbooks to name each other in the Partner column, or another ID"},
	OfferKind: {
		"%q ist keine Angebotsart; erwartet wird Lösung zur Nachnutzung, Know-how oder Beratung, Hospitation oder Personalaustausch, gemeinsamer Dienst oder Plattform oder gemeinsame Beschaffung",
		"%q is not a kind of offer; expected solution to reuse, know-how or advice, trainee or staff placement, shared service or platform, or joint procurement"},
	OfferContact: {
		"%q ist kein zulässiger Kontakt; erwartet wird eine E-Mail-Adresse wie digital@stadt.de oder eine Adresse, die mit https:// beginnt",
		"%q is not an allowed contact; expected an e-mail address such as digital@city.de or an address starting with https://"},
	OfferLink: {
		"%q ist kein zulässiger Link; erwartet wird eine Adresse, die mit https:// beginnt",
		"%q is not an allowed link; expected an address starting with https://"},
	OfferExpired: {
		"Angebot %q war nur bis %s verfügbar (heute ist %s); erwartet wird ein Angebot, das noch gilt: Zeile löschen oder das Datum anpassen",
		"offer %q was available only until %s (today is %s); expected an offer that still holds: delete the row or change the date"},
	OfferUntilEarly: {
		"verfügbar bis %s liegt vor verfügbar ab %s; erwartet wird ein Ende am oder nach dem Beginn",
		"available until %s lies before available from %s; expected an end on or after the start"},
	SiteSettingMissing: {
		"Einstellung %s fehlt; erwartet wird %s",
		"setting %s is not set; expected %s"},
	SiteSettingPlaceholder: {
		"Einstellung %s ist noch ein Platzhalter (%q); erwartet wird %s",
		"setting %s is still a placeholder (%q); expected %s"},
	SiteSettingInvalid: {
		"Einstellung %s ist %q; erwartet wird %s",
		"setting %s is %q; expected %s"},
}
