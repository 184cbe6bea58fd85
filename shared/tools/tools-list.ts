// Parsing a `tools/list` result (MCP 2025-11-25: `{ tools: Tool[], nextCursor?: string, _meta? }`),
// one page or an array of pages, optionally wrapped in its JSON-RPC response envelope. Each tool is
// canonicalized (RFC 8785) and hashed (SHA-256 over the UTF-8 bytes of the canonical form) as a whole:
// every field a client shows or a model reads can carry a rug pull, so nothing is left out.
import { createHash } from "node:crypto";
import { canonicalize, JcsError } from "./jcs.ts";
import { ToolsInputError } from "./errors.ts";

export const TOOLS_LIST_LIMITS = {
  /** Tools in one (merged) list. */
  maxTools: 1000,
  /** Pages in one request. */
  maxPages: 100,
  /** UTF-16 code units of a tool name (MCP recommends at most 128). */
  maxNameLength: 256,
  /** Nesting of objects and arrays inside one tool. */
  maxDepth: 64,
  /**
   * UTF-16 code units of one tool's canonical JSON. It is stored split across 30,000-unit properties
   * (Edm.String holds 64 KiB = 32 Ki units); the bound keeps the row below the 1 MiB entity limit.
   * A bigger definition is refused (400), never truncated.
   */
  maxDefinitionUnits: 400_000,
} as const;

export interface ParsedTool {
  readonly name: string;
  /** Position in the merged list (all pages, in order). */
  readonly index: number;
  readonly value: Readonly<Record<string, unknown>>;
  /** RFC 8785 canonical JSON of the whole tool object. */
  readonly canonical: string;
  /** Hex SHA-256 of the UTF-8 canonical JSON: the pin. */
  readonly hash: string;
}

export interface ParsedToolsList {
  readonly tools: readonly ParsedTool[];
  /** True when the last page carries no `nextCursor`: only then can tools be reported `removed`. */
  readonly complete: boolean;
  readonly pages: number;
  /** Names that occur more than once (always empty unless duplicates were allowed). */
  readonly duplicates: readonly string[];
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Hex SHA-256 of the RFC 8785 form of any JSON value (field hashes of diffs). */
export function jcsHash(value: unknown): string {
  return sha256Hex(canonicalize(value, TOOLS_LIST_LIMITS.maxDepth + 1));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Does this JSON value look like a tools/list result (a page, an array of pages, or its JSON-RPC response)? */
export function isToolsListResult(value: unknown): boolean {
  const page = (candidate: unknown): boolean => {
    const unwrapped = isPlainObject(candidate) && candidate.jsonrpc === "2.0" && isPlainObject(candidate.result) ? candidate.result : candidate;
    return isPlainObject(unwrapped) && Array.isArray(unwrapped.tools);
  };
  return Array.isArray(value) ? value.length > 0 && value.every(page) : page(value);
}

function unwrapPage(candidate: unknown, position: string): Record<string, unknown> {
  let page = candidate;
  if (isPlainObject(page) && page.jsonrpc === "2.0") {
    if ("error" in page) throw new ToolsInputError("not-a-tools-list", `${position} is a JSON-RPC error response, not a tools/list result`);
    if (!("result" in page)) throw new ToolsInputError("not-a-tools-list", `${position} is a JSON-RPC message without a result`);
    page = page.result;
  }
  if (!isPlainObject(page) || !Array.isArray(page.tools)) {
    throw new ToolsInputError("not-a-tools-list", `${position} is not a tools/list result (an object with a "tools" array)`);
  }
  return page;
}

function cursorOf(page: Record<string, unknown>, position: string): string | undefined {
  const cursor = page.nextCursor;
  if (cursor === undefined || cursor === null) return undefined;
  if (typeof cursor !== "string") throw new ToolsInputError("not-a-tools-list", `${position}: "nextCursor" must be a string`);
  return cursor;
}

/**
 * Parses and validates a tools/list result. Throws ToolsInputError (→ 400) on anything that is not
 * one. With `allowDuplicates` (verification), a name listed twice is reported in `duplicates`
 * instead of refused: a server doing that is answered with a verdict, not an error.
 */
export function parseToolsList(input: unknown, options: { allowDuplicates?: boolean } = {}): ParsedToolsList {
  const raw = Array.isArray(input) ? input : [input];
  if (raw.length === 0) throw new ToolsInputError("not-a-tools-list", "an empty array of pages is not a tools/list result");
  if (raw.length > TOOLS_LIST_LIMITS.maxPages) throw new ToolsInputError("too-many-tools", `at most ${TOOLS_LIST_LIMITS.maxPages} pages`);
  const pages = raw.map((page, i) => unwrapPage(page, Array.isArray(input) ? `page ${i}` : "the body"));

  let complete = true;
  pages.forEach((page, i) => {
    const cursor = cursorOf(page, `page ${i}`);
    const last = i === pages.length - 1;
    if (last) complete = cursor === undefined;
    else if (cursor === undefined) throw new ToolsInputError("not-a-tools-list", `page ${i} has no "nextCursor" but is not the last page`);
  });

  const total = pages.reduce((n, page) => n + (page.tools as unknown[]).length, 0);
  if (total > TOOLS_LIST_LIMITS.maxTools) throw new ToolsInputError("too-many-tools", `at most ${TOOLS_LIST_LIMITS.maxTools} tools per server`);

  const tools: ParsedTool[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const page of pages) {
    for (const tool of page.tools as unknown[]) {
      const index = tools.length;
      const where = `tools[${index}]`;
      if (!isPlainObject(tool)) throw new ToolsInputError("invalid-tool", `${where} is not an object`);
      const name = tool.name;
      if (typeof name !== "string" || name.length === 0 || name.length > TOOLS_LIST_LIMITS.maxNameLength) {
        throw new ToolsInputError("invalid-tool", `${where}: "name" must be a string of 1 to ${TOOLS_LIST_LIMITS.maxNameLength} characters`);
      }
      if ("inputSchema" in tool && !isPlainObject(tool.inputSchema)) throw new ToolsInputError("invalid-tool", `${where}: "inputSchema" must be an object`);
      if ("outputSchema" in tool && !isPlainObject(tool.outputSchema)) throw new ToolsInputError("invalid-tool", `${where}: "outputSchema" must be an object`);
      if ("description" in tool && typeof tool.description !== "string") throw new ToolsInputError("invalid-tool", `${where}: "description" must be a string`);
      let canonical: string;
      try {
        canonical = canonicalize(tool, TOOLS_LIST_LIMITS.maxDepth);
      } catch (error) {
        if (error instanceof JcsError) throw new ToolsInputError("invalid-tool", `${where}: ${error.message}`);
        throw error;
      }
      if (canonical.length > TOOLS_LIST_LIMITS.maxDefinitionUnits) {
        throw new ToolsInputError(
          "definition-too-large",
          `${where}: the canonical definition has ${canonical.length} UTF-16 code units; at most ${TOOLS_LIST_LIMITS.maxDefinitionUnits} are accepted`,
        );
      }
      if (seen.has(name)) {
        if (!options.allowDuplicates) throw new ToolsInputError("duplicate-tool-name", `${where}: the tool name is listed twice`);
        duplicates.add(name);
      }
      seen.add(name);
      tools.push({ name, index, value: tool, canonical, hash: sha256Hex(canonical) });
    }
  }
  return { tools, complete, pages: pages.length, duplicates: [...duplicates] };
}
