# Builds the egovgraph binary in a Go image and runs it in a small Alpine image.
FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/egovgraph ./cmd/egovgraph

FROM alpine:3.22
RUN adduser -D -H -u 10001 egovgraph && mkdir /data && chown egovgraph /data
COPY --from=build /out/egovgraph /usr/local/bin/egovgraph
USER egovgraph
ENV EGOVGRAPH_ADDR=0.0.0.0:8080 \
    EGOVGRAPH_DATA=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["egovgraph"]
CMD ["serve"]
