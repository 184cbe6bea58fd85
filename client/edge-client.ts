// EdgeClient: what an MCP server (or any workload) calls on MCP Security Edge — token exchange
// (RFC 8693), prompt-shield screening, session validation and tool verification — over `fetch`, with a
// timeout per attempt, bounded retries with exponential backoff that honour Retry-After, and typed
// errors (./errors.ts). The client authenticates to the edge with its own workload token
// (`getWorkloadToken()`); session calls carry the user's token, as the session endpoints require.
import { SessionValidationCache, type ValidatedSession } from "../shared/sessions/client-cache.ts";
import { EdgeError, EdgeRejectedError, EdgeResponseError, EdgeTimeoutError, EdgeUnavailableError } from "./errors.ts";

export type { ValidatedSession } from "../shared/sessions/client-cache.ts";

export interface EdgeClientOptions {
  /** The edge's base URL (its EDGE_PUBLIC_URL, or the route to it), e.g. `https://edge.contoso.example`. */
  readonly edgeUrl: string;
  /** The edge's `issuer` (its EDGE_PUBLIC_URL) when `edgeUrl` is another route to it (default: `edgeUrl`). */
  readonly edgeIssuer?: string;
  /**
   * This workload's own token for the edge (`aud` = the edge's app; app roles `Edge.Exchange` for token
   * exchange, `Edge.Screen` for screening and tool verification). Called once per edge call: cache
   * inside it (`@azure/identity` credentials do).
   */
  readonly getWorkloadToken: () => string | Promise<string>;
  /** Timeout of one attempt, response body included (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt on 502/503/504, network errors and timeouts (default 2). */
  readonly retries?: number;
  /** First backoff (default 100 ms); doubles per retry, with jitter, up to `maxBackoffMs` (default 2000 ms). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Longest Retry-After the client waits for (default 5000 ms); a longer one ends the retries at once. */
  readonly maxRetryAfterMs?: number;
  /** Time budget of one call, all attempts and waits included (default 15000 ms). */
  readonly budgetMs?: number;
  /** How long a positive session validation is reused (default 5000 ms; 0 disables the cache). */
  readonly sessionCacheTtlMs?: number;
  /** Extra headers on every call, e.g. a Functions key (`x-functions-key`) or an APIM subscription key. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
}

/** A plain screening request (issue 5). */
export interface PlainScreenRequest {
  readonly userPrompt?: string;
  readonly documents?: ReadonlyArray<string | { readonly text: string; readonly kind?: "document" | "tool_result" | "tool_description"; readonly source?: string }>;
  readonly redact?: boolean;
  readonly spotlight?: "delimit" | "datamark" | "base64";
}

/** A JSON-RPC 2.0 message as MCP sends it. */
export interface JsonRpcMessage {
  readonly jsonrpc: "2.0";
  readonly [key: string]: unknown;
}

/** What `screen()` takes: a plain request, an MCP JSON-RPC message, or several. */
export type ScreenInput = PlainScreenRequest | JsonRpcMessage | readonly JsonRpcMessage[];

export interface ScreenOptions {
  /** The MCP method a JSON-RPC response answers (`X-MCP-Method`), e.g. `tools/call`. */
  readonly method?: string;
  /** The MCP server a tools/list result comes from (`X-MCP-Server-Id`): also verified against its pins. */
  readonly serverId?: string;
  readonly signal?: AbortSignal;
}

export type Verdict = "allow" | "flag" | "block";

export interface ScreenFinding {
  readonly rule: string;
  readonly category: string;
  readonly owasp: string;
  readonly severity: "low" | "medium" | "high";
  readonly location: { readonly field: string; readonly index?: number; readonly start: number; readonly end: number };
  readonly message: string;
}

export interface ScreenResult {
  readonly verdict: Verdict;
  readonly findings: readonly ScreenFinding[];
  readonly shield: { readonly provider: string; readonly userPromptAttack: boolean; readonly documentsAttack: readonly boolean[] };
  readonly redacted?: { readonly userPrompt?: string; readonly documents?: readonly string[] };
  readonly spotlighted?: { readonly documents: readonly string[]; readonly systemPromptHint: string };
  /** Tool verification, when `serverId` was given and the message was a tools/list result. */
  readonly tools?: unknown;
}

export interface TokenExchangeResult {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly issuedTokenType: string;
  /** Seconds, as the edge said. */
  readonly expiresIn: number;
  /** Epoch ms when the token expires (computed when the answer arrived). */
  readonly expiresAt: number;
  /** The granted scopes, space-delimited. */
  readonly scope: string;
}

export interface ExchangeOptions {
  /** The requester's own workload token as `actor_token` (RFC 8693 delegation: `act` in the result). */
  readonly actorToken?: string;
  readonly signal?: AbortSignal;
}

export interface CreateSessionInput {
  readonly resource?: string;
  readonly backendSessionId?: string;
  readonly clientId?: string;
  readonly idleTimeoutSeconds?: number;
  readonly lifetimeSeconds?: number;
}

export interface IssuedSession {
  readonly sessionId: string;
  readonly expiresAt: string;
  readonly idleExpiresAt: string;
}

export type ToolStatus = "pinned" | "changed" | "new" | "removed";

export interface ToolsVerifyResult {
  readonly verdict: Verdict;
  readonly serverId: string;
  readonly complete: boolean;
  readonly pinsVersion: number | null;
  readonly tools: ReadonlyArray<{ readonly name: string; readonly status: ToolStatus; readonly hash?: string; readonly pinnedHash?: string; readonly diff?: unknown }>;
  readonly findings: ReadonlyArray<Omit<ScreenFinding, "category" | "owasp"> & { readonly category: string; readonly owasp: string; readonly tool?: string }>;
  readonly counts: Readonly<Record<ToolStatus, number>>;
}

/** The edge's RFC 8414 metadata (the fields this client reads). */
export interface EdgeMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly [key: string]: unknown;
}

