// Decides what in an MCP JSON-RPC message is screened, and as what: the user's input, third-party
// content (tool results, resources, prompts, instructions) or tool descriptions. Anything not
// recognised is screened as a document: nothing passes unscreened.
import type { ScreenItem, TextKind } from "../screening/types.ts";

export const MAX_DEPTH = 64;

export class ExtractError extends Error {
  override readonly name = "ExtractError";
}

export interface ExtractedMessage {
  readonly items: ScreenItem[];
  /** The methods seen (requests and notifications), or the one a response is taken to answer. */
  readonly methods: string[];
  /** `tools/list` results found (for tool verification). */
  readonly toolsListResults: unknown[];
  readonly listChanged: boolean;
}

export function isJsonRpc(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((m) => isObject(m) && m.jsonrpc === "2.0");
  return isObject(value) && value.jsonrpc === "2.0";
}

/**
 * Extracts the texts of one or more JSON-RPC messages. `method` (X-MCP-Method) names the request a
 * response answers; without it a result is classified by its shape.
 */
export function extractJsonRpc(messages: readonly unknown[], method: string | undefined): ExtractedMessage {
  const out: ExtractedMessage = { items: [], methods: [], toolsListResults: [], listChanged: false };
  messages.forEach((message, index) => {
    const prefix = messages.length > 1 ? `[${index}]` : "";
    if (!isObject(message) || message.jsonrpc !== "2.0") throw new ExtractError("not a JSON-RPC 2.0 message");
    const hasMethod = typeof message.method === "string";
    if (!hasMethod && !("error" in message) && !("result" in message)) throw new ExtractError("a JSON-RPC message needs a method, a result or an error");
    if (hasMethod) {
      out.methods.push(message.method as string);
      if (message.method === "notifications/tools/list_changed") (out as { listChanged: boolean }).listChanged = true;
    }
    // Every member is screened, whatever the message's type: a lenient client may read a result that rides on an
    // error or a request, or a member the protocol does not define.
    for (const [key, value] of Object.entries(message)) {
      if (key === "jsonrpc") continue;
      if (key === "method" && hasMethod) {
        // a method the protocol does not define is text like any other
        if (!isKnownMethod(value as string)) out.items.push({ field: `${prefix}method`, kind: "document", text: value as string });
        continue;
      }
      const field = `${prefix}${fieldSegment(key)}`;
      if (key === "params" && hasMethod) {
        walk(value, field, requestKind(message.method as string), out.items);
      } else if (key === "result") {
        const answered = method ?? methodByShape(value);
        if (answered) out.methods.push(answered);
        if (answered === "tools/list") out.toolsListResults.push(value);
        walk(value, field, resultKind(answered), out.items);
      } else {
        // the error, the id, and anything else
        walk(value, field, () => "document", out.items);
      }
    }
  });
  return out;
}

type KindOf = (path: readonly string[]) => TextKind;

function requestKind(method: string): KindOf {
  switch (method) {
    case "tools/call":
      // The tool's name is the client's choice among listed tools; its arguments are the user's input.
      return (path) => (path[0] === "arguments" ? "tool_arguments" : "prompt");
    case "sampling/createMessage":
    case "elicitation/create":
      return () => "prompt";
    default:
      return () => "document";
  }
}

function resultKind(method: string | undefined): KindOf {
  switch (method) {
    case "tools/call":
    case "tasks/result":
      return () => "tool_result";
    case "tools/list":
      // (content beside the tools is screened as what it claims to be: adding "tools" to a tool result must not
      // lower how its content is read)
      return (path) => (path[0] === "tools" ? "tool_description" : path[0] === "content" || path[0] === "structuredContent" ? "tool_result" : "document");
    default:
      // resources/read, prompts/get, initialize (instructions) and anything unknown: third-party content.
      return () => "document";
  }
}

/** Classifies a result without X-MCP-Method by its shape. A tool list comes first: it is the shape that the tool
 * integrity check reads, and a rug-pulled list that also carries `content` must not escape that check. */
