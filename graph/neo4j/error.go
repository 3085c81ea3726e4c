package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/egovgraph/egovgraph/graph"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// translate turns an error of the driver into a graph.Error with a code, so that no
// driver type leaves the package: only the driver's message is kept. An error of ctx is
// returned wrapped as it is, for callers that test errors.Is(err, context.Canceled).
func (s *Store) translate(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("neo4j: %s: %w", op, ctx.Err())
	}
	// The driver, told not to retry (see retryDelay), wraps what failed in a limit.
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	var n4j *driver.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case n4j.Code == "Neo.ClientError.Security.Unauthorized",
			n4j.Code == "Neo.ClientError.Security.AuthenticationRateLimit",
			n4j.Code == "Neo.ClientError.Security.CredentialsExpired":
			return graph.Errorf(graph.EUNAVAILABLE, "neo4j at %s: authentication failed for user %s (%s)",
				s.cfg.URI, s.cfg.User, n4j.Msg)
		case n4j.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return graph.Errorf(graph.EUNAVAILABLE, "neo4j at %s: %s: database %s not found", s.cfg.URI, op, s.cfg.Database)
		case n4j.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return graph.Errorf(graph.ECONFLICT, "neo4j: %s: %s", op, n4j.Msg)
		case strings.HasPrefix(n4j.Code, "Neo.TransientError."),
			n4j.Code == "Neo.ClientError.Cluster.NotALeader":
			return graph.Errorf(graph.EUNAVAILABLE, "neo4j at %s: %s: %s", s.cfg.URI, op, n4j.Msg)
		}
		return graph.Errorf(graph.EINTERNAL, "neo4j: %s: %s: %s", op, n4j.Code, n4j.Msg)
	}
	var conn *driver.ConnectivityError
	var nerr net.Error
	if errors.As(err, &conn) || errors.As(err, &limit) || errors.As(err, &nerr) || errors.Is(err, io.EOF) {
		return graph.Errorf(graph.EUNAVAILABLE, "neo4j unreachable at %s: %s: %s", s.cfg.URI, op, describe(err))
	}
	return graph.Errorf(graph.EINTERNAL, "neo4j: %s: %s", op, describe(err))
}

// describe returns the message of a driver error without its type.
func describe(err error) string {
	var n4j *driver.Neo4jError
	if errors.As(err, &n4j) {
		return n4j.Code + ": " + n4j.Msg
	}
	return err.Error()
}

// retryTime bounds the attempts of one transaction: a server that is down is told at once,
// a deadlock or a connection the server closed is retried for a second at most.
const retryTime = time.Second

// retryDelay returns how long to wait before attempt+1 of a transaction that failed with
// err, and false when another attempt cannot help: a connection to the server could not be
// opened (it is down, or its address is wrong), or err is not one the driver deems
// retryable. A pooled connection the server closed (it restarted) is retried at once, with
// the pool's next one; a transient error of the server (a deadlock) after 50 ms, 100 ms, ….
func retryDelay(err error, attempt int) (time.Duration, bool) {
	// The driver, told not to retry, returns what failed wrapped once or twice.
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	var conn *driver.ConnectivityError
	if errors.As(err, &conn) {
		err = conn.Inner
	}
	var op *net.OpError
	var nerr net.Error
	switch {
	case errors.As(err, &op) && op.Op == "dial":
		return 0, false
	case conn != nil, errors.Is(err, io.EOF), errors.As(err, &nerr):
		return 0, attempt < 100
	case driver.IsRetryable(err):
		return 50 * time.Millisecond << min(attempt, 4), true
	}
	return 0, false
}
