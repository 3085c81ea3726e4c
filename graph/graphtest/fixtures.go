package graphtest

import "github.com/egovgraph/egovgraph/graph"

// The entity IDs the fixtures name.
const (
	bayern        = "state:bayern"
	brandenburg   = "state:brandenburg"
	hamburg       = "state:hamburg"
	hessen        = "state:hessen"
	sachsen       = "state:sachsen"
	sachsenAnhalt = "state:sachsen-anhalt"
	thueringen    = "state:thueringen"
	fitko         = "authority:fitko"
	statistikamt  = "authority:statistikamt-nord"
	dataport      = "org:dataport"
	govdigital    = "org:govdigital"
	itVerbund     = "org:it-verbund-mitte"
	vcNord        = "org:verwaltungscloud-nord"
	stuebgen      = "person:karin-stuebgen"
	voigt         = "person:lena-voigt"
	blockchain    = "topic:blockchain"
	cloud         = "topic:cloud"
	identitaeten  = "topic:digitale-identitaeten"
	registermod   = "topic:registermodernisierung"
	cloudSued     = "project:cloud-plattform-sued"
	datenstrasse  = "project:datenstrasse-nord"
)

// The relation IDs the fixtures state.
var (
	memberBayernGovdigital   = graph.RelationID(graph.MemberOf, bayern, govdigital, "")
	memberHessenGovdigital   = graph.RelationID(graph.MemberOf, hessen, govdigital, "")
	memberHamburgVCNord      = graph.RelationID(graph.MemberOf, hamburg, vcNord, "")
	memberThueringenVerbund  = graph.RelationID(graph.MemberOf, thueringen, itVerbund, "")
	coopBayernBrandenburg    = graph.RelationID(graph.CooperatesWith, bayern, brandenburg, "")
	coopFitkoHessen          = graph.RelationID(graph.CooperatesWith, fitko, hessen, "")
	coopDataportHamburg      = graph.RelationID(graph.CooperatesWith, dataport, hamburg, "")
	coopSachsenThueringen    = graph.RelationID(graph.CooperatesWith, sachsen, thueringen, "")
	coopSachsenSachsenAnhalt = graph.RelationID(graph.CooperatesWith, sachsen, sachsenAnhalt, "")
	coopSachsenAnhaltThuer   = graph.RelationID(graph.CooperatesWith, sachsenAnhalt, thueringen, "")
	roleStuebgen             = graph.RelationID(graph.HoldsRole, stuebgen, brandenburg, "Innenministerin")
	roleVoigt                = graph.RelationID(graph.HoldsRole, voigt, itVerbund, "Vorständin")
	worksGovdigitalChain     = graph.RelationID(graph.WorksOn, govdigital, blockchain, "")
	worksGovdigitalIdent     = graph.RelationID(graph.WorksOn, govdigital, identitaeten, "")
	worksBrandenburgCloud    = graph.RelationID(graph.WorksOn, brandenburg, cloudSued, "")
	worksBayernCloud         = graph.RelationID(graph.WorksOn, bayern, cloud, "")
	worksFitkoRegister       = graph.RelationID(graph.WorksOn, fitko, registermod, "")
	worksDataportStrasse     = graph.RelationID(graph.WorksOn, dataport, datenstrasse, "")
	worksVerbundRegister     = graph.RelationID(graph.WorksOn, itVerbund, registermod, "")
	worksStatistikRegister   = graph.RelationID(graph.WorksOn, statistikamt, registermod, "")
)

// Fixtures returns the releases the suite writes, in no particular order: seven invented
// press releases about real public bodies and invented persons and projects, with 20
// entities and 19 relations among them. One relation is stated by two releases, one by two
// sentences of one release; one release is undated, two share a date; two releases give
// identifiers of a Land. Every call returns new values the caller may change.
func Fixtures() []graph.Release {
	return []graph.Release{
		bayernJoinsGovdigital(),
		brandenburgAndBayern(),
		hessenJoinsGovdigital(),
		hessenAndFitko(),
		datenstrasseNord(),
		centralGermanStates(),
		itVerbundMitte(),
	}
}

