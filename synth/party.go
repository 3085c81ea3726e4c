package synth

import "github.com/egovgraph/egovgraph/graph"

// kind is what a party is, as far as the sentences about it differ.
type kind int

const (
	kindState kind = iota
	kindFederal
	kindCity
	kindAuthority
	kindProvider // an IT service provider or cooperative
	kindBody     // an association, committee or network others join
)

// party is a public body or organization the releases name, with the phrases German
// sentences need for it.
type party struct {
	graph.Entity
	kind kind
	// subj is the name as the subject of a sentence, article included ("der Bund").
	subj string
	// of is the name after an office ("Vorstand der AKDB", "Präsident des BSI").
	of string
	// gen is the possessive before an office ("Bayerns Digitalministerin"), or "" where
	// German uses of instead.
	gen string
	// dat is the name as the object of beitreten ("der Genossenschaft govdigital"); set
	// for bodies others join.
	dat string
	// joins lists the kinds of party that become members; empty for those nobody joins.
	joins []kind
	// carrier reports whether members are its Träger rather than ordinary members.
	carrier bool
	// offices are the offices at the party, the first named most often.
	offices []role
	// post numbers the first of them among the offices of all parties.
	post int
}

func state(name, gen string) party {
	return party{Entity: graph.NewEntity(graph.State, name), kind: kindState, subj: name, of: "des Landes " + name, gen: gen}
}

func city(name string) party {
	return party{Entity: graph.NewEntity(graph.Municipality, name), kind: kindCity, subj: "die Stadt " + name, of: "der Stadt " + name}
}

