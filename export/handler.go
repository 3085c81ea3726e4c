package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/egovgraph/egovgraph/graph"
	"github.com/egovgraph/egovgraph/network"
)

// NewHandler returns the handler of GET /export/{format}: the network that the query
// parameters select (see ParseFilter) from src, written in the format the path value
// "format" names (graphml, gexf, csv or jsonld) as an attachment. CSV comes as a zip
// archive of nodes.csv and edges.csv, or with part=nodes or part=edges as that one table.
// An unknown format or parameter answers 400, an unknown state 404, a store that cannot
// answer 503, each with a one-line text message; any other failure answers 500 and is
// logged to log (slog.Default() when nil).
//
// The handler reads the format with r.PathValue: mount it on a pattern with a {format}
// wildcard, such as "/export/{format}" in http.ServeMux or chi.
func NewHandler(src Source, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	return &handler{src: src, log: log}
}

type handler struct {
	src Source
	log *slog.Logger
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, r.Method+" not allowed: use GET")
		return
	}
	format, err := ParseFormat(r.PathValue("format"))
	if err != nil {
		writeError(w, http.StatusBadRequest, graph.ErrorMessage(err))
		return
	}
	q := r.URL.Query()
	part := q.Get("part")
	if q.Has("part") {
		if format != FormatCSV || (part != "nodes" && part != "edges") || len(q["part"]) > 1 {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("part %q: want nodes or edges, with format csv only", part))
			return
		}
		q.Del("part")
	}
	f, err := ParseFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, graph.ErrorMessage(err))
		return
	}
	net, err := h.src.Network(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}

	var body bytes.Buffer
	write, contentType, name := writer(format, part)
	if err := write(&body, net); err != nil {
		h.fail(w, r, fmt.Errorf("write %s: %w", format, err))
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType)
	hdr.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hdr.Set("Content-Length", strconv.Itoa(body.Len()))
	hdr.Set("X-Content-Type-Options", "nosniff")
	if net.Version != "" {
		hdr.Set("X-Egovgraph-Version", net.Version)
	}
	if r.Method == http.MethodGet {
		body.WriteTo(w)
	}
}

// writer returns how to write a network in format (one table of it for CSV with a part),
// its media type and the file name to offer.
func writer(format Format, part string) (func(io.Writer, network.Network) error, string, string) {
	switch format {
	case FormatGraphML:
		return GraphML, format.ContentType(), "egovgraph.graphml"
	case FormatGEXF:
		return GEXF, format.ContentType(), "egovgraph.gexf"
	case FormatJSONLD:
		return JSONLD, format.ContentType(), "egovgraph.jsonld"
	}
	switch part {
	case "nodes":
		return NodesCSV, format.ContentType(), "egovgraph-" + NodesFile
	case "edges":
		return EdgesCSV, format.ContentType(), "egovgraph-" + EdgesFile
	}
	return CSVZip, "application/zip", "egovgraph-csv.zip"
}

// fail answers a failure to compute or write the network with the status its code calls
// for; an internal error is logged, and only "internal error" shown.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "request timed out or was canceled")
		return
	}
	switch graph.ErrorCode(err) {
	case graph.EINVALID:
		writeError(w, http.StatusBadRequest, graph.ErrorMessage(err))
	case graph.ENOTFOUND:
		writeError(w, http.StatusNotFound, graph.ErrorMessage(err))
	case graph.EUNAVAILABLE:
		writeError(w, http.StatusServiceUnavailable, graph.ErrorMessage(err))
	default:
		h.log.ErrorContext(r.Context(), "export: internal error", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	io.WriteString(w, msg+"\n")
}
