// POST /api/screen: prompt-shield screening of a plain request, MCP JSON-RPC message(s) or a buffered
// event stream. Parses, calls the screener, maps the outcome; errors are problem+json.
import { duplicateKey } from "../shared/mcp/duplicate-keys.ts";
import { isKnownMethod, isMethodName } from "../shared/mcp/extract.ts";
import { parseEventStreamScreenRequest, parseJsonScreenRequest, ScreenRequestError, type ScreenRequest } from "../shared/screen/request.ts";
import { owaspOfOutcome, type ScreenOutcome } from "../shared/screen/screener.ts";
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { badRequest } from "./http/request-error.ts";
import { jsonResponse } from "./http/problem.ts";
import { readText, requireMediaType } from "./http/body.ts";
import type { EdgeRequest } from "./http/route.ts";
import { MCP_SERVER_ID_HEADER, toolsListChangedForScreen, verifyToolsListForScreen } from "./servers.ts";

const RANK = { allow: 0, flag: 1, block: 2 } as const;

/** Most findings an answer lists (the verdict weighs them all): a JSON-RPC body of 20,000 strings could otherwise
 * make an answer tens of times its own size. The most severe are kept, in their order; `findingsTotal` says how
 * many there were. */
export const MAX_FINDINGS_LISTED = 1_000;
const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

function listed(findings: ScreenOutcome["findings"]): { findings: ScreenOutcome["findings"]; total?: number } {
  if (findings.length <= MAX_FINDINGS_LISTED) return { findings };
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .slice(0, MAX_FINDINGS_LISTED)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  return { findings: kept, total: findings.length };
}

export async function screen(edgeRequest: EdgeRequest): Promise<HttpResponseInit> {
  const { request, services, audit, principal } = edgeRequest;
  const type = requireMediaType(request, ["application/json", "text/event-stream"]);
  // (an empty header names nothing: APIM sends one for a batch and for a client's JSON-RPC response)
  const methodHeader = request.headers.get("x-mcp-method") || undefined;
  if (methodHeader !== undefined && !isMethodName(methodHeader)) throw badRequest("invalid-header", "X-MCP-Method is not an MCP method name");
  const text = await readText(request, services.settings.maxBodyBytes);
  const options = { maxDocuments: services.settings.screening.maxDocuments, ...(methodHeader ? { method: methodHeader } : {}) };
  let parsed: ScreenRequest;
  try {
    if (type === "text/event-stream") {
      parsed = parseEventStreamScreenRequest(text, options);
    } else {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw badRequest("invalid-json", "the body is not valid JSON");
      }
      // (the key is not named: it is the caller's text)
      if (duplicateKey(text) !== undefined) throw badRequest("invalid-json", "a key appears twice in one object: parsers disagree on which value counts");
      parsed = parseJsonScreenRequest(body, options);
    }
  } catch (error) {
    if (error instanceof ScreenRequestError) throw badRequest("invalid-screen-request", error.message);
    throw error;
  }

  const serverId = request.headers.get(MCP_SERVER_ID_HEADER) ?? undefined;
  const outcome = await services.screener.screen(parsed.items, { redact: parsed.redact, ...(parsed.spotlight ? { spotlight: parsed.spotlight } : {}) });
  let tools: unknown;
  if (serverId !== undefined && parsed.toolsListResults.length > 0) {
    // One APIM outbound call covers screening and verification against the approved tools.
    const verification = await verifyToolsListForScreen(edgeRequest, serverId, parsed.toolsListResults.length === 1 ? parsed.toolsListResults[0] : parsed.toolsListResults, {
      screen: false,
      policy: services.settings.screening.policy,
    });
    outcome.findings.push(...(verification.findings as ScreenOutcome["findings"]));
    if (RANK[verification.verdict] > RANK[outcome.verdict]) outcome.verdict = verification.verdict;
    tools = verification.tools;
  }
  if (parsed.listChanged) {
    const changed = serverId !== undefined ? await toolsListChangedForScreen(edgeRequest, serverId) : undefined;
    outcome.findings.push(
      ...((changed?.findings as ScreenOutcome["findings"] | undefined) ?? [
        {
          rule: "tools_list_changed",
          category: "tool_integrity",
          owasp: "MCP03",
          severity: "medium",
          location: { field: "method", start: 0, end: 0 },
          message: "The server changed its tool list: verify the next tools/list against the approved tools.",
        },
      ]),
    );
    if (outcome.verdict === "allow") outcome.verdict = "flag";
  }

  audit({
    action: "screen.verdict",
    outcome: outcome.verdict === "allow" ? "allow" : outcome.verdict === "flag" ? "flag" : "deny",
    owasp: owaspOfOutcome(outcome),
    reason: [...new Set(outcome.findings.map((f) => f.rule))].slice(0, 10).join(",") || "clean",
    ...(principal?.kind === "user" ? { subject: principal.userKeyHash } : {}),
    ...(principal?.kind === "workload" ? { client: principal.clientId } : principal?.clientId ? { client: principal.clientId } : {}),
    // (only the protocol's own method names: any other "method" is text, screened, and never logged)
    details: { provider: outcome.shield.provider, findings: outcome.findings.length, items: parsed.items.length, methods: parsed.methods.slice(0, 5).map((m) => (isKnownMethod(m) ? m : "other")) },
  });
  return jsonResponse(200, { ...body(outcome, parsed), ...(tools !== undefined ? { tools } : {}) });
}

function body(outcome: ScreenOutcome, parsed: ScreenRequest): Record<string, unknown> {
  // For JSON-RPC bodies a "document" is each screened string that is not user input: documentFields
  // names them, entry for entry with documentsAttack, so a caller can tell which part was an attack.
  const shield =
    parsed.shape === "jsonrpc"
      ? { ...outcome.shield, documentFields: parsed.items.filter((item) => item.kind !== "prompt" && item.kind !== "tool_arguments").map((item) => item.field) }
      : outcome.shield;
  const { findings, total } = listed(outcome.findings);
  const out: Record<string, unknown> = { verdict: outcome.verdict, findings, ...(total !== undefined ? { findingsTotal: total } : {}), shield };
  if (outcome.redactedTexts) {
    const redacted: { userPrompt?: string; documents?: string[] } = {};
    parsed.items.forEach((item, i) => {
      const text = outcome.redactedTexts?.[i] as string;
      if (item.field === "userPrompt") redacted.userPrompt = text;
      else (redacted.documents ??= []).push(text);
    });
    out.redacted = redacted;
  }
  if (outcome.spotlighted) out.spotlighted = outcome.spotlighted;
  return out;
}
