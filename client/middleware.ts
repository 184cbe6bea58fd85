// Protects an MCP server built on @modelcontextprotocol/sdk (Streamable HTTP) with MCP Security Edge.
// A Node `http` / Express-compatible middleware `(req, res, next)`:
//
//   (a) no valid token → 401 with `WWW-Authenticate: Bearer resource_metadata="…"` (RFC 9728 §5.1), and
//       the protected-resource metadata served at its well-known locations;
//   (b) the bearer token's `aud` must be this server: an edge-minted token (behind APIM, checked against
//       the edge's JWKS) or a trusted issuer's user token (standalone) — see ./token-verifier.ts;
//   (c) standalone (a user token, so no APIM in front): `Mcp-Session-Id` is mapped through the edge — the
//       MCP server's own id never reaches the client (POST /api/sessions on initialize, GET
//       /api/sessions/{id} on every later request, 404 → the client re-initializes);
//   (d) `tools/call` arguments are screened before the server sees them and `tools/call` results before
//       the client sees them (POST /api/screen); `block` → a JSON-RPC error; the edge unreachable →
//       fail closed;
//   (e) `exchangeForDownstream(resource)`: an RFC 8693 exchange of the inbound token for a token for a
//       downstream API — the inbound token is never passed on.
//
// Use (node:http):
//   const edge = new EdgeClient({ edgeUrl, getWorkloadToken });
//   const protect = createMcpEdgeMiddleware({ resource: "https://mcp.contoso.example/weather", edge, trustedIssuers });
//   http.createServer((req, res) => protect(req, res, () => transport.handleRequest(req, res, req.body)));
// The middleware reads a JSON body itself (unless `req.body` is already set, e.g. by express.json()):
// hand `req.body` to `transport.handleRequest` as its parsed body.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EdgeClient, ScreenResult } from "./edge-client.ts";
import { EdgeError, EdgeRejectedError, EdgeUnavailableError } from "./errors.ts";
import { interceptResponse, type Replacement } from "./response-interceptor.ts";
import { AccessTokenVerifier, InvalidAccessTokenError, type TrustedIssuer, type VerifiedAccessToken } from "./token-verifier.ts";

export interface McpEdgeMiddlewareOptions {
  /** This MCP server's canonical URI (RFC 8707), e.g. `https://mcp.contoso.example/weather`: the only `aud` accepted. */
  readonly resource: string;
  /** The edge client, authenticated with this server's workload token (Edge.Exchange, Edge.Screen). */
  readonly edge: EdgeClient;
  /**
   * Issuers whose user tokens for `resource` are accepted directly (standalone mode; the edge must then
   * list `resource` in EDGE_AUDIENCES). Empty: only edge-minted tokens (behind APIM).
   */
  readonly trustedIssuers?: readonly TrustedIssuer[];
  /** Accept edge-minted tokens, checked against the edge's JWKS from its RFC 8414 metadata (default true). */
  readonly acceptEdgeTokens?: boolean;
  /** `authorization_servers` of the metadata (default: the trusted issuers that are URLs, else the edge). */
  readonly authorizationServers?: readonly string[];
  /** `scopes_supported` of the metadata, and `scope=` of the 401 challenge. */
  readonly scopesSupported?: readonly string[];
  /** Scopes every token must carry (`scope`/`scp` or `roles`); missing → 403 insufficient_scope. */
  readonly requiredScopes?: readonly string[];
  /** `resource_name` of the metadata. */
  readonly resourceName?: string;
  /** Map `Mcp-Session-Id` through the edge for user tokens (default true). Edge-minted tokens come through APIM, which maps sessions itself. */
  readonly sessions?: boolean;
  /** Screen `tools/call` arguments and results (default true for both). */
  readonly screening?: boolean | { readonly arguments?: boolean; readonly results?: boolean };
  /** Largest JSON body read (default 1 MiB); larger → 413. */
  readonly maxBodyBytes?: number;
  /** Notified of every refusal and block (for logs and metrics; never receives a token). */
  readonly onEvent?: (event: McpEdgeEvent) => void;
}

