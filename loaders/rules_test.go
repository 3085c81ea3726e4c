package loaders

import (
	"strings"
	"testing"
)

// ruleCase is a release text and the facts (by factKey) the rules must and must not read
// from it, before the learned stage weighs them.
type ruleCase struct {
	name    string
	text    string
	want    []string
	notWant []string
}

func runRuleCases(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel := MustExtractRules(t, tt.text)
			got := factKeys(rel)
			for _, w := range tt.want {
				if _, ok := got[w]; !ok {
					t.Errorf("missing %q; got %q", w, keysOf(got))
				}
			}
			for _, w := range tt.notWant {
				if _, ok := got[w]; ok {
					t.Errorf("got %q, want no such fact", w)
				}
			}
		})
	}
}

func TestRolesRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "double surname", text: "# Test\n\n„Wir sind stolz“, sagte Landrat Christian Probe Quastenberger vom Kreis Testfeld.\n",
			want: []string{"HOLDS_ROLE Christian Probe Quastenberger > Kreis Testfeld"}},
		{name: "truncated compound before the town", text: "# Test\n\nAnna Probe, Oberbürgermeisterin der Hanse- und Universitätsstadt Musterhafen, unterzeichnete.\n",
			want: []string{"HOLDS_ROLE Anna Probe > Musterhafen"}, notWant: []string{"HOLDS_ROLE Anna Probe > Hanse-"}},
		{name: "a.D. before and after the office", text: "# Test\n\nDer hessische Staatssekretär a.D. Hans Probe sprach. Otto Muster, Landrat a.D. des Kreises Heroldstatt, kam auch.\n",
			notWant: []string{"HOLDS_ROLE Hans Probe > Hessen", "HOLDS_ROLE Otto Muster > Kreis Heroldstatt"}},
		{name: "deputy abbreviated", text: "# Vorstand des Zweckverbands Nordwerk\n\nDer neue Vorstand: Anna Probe (Stellv. Geschäftsleiterin) und Otto Muster (Geschäftsleiter).\n",
			want: []string{"HOLDS_ROLE Anna Probe > Nordwerk", "HOLDS_ROLE Otto Muster > Nordwerk"}},
		{name: "lower-case Land adjective before an association", text: "# Test\n\nDer Vorstand des saarländischen Städtetags hat Otto Muster zum Geschäftsführer gewählt.\n",
			want: []string{"HOLDS_ROLE Otto Muster > Städtetag Saarland"}},
		{name: "successor takes the office", text: "# Test\n\nAnna Probe tritt die Nachfolge von Geschäftsführer Otto Muster beim Städtetag Saarland an.\n",
			want: []string{"HOLDS_ROLE Anna Probe > Städtetag Saarland", "HOLDS_ROLE Otto Muster > Städtetag Saarland"}},
		{name: "town adjective and genitive of the register", text: "# Test\n\nDie Heroldstatter Bürgermeisterin Eva Probe und Knüllwalds Bürgermeister Otto Muster dankten.\n",
			want: []string{"HOLDS_ROLE Eva Probe > Heroldstatt", "HOLDS_ROLE Otto Muster > Knüllwald"}},
		{name: "genitive before title", text: "# Test\n\nNiedersachsens Innenministerin Petra Probe eröffnete die Konferenz.\n",
			want: []string{"HOLDS_ROLE Petra Probe > Niedersachsen"}},
		{name: "adjective before title", text: "# Test\n\nDer hessische Digitalminister Karl Probe sprach.\n",
			want: []string{"HOLDS_ROLE Karl Probe > Hessen"}},
		{name: "apposition with genitive party", text: "# Test\n\nMartin Muster, Vorstand der Dataport AöR, erklärte das Vorhaben.\n",
			want: []string{"HOLDS_ROLE Martin Muster > Dataport"}},
		{name: "apposition, two offices", text: "# Test\n\nHans Probe, Vorsitzender des Städtetags Baden-Württemberg und Bürgermeister der Stadt Musterheim, sprach.\n",
			want: []string{"HOLDS_ROLE Hans Probe > Städtetag Baden-Württemberg", "HOLDS_ROLE Hans Probe > Musterheim"}},
		{name: "ministry in parentheses", text: "# Test\n\nStaatssekretär Dr. Markus Richter (BMI) stellte die Pläne vor.\n",
			want: []string{"HOLDS_ROLE Markus Richter > BMI"}},
		{name: "federal office", text: "# Test\n\nBundes-CIO Markus Richter besuchte Bremen.\n",
			want: []string{"HOLDS_ROLE Markus Richter > Bund"}},
		{name: "district head by city adjective", text: "# Test\n\nDer Böblinger Landrat Roland Probe eröffnete die Sitzung.\n",
			want: []string{"HOLDS_ROLE Roland Probe > Landkreis Böblingen"}},
		{name: "elected", text: "# Test\n\nDie Verbandsversammlung hat Landrätin Eva Muster (Landkreis Testheim) zur Verbandsvorsitzenden der ITK Rheinland gewählt.\n",
			want: []string{"HOLDS_ROLE Eva Muster > ITK Rheinland", "HOLDS_ROLE Eva Muster > Landkreis Testheim"}},
		{name: "mayor of an unknown town", text: "# Test\n\nAnna Schmidt (SPD), Bürgermeisterin von Testdorf, lobte die Initiative.\n",
			want: []string{"HOLDS_ROLE Anna Schmidt > Testdorf"}},
		{name: "first name not in the list", text: "# Test\n\nKristjan Järvan, Minister für Wirtschaft Estlands, traf die Delegation.\n",
			want: []string{"HOLDS_ROLE Kristjan Järvan > Estland"}},
		{name: "former office", text: "# Test\n\nDer ehemalige Innenminister Karl Alt aus Bayern war Gast.\n",
			notWant: []string{"HOLDS_ROLE Karl Alt > Bayern"}},
		{name: "implicit party", text: "# Sachsen startet Portal\n\nDas Land Sachsen startet ein Portal. Digitalministerin Anna Probe sagte, das Portal sei fertig.\n",
			want: []string{"HOLDS_ROLE Anna Probe > Sachsen"}},
	})
}

func TestMembershipRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "consists of, main clause", text: "# Test\n\nDer Zweckverband Kommunale IT Ost besteht aus der Stadt Heroldstatt und der Gemeinde Knüllwald.\n",
			want: []string{"MEMBER_OF Heroldstatt > Zweckverband Kommunale IT Ost", "MEMBER_OF Knüllwald > Zweckverband Kommunale IT Ost"}},
		{name: "a union of towns", text: "# Test\n\nDie IT-Kooperation Rhein ist ein Zusammenschluss der Gemeinden Knüllwald, Frielendorf und Schwarzenborn.\n",
			want: []string{"MEMBER_OF Knüllwald > IT-Kooperation Rhein", "MEMBER_OF Frielendorf > IT-Kooperation Rhein", "MEMBER_OF Schwarzenborn > IT-Kooperation Rhein"}},
		{name: "taking the chair of an alliance", text: "# Test\n\nDer Landkreis Probekreis übernimmt den Vorsitz der Digitalallianz West.\n",
			want: []string{"MEMBER_OF Landkreis Probekreis > Digitalallianz West"}},
		{name: "represented in a body", text: "# Test\n\nAnna Probe wird ab dieser Woche die Landesregierung Hessen im IT-Planungsrat vertreten.\n",
			want: []string{"MEMBER_OF Hessen > IT-Planungsrat"}},
		{name: "a provider named after its generic noun", text: "# Test\n\nDie Stadt Testhausen und ihr IT-Dienstleister Tewerk sind der Genossenschaft Nordwerk beigetreten.\n",
			want: []string{"MEMBER_OF Testhausen > Nordwerk", "MEMBER_OF Tewerk > Nordwerk"}},
		{name: "members of a Verein in the genitive", text: "# Test\n\nZu den Mitgliedern des Vereins Digitale Region zählen die Städte Aheim, Beheim und Ceheim.\n",
			want: []string{"MEMBER_OF Aheim > Digitale Region", "MEMBER_OF Beheim > Digitale Region", "MEMBER_OF Ceheim > Digitale Region"}},
		{name: "Stadtwerke as a member", text: "# Test\n\nDie Stadtwerke Deheim sind seit Januar Mitglied im Zweckverband Kommunale IT Süd.\n",
			want: []string{"MEMBER_OF Stadtwerke Deheim > Zweckverband Kommunale IT Süd"}},
		{name: "a cooperative by its name", text: "# Test\n\nDie Genossenschaft Nordwerk begrüßt die Stadt Testhausen als neues Mitglied.\n",
			want: []string{"MEMBER_OF Testhausen > Nordwerk"}},
		{name: "carriers listed after the body", text: "# Test\n\nDer Zweckverband Nordwerk betreibt Rechenzentren für den Norden. Träger sind die Länder Bremen und Hamburg sowie die Stadt Musterhafen.\n",
			want: []string{"MEMBER_OF Bremen > Nordwerk", "MEMBER_OF Hamburg > Nordwerk", "MEMBER_OF Musterhafen > Nordwerk"}},
		{name: "copula, members after", text: "# Test\n\nTräger des Zweckverbands Kommunale IT Musterland (KIM) sind die Landkreise Dehagen und Eberg sowie die Stadt Fefurt.\n",
			want: []string{"MEMBER_OF Landkreis Dehagen > KIM", "MEMBER_OF Landkreis Eberg > KIM", "MEMBER_OF Fefurt > KIM"}},
		{name: "copula, members before", text: "# Test\n\nDie Stadt Gestadt und der Markt Hedorf sind neue Gesellschafter der Muster-IT GmbH.\n",
			want: []string{"MEMBER_OF Gestadt > Muster-IT", "MEMBER_OF Hedorf > Muster-IT"}},
		{name: "joint body", text: "# Test\n\nDie Beispiel-Data AöR ist eine gemeinsame Einrichtung der Städte Aberg, Bedorf und Cestadt.\n",
			want:    []string{"MEMBER_OF Aberg > Beispiel-Data", "MEMBER_OF Cestadt > Beispiel-Data"},
			notWant: []string{"MEMBER_OF Beispiel-Data > Aberg"}},
		{name: "tritt bei", text: "# Hessen tritt govdigital bei\n\nDas Land will die Digitalisierung voranbringen.\n",
			want: []string{"MEMBER_OF Hessen > govdigital"}},
		{name: "wird Mitglied", text: "# Test\n\nDie FITKO wird Mitglied der Vitako.\n",
			want: []string{"MEMBER_OF FITKO > Vitako"}},
		{name: "schließt sich an", text: "# Test\n\nDie Stadt Probstadt schließt sich dem Zweckverband KISA an.\n",
			want: []string{"MEMBER_OF Probstadt > KISA"}},
		{name: "Träger", text: "# Test\n\nDer Landkreis Testheim ist Träger der d-NRW AöR.\n",
			want: []string{"MEMBER_OF Landkreis Testheim > d-NRW"}},
		{name: "getragen durch", text: "# Test\n\nDie FITKO wird getragen durch den Bund und die Länder.\n",
			want: []string{"MEMBER_OF Bund > FITKO"}},
		{name: "besteht aus", text: "# Test\n\nBrandenburg wird Teil einer Entwicklergemeinschaft, die aus Bayern, Hessen und dem Bund besteht.\n",
			want: []string{"MEMBER_OF Brandenburg > Entwicklergemeinschaft", "MEMBER_OF Hessen > Entwicklergemeinschaft", "MEMBER_OF Bund > Entwicklergemeinschaft"}},
		{name: "new members listed", text: "# Test\n\nDie Vitako begrüßt die neuen Vitako-Mitglieder Lecos und KDN.\n",
			want: []string{"MEMBER_OF Lecos > Vitako", "MEMBER_OF KDN > Vitako"}},
		{name: "angehören", text: "# Test\n\nBrandenburg wird Teil einer Entwicklergemeinschaft, der bereits Bayern und Hessen angehören.\n",
			want: []string{"MEMBER_OF Bayern > Entwicklergemeinschaft", "MEMBER_OF Hessen > Entwicklergemeinschaft"}},
		{name: "founders", text: "# Test\n\nDie IT-Dienstleister ekom21 und Dataport haben die Genossenschaft „Wolke Nord eG“ gegründet.\n",
			want: []string{"MEMBER_OF ekom21 > Wolke Nord", "MEMBER_OF Dataport > Wolke Nord"}},
		{name: "relative clause is no member", text: "# Test\n\nDer Freistaat Bayern tritt der Genossenschaft govdigital bei, die für Bund, Länder und Kommunen Lösungen entwickelt.\n",
			want: []string{"MEMBER_OF Bayern > govdigital"}, notWant: []string{"MEMBER_OF Bund > govdigital"}},
		{name: "counted group", text: "# Test\n\nZwei Vitako-Mitglieder und die Bundesdruckerei gründen eine Genossenschaft. Die Gründungsmitglieder sind Dataport, ekom21 und die Bundesdruckerei.\n",
			want: []string{"MEMBER_OF Dataport > Vitako", "MEMBER_OF ekom21 > Vitako"}, notWant: []string{"MEMBER_OF Bundesdruckerei > Vitako"}},
		{name: "leaving is no membership", text: "# Test\n\nDie Stadt Probstadt ist aus dem Zweckverband KISA ausgetreten.\n",
			notWant: []string{"MEMBER_OF Probstadt > KISA"}},
	})
}

func TestCooperationRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "re-use of another Land's service", text: "# Test\n\nDie Stadt Lorsch übernimmt den Online-Dienst „Wohngeld Digital“ des Landes Hessen.\n",
			want: []string{"COOPERATES_WITH Hessen > Lorsch", "WORKS_ON Lorsch > Wohngeld Digital", "WORKS_ON Hessen > Wohngeld Digital"}},
		{name: "towns of the postal register", text: "# Test\n\nHeroldstatt und Knüllwald arbeiten künftig bei der Digitalisierung zusammen.\n",
			want: []string{"COOPERATES_WITH Heroldstatt > Knüllwald"}},
		{name: "coordinated subject", text: "# Test\n\nBremen und Hamburg arbeiten bei der Digitalisierung enger zusammen.\n",
			want: []string{"COOPERATES_WITH Bremen > Hamburg"}},
		{name: "zwischen", text: "# Test\n\nDie Vereinbarung zwischen dem Saarland und dem Zweckverband eGo-Saar gilt ab sofort.\n",
			want: []string{"COOPERATES_WITH Saarland > eGo-Saar"}},
		{name: "three parties", text: "# Test\n\nBerlin, Bremen und Hessen haben eine Absichtserklärung unterzeichnet.\n",
			want: []string{"COOPERATES_WITH Berlin > Bremen", "COOPERATES_WITH Berlin > Hessen", "COOPERATES_WITH Bremen > Hessen"}},
		{name: "signers stand for their parties", text: "# Test\n\nDazu haben Bayerns Digitalministerin Anna Probe und Thüringens Finanzminister Karl Test eine Kooperationsvereinbarung unterzeichnet.\n",
			want: []string{"COOPERATES_WITH Bayern > Thüringen"}},
		{name: "contract is no cooperation", text: "# Test\n\nDataport hat Bechtle den Zuschlag für die Zusammenarbeit beim Aufbau erteilt.\n",
			notWant: []string{"COOPERATES_WITH Bechtle > Dataport", "COOPERATES_WITH Dataport > Bechtle"}},
		{name: "gemeinsam mit", text: "# Test\n\nGemeinsam mit dem Landkreis Oberhavel entwickelt die Stadt Potsdam eine App.\n",
			want: []string{"COOPERATES_WITH Landkreis Oberhavel > Potsdam"}},
		{name: "shared with other Länder", text: "# Sachsen-Anhalt teilt Infrastruktur\n\nDie Infrastruktur von Sachsen-Anhalt steht auch anderen Ländern zur Verfügung: Bremen und Hamburg.\n",
			want: []string{"COOPERATES_WITH Sachsen-Anhalt > Bremen", "COOPERATES_WITH Sachsen-Anhalt > Hamburg"}},
		{name: "dateline is a place", text: "# Test\n\nBerlin, 5. Mai 2023 – Hessen und Bremen haben eine Kooperationsvereinbarung geschlossen.\n",
			want: []string{"COOPERATES_WITH Bremen > Hessen"}, notWant: []string{"COOPERATES_WITH Berlin > Hessen"}},
		{name: "side by side is no cooperation", text: "# Test\n\nBayern und Hessen haben die meisten Einwohner.\n",
			notWant: []string{"COOPERATES_WITH Bayern > Hessen"}},
	})
}

func TestWorkRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "service named with a postposed attribute", text: "# Test\n\nSachsen-Anhalt hat Kita-Geld Digital entwickelt.\n",
			want: []string{"WORKS_ON Sachsen-Anhalt > Kita-Geld Digital"}},
		{name: "platform compound", text: "# Test\n\nDas Land Hessen betreibt die Muster-Cloud für alle Kommunen.\n",
			want: []string{"WORKS_ON Hessen > Muster-Cloud"}},
		{name: "subject develops project", text: "# Test\n\nBayern entwickelt seit Jahren das BayernPortal weiter.\n",
			want: []string{"WORKS_ON Bayern > BayernPortal"}},
		{name: "brings experience in topic", text: "# Test\n\nBrandenburg bringt seine Erfahrungen aus dem OZG-Themenfeld Ein- und Auswanderung ein.\n",
			want: []string{"WORKS_ON Brandenburg > Ein- und Auswanderung"}},
		{name: "relative clause", text: "# Test\n\nDer Freistaat Bayern schließt sich der Genossenschaft govdigital an, die in den Bereichen Blockchain und Künstliche Intelligenz Lösungen entwickelt.\n",
			want:    []string{"WORKS_ON govdigital > Blockchain", "WORKS_ON govdigital > Künstliche Intelligenz"},
			notWant: []string{"WORKS_ON Bayern > Blockchain"}},
		{name: "each its own", text: "# Test\n\nBaden-Württemberg und Sachsen wollen ihre Portale ausbauen. Dabei sollen die jeweiligen Serviceportale service-bw und Amt24 weiterentwickelt werden.\n",
			want:    []string{"WORKS_ON Baden-Württemberg > service-bw", "WORKS_ON Sachsen > Amt24"},
			notWant: []string{"WORKS_ON Sachsen > service-bw"}},
		{name: "programme worked with", text: "# Test\n\nDas Land Hessen hat mit dem Programm „Digitales Amt“ neue Strukturen geschaffen.\n",
			want: []string{"WORKS_ON Hessen > Digitales Amt"}},
		{name: "funder works on nothing", text: "# Test\n\nDie Stadt Probstadt entwickelt das Projekt „Bürger-App“. Das Projekt wird vom Freistaat Sachsen gefördert.\n",
			want: []string{"WORKS_ON Probstadt > Bürger-App"}, notWant: []string{"WORKS_ON Sachsen > Bürger-App"}},
		{name: "topic named in passing", text: "# Test\n\nIn Hessen ist Bildung ein großes Thema.\n",
			notWant: []string{"WORKS_ON Hessen > Bildung"}},
	})
}

