// MCP server registry and tool integrity endpoints (issue 6). Thin adapters over shared/tools.
//
//   GET    /api/servers                              admin   list the registry
//   GET    /api/servers/{serverId}                   admin   one server, with its pins (ETag)
//   PUT    /api/servers/{serverId}                   admin   create (201) or replace (200); If-Match optional (412 when stale)
//   DELETE /api/servers/{serverId}                   admin   204; removes its pins too; If-Match optional
//   POST   /api/servers/{serverId}/tools/approve     admin   pin a tools/list result (one page or an array of pages)
//   POST   /api/servers/{serverId}/tools/verify      screen  verify a tools/list result against the pins
//
// Refusals: an unknown server → 404 `server-unknown`; a blocked server → 403 `server-blocked` (approve,
// verify); a pending one → 403 `server-pending` (verify only: approving a pending server is how its
// tools get pinned before it is switched to approved). Registry routes manage servers in any state.
// Bad input (invalid server id, not a tools/list result, duplicate names on approval, too many tools,
// a definition over 400,000 UTF-16 units) → 400 problem+json, before anything is stored. Concurrent
// approvals are serialized (see shared/tools/pins.ts): a conflict is retried on fresh state, and only
// when it keeps losing after 8 attempts the answer is 409 `approval-conflict` with nothing committed.
// Table down → 503 (the pipeline maps DependencyUnavailableError): never a verdict, never an allow.
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { jsonResponse } from "./http/problem.ts";
import { RequestError, badRequest } from "./http/request-error.ts";
import type { EdgeRequest } from "./http/route.ts";
import type { AuditEvent } from "../shared/audit/events.ts";
import { DependencyUnavailableError } from "../shared/identity/errors.ts";
import type { VerdictPolicy } from "../shared/screening/index.ts";
import {
  ApprovalConflictError,
  assertServerId,
  parseServerInput,
  PreconditionFailedError,
  ServerIdConflictError,
  ServerRefusedError,
  ToolsInputError,
  type ApprovalResult,
  type ListChangedResult,
  type PinSet,
  type ServerRecord,
  type ToolFinding,
  type ToolIntegrity,
  type VerifyOptions,
  type VerifyResult,
} from "../shared/tools/index.ts";

/** The header with which APIM names the MCP server of a message sent to /api/screen. */
export const MCP_SERVER_ID_HEADER = "x-mcp-server-id";

const AUDIT_LIST_MAX = 50;

type Audit = Omit<AuditEvent, "correlationId" | "route">;

function integrityOf(request: EdgeRequest): ToolIntegrity {
  const tools = request.services.tools;
  if (!tools) throw new DependencyUnavailableError("table", "not_configured");
  return tools;
}

function serverIdOf(request: EdgeRequest): string {
  const serverId = request.params.serverId ?? "";
  try {
    assertServerId(serverId);
  } catch (error) {
    throw toRequestError(error);
  }
  return serverId;
}

/** Who is calling, for audit events: the hashed user key, or the workload's client id. */
function who(request: EdgeRequest): Pick<AuditEvent, "subject" | "client"> {
  const principal = request.principal;
  if (!principal) return {};
  if (principal.kind === "user") return { subject: principal.userKeyHash, ...(principal.clientId ? { client: principal.clientId } : {}) };
  return { client: principal.clientId };
}

function adminKey(request: EdgeRequest): string {
  const principal = request.principal;
  // The route table declares access "admin" (a user with Edge.Admin); this guards a misconfigured row.
  if (!principal || principal.kind !== "user") throw new Error("server registry routes require access: admin");
  return principal.userKeyHash;
}

/** Maps the domain's errors to HTTP problems (anything else — e.g. a table outage — is left to the pipeline). */
export function toRequestError(error: unknown): unknown {
  if (error instanceof ToolsInputError) return badRequest(error.code, error.detail);
  if (error instanceof ServerRefusedError) {
    return new RequestError(error.status, `server-${error.reason}`, error.message, { extensions: { serverId: error.serverId } });
  }
  if (error instanceof ApprovalConflictError) return new RequestError(409, "approval-conflict", error.message);
  if (error instanceof PreconditionFailedError) return new RequestError(412, "precondition-failed", error.message);
  if (error instanceof ServerIdConflictError) {
    return new RequestError(409, "server-id-conflict", error.message, { extensions: { serverId: error.serverId, conflictsWith: error.existingId } });
  }
  return error;
}

/** Audits a refusal or bad input of `action`, then rethrows it as an HTTP problem. */
function refuse(request: EdgeRequest, action: string, serverId: string | undefined, error: unknown): never {
  if (error instanceof ServerRefusedError) {
    request.audit({ action, outcome: "deny", owasp: "MCP09", reason: `${error.reason}_server`, ...who(request), details: { serverId: error.serverId } });
  } else if (error instanceof ToolsInputError) {
    request.audit({ action, outcome: "deny", owasp: "MCP03", reason: `invalid_input:${error.code}`, ...who(request), ...(serverId ? { details: { serverId } } : {}) });
  } else if (error instanceof ApprovalConflictError) {
    request.audit({ action, outcome: "error", owasp: "MCP03", reason: "approval_conflict", ...who(request), ...(serverId ? { details: { serverId } } : {}) });
  }
  throw toRequestError(error);
}

