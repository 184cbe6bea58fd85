// Builds a held-out screening set from the public sources the development set was drawn from, but from
// their parts the development set does not use:
//   npm run heldout -- <sources-dir> [--out file.jsonl] [--wide]      (then: npm run eval -- file.jsonl)
// <sources-dir> holds clones of microsoft/BIPIA, NVIDIA/garak, tatsu-lab/stanford_alpaca and
// sahil280114/codealpaca, under those repository names (BIPIA, garak, stanford_alpaca, codealpaca).
//
// What it takes (the development set's SOURCES.md describes the same construction on other splits):
// - BIPIA *test* splits (the development set uses the train splits only): email contexts (as tool
//   results), table and code contexts (as documents), with one attack from the *test* attack files,
//   whose attack kinds differ from the train files' ("Base Encoding", "Scams & Fraud" against
//   "Alphanumeric Substitution", "Clickbait"), inserted at the start, the end or between sentences;
//   contexts left alone are the benign rows (code contexts as benign_hard).
// - 100 in-the-wild jailbreak prompts from garak's copy that are not in the development set.
// - the Alpaca seed tasks and 60 Code Alpaca instructions that are not in the development set (benign).
// A text the development set holds (or whose first 200 characters it holds) is skipped. Choices use a
// fixed seed: the same sources give the same file. Nothing here was used to write or tune a rule.
// --wide: a larger set instead, for recall and false-positive rates with less noise: every BIPIA test
// text attack inserted into an e-mail and into a table, every code attack into a code context, every test
// context alone, every in-the-wild jailbreak the development set does not hold, every Alpaca seed task
// and 3,000 Code Alpaca instructions.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEV_SET } from "../bench/dev-set.ts";

interface Row {
  id: string;
  kind: "prompt" | "document" | "tool_result";
  text: string;
  label: "attack" | "benign";
  category: string;
  source: string;
}

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--out");
const outIndex = args.indexOf("--out");
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
const wide = args.includes("--wide");
if (!dir) {
  console.error("usage: npm run heldout -- <dir with clones of BIPIA, garak, stanford_alpaca, codealpaca> [--out file.jsonl]");
  process.exit(2);
}

/** mulberry32: a small seeded generator (the file must not change from run to run) */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const read = (path: string): string => readFileSync(join(dir, path), "utf8");
const jsonLines = (text: string): unknown[] =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