func TestCorefRules(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "der Freistaat", text: "# Sachsen startet Kooperation\n\nDer Freistaat Sachsen baut seine Portale aus. Der Freistaat schließt sich damit der Genossenschaft govdigital an.\n",
			want: []string{"MEMBER_OF Sachsen > govdigital"}},
		{name: "beide Länder", text: "# Test\n\nBremen will mit Hamburg enger arbeiten. Die beiden Länder haben eine Kooperationsvereinbarung geschlossen.\n",
			want: []string{"COOPERATES_WITH Bremen > Hamburg"}},
		{name: "wir in a quote", text: "# Test\n\nBayerns Digitalministerin Anna Probe erklärt: „Wir arbeiten eng mit Hessen zusammen.“\n",
			want: []string{"COOPERATES_WITH Bayern > Hessen"}},
		{name: "surname refers back", text: "# Test\n\nHessens Digitalministerin Anna Probe eröffnete. „Wir sind bereit“, sagte Probe.\n",
			want: []string{"HOLDS_ROLE Anna Probe > Hessen"}},
	})
	rel := MustExtractText(t, "# Test\n\nDie Bürgermeisterin Dr. Anna Probe aus Testheim sprach. Probe sagte, die Stadt sei bereit.\n")
	for _, e := range rel.Entities {
		if strings.HasPrefix(e.Name, "Dr") || e.Name == "Probe" {
			t.Errorf("person named %q, want the full name without title", e.Name)
		}
	}
}
