//go:build unix

package neo4jtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Lock blocks until no other test process holds the test server, then holds it until the
// returned function is called. Call it from TestMain in every package whose tests write to
// the server. The lock is the server's own: test runs on other servers do not wait.
func Lock() (unlock func(), err error) {
	name := strings.NewReplacer("/", "_", ":", "_").Replace(os.Getenv("EGOVGRAPH_TEST_NEO4J_URI"))
	path := filepath.Join(os.TempDir(), "egovgraph-neo4j-tests-"+name+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, fmt.Errorf("lock the test server: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock the test server: %w", err)
	}
	return func() { f.Close() }, nil
}
