// Lets middleware rewrite what the MCP SDK's Streamable HTTP transport writes to a Node
// `ServerResponse`: the head (status and headers, e.g. `Mcp-Session-Id`) and each JSON-RPC message of
// the body — a JSON body as a whole, a `text/event-stream` body event by event, so that server-to-client
// requests and notifications are not held back while a long tool call runs.
//
// It wraps `writeHead`, `write`, `end` and `flushHeaders` of the one response it is given; nothing is
// sent until the head hook has run. Hooks run in order on one queue. A hook that throws before the head
// is sent turns the response into `onError`'s answer; after it (an event stream), the stream is ended.
import type { OutgoingHttpHeader, ServerResponse } from "node:http";

export interface Replacement {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HeadView {
  readonly status: number;
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  remove(name: string): void;
}

export interface ResponseHooks {
  /** Before the head is sent: rewrite headers, or return a replacement for the whole response. */
  head?(head: HeadView): void | Replacement | Promise<void | Replacement>;
  /**
   * Each JSON-RPC message of a 200 JSON or event-stream body (each element of a JSON array): what to
   * send instead. Without it the body passes unchanged.
   */
  message?(message: unknown): unknown;
  /** The answer when a hook throws before the head is sent. */
  onError(error: unknown): Replacement;
}

type Mode = "raw" | "json" | "sse" | "replaced";
type Callback = (error?: Error | null) => void;

export function interceptResponse(res: ServerResponse, hooks: ResponseHooks): void {
  const original = {
    writeHead: res.writeHead.bind(res) as (status: number) => ServerResponse,
    write: res.write.bind(res) as (chunk: Buffer) => boolean,
    end: res.end.bind(res) as (chunk?: Buffer | string) => ServerResponse,
    flushHeaders: res.flushHeaders.bind(res),
  };
  let headStarted = false;
  let status = 200;
  let mode: Mode | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const buffered: Buffer[] = [];
  let sse = "";

  const enqueue = (step: () => unknown): void => {
    queue = queue.then(step).catch(fail);
  };

  const fail = (error: unknown): void => {
    if (mode === undefined || (mode !== "replaced" && !res.headersSent)) {
      mode = "replaced";
      send(hooks.onError(error));
    } else if (!res.writableEnded) {
      mode = "replaced";
      original.end();
    }
  };

  const send = (replacement: Replacement): void => {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    const body = Buffer.from(replacement.body, "utf8");
    for (const [name, value] of Object.entries(replacement.headers ?? {})) res.setHeader(name, value);
    res.setHeader("content-length", body.length);
    original.writeHead(replacement.status);
    original.end(body);
  };

  const startHead = (): void => {
    if (headStarted) return;
    headStarted = true;
    enqueue(async () => {
      const code = (status = res.statusCode);
      const view: HeadView = {
        status: code,
        get: (name) => headerString(res.getHeader(name)),
        set: (name, value) => res.setHeader(name, value),
        remove: (name) => res.removeHeader(name),
      };
      const replacement = await hooks.head?.(view);
      if (replacement) {
        mode = "replaced";
        send(replacement);
        return;
      }
      const type = (headerString(res.getHeader("content-type")) ?? "").toLowerCase();
      if (!hooks.message || code !== 200) mode = "raw";
      else if (type.startsWith("text/event-stream")) mode = "sse";
      else if (type.startsWith("application/json")) mode = "json";
      else mode = "raw";
      if (mode === "json") return; // the head goes out with the rewritten body's length
      if (mode === "sse") res.removeHeader("content-length");
      original.writeHead(code);
      original.flushHeaders();
    });
  };

  const onChunk = async (chunk: Buffer): Promise<void> => {
    if (mode === "replaced" || res.destroyed) return;
    if (mode === "raw") {
      original.write(chunk);
      return;
    }
    if (mode === "json") {
      buffered.push(chunk);
      return;
    }
    sse += chunk.toString("utf8");
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(sse);
      if (!match) break;
      const event = sse.slice(0, match.index);
      sse = sse.slice(match.index + match[0].length);
      original.write(Buffer.from(`${await rewriteEvent(event, hooks)}\n\n`, "utf8"));
    }
  };