// The parties, hubs first: parties are drawn with a Zipf distribution over this order, so
// that the first ones appear in many releases and the graph is connected through them, as
// the real one is.
var parties = func() []party {
	ps := []party{
		{Entity: graph.NewEntity(graph.Federal, "Bund"), kind: kindFederal, subj: "der Bund", of: "des Bundes"},
		state("Bayern", "Bayerns"),
		state("Nordrhein-Westfalen", "Nordrhein-Westfalens"),
		{Entity: graph.NewEntity(graph.Organization, "govdigital"), kind: kindBody, subj: "die Genossenschaft govdigital",
			of: "von govdigital", dat: "der Genossenschaft govdigital", joins: []kind{kindState, kindProvider, kindAuthority, kindCity}},
		{Entity: graph.NewEntity(graph.Organization, "Dataport"), kind: kindProvider, subj: "Dataport", of: "von Dataport",
			dat: "Dataport", joins: []kind{kindState}, carrier: true},
		{Entity: graph.NewEntity(graph.Organization, "IT-Planungsrat"), kind: kindBody, subj: "der IT-Planungsrat",
			of: "des IT-Planungsrats", dat: "dem IT-Planungsrat", joins: []kind{kindState, kindFederal}},
		state("Baden-Württemberg", "Baden-Württembergs"),
		{Entity: graph.NewEntity(graph.Authority, "FITKO"), kind: kindAuthority, subj: "die FITKO", of: "der FITKO"},
		state("Hessen", "Hessens"),
		state("Niedersachsen", "Niedersachsens"),
		state("Sachsen", "Sachsens"),
		state("Berlin", "Berlins"),
		state("Hamburg", "Hamburgs"),
		{Entity: graph.NewEntity(graph.Organization, "AKDB"), kind: kindProvider, subj: "die AKDB", of: "der AKDB",
			dat: "der AKDB", joins: []kind{kindCity}},
		state("Schleswig-Holstein", "Schleswig-Holsteins"),
		state("Brandenburg", "Brandenburgs"),
		{Entity: graph.NewEntity(graph.Organization, "Vitako"), kind: kindBody, subj: "die Vitako", of: "der Vitako",
			dat: "der Vitako", joins: []kind{kindProvider}},
		state("Thüringen", "Thüringens"),
		state("Rheinland-Pfalz", ""), // "Rheinland-Pfalz' Digitalminister" reads badly: of is used
		{Entity: graph.NewEntity(graph.Authority, "ITZBund"), kind: kindAuthority, subj: "das ITZBund", of: "des ITZBund"},
		state("Sachsen-Anhalt", "Sachsen-Anhalts"),
		{Entity: graph.NewEntity(graph.Organization, "Komm.ONE"), kind: kindProvider, subj: "die Komm.ONE", of: "der Komm.ONE",
			dat: "der Komm.ONE", joins: []kind{kindCity}, carrier: true},
		state("Mecklenburg-Vorpommern", "Mecklenburg-Vorpommerns"),
		state("Bremen", "Bremens"),
		{Entity: graph.NewEntity(graph.State, "Saarland"), kind: kindState, subj: "das Saarland", of: "des Saarlandes"},
		{Entity: graph.NewEntity(graph.Organization, "GovTech Campus"), kind: kindBody, subj: "der GovTech Campus",
			of: "des GovTech Campus", dat: "dem GovTech Campus", joins: []kind{kindState, kindFederal, kindAuthority, kindProvider}},
		{Entity: graph.NewEntity(graph.Authority, "BSI"), kind: kindAuthority, subj: "das BSI", of: "des BSI"},
		{Entity: graph.NewEntity(graph.Organization, "ekom21"), kind: kindProvider, subj: "ekom21", of: "von ekom21"},
		{Entity: graph.NewEntity(graph.Organization, "Digitalministerkonferenz"), kind: kindBody, subj: "die Digitalministerkonferenz",
			of: "der Digitalministerkonferenz", dat: "der Digitalministerkonferenz", joins: []kind{kindState}},
		{Entity: graph.NewEntity(graph.Organization, "DigitalService"), kind: kindProvider, subj: "der DigitalService", of: "des DigitalService"},
		{Entity: graph.NewEntity(graph.Organization, "regio iT"), kind: kindProvider, subj: "regio iT", of: "von regio iT"},
		{Entity: graph.NewEntity(graph.Authority, "BVA"), kind: kindAuthority, subj: "das BVA", of: "des BVA"},
		{Entity: graph.NewEntity(graph.Municipality, "Deutscher Städtetag"), kind: kindBody, subj: "der Deutsche Städtetag",
			of: "des Deutschen Städtetags", dat: "dem Deutschen Städtetag", joins: []kind{kindCity}},
		{Entity: graph.NewEntity(graph.Organization, "KDO"), kind: kindProvider, subj: "die KDO", of: "der KDO"},
		{Entity: graph.NewEntity(graph.Organization, "Initiative D21"), kind: kindBody, subj: "die Initiative D21",
			of: "der Initiative D21", dat: "der Initiative D21", joins: []kind{kindState, kindCity, kindProvider, kindAuthority}},
		{Entity: graph.NewEntity(graph.Organization, "ITK Rheinland"), kind: kindProvider, subj: "die ITK Rheinland", of: "der ITK Rheinland",
			dat: "der ITK Rheinland", joins: []kind{kindCity}, carrier: true},
		{Entity: graph.NewEntity(graph.Organization, "Südwestfalen-IT"), kind: kindProvider, subj: "die Südwestfalen-IT", of: "der Südwestfalen-IT"},
		{Entity: graph.NewEntity(graph.Organization, "KDN"), kind: kindBody, subj: "der KDN", of: "des KDN",
			dat: "dem KDN", joins: []kind{kindProvider}},
	}
	for _, c := range []string{
		"München", "Köln", "Leipzig", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Dortmund",
		"Dresden", "Hannover", "Nürnberg", "Bonn", "Münster", "Karlsruhe", "Augsburg", "Kiel",
		"Aachen", "Bielefeld", "Mannheim", "Freiburg", "Mainz", "Erfurt", "Rostock", "Kassel",
		"Potsdam", "Magdeburg", "Saarbrücken", "Chemnitz", "Lübeck", "Oldenburg", "Osnabrück",
		"Darmstadt", "Heidelberg", "Regensburg", "Paderborn", "Ingolstadt", "Würzburg", "Ulm",
		"Göttingen", "Jena", "Trier", "Schwerin", "Flensburg", "Bamberg", "Fulda", "Gießen",
	} {
		ps = append(ps, city(c))
	}
	for i := range ps {
		ps[i].offices = roles[ps[i].kind]
		ps[i].post = fixedPosts
		fixedPosts += len(ps[i].offices)
	}
	return ps
}()