// fixtureCounts is what Stats says after the fixtures were written.
var fixtureCounts = graph.Stats{Releases: 7, Entities: 20, Relations: 19}

func entity(t graph.EntityType, name string, aliases ...string) graph.Entity {
	e := graph.NewEntity(t, name)
	e.Aliases = aliases
	return e
}

// identified returns e with the ISO 3166 code and Wikidata item a release gives.
func identified(e graph.Entity, iso3166, wikidata string) graph.Entity {
	e.ISO3166, e.Wikidata = iso3166, wikidata
	return e
}

func bayernJoinsGovdigital() graph.Release {
	return graph.Release{
		Source: "pm/2021-07-22-bayern-tritt-govdigital-bei.md",
		Title:  "Bayern tritt govdigital bei",
		Date:   "2021-07-22",
		Hash:   "bayern-govdigital-1",
		Entities: []graph.Entity{
			identified(entity(graph.State, "Bayern", "Freistaat Bayern"), "DE-BY", "Q980"),
			entity(graph.Organization, "govdigital", "govdigital eG"),
			entity(graph.Topic, "Blockchain"),
		},
		Facts: []graph.Fact{
			{Type: graph.MemberOf, From: bayern, To: govdigital, Confidence: 0.9, Rule: "member/mitglied",
				Sentence: "Der Freistaat Bayern ist ab sofort Mitglied der Genossenschaft govdigital."},
			{Type: graph.WorksOn, From: govdigital, To: blockchain, Confidence: 0.6, Rule: "works-on/erprobt",
				Sentence: "Die Genossenschaft erprobt Blockchain-Anwendungen für Behörden."},
		},
	}.WithID()
}

// bayernJoinsGovdigitalV2 is a changed version of bayernJoinsGovdigital: another date and
// hash, a new topic instead of Blockchain, no aliases, another sentence for the membership.
func bayernJoinsGovdigitalV2() graph.Release {
	return graph.Release{
		Source: "pm/2021-07-22-bayern-tritt-govdigital-bei.md",
		Title:  "Bayern tritt govdigital bei (aktualisiert)",
		Date:   "2021-07-23",
		Hash:   "bayern-govdigital-2",
		Entities: []graph.Entity{
			entity(graph.State, "Bayern"),
			entity(graph.Organization, "govdigital"),
			entity(graph.Topic, "Digitale Identitäten"),
		},
		Facts: []graph.Fact{
			{Type: graph.MemberOf, From: bayern, To: govdigital, Confidence: 0.8, Rule: "member/seit",
				Sentence: "Bayern ist seit Juli 2021 Mitglied von govdigital."},
			{Type: graph.WorksOn, From: govdigital, To: identitaeten, Confidence: 0.7, Rule: "works-on/entwickelt",
				Sentence: "govdigital entwickelt Lösungen für digitale Identitäten."},
		},
	}.WithID()
}

func brandenburgAndBayern() graph.Release {
	return graph.Release{
		Source: "pm/2021-09-01-brandenburg-und-bayern-bauen-cloud.md",
		Title:  "Brandenburg und Bayern bauen gemeinsame Verwaltungscloud",
		Date:   "2021-09-01",
		Hash:   "brandenburg-bayern-1",
		Entities: []graph.Entity{
			entity(graph.State, "Brandenburg", "Land Brandenburg"),
			entity(graph.State, "Bayern", "Bayern", "Land Bayern"),
			entity(graph.Person, "Karin Stübgen", "Stübgen"),
			entity(graph.Topic, "Cloud"),
			entity(graph.Project, "Cloud-Plattform Süd"),
		},
		Facts: []graph.Fact{
			// Stated with the ends against ID order: the store keeps them in ID order.
			{Type: graph.CooperatesWith, From: brandenburg, To: bayern, Confidence: 0.8, Rule: "coop/gemeinsam",
				Sentence: "Brandenburg und Bayern betreiben die Plattform künftig gemeinsam."},
			{Type: graph.HoldsRole, From: stuebgen, To: brandenburg, Role: "Innenministerin", Confidence: 0.9, Rule: "role/apposition",
				Sentence: "Innenministerin Karin Stübgen unterzeichnete die Vereinbarung in Potsdam.",
				Quote:    "„Gemeinsam kommen wir schneller voran“, sagte Stübgen."},
			{Type: graph.WorksOn, From: brandenburg, To: cloudSued, Confidence: 0.7, Rule: "works-on/bringt-ein",
				Sentence: "Brandenburg bringt seine Rechenzentren in die Cloud-Plattform Süd ein."},
			{Type: graph.WorksOn, From: bayern, To: cloud, Confidence: 0.5, Rule: "works-on/treibt-voran",
				Sentence: "Bayern treibt das Thema Cloud seit Jahren voran."},
		},
	}.WithID()
}

