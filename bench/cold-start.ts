// `npm run bench -- cold-start`: time from process start to the first answered request of the
// bundled app (goal ≤ 300 ms without Azure settings), and the bundle's size. The Functions entry
// point needs the Functions host, so the same code is bundled with the local host (dist/local.js)
// and timed against an already running Azurite, so that only the edge's own start is measured.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { build } from "esbuild";
import { bundleOptions } from "../scripts/bundle-options.mjs";
import { startAzurite, freePort } from "../functions/local/azurite.ts";
import { report } from "./report.ts";

// The deployment bundle's options, with the local host as a second entry point.
const outdir = ".local/bench-dist";
rmSync(outdir, { recursive: true, force: true });
await build({ ...bundleOptions, entryPoints: { index: "functions/index.ts", local: "functions/local/main.ts" }, outdir, external: [...bundleOptions.external, "azurite"] });
// The deployment bundle itself, built as `npm run build` builds it.
execFileSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "ignore" });
const entryBytes = statSync("dist/index.js").size;
const chunkBytes = readdirSync("dist/chunks").filter((f) => f.endsWith(".js")).reduce((n, f) => n + statSync(`dist/chunks/${f}`).size, 0);

const azurite = await startAzurite();
const times: number[] = [];
try {
  for (let run = 0; run < 5; run += 1) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [`${outdir}/local.js`], {
      env: { PATH: process.env.PATH ?? "", PORT: String(port), EDGE_LOG_LEVEL: "silent", EDGE_TABLES_CONNECTION_STRING: azurite.connectionString },
      stdio: "ignore",
    });
    let answered = false;
    while (!answered && performance.now() - started < 20_000) {
      try {
        answered = (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    times.push(performance.now() - started);
    child.kill("SIGKILL");
  }
} finally {
  await azurite.stop();
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1] as number;
report({ bench: "cold-start", metric: "process start → first answered request (median of 5)", value: `${median.toFixed(0)} ms`, goal: `≤ 300 ms: ${median <= 300 ? "met" : "NOT met"}` });
report({ bench: "cold-start", metric: "bundle: entry dist/index.js / all chunks (loaded on demand)", value: `${(entryBytes / 1024).toFixed(0)} KiB / ${((entryBytes + chunkBytes) / 1024 / 1024).toFixed(1)} MiB` });
