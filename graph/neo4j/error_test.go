package neo4j

import (
	"errors"
	"io"
	"net"
	"syscall"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestRetryDelay: a server that refuses the connection is not asked again, a connection it
// closed is replaced at once, a deadlock is retried after a growing wait, and a mistake in
// the query is not retried; the driver hands each over as it does when told not to retry.
func TestRetryDelay(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	deadlock := &driver.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}
	syntax := &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}
	limit := func(err error) error { return &driver.TransactionExecutionLimit{Errors: []error{err}} }
	for _, tc := range []struct {
		name    string
		err     error
		attempt int
		delay   time.Duration
		retry   bool
	}{
		{"connection refused", limit(refused), 0, 0, false},
		{"connection refused, wrapped", &driver.ConnectivityError{Inner: refused}, 0, 0, false},
		{"pooled connection reset", limit(reset), 0, 0, true},
		{"pooled connection closed", limit(io.EOF), 3, 0, true},
		{"pooled connections all closed", limit(io.EOF), 100, 0, false},
		{"deadlock", limit(deadlock), 0, 50 * time.Millisecond, true},
		{"deadlock again", limit(deadlock), 2, 200 * time.Millisecond, true},
		{"syntax error", syntax, 0, 0, false},
		{"another error", errors.New("boom"), 0, 0, false},
	} {
		delay, retry := retryDelay(tc.err, tc.attempt)
		if delay != tc.delay || retry != tc.retry {
			t.Errorf("%s: got %v, %t; want %v, %t", tc.name, delay, retry, tc.delay, tc.retry)
		}
	}
}
