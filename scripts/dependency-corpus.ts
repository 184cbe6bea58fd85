// Builds a benign real-world screening set from the installed dependencies (node_modules, pinned by the lockfile): source
// files as a coding agent's tools return them, and their READMEs, licences and changelogs cut into paragraphs:
//   npm run dependency-corpus -- [--out file.jsonl]      (then: npm run eval -- file.jsonl: every row is benign, so the
//                                                           false-positive rate is the figure)
// No row is an attack, and nothing here was written for the screener: what it flags is a false alarm on text people ship.
// The choice is fixed by the files' paths (one in ten, by a hash), so the same lockfile gives the same set.
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chunks, files, type Row } from "./corpus-files.ts";

const root = fileURLToPath(new URL("../node_modules", import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;

const SOURCE = [".js", ".mjs", ".cjs", ".ts", ".py", ".sh", ".yml", ".yaml"];
const DOCS = /^(readme|license|licence|changelog|history)(\.(md|txt|markdown))?$/i;
/** A text cut at this many characters (a tool returns a file's head; screening cost is linear anyway). */
const MAX_CHARS = 6000;
/** Paragraphs of a README, licence or changelog joined up to about this many characters. */
const CHUNK = 1500;

/** FNV-1a of a path: picks one file in ten, the same ones on every machine. */
function picked(path: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 10 === 0;
}

const rows: Row[] = [];
for (const path of files(root)) {
  const rel = relative(root, path);
  const name = rel.split("/").pop()!;
  if (!picked(rel) || name.endsWith(".min.js") || name.endsWith(".d.ts") || name.endsWith(".map")) continue;
  const docs = DOCS.test(name);
  if (!docs && !SOURCE.some((ext) => name.endsWith(ext))) continue;
  const text = readFileSync(path, "utf8");
  if (text.length < 300 || text.includes("\u0000")) continue;
  if (docs) chunks(text, CHUNK).forEach((t, i) => rows.push({ id: `${rel}#${i}`, kind: "document", text: t, label: "benign", category: "benign", source: `node_modules/${rel}` }));
  else rows.push({ id: rel, kind: "tool_result", text: text.slice(0, MAX_CHARS), label: "benign", category: "benign", source: `node_modules/${rel}` });
}
const out = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
if (outFile) writeFileSync(outFile, out);
else process.stdout.write(out);
console.error(`${rows.length} rows (${rows.filter((r) => r.kind === "tool_result").length} source files, ${rows.filter((r) => r.kind === "document").length} documentation paragraphs)`);
