// Session endpoints (issue 7). Every route is `access: "user"`: the pipeline has verified the user's
// token before these run, and a session is looked up only under that user's partition — a session
// never authenticates anyone by itself. Unknown, malformed, expired, revoked, rotated-away and other
// users' ids all get the same 404 (no oracle); only the audit log tells them apart.
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { jsonResponse } from "./http/problem.ts";
import { RequestError, badRequest } from "./http/request-error.ts";
import type { EdgeRequest } from "./http/route.ts";
import { DependencyUnavailableError } from "../shared/identity/errors.ts";
import type { UserPrincipal } from "../shared/identity/principal.ts";
import { isSessionIdFormat, sessionHashPrefix, sessionRowKey } from "../shared/sessions/session-id.ts";
import {
  SESSION_INPUT_LIMITS,
  type CreateSessionInput,
  type InvalidReason,
  type IssuedSession,
  type SessionStore,
} from "../shared/sessions/session-store.ts";

const AUDIT_HASH_LIST_MAX = 100;

interface SessionContext {
  readonly store: SessionStore;
  readonly user: UserPrincipal;
}

function contextOf(request: EdgeRequest): SessionContext {
  const user = request.principal;
  // The route table declares access "user"; this only guards against a misconfigured row.
  if (!user || user.kind !== "user") throw new Error("session routes require access: user");
  const store = request.services.sessions;
  if (!store) throw new DependencyUnavailableError("table", "not_configured");
  return { store, user };
}

function sessionNotFound(): RequestError {
  return new RequestError(404, "session-not-found", "no such session");
}

function hashOf(sessionId: string): string | undefined {
  return isSessionIdFormat(sessionId) ? sessionHashPrefix(sessionRowKey(sessionId)) : undefined;
}

function denied(request: EdgeRequest, user: UserPrincipal, action: string, sessionId: string, reason: InvalidReason): RequestError {
  const sessionHash = hashOf(sessionId);
  request.audit({
    action,
    outcome: "deny",
    owasp: "MCP07",
    reason,
    subject: user.userKeyHash,
    ...(user.clientId ? { client: user.clientId } : {}),
    ...(sessionHash ? { details: { sessionHash } } : {}),
  });
  return sessionNotFound();
}

const iso = (ms: number): string => new Date(ms).toISOString();

function issued(session: IssuedSession): Record<string, string> {
  return { sessionId: session.sessionId, expiresAt: iso(session.expiresAt), idleExpiresAt: iso(session.idleExpiresAt) };
}

/** `api/sessions`: POST creates, DELETE revokes all (the pipeline has already answered other methods with 405). */
export function sessionsCollection(request: EdgeRequest): Promise<HttpResponseInit> {
  return request.request.method === "POST" ? createSession(request) : revokeAllSessions(request);
}

/** `api/sessions/{sessionId}`: GET validates, DELETE revokes. */
export function sessionItem(request: EdgeRequest): Promise<HttpResponseInit> {
  return request.request.method === "GET" ? getSession(request) : revokeSession(request);
}

/** POST /api/sessions → 201 { sessionId, expiresAt, idleExpiresAt } */
export async function createSession(request: EdgeRequest): Promise<HttpResponseInit> {
  const { store, user } = contextOf(request);
  const parsed = parseCreateBody(await readObject(request, CREATE_FIELDS), request.services.settings.sessions);
  // Without an explicit clientId, the session records the client application the token was issued to.
  const input = parsed.clientId === undefined && user.clientId ? { ...parsed, clientId: user.clientId } : parsed;
  const created = await store.create(user.userKeyHash, input);
  const client = input.clientId;
  request.audit({
    action: "session.create",
    outcome: "allow",
    owasp: "MCP07",
    subject: user.userKeyHash,
    ...(user.clientId ? { client: user.clientId } : {}),
    details: {
      sessionHash: created.hashPrefix,
      ...(input.resource ? { resource: input.resource } : {}),
      ...(client ? { clientId: client } : {}),
      expiresAt: iso(created.expiresAt),
      idleExpiresAt: iso(created.idleExpiresAt),
    },
  });
  for (const revokedHash of created.revokedForLimit) {
    request.audit({
      action: "session.revoke",
      outcome: "info",
      owasp: "MCP07",
      reason: "limit",
      subject: user.userKeyHash,
      details: { sessionHash: revokedHash, maxPerUser: request.services.settings.sessions.maxPerUser },
    });
  }
  return jsonResponse(201, issued(created));
}

/** GET /api/sessions/{sessionId} → 200 with the session's metadata, or 404 (same body for every reason). */
export async function getSession(request: EdgeRequest): Promise<HttpResponseInit> {
  const { store, user } = contextOf(request);
  const sessionId = request.params.sessionId ?? "";
  const result = await store.validate(user.userKeyHash, sessionId);
  if (!result.ok) throw denied(request, user, "session.validate", sessionId, result.reason);
  const { session } = result;
  return jsonResponse(200, {
    userKeyHash: user.userKeyHash,
    createdAt: iso(session.createdAt),
    expiresAt: iso(session.expiresAt),
    idleExpiresAt: iso(session.idleExpiresAt),
    ...(session.clientId !== undefined ? { clientId: session.clientId } : {}),
    ...(session.resource !== undefined ? { resource: session.resource } : {}),
    ...(session.backendSessionId !== undefined ? { backendSessionId: session.backendSessionId } : {}),
    ...(session.graceUntil !== undefined ? { rotatedGraceUntil: iso(session.graceUntil) } : {}),
  });
}

