package loaders

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/egovgraph/egovgraph/graph"
)

//go:embed data/*.tsv data/*.txt data/*.tsv.gz
var dataFS embed.FS

// gazEntry is one entity of the reference data: a Land, a federal body, an e-government
// organization, a city, a topic or a project, with the names under which texts cite it.
type gazEntry struct {
	Type    graph.EntityType
	Name    string
	Aliases []string
	// Kinds are the head nouns a definite description may use for the entry
	// ("die Genossenschaft" for govdigital), lower case.
	Kinds []string
	// ISO and QID identify Länder and states: ISO 3166-2 code and Wikidata item.
	ISO, QID string
	// City marks a municipality of the city list: it is a party only where it acts.
	City bool
	// Context "themenfeld" marks a topic named only after the word Themenfeld ("Bildung").
	Context string
	// Themenfeld is the OZG Themenfeld a topic is.
	Themenfeld string
	// Land is the Land a city lies in, "" when unknown or ambiguous.
	Land string
}

// gazForm is one token sequence under which an entry is cited.
type gazForm struct {
	keys  []string // folded tokens
	exact []string // tokens as written, for forms that must match in case (acronyms)
	entry *gazEntry
}

// Gazetteer is the reference data the extractor looks names up in.
type Gazetteer struct {
	entries []*gazEntry
	// forms indexes every form by its first folded token.
	forms map[string][]*gazForm
	// firstNames holds common first names, folded.
	firstNames map[string]bool
	// roles maps a folded role head ("minister") to its flags.
	roles map[string]string
	// stateAdj maps a folded adjective stem ("bayerisch") to its Land; cityAdj maps a
	// folded city adjective ("karlsruher") to its city.
	stateAdj map[string]*gazEntry
	cityAdj  map[string]*gazEntry
	byName   map[string]*gazEntry // folded canonical name → entry
	// byKind maps a folded kind ("staedtetag") to the municipal entries of that kind.
	byKind map[string]*gazEntry
	// digest identifies the data files the gazetteer was built from.
	digest string
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// defaultGazetteer returns the gazetteer built from the embedded data files; a broken data
// file is a bug of the build, so it panics.
func defaultGazetteer() *Gazetteer {
	gazOnce.Do(func() { gaz, gazErr = loadGazetteer() })
	if gazErr != nil {
		panic(gazErr)
	}
	return gaz
}

func loadGazetteer() (*Gazetteer, error) {
	h := sha256.New()
	g := &Gazetteer{
		forms:      map[string][]*gazForm{},
		firstNames: map[string]bool{},
		roles:      map[string]string{},
		stateAdj:   map[string]*gazEntry{},
		cityAdj:    map[string]*gazEntry{},
		byName:     map[string]*gazEntry{},
		byKind:     map[string]*gazEntry{},
	}
	err := readData(h, "data/states.tsv", 6, func(f []string) error {
		e := &gazEntry{Type: graph.EntityType(f[1]), Name: f[0], Aliases: splitList(f[4]), ISO: f[2], QID: f[3]}
		if !e.Type.Valid() {
			return fmt.Errorf("type %q", f[1])
		}
		g.add(e)
		for _, stem := range splitList(f[5]) {
			g.stateAdj[foldKey(stem)] = e
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/parties.tsv", 4, func(f []string) error {
		e := &gazEntry{Type: graph.EntityType(f[0]), Name: f[1], Aliases: splitList(f[2])}
		if !e.Type.Valid() {
			return fmt.Errorf("type %q", f[0])
		}
		for _, k := range splitList(f[3]) {
			e.Kinds = append(e.Kinds, strings.ToLower(k))
			if _, ok := g.byKind[foldKey(k)]; !ok && e.Type == graph.Municipality {
				g.byKind[foldKey(k)] = e
			}
		}
		g.add(e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/cities.tsv", 3, func(f []string) error {
		if _, ok := g.byName[graph.Fold(f[0])]; ok {
			// a city-state is already a Land; its adjective still names it.
			for _, a := range splitList(f[1]) {
				g.cityAdj[foldKey(a)] = g.byName[graph.Fold(f[0])]
			}
			return nil
		}
		e := &gazEntry{Type: graph.Municipality, Name: f[0], City: true, Kinds: []string{"stadt"}, Land: f[2]}
		g.add(e)
		for _, a := range splitList(f[1]) {
			g.cityAdj[foldKey(a)] = e
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/districts.tsv", 4, func(f []string) error {
		return g.addDistrict(f[0], f[2], f[3])
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/topics.tsv", 5, func(f []string) error {
		e := &gazEntry{Type: graph.Topic, Name: f[1], Aliases: splitList(f[2]), Context: f[4]}
		if f[3] == "ozg" {
			e.Themenfeld = f[1]
		}
		g.add(e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/projects.tsv", 2, func(f []string) error {
		g.add(&gazEntry{Type: graph.Project, Name: f[0], Aliases: splitList(f[1])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/firstnames.txt", 1, func(f []string) error {
		g.firstNames[foldKey(f[0])] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/municipalities.tsv", 2, func(f []string) error {
		g.addMunicipality(f[0], f[1] == "1")
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readData(h, "data/roles.txt", 1, func(f []string) error {
		flags := ""
		if len(f) > 1 {
			flags = f[1]
		}
		g.roles[foldKey(f[0])] = flags
		return nil
	})
	g.digest = hex.EncodeToString(h.Sum(nil))[:8]
	return g, err
}

// addDistrict adds a Kreis or a kreisfreie Stadt of the register, in Land land; kind is
// "landkreis", "kreis" or "stadt". A city the city list has already only learns its Land.
func (g *Gazetteer) addDistrict(name, land, kind string) error {
	if _, ok := g.byName[graph.Fold(land)]; !ok {
		return fmt.Errorf("unknown Land %q", land)
	}
	if kind == "stadt" {
		if e, ok := g.byName[graph.Fold(name)]; ok {
			if e.Type == graph.Municipality && e.Land == "" {
				e.Land = land
			}
			return nil
		}
		g.add(&gazEntry{Type: graph.Municipality, Name: name, City: true, Kinds: []string{"stadt"}, Land: land})
		return nil
	}
	if kind != "landkreis" && kind != "kreis" {
		return fmt.Errorf("unknown kind %q", kind)
	}
	g.add(&gazEntry{Type: graph.Municipality, Name: name, Aliases: districtForms(name), Kinds: []string{kind}, Land: land})
	return nil
}

// addMunicipality adds a Gemeinde or Stadt of the postal register that no other list has
// yet. Like the cities of the city list it is a party only where it acts. A name that is
// also a German word ("Essen", "Weil"), a first name or another entry's name is left out:
// bare, it would be read far more often as the word than as the town.
func (g *Gazetteer) addMunicipality(name string, word bool) {
	bare, _, qualified := strings.Cut(name, " (")
	if word || g.isFirstName(bare) {
		return
	}
	for _, n := range []string{name, bare} {
		if _, ok := g.byName[graph.Fold(n)]; ok {
			return
		}
		if toks := tokenize(n); len(toks) > 0 {
			for _, f := range g.forms[toks[0].Key] {
				if len(f.keys) == len(toks) && f.keys[len(f.keys)-1] == toks[len(toks)-1].Key {
					return
				}
			}
		}
	}
	e := &gazEntry{Type: graph.Municipality, Name: name, City: true, Kinds: []string{"gemeinde", "stadt"}}
	if qualified {
		// "Homberg (Efze)" is mostly written "Homberg"
		e.Aliases = []string{bare}
	}
	g.add(e)
	// the regular adjective of a town: "die Dorfprozeltener Bürgermeisterin"
	if !strings.ContainsAny(bare, " -") && !strings.HasSuffix(bare, "er") {
		adj := bare + "er"
		if strings.HasSuffix(bare, "e") {
			adj = bare + "r"
		}
		k := foldKey(adj)
		if _, taken := g.cityAdj[k]; !taken && g.stateAdj[k] == nil && !defaultLexicon().isNoun(adj) {
			g.cityAdj[k] = e
		}
	}
}

// districtForms returns the declined forms of a district's name: "Landkreises Calw",
// "Rhein-Kreises Neuss", "Oberbergischen Kreis", "Oberbergischen Kreises".
func districtForms(name string) []string {
	words := strings.Fields(name)
	var out []string
	for i, w := range words {
		if strings.HasSuffix(w, "kreis") || strings.HasSuffix(w, "Kreis") {
			gen := append(append(append([]string{}, words[:i]...), w+"es"), words[i+1:]...)
			out = append(out, strings.Join(gen, " "))
			if i > 0 && strings.HasSuffix(words[i-1], "er") {
				// an adjective before Kreis declines: "des Märkischen Kreises", "im Märkischen Kreis"
				adj := strings.TrimSuffix(words[i-1], "er") + "en"
				for _, k := range []string{w, w + "es"} {
					out = append(out, strings.Join(append(append(append([]string{}, words[:i-1]...), adj, k), words[i+1:]...), " "))
				}
			}
			break
		}
	}
	return out
}

// readData calls fn with the tab-separated fields of every line of the embedded file name
// that is neither empty nor a comment, padded to at least n fields; h digests the file.
func readData(h hash.Hash, name string, n int, fn func([]string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	h.Write(b)
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		for len(f) < n {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// add indexes e under its name, its aliases and their inflected forms.
func (g *Gazetteer) add(e *gazEntry) {
	g.entries = append(g.entries, e)
	if _, ok := g.byName[graph.Fold(e.Name)]; !ok {
		g.byName[graph.Fold(e.Name)] = e
	}
	seen := map[string]bool{}
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		for _, v := range inflections(e, name) {
			toks := tokenize(v)
			if len(toks) == 0 {
				continue
			}
			f := &gazForm{entry: e}
			for _, t := range toks {
				f.keys = append(f.keys, t.Key)
			}
			k := strings.Join(f.keys, " ")
			if isAcronym(v) {
				k += "|" + v
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			if isAcronym(v) {
				for _, t := range toks {
					f.exact = append(f.exact, t.Text)
				}
			}
			g.forms[f.keys[0]] = append(g.forms[f.keys[0]], f)
		}
	}
}

// inflections returns name and the inflected forms a text may use: the genitive of a
// single word ("Dataports") and the declined adjective of a multi-word topic ("digitalen
// Souveränität").
func inflections(e *gazEntry, name string) []string {
	out := []string{name}
	words := strings.Fields(name)
	if len(words) == 1 && e.Type != graph.Topic && !isAcronym(name) {
		last, _ := utf8.DecodeLastRuneInString(name)
		if unicode.IsLetter(last) && !strings.ContainsRune("sßxz", unicode.ToLower(last)) {
			out = append(out, name+"s")
		}
	}
	if len(words) > 1 && strings.HasSuffix(words[0], "e") && (e.Type == graph.Topic || e.Type == graph.Project) {
		for _, end := range []string{"en", "er", "es"} {
			out = append(out, words[0]+end[1:]+" "+strings.Join(words[1:], " "))
		}
	}
	// a body whose name opens with an adjective declines it: "der Kommunalen IT-Union",
	// "des Bayerischen Staatsministeriums"
	if len(words) > 1 && e.Type.IsParty() && e.Type != graph.Person && startsUpper(words[0]) &&
		(adjectiveLike(foldKey(strings.TrimSuffix(words[0], "s"))) || strings.HasSuffix(strings.TrimSuffix(words[0], "s"), "sche")) {
		rest := strings.Join(words[2:], " ")
		if rest != "" {
			rest = " " + rest
		}
		switch {
		case strings.HasSuffix(words[0], "e"): // feminine
			out = append(out, words[0]+"n "+words[1]+rest)
		case strings.HasSuffix(words[0], "es"): // neuter: the head takes -s in the genitive
			adj := strings.TrimSuffix(words[0], "s") + "n "
			out = append(out, adj+words[1]+rest, adj+words[1]+"s"+rest)
		}
	}
	return out
}

// isAcronym reports whether s is a short all-capitals name ("BMI", "MV", "EfA") that must
// match in case, so that common words do not pass for it.
func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) > 5 || strings.ContainsRune(s, ' ') {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// isFirstName reports whether the token is a common first name.
func (g *Gazetteer) isFirstName(tok string) bool {
	if !startsUpper(tok) {
		return false
	}
	if g.firstNames[foldKey(tok)] {
		return true
	}
	// hyphenated first names: "Ina-Marina", "Hans-Jürgen"
	if i := strings.IndexByte(tok, '-'); i > 0 {
		return g.firstNames[foldKey(tok[:i])] && g.firstNames[foldKey(tok[i+1:])]
	}
	return false
}

// roleHead returns the role head a word ends in ("Digitalministerin" → "ministerin") and
// its flags; ok is false when the word names no office.
func (g *Gazetteer) roleHead(word string) (head, flags string, ok bool) {
	k := foldKey(word)
	if f, found := g.roles[k]; found {
		return k, f, true
	}
	// the longest head the word ends in, for compounds ("Landesdigitalisierungsminister")
	for p := 1; p+5 <= len(k); p++ {
		if f, found := g.roles[k[p:]]; found && !strings.Contains(f, "exact") {
			return k[p:], f, true
		}
	}
	return "", "", false
}

// foldKey folds a single token for lookups: lower case, umlauts spelled out, no spaces.
func foldKey(s string) string {
	return strings.ReplaceAll(graph.Fold(s), " ", "")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
