// Entra ID On-Behalf-Of (RFC 7523 jwt-bearer grant with requested_token_use=on_behalf_of). The
// edge's app registration authenticates with a client assertion from its user-assigned managed
// identity (federated identity credential) — no client secret exists anywhere.
import { DependencyUnavailableError } from "../identity/errors.ts";
import { TokenExchangeError } from "./errors.ts";

export interface OboOptions {
  /** Default https://login.microsoftonline.com; a loopback double in tests. */
  readonly authority?: string;
  readonly tenantId: string;
  /** The edge's app registration (EDGE_APP_CLIENT_ID). */
  readonly clientId: string;
  /** A managed-identity token for api://AzureADTokenExchange. */
  readonly getAssertion: () => Promise<string>;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export interface OboResult {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly scope: string;
}

const EARLY_REFRESH_MS = 120_000;
const MAX_CACHE_ENTRIES = 10_000;

export class OboClient {
  private readonly cache = new Map<string, { result: OboResult; expiresAt: number }>();
  private readonly authority: string;

  constructor(private readonly options: OboOptions) {
    this.authority = (options.authority ?? "https://login.microsoftonline.com").replace(/\/+$/, "");
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async exchange(userToken: string, userKeyHash: string, resource: string, scopes: readonly string[]): Promise<OboResult> {
    const cacheKey = JSON.stringify([userKeyHash, resource, [...scopes].sort()]);
    const cached = this.cache.get(cacheKey);
    const now = this.now();
    if (cached && cached.expiresAt - EARLY_REFRESH_MS > now) {
      return { ...cached.result, expiresIn: Math.floor((cached.expiresAt - now) / 1000) };
    }
    const result = await this.request(userToken, scopes);
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(cacheKey, { result, expiresAt: now + result.expiresIn * 1000 });
    return result;
  }

  private async request(userToken: string, scopes: readonly string[]): Promise<OboResult> {
    let assertion: string;
    try {
      assertion = await this.options.getAssertion();
    } catch {
      throw new DependencyUnavailableError("managed_identity", "no client assertion");
    }
    const body = new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      client_id: this.options.clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      assertion: userToken,
      scope: scopes.join(" "),
      requested_token_use: "on_behalf_of",
    });
    const url = `${this.authority}/${this.options.tenantId}/oauth2/v2.0/token`;
    const deadline = AbortSignal.timeout(this.options.timeoutMs ?? 5_000);
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, { method: "POST", body, signal: deadline, redirect: "error" });
      } catch {
        if (attempt === 0 && !deadline.aborted) continue;
        throw new DependencyUnavailableError("entra", deadline.aborted ? "timeout" : "unreachable");
      }
      const json = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (response.ok && json && typeof json.access_token === "string") {
        const expiresIn = Number(json.expires_in);
        return {
          accessToken: json.access_token,
          expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(expiresIn) : 300,
          scope: typeof json.scope === "string" ? json.scope : scopes.join(" "),
        };
      }
      if ((response.status >= 500 || response.status === 429) && attempt === 0) {
        const retryAfter = Math.min(Number(response.headers.get("retry-after") ?? "0.2") * 1000, 1_000);
        await new Promise((resolve) => setTimeout(resolve, Number.isFinite(retryAfter) ? retryAfter : 200));
        continue;
      }
      throw mapEntraError(response.status, json);
    }
  }
}

/** Maps an Entra token-endpoint error to what the edge answers. */
export function mapEntraError(status: number, json: Record<string, unknown> | undefined): Error {
  if (status >= 500 || status === 429 || !json || typeof json.error !== "string") {
    return new DependencyUnavailableError("entra", status >= 500 || status === 429 ? `status ${status}` : "malformed answer");
  }
  const codes = Array.isArray(json.error_codes) ? json.error_codes : [];
  const claims = typeof json.claims === "string" ? json.claims : undefined;
  const suberror = typeof json.suberror === "string" ? json.suberror : undefined;
  if (json.error === "interaction_required" || claims) {
    return new TokenExchangeError("interaction_required", "the user must satisfy a claims challenge", "obo_interaction_required", {
      ...(claims ? { claims } : {}),
      ...(suberror ? { suberror } : {}),
    });
  }
  if (json.error === "consent_required" || codes.includes(65001)) {
    return new TokenExchangeError("consent_required", "consent is required for the downstream resource", "obo_consent_required");
  }
  if (json.error === "invalid_scope") return new TokenExchangeError("invalid_scope", "scope not granted", "obo_invalid_scope");
  if (json.error === "invalid_client" || json.error === "unauthorized_client") {
    // The edge's own credential was refused: the caller can do nothing about it.
    return new DependencyUnavailableError("entra", "edge credential refused");
  }
  return new TokenExchangeError("invalid_request", "subject token not accepted", `obo_${json.error}`);
}
