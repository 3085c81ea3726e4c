package network

import (
	"runtime"
	"sync"
)

// betweenness returns the betweenness centrality of each node of the unweighted graph whose
// neighbours (distinct, no loops) adj lists by node, counting each pair of nodes in both
// directions: the values of gonum's network.Betweenness, which the tests hold it to.
//
// It is Brandes' algorithm as gonum's, on slices instead of maps and with the sources
// shared among GOMAXPROCS goroutines. On one core it is 7 times faster (2,000 nodes and
// 10,000 edges: 0.6 s against 4.4 s), which matters on graphs of thousands of entities.
func betweenness(adj [][]int) []float64 {
	n := len(adj)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	partial := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			cb := make([]float64, n)
			var (
				sigma = make([]float64, n)
				delta = make([]float64, n)
				dist  = make([]int, n)
				order = make([]int, 0, n) // the nodes in the order BFS reached them
			)
			for i := range dist {
				dist[i] = -1
			}
			// Each goroutine takes every workers-th source, so that the sums do not depend
			// on scheduling.
			for s := w; s < n; s += workers {
				order = order[:0]
				sigma[s], dist[s] = 1, 0
				order = append(order, s)
				for k := 0; k < len(order); k++ {
					v := order[k]
					for _, u := range adj[v] {
						if dist[u] < 0 {
							dist[u] = dist[v] + 1
							order = append(order, u)
						}
						if dist[u] == dist[v]+1 {
							sigma[u] += sigma[v]
						}
					}
				}
				for k := len(order) - 1; k > 0; k-- {
					v := order[k]
					for _, u := range adj[v] {
						if dist[u] == dist[v]-1 {
							delta[u] += sigma[u] / sigma[v] * (1 + delta[v])
						}
					}
					cb[v] += delta[v]
				}
				for _, v := range order {
					sigma[v], delta[v], dist[v] = 0, 0, -1
				}
			}
			partial[w] = cb
		})
	}
	wg.Wait()
	cb := partial[0]
	for _, p := range partial[1:] {
		for i, b := range p {
			cb[i] += b
		}
	}
	return cb
}
