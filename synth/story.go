package synth

import (
	"fmt"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
)

// fillers are sentences that state no fact, as every release has some.
var fillers = []string{
	"Die Verwaltung soll damit einfacher, schneller und digitaler werden.",
	"Bürgerinnen und Bürger sollen Anträge künftig vollständig online stellen können.",
	"Die Vereinbarung gilt zunächst für drei Jahre.",
	"Über die nächsten Schritte wollen die Beteiligten im Herbst beraten.",
	"Erste Ergebnisse sollen bis zum Jahresende vorliegen.",
	"Die Finanzierung erfolgt aus Mitteln des Konjunkturprogramms.",
	"Weitere Verwaltungsleistungen sollen schrittweise folgen.",
	"Die Lösung wird in einer Pilotphase zunächst in ausgewählten Behörden erprobt.",
	"Der Quellcode soll offen zur Verfügung gestellt werden.",
	"Die Zahl der Online-Anträge ist im vergangenen Jahr deutlich gestiegen.",
}

// fillers returns up to most filler sentences the release has not used yet.
func (w *writer) fillers(most int) []string {
	var s []string
	for range w.rnd.IntN(most + 1) {
		k := w.rnd.IntN(len(fillers))
		if !w.used[k] {
			w.used[k] = true
			s = append(s, fillers[k])
		}
	}
	return s
}

// cooperationStory: two or three parties agree to work together, on a topic or a project.
func (w *writer) cooperationStory() {
	a := w.party(actors)
	b := w.party(actors, a)
	ps := []party{a, b}
	if w.rnd.IntN(10) < 3 {
		ps = append(ps, w.party(actors, a, b))
	}
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			w.state(graph.CooperatesWith, ps[i].Entity, ps[j].Entity, "")
		}
	}
	names := list(ps)
	works := func(what graph.Entity) {
		for _, p := range ps {
			w.state(graph.WorksOn, p.Entity, what, "")
		}
	}
	var lead string
	switch k := w.rnd.IntN(5); {
	case k == 0:
		w.headline = upper(names) + " vereinbaren Zusammenarbeit"
		lead = upper(names) + " haben eine Kooperationsvereinbarung unterzeichnet."
	case k == 1:
		t := w.pickTopic()
		works(t)
		w.headline = upper(names) + " bündeln Kräfte im Bereich " + t.Name
		lead = upper(names) + " arbeiten künftig im Bereich " + t.Name + " enger zusammen."
		if len(ps) > 2 {
			lead = upper(names) + " wollen im Bereich " + t.Name + " zusammenarbeiten."
		}
	case k == 2:
		p := w.pickProject()
		works(p)
		w.headline = "Gemeinsam digital: " + upper(names) + " kooperieren"
		lead = upper(names) + " entwickeln gemeinsam die Plattform " + quoted(p) + "."
	case k == 3 && len(ps) == 2:
		p := w.pickProject()
		works(p)
		w.headline = fmt.Sprintf("%s übernimmt Lösung von %s", upper(a.subj), b.Name)
		lead = upper(a.subj) + " nutzt die von " + b.Name + " entwickelte Lösung " + quoted(p) + " nach."
	default:
		w.headline = upper(names) + " unterzeichnen Absichtserklärung"
		lead = upper(names) + " haben eine gemeinsame Absichtserklärung unterzeichnet."
	}
	w.para(append([]string{lead}, w.fillers(1)...)...)
	for _, p := range ps {
		if w.rnd.IntN(10) < 7 {
			w.para(w.statement(p))
		}
	}
	if w.rnd.IntN(10) < 3 {
		w.background(a)
	}
	w.para(w.fillers(2)...)
}

// list names parties as a sentence lists them: "Bayern und der Bund", "A, B und C".
func list(ps []party) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.subj)
	}
	return strings.Join(names[:len(names)-1], ", ") + " und " + names[len(names)-1]
}

// joinStory: a party joins a body or becomes one of its Träger.
func (w *writer) joinStory() {
	var body party
	for body.joins == nil {
		body = w.party([]kind{kindBody, kindProvider})
	}
	j := w.party(body.joins, body)
	w.state(graph.MemberOf, j.Entity, body.Entity, "")
	var lead string
	switch k := w.rnd.IntN(4); {
	case body.carrier && k == 0:
		w.headline = fmt.Sprintf("%s wird Träger %s", upper(j.subj), body.of)
		lead = upper(j.subj) + " wird Träger " + body.of + "."
	case k <= 1:
		w.headline = fmt.Sprintf("%s tritt %s bei", upper(j.subj), body.dat)
		lead = upper(j.subj) + " tritt " + body.dat + " bei."
	case k == 2:
		w.headline = fmt.Sprintf("%s wird Mitglied %s", upper(j.subj), body.of)
		lead = upper(j.subj) + " ist " + body.dat + " als Mitglied beigetreten."
	default:
		w.headline = fmt.Sprintf("%s nimmt %s auf", upper(body.subj), j.Name)
		lead = upper(body.subj) + " hat " + j.subj + " als neues Mitglied aufgenommen."
	}
	w.para(append([]string{lead}, w.fillers(1)...)...)
	w.para(w.statement(j))
	if w.rnd.IntN(2) == 0 {
		w.para(w.statement(body))
	}
	if w.rnd.IntN(10) < 3 {
		p := w.pickProject()
		w.state(graph.WorksOn, body.Entity, p, "")
		w.para(upper(body.subj) + " entwickelt unter anderem die Plattform " + quoted(p) + ".")
	}
	w.para(w.fillers(2)...)
}