export interface McpEdgeEvent {
  readonly type: "token_missing" | "token_invalid" | "scope_missing" | "session_unknown" | "arguments_blocked" | "result_blocked" | "edge_unavailable" | "edge_refused";
  readonly reason?: string;
  readonly rules?: readonly string[];
  readonly subject?: string;
}

/** The shape of the SDK's AuthInfo (`extra.authInfo` in tool handlers), set on `req.auth`. */
export interface EdgeAuthInfo {
  readonly token: string;
  readonly clientId: string;
  readonly scopes: string[];
  readonly expiresAt?: number;
  readonly resource?: URL;
  readonly extra?: Record<string, unknown>;
}

export interface ExchangeForDownstreamOptions {
  /** Scopes to ask for (default: the downstream policy's defaults). */
  readonly scopes?: readonly string[];
  /** The inbound token, from a tool handler's `extra.authInfo` (default: the current request's). */
  readonly authInfo?: { readonly token: string };
}

export interface McpEdgeMiddleware {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  readonly resource: string;
  /** Where the RFC 9728 metadata is served (path-inserted form first, then the root form). */
  readonly metadataUrls: readonly string[];
  readonly verifier: AccessTokenVerifier;
  /** The RFC 9728 protected-resource metadata document. */
  protectedResourceMetadata(): Record<string, unknown>;
  /**
   * A token for `resource` obtained with an RFC 8693 exchange of the current request's token
   * (a chained exchange when that is edge-minted). Cached until shortly before it expires.
   */
  exchangeForDownstream(resource: string, options?: ExchangeForDownstreamOptions): Promise<string>;
  /** The verified token of the request being handled (inside `next`), if any. */
  currentToken(): VerifiedAccessToken | undefined;
}

/** JSON-RPC error codes used in answers (implementation-defined server error range). */
export const MCP_EDGE_ERROR = {
  /** The SDK's own code for an unknown session. */
  sessionNotFound: -32001,
  /** A tools/call whose arguments or result failed screening. */
  blocked: -32010,
  /** The edge could not be reached (HTTP 503 with Retry-After, or in place of an unscreenable result). */
  unavailable: -32011,
  /** The edge refused a call the middleware made for this request (HTTP 403). */
  refused: -32012,
} as const;

type RequestWithAuth = IncomingMessage & { auth?: EdgeAuthInfo; body?: unknown };
type RpcId = string | number;

const EXCHANGE_CACHE_MAX = 1_000;
const EXCHANGE_EARLY_REFRESH_S = 30;