  const onEnd = async (): Promise<void> => {
    if (mode === "replaced" || res.writableEnded) return;
    if (mode === "json") {
      const text = Buffer.concat(buffered).toString("utf8");
      let out = text;
      if (text.trim().length > 0) {
        const parsed = JSON.parse(text) as unknown;
        const rewritten = Array.isArray(parsed) ? await Promise.all(parsed.map((m) => hooks.message?.(m))) : await hooks.message?.(parsed);
        out = JSON.stringify(rewritten);
      }
      const body = Buffer.from(out, "utf8");
      res.setHeader("content-length", body.length);
      original.writeHead(status);
      original.end(body);
      return;
    }
    if (mode === "sse" && sse.length > 0) original.write(Buffer.from(await rewriteEvent(sse, hooks), "utf8"));
    original.end();
  };

  res.writeHead = function writeHead(code: number, ...rest: unknown[]): ServerResponse {
    if (mode !== undefined) return res; // the head has been decided already (a late error path)
    res.statusCode = code;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null) as Record<string, OutgoingHttpHeader> | OutgoingHttpHeader[] | undefined;
    for (const [name, value] of headerEntries(headers)) res.setHeader(name, value);
    startHead();
    return res;
  } as ServerResponse["writeHead"];

  res.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    startHead();
    const buffer = toBuffer(chunk, encoding);
    enqueue(() => onChunk(buffer));
    const done = (typeof encoding === "function" ? encoding : callback) as Callback | undefined;
    if (done) enqueue(() => done());
    return true;
  } as ServerResponse["write"];

  res.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown): ServerResponse {
    startHead();
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      const buffer = toBuffer(chunk, encoding);
      enqueue(() => onChunk(buffer));
    }
    enqueue(onEnd);
    const done = [chunk, encoding, callback].find((arg) => typeof arg === "function") as Callback | undefined;
    if (done) res.once("finish", () => done());
    return res;
  } as ServerResponse["end"];

  res.flushHeaders = function flushHeaders(): void {
    // Deferred: the head goes out once the head hook has run.
  };
}

/** One SSE event: the JSON-RPC message in its `data` lines goes through the message hook. */
async function rewriteEvent(event: string, hooks: ResponseHooks): Promise<string> {
  const lines = event.split(/\r\n|\r|\n/);
  const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(line.startsWith("data: ") ? 6 : 5));
  if (data.length === 0) return event;
  let message: unknown;
  try {
    message = JSON.parse(data.join("\n"));
  } catch {
    return event; // not a JSON-RPC message (e.g. an empty priming event)
  }
  const rewritten = JSON.stringify(await hooks.message?.(message));
  const others = lines.filter((line) => !line.startsWith("data:"));
  return [...others, `data: ${rewritten}`].join("\n");
}

function headerEntries(headers: Record<string, OutgoingHttpHeader> | OutgoingHttpHeader[] | undefined): Array<[string, OutgoingHttpHeader]> {
  if (!headers) return [];
  if (!Array.isArray(headers)) return Object.entries(headers).filter(([, value]) => value !== undefined);
  const out: Array<[string, OutgoingHttpHeader]> = [];
  if (headers.length > 0 && Array.isArray(headers[0])) {
    for (const pair of headers as unknown as string[][]) if (pair[0] !== undefined && pair[1] !== undefined) out.push([pair[0], pair[1]]);
  } else {
    for (let i = 0; i + 1 < headers.length; i += 2) out.push([String(headers[i]), headers[i + 1] as OutgoingHttpHeader]);
  }
  return out;
}

function headerString(value: number | string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
