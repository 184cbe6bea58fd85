// Verification of a tools/list result against the server's pins: a pure function of what was read
// from the tables, so that the HTTP endpoint and /api/screen's JSON-RPC mode decide alike.
//
// Verdict (the strongest of):
//   changed tool (rug pull), duplicate name                      → block  (rules tool_changed, tool_duplicate_name; high)
//   new tool                                                     → flag   (rule tool_new; medium) — block under policy "strict" (high)
//   name equal/confusable with another server's approved tool    → flag   (rule tool_shadowing; medium)
//   text naming another server's tools, or the server itself     → flag   (rule cross_server_reference; medium)
//   removed tool (only reported against a complete list)         → allow  (rule tool_removed; low)
//   screening findings (kind tool_description)                   → the screening verdict policy (default high=block, medium=flag, low=allow)
// The integrity verdicts do not depend on the screening policy: a rug pull blocks whatever it says.
import { decideVerdict, DEFAULT_POLICY, screenTexts } from "../screening/index.ts";
import type { Action, Category, Finding, Owasp, ScreenItem, ScreenOptions, Severity, VerdictPolicy } from "../screening/index.ts";
import { findCrossReferences, NameIndex, nameSkeleton, type OtherServerNames } from "./confusables.ts";
import { diffFields, type ToolDiff } from "./diff.ts";
import type { PinSet } from "./pins.ts";
import type { ServerPolicy } from "./registry.ts";
import type { ParsedTool, ParsedToolsList } from "./tools-list.ts";

export type ToolStatus = "pinned" | "changed" | "new" | "removed";

export interface ToolVerification {
  readonly name: string;
  readonly status: ToolStatus;
  /** Hash of the definition listed now (absent for removed tools). */
  readonly hash?: string;
  /** Hash of the approved definition (pinned, changed, removed). */
  readonly pinnedHash?: string;
  /** When the pinned definition was approved (ISO 8601). */
  readonly approvedAt?: string;
  /** For changed tools: which fields changed, their hashes, a short description diff. */
  readonly diff?: ToolDiff;
}

export type ToolFindingCategory = Category | "tool_integrity" | "tool_shadowing";

/** A screening Finding, widened with the integrity categories; `tool` names the tool it concerns. */
export interface ToolFinding extends Omit<Finding, "category" | "owasp"> {
  category: ToolFindingCategory;
  owasp: Owasp | "MCP09";
  tool?: string;
  /** The other server (and tool) a shadowing or cross-server finding points at. */
  related?: { serverId: string; tool?: string };
}

export interface VerifyResult {
  readonly verdict: Action;
  readonly serverId: string;
  /** Whether the list given was complete (no nextCursor on its last page). */
  readonly complete: boolean;
  /** Version of the pin set verified against; null when nothing was ever approved. */
  readonly pinsVersion: number | null;
  readonly tools: readonly ToolVerification[];
  readonly findings: readonly ToolFinding[];
  readonly counts: Readonly<Record<ToolStatus, number>>;
}

export interface VerifyOptions {
  /** Run the screening engine on the tools' texts (default true; /api/screen, which screens them itself, passes false). */
  readonly screen?: boolean;
  /** Verdict policy for screening findings (default: the engine's DEFAULT_POLICY). */
  readonly policy?: Readonly<VerdictPolicy>;
  readonly screenOptions?: ScreenOptions;
}

export interface EvaluationInput {
  readonly server: { readonly id: string; readonly policy: ServerPolicy };
  readonly list: ParsedToolsList;
  readonly pins: PinSet | undefined;
  /** Approved canonical definitions by hash (for the diffs of changed tools). */
  readonly pinnedDefinitions: ReadonlyMap<string, string>;
  /** Approved tool names of the other (not blocked) servers. */
  readonly others: readonly OtherServerNames[];
  readonly options?: VerifyOptions;
}