export function createMcpEdgeMiddleware(options: McpEdgeMiddlewareOptions): McpEdgeMiddleware {
  const { edge } = options;
  const resource = options.resource;
  const resourceUrl = new URL(resource);
  if (resourceUrl.hash) throw new TypeError("resource must not have a fragment");
  const acceptEdge = options.acceptEdgeTokens ?? true;
  const verifier = new AccessTokenVerifier({ resource, ...(acceptEdge ? { edge } : {}), trustedIssuers: options.trustedIssuers ?? [] });
  const mapSessions = options.sessions ?? true;
  const screenArguments = typeof options.screening === "object" ? (options.screening.arguments ?? true) : (options.screening ?? true);
  const screenResults = typeof options.screening === "object" ? (options.screening.results ?? true) : (options.screening ?? true);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const notify = (event: McpEdgeEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // an observer never changes the outcome
    }
  };

  // RFC 9728 §3.1: the well-known segment goes between the host and the resource's path.
  const resourcePath = resourceUrl.pathname.replace(/\/+$/, "");
  const metadataPaths = [...new Set([`/.well-known/oauth-protected-resource${resourcePath}`, "/.well-known/oauth-protected-resource"])];
  const metadataUrls = metadataPaths.map((path) => `${resourceUrl.origin}${path}`);
  const metadataUrl = metadataUrls[0] as string;
  const metadata = {
    resource,
    authorization_servers: [
      ...(options.authorizationServers ??
        ((): string[] => {
          const urls = (options.trustedIssuers ?? []).map((t) => t.issuer).filter((i) => /^https?:\/\//.test(i));
          return urls.length > 0 ? urls : [edge.edgeIssuer];
        })()),
    ],
    bearer_methods_supported: ["header"],
    ...(options.scopesSupported ? { scopes_supported: [...options.scopesSupported] } : {}),
    ...(options.resourceName ? { resource_name: options.resourceName } : {}),
  };
  const scopeParam = options.scopesSupported?.length ? `, scope="${options.scopesSupported.join(" ")}"` : "";

  const context = new AsyncLocalStorage<VerifiedAccessToken>();
  const exchanged = new Map<string, { token: string; until: number }>();

  const handle = async (req: RequestWithAuth, res: ServerResponse): Promise<VerifiedAccessToken | undefined> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if ((req.method === "GET" || req.method === "HEAD") && metadataPaths.includes(path)) {
      send(res, 200, { "Content-Type": "application/json", "Cache-Control": "public, max-age=3600" }, JSON.stringify(metadata));
      return undefined;
    }

    // (a), (b): the token.
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      notify({ type: "token_missing" });
      send(res, 401, { "WWW-Authenticate": `Bearer resource_metadata="${metadataUrl}"${scopeParam}`, "Content-Type": "application/json" }, JSON.stringify({ error: "invalid_request", error_description: "a bearer token is required" }));
      return undefined;
    }
    let verified: VerifiedAccessToken;
    try {
      verified = await verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) {
        notify({ type: "token_invalid", reason: error.reason });
        send(
          res,
          401,
          { "WWW-Authenticate": `Bearer error="invalid_token", error_description="the access token is not valid", resource_metadata="${metadataUrl}"`, "Content-Type": "application/json" },
          JSON.stringify({ error: "invalid_token", error_description: "the access token is not valid" }),
        );
        return undefined;
      }
      throw error;
    }
    const missing = (options.requiredScopes ?? []).filter((scope) => !verified.scopes.includes(scope));
    if (missing.length > 0) {
      notify({ type: "scope_missing", reason: missing.join(" "), subject: verified.subject });
      const scope = (options.requiredScopes ?? []).join(" ");
      send(
        res,
        403,
        { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}", resource_metadata="${metadataUrl}", error_description="additional scope required"`, "Content-Type": "application/json" },
        JSON.stringify({ error: "insufficient_scope", error_description: "additional scope required" }),
      );
      return undefined;
    }
    req.auth = {
      token,
      clientId: verified.clientId,
      scopes: [...verified.scopes],
      expiresAt: verified.expiresAt,
      resource: resourceUrl,
      extra: { kind: verified.kind, subject: verified.subject, issuer: verified.issuer },
    };

    // The JSON-RPC message(s).
    let messages: Record<string, unknown>[] = [];
    if (req.method === "POST" && isJson(req.headers["content-type"])) {
      if (req.body === undefined) {
        const text = await readBody(req, maxBodyBytes);
        if (text === undefined) {
          send(res, 413, { "Content-Type": "application/json" }, rpcErrorBody(null, -32600, "Request body too large"));
          return undefined;
        }
        try {
          req.body = JSON.parse(text);
        } catch {
          send(res, 400, { "Content-Type": "application/json" }, rpcErrorBody(null, -32700, "Parse error"));
          return undefined;
        }
      }
      const body = req.body;
      messages = (Array.isArray(body) ? body : [body]).filter((m): m is Record<string, unknown> => typeof m === "object" && m !== null);
    }
    const calls = messages.filter((m) => m.method === "tools/call");
    const callIds = new Set(calls.filter((m) => isRpcId(m.id)).map((m) => idKey(m.id as RpcId)));
    const isInitialize = messages.some((m) => m.method === "initialize");

    // (c) sessions: the client only ever holds the edge's id.
    const sessionMapping = mapSessions && verified.kind === "user";
    let edgeSessionId: string | undefined;
    if (sessionMapping) {
      const presented = headerValue(req.headers["mcp-session-id"]);
      if (presented !== undefined) {
        const session = await edge.validateSession(presented, token);
        if (!session || !session.backendSessionId || session.resource !== resource) {
          notify({ type: "session_unknown", subject: verified.subject });
          send(res, 404, { "Content-Type": "application/json" }, rpcErrorBody(null, MCP_EDGE_ERROR.sessionNotFound, "Session not found"));
          return undefined;
        }
        setRequestHeader(req, "mcp-session-id", session.backendSessionId);
        edgeSessionId = presented;
      }
    }

    // (d) arguments, before the server sees them.
    if (screenArguments && calls.length > 0) {
      const verdict = await edge.screen(calls.length === 1 ? (calls[0] as never) : (calls as never), { method: "tools/call" });
      if (verdict.verdict === "block") {
        const rules = rulesOf(verdict);
        notify({ type: "arguments_blocked", rules, subject: verified.subject });
        // Every request in the body is answered (so that no client waits for an answer that never comes).
        const errors = messages
          .filter((m) => typeof m.method === "string" && isRpcId(m.id))
          .map((m) => rpcError(m.id as RpcId, MCP_EDGE_ERROR.blocked, "Blocked by MCP Security Edge: the tool arguments failed screening", { verdict: "block", rules }));
        const body = errors.length === 0 ? rpcError(null, MCP_EDGE_ERROR.blocked, "Blocked by MCP Security Edge") : Array.isArray(req.body) ? errors : errors[0];
        send(res, errors.length === 0 ? 400 : 200, { "Content-Type": "application/json" }, JSON.stringify(body));
        return undefined;
      }
    }

    // (c), (d) on the way out.
    const screenOut = screenResults && callIds.size > 0;
    if (sessionMapping || screenOut) {
      interceptResponse(res, {
        head: sessionMapping
          ? async (head) => {
              const backendId = head.get("mcp-session-id");
              if (backendId !== undefined) {
                if (edgeSessionId !== undefined) head.set("mcp-session-id", edgeSessionId);
                else if (isInitialize && head.status === 200) {
                  const issued = await edge.createSession(token, { resource, backendSessionId: backendId });
                  head.set("mcp-session-id", issued.sessionId);
                } else head.remove("mcp-session-id");
              }
              if (req.method === "DELETE" && edgeSessionId !== undefined && head.status >= 200 && head.status < 300) {
                await edge.revokeSession(edgeSessionId, token).catch(() => false);
              }
            }
          : undefined,
        message: screenOut
          ? async (message) => {
              const m = message as Record<string, unknown>;
              // Results and errors alike: an error message is text a model may read too.
              if (typeof m !== "object" || m === null || !("result" in m || "error" in m) || !isRpcId(m.id) || !callIds.has(idKey(m.id))) return message;
              let result: ScreenResult;
              try {
                result = await edge.screen(m as never, { method: "tools/call" });
              } catch (error) {
                if (!(error instanceof EdgeError)) throw error;
                if (error instanceof EdgeUnavailableError) {
                  notify({ type: "edge_unavailable", reason: error.code, subject: verified.subject });
                  return rpcError(m.id, MCP_EDGE_ERROR.unavailable, "The tool result could not be screened; retry later", { reason: "screening_unavailable" });
                }
                notify({ type: "edge_refused", reason: error.code, subject: verified.subject });
                return rpcError(m.id, MCP_EDGE_ERROR.blocked, "Blocked by MCP Security Edge: the tool result could not be screened", { reason: "screening_refused" });
              }
              if (result.verdict !== "block") return message;
              const rules = rulesOf(result);
              notify({ type: "result_blocked", rules, subject: verified.subject });
              return rpcError(m.id, MCP_EDGE_ERROR.blocked, "Blocked by MCP Security Edge: the tool result failed screening", { verdict: "block", rules });
            }
          : undefined,
        onError: (error) => failure(error, notify),
      });
    }
    return verified;
  };

  const middleware = ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    handle(req as RequestWithAuth, res).then(
      (verified) => {
        if (!verified) return;
        try {
          context.run(verified, () => next());
        } catch (error) {
          if (res.headersSent) res.destroy();
          else next(error);
        }
      },
      (error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const replacement = failure(error, notify);
        send(res, replacement.status, replacement.headers ?? {}, replacement.body);
      },
    );
  }) as McpEdgeMiddleware;

  return Object.assign(middleware, {
    resource,
    metadataUrls,
    verifier,
    protectedResourceMetadata: () => structuredClone(metadata),
    currentToken: () => context.getStore(),
    async exchangeForDownstream(target: string, exchangeOptions: ExchangeForDownstreamOptions = {}): Promise<string> {
      const token = exchangeOptions.authInfo?.token ?? context.getStore()?.token;
      if (!token) throw new Error("exchangeForDownstream: no inbound token (call it while handling a request, or pass authInfo)");
      const scopes = [...(exchangeOptions.scopes ?? [])].sort();
      const key = `${createHash("sha256").update(token, "utf8").digest("hex")} ${target} ${scopes.join(" ")}`;
      const now = Date.now();
      const cached = exchanged.get(key);
      if (cached && now < cached.until) return cached.token;
      const result = await edge.exchangeToken(token, target, scopes.length > 0 ? scopes : undefined);
      const until = result.expiresAt - Math.min(EXCHANGE_EARLY_REFRESH_S, result.expiresIn / 2) * 1000;
      exchanged.delete(key);
      exchanged.set(key, { token: result.accessToken, until });
      if (exchanged.size > EXCHANGE_CACHE_MAX) {
        for (const [k, v] of exchanged) if (v.until <= now || exchanged.size > EXCHANGE_CACHE_MAX) exchanged.delete(k);
      }
      return result.accessToken;
    },
  });
}

