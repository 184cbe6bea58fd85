// POST /api/screen: prompt-shield screening of a plain request, MCP JSON-RPC message(s) or a buffered
// event stream. Parses, calls the screener, maps the outcome; errors are problem+json.
import { parseEventStreamScreenRequest, parseJsonScreenRequest, ScreenRequestError, type ScreenRequest } from "../shared/screen/request.ts";
import { owaspOfOutcome, type ScreenOutcome } from "../shared/screen/screener.ts";
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { badRequest } from "./http/request-error.ts";
import { jsonResponse } from "./http/problem.ts";
import { readText, requireMediaType } from "./http/body.ts";
import type { EdgeRequest } from "./http/route.ts";

const METHOD_NAME = /^[A-Za-z0-9_/.-]{1,128}$/;

export async function screen({ request, services, audit, principal }: EdgeRequest): Promise<HttpResponseInit> {
  const type = requireMediaType(request, ["application/json", "text/event-stream"]);
  const methodHeader = request.headers.get("x-mcp-method") ?? undefined;
  if (methodHeader !== undefined && !METHOD_NAME.test(methodHeader)) throw badRequest("invalid-header", "X-MCP-Method is not an MCP method name");
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
      parsed = parseJsonScreenRequest(body, options);
    }
  } catch (error) {
    if (error instanceof ScreenRequestError) throw badRequest("invalid-screen-request", error.message);
    throw error;
  }

  const outcome = await services.screener.screen(parsed.items, { redact: parsed.redact, ...(parsed.spotlight ? { spotlight: parsed.spotlight } : {}) });
  if (parsed.listChanged) {
    outcome.findings.push({
      rule: "tools_list_changed",
      category: "tool_integrity",
      owasp: "MCP03",
      severity: "medium",
      location: { field: "method", start: 0, end: 0 },
      message: "The server changed its tool list: verify the next tools/list against the approved tools.",
    });
    if (outcome.verdict === "allow") outcome.verdict = "flag";
  }

  audit({
    action: "screen.verdict",
    outcome: outcome.verdict === "allow" ? "allow" : outcome.verdict === "flag" ? "flag" : "deny",
    owasp: owaspOfOutcome(outcome),
    reason: [...new Set(outcome.findings.map((f) => f.rule))].slice(0, 10).join(",") || "clean",
    ...(principal?.kind === "user" ? { subject: principal.userKeyHash } : {}),
    ...(principal?.kind === "workload" ? { client: principal.clientId } : principal?.clientId ? { client: principal.clientId } : {}),
    details: { provider: outcome.shield.provider, findings: outcome.findings.length, items: parsed.items.length, methods: parsed.methods.slice(0, 5) },
  });
  return jsonResponse(200, body(outcome, parsed));
}

function body(outcome: ScreenOutcome, parsed: ScreenRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { verdict: outcome.verdict, findings: outcome.findings, shield: outcome.shield };
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
