package neo4j

import (
	"fmt"
	"os"
	"testing"

	"github.com/egovgraph/egovgraph/graph/neo4j/neo4jtest"
)

// TestMain holds the test server for this package's tests, which wipe its database, so that
// other packages' tests on the same server wait for them.
func TestMain(m *testing.M) {
	unlock, err := neo4jtest.Lock()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	unlock()
	os.Exit(code)
}