// projectStory: a party starts a platform, maybe with a partner, in a topic field.
func (w *writer) projectStory() {
	a := w.party(actors)
	p := w.pickProject()
	w.state(graph.WorksOn, a.Entity, p, "")
	var lead string
	switch w.rnd.IntN(3) {
	case 0:
		w.headline = fmt.Sprintf("%s startet %s", upper(a.subj), quoted(p))
		lead = upper(a.subj) + " entwickelt die Plattform " + quoted(p) + "."
	case 1:
		w.headline = fmt.Sprintf("Neues Angebot: %s geht an den Start", quoted(p))
		lead = "Mit " + quoted(p) + " startet " + a.subj + " ein neues Angebot für Bürgerinnen und Bürger."
	default:
		w.headline = fmt.Sprintf("%s betreibt künftig %s", upper(a.subj), quoted(p))
		lead = upper(a.subj) + " betreibt künftig den Dienst " + quoted(p) + "."
	}
	w.para(append([]string{lead}, w.fillers(1)...)...)
	if w.rnd.IntN(2) == 0 {
		t := w.pickTopic()
		w.state(graph.WorksOn, a.Entity, t, "")
		if w.rnd.IntN(2) == 0 {
			w.para(upper(a.subj) + " bringt dabei Erfahrung im Bereich " + t.Name + " ein.")
		} else {
			w.para(upper(a.subj) + " setzt im Themenfeld " + t.Name + " neue Onlinedienste um.")
		}
	}
	if w.rnd.IntN(10) < 4 {
		b := w.party(actors, a)
		w.state(graph.CooperatesWith, a.Entity, b.Entity, "")
		w.para(upper(a.subj) + " arbeitet dabei eng mit " + b.Name + " zusammen.")
	}
	w.para(w.statement(a))
	w.para(w.fillers(2)...)
}

// appointmentStory: a party introduces the person who now holds one of its offices.
func (w *writer) appointmentStory() {
	p := w.party(nil)
	x, r := w.office(p)
	w.state(graph.HoldsRole, x, p.Entity, r)
	w.headline = fmt.Sprintf("%s ist %s %s", x.Name, r, p.of)
	w.para(append([]string{fmt.Sprintf("%s ist seit dem 1. %s %s %s.", x.Name, months[w.date.Month()-1], r, p.of)}, w.fillers(1)...)...)
	w.para(append([]string{"„" + pick(w, quotes) + "“, sagte " + x.Name + " bei der Vorstellung."}, w.fillers(1)...)...)
	if w.rnd.IntN(2) == 0 && p.kind != kindBody {
		w.background(p)
	}
}

// background adds a sentence restating an earlier fact about p: a membership or a project.
func (w *writer) background(p party) {
	if p.kind != kindBody && w.rnd.IntN(2) == 0 {
		for range 10 {
			body := w.party([]kind{kindBody, kindProvider})
			if hasKind(body.joins, p.kind) {
				w.state(graph.MemberOf, p.Entity, body.Entity, "")
				w.para(fmt.Sprintf("%s ist bereits seit %d Mitglied %s.", upper(p.subj), w.yearBefore(), body.of))
				return
			}
		}
	}
	pr := w.pickProject()
	w.state(graph.WorksOn, p.Entity, pr, "")
	w.para(upper(p.subj) + " betreibt bereits die Plattform " + quoted(pr) + ".")
}

var months = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// navigation and footers are the page furniture sites leave around a release.
var (
	navigation = []string{
		"[Startseite](/) > [Presse](/presse) > Pressemitteilungen",
		"Menü | Suche | Leichte Sprache | Gebärdensprache",
		"[Zum Inhalt springen](#inhalt)\n\n[Startseite](/) | [Themen](/themen) | [Presse](/presse) | [Service](/service)",
		"Sie sind hier: Startseite > Aktuelles > Meldungen",
		"",
	}
	footers = []string{
		"Drucken | Seite teilen | nach oben",
		"[Kontakt](/kontakt) · [Impressum](/impressum) · [Datenschutz](/datenschutz) · [Barrierefreiheit](/barrierefreiheit)",
		"Pressekontakt: Pressestelle, Telefon 0123 456789, presse@example.org",
		"Schlagworte: Digitalisierung, Verwaltung, E-Government",
	}
)

// text returns the release as a site publishes it.
func (w *writer) text() []byte {
	var b strings.Builder
	if nav := pick(w, navigation); nav != "" {
		b.WriteString(nav + "\n\n")
	}
	b.WriteString("# " + w.headline + "\n\n")
	d := w.date
	switch w.rnd.IntN(4) {
	case 0:
		fmt.Fprintf(&b, "%d. %s %d\n\n", d.Day(), months[d.Month()-1], d.Year())
	case 1:
		fmt.Fprintf(&b, "Pressemitteilung vom %02d.%02d.%d\n\n", d.Day(), d.Month(), d.Year())
	case 2:
		fmt.Fprintf(&b, "%s, %d. %s %d\n\n", pick(w, places), d.Day(), months[d.Month()-1], d.Year())
	default:
		fmt.Fprintf(&b, "%02d.%02d.%d\n\n", d.Day(), d.Month(), d.Year())
	}
	for _, p := range w.paras {
		if p != "" {
			b.WriteString(p + "\n\n")
		}
	}
	for _, k := range w.rnd.Perm(len(footers))[:1+w.rnd.IntN(2)] {
		b.WriteString(footers[k] + "\n\n")
	}
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}
