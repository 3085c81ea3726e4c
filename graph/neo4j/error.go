package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &conn) || errors.As(err, &limit) {
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
