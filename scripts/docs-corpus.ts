// Builds a benign real-world screening set from documentation checked out anywhere: every Markdown file (.md, .mdx) under
// the directories given, cut into chunks of about 6,000 characters at blank lines (at most 6 a file), as a retrieval or
// file-reading tool returns them:
//   npm run docs-corpus -- [--out file.jsonl] <dir>…      (then: npm run eval -- file.jsonl: every row is benign)
// Used on MCP servers' and the MCP specification's own repositories (bench/probes/README.md names them and their commits):
// the text an MCP deployment reads most. Changelogs are left out (a list of commits says little).
import { readFileSync, writeFileSync } from "node:fs";
import { basename, relative } from "node:path";
import { chunks, files, type Row } from "./corpus-files.ts";

const CHUNK = 6000;
const MAX_CHUNKS = 6;
const SKIP = new Set([".git", "node_modules"]);

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
const dirs = args.filter((a, i) => i !== outIndex && i !== outIndex + 1);
if (dirs.length === 0) {
  console.error("usage: npm run docs-corpus -- [--out file.jsonl] <dir>…");
  process.exit(2);
}

const rows: Row[] = [];
for (const dir of dirs) {
  for (const path of files(dir, SKIP)) {
    const lower = path.toLowerCase();
    if (!(lower.endsWith(".md") || lower.endsWith(".mdx")) || basename(lower).startsWith("changelog")) continue;
    const text = readFileSync(path, "utf8");
    if (text.length < 200) continue;
    const rel = `${basename(dir)}/${relative(dir, path)}`;
    chunks(text, CHUNK)
      .slice(0, MAX_CHUNKS)
      .forEach((t, i) => rows.push({ id: `${rel}#${i}`, kind: "document", text: t, label: "benign", category: "benign", source: rel }));
  }
}
const out = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
if (outFile) writeFileSync(outFile, out);
else process.stdout.write(out);
console.error(`${rows.length} chunks of documentation`);
