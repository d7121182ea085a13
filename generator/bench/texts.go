package bench

import (
	"fmt"
	"strings"
)

// words are the report's and the log's texts in one language: the bench
// command speaks the language of the command line (--lang), its report
// included; docs/benchmarks.md shows the English one (--lang en).
type words struct {
	report     string // machine, table, stage table
	header     string // the header row of Table
	files      string // "%d files"
	na         string // peak memory the system does not report
	machine    string // CPU, count, GOMAXPROCS, memory, OS/arch, Go
	memory     string // ", %.1f GiB memory"
	unknownCPU string
	writing    string // log: N, folder
	running    string // log: N, child stage
	failed     string // error prefix: N, child stage
	childStage map[string]string
	// splitStage names the build's stages (pipeline.Options.Stage) in the
	// stage table.
	splitStage map[string]string
	point      string // decimal separator
	// probeHeader is the header row of ProbeTable, probe its pages.
	probeHeader string
	probe       map[string]string
}

var texts = map[string]words{
	"de": {
		report:     "Rechner: %s\n\n%s\nLaufzeit des Builds nach Schritten:\n\n%s\nEinzelne Seiten (Zeit: Layout je Seite, Durchschnitt / Maximum, nach Hugos Vorlagenmetrik; Wachstum: x in Größe ∝ N^x gegenüber dem N davor):\n\n%s",
		header:     "| N | K | Y | M | Laufzeit | Rechenzeit | Spitzenspeicher | Seiten | Website | je Stadt | Untergrenze (a) Lesen | Untergrenze (b) Hugo | Verhältnis zur Untergrenze |\n",
		files:      "%d Dateien",
		na:         "k. A.",
		machine:    "%s, %d logische CPUs (GOMAXPROCS %d)%s, %s/%s, %s",
		memory:     ", %s GiB Arbeitsspeicher",
		unknownCPU: "unbekannte CPU",
		writing:    "N = %d: schreibe den synthetischen Datensatz nach %s …\n",
		running:    "N = %d: %s …\n",
		failed:     "N = %d, %s",
		childStage: map[string]string{StageRead: "Untergrenze (a): Lesen", StageHugo: "Untergrenze (b): Hugo", StageBuild: "Build"},
		splitStage: map[string]string{"read": "Lesen", "score": "Bewertung", "downloads": "Downloads", "site data": "Seitendaten",
			"charts": "Diagramme", "city pages": "Städteseiten", "hugo": "Seiten (Hugo)", "publish": "Veröffentlichung"},
		point:       ",",
		probeHeader: "| Seite | N | Pfad | HTML | gzip | Zeit | Seiten mit dem Layout | Wachstum |\n",
		probe: map[string]string{"joint": "Gemeinsame Projekte", "partner": "Partner (keine Kommune)", "offers": "Angebote",
			"reports": "Berichte", "measures": "Maßnahmen"},
	},
	"en": {
		report:      "Machine: %s\n\n%s\nThe build's wall time by stage:\n\n%s\nSingle pages (time: the layout per page, average / maximum, by Hugo's template metrics; growth: x in size ∝ N^x against the N before):\n\n%s",
		header:      "| N | K | Y | M | wall | CPU | peak memory | pages | site | per city | floor (a) read | floor (b) Hugo | ratio to floor |\n",
		files:       "%d files",
		na:          "n/a",
		machine:     "%s, %d logical CPUs (GOMAXPROCS %d)%s, %s/%s, %s",
		memory:      ", %s GiB memory",
		unknownCPU:  "unknown CPU",
		writing:     "N = %d: writing the synthetic data set to %s …\n",
		running:     "N = %d: %s …\n",
		failed:      "N = %d, %s",
		childStage:  map[string]string{StageRead: "floor (a): read", StageHugo: "floor (b): Hugo", StageBuild: "build"},
		splitStage:  map[string]string{},
		point:       ".",
		probeHeader: "| page | N | path | HTML | gzip | time | pages of the layout | growth |\n",
		probe: map[string]string{"joint": "joint projects", "partner": "partner (not a municipality)", "offers": "offers",
			"reports": "reports", "measures": "measures"},
	},
}

// text is the words of lang; anything but "de" is English.
func text(lang string) words {
	if w, ok := texts[lang]; ok {
		return w
	}
	return texts["en"]
}

// decimal prints v with the given digits and the language's separator.
func (w words) decimal(v float64, digits int) string {
	return strings.Replace(fmt.Sprintf("%.*f", digits, v), ".", w.point, 1)
}

// stage names a build stage in the stage table.
func (w words) stage(s string) string {
	if l, ok := w.splitStage[s]; ok {
		return l
	}
	return s
}

// Report is what bench prints: the machine, the table and where the
// build's time went, in lang.
func Report(rows []Row, lang string) string {
	return fmt.Sprintf(text(lang).report, Machine(lang), Table(rows, lang), SplitTable(rows, lang), ProbeTable(rows, lang))
}
