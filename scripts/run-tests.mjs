// Runs every test file under test/ with Node's own test runner (TypeScript through tsx) and
// ends with the plain line "N passed, N failed" that CI reads.
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const filter = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(relative(root, path));
  }
  return out.sort();
}

let files = findTests(join(root, "test"));
if (filter.length) files = files.filter((f) => filter.some((pattern) => f.includes(pattern)));
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}

const child = spawn(
  process.execPath,
  [
    "--import", "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=./scripts/summary-reporter.mjs", "--test-reporter-destination=stdout",
    ...files,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, EDGE_LOG_LEVEL: process.env.EDGE_LOG_LEVEL ?? "silent" } },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
