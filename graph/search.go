package graph

import "strings"

// SearchRank ranks e for the query q: 0 when a name folds to exactly q, 1 when one starts
// with it, 2 when one contains it, and -1 when none matches. Stores order search results by
// rank, then by ID, so every store answers alike.
func SearchRank(e Entity, q string) int {
	return FoldedRank(FoldedNames(e), Fold(q))
}

// FoldedNames returns the name and the aliases of e folded, as FoldedRank ranks them. A
// store that keeps them folds each name once, when it writes the entity, instead of on
// every search.
func FoldedNames(e Entity) []string {
	folded := make([]string, 0, 1+len(e.Aliases))
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		folded = append(folded, Fold(n))
	}
	return folded
}

// FoldedRank is SearchRank for names and a query both folded already.
func FoldedRank(names []string, q string) int {
	if q == "" {
		return -1
	}
	best := -1
	for _, f := range names {
		rank := -1
		switch {
		case f == q:
			rank = 0
		case strings.HasPrefix(f, q):
			rank = 1
		case strings.Contains(f, q):
			rank = 2
		}
		if rank >= 0 && (best < 0 || rank < best) {
			best = rank
		}
	}
	return best
}
