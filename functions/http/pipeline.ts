// Wraps every route handler with what all routes share: correlation, method check (405 + Allow),
// access control (before any body is read), error mapping and request telemetry. No input a caller
// can send produces a 500 here: anything unexpected is answered without details and audited.
import { randomHex } from "./random-ids.ts";
import { HttpResponse, type HttpHandler, type HttpRequest, type HttpResponseInit, type InvocationContext } from "./azure-functions.ts";
import type { AuditEvent } from "../../shared/audit/events.ts";
import { DependencyUnavailableError, InvalidTokenError } from "../../shared/identity/errors.ts";
import type { Principal } from "../../shared/identity/principal.ts";
import type { Services } from "../services.ts";
import { readForm, readJson, readText } from "./body.ts";
import { correlationIdOf } from "./correlation.ts";
import { oauthErrorResponse, problemResponse, type ErrorFormat } from "./problem.ts";
import { RequestError } from "./request-error.ts";
import type { Access, EdgeRequest, RouteDefinition } from "./route.ts";

export const REALM = "mcp-security-edge";
export const ROLE_ADMIN = "Edge.Admin";
export const ROLE_SCREEN = "Edge.Screen";
export const ROLE_EXCHANGE = "Edge.Exchange";

export type ServicesProvider = () => Promise<Services>;

export function createHandler(route: RouteDefinition, getServices: ServicesProvider): HttpHandler {
  return async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponse> => {
    const started = performance.now();
    const correlationId = correlationIdOf(request.headers.get("traceparent"));
    const format: ErrorFormat = route.errorFormat ?? "problem";
    let services: Services | undefined;
    let response: HttpResponse;
    try {
      services = await getServices();
      response = await run(route, request, correlationId, services);
    } catch (error) {
      response = errorToResponse(error, format, correlationId, services, route);
    }
    response.headers.set("traceparent", `00-${correlationId}-${randomHex(8)}-01`);
    services?.audit.request({
      time: new Date().toISOString(),
      name: route.name,
      method: request.method,
      route: route.route,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      correlationId,
    });
    return response;
  };
}

async function run(route: RouteDefinition, request: HttpRequest, correlationId: string, services: Services): Promise<HttpResponse> {
  if (!route.methods.includes(request.method as never)) {
    throw new RequestError(405, "method-not-allowed", `${request.method} is not allowed here`, {
      oauthError: "invalid_request",
      headers: { Allow: route.methods.join(", ") },
    });
  }
  const audit = (event: Omit<AuditEvent, "correlationId" | "route">): void =>
    services.audit.record({ ...event, correlationId, route: route.name });
  const principal = await authorize(route.access, request, services, audit);
  const max = services.settings.maxBodyBytes;
  const edgeRequest: EdgeRequest = {
    request,
    params: request.params,
    correlationId,
    principal,
    services,
    audit,
    readJson: () => readJson(request, max),
    readForm: () => readForm(request, max),
    readText: () => readText(request, max),
  };
  const result = await route.handler(edgeRequest);
  return result instanceof HttpResponse ? result : new HttpResponse(result as HttpResponseInit);
}

/** Access per route, in one place. Returns the principal for token-protected routes. */
async function authorize(
  access: Access,
  request: HttpRequest,
  services: Services,
  audit: (event: Omit<AuditEvent, "correlationId" | "route">) => void,
): Promise<Principal | undefined> {
  if (access === "anonymous" || access === "functionKey" || access === "client") return undefined;
  const token = bearerToken(request);
  if (token === undefined) {
    audit({ action: "auth.token", outcome: "deny", owasp: "MCP07", reason: "missing_token" });
    throw new RequestError(401, "unauthorized", "a bearer token is required", {
      headers: { "WWW-Authenticate": `Bearer realm="${REALM}"` },
    });
  }
  let principal: Principal;
  try {
    principal = await services.verifier.verify(token, { audiences: services.settings.audiences });
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      audit({ action: "auth.token", outcome: "deny", owasp: "MCP07", reason: error.reason });
      throw new RequestError(401, "invalid-token", "the bearer token is not valid", {
        headers: { "WWW-Authenticate": `Bearer realm="${REALM}", error="invalid_token", error_description="the token is not valid"` },
      });
    }
    throw error;
  }
  const subject = principal.kind === "user" ? principal.userKeyHash : undefined;
  const client = principal.kind === "workload" ? principal.clientId : principal.clientId;
  const missing = missingPermission(access, principal);
  if (missing) {
    audit({ action: "auth.access", outcome: "deny", owasp: "MCP07", reason: missing.reason, ...(subject ? { subject } : {}), ...(client ? { client } : {}) });
    throw new RequestError(403, "insufficient-scope", missing.detail, {
      headers: {
        "WWW-Authenticate": `Bearer realm="${REALM}", error="insufficient_scope", scope="${missing.scope}", error_description="${missing.detail}"`,
      },
    });
  }
  audit({ action: "auth.access", outcome: "allow", owasp: "MCP07", ...(subject ? { subject } : {}), ...(client ? { client } : {}) });
  return principal;
}