export function methodByShape(result: unknown): string | undefined {
  if (!isObject(result)) return undefined;
  if (Array.isArray(result.tools)) return "tools/list";
  if ("content" in result || "structuredContent" in result) return "tools/call";
  if (Array.isArray(result.messages)) return "prompts/get";
  if (Array.isArray(result.contents)) return "resources/read";
  if ("protocolVersion" in result && "capabilities" in result) return "initialize";
  return undefined;
}

/** Longest key kept whole in a finding's field, and longest field: the field names where a text sits, and a request
 * of long keys over many short strings must not make the answer hundreds of times its own size. */
const MAX_KEY_IN_FIELD = 40;
const MAX_FIELD = 160;

function fieldSegment(key: string): string {
  return key.length > MAX_KEY_IN_FIELD ? `${key.slice(0, MAX_KEY_IN_FIELD)}…` : key;
}

function childField(field: string, step: string): string {
  if (field.length >= MAX_FIELD) return field.endsWith("…") ? field : `${field}…`;
  return field + step;
}

/** A key read as a name, not as text: an identifier with at most two separators ("user_id", "x-request-id",
 * "include_archived_items") and at most 32 units. Any other key is screened like a value (a JSON schema's property
 * names are shown to the model: "ignore-all-previous-instructions-and-…" is text). */
function isNameKey(key: string): boolean {
  if (!isPlainName(key, "_$.-", 0, 32)) return false;
  let separators = 0;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    if (c === 0x5f || c === 0x2e || c === 0x2d || c === 0x24) separators += 1;
  }
  return separators <= 2;
}

/** Every string value, and every object key that is not a plain name (each distinct one once), is screened,
 * iteratively. */
function walk(root: unknown, rootField: string, kindOf: KindOf, items: ScreenItem[]): void {
  const stack: Array<{ value: unknown; field: string; path: string[]; depth: number }> = [{ value: root, field: rootField, path: [], depth: 0 }];
  const keysSeen = new Set<string>();
  while (stack.length > 0) {
    const { value, field, path, depth } = stack.pop() as (typeof stack)[number];
    if (depth > MAX_DEPTH) throw new ExtractError(`nesting deeper than ${MAX_DEPTH}`);
    if (typeof value === "string") {
      if (value.length > 0) items.push({ field, kind: kindOf(path), text: value });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], field: childField(field, `[${i}]`), path: [...path, String(i)], depth: depth + 1 });
      continue;
    }
    if (isObject(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        const kind = kindOf(path);
        // (the same key in every element of a long array is one text to screen, not thousands)
        if (key.length > 0 && !isNameKey(key) && !keysSeen.has(`${kind}\u0000${key}`)) {
          keysSeen.add(`${kind}\u0000${key}`);
          items.push({ field: childField(field, "{key}"), kind, text: key });
        }
        stack.push({ value: child, field: childField(field, `.${fieldSegment(key)}`), path: [...path, key], depth: depth + 1 });
      }
    }
  }
}

/** `name` is `min`..`max` ASCII letters, digits and `extra` characters (a hand-written check: no
 * regular expression runs on what callers send to the screening endpoint). */
export function isPlainName(name: string, extra: string, min: number, max: number): boolean {
  if (name.length < min || name.length > max) return false;
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && !extra.includes(name[i] as string)) return false;
  }
  return true;
}

/** The methods the MCP specification defines (2025-11-25): only these are named in logs; any other "method" is text. */
const KNOWN_METHODS = new Set([
  "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read", "resources/templates/list", "resources/subscribe",
  "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel", "sampling/createMessage", "elicitation/create",
  "roots/list", "tasks/get", "tasks/result", "tasks/list", "tasks/cancel",
  "notifications/initialized", "notifications/cancelled", "notifications/progress", "notifications/message", "notifications/resources/updated",
  "notifications/resources/list_changed", "notifications/tools/list_changed", "notifications/prompts/list_changed", "notifications/roots/list_changed",
  "notifications/tasks/status", "notifications/elicitation/complete",
]);

export const isKnownMethod = (name: string): boolean => KNOWN_METHODS.has(name);

/** An MCP method name as the X-MCP-Method header may carry it ("tools/call", "notifications/progress"). */
export const isMethodName = (name: string): boolean => isPlainName(name, "_/.-", 1, 128);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
