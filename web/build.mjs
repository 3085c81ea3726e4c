// build.mjs bundles the dashboard and the GraphiQL IDE into dist/, which the Go package web
// embeds. The output is deterministic for a given package-lock.json: CI rebuilds it and fails
// when it differs from the committed dist/ (scripts/web.sh check).
import * as esbuild from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";

await rm("dist", { recursive: true, force: true });
await mkdir("dist", { recursive: true });
const common = {
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
};
await esbuild.build({ ...common, entryPoints: { dashboard: "src/main.ts" }, outdir: "dist" });
await esbuild.build({ ...common, entryPoints: { graphiql: "src/graphiql.tsx" }, outdir: "dist" });
await copyFile("src/index.html", "dist/index.html");
await copyFile("src/graphiql.html", "dist/graphiql.html");