function failure(error: unknown, notify: (event: McpEdgeEvent) => void): Replacement {
  if (error instanceof EdgeUnavailableError) {
    notify({ type: "edge_unavailable", reason: error.code });
    const retryAfter = String(Math.max(1, Math.ceil((error.retryAfterMs ?? 5_000) / 1000)));
    return { status: 503, headers: { "Content-Type": "application/json", "Retry-After": retryAfter }, body: rpcErrorBody(null, MCP_EDGE_ERROR.unavailable, "Security edge unavailable; retry later") };
  }
  if (error instanceof EdgeRejectedError) {
    // E.g. the edge does not accept this token for sessions (EDGE_AUDIENCES) or the body for screening (413).
    notify({ type: "edge_refused", reason: error.code });
    return { status: 403, headers: { "Content-Type": "application/json" }, body: rpcErrorBody(null, MCP_EDGE_ERROR.refused, "Refused by the security edge") };
  }
  if (error instanceof EdgeError) notify({ type: "edge_unavailable", reason: error.code });
  return { status: 500, headers: { "Content-Type": "application/json" }, body: rpcErrorBody(null, -32603, "Internal error") };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const buffer = Buffer.from(body, "utf8");
  res.writeHead(status, { ...headers, "Content-Length": String(buffer.length) });
  res.end(buffer);
}

