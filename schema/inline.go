package schema

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSliceInline marshals a list as graphql.MarshalSliceConcurrently does, with its
// arguments, but item after item on the calling goroutine. The generated code calls it for
// lists of the objects whose fields do no I/O (see internal/generate), where a goroutine
// per item costs more than the item. Like that function it gives each item a field
// context holding its index, and a panic while marshalling one becomes an error and a
// null item unless omitPanicHandler.
func marshalSliceInline(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range ret {
		ctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshalElement(ctx, i)
			continue
		}
		ret[i] = marshalRecovered(ctx, i, marshalElement)
	}
	return ret
}

// marshalRecovered returns marshalElement(ctx, i), or Null after adding the error of a
// panic to the response.
func marshalRecovered(ctx context.Context, i int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return marshalElement(ctx, i)
}