const RANK: Record<Action, number> = { allow: 0, flag: 1, block: 2 };
const strongest = (a: Action, b: Action): Action => (RANK[b] > RANK[a] ? b : a);

/** The model-visible texts of a tool: title, description, annotation title, schema descriptions/titles/enums/examples/defaults. */
export function toolTexts(tool: ParsedTool): Array<{ field: string; text: string }> {
  const base = `tools[${tool.index}]`;
  const out: Array<{ field: string; text: string }> = [];
  const value = tool.value;
  if (typeof value.title === "string") out.push({ field: `${base}.title`, text: value.title });
  if (typeof value.description === "string") out.push({ field: `${base}.description`, text: value.description });
  const annotations = value.annotations;
  if (annotations && typeof annotations === "object" && !Array.isArray(annotations)) {
    const title = (annotations as Record<string, unknown>).title;
    if (typeof title === "string") out.push({ field: `${base}.annotations.title`, text: title });
  }
  for (const schema of ["inputSchema", "outputSchema"]) walkSchema(value[schema], `${base}.${schema}`, out, 0, false);
  return out;
}

const TEXT_KEYS = new Set(["description", "title", "default", "const", "examples", "enum", "$comment"]);

function walkSchema(node: unknown, path: string, out: Array<{ field: string; text: string }>, depth: number, textual: boolean): void {
  if (depth > 64) return;
  if (typeof node === "string") {
    if (textual && node.length > 0) out.push({ field: path, text: node });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkSchema(item, `${path}[${i}]`, out, depth + 1, textual));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    // Under `properties`, keys are parameter names, not schema keywords.
    walkSchema(child, childPath, out, depth + 1, textual || TEXT_KEYS.has(key));
  }
}

function finding(
  rule: string,
  category: ToolFindingCategory,
  severity: Severity,
  tool: string | undefined,
  location: Finding["location"],
  message: string,
  related?: ToolFinding["related"],
): ToolFinding {
  return { rule, category, owasp: "MCP03", severity, location, message, ...(tool !== undefined ? { tool } : {}), ...(related ? { related } : {}) };
}

