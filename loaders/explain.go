package loaders

import "sort"

// Rule describes one extraction rule: its stable name (Fact.Rule), what it reads and how
// sure its facts are.
type Rule struct {
	Name        string
	Description string
	Confidence  float64
}

// rules is the catalogue of every rule that produces facts.
var rules = []Rule{
	{"role.title", "an office before the name: \"Bayerns Digitalministerin Judith Gerlach\"", 0.9},
	{"role.apposition", "an office after the name: \"Rudolf Schleyer, Vorstand der govdigital eG\"", 0.9},
	{"role.predicate", "an office as predicate: \"X ist Hauptgeschäftsführer des Deutschen Städtetages\"", 0.8},
	{"role.als", "\"in seiner Position als Vereinsvorstand\", \"ich als Vorsitzende\"", 0.7},
	{"role.elected", "an election: \"X wurde zum Verbandsvorsitzenden gewählt\"", 0.75},
	{"role.gremium", "\"X und Y wurden in den Vorstand berufen\": members of a board", 0.65},
	{"role.von", "\"Frank Bonse vom Finanzministerium\": a person from an authority or organization", 0.5},
	{"role.vorsitz", "\"unter dem Vorsitz von X\" at a body's meeting: X chairs the body", 0.6},
	{"role.vertreten", "\"Der Bund war durch Staatssekretär X vertreten\"", 0.65},
	{"role.nachfolge", "\"X tritt die Nachfolge von Geschäftsführer Y an\", \"X folgt auf Y\": X takes Y's office", 0.6},
	{"role.implicit", "an office without a named party, given to the party the release is about", 0.5},
	{"member.vertreten", "\"X vertritt den Bund im IT-Planungsrat\": the party represented is a member of the body", 0.7},
	{"coop.nachnutzung", "\"A übernimmt den Online-Dienst X des Landes B\": the re-user cooperates with the provider, both work on X", 0.75},
	{"member.beitritt", "\"Beitritt (des) X zu(r) Y\", \"verkündet den Beitritt zu Y\"", 0.85},
	{"member.beitreten", "\"X tritt Y bei\", \"X ist Y beigetreten\"", 0.85},
	{"member.anschluss", "\"X schließt sich Y an\"", 0.8},
	{"member.gruendung", "\"Gründungsmitglieder sind A, B und C\"", 0.85},
	{"member.mitglied", "\"X wird Mitglied der Y\", \"die neuen Y-Mitglieder A und B\"", 0.75},
	{"member.traeger", "\"X ist Träger der Y\", \"Y wird getragen durch A und B\"", 0.75},
	{"member.aufnahme", "\"A und B in den Y aufnehmen\"", 0.7},
	{"member.beteiligung", "\"X beteiligt sich an Y\"", 0.65},
	{"member.gesellschafter", "\"X ist Gesellschafter der Y\"", 0.7},
	{"member.teil", "\"X wird Teil einer Y\"", 0.7},
	{"member.angehoeren", "\"Y, der A, B und C angehören\", \"X gehört Y an\"", 0.75},
	{"member.bestehen", "\"Y, die aus A, B und C besteht\"", 0.75},
	{"member.hinzu", "\"X stößt zur Y hinzu\", \"X verstärkt die Y\"", 0.6},
	{"member.vorsitz", "the chair of a body is a member of it: \"unter dem Vorsitz von X\"", 0.6},
	{"member.gruendet", "\"X gründet den IT-Kooperationsrat\": founders are members", 0.6},
	{"member.anzahl", "\"Neun Vitako-Mitglieder und die Bundesdruckerei gründen …\" with nine other founders listed", 0.6},
	{"member.kopula", "a member noun with a copula: \"Gesellschafter der Y sind A und B\", \"Y ist eine gemeinsame Einrichtung der A und B\"", 0.7},
	{"member.liste", "a list of new members after \"Neu im Club sind:\"", 0.7},
	{"coop.zwischen", "\"Vereinbarung zwischen A und B\"", 0.85},
	{"coop.satz", "parties of a sentence that names a cooperation, agreement or pact", 0.7},
	{"coop.gemeinsam", "coordinated parties that act \"gemeinsam\" or as partners", 0.55},
	{"coop.partner", "\"mit dem Landkreis X als Hauptpartner entwickelt\": X and the developer", 0.6},
	{"coop.teilen", "a solution shared with other Länder (\"steht auch Bremen und Hamburg zur Verfügung\")", 0.6},
	{"coop.zitat", "a speaker's \"Zusammenarbeit mit X\": the speaker's party and X", 0.65},
	{"work.satz", "a party and the topic or project it develops, operates or advances in a sentence", 0.6},
	{"work.folgesatz", "a topic or project in the sentence after the one naming the parties", 0.45},
	{"work.home", "a list of projects in a release about one organization, without another party", 0.4},
	{"work.pronomen", "\"Umgesetzt wird es von A und B\": the project of the sentence before", 0.55},
	{"work.besitz", "\"unser neues Dashboard\", \"mit seiner Online-Baugenehmigung\": the owner", 0.55},
	{"work.herkunft", "\"der digitale Bauantrag aus Mecklenburg-Vorpommern\": the Land or town it comes from", 0.55},
	{"work.mit", "\"Das Land X hat mit dem Programm Y …\": the project a party works with", 0.5},
	{"work.jeweils", "\"die jeweiligen Portale A und B\": each party its own", 0.55},
}

var ruleByName = func() map[string]Rule {
	m := make(map[string]Rule, len(rules))
	for _, r := range rules {
		m[r.Name] = r
	}
	return m
}()

// Rules returns the catalogue of extraction rules, sorted by name.
func Rules() []Rule {
	out := append([]Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ExplainRule returns the rule named name; ok is false for an unknown name.
func ExplainRule(name string) (Rule, bool) {
	r, ok := ruleByName[name]
	return r, ok
}

// ruleConfidence returns the confidence of the facts the rule produces.
func ruleConfidence(name string) float64 {
	if r, ok := ruleByName[name]; ok {
		return r.Confidence
	}
	return 0.5
}
