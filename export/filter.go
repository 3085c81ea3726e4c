package export

import (
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// filterParams are the parameters ParseFilter reads, named as the arguments of GraphQL's
// network query.
var filterParams = []string{"types", "entityTypes", "state", "since", "until", "asOf"}

// ParseFilter returns the network filter that the query parameters q describe:
// types (relation types) and entityTypes, each comma-separated or repeated, state (a
// Land's entity ID such as "state:bayern", or its ISO 3166-2 code), and the dates since,
// until and asOf (YYYY-MM-DD). An unknown or repeated parameter, an unknown type or a
// malformed date is an EINVALID error.
func ParseFilter(q url.Values) (network.Filter, error) {
	var f network.Filter
	for _, name := range slices.Sorted(maps.Keys(q)) {
		values := q[name]
		if !slices.Contains(filterParams, name) {
			return f, graph.Errorf(graph.EINVALID, "unknown parameter %q: want %s", name, strings.Join(filterParams, ", "))
		}
		if name != "types" && name != "entityTypes" && len(values) > 1 {
			return f, graph.Errorf(graph.EINVALID, "parameter %q given %d times", name, len(values))
		}
	}
	for _, s := range list(q["types"]) {
		t, err := graph.ParseRelationType(s)
		if err != nil {
			return f, graph.Errorf(graph.EINVALID, "%s: want %s", graph.ErrorMessage(err), relationTypeNames())
		}
		f.RelationTypes = append(f.RelationTypes, t)
	}
	for _, s := range list(q["entityTypes"]) {
		t, err := graph.ParseEntityType(s)
		if err != nil {
			return f, graph.Errorf(graph.EINVALID, "%s: want %s", graph.ErrorMessage(err), entityTypeNames())
		}
		f.EntityTypes = append(f.EntityTypes, t)
	}
	f.State = strings.TrimSpace(q.Get("state"))
	f.Since = strings.TrimSpace(q.Get("since"))
	f.Until = strings.TrimSpace(q.Get("until"))
	f.AsOf = strings.TrimSpace(q.Get("asOf"))
	if err := f.Validate(); err != nil {
		return network.Filter{}, err
	}
	return f, nil
}

// list splits comma-separated values and drops empty items.
func list(values []string) []string {
	var out []string
	for _, v := range values {
		for s := range strings.SplitSeq(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func relationTypeNames() string {
	names := make([]string, len(graph.RelationTypes))
	for i, t := range graph.RelationTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

func entityTypeNames() string {
	names := make([]string, len(graph.EntityTypes))
	for i, t := range graph.EntityTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}
