// The trusted issuers and where each one's signing keys come from. An issuer is looked up by exact
// `iss` string before any network call, so an unknown issuer never causes a fetch (no SSRF).
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { isLoopbackHost } from "../config/parse.ts";
import { DependencyUnavailableError } from "./errors.ts";

export type IssuerKind = "entra" | "oidc" | "dev";

export interface IssuerConfig {
  readonly issuer: string;
  readonly kind: IssuerKind;
  /** For `entra` and `oidc`: the OpenID discovery document. */
  readonly discoveryUrl?: string;
  /** For `dev`: the public keys, held locally. */
  readonly jwks?: JSONWebKeySet;
  /** For `entra`: the tenant every token must carry in `tid`. */
  readonly tenantId?: string;
}

export interface KeySourceOptions {
  readonly timeoutMs?: number;
  /** Minimum time between JWKS refetches triggered by an unknown `kid`. */
  readonly cooldownMs?: number;
  readonly cacheMaxAgeMs?: number;
  /** Time to wait before retrying a failed discovery. */
  readonly discoveryRetryMs?: number;
}

/** The discovery URL of an Entra issuer (v1 issuers are served by the same authority). */
export function entraDiscoveryUrl(issuer: string, tenantId: string): string {
  return issuer.endsWith("/v2.0")
    ? `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`
    : `https://login.microsoftonline.com/${tenantId}/.well-known/openid-configuration`;
}

export function oidcDiscoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

function requireSecureUrl(value: unknown, what: string): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new DependencyUnavailableError("discovery", `${what} is not a URL`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new DependencyUnavailableError("discovery", `${what} must be https`);
  }
  return url;
}

/** Resolves the signing key of one issuer: discovery once, then a cached, cooled-down remote JWKS. */
export class IssuerKeySource {
  private resolver: JWTVerifyGetKey | undefined;
  private pending: Promise<JWTVerifyGetKey> | undefined;
  private lastFailure = 0;

  constructor(
    readonly config: IssuerConfig,
    private readonly options: KeySourceOptions = {},
  ) {
    if (config.kind === "dev") {
      if (!config.jwks) throw new Error("the development issuer needs its public keys");
      this.resolver = createLocalJWKSet(config.jwks);
    }
  }

  /** True once the issuer's metadata is loaded (for /api/ready). */
  get loaded(): boolean {
    return this.resolver !== undefined;
  }

  async getKeyResolver(): Promise<JWTVerifyGetKey> {
    if (this.resolver) return this.resolver;
    const retryMs = this.options.discoveryRetryMs ?? 5_000;
    if (Date.now() - this.lastFailure < retryMs) {
      throw new DependencyUnavailableError("discovery", "recently failed");
    }
    this.pending ??= this.discover().then(
      (resolver) => {
        this.resolver = resolver;
        this.pending = undefined;
        return resolver;
      },
      (error: unknown) => {
        this.lastFailure = Date.now();
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = this.config.discoveryUrl;
    if (!url) throw new DependencyUnavailableError("discovery", "no discovery URL");
    const timeoutMs = this.options.timeoutMs ?? 3_000;
    const document = await fetchJsonWithRetry(url, timeoutMs);
    if (typeof document !== "object" || document === null) {
      throw new DependencyUnavailableError("discovery", "not a JSON object");
    }
    const { issuer, jwks_uri: jwksUri } = document as Record<string, unknown>;
    if (issuer !== this.config.issuer) throw new DependencyUnavailableError("discovery", "issuer mismatch");
    const jwksUrl = requireSecureUrl(jwksUri, "jwks_uri");
    return createRemoteJWKSet(jwksUrl, {
      timeoutDuration: timeoutMs,
      cooldownDuration: this.options.cooldownMs ?? 30_000,
      cacheMaxAge: this.options.cacheMaxAgeMs ?? 600_000,
    });
  }
}

async function fetchJsonWithRetry(url: string, timeoutMs: number): Promise<unknown> {
  let lastReason = "unreachable";
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
      if (response.status >= 500) {
        lastReason = `status ${response.status}`;
        await response.body?.cancel();
        continue;
      }
      if (!response.ok) throw new DependencyUnavailableError("discovery", `status ${response.status}`);
      const text = await response.text();
      if (text.length > 256 * 1024) throw new DependencyUnavailableError("discovery", "document too large");
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new DependencyUnavailableError("discovery", "not JSON");
      }
    } catch (error) {
      if (error instanceof DependencyUnavailableError) throw error;
      lastReason = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "unreachable";
      if (lastReason === "timeout") break; // one timeout already used the request's budget
    }
  }
  throw new DependencyUnavailableError("discovery", lastReason);
}