/** POST /api/sessions/{sessionId}/rotate → 200 { sessionId, expiresAt, idleExpiresAt }; the old id stops working. */
export async function rotateSession(request: EdgeRequest): Promise<HttpResponseInit> {
  const { store, user } = contextOf(request);
  await readObject(request, []);
  const sessionId = request.params.sessionId ?? "";
  const result = await store.rotate(user.userKeyHash, sessionId);
  if (!result.ok) throw denied(request, user, "session.rotate", sessionId, result.reason);
  request.audit({
    action: "session.rotate",
    outcome: "allow",
    owasp: "MCP07",
    subject: user.userKeyHash,
    ...(user.clientId ? { client: user.clientId } : {}),
    details: {
      sessionHash: result.previousHashPrefix,
      newSessionHash: result.session.hashPrefix,
      graceSeconds: request.services.settings.sessions.rotateGraceSeconds,
    },
  });
  return jsonResponse(200, issued(result.session));
}

/** DELETE /api/sessions/{sessionId} → 204 */
export async function revokeSession(request: EdgeRequest): Promise<HttpResponseInit> {
  const { store, user } = contextOf(request);
  const sessionId = request.params.sessionId ?? "";
  const result = await store.revoke(user.userKeyHash, sessionId);
  if (!result.ok) throw denied(request, user, "session.revoke", sessionId, result.reason);
  request.audit({
    action: "session.revoke",
    outcome: "allow",
    owasp: "MCP07",
    reason: "user",
    subject: user.userKeyHash,
    ...(user.clientId ? { client: user.clientId } : {}),
    details: { sessionHash: result.hashPrefix },
  });
  return { status: 204, headers: { "Cache-Control": "no-store" } };
}

/** DELETE /api/sessions → 200 { revoked: n }: sign-out everywhere for the token's user. */
export async function revokeAllSessions(request: EdgeRequest): Promise<HttpResponseInit> {
  const { store, user } = contextOf(request);
  const result = await store.revokeAll(user.userKeyHash);
  request.audit({
    action: "session.revoke_all",
    outcome: "allow",
    owasp: "MCP07",
    reason: "user",
    subject: user.userKeyHash,
    ...(user.clientId ? { client: user.clientId } : {}),
    details: { revoked: result.revoked, sessionHashes: result.hashPrefixes.slice(0, AUDIT_HASH_LIST_MAX) },
  });
  return jsonResponse(200, { revoked: result.revoked });
}

// ---- body validation --------------------------------------------------------------------------

const CREATE_FIELDS = ["clientId", "resource", "backendSessionId", "idleTimeoutSeconds", "lifetimeSeconds"] as const;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const FIELD_NAME = /^[A-Za-z0-9_]{1,40}$/;

/** An absent or empty body is `{}`; otherwise a JSON object with only the allowed fields. */
async function readObject(request: EdgeRequest, allowed: readonly string[]): Promise<Record<string, unknown>> {
  const headers = request.request.headers;
  const length = headers.get("content-length");
  const chunked = headers.has("transfer-encoding");
  if (!chunked && (length === null || length.trim() === "0")) return {};
  const value = await request.readJson();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("invalid-body", "the body must be a JSON object");
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw badRequest("invalid-body", FIELD_NAME.test(key) ? `unknown field "${key}"` : "unknown field");
    }
  }
  return value as Record<string, unknown>;
}

function parseCreateBody(
  body: Record<string, unknown>,
  limits: { idleSeconds: number; lifetimeSeconds: number },
): CreateSessionInput {
  const clientId = optionalString(body, "clientId", SESSION_INPUT_LIMITS.clientIdMaxLength);
  const resource = optionalString(body, "resource", SESSION_INPUT_LIMITS.resourceMaxLength);
  if (resource !== undefined && (!URL.canParse(resource) || resource.includes("#"))) {
    throw badRequest("invalid-body", '"resource" must be an absolute URI without a fragment');
  }
  const backendSessionId = optionalString(body, "backendSessionId", SESSION_INPUT_LIMITS.backendSessionIdMaxLength);
  const idleTimeoutSeconds = optionalInteger(body, "idleTimeoutSeconds", SESSION_INPUT_LIMITS.minIdleSeconds, limits.idleSeconds);
  const lifetimeSeconds = optionalInteger(body, "lifetimeSeconds", SESSION_INPUT_LIMITS.minLifetimeSeconds, limits.lifetimeSeconds);
  return {
    ...(clientId !== undefined ? { clientId } : {}),
    ...(resource !== undefined ? { resource } : {}),
    ...(backendSessionId !== undefined ? { backendSessionId } : {}),
    ...(idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds } : {}),
    ...(lifetimeSeconds !== undefined ? { lifetimeSeconds } : {}),
  };
}

function optionalString(body: Record<string, unknown>, name: string, maxLength: number): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > maxLength || !VISIBLE_ASCII.test(value)) {
    throw badRequest("invalid-body", `"${name}" must be a string of 1 to ${maxLength} visible ASCII characters`);
  }
  return value;
}

function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest("invalid-body", `"${name}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}
