// `npm run bench -- <name>…` runs bench/<name>.ts; with no name, every bench/*.ts except this
// dispatcher and shared helpers. Each bench runs in its own Node process, one after the other, so
// they never share a core or a JIT. Figures (lines `RESULT {json}`) are written to bench/results.md
// with the machine, the Node version and the date.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { BenchResult } from "./report.ts";

const dir = fileURLToPath(new URL(".", import.meta.url));
const HELPERS = new Set(["run.ts", "load.ts", "report.ts", "screen-ab.ts", "dev-set.ts", "screen-measure.ts", "ab.ts", "tokenizer-ab.ts"]);
const isBench = (f: string): boolean => f.endsWith(".ts") && !f.endsWith(".d.ts") && !HELPERS.has(f) && !f.startsWith("_") && !f.includes("helpers");

const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("-"));
const all = readdirSync(dir).filter(isBench).sort();
const names = requested.length > 0 ? requested.map((n) => (n.endsWith(".ts") ? n : `${n}.ts`)) : all;

function runOne(path: string): Promise<{ status: number; results: BenchResult[] }> {
  return new Promise((resolve) => {
    // --expose-gc: a bench may collect garbage between timings, so that one timing does not pay for another's
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path, ...passThrough], { stdio: ["ignore", "pipe", "inherit"] });
    const results: BenchResult[] = [];
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith("RESULT ")) results.push(JSON.parse(line.slice(7)) as BenchResult);
        else process.stdout.write(`${line}\n`);
      }
    });
    child.once("exit", (code) => resolve({ status: code ?? 1, results }));
  });
}

let failed = 0;
const results: BenchResult[] = [];
for (const file of names) {
  const path = join(dir, file);
  if (!existsSync(path) || !isBench(file)) {
    console.error(`no benchmark ${file.replace(/\.ts$/, "")}; available: ${all.map((f) => f.replace(/\.ts$/, "")).join(", ")}`);
    failed++;
    continue;
  }
  console.log(`\n=== bench ${file.replace(/\.ts$/, "")} ===`);
  const outcome = await runOne(path);
  results.push(...outcome.results);
  if (outcome.status !== 0) failed++;
}

if (results.length > 0) {
  // Running a subset updates its own rows and keeps the other benchmarks' rows.
  const path = join(dir, "results.md");
  const ran = new Set(results.map((r) => r.bench));
  const kept = existsSync(path)
    ? readFileSync(path, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("| ") && !line.startsWith("| Benchmark") && !ran.has(line.split("|")[1]?.trim() ?? ""))
    : [];
  const cpu = cpus();
  const lines = [
    "# Benchmark results",
    "",
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString()}.`,
    `Command: \`npm run bench\` (last run: \`npm run bench${requested.length ? ` -- ${requested.join(" ")}` : ""}\`)`,
    "",
    "| Benchmark | Metric | Value | Goal |",
    "|---|---|---|---|",
    ...[...kept, ...results.map((r) => `| ${r.bench} | ${r.metric} | ${r.value} | ${r.goal ?? ""} |`)].sort((a, b) => (a.split("|")[1] ?? "").localeCompare(b.split("|")[1] ?? "")),
    "",
  ];
  writeFileSync(path, lines.join("\n"));
  console.log(`\nwrote bench/results.md (${results.length} figures)`);
}
process.exitCode = failed > 0 ? 1 : 0;
