// Bundles the Functions entry point into dist/index.js (ESM, with on-demand chunks) for deployment.
import { build } from "esbuild";
import { rmSync, statSync } from "node:fs";
import { bundleOptions } from "./bundle-options.mjs";

rmSync("dist", { recursive: true, force: true });
const result = await build({ ...bundleOptions, entryPoints: { index: "functions/index.ts" }, outdir: "dist", sourcemap: true });
const bytes = statSync("dist/index.js").size;
const total = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`dist/index.js ${(bytes / 1024).toFixed(0)} KiB (all chunks ${(total / 1024).toFixed(0)} KiB), ${Object.keys(result.metafile.inputs).length} modules`);