const GRANT_TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const TOKEN_TYPE_ACCESS = "urn:ietf:params:oauth:token-type:access_token";
const CLIENT_ASSERTION_JWT = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const PROBLEM_PREFIX = "urn:mcp-security-edge:problem:";
const RETRY_STATUSES = new Set([502, 503, 504]);
const METADATA_TTL_MS = 3_600_000;

interface CallInit {
  readonly method: "GET" | "POST" | "DELETE";
  /** A path under the edge URL, or an absolute URL. */
  readonly path: string;
  /** The Authorization header: this client's workload token (default), a user's token, or none. */
  readonly auth?: "workload" | "none" | { readonly user: string };
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal | undefined;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export class EdgeClient {
  readonly edgeUrl: string;
  readonly edgeIssuer: string;
  private readonly getWorkloadToken: () => string | Promise<string>;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly budgetMs: number;
  private readonly extraHeaders: Readonly<Record<string, string>>;
  private readonly fetchImpl: typeof fetch;
  private readonly sessions: SessionValidationCache;
  private metadataCache: { value: Promise<EdgeMetadata>; until: number } | undefined;

  constructor(options: EdgeClientOptions) {
    const url = new URL(options.edgeUrl);
    if (url.protocol !== "https:" && !isLoopback(url.hostname)) throw new TypeError("edgeUrl must be https (http only on a loopback host)");
    this.edgeUrl = url.href.replace(/\/+$/, "");
    this.edgeIssuer = (options.edgeIssuer ?? this.edgeUrl).replace(/\/+$/, "");
    this.getWorkloadToken = options.getWorkloadToken;
    this.timeoutMs = positive(options.timeoutMs, 5_000, "timeoutMs");
    this.retries = Math.floor(nonNegative(options.retries, 2, "retries"));
    this.backoffMs = nonNegative(options.backoffMs, 100, "backoffMs");
    this.maxBackoffMs = nonNegative(options.maxBackoffMs, 2_000, "maxBackoffMs");
    this.maxRetryAfterMs = nonNegative(options.maxRetryAfterMs, 5_000, "maxRetryAfterMs");
    this.budgetMs = positive(options.budgetMs, 15_000, "budgetMs");
    this.extraHeaders = options.headers ?? {};
    this.fetchImpl = options.fetch ?? fetch;
    this.sessions = new SessionValidationCache({
      validate: (sessionId, userToken) => this.fetchSession(sessionId, userToken),
      ttlMs: nonNegative(options.sessionCacheTtlMs, 5_000, "sessionCacheTtlMs"),
    });
  }

  /**
   * RFC 8693 exchange of `subjectToken` (a user's token, or an edge-minted token for a chained
   * exchange) for a token valid for exactly `resource`, with at most `scopes` (the policy's defaults
   * when omitted). Refusals are EdgeRejectedError with the OAuth `error` as `code`.
   */
  async exchangeToken(subjectToken: string, resource: string, scopes?: readonly string[], options: ExchangeOptions = {}): Promise<TokenExchangeResult> {
    const form = new URLSearchParams({
      grant_type: GRANT_TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: TOKEN_TYPE_ACCESS,
      resource,
      client_assertion_type: CLIENT_ASSERTION_JWT,
      client_assertion: await this.getWorkloadToken(),
    });
    if (scopes && scopes.length > 0) form.set("scope", scopes.join(" "));
    if (options.actorToken) {
      form.set("actor_token", options.actorToken);
      form.set("actor_token_type", TOKEN_TYPE_ACCESS);
    }
    const answer = await this.call({
      method: "POST",
      path: "/api/token-exchange",
      // RFC 7523 §2.2: the client authenticates with client_assertion, not with a bearer header.
      auth: "none",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      signal: options.signal,
    });
    const body = expectObject(answer);
    const { access_token, token_type, issued_token_type, expires_in, scope } = body;
    if (typeof access_token !== "string" || typeof expires_in !== "number" || typeof token_type !== "string") {
      throw new EdgeResponseError("token exchange: unexpected answer from the edge", { status: answer.status });
    }
    return {
      accessToken: access_token,
      tokenType: token_type,
      issuedTokenType: typeof issued_token_type === "string" ? issued_token_type : TOKEN_TYPE_ACCESS,
      expiresIn: expires_in,
      expiresAt: Date.now() + expires_in * 1000,
      scope: typeof scope === "string" ? scope : "",
    };
  }

  /** Screens a plain request or MCP JSON-RPC message(s) (POST /api/screen). */
  async screen(input: ScreenInput, options: ScreenOptions = {}): Promise<ScreenResult> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (options.method) headers["X-MCP-Method"] = options.method;
    if (options.serverId) headers["X-MCP-Server-Id"] = options.serverId;
    const answer = await this.call({ method: "POST", path: "/api/screen", headers, body: JSON.stringify(input), signal: options.signal });
    const body = expectObject(answer);
    if (body.verdict !== "allow" && body.verdict !== "flag" && body.verdict !== "block") {
      throw new EdgeResponseError("screen: unexpected answer from the edge", { status: answer.status });
    }
    return body as unknown as ScreenResult;
  }