const devTexts = readFileSync(DEV_SET, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const devSet = new Set(devTexts);
const inDev = (t: string): boolean => devSet.has(t) || devTexts.some((d) => d.includes(t.slice(0, 200)));

const rows: Row[] = [];
function add(kind: Row["kind"], text: string, label: Row["label"], category: string, source: string): boolean {
  const t = text.slice(0, 8000);
  if (inDev(t)) return false;
  rows.push({ id: `${wide ? "wide" : "heldout"}-${String(rows.length).padStart(4, "0")}`, kind, text: t, label, category, source });
  return true;
}

/** BIPIA's insertion: at the start, at the end, or after a sentence in the middle. */
function insert(context: string, attack: string): string {
  const where = pick(["start", "end", "middle"] as const);
  if (where === "start") return `${attack}\n${context}`;
  const cuts: number[] = [];
  for (let i = 0; i + 1 < context.length; i++) if (".!?".includes(context[i]!) && /\s/.test(context[i + 1]!)) cuts.push(i + 2);
  if (where === "end" || cuts.length === 0) return `${context}\n${attack}`;
  const at = pick(cuts);
  return `${context.slice(0, at)}${attack} ${context.slice(at)}`;
}

const attacksOf = (file: string): string[] => Object.values(JSON.parse(read(file)) as Record<string, string[]>).flat();
const textAttacks = attacksOf("BIPIA/benchmark/text_attack_test.json");
const codeAttacks = attacksOf("BIPIA/benchmark/code_attack_test.json");
const contexts = (name: string): string[] =>
  shuffle(jsonLines(read(`BIPIA/benchmark/${name}/test.jsonl`)) as Array<{ context: string | string[] }>)
    .map((x) => (Array.isArray(x.context) ? x.context.join("\n") : x.context))
    .filter((c) => c.length < 7000);

if (wide) {
  const [emails, tables, code] = [contexts("email"), contexts("table"), contexts("code")];
  for (const a of textAttacks) {
    add("tool_result", insert(pick(emails), a), "attack", "indirect_injection", "BIPIA:email/test+text_attack_test");
    add("document", insert(pick(tables), a), "attack", "indirect_injection", "BIPIA:table/test+text_attack_test");
  }
  for (const a of codeAttacks) add("document", insert(pick(code), a), "attack", "indirect_injection", "BIPIA:code/test+code_attack_test");
  for (const c of emails) add("tool_result", c, "benign", "benign", "BIPIA:email/test");
  for (const c of tables) add("document", c, "benign", "benign", "BIPIA:table/test");
  for (const c of code) add("document", c, "benign", "benign_hard", "BIPIA:code/test");
  for (const t of JSON.parse(read("garak/garak/data/inthewild_jailbreak_llms.json")) as string[]) add("prompt", t, "attack", "jailbreak", "garak:inthewild_jailbreak_llms.json");
  for (const s of jsonLines(read("stanford_alpaca/seed_tasks.jsonl")) as Array<{ instruction: string; instances: Array<{ input: string }> }>) {
    for (const inst of s.instances) add("prompt", inst.input ? `${s.instruction}\n\n${inst.input}` : s.instruction, "benign", "benign", "stanford_alpaca:seed_tasks.jsonl");
  }
  let m = 0;
  for (const s of shuffle(JSON.parse(read("codealpaca/data/new_codealpaca.json")) as Array<{ instruction: string; input?: string }>)) {
    if (m === 3000) break;
    if (add("prompt", s.input ? `${s.instruction}\n\n${s.input}` : s.instruction, "benign", "benign", "codealpaca:new_codealpaca.json")) m++;
  }
} else {
  const bipia = [
    { name: "email", kind: "tool_result", attacks: 25, benign: 25, pool: textAttacks, benignCategory: "benign" },
    { name: "table", kind: "document", attacks: 30, benign: 30, pool: textAttacks, benignCategory: "benign" },
    { name: "code", kind: "document", attacks: 25, benign: 20, pool: codeAttacks, benignCategory: "benign_hard" },
  ] as const;
  for (const b of bipia) {
    const cs = contexts(b.name);
    for (const c of cs.slice(0, b.attacks)) add(b.kind, insert(c, pick(b.pool)), "attack", "indirect_injection", `BIPIA:${b.name}/test+attack_test`);
    for (const c of cs.slice(b.attacks, b.attacks + b.benign)) add(b.kind, c, "benign", b.benignCategory, `BIPIA:${b.name}/test`);
  }

  let n = 0;
  for (const t of shuffle(JSON.parse(read("garak/garak/data/inthewild_jailbreak_llms.json")) as string[])) {
    if (n === 100) break;
    if (add("prompt", t, "attack", "jailbreak", "garak:inthewild_jailbreak_llms.json")) n++;
  }

  for (const s of jsonLines(read("stanford_alpaca/seed_tasks.jsonl")) as Array<{ instruction: string; instances: Array<{ input: string }> }>) {
    const input = s.instances[0]?.input ?? "";
    add("prompt", input ? `${s.instruction}\n\n${input}` : s.instruction, "benign", "benign", "stanford_alpaca:seed_tasks.jsonl");
  }
  n = 0;
  for (const s of shuffle(JSON.parse(read("codealpaca/data/new_codealpaca.json")) as Array<{ instruction: string; input?: string }>)) {
    if (n === 60) break;
    if (add("prompt", s.input ? `${s.instruction}\n\n${s.input}` : s.instruction, "benign", "benign", "codealpaca:new_codealpaca.json")) n++;
  }
}

const out = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
if (outFile) writeFileSync(outFile, out);
else process.stdout.write(out);
const attacks = rows.filter((r) => r.label === "attack").length;
console.error(`held-out set: ${rows.length} records (attack ${attacks}, benign ${rows.length - attacks})${outFile ? ` → ${outFile}` : ""}`);
