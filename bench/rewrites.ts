// `npx tsx bench/rewrites.ts [file.jsonl]`: screening should not depend on how a text is laid out. Each labelled text
// (the development set by default) is rewritten the ways real texts differ from it — wrapped at a fixed width, with
// Windows line ends, Markdown emphasis, inside a JSON record, under a lead-in line — and screened again; for every
// rewrite the recall and the false-positive rate are printed beside the original's, with the texts whose verdict the
// rewrite changed. Deterministic (a fixed seed). Not part of `npm run bench`: a quality check, not a speed goal.
import { readFileSync } from "node:fs";
import { decideVerdict, screenTexts, DEFAULT_POLICY, type TextKind } from "../shared/screening/index.ts";
import { DEV_SET } from "./dev-set.ts";

interface Row {
  id: string;
  kind: TextKind;
  text: string;
  label: "attack" | "benign";
}

/** A small seeded generator (mulberry32): the same rewrites on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Greedy fixed-width wrap of each line longer than `width` (words are not broken), as mail clients and Markdown
 * formatters do; a table's rows are left whole, as such a formatter leaves them. */
function wrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      if (line.length <= width || line.trimStart().startsWith("|")) return line;
      const out: string[] = [];
      let cur = "";
      for (const w of line.split(" ").filter((x) => x !== "")) {
        if (cur !== "" && cur.length + 1 + w.length > width) {
          out.push(cur);
          cur = w;
        } else cur = cur === "" ? w : `${cur} ${w}`;
      }
      if (cur !== "") out.push(cur);
      return out.join("\n");
    })
    .join("\n");
}

/** Each word of letters standing between blanks (a sentence mark may end it), with probability p, wrapped in `mark` on
 * both sides; URLs, paths, addresses and identifiers are left alone, as writers leave them. */
function emphasize(text: string, mark: string, p: number, rnd: () => number): string {
  return text.replace(/(^|[ \t\n])([A-Za-z][A-Za-z']*)(?=[.,;:!?]*(?:[ \t\r\n]|$))/g, (all, before: string, w: string) => (rnd() < p ? `${before}${mark}${w}${mark}` : all));
}

const REWRITES: Record<string, (text: string, kind: TextKind, rnd: () => number) => string> = {
  "wrapped at 72 columns": (t) => wrap(t, 72),
  "wrapped at 60, Windows line ends": (t) => wrap(t, 60).replace(/\n/g, "\r\n"),
  "Windows line ends": (t) => t.replace(/\n/g, "\r\n"),
  "upper case": (t) => t.toUpperCase(),
  "typographic quotes": (t) => t.replace(/"([^"\n]*)"/g, "\u201c$1\u201d").replace(/(\w)'(\w)/g, "$1\u2019$2"),
  "italics (_word_, 3 in 10)": (t, _k, rnd) => emphasize(t, "_", 0.3, rnd),
  "bold (**word**, 3 in 10)": (t, _k, rnd) => emphasize(t, "**", 0.3, rnd),
  "inline code (`word`, 1 in 5)": (t, _k, rnd) => emphasize(t, "`", 0.2, rnd),
  "a lead-in line": (t) => `Here is the content you asked for:\n\n${t}`,
  "under a heading": (t) => `## Notes\n\n${t}`,
  "a signature after": (t) => `${t}\n\nThanks,\nAna`,
  // (only documents and tool results: what an API returns)
  "inside a JSON record": (t, kind) => (kind === "document" || kind === "tool_result" ? JSON.stringify([{ id: 17, title: "Result", url: "https://example.org/a", content: t }], null, 2) : t),
  "inside a JSON string": (t, kind) => (kind === "document" || kind === "tool_result" ? JSON.stringify({ result: t }) : t),
};

const file = process.argv[2] ?? DEV_SET;
const rows = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const flagged = (kind: TextKind, text: string): boolean => decideVerdict(screenTexts([{ field: "text", kind, text }]).findings, DEFAULT_POLICY) !== "allow";
const base = rows.map((r) => flagged(r.kind, r.text));
const attacks = rows.filter((r) => r.label === "attack").length;
const benign = rows.length - attacks;
const rate = (hits: boolean[], label: Row["label"]): number => rows.filter((r, k) => r.label === label && hits[k]).length;
const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;

console.log(`${file}: ${attacks} attacks, ${benign} benign`);
console.log(`${"rewrite".padEnd(34)} ${"recall".padStart(7)} ${"FPR".padStart(6)}  verdicts changed`);
console.log(`${"(the texts as they are)".padEnd(34)} ${pct(rate(base, "attack"), attacks).padStart(7)} ${pct(rate(base, "benign"), benign).padStart(6)}`);
for (const [name, rewrite] of Object.entries(REWRITES)) {
  const rnd = random(7);
  const hits = rows.map((r) => flagged(r.kind, rewrite(r.text, r.kind, rnd)));
  const changed = rows.flatMap((r, k) => (hits[k] !== base[k] ? [`${r.id}${hits[k] ? "+" : "-"}`] : []));
  console.log(`${name.padEnd(34)} ${pct(rate(hits, "attack"), attacks).padStart(7)} ${pct(rate(hits, "benign"), benign).padStart(6)}  ${changed.length}${changed.length > 0 ? `: ${changed.slice(0, 8).join(" ")}${changed.length > 8 ? " …" : ""}` : ""}`);
}
