// `npx tsx bench/tokenizer-ab.ts <git-ref> [rounds]`: the screening tokenizer alone, <git-ref>'s (A)
// against the working tree's (B), in ns per UTF-16 unit over the development set (min of 300 passes,
// fresh processes alternating). The whole-engine A/B (bench/screen-ab.ts) varies by ±5% on this kind
// of shared machine; this one by about ±1%, so it can tell a 2% change in the hottest function.
//
// The tokenizer is not part of the API: each side gets a copy of shared/ with a small timing function
// appended to the module that holds tokenize() (engine.ts, or tokenizer.ts since the engine is split into
// modules; the product code is untouched). The children run with --no-use-osr: with on-stack replacement,
// V8 may leave the timing loop on OSR code with the tokenizer inlined in it, and processes then land at
// random in a 15-20% slower mode that has nothing to do with the code.
// Not part of `npm run bench` (it needs a ref to compare with).
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TextKind } from "../shared/screening/index.ts";
import { alternate, childNumber, median } from "./ab.ts";
import { loadDevSet } from "./dev-set.ts";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** Appended to each copy of the module that holds tokenize(): normalizes every text once, then times tokenize() alone. */
const TIMING = `
export function __tokenizerBench(items: { kind: TextKind; text: string }[], rounds: number): number {
  const lex = lexicon();
  const prepared = items.map((it) => ({
    t: (isAscii(it.text) ? normalizeAscii(it.text, undefined) : normalize(it.text, undefined, normalizeBuffers())).text,
    ck: compileKind(it.kind, undefined),
  }));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const p of prepared) tokenize(p.t, lex, p.ck);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
`;

/** The module of a copy of shared/ that holds tokenize(), and what TIMING needs to import there. */
function tokenizerModule(root: string): { file: string; imports: string } {
  if (!existsSync(join(root, "shared/screening/tokenizer.ts"))) return { file: join(root, "shared/screening/engine.ts"), imports: "" };
  return {
    file: join(root, "shared/screening/tokenizer.ts"),
    imports: `
import { lexicon } from "./lexicon-tables.ts";
import { compileKind } from "./compile-kind.ts";
import { isAscii, normalize, normalizeAscii, normalizeBuffers } from "./normalize.ts";
import type { TextKind } from "./types.ts";
`,
  };
}

async function child(root: string): Promise<void> {
  const engine = (await import(pathToFileURL(tokenizerModule(root).file).href)) as {
    __tokenizerBench: (items: { kind: TextKind; text: string }[], rounds: number) => number;
  };
  const { rows } = loadDevSet();
  const units = rows.reduce((n, r) => n + r.text.length, 0);
  engine.__tokenizerBench(rows, 50);
  const ms = engine.__tokenizerBench(rows, 300);
  console.log(((ms * 1e6) / units).toFixed(2));
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  await child(args[1]!);
} else {
  const [ref, roundsArg] = args;
  if (!ref) {
    console.error("usage: npx tsx bench/tokenizer-ab.ts <git-ref> [rounds]");
    process.exit(2);
  }
  loadDevSet();
  const rounds = Number(roundsArg ?? 6);
  const dirA = mkdtempSync(join(tmpdir(), "tokenizer-ab-a-"));
  const dirB = mkdtempSync(join(tmpdir(), "tokenizer-ab-b-"));
  try {
    execFileSync("tar", ["-x", "-C", dirA], { input: execFileSync("git", ["-C", repo, "archive", ref, "shared"], { maxBuffer: 1 << 28 }) });
    cpSync(join(repo, "shared"), join(dirB, "shared"), { recursive: true });
    for (const dir of [dirA, dirB]) {
      const { file, imports } = tokenizerModule(dir);
      appendFileSync(file, imports + TIMING);
    }
    const script = fileURLToPath(import.meta.url);
    const run = (root: string): number => childNumber(script, root, repo, ["--no-use-osr"]);
    const { a, b } = alternate(rounds, () => run(dirA), () => run(dirB));
    console.log(`A ${ref}: ${a.join(" ")} ns/unit (median ${median(a).toFixed(2)})`);
    console.log(`B working tree: ${b.join(" ")} ns/unit (median ${median(b).toFixed(2)})`);
    console.log(`B / A: ${((median(b) / median(a) - 1) * 100).toFixed(1)}% time`);
  } finally {
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
}
