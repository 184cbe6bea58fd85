// The screening development set (`../shared/eval/screening-dev.jsonl`, beside the repository), for the
// screening benches. Exits with a clear message when the team kit is not there.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TextKind } from "../shared/screening/index.ts";

export const DEV_SET = fileURLToPath(new URL("../../shared/eval/screening-dev.jsonl", import.meta.url));

/** The dev set's texts and their total size in UTF-8 bytes (what MB/s figures divide). */
export function loadDevSet(path: string = DEV_SET): { rows: Array<{ kind: TextKind; text: string }>; bytes: number } {
  if (!existsSync(path)) {
    console.error(`screening dev set not found at ${path} (the team kit must sit beside the repository)`);
    process.exit(2);
  }
  const rows = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { kind: TextKind; text: string });
  return { rows, bytes: rows.reduce((n, r) => n + Buffer.byteLength(r.text, "utf8"), 0) };
}
