package graphtest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/egovgraph/egovgraph/graph"
)

// The small lists the synthetic releases draw from. Parties and topics are real public
// bodies and OZG fields; persons and most projects are invented.
var (
	synthStates = []string{
		"Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
		"Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
		"Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
	}
	synthMunicipalities = []string{
		"München", "Köln", "Leipzig", "Ulm", "Landkreis Ebersberg", "Kreis Lippe", "Dortmund",
		"Deutscher Landkreistag", "Deutscher Städtetag",
	}
	synthAuthorities = []string{
		"FITKO", "ITZBund", "Bundesverwaltungsamt", "Statistisches Bundesamt",
		"Landesamt für Digitalisierung Nord", "Zentrale IT-Stelle Süd",
	}
	synthOrganizations = []string{
		"govdigital", "Dataport", "AKDB", "Komm.ONE", "ekom21", "regio iT", "Vitako",
		"IT-Planungsrat", "KDO", "Verwaltungscloud Nord", "IT-Verbund Mitte",
	}
	synthFirstNames = []string{
		"Anna", "Jonas", "Miriam", "Lukas", "Petra", "Tobias", "Sabine", "Mehmet", "Katrin",
		"Florian", "Ines", "Ralf",
	}
	synthLastNames = []string{
		"Albrecht", "Brückner", "Claßen", "Dörfler", "Engel", "Fuchs", "Größer", "Hänsel",
		"Jäger", "Kühn",
	}
	synthRoles = []string{
		"Digitalministerin", "Innenminister", "Staatssekretärin", "CIO", "Vorstand",
		"Geschäftsführerin", "Präsident", "Referatsleiter",
	}
	synthTopics = []string{
		"Arbeit & Ruhestand", "Bauen & Wohnen", "Bildung", "Ein- und Auswanderung",
		"Familie & Kind", "Gesundheit", "Mobilität & Reisen", "Steuern & Zoll", "Umwelt",
		"Unternehmensführung & -entwicklung", "Blockchain", "Cloud", "Registermodernisierung",
		"Künstliche Intelligenz", "Open Data", "Informationssicherheit",
	}
	synthProjects = []string{
		"BundID", "FIT-Store", "Bürgerportal Nord", "eAkte Süd", "Onlinezugang Plus",
		"Datenstraße Mitte", "Servicekonto Plus", "Cloud-Plattform Süd", "Formularbaukasten",
		"Antragsassistent", "Registerbrücke", "Portalverbund Ost",
	}
)

// synthParties lists every party of the synthetic corpus.
var synthParties = func() []graph.Entity {
	var ps []graph.Entity
	add := func(t graph.EntityType, names []string) {
		for _, n := range names {
			ps = append(ps, graph.NewEntity(t, n))
		}
	}
	add(graph.State, synthStates)
	add(graph.Federal, []string{"Bund"})
	add(graph.Municipality, synthMunicipalities)
	add(graph.Authority, synthAuthorities)
	add(graph.Organization, synthOrganizations)
	return ps
}()

// synthGoals are what the fact sentences say parties do together.
var synthGoals = []string{
	"die Onlinedienste gemeinsam betreiben", "eine Vereinbarung unterzeichnen",
	"ihre Rechenzentren bündeln", "eine gemeinsame Plattform entwickeln",
	"Leistungen nach dem Einer-für-Alle-Prinzip teilen",
}

// SyntheticRelease returns release i of a synthetic corpus for benchmarks: two to six facts
// about states, municipalities, authorities, organizations, persons, topics and projects drawn
// from small lists, dated between 2018 and 2024 (one in twenty undated). It is the same for
// the same i on every call; every i has its own Source.
func SyntheticRelease(i int) graph.Release {
	rnd := rand.New(rand.NewPCG(uint64(i), 0x65676f76))
	r := graph.Release{
		Source: fmt.Sprintf("synthetic/pm-%05d.md", i),
		Hash:   fmt.Sprintf("synthetic-%d", i),
	}
	if rnd.IntN(20) != 0 {
		day := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(7*365))
		r.Date = day.Format(time.DateOnly)
	}
	named := map[string]bool{}
	name := func(e graph.Entity) string {
		if !named[e.ID] {
			named[e.ID] = true
			if e.Type == graph.State && rnd.IntN(4) == 0 {
				e.Aliases = []string{"Land " + e.Name}
			}
			r.Entities = append(r.Entities, e)
		}
		return e.ID
	}
	party := func() graph.Entity {
		// States are named most, as in the real releases.
		if rnd.IntN(2) == 0 {
			return synthParties[rnd.IntN(len(synthStates))]
		}
		return synthParties[rnd.IntN(len(synthParties))]
	}
	facts := 2 + rnd.IntN(5)
	for range facts {
		a := party()
		var f graph.Fact
		switch k := rnd.IntN(10); {
		case k < 3:
			b := party()
			if b.ID == a.ID {
				continue
			}
			f = graph.Fact{Type: graph.CooperatesWith, From: name(a), To: name(b),
				Sentence: fmt.Sprintf("%s und %s wollen %s.", a.Name, b.Name, synthGoals[rnd.IntN(len(synthGoals))])}
		case k < 6:
			org := graph.NewEntity(graph.Organization, synthOrganizations[rnd.IntN(len(synthOrganizations))])
			if org.ID == a.ID {
				continue
			}
			f = graph.Fact{Type: graph.MemberOf, From: name(a), To: name(org),
				Sentence: fmt.Sprintf("%s ist Mitglied von %s.", a.Name, org.Name)}
		case k < 8:
			// A person keeps one office at one party across the corpus.
			n := rnd.IntN(len(synthFirstNames) * len(synthLastNames))
			p := graph.NewEntity(graph.Person, synthFirstNames[n%len(synthFirstNames)]+" "+synthLastNames[n/len(synthFirstNames)])
			at := synthParties[n%len(synthParties)]
			role := synthRoles[n%len(synthRoles)]
			f = graph.Fact{Type: graph.HoldsRole, From: name(p), To: name(at), Role: role,
				Sentence: fmt.Sprintf("%s %s (%s) äußerte sich zufrieden.", role, p.Name, at.Name)}
		default:
			var what graph.Entity
			if rnd.IntN(2) == 0 {
				what = graph.NewEntity(graph.Topic, synthTopics[rnd.IntN(len(synthTopics))])
			} else {
				what = graph.NewEntity(graph.Project, synthProjects[rnd.IntN(len(synthProjects))])
			}
			f = graph.Fact{Type: graph.WorksOn, From: name(a), To: name(what),
				Sentence: fmt.Sprintf("%s arbeitet an %s.", a.Name, what.Name)}
		}
		f.Confidence = 0.5 + float64(rnd.IntN(50))/100
		f.Rule = "synthetic/" + string(f.Type)
		r.Facts = append(r.Facts, f)
	}
	if len(r.Entities) == 0 {
		name(synthParties[i%len(synthParties)])
	}
	r.Title = fmt.Sprintf("Pressemitteilung %d: %s", i, r.Entities[0].Name)
	return r.WithID()
}
