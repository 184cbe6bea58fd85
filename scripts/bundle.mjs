// Bundles the Functions entry point into dist/index.js (ESM) for deployment.
import { build } from "esbuild";
import { statSync } from "node:fs";

const result = await build({
  entryPoints: ["functions/index.ts"],
  outfile: "dist/index.js",
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
console.log(`dist/index.js ${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(result.metafile.inputs).length} modules`);
