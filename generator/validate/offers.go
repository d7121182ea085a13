package validate

import (
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// offers reports an offer whose topic the framework does not know, as for
// a measure: the catalogue and the quick wins find offers by topic.
func offers(c model.City, fw model.Framework, topics map[string]bool, l *problem.List) {
	for _, o := range c.Offers {
		if !topics[o.Topic] && !fw.Unread.Topics && (!o.Invalid || o.Topic != "") {
			l.Errorf(o.TopicPos, problem.RefTopic, o.Topic, fw.File)
		}
	}
}

// expired warns of an offer whose availability ended before today: the
// catalogue and the quick wins would still point partners to it.
func expired(c model.City, today model.Date, l *problem.List) {
	for _, o := range c.Offers {
		if !o.Invalid && !o.Until.IsZero() && o.Until.Before(today) {
			l.Warnf(o.Pos, problem.OfferExpired, o.Title.De, o.Until.ISO(), today.ISO())
		}
	}
}
