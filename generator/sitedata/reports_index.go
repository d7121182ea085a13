package sitedata

import "encoding/json"

// ReportsIndexPath is where the index of all reports lives below the site
// root. When the reports list has more than one page (more than
// Lists.PageSize reports), js/filter.js loads it on the first choice in
// the list's filter and shows the matching reports of every page, each
// linked to its partner's page; the list's pages themselves stay the size
// of one page.
const ReportsIndexPath = "data/reports.json"

// ReportsIndexFormat is the version of the index's layout; the script
// refuses any other.
const ReportsIndexFormat = 1

// ReportsIndex lists every report of Site.Reports, newest first. Partners'
// and topics' names are not repeated: the filter's options have them.
type ReportsIndex struct {
	Format  int                `json:"format"`
	Reports []ReportsIndexItem `json:"reports"`
}

// ReportsIndexItem is one report; it is written as the array [partner
// slug, date (ISO, as precise as known), topic or "", German title,
// English title or "", id (its anchor on the partner's page: report-<id>)].
type ReportsIndexItem struct {
	Partner, Date, Topic string
	Title                [2]string
	ID                   string
}

// MarshalJSON writes the item as an array (see ReportsIndexItem).
func (r ReportsIndexItem) MarshalJSON() ([]byte, error) {
	return json.Marshal([6]string{r.Partner, r.Date, r.Topic, r.Title[0], r.Title[1], r.ID})
}

// reportPages is how many pages a list of n reports has (Lists.ReportPages).
func reportPages(n int, l Lists) int {
	if !l.Full {
		return 0
	}
	return max(1, (n+l.PageSize-1)/l.PageSize)
}

// ReportsPaginated reports whether the reports list has more than one
// page (Lists.ReportPages).
func (s Site) ReportsPaginated() bool { return s.Lists.ReportPages > 1 }

// BuildReportsIndex is the index of s's reports, in the list's order.
func BuildReportsIndex(s Site) ReportsIndex {
	out := ReportsIndex{Format: ReportsIndexFormat, Reports: make([]ReportsIndexItem, 0, len(s.Reports))}
	for _, ref := range s.Reports {
		c := s.Cities[ref.City]
		r := c.Reports[ref.Report]
		out.Reports = append(out.Reports, ReportsIndexItem{Partner: c.Slug, Date: r.Date, Topic: r.Topic,
			Title: [2]string{r.Title.De, r.Title.En}, ID: r.ID})
	}
	return out
}

// File is the index as the file at ReportsIndexPath.
func (x ReportsIndex) File() (CompareFile, error) {
	return jsonFile(ReportsIndexPath, "reports index", x)
}
