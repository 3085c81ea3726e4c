module github.com/egovgraph/egovgraph

go 1.26
