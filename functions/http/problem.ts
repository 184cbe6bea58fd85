// Error bodies: RFC 9457 problem details for every route, RFC 6749 §5.2 JSON for OAuth routes.
import { HttpResponse } from "./azure-functions.ts";

export type ErrorFormat = "problem" | "oauth";

/**
 * The body each response was built with. The local host writes it directly instead of reading the
 * response's web stream back (a measurable cost per request); the HttpResponse itself is unchanged.
 */
const bodies = new WeakMap<HttpResponse, string>();

export function knownBody(response: HttpResponse): string | undefined {
  return bodies.get(response);
}

function textResponse(status: number, headers: Record<string, string>, body: string): HttpResponse {
  const response = new HttpResponse({ status, headers, body });
  bodies.set(response, body);
  return response;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export interface ProblemInit {
  readonly status: number;
  /** A short slug naming the problem type, e.g. `invalid-json`. */
  readonly type: string;
  readonly detail: string;
  readonly correlationId: string;
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;
}

export function problemResponse(init: ProblemInit): HttpResponse {
  return textResponse(
    init.status,
    { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...init.headers },
    JSON.stringify({
      type: `urn:mcp-security-edge:problem:${init.type}`,
      title: TITLES[init.status] ?? "Error",
      status: init.status,
      detail: init.detail,
      correlationId: init.correlationId,
      ...init.extensions,
    }),
  );
}

export interface OAuthErrorInit {
  readonly status: number;
  readonly error: string;
  readonly description: string;
  readonly headers?: Record<string, string>;
  readonly extra?: Record<string, unknown>;
}

export function oauthErrorResponse(init: OAuthErrorInit): HttpResponse {
  return textResponse(
    init.status,
    { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache", ...init.headers },
    JSON.stringify({ error: init.error, error_description: init.description, ...init.extra }),
  );
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return textResponse(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers }, JSON.stringify(body));
}
