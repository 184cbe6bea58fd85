// The body of `npm run bench -- screen` (bench/screen.ts builds this file with the deployment bundle's
// options and runs it in plain Node): single-core throughput of the local screening engine over the
// development set's texts (goal ≥ 50 MB/s), and the time for 1 MB and 10 MB adversarial inputs
// (goal: 10 MB / 1 MB ≤ 12, i.e. linear cost). Argument: the development set's path.
import { screenTexts, type TextKind } from "../shared/screening/index.ts";
import { ADVERSARIAL } from "../test/screening/adversarial.ts";
import { loadDevSet } from "./dev-set.ts";
import { report } from "./report.ts";

const { rows, bytes } = loadDevSet(process.argv[2]);

// One call per text from a small handler, as a service makes them.
const screenRow = (r: (typeof rows)[number]): void => {
  screenTexts([{ field: "text", kind: r.kind, text: r.text }]);
};
function pass(): void {
  rows.forEach(screenRow);
}

// warm-up, then passes for at least 3 s
for (let i = 0; i < 5; i++) pass();
// per-pass times; the median and the best pass are reported (the best is the least disturbed by
// other processes on a shared machine)
const times: number[] = [];
const t0 = performance.now();
while (performance.now() - t0 < 3000 || times.length < 10) {
  const t = performance.now();
  pass();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1]!;
const best = times[0]!;
const mbps = bytes / (median / 1000) / 1e6;
const mbpsBest = bytes / (best / 1000) / 1e6;
// The same machine runs this engine at 50-55 MB/s on one day and 34-37 on another (its cold start: 87
// against 131 ms): a fixed plain loop over the same texts (lower-case, then FNV-1a) tells readers how
// fast the machine was, so that figures from different runs can be compared.
const texts = rows.map((r) => r.text);
function referenceLoop(): number {
  let h = 0;
  for (const s of texts) {
    const t = s.toLowerCase();
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  }
  return h;
}
let sink = 0;
for (let i = 0; i < 20; i++) sink ^= referenceLoop();
const refTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  sink ^= referenceLoop();
  refTimes.push(performance.now() - t);
}
refTimes.sort((a, b) => a - b);
const refMbps = bytes / (refTimes[refTimes.length >> 1]! / 1000) / 1e6;
if (sink === 0x7fffffff) console.log(""); // keeps the loop's result alive

console.log(`dev set: ${rows.length} texts, ${(bytes / 1e6).toFixed(2)} MB per pass, ${times.length} passes`);
console.log(`throughput: ${mbps.toFixed(1)} MB/s median pass, ${mbpsBest.toFixed(1)} MB/s best pass, single core (goal ≥ 50)  ${mbps >= 50 ? "ok" : "BELOW GOAL"}`);

/** Collects garbage first when the bench runs with --expose-gc (npm run bench does): the 10 MB timing
 * must not pay for collecting the garbage of earlier ones. */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => {});

function timeOnce(text: string, kind: TextKind): number {
  collect();
  const t = performance.now();
  screenTexts([{ field: "x", kind, text }]);
  return performance.now() - t;
}

// Each size is timed alone (garbage collected first), the two sizes alternating so that a slow spell of the machine falls
// on both, and each side of the ratio is the best of its timings: this machine's noise makes one timing of the same input
// up to four times another (one 1 MB input: 30-140 ms within one process; its 10 MB twin 281-539 ms; measured 2026-11-27),
// and the best of several estimates what the code costs. Inputs that are quick to screen get more rounds (at least 3, up to
// 9, while an input's rounds have taken under 10 s), the same rule for every input. (Until 2026-11-27 every input had 3
// rounds, the 1 MB side the mean of ten in a row: the ratios of the same code then ranged 7.6-13.8 over the inputs of one
// run, median 10.5, and the worst of 67 such draws was above 12 in most runs.)
console.log("\nadversarial inputs (document + tool_arguments rules); each size the best of 3-9 alternating timings");
console.log(`${"input".padEnd(30)} ${"1 MB".padStart(9)} ${"10 MB".padStart(9)}  ratio  rounds`);
const ratios: number[] = [];
const kinds: TextKind[] = ["document", "tool_arguments"];
const ROUNDS_MIN = 3;
const ROUNDS_MAX = 9;
const INPUT_BUDGET_MS = 10_000;
for (const [name, gen] of Object.entries(ADVERSARIAL)) {
  const one = gen(1_000_000);
  const ten = gen(10_000_000);
  const both = (t: string): number => kinds.reduce((s, kind) => s + timeOnce(t, kind), 0);
  both(one); // warm
  let a = Infinity;
  let b = Infinity;
  let rounds = 0;
  const began = performance.now();
  while (rounds < ROUNDS_MIN || (rounds < ROUNDS_MAX && performance.now() - began < INPUT_BUDGET_MS)) {
    a = Math.min(a, both(one));
    b = Math.min(b, both(ten));
    rounds++;
  }
  ratios.push(b / a);
  console.log(`${name.padEnd(30)} ${a.toFixed(0).padStart(6)} ms ${b.toFixed(0).padStart(6)} ms  ${(b / a).toFixed(1).padStart(5)}  ${rounds}`);
}
const worst = Math.max(...ratios);
const medianRatio = [...ratios].sort((x, y) => x - y)[ratios.length >> 1]!;
console.log(`\nworst 10 MB / 1 MB ratio: ${worst.toFixed(1)} (goal ≤ 12)  ${worst <= 12 ? "ok" : "ABOVE GOAL"}; median over the ${ratios.length} inputs: ${medianRatio.toFixed(1)}`);
report({ bench: "screen", metric: "machine reference: a plain lower-case + FNV-1a loop over the same texts", value: `${refMbps.toFixed(0)} MB/s median (engine / reference = ${((100 * mbps) / refMbps).toFixed(1)}%)` });
report({ bench: "screen", metric: "local engine over the dev set, single core", value: `${mbps.toFixed(1)} MB/s median, ${mbpsBest.toFixed(1)} MB/s best pass`, goal: `≥ 50 MB/s: ${mbps >= 50 ? "met" : "NOT met"}` });
report({
  bench: "screen",
  metric: "worst adversarial 10 MB / 1 MB time ratio",
  value: `${worst.toFixed(1)} (each size the best of 3-9 alternating timings; median over the ${ratios.length} inputs: ${medianRatio.toFixed(1)})`,
  goal: `≤ 12: ${worst <= 12 ? "met" : "NOT met"}`,
});