  /**
   * The session when `sessionId` is usable by the user of `userToken`, else null (GET
   * /api/sessions/{id}). Positive answers are cached briefly, keyed by the session id and the user
   * key the edge validated for this very token (shared/sessions/client-cache.ts).
   */
  validateSession(sessionId: string, userToken: string): Promise<ValidatedSession | null> {
    return this.sessions.validateSession(sessionId, userToken);
  }

  /** Issues an edge session for the user of `userToken` (POST /api/sessions). */
  async createSession(userToken: string, input: CreateSessionInput = {}, signal?: AbortSignal): Promise<IssuedSession> {
    const answer = await this.call({
      method: "POST",
      path: "/api/sessions",
      auth: { user: userToken },
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
      signal,
    });
    const body = expectObject(answer);
    if (typeof body.sessionId !== "string" || typeof body.expiresAt !== "string" || typeof body.idleExpiresAt !== "string") {
      throw new EdgeResponseError("sessions: unexpected answer from the edge", { status: answer.status });
    }
    return { sessionId: body.sessionId, expiresAt: body.expiresAt, idleExpiresAt: body.idleExpiresAt };
  }

  /** Revokes a session (DELETE /api/sessions/{id}); false when the edge does not know it for this user. */
  async revokeSession(sessionId: string, userToken: string, signal?: AbortSignal): Promise<boolean> {
    this.sessions.invalidate(sessionId);
    try {
      await this.call({ method: "DELETE", path: `/api/sessions/${encodeURIComponent(sessionId)}`, auth: { user: userToken }, signal });
      return true;
    } catch (error) {
      if (error instanceof EdgeRejectedError && error.status === 404) return false;
      throw error;
    }
  }