function quote(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

export function evaluate(input: EvaluationInput): VerifyResult {
  const { server, list, pins, pinnedDefinitions, others, options = {} } = input;
  const strict = server.policy === "strict";
  const tools: ToolVerification[] = [];
  const findings: ToolFinding[] = [];
  let integrity: Action = "allow";
  const counts: Record<ToolStatus, number> = { pinned: 0, changed: 0, new: 0, removed: 0 };
  const listed = new Set<string>();

  for (const tool of list.tools) {
    const location = { field: `tools[${tool.index}]`, index: tool.index, start: 0, end: 0 };
    const pin = pins?.pins.get(tool.name);
    if (listed.has(tool.name)) {
      integrity = "block";
      findings.push(finding("tool_duplicate_name", "tool_integrity", "high", tool.name, location, `the tool name ${quote(tool.name)} is listed more than once`));
    }
    listed.add(tool.name);
    if (!pin) {
      counts.new += 1;
      tools.push({ name: tool.name, status: "new", hash: tool.hash });
      integrity = strongest(integrity, strict ? "block" : "flag");
      findings.push(
        finding("tool_new", "tool_integrity", strict ? "high" : "medium", tool.name, location, `the tool ${quote(tool.name)} is not approved${strict ? " (strict server policy)" : ""}`),
      );
      continue;
    }
    const approvedAt = new Date(pin.approvedAt).toISOString();
    if (pin.hash === tool.hash) {
      counts.pinned += 1;
      tools.push({ name: tool.name, status: "pinned", hash: tool.hash, pinnedHash: pin.hash, approvedAt });
      continue;
    }
    counts.changed += 1;
    integrity = "block";
    const approved = pinnedDefinitions.get(pin.hash);
    let diff: ToolDiff = { oldHash: pin.hash, newHash: tool.hash };
    if (approved !== undefined) {
      try {
        diff = { ...diff, fields: diffFields(JSON.parse(approved) as Record<string, unknown>, tool.value) };
      } catch {
        // An unreadable stored definition: the hashes alone say it changed.
      }
    }
    tools.push({ name: tool.name, status: "changed", hash: tool.hash, pinnedHash: pin.hash, approvedAt, diff });
    const fields = diff.fields?.map((f) => f.field).join(", ");
    findings.push(
      finding("tool_changed", "tool_integrity", "high", tool.name, location, `the definition of ${quote(tool.name)} differs from the approved one${fields ? ` (${fields})` : ""}`),
    );
  }

  if (list.complete && pins) {
    for (const pin of pins.pins.values()) {
      if (listed.has(pin.name)) continue;
      counts.removed += 1;
      tools.push({ name: pin.name, status: "removed", pinnedHash: pin.hash, approvedAt: new Date(pin.approvedAt).toISOString() });
      findings.push(finding("tool_removed", "tool_integrity", "low", pin.name, { field: "tools", start: 0, end: 0 }, `the approved tool ${quote(pin.name)} is no longer listed`));
    }
  }

  // Shadowing and cross-server references.
  const index = new NameIndex(others.filter((other) => other.serverId !== server.id));
  const ownSkeletons = new Set(list.tools.map((tool) => nameSkeleton(tool.name)));
  const texts = new Map<ParsedTool, Array<{ field: string; text: string }>>();
  for (const tool of list.tools) {
    for (const target of index.shadowed(tool.name)) {
      integrity = strongest(integrity, "flag");
      findings.push(
        finding(
          "tool_shadowing",
          "tool_shadowing",
          "medium",
          tool.name,
          { field: `tools[${tool.index}].name`, index: tool.index, start: 0, end: tool.name.length },
          `the tool name ${quote(tool.name)} ${target.exact ? "equals" : "is confusable with"} the approved tool ${quote(target.name)} of server ${quote(target.serverId)}`,
          { serverId: target.serverId, tool: target.name },
        ),
      );
    }
    const toolTextList = toolTexts(tool);
    texts.set(tool, toolTextList);
    for (const { field, text } of toolTextList) {
      for (const reference of findCrossReferences(text, index, ownSkeletons)) {
        integrity = strongest(integrity, "flag");
        findings.push(
          finding(
            "cross_server_reference",
            "tool_shadowing",
            "medium",
            tool.name,
            { field, index: tool.index, start: reference.start, end: reference.end },
            reference.tool !== undefined
              ? `the text of ${quote(tool.name)} refers to the tool ${quote(reference.tool)} of server ${quote(reference.serverId)}`
              : `the text of ${quote(tool.name)} refers to the server ${quote(reference.serverId)}`,
            { serverId: reference.serverId, ...(reference.tool !== undefined ? { tool: reference.tool } : {}) },
          ),
        );
      }
    }
  }

  // The screening engine's rules for tool descriptions (tool poisoning, hidden content, injection…).
  let screening: Action = "allow";
  if (options.screen !== false) {
    const items: ScreenItem[] = [];
    const owners: string[] = [];
    for (const tool of list.tools) {
      for (const { field, text } of texts.get(tool) ?? []) {
        items.push({ field, index: tool.index, kind: "tool_description", text });
        owners.push(tool.name);
      }
    }
    const byField = new Map(items.map((item, i) => [item.field, owners[i] as string]));
    const screened = screenTexts(items, options.screenOptions ?? {}).findings;
    screening = decideVerdict(screened, options.policy ?? DEFAULT_POLICY);
    for (const f of screened) {
      const tool = byField.get(f.location.field);
      findings.push({ ...f, ...(tool !== undefined ? { tool } : {}) });
    }
  }

  return {
    verdict: strongest(integrity, screening),
    serverId: server.id,
    complete: list.complete,
    pinsVersion: pins?.version ?? null,
    tools,
    findings,
    counts,
  };
}
