// `npx tsx bench/screen-ab.ts <git-ref> [rounds] [seconds]`: the local screening engine of <git-ref> (A)
// against the working tree's (B), over the development set. On a shared machine the speed drifts by
// ±10% within minutes, so two separate runs of `npm run bench -- screen` cannot tell a 5% change from
// noise: this alternates A and B, each in a fresh process (as in service, with only its own tables in
// the caches), `rounds` times for `seconds` each, and prints every median.
// Both sides run under tsx, whose keepNames wrappers make the engine about 12% slower than the code that
// ships (see bench/screen.ts): compare the two medians with each other, not with the goal.
// Not part of `npm run bench` (it needs a ref to compare with).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ScreenItem, ScreenResult } from "../shared/screening/index.ts";
import { alternate, childNumber, median } from "./ab.ts";
import { loadDevSet } from "./dev-set.ts";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** Child: passes over the dev set with the engine under `root` for `seconds`; prints the median MB/s. */
async function child(root: string, seconds: number): Promise<void> {
  const { screenTexts } = (await import(pathToFileURL(join(root, "shared/screening/index.ts")).href)) as {
    screenTexts: (items: readonly ScreenItem[]) => ScreenResult;
  };
  const { rows, bytes } = loadDevSet();
  const pass = (): number => {
    const t = performance.now();
    for (const r of rows) screenTexts([{ field: "text", kind: r.kind, text: r.text }]);
    return performance.now() - t;
  };
  for (let k = 0; k < 5; k++) pass();
  const times: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) times.push(pass());
  times.sort((x, y) => x - y);
  console.log((bytes / (times[times.length >> 1]! / 1000) / 1e6).toFixed(1));
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  await child(args[1]!, Number(args[2]));
} else {
  const [ref, roundsArg, secondsArg] = args;
  if (!ref) {
    console.error("usage: npx tsx bench/screen-ab.ts <git-ref> [rounds] [seconds]");
    process.exit(2);
  }
  loadDevSet(); // (exits when the dev set is missing, before anything is unpacked)
  const rounds = Number(roundsArg ?? 5);
  const seconds = Number(secondsArg ?? 2);
  // A: the ref's shared/ (the engine imports nothing outside it); B: a copy of the working tree's, laid out the same
  // way. (B read in place was about 7% faster than the same code as A: outside the repository, with no package.json
  // saying "type": "module", tsx loads the copy as CommonJS, whose imports are property loads; an A/A run showed it.)
  const dir = mkdtempSync(join(tmpdir(), "screen-ab-"));
  const dirB = mkdtempSync(join(tmpdir(), "screen-ab-b-"));
  try {
    execFileSync("tar", ["-x", "-C", dir], { input: execFileSync("git", ["-C", repo, "archive", ref, "shared"], { maxBuffer: 1 << 28 }) });
    cpSync(join(repo, "shared"), join(dirB, "shared"), { recursive: true });
    const script = fileURLToPath(import.meta.url);
    const run = (root: string): number => childNumber(script, root, repo, [], [String(seconds)]);
    const { a, b } = alternate(rounds, () => run(dir), () => run(dirB));
    console.log(`A ${ref}: ${a.join(" ")} MB/s (median ${median(a).toFixed(1)})`);
    console.log(`B working tree: ${b.join(" ")} MB/s (median ${median(b).toFixed(1)})`);
    console.log(`B / A: ${((median(b) / median(a) - 1) * 100).toFixed(1)}%`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
}