  /** Verifies a tools/list result against the tools approved for `serverId` (POST /api/servers/{id}/tools/verify). */
  async verifyTools(serverId: string, toolsListResult: unknown, signal?: AbortSignal): Promise<ToolsVerifyResult> {
    const answer = await this.call({
      method: "POST",
      path: `/api/servers/${encodeURIComponent(serverId)}/tools/verify`,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(toolsListResult),
      signal,
    });
    const body = expectObject(answer);
    if (body.verdict !== "allow" && body.verdict !== "flag" && body.verdict !== "block") {
      throw new EdgeResponseError("verify tools: unexpected answer from the edge", { status: answer.status });
    }
    return body as unknown as ToolsVerifyResult;
  }

  /** The edge's RFC 8414 metadata (cached for an hour; a failed fetch is not cached). */
  metadata(): Promise<EdgeMetadata> {
    const now = Date.now();
    if (this.metadataCache && now < this.metadataCache.until) return this.metadataCache.value;
    const value = this.fetchMetadata();
    this.metadataCache = { value, until: now + METADATA_TTL_MS };
    value.catch(() => {
      if (this.metadataCache?.value === value) this.metadataCache = undefined;
    });
    return value;
  }

  private async fetchMetadata(): Promise<EdgeMetadata> {
    // RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
    const url = new URL(this.edgeUrl);
    const path = url.pathname.replace(/\/+$/, "");
    const answer = await this.call({ method: "GET", path: `${url.origin}/.well-known/oauth-authorization-server${path}`, auth: "none" });
    const body = expectObject(answer);
    if (typeof body.issuer !== "string" || typeof body.jwks_uri !== "string" || typeof body.token_endpoint !== "string") {
      throw new EdgeResponseError("metadata: not an RFC 8414 document", { status: answer.status });
    }
    if (body.issuer !== this.edgeIssuer) throw new EdgeResponseError("metadata: the issuer is not the edge's", { status: answer.status });
    return body as EdgeMetadata;
  }

  private async fetchSession(sessionId: string, userToken: string): Promise<ValidatedSession | null> {
    let answer: Answer;
    try {
      answer = await this.call({ method: "GET", path: `/api/sessions/${encodeURIComponent(sessionId)}`, auth: { user: userToken } });
    } catch (error) {
      if (error instanceof EdgeRejectedError && error.status === 404) return null;
      throw error;
    }
    const body = expectObject(answer);
    if (typeof body.userKeyHash !== "string" || typeof body.expiresAt !== "string" || typeof body.idleExpiresAt !== "string") {
      throw new EdgeResponseError("sessions: unexpected answer from the edge", { status: answer.status });
    }
    return body as unknown as ValidatedSession;
  }

