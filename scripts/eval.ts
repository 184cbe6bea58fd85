// Evaluates the local screening engine on a labelled JSON Lines file:
//   npm run eval -- ../shared/eval/screening-dev.jsonl [--split even|odd] [--errors] [--policy high=block,medium=flag,low=allow]
// Each line: { id, kind, text, label: "attack" | "benign", category }. Attack = positive; a verdict of
// flag or block counts as positive. Prints precision, recall, F1 and false-positive rate overall, per
// kind and per category, the FPR on benign vs hard-benign texts, and the same on the even/odd halves
// of the ids (a held-out check: tune on one half, check on the other).

import { readFileSync } from "node:fs";
import { decideVerdict, parsePolicy, screenTexts, DEFAULT_POLICY, type Finding, type TextKind } from "../shared/screening/index.ts";

interface Row {
  id: string;
  kind: TextKind;
  text: string;
  label: "attack" | "benign";
  category: string;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^(even|odd|high=|medium=|low=)/.test(a));
if (!file) {
  console.error("usage: npm run eval -- <file.jsonl> [--split even|odd] [--errors] [--policy high=block,medium=flag,low=allow]");
  process.exit(2);
}
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = opt("--split");
const showErrors = args.includes("--errors");
const policy = opt("--policy") ? parsePolicy(opt("--policy")!) : DEFAULT_POLICY;

let rows: Row[];
try {
  rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
} catch (err) {
  console.error(`cannot read ${file}: ${(err as Error).message}`);
  process.exit(2);
}

const idNumber = (id: string): number => {
  const m = /(\d+)/.exec(id.split("-")[1] ?? id); // ids are short: linear
  return m ? Number(m[1]) : 0;
};
const half = (r: Row): "even" | "odd" => (idNumber(r.id) % 2 === 0 ? "even" : "odd");
if (split === "even" || split === "odd") rows = rows.filter((r) => half(r) === split);

const HARD = new Set(["benign_hard", "benign_unicode", "benign_markup"]);

interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}
const empty = (): Counts => ({ tp: 0, fp: 0, tn: 0, fn: 0 });
const add = (c: Counts, label: Row["label"], positive: boolean): void => {
  if (label === "attack") positive ? c.tp++ : c.fn++;
  else positive ? c.fp++ : c.tn++;
};

const overall = empty();
const byKind = new Map<string, Counts>();
const byCategory = new Map<string, Counts>();
const byHalf = new Map<string, Counts>();
const benignPlain = empty();
const benignHard = empty();
const ruleTp = new Map<string, number>();
const ruleFp = new Map<string, number>();
const errors: Array<{ row: Row; positive: boolean; findings: Finding[] }> = [];

const t0 = performance.now();
let bytes = 0;
for (const row of rows) {
  bytes += Buffer.byteLength(row.text, "utf8");
  const { findings } = screenTexts([{ field: "text", kind: row.kind, text: row.text }]);
  const verdict = decideVerdict(findings, policy);
  const positive = verdict !== "allow";
  add(overall, row.label, positive);
  for (const [map, key] of [
    [byKind, row.kind],
    [byCategory, row.category],
    [byHalf, half(row)],
  ] as const) {
    if (!map.has(key)) map.set(key, empty());
    add(map.get(key)!, row.label, positive);
  }
  if (row.label === "benign") add(HARD.has(row.category) ? benignHard : benignPlain, row.label, positive);
  const counting = positive ? findings.filter((f) => policy[f.severity] !== "allow") : [];
  for (const rule of new Set(counting.map((f) => f.rule))) {
    const m = row.label === "attack" ? ruleTp : ruleFp;
    m.set(rule, (m.get(rule) ?? 0) + 1);
  }
  if (positive !== (row.label === "attack")) errors.push({ row, positive, findings });
}
const ms = performance.now() - t0;

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + "%" : "    -");
function line(name: string, c: Counts): string {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  const f1 = (2 * p * r) / (p + r);
  const fpr = c.fp / (c.fp + c.tn);
  const n = c.tp + c.fp + c.tn + c.fn;
  return `${name.padEnd(22)} n=${String(n).padStart(4)}  P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}  FPR ${pct(fpr)}   (tp ${c.tp} fp ${c.fp} tn ${c.tn} fn ${c.fn})`;
}

console.log(`screening eval: ${file}${split ? ` (${split} ids only)` : ""}, ${rows.length} records, policy ${JSON.stringify(policy)}`);
console.log("\noverall");
console.log(line("all", overall));
console.log("\nby kind");
for (const [k, c] of [...byKind].sort()) console.log(line(k, c));
console.log("\nby category (attack categories: recall; benign categories: FPR)");
for (const [k, c] of [...byCategory].sort()) console.log(line(k, c));
console.log("\nfalse-positive rate");
console.log(line("benign", benignPlain));
console.log(line("hard benign", benignHard));
for (const cat of HARD) if (byCategory.has(cat)) console.log(line(`  ${cat}`, byCategory.get(cat)!));
if (!split) {
  console.log("\nheld-out halves (by id parity)");
  for (const [k, c] of [...byHalf].sort()) console.log(line(k, c));
}
console.log("\nrules behind positive verdicts (attack / benign records)");
const rules = new Set([...ruleTp.keys(), ...ruleFp.keys()]);
for (const r of [...rules].sort()) console.log(`  ${r.padEnd(34)} ${String(ruleTp.get(r) ?? 0).padStart(4)} / ${ruleFp.get(r) ?? 0}`);
console.log(`\n${(bytes / 1e6).toFixed(2)} MB screened in ${ms.toFixed(0)} ms (including warm-up)`);

if (showErrors) {
  console.log("\nerrors");
  for (const e of errors) {
    const kind = e.positive ? "FP" : "FN";
    const why = e.findings
      .filter((f) => !e.positive || policy[f.severity] !== "allow")
      .slice(0, 6)
      .map((f) => `${f.rule}:${f.severity}@${f.location.start}`)
      .join(" ");
    console.log(`${kind} ${e.row.id} ${e.row.kind}/${e.row.category}: ${JSON.stringify(e.row.text.slice(0, 140))}  [${why}]`);
  }
}
