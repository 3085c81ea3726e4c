package schema

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/egovgraph/egovgraph/graph"
)

// errorPresenter returns the gqlgen error presenter: a graph.Error is shown with its
// message and its code as extensions.code (ENOTFOUND → NOT_FOUND); a request that runs
// out of time is UNAVAILABLE; gqlgen's own errors (syntax, validation, limits) are shown
// as they are; anything else is "internal error" to the client and one line to log.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Path: gqlErr.Path, Locations: gqlErr.Locations, Extensions: map[string]any{}}
		var domainErr *graph.Error
		switch {
		case errors.As(err, &domainErr) && domainErr.Code != graph.EINTERNAL:
			out.Message = domainErr.Message
			out.Extensions["code"] = extensionCode(domainErr.Code)
		case errors.Is(err, context.DeadlineExceeded):
			out.Message = "request timed out"
			out.Extensions["code"] = extensionCode(graph.EUNAVAILABLE)
		case errors.Is(err, context.Canceled):
			out.Message = "request canceled"
			out.Extensions["code"] = extensionCode(graph.EUNAVAILABLE)
		case gqlErr.Unwrap() == nil:
			// gqlgen made this error itself; it wraps no error of ours.
			return gqlErr
		default:
			log.ErrorContext(ctx, "graphql: internal error", "path", gqlErr.Path.String(), "err", err)
			out.Message = "internal error"
			out.Extensions["code"] = extensionCode(graph.EINTERNAL)
		}
		return out
	}
}

// extensionCode returns the GraphQL spelling of a graph error code: "not_found" →
// "NOT_FOUND".
func extensionCode(code string) string { return strings.ToUpper(code) }
