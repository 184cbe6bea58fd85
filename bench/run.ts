// `npm run bench -- <name>…` runs bench/<name>.ts; with no name, every bench/*.ts except this
// dispatcher and shared helpers (load.ts, *helpers*.ts, _*.ts). Each bench runs in its own Node
// process, one after the other, so they never share a core or a JIT.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL(".", import.meta.url));
const HELPERS = new Set(["run.ts", "load.ts"]);
const isBench = (f: string): boolean => f.endsWith(".ts") && !f.endsWith(".d.ts") && !HELPERS.has(f) && !f.startsWith("_") && !f.includes("helpers");

const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("-"));
const all = readdirSync(dir).filter(isBench).sort();
const names = requested.length > 0 ? requested.map((n) => (n.endsWith(".ts") ? n : `${n}.ts`)) : all;

let failed = 0;
for (const file of names) {
  const path = join(dir, file);
  if (!existsSync(path) || !isBench(file)) {
    console.error(`no benchmark ${file.replace(/\.ts$/, "")}; available: ${all.map((f) => f.replace(/\.ts$/, "")).join(", ")}`);
    failed++;
    continue;
  }
  console.log(`\n=== bench ${file.replace(/\.ts$/, "")} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path, ...passThrough], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