const iso = (ms: number): string => new Date(ms).toISOString();

function serverView(record: ServerRecord): Record<string, unknown> {
  return {
    id: record.id,
    displayName: record.displayName,
    baseUrl: record.baseUrl,
    owner: record.owner,
    state: record.state,
    policy: record.policy,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    updatedBy: record.updatedBy,
  };
}

function pinsView(pins: PinSet | undefined): Record<string, unknown> | null {
  if (!pins) return null;
  return {
    version: pins.version,
    complete: pins.complete,
    updatedAt: iso(pins.updatedAt),
    updatedBy: pins.updatedBy,
    tools: [...pins.pins.values()].map((pin) => ({ name: pin.name, hash: pin.hash, approvedAt: iso(pin.approvedAt), approvedBy: pin.approvedBy })),
  };
}

function etagHeaders(record: ServerRecord): Record<string, string> {
  return record.etag ? { ETag: record.etag } : {};
}

function ifMatchOf(request: EdgeRequest): string | undefined {
  const value = request.request.headers.get("if-match");
  return value === null || value.trim() === "" ? undefined : value.trim();
}

const names = (list: readonly string[]): string[] => list.slice(0, AUDIT_LIST_MAX);
const rulesOf = (findings: readonly ToolFinding[]): string[] => [...new Set(findings.map((f) => f.rule))].slice(0, AUDIT_LIST_MAX);

// ---- registry ---------------------------------------------------------------------------------

/** GET /api/servers → 200 { servers: [...] } */
export async function listServers(request: EdgeRequest): Promise<HttpResponseInit> {
  const servers = await integrityOf(request).registry.list();
  return jsonResponse(200, { servers: servers.map(serverView) });
}

/** `api/servers/{serverId}`: GET, PUT, DELETE (the pipeline has answered other methods with 405). */
export function serverItem(request: EdgeRequest): Promise<HttpResponseInit> {
  switch (request.request.method) {
    case "PUT":
      return putServer(request);
    case "DELETE":
      return deleteServer(request);
    default:
      return getServer(request);
  }
}

export async function getServer(request: EdgeRequest): Promise<HttpResponseInit> {
  const serverId = serverIdOf(request);
  const integrity = integrityOf(request);
  const record = await integrity.registry.get(serverId);
  if (!record) throw toRequestError(new ServerRefusedError(serverId, "unknown"));
  const pins = await integrity.pins.read(record);
  return jsonResponse(200, { ...serverView(record), pins: pinsView(pins) }, etagHeaders(record));
}

export async function putServer(request: EdgeRequest): Promise<HttpResponseInit> {
  const serverId = serverIdOf(request);
  const actor = adminKey(request);
  const body = await request.readJson();
  let result;
  try {
    const input = parseServerInput(serverId, body);
    result = await integrityOf(request).registry.put(serverId, input, actor, ifMatchOf(request));
  } catch (error) {
    if (error instanceof ServerIdConflictError) {
      request.audit({ action: "servers.put", outcome: "deny", owasp: "MCP09", reason: "confusable_server_id", ...who(request), details: { serverId, conflictsWith: error.existingId } });
    } else if (error instanceof PreconditionFailedError) {
      request.audit({ action: "servers.put", outcome: "deny", owasp: "MCP09", reason: "precondition_failed", ...who(request), details: { serverId } });
    }
    refuse(request, "servers.put", serverId, error);
  }
  const { record, created, previous } = result;
  request.audit({
    action: "servers.put",
    outcome: "allow",
    owasp: "MCP09",
    reason: created ? "created" : "updated",
    ...who(request),
    details: {
      serverId,
      state: record.state,
      policy: record.policy,
      ...(previous ? { previousState: previous.state, previousPolicy: previous.policy } : {}),
      ...(previous && previous.baseUrl !== record.baseUrl ? { baseUrlChanged: true } : {}),
    },
  });
  return jsonResponse(created ? 201 : 200, serverView(record), {
    ...etagHeaders(record),
    ...(created ? { Location: `/api/servers/${encodeURIComponent(serverId)}` } : {}),
  });
}

export async function deleteServer(request: EdgeRequest): Promise<HttpResponseInit> {
  const serverId = serverIdOf(request);
  let outcome;
  try {
    outcome = await integrityOf(request).deleteServer(serverId, ifMatchOf(request));
  } catch (error) {
    if (error instanceof PreconditionFailedError) {
      request.audit({ action: "servers.delete", outcome: "deny", owasp: "MCP09", reason: "precondition_failed", ...who(request), details: { serverId } });
    }
    refuse(request, "servers.delete", serverId, error);
  }
  if (!outcome.deleted) throw toRequestError(new ServerRefusedError(serverId, "unknown"));
  request.audit({
    action: "servers.delete",
    outcome: "allow",
    owasp: "MCP09",
    ...who(request),
    details: { serverId, state: outcome.deleted.state, pinsRemoved: outcome.pinsRemoved },
  });
  return { status: 204, headers: { "Cache-Control": "no-store" } };
}

