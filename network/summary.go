package network

import (
	"cmp"
	"slices"

	"github.com/egovgraph/egovgraph/graph"
)

// CoMember is a party that shares organizations with another: both are members of each.
type CoMember struct {
	Party graph.Entity
	// Shared are the organizations both are members of, ordered by ID.
	Shared []graph.Entity
}

// CoMembership returns a page of the parties that share an organization with the entity
// id, those sharing most first, then by ID; the cursor is a party's ID. An unknown entity
// is ENOTFOUND.
func (x *View) CoMembership(id string, p graph.Page) (graph.Paged[CoMember], error) {
	if err := p.Validate(); err != nil {
		return graph.Paged[CoMember]{}, err
	}
	i, err := x.entity(id)
	if err != nil {
		return graph.Paged[CoMember]{}, err
	}
	return pageOf(x.coMembers.get(x.computeCoMembers)[i], p, func(c coMember) string { return x.entities[c.party].ID },
		func(c coMember) CoMember {
			out := CoMember{Party: x.entities[c.party], Shared: make([]graph.Entity, len(c.shared))}
			for k, org := range c.shared {
				out.Shared[k] = x.entities[org]
			}
			return out
		})
}

// computeCoMembers lists, for each entity, the others that are members of an organization
// it is member of, with those organizations.
func (x *View) computeCoMembers() [][]coMember {
	n := len(x.entities)
	memberOf, members := make([][]int, n), make([][]int, n)
	for i, r := range x.relations {
		if r.Type == graph.MemberOf {
			e := x.ends[i]
			memberOf[e[0]] = append(memberOf[e[0]], e[1])
			members[e[1]] = append(members[e[1]], e[0])
		}
	}
	out := make([][]coMember, n)
	for p := range n {
		shared := map[int][]int{}
		for _, org := range memberOf[p] {
			for _, q := range members[org] {
				if q != p {
					shared[q] = append(shared[q], org)
				}
			}
		}
		for q, orgs := range shared {
			slices.Sort(orgs)
			out[p] = append(out[p], coMember{party: q, shared: slices.Compact(orgs)})
		}
		slices.SortFunc(out[p], func(a, b coMember) int {
			if c := cmp.Compare(len(b.shared), len(a.shared)); c != 0 {
				return c
			}
			return cmp.Compare(a.party, b.party)
		})
	}
	return out
}

// Link is an entity related to the one a summary is about, and the relation between them.
type Link struct {
	Entity   graph.Entity
	Relation graph.Relation
}

// Summary is what the releases say about one Land.
type Summary struct {
	State graph.Entity
	// Partners are the parties it cooperates with; Memberships the organizations it is a
	// member of; Topics and Projects what it works on. Each list has the strongest first
	// (most releases), then is ordered by the related entity's ID.
	Partners, Memberships, Topics, Projects []Link
	// Offices are the posts at the state, with who held them when.
	Offices    []Post
	Centrality Centrality
}

// StateSummary returns the summary of the Land named by its entity ID ("state:bayern") or its
// ISO 3166-2 code ("DE-BY"). An unknown one is ENOTFOUND; an entity that is no state is
// EINVALID.
func (x *View) StateSummary(state string) (Summary, error) {
	i, err := x.state(state)
	if err != nil {
		return Summary{}, err
	}
	return *x.summaries.get(x.computeSummaries)[i], nil
}

// computeSummaries returns the summary of every state by its position.
func (x *View) computeSummaries() map[int]*Summary {
	out := map[int]*Summary{}
	for i, e := range x.entities {
		if e.Type != graph.State {
			continue
		}
		s := &Summary{State: e, Centrality: x.centralityOf(i)}
		for _, r := range x.incident[i] {
			rel := x.relations[r]
			other := otherEnd(x.ends[r], i)
			link := Link{Entity: x.entities[other], Relation: rel}
			switch {
			case rel.Type == graph.CooperatesWith:
				s.Partners = append(s.Partners, link)
			case rel.Type == graph.MemberOf && x.ends[r][0] == i:
				s.Memberships = append(s.Memberships, link)
			case rel.Type == graph.WorksOn && link.Entity.Type == graph.Topic:
				s.Topics = append(s.Topics, link)
			case rel.Type == graph.WorksOn && link.Entity.Type == graph.Project:
				s.Projects = append(s.Projects, link)
			}
		}
		for _, links := range [][]Link{s.Partners, s.Memberships, s.Topics, s.Projects} {
			slices.SortStableFunc(links, func(a, b Link) int {
				if c := cmp.Compare(b.Relation.Weight(), a.Relation.Weight()); c != 0 {
					return c
				}
				return cmp.Compare(a.Entity.ID, b.Entity.ID)
			})
		}
		s.Offices = x.filterPosts(PostFilter{Party: e.ID})
		out[i] = s
	}
	return out
}
