// `validateSession(sessionId, userToken)` for MCP servers and gateways: asks the edge (through an
// injected `validate` function) whether the session is usable by the token's user, and keeps positive
// answers for a short time (default 5 s) so that a busy MCP session does not call the edge per message.
//
// The cache is keyed by the session id AND the user key the edge validated for this exact token —
// never by the session id alone, so a stolen session id presented with another user's token (or with
// no valid token) never hits a cached answer. A token is recognised by its SHA-256 only, and only
// after the edge accepted it; entries never outlive the token's `exp`. Negative answers are not cached.
// Trade-off: a revocation takes up to `ttlMs` to reach a process that has the session cached.
import { createHash } from "node:crypto";

/** What the edge answers for a usable session (GET /api/sessions/{id}). */
export interface ValidatedSession {
  /** The hashed user key the edge derived from the verified token. */
  readonly userKeyHash: string;
  readonly expiresAt: string;
  readonly idleExpiresAt: string;
  readonly createdAt?: string;
  readonly clientId?: string;
  readonly resource?: string;
  readonly backendSessionId?: string;
}

/** Asks the edge; `null` when the session is not usable (404). Throws when the edge cannot answer. */
export type ValidateFunction = (sessionId: string, userToken: string) => Promise<ValidatedSession | null>;

export interface SessionValidationCacheOptions {
  readonly validate: ValidateFunction;
  /** How long a positive answer is reused (default 5000 ms). */
  readonly ttlMs?: number;
  /** Most cached sessions (default 10,000; the oldest go first). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Entry<T> {
  readonly value: T;
  readonly until: number;
}

export class SessionValidationCache {
  private readonly validateAtEdge: ValidateFunction;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** sha256(token) → the user key the edge validated for it. */
  private readonly tokens = new Map<string, Entry<string>>();
  /** `${userKeyHash} ${sessionId}` → the edge's answer. */
  private readonly sessions = new Map<string, Entry<ValidatedSession>>();
  /** In-flight edge calls, by token hash and session id, so that a burst makes one call. */
  private readonly inFlight = new Map<string, Promise<ValidatedSession | null>>();

  constructor(options: SessionValidationCacheOptions) {
    this.validateAtEdge = options.validate;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    if (!Number.isFinite(this.ttlMs) || this.ttlMs < 0) throw new RangeError("ttlMs must be a non-negative number");
  }

  /** The session when it is usable by this token's user, else null. */
  async validateSession(sessionId: string, userToken: string): Promise<ValidatedSession | null> {
    if (typeof sessionId !== "string" || typeof userToken !== "string" || sessionId.length === 0 || userToken.length === 0) return null;
    const now = this.now();
    const tokenHash = createHash("sha256").update(userToken, "utf8").digest("hex");
    const userKey = fresh(this.tokens, tokenHash, now);
    if (userKey !== undefined) {
      const cached = fresh(this.sessions, cacheKey(userKey, sessionId), now);
      if (cached) return cached;
    }
    const flightKey = `${tokenHash} ${sessionId}`;
    let pending = this.inFlight.get(flightKey);
    if (!pending) {
      pending = this.ask(sessionId, userToken, tokenHash).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, pending);
    }
    return pending;
  }

  /** Forgets a session (e.g. after revoking or rotating it through the edge). */
  invalidate(sessionId: string): void {
    for (const key of this.sessions.keys()) if (key.endsWith(` ${sessionId}`)) this.sessions.delete(key);
  }

  clear(): void {
    this.tokens.clear();
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }

  private async ask(sessionId: string, userToken: string, tokenHash: string): Promise<ValidatedSession | null> {
    const answer = await this.validateAtEdge(sessionId, userToken);
    if (!answer || this.ttlMs === 0) return answer;
    const now = this.now();
    const until = Math.min(
      now + this.ttlMs,
      tokenExpiry(userToken) ?? Number.POSITIVE_INFINITY,
      Date.parse(answer.expiresAt) || now,
      Date.parse(answer.idleExpiresAt) || now,
    );
    if (until <= now) return answer;
    put(this.tokens, tokenHash, { value: answer.userKeyHash, until }, this.maxEntries);
    put(this.sessions, cacheKey(answer.userKeyHash, sessionId), { value: answer, until }, this.maxEntries);
    return answer;
  }
}

/** `validateSession(sessionId, userToken)` as a plain function, with its own cache. */
export function createSessionValidator(options: SessionValidationCacheOptions): (sessionId: string, userToken: string) => Promise<ValidatedSession | null> {
  const cache = new SessionValidationCache(options);
  return (sessionId, userToken) => cache.validateSession(sessionId, userToken);
}

/** The validate function over HTTP: GET {edge}/api/sessions/{id} with the user's token. */
export function edgeSessionValidate(edgeBaseUrl: string, fetchImpl: typeof fetch = fetch): ValidateFunction {
  const base = edgeBaseUrl.replace(/\/+$/, "");
  return async (sessionId, userToken) => {
    const response = await fetchImpl(`${base}/api/sessions/${encodeURIComponent(sessionId)}`, {
      headers: { Authorization: `Bearer ${userToken}`, Accept: "application/json" },
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`session validation failed: the edge answered ${response.status}`);
    }
    const body = (await response.json()) as Partial<ValidatedSession>;
    if (typeof body.userKeyHash !== "string" || typeof body.expiresAt !== "string" || typeof body.idleExpiresAt !== "string") {
      throw new Error("session validation failed: unexpected answer from the edge");
    }
    return body as ValidatedSession;
  };
}

function cacheKey(userKeyHash: string, sessionId: string): string {
  return `${userKeyHash} ${sessionId}`;
}

function fresh<T>(map: Map<string, Entry<T>>, key: string, now: number): T | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (now >= entry.until) {
    map.delete(key);
    return undefined;
  }
  return entry.value;
}

function put<T>(map: Map<string, Entry<T>>, key: string, entry: Entry<T>, max: number): void {
  map.delete(key);
  map.set(key, entry);
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/** `exp` of a JWT in ms, read without verification (the edge verified this very token already). */
function tokenExpiry(token: string): number | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { exp?: unknown };
    return typeof payload.exp === "number" ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
