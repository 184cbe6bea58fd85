// The esbuild options of the deployment bundle, shared by `npm run build` and the cold-start bench.
export const bundleOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Azure-only modules are imported on demand: separate chunks keep a cold start small.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  metafile: true,
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __edgeCreateRequire } from 'node:module'; const require = __edgeCreateRequire(import.meta.url);" },
  // Provided by the Functions worker at run time.
  external: ["@azure/functions-core"],
  logLevel: "warning",
};