// fixedPosts counts the offices of the parties in parties; the offices of municipalities
// follow.
var fixedPosts int

// Invented municipalities are named from these syllables, as a Gemeinde or a Landkreis.
var (
	placeHeads = []string{
		"Alten", "Neu", "Ober", "Unter", "Kirch", "Wald", "Berg", "Bach", "Eich", "Linden", "Hohen",
		"Rosen", "Stein", "Mühl", "Wester", "Oster", "Sonnen", "Buch", "Hasel", "Birken", "Tannen",
		"Wolfs", "Falken", "Schön",
	}
	placeTails = []string{
		"brück", "hausen", "feld", "dorf", "heim", "bach", "burg", "stedt", "ingen", "au", "rode",
		"hofen", "wald", "berg", "felden", "kirchen",
	}
)

// municipalities counts the invented municipalities.
var municipalities = 2 * len(placeHeads) * len(placeTails)

// municipality returns invented municipality k (0 ≤ k < municipalities).
func municipality(k int) party {
	n := len(placeHeads) * len(placeTails)
	name := placeHeads[k%n%len(placeHeads)] + placeTails[k%n/len(placeHeads)]
	p := party{kind: kindCity, post: fixedPosts + k}
	if k < n {
		p.Entity = graph.NewEntity(graph.Municipality, name)
		p.subj, p.of = "die Gemeinde "+name, "der Gemeinde "+name
		p.offices = []role{{"Bürgermeister", "Bürgermeisterin"}}
	} else {
		p.Entity = graph.NewEntity(graph.Municipality, "Landkreis "+name)
		p.subj, p.of = "der Landkreis "+name, "des Landkreises "+name
		p.offices = []role{{"Landrat", "Landrätin"}}
	}
	return p
}

// role is an office at a party, in its masculine and feminine forms.
type role struct{ m, f string }

// roles lists the offices each kind of party has; the first is named most often.
var roles = map[kind][]role{
	kindState: {{"Digitalminister", "Digitalministerin"}, {"Innenminister", "Innenministerin"},
		{"Staatssekretär", "Staatssekretärin"}, {"Ministerpräsident", "Ministerpräsidentin"}, {"CIO", "CIO"}},
	kindFederal:   {{"Bundesinnenminister", "Bundesinnenministerin"}, {"Staatssekretär", "Staatssekretärin"}, {"CIO", "CIO"}},
	kindCity:      {{"Oberbürgermeister", "Oberbürgermeisterin"}, {"Bürgermeister", "Bürgermeisterin"}},
	kindAuthority: {{"Präsident", "Präsidentin"}, {"Direktor", "Direktorin"}},
	kindProvider:  {{"Vorstand", "Vorstand"}, {"Geschäftsführer", "Geschäftsführerin"}, {"Vorstandsvorsitzender", "Vorstandsvorsitzende"}},
	kindBody:      {{"Geschäftsführer", "Geschäftsführerin"}, {"Vorstand", "Vorstand"}},
}

