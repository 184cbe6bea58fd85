// mcp-edge scan: screens JSON Lines with the local engine.
//   npx mcp-edge scan [--in file.jsonl] [--out file.jsonl] [--policy high=block,medium=flag,low=allow]
// Input lines: { "id", "kind": "prompt" | "document" | "tool_result" | "tool_description" | "tool_arguments", "text" }
// Output lines, in input order: { "id", "verdict", "findings" }; a bad line yields { "id"?, "error" } and
// the rest continue. Blank lines are skipped.
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { decideVerdict, parsePolicy, screenTexts, DEFAULT_POLICY, TEXT_KINDS, type TextKind, type VerdictPolicy } from "../shared/screening/index.ts";

export interface ScanOptions {
  policy?: VerdictPolicy;
}

/** Screens one input line; never throws. */
export function scanLine(line: string, options: ScanOptions = {}): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `invalid JSON: ${(err as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: "each line must be a JSON object" };
  const rec = value as Record<string, unknown>;
  const id = rec.id;
  const withId = (o: Record<string, unknown>): Record<string, unknown> => (id === undefined ? o : { id, ...o });
  if (id !== undefined && typeof id !== "string" && typeof id !== "number") return { error: "id must be a string or a number" };
  if (typeof rec.kind !== "string" || !TEXT_KINDS.includes(rec.kind as TextKind)) return withId({ error: `kind must be one of ${TEXT_KINDS.join(", ")}` });
  if (typeof rec.text !== "string") return withId({ error: "text must be a string" });
  try {
    const { findings } = screenTexts([{ field: "text", kind: rec.kind as TextKind, text: rec.text }]);
    return withId({ verdict: decideVerdict(findings, options.policy ?? DEFAULT_POLICY), findings });
  } catch (err) {
    return withId({ error: `screening failed: ${(err as Error).message}` });
  }
}

/** Reads JSON Lines from input and writes one result line per non-blank input line, in order. */
export async function runScan(input: Readable, output: Writable, options: ScanOptions = {}): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let errors = 0;
  for await (const line of rl) {
    if (line.trim() === "") continue;
    const result = scanLine(line, options);
    lines++;
    if ("error" in result) errors++;
    if (!output.write(JSON.stringify(result) + "\n")) await once(output, "drain");
  }
  return { lines, errors };
}

function usage(): never {
  process.stderr.write("usage: mcp-edge scan [--in file.jsonl] [--out file.jsonl] [--policy high=block,medium=flag,low=allow]\n");
  process.exit(2);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "scan") usage();
  let inPath: string | undefined;
  let outPath: string | undefined;
  let policy: VerdictPolicy | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const v = rest[i + 1];
    if ((a === "--in" || a === "--out" || a === "--policy") && v === undefined) usage();
    if (a === "--in") inPath = v;
    else if (a === "--out") outPath = v;
    else if (a === "--policy") policy = parsePolicy(v!);
    else usage();
    i++;
  }
  if (process.env.CONTENT_SAFETY_ENDPOINT) {
    process.stderr.write("mcp-edge: CONTENT_SAFETY_ENDPOINT is set but the remote shield is not wired into the CLI yet; screening with the local engine only\n");
  }
  const input = inPath && inPath !== "-" ? createReadStream(inPath) : process.stdin;
  const output = outPath && outPath !== "-" ? createWriteStream(outPath) : process.stdout;
  const opts: ScanOptions = policy ? { policy } : {};
  const { errors } = await runScan(input, output, opts);
  if (output !== process.stdout) {
    output.end();
    await once(output, "finish");
  }
  if (errors > 0) process.stderr.write(`mcp-edge: ${errors} line(s) could not be screened\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(process.argv[1], "file://").href;
if (invokedDirectly || process.env.MCP_EDGE_CLI === "1") {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`mcp-edge: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