function rpcError(id: RpcId | null, code: number, message: string, data?: unknown): Record<string, unknown> {
  return { jsonrpc: "2.0", id, error: { code, message, ...(data !== undefined ? { data } : {}) } };
}

function rpcErrorBody(id: RpcId | null, code: number, message: string): string {
  return JSON.stringify(rpcError(id, code, message));
}

function rulesOf(result: ScreenResult): string[] {
  return [...new Set(result.findings.map((f) => f.rule))].slice(0, 20);
}

function isRpcId(value: unknown): value is RpcId {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

function idKey(id: RpcId): string {
  return `${typeof id}:${id}`;
}

/** RFC 6750 §2.1, header only (never the query string). */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(" ");
  if (space < 0 || header.slice(0, space).toLowerCase() !== "bearer") return undefined;
  const token = header.slice(space + 1).trim();
  return token.length > 0 ? token : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.length === 0 ? undefined : v;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().split(";")[0]?.trim() === "application/json";
}

/** Rewrites a request header in both `headers` and `rawHeaders` (the SDK's transport reads either). */
function setRequestHeader(req: IncomingMessage, name: string, value: string): void {
  req.headers[name] = value;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) if ((raw[i] as string).toLowerCase() === name) raw[i + 1] = value;
}

/** The body as text, or undefined when it is larger than `max` bytes (the rest is drained, not read). */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.off("data", onData);
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