// ---- tools ------------------------------------------------------------------------------------

/** POST /api/servers/{serverId}/tools/approve → 200 { version, tools: [{ name, hash, status }], unpinned, findings, … } */
export async function approveTools(request: EdgeRequest): Promise<HttpResponseInit> {
  const serverId = serverIdOf(request);
  const actor = adminKey(request);
  const body = await request.readJson();
  let result: ApprovalResult;
  try {
    result = await integrityOf(request).approve(serverId, body, actor);
  } catch (error) {
    refuse(request, "tools.approve", serverId, error);
  }
  const byStatus = (status: string): string[] => result.tools.filter((tool) => tool.status === status).map((tool) => tool.name);
  request.audit({
    action: "tools.approve",
    outcome: "allow",
    owasp: "MCP03",
    ...who(request),
    details: {
      serverId,
      version: result.version,
      complete: result.complete,
      toolCount: result.tools.length,
      new: names(byStatus("new")),
      changed: names(byStatus("changed")),
      unpinned: names(result.unpinned.map((pin) => pin.name)),
      attempts: result.attempts,
      findingRules: rulesOf(result.findings),
    },
  });
  return jsonResponse(200, {
    serverId: result.serverId,
    version: result.version,
    complete: result.complete,
    approvedAt: iso(result.approvedAt),
    approvedBy: result.approvedBy,
    tools: result.tools,
    unpinned: result.unpinned,
    findings: result.findings,
  });
}

/** POST /api/servers/{serverId}/tools/verify → 200 { verdict, tools: [{ name, status, diff? }], findings, … } */
export async function verifyTools(request: EdgeRequest): Promise<HttpResponseInit> {
  const serverId = serverIdOf(request);
  const body = await request.readJson();
  // The screening part follows EDGE_SCREEN_POLICY when the screening settings are present (issue 5).
  const policy = (request.services.settings as { screening?: { policy?: VerdictPolicy } }).screening?.policy;
  const result = await verifyAndAudit(request, serverId, body, policy ? { policy } : {});
  return jsonResponse(200, result);
}

async function verifyAndAudit(request: EdgeRequest, serverId: string, body: unknown, options: VerifyOptions): Promise<VerifyResult> {
  let result: VerifyResult;
  try {
    result = await integrityOf(request).verify(serverId, body, options);
  } catch (error) {
    refuse(request, "tools.verify", serverId, error);
  }
  auditVerdict(request, result);
  return result;
}

function auditVerdict(request: EdgeRequest, result: VerifyResult): void {
  const byStatus = (status: string): string[] => result.tools.filter((tool) => tool.status === status).map((tool) => tool.name);
  const top = result.findings.find((f) => f.severity === "high") ?? result.findings.find((f) => f.severity === "medium");
  const event: Audit = {
    action: "tools.verify",
    outcome: result.verdict === "allow" ? "allow" : result.verdict === "flag" ? "flag" : "deny",
    owasp: "MCP03",
    ...(top ? { reason: top.rule } : {}),
    ...who(request),
    details: {
      serverId: result.serverId,
      verdict: result.verdict,
      complete: result.complete,
      pinsVersion: result.pinsVersion,
      counts: result.counts,
      changed: names(byStatus("changed")),
      new: names(byStatus("new")),
      removed: names(byStatus("removed")),
      rules: rulesOf(result.findings),
    },
  };
  request.audit(event);
}

// ---- for /api/screen (JSON-RPC mode) ------------------------------------------------------------

/**
 * Verification for /api/screen when `X-MCP-Server-Id` is present and the message is a tools/list
 * result (or an array of pages). Same checks, refusals (RequestError 400/403/404) and audit event
 * (`tools.verify`) as /tools/verify. Pass `{ screen: false }` when /api/screen screens the tool texts
 * itself (the findings would otherwise be reported twice), and `policy` to apply EDGE_SCREEN_POLICY.
 */
export function verifyToolsListForScreen(request: EdgeRequest, serverId: string, result: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  return verifyAndAudit(request, serverId, result, options);
}

/**
 * For /api/screen given `notifications/tools/list_changed` with `X-MCP-Server-Id`: refuses unknown,
 * pending and blocked servers like verification; otherwise `{ verdict: "flag", verifyNextToolsList: true, findings }`.
 */
export async function toolsListChangedForScreen(request: EdgeRequest, serverId: string): Promise<ListChangedResult> {
  let result: ListChangedResult;
  try {
    result = await integrityOf(request).toolsListChanged(serverId);
  } catch (error) {
    refuse(request, "tools.list_changed", serverId, error);
  }
  request.audit({ action: "tools.list_changed", outcome: "flag", owasp: "MCP03", reason: "tools_list_changed", ...who(request), details: { serverId } });
  return result;
}