func hessenJoinsGovdigital() graph.Release {
	return graph.Release{
		Source: "pm/2022-03-15-hessen-wird-mitglied-bei-govdigital.md",
		Title:  "Hessen wird Mitglied bei govdigital",
		Date:   "2022-03-15",
		Hash:   "hessen-govdigital-1",
		Entities: []graph.Entity{
			entity(graph.State, "Hessen"),
			entity(graph.State, "Bayern"),
			entity(graph.Organization, "govdigital", "Genossenschaft govdigital"),
		},
		Facts: []graph.Fact{
			{Type: graph.MemberOf, From: hessen, To: govdigital, Confidence: 0.9, Rule: "member/beigetreten",
				Sentence: "Hessen ist der Genossenschaft govdigital beigetreten."},
			{Type: graph.MemberOf, From: bayern, To: govdigital, Confidence: 0.8, Rule: "member/gehoert-an",
				Sentence: "Bayern gehört der Genossenschaft bereits seit 2021 an."},
		},
	}.WithID()
}

// hessenAndFitko shares its date with brandenburgAndBayern and sorts after it by ID.
func hessenAndFitko() graph.Release {
	return graph.Release{
		Source: "pm/2021-09-01-hessen-und-fitko.md",
		Title:  "Hessen und FITKO vereinbaren Zusammenarbeit",
		Date:   "2021-09-01",
		Hash:   "hessen-fitko-1",
		Entities: []graph.Entity{
			identified(entity(graph.State, "Hessen"), "DE-HE", ""),
			entity(graph.Authority, "FITKO"),
			entity(graph.Topic, "Registermodernisierung"),
		},
		Facts: []graph.Fact{
			{Type: graph.CooperatesWith, From: hessen, To: fitko, Confidence: 0.8, Rule: "coop/zusammen",
				Sentence: "Hessen und die FITKO arbeiten bei der Registermodernisierung eng zusammen."},
			{Type: graph.WorksOn, From: fitko, To: registermod, Confidence: 0.7, Rule: "works-on/koordiniert",
				Sentence: "Die FITKO koordiniert die Registermodernisierung."},
		},
	}.WithID()
}

// datenstrasseNord is undated.
func datenstrasseNord() graph.Release {
	return graph.Release{
		Source: "https://example.org/presse/datenstrasse-nord.html",
		Title:  "Datenstraße Nord geht an den Start",
		Hash:   "datenstrasse-nord-1",
		Entities: []graph.Entity{
			entity(graph.State, "Hamburg"),
			entity(graph.Organization, "Dataport"),
			entity(graph.Organization, "Verwaltungscloud Nord"),
			entity(graph.Project, "Datenstraße Nord"),
		},
		Facts: []graph.Fact{
			{Type: graph.CooperatesWith, From: hamburg, To: dataport, Confidence: 0.8, Rule: "coop/gemeinsam",
				Sentence: "Hamburg und Dataport haben die Datenstraße Nord gemeinsam entwickelt."},
			{Type: graph.WorksOn, From: dataport, To: datenstrasse, Confidence: 0.7, Rule: "works-on/betreibt",
				Sentence: "Dataport betreibt die Datenstraße Nord."},
			{Type: graph.MemberOf, From: hamburg, To: vcNord, Confidence: 0.9, Rule: "member/gruendung",
				Sentence: "Hamburg ist Gründungsmitglied der Verwaltungscloud Nord."},
		},
	}.WithID()
}

