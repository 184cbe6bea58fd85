// What the benign real-world corpora share (scripts/dependency-corpus.ts, scripts/docs-corpus.ts): a corpus row, a
// directory walked in a fixed order, and a text cut into paragraphs joined up to a size.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Row {
  id: string;
  kind: "document" | "tool_result";
  text: string;
  label: "benign";
  category: "benign";
  source: string;
}

/** Every file under dir, in name order (the same corpus on every machine), leaving out directories named in `skip`. */
export function* files(dir: string, skip: ReadonlySet<string> = new Set()): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      if (!skip.has(name)) yield* files(path, skip);
    } else if (st?.isFile()) yield path;
  }
}

/** Paragraphs (split at blank lines) joined up to about `size` characters. */
export function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const para of text.split("\n\n")) {
    if (cur.length > 0 && cur.length + para.length > size) {
      out.push(cur);
      cur = "";
    }
    cur += `${para}\n\n`;
  }
  if (cur.trim()) out.push(cur);
  return out;
}
