// mcp-edge scan: screens JSON Lines with the endpoint's screener (scripts/../shared/screen), built
// from the same settings (EDGE_SCREEN_POLICY, EDGE_SCREEN_ALLOWED_HOSTS, and Content Safety when
// CONTENT_SAFETY_ENDPOINT is set, with its deadline and fail mode).
//   npx mcp-edge scan [--in file.jsonl] [--out file.jsonl] [--policy high=block,medium=flag,low=allow]
// Input lines: { "id", "kind": "prompt" | "document" | "tool_result" | "tool_description" | "tool_arguments", "text" }
// Output: one line per input line, in input order: { "id", "verdict", "findings" }; a bad line (blank,
// not JSON, a wrong field) yields { "id"?, "error" } and the rest continue.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { loadSettings } from "../shared/config/settings.ts";
import { createScreener } from "../shared/screen/create-screener.ts";
import type { Screener } from "../shared/screen/screener.ts";
import { parsePolicy, TEXT_KINDS, type TextKind, type VerdictPolicy } from "../shared/screening/index.ts";

/** A line checked: the screening item it asks for, or the error line to write. */
type Parsed = { id?: string | number; kind: TextKind; text: string } | { error: Record<string, unknown> };

export function parseLine(line: string): Parsed {
  if (line.trim() === "") return { error: { error: "empty line" } };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: { error: `invalid JSON: ${(err as Error).message}` } };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: { error: "each line must be a JSON object" } };
  const rec = value as Record<string, unknown>;
  const id = rec.id;
  if (id !== undefined && typeof id !== "string" && typeof id !== "number") return { error: { error: "id must be a string or a number" } };
  // (a number JSON cannot carry back exactly — 12345678901234567891, 1e400 — would come back as another id)
  if (typeof id === "number" && !Number.isSafeInteger(id) && !(Number.isFinite(id) && String(id).length <= 15)) {
    return { error: { error: "id: a number must be an integer of at most 15 digits or a short decimal; use a string" } };
  }
  const withId = (o: Record<string, unknown>): Record<string, unknown> => (id === undefined ? o : { id, ...o });
  if (typeof rec.kind !== "string" || !TEXT_KINDS.includes(rec.kind as TextKind)) return { error: withId({ error: `kind must be one of ${TEXT_KINDS.join(", ")}` }) };
  if (typeof rec.text !== "string") return { error: withId({ error: "text must be a string" }) };
  return { ...(id !== undefined ? { id } : {}), kind: rec.kind as TextKind, text: rec.text };
}

/** Screens one input line; never throws. */
export async function scanLine(line: string, screener: Screener): Promise<Record<string, unknown>> {
  const parsed = parseLine(line);
  if ("error" in parsed) return parsed.error;
  const withId = (o: Record<string, unknown>): Record<string, unknown> => (parsed.id === undefined ? o : { id: parsed.id, ...o });
  try {
    const outcome = await screener.screen([{ field: "text", kind: parsed.kind, text: parsed.text }]);
    return withId({ verdict: outcome.verdict, findings: outcome.findings });
  } catch (err) {
    return withId({ error: `screening failed: ${(err as Error).message}` });
  }
}

/**
 * The lines of a UTF-8 stream: split at "\n" only, a "\r" before it dropped (a lone "\r" is JSON whitespace inside a
 * line, not a line break, so one input line always gives one output line), and a byte-order mark at the start dropped.
 * Each chunk is searched once, so a long line costs its length.
 */
export async function* jsonLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding("utf8");
  let parts: string[] = [];
  let first = true;
  const finish = (line: string): string => {
    if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    first = false;
    return line.endsWith("\r") ? line.slice(0, -1) : line;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
      parts.push(chunk.slice(from, nl));
      yield finish(parts.join(""));
      parts = [];
      from = nl + 1;
    }
    if (from < chunk.length) parts.push(chunk.slice(from));
  }
  if (parts.length > 0) yield finish(parts.join(""));
}

/** Reads JSON Lines from input and writes one result line per input line, in order. */
export async function runScan(input: Readable, output: Writable, screener: Screener): Promise<{ lines: number; errors: number }> {
  let lines = 0;
  let errors = 0;
  for await (const line of jsonLines(input)) {
    const result = await scanLine(line, screener);
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
  // the endpoint's settings (a bad one is a clear error, as at the edge's start-up); Content Safety
  // signs in with an Entra identity (az login on a workstation, the managed identity on Azure), never a key
  const settings = loadSettings(process.env);
  const identity = settings.contentSafetyEndpoint ? await import("@azure/identity") : undefined;
  const { screener } = await createScreener(
    // --policy overrides EDGE_SCREEN_POLICY
    { ...settings, screening: { ...settings.screening, ...(policy ? { policy } : {}) } },
    { credential: () => new identity!.DefaultAzureCredential(settings.clientId ? { managedIdentityClientId: settings.clientId } : {}) },
  );
  // the input is checked before the output is opened: a missing input must not empty an existing output file
  if (inPath && inPath !== "-" && (await stat(inPath)).isDirectory()) throw new Error(`--in ${inPath}: a directory`);
  const input = inPath && inPath !== "-" ? createReadStream(inPath) : process.stdin;
  const output = outPath && outPath !== "-" ? createWriteStream(outPath) : process.stdout;
  // (an output that cannot be opened is a clear error, not an unhandled 'error' event)
  if (output !== process.stdout) await once(output, "open");
  const { errors } = await runScan(input, output, screener);
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
