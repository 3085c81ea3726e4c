package graph

import (
	"errors"
	"fmt"
)

// Error codes that callers act on. Stores translate their driver errors into these.
const (
	ECONFLICT    = "conflict"    // the write contradicts what is stored
	EINTERNAL    = "internal"    // a bug or an unexpected failure
	EINVALID     = "invalid"     // the request or the data is malformed
	ENOTFOUND    = "not_found"   // no such entity, relation or release
	EUNAVAILABLE = "unavailable" // the store cannot be reached now; retrying may help
	// EUNAUTHORIZED: a write without a valid token; EFORBIDDEN: writes are not enabled.
	EUNAUTHORIZED = "unauthenticated"
	EFORBIDDEN    = "forbidden"
)

// Error is a domain error: a code for programs and a message for people.
type Error struct {
	Code    string
	Message string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other
// error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or "internal error"
// for any other error: what a client may be shown.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
