//go:build unix

package neo4jtest

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// Lock blocks until no other test process holds the test server, then holds it until the
// returned function is called. Call it from TestMain in every package whose tests write to
// the server.
func Lock() (unlock func(), err error) {
	path := filepath.Join(os.TempDir(), "egovgraph-neo4j-tests.lock")
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