function missingPermission(access: Access, principal: Principal): { reason: string; scope: string; detail: string } | undefined {
  switch (access) {
    case "user":
      return principal.kind === "user" ? undefined : { reason: "not_a_user", scope: "user", detail: "a user token is required" };
    case "admin":
      if (principal.kind !== "user") return { reason: "not_a_user", scope: ROLE_ADMIN, detail: "a user token is required" };
      return principal.roles.includes(ROLE_ADMIN) ? undefined : { reason: "missing_role", scope: ROLE_ADMIN, detail: `requires the app role ${ROLE_ADMIN}` };
    case "screen":
      if (principal.kind === "user") return undefined;
      return principal.roles.includes(ROLE_SCREEN) ? undefined : { reason: "missing_role", scope: ROLE_SCREEN, detail: `requires the app role ${ROLE_SCREEN}` };
    default:
      return undefined;
  }
}

/** RFC 6750 §2.1: `Authorization: Bearer <token>`, scheme case-insensitive. */
export function bearerToken(request: HttpRequest): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const space = header.indexOf(" ");
  if (space < 0 || header.slice(0, space).toLowerCase() !== "bearer") return undefined;
  const token = header.slice(space + 1).trim();
  return token.length > 0 ? token : undefined;
}

export function errorToResponse(
  error: unknown,
  format: ErrorFormat,
  correlationId: string,
  services: Services | undefined,
  route: { name: string },
): HttpResponse {
  if (error instanceof RequestError) {
    if (format === "oauth") {
      return oauthErrorResponse({
        status: error.status,
        error: error.options.oauthError ?? error.type,
        description: error.detail,
        ...(error.options.headers ? { headers: error.options.headers } : {}),
      });
    }
    return problemResponse({
      status: error.status,
      type: error.type,
      detail: error.detail,
      correlationId,
      ...(error.options.headers ? { headers: error.options.headers } : {}),
      ...(error.options.extensions ? { extensions: error.options.extensions } : {}),
    });
  }
  if (error instanceof DependencyUnavailableError) {
    services?.audit.record({
      action: "dependency.unavailable",
      outcome: "deny",
      owasp: "MCP08",
      reason: `${error.dependency}:${error.reason}`,
      correlationId,
      route: route.name,
    });
    const headers = { "Retry-After": "5" };
    if (format === "oauth") {
      return oauthErrorResponse({ status: 503, error: "temporarily_unavailable", description: "a dependency is unavailable; retry later", headers });
    }
    return problemResponse({
      status: 503,
      type: "dependency-unavailable",
      detail: `${error.dependency} is unavailable; nothing was allowed`,
      correlationId,
      headers,
      extensions: { dependency: error.dependency },
    });
  }
  // A configuration error or a bug: no details (no stack trace, no message) reach the caller.
  services?.audit.record({
    action: "internal.error",
    outcome: "error",
    owasp: "MCP08",
    reason: error instanceof Error ? error.name : "unknown",
    details: { message: error instanceof Error ? error.message : String(error) },
    correlationId,
    route: route.name,
  });
  if (format === "oauth") return oauthErrorResponse({ status: 500, error: "server_error", description: "internal error" });
  return problemResponse({ status: 500, type: "internal-error", detail: "internal error", correlationId });
}