// centralGermanStates and itVerbundMitte form the chain the Neighborhood tests walk:
// Sachsen – Thüringen, Sachsen-Anhalt (1) – IT-Verbund Mitte (2) – Registermodernisierung,
// Lena Voigt (3) – Statistikamt Nord, FITKO (4).
func centralGermanStates() graph.Release {
	return graph.Release{
		Source: "pm/2023-02-01-mitteldeutsche-laender-kooperieren.md",
		Title:  "Mitteldeutsche Länder kooperieren",
		Date:   "2023-02-01",
		Hash:   "mitteldeutschland-1",
		Entities: []graph.Entity{
			entity(graph.State, "Sachsen", "Freistaat Sachsen"),
			entity(graph.State, "Thüringen", "Freistaat Thüringen"),
			entity(graph.State, "Sachsen-Anhalt"),
			entity(graph.Organization, "IT-Verbund Mitte"),
		},
		Facts: []graph.Fact{
			{Type: graph.CooperatesWith, From: sachsen, To: thueringen, Confidence: 0.8, Rule: "coop/vereinbarung",
				Sentence: "Sachsen, Thüringen und Sachsen-Anhalt unterzeichnen eine Vereinbarung."},
			{Type: graph.CooperatesWith, From: sachsen, To: sachsenAnhalt, Confidence: 0.8, Rule: "coop/vereinbarung",
				Sentence: "Sachsen, Thüringen und Sachsen-Anhalt unterzeichnen eine Vereinbarung."},
			{Type: graph.CooperatesWith, From: thueringen, To: sachsenAnhalt, Confidence: 0.8, Rule: "coop/vereinbarung",
				Sentence: "Sachsen, Thüringen und Sachsen-Anhalt unterzeichnen eine Vereinbarung."},
			{Type: graph.MemberOf, From: thueringen, To: itVerbund, Confidence: 0.9, Rule: "member/traeger",
				Sentence: "Thüringen ist Träger des IT-Verbunds Mitte."},
			// A second sentence for a relation already stated: Weight stays 1.
			{Type: graph.CooperatesWith, From: thueringen, To: sachsen, Confidence: 0.7, Rule: "coop/teilen",
				Sentence: "Sachsen und Thüringen teilen sich künftig ein Rechenzentrum."},
		},
	}.WithID()
}

func itVerbundMitte() graph.Release {
	return graph.Release{
		Source: "pm/2023-05-10-it-verbund-mitte-startet-registerprojekt.md",
		Title:  "IT-Verbund Mitte startet Registerprojekt",
		Date:   "2023-05-10",
		Hash:   "it-verbund-mitte-1",
		Entities: []graph.Entity{
			entity(graph.Organization, "IT-Verbund Mitte", "Verbund Mitte"),
			entity(graph.Person, "Lena Voigt"),
			entity(graph.Topic, "Registermodernisierung"),
			entity(graph.Authority, "Statistikamt Nord"),
		},
		Facts: []graph.Fact{
			{Type: graph.WorksOn, From: itVerbund, To: registermod, Confidence: 0.7, Rule: "works-on/startet",
				Sentence: "Der IT-Verbund Mitte startet ein Projekt zur Registermodernisierung."},
			{Type: graph.HoldsRole, From: voigt, To: itVerbund, Role: "Vorständin", Confidence: 0.9, Rule: "role/apposition",
				Sentence: "Vorständin Lena Voigt stellte das Vorhaben vor."},
			{Type: graph.WorksOn, From: statistikamt, To: registermod, Confidence: 0.6, Rule: "works-on/liefert",
				Sentence: "Das Statistikamt Nord liefert die Registerdaten zu."},
		},
	}.WithID()
}
