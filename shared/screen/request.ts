// The screening request: either the plain shape ({ userPrompt, documents, redact, spotlight }), one or
// more MCP JSON-RPC messages, or a buffered text/event-stream of them. Parsed and validated here into
// the items the engine screens; nothing here knows about HTTP.
import { duplicateKey } from "../mcp/duplicate-keys.ts";
import { ExtractError, extractJsonRpc, isJsonRpc } from "../mcp/extract.ts";
import { parseEventStream } from "../mcp/sse.ts";
import type { ScreenItem, TextKind } from "../screening/types.ts";

export type SpotlightMode = "delimit" | "datamark" | "base64";

export interface ScreenRequest {
  readonly shape: "plain" | "jsonrpc";
  readonly items: ScreenItem[];
  readonly redact: boolean;
  readonly spotlight?: SpotlightMode;
  /** JSON-RPC only: the messages as received and what they carry (redact and spotlight apply to the
   * plain shape only: a JSON-RPC message is screened, not rewritten). */
  readonly messages?: unknown[];
  readonly methods: string[];
  readonly toolsListResults: unknown[];
  readonly listChanged: boolean;
}

export class ScreenRequestError extends Error {
  override readonly name = "ScreenRequestError";
}

const PLAIN_FIELDS = new Set(["userPrompt", "documents", "redact", "spotlight"]);
const DOCUMENT_FIELDS = new Set(["text", "kind", "source"]);
const DOCUMENT_KINDS: Record<string, TextKind> = { document: "document", tool_result: "tool_result", tool_description: "tool_description" };
/** Bounds the per-string overhead of one request (the body size bounds the characters). */
export const MAX_STRINGS = 20_000;
const SPOTLIGHT = new Set(["delimit", "datamark", "base64"]);

export interface ParseOptions {
  readonly maxDocuments: number;
  /** X-MCP-Method: the request a JSON-RPC response answers. */
  readonly method?: string;
}

/** From an already-parsed JSON body. */
export function parseJsonScreenRequest(body: unknown, options: ParseOptions): ScreenRequest {
  if (isJsonRpc(body)) return fromMessages(Array.isArray(body) ? body : [body], options);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ScreenRequestError("the body must be a screening request object or JSON-RPC 2.0 message(s)");
  }
  const request = body as Record<string, unknown>;
  for (const key of Object.keys(request)) if (!PLAIN_FIELDS.has(key)) throw new ScreenRequestError(`unknown field ${key.slice(0, 40)}`);
  const items: ScreenItem[] = [];
  if (request.userPrompt !== undefined) {
    if (typeof request.userPrompt !== "string") throw new ScreenRequestError("userPrompt must be a string");
    items.push({ field: "userPrompt", kind: "prompt", text: request.userPrompt });
  }
  if (request.documents !== undefined) {
    if (!Array.isArray(request.documents)) throw new ScreenRequestError("documents must be an array");
    if (request.documents.length > options.maxDocuments) throw new ScreenRequestError(`at most ${options.maxDocuments} documents`);
    request.documents.forEach((document: unknown, index) => items.push(parseDocument(document, index)));
  }
  if (items.length === 0) throw new ScreenRequestError("nothing to screen: give userPrompt or documents");
  if (request.redact !== undefined && typeof request.redact !== "boolean") throw new ScreenRequestError("redact must be a boolean");
  if (request.spotlight !== undefined && !SPOTLIGHT.has(request.spotlight as string)) {
    throw new ScreenRequestError("spotlight must be delimit, datamark or base64");
  }
  return {
    shape: "plain",
    items,
    redact: request.redact === true,
    ...(request.spotlight ? { spotlight: request.spotlight as SpotlightMode } : {}),
    methods: [],
    toolsListResults: [],
    listChanged: false,
  };
}

/** From a buffered Streamable HTTP response: every event's JSON-RPC message is screened. */
export function parseEventStreamScreenRequest(body: string, options: ParseOptions): ScreenRequest {
  const messages: unknown[] = [];
  for (const data of parseEventStream(body)) {
    if (data.trim().length === 0) continue;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      throw new ScreenRequestError("an event's data is not JSON");
    }
    if (duplicateKey(data) !== undefined) throw new ScreenRequestError("a key appears twice in one object of an event's data: parsers disagree on which value counts");
    if (!isJsonRpc(message)) throw new ScreenRequestError("an event's data is not a JSON-RPC 2.0 message");
    messages.push(...(Array.isArray(message) ? message : [message]));
  }
  if (messages.length === 0) throw new ScreenRequestError("the event stream carries no message");
  return fromMessages(messages, options);
}

function fromMessages(messages: unknown[], options: ParseOptions): ScreenRequest {
  if (messages.length > options.maxDocuments) throw new ScreenRequestError(`at most ${options.maxDocuments} messages`);
  try {
    const extracted = extractJsonRpc(messages, options.method);
    if (extracted.items.length > MAX_STRINGS) throw new ScreenRequestError(`at most ${MAX_STRINGS} strings per request`);
    return { shape: "jsonrpc", items: extracted.items, redact: false, messages, methods: extracted.methods, toolsListResults: extracted.toolsListResults, listChanged: extracted.listChanged };
  } catch (error) {
    if (error instanceof ExtractError) throw new ScreenRequestError(error.message);
    throw error;
  }
}

function parseDocument(document: unknown, index: number): ScreenItem {
  if (typeof document === "string") return { field: "documents", index, kind: "document", text: document };
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new ScreenRequestError(`documents[${index}] must be a string or { text, kind?, source? }`);
  }
  const value = document as Record<string, unknown>;
  for (const key of Object.keys(value)) if (!DOCUMENT_FIELDS.has(key)) throw new ScreenRequestError(`documents[${index}]: unknown field ${key.slice(0, 40)}`);
  if (typeof value.text !== "string") throw new ScreenRequestError(`documents[${index}].text must be a string`);
  if (value.source !== undefined && (typeof value.source !== "string" || value.source.length > 2048)) {
    throw new ScreenRequestError(`documents[${index}].source must be a string of at most 2048 characters`);
  }
  const kind = value.kind === undefined ? "document" : typeof value.kind === "string" && Object.hasOwn(DOCUMENT_KINDS, value.kind) ? DOCUMENT_KINDS[value.kind] : undefined;
  if (!kind) throw new ScreenRequestError(`documents[${index}].kind must be document, tool_result or tool_description`);
  return { field: "documents", index, kind, text: value.text };
}
