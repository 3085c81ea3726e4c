// The GraphiQL IDE, bundled from npm so that it works without a network.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";

const fetcher = createGraphiQLFetcher({ url: new URL("graphql", document.baseURI).href });
const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(<GraphiQL fetcher={fetcher} />);
}