// Invented persons are named from these lists; female first names come first.
var (
	femaleNames = []string{
		"Anna", "Miriam", "Petra", "Sabine", "Katrin", "Ines", "Dorothea", "Karla", "Veronika",
		"Maren", "Lena", "Birgit", "Claudia", "Franziska", "Heike", "Jana", "Kerstin", "Nicole",
		"Silke", "Ulrike", "Yvonne", "Antje", "Christiane", "Doris",
	}
	maleNames = []string{
		"Jonas", "Lukas", "Tobias", "Mehmet", "Florian", "Ralf", "Holger", "Jürgen", "Olaf",
		"Bodo", "Enno", "Karsten", "Andreas", "Bernd", "Dirk", "Frank", "Georg", "Henning",
		"Ingo", "Jens", "Klaus", "Matthias", "Norbert", "Volker",
	}
	surnames = append([]string{
		"Albrecht", "Baumgart", "Brückner", "Claßen", "Dörfler", "Ebermann", "Engel", "Fuchs",
		"Größer", "Hagedorn", "Hänsel", "Hollstein", "Jäger", "Kaltwasser", "Kühn", "Lindemann",
		"Mertens", "Neubauer", "Oswald", "Pfeilsticker", "Quast", "Rendel", "Sailer", "Tietz",
		"Uhlig", "Vogt", "Wedelmann", "Wendt", "Zeller", "Ackermann", "Bachmeier", "Conradi",
		"Dreher", "Eggert", "Fleischer", "Gerstner", "Haberland", "Isenberg", "Jansen", "Kortmann",
		"Lorenzen", "Möllmann", "Nolting", "Ostermann", "Pohlmann", "Reinholz", "Schwarzer",
		"Thielemann", "Unger", "Vollmer", "Wiegand", "Ziegler", "Brandl", "Sommerfeld", "Kessler",
		"Hartwig", "Feldmann", "Rademacher", "Bertram", "Stoltenberg",
	}, compose(
		[]string{"Brand", "Stein", "Berg", "Wald", "Feld", "Hof", "Kirch", "Lind", "Mühl", "Roth",
			"Schwarz", "Weiß", "Groß", "Klein", "Lang", "Kurz", "Hart", "Fried", "Hein", "Wester"},
		[]string{"mann", "hoff", "meier", "bauer", "ner", "ert", "ke", "inger"})...)
)

// compose returns every head followed by every tail.
func compose(heads, tails []string) []string {
	var s []string
	for _, t := range tails {
		for _, h := range heads {
			s = append(s, h+t)
		}
	}
	return s
}

// topics are OZG Themenfelder and named e-government topic areas, by their canonical names.
var topics = []string{
	"Registermodernisierung", "Künstliche Intelligenz", "Cybersicherheit", "Digitale Souveränität",
	"Open Source", "Cloud-Infrastrukturen", "Once-Only-Prinzip", "Digitale Zwillinge", "Smart City",
	"Familie und Kind", "Bauen und Wohnen", "Arbeit und Ruhestand", "Mobilität und Reisen",
	"Steuern und Zoll", "Ein- und Auswanderung", "Recht und Ordnung", "Unternehmensführung und -entwicklung",
	"Engagement und Hobby", "Forschung und Förderung", "Blockchain",
}

// knownProjects are platforms of general knowledge; invented ones are built from
// projectHeads and projectTails, more of them the longer the corpus.
var (
	knownProjects = []string{"BundID", "FIT-Store", "FIT-Connect", "Deutsche Verwaltungscloud", "openDesk", "NOOTS", "EfA-Marktplatz", "ELFE"}
	projectHeads  = []string{
		"Bürgerpost", "Antragsfix", "Terminservice", "Formularlotse", "Datenbrücke", "Serviceportal",
		"Meldewesen digital", "Gewerbe online", "Kita-Finder", "Schulportal", "Bauantrag digital",
		"Wohngeldrechner", "Verwaltungsbot", "Aktenraum", "Fundbüro online", "Hundesteuer digital",
		"Ratsinfo", "Vergabeportal", "Geoportal", "Beteiligungsportal", "Förderlotse", "Parkausweis online",
		"Bibliothekskonto", "Personalakte digital", "Rechnungseingang", "Schöffenwahl online",
		"Sperrmüll-App", "Wahlhelfer-Portal", "Zuständigkeitsfinder", "Behördenchat",
	}
	projectTails = []string{"Nord", "Süd", "Ost", "West", "Mitte", "Plus", "2.0", "Pro", "Kompakt", "Express", "Connect", "360", "Next", "Flex", "Regio", "Basis"}
)

// places are where releases are datelined.
var places = []string{"Berlin", "München", "Düsseldorf", "Hamburg", "Wiesbaden", "Hannover", "Dresden", "Stuttgart", "Mainz", "Kiel", "Erfurt", "Potsdam"}
