// Bundles the Functions entry point into dist/index.js (ESM) for deployment.
import { build } from "esbuild";
import { rmSync, statSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });

const result = await build({
  entryPoints: { index: "functions/index.ts" },
  outdir: "dist",
  // Azure-only modules are imported on demand: separate chunks keep a cold start small.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  minify: false,
  legalComments: "none",
  metafile: true,
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __edgeCreateRequire } from 'node:module'; const require = __edgeCreateRequire(import.meta.url);" },
  // Provided by the Functions worker at run time.
  external: ["@azure/functions-core"],
  logLevel: "warning",
});
const bytes = statSync("dist/index.js").size;
const total = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`dist/index.js ${(bytes / 1024).toFixed(0)} KiB (all chunks ${(total / 1024).toFixed(0)} KiB), ${Object.keys(result.metafile.inputs).length} modules`);