  /**
   * One edge call with the retry policy: attempts time out after `timeoutMs`; 502/503/504, network
   * errors and timeouts are retried up to `retries` times after an exponential backoff (or the
   * Retry-After the edge gave, when longer), never past `budgetMs`. 4xx → EdgeRejectedError at once.
   */
  private async call(init: CallInit): Promise<Answer> {
    const started = Date.now();
    const headers: Record<string, string> = { Accept: "application/json", ...this.extraHeaders, ...init.headers };
    const auth = init.auth ?? "workload";
    if (auth === "workload") headers.Authorization = `Bearer ${await this.getWorkloadToken()}`;
    else if (auth !== "none") headers.Authorization = `Bearer ${auth.user}`;
    const url = init.path.startsWith("/") ? `${this.edgeUrl}${init.path}` : init.path;
    let lastError: EdgeUnavailableError | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const remaining = this.budgetMs - (Date.now() - started);
      if (remaining <= 0) throw lastError ?? new EdgeTimeoutError("the edge call ran out of time");
      let failure: EdgeUnavailableError;
      try {
        const answer = await this.attempt(url, init, headers, Math.min(this.timeoutMs, remaining));
        if (answer.status < 400) return answer;
        if (!RETRY_STATUSES.has(answer.status)) throw rejection(answer);
        failure = unavailable(answer);
      } catch (error) {
        if (error instanceof EdgeError && !(error instanceof EdgeUnavailableError)) throw error;
        if (init.signal?.aborted) throw init.signal.reason ?? error;
        failure = error instanceof EdgeUnavailableError ? error : new EdgeUnavailableError("the edge could not be reached", { cause: error });
      }
      lastError = failure;
      if (attempt >= this.retries) throw failure;
      const backoff = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt) * (0.75 + Math.random() * 0.25);
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > this.maxRetryAfterMs) throw failure;
      const wait = Math.max(backoff, failure.retryAfterMs ?? 0);
      if (Date.now() - started + wait >= this.budgetMs) throw failure;
      await sleep(wait, init.signal);
    }
  }

  private async attempt(url: string, init: CallInit, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await this.fetchImpl(url, { method: init.method, headers, ...(init.body !== undefined ? { body: init.body } : {}), signal, redirect: "error" });
      const text = await response.text();
      let body: unknown;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
          if (response.status < 300) throw new EdgeResponseError("the edge answered a body that is not JSON", { status: response.status });
        }
      }
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (error instanceof EdgeError) throw error;
      if (timeout.aborted && !init.signal?.aborted) throw new EdgeTimeoutError(`no answer from the edge within ${timeoutMs} ms`, { cause: error });
      throw error;
    }
  }
}

function rejection(answer: Answer): EdgeError {
  const body = (typeof answer.body === "object" && answer.body !== null ? answer.body : {}) as Record<string, unknown>;
  if (answer.status >= 500) {
    return new EdgeResponseError(`the edge failed (${answer.status})`, { status: answer.status, code: typeof body.error === "string" ? body.error : "server_error" });
  }
  if (typeof body.error === "string") {
    return new EdgeRejectedError(answer.status, body.error, typeof body.error_description === "string" ? body.error_description : undefined);
  }
  if (typeof body.type === "string") {
    const code = body.type.startsWith(PROBLEM_PREFIX) ? body.type.slice(PROBLEM_PREFIX.length) : body.type;
    return new EdgeRejectedError(answer.status, code, typeof body.detail === "string" ? body.detail : undefined);
  }
  return new EdgeRejectedError(answer.status, `http_${answer.status}`);
}

function unavailable(answer: Answer): EdgeUnavailableError {
  const retryAfterMs = parseRetryAfter(answer.headers.get("retry-after"));
  return new EdgeUnavailableError(`the edge is unavailable (${answer.status})`, {
    status: answer.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function expectObject(answer: Answer): Record<string, unknown> {
  if (typeof answer.body !== "object" || answer.body === null || Array.isArray(answer.body)) {
    throw new EdgeResponseError("the edge answered an unexpected body", { status: answer.status });
  }
  return answer.body as Record<string, unknown>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number`);
  return v;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a non-negative number`);
  return v;
}
