// Validates inbound access tokens (Entra ID v1/v2, any trusted OIDC issuer, or the development
// issuer) and turns them into a Principal. Every check that jose leaves optional is made explicit.
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { DependencyUnavailableError, InvalidTokenError } from "./errors.ts";
import { IssuerKeySource, type IssuerConfig, type KeySourceOptions } from "./issuers.ts";
import { hashUserKey, type Principal } from "./principal.ts";

/** Asymmetric algorithms only: never `none`, never HMAC (no key confusion with a public key). */
export const ALLOWED_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
export const MAX_TOKEN_BYTES = 16 * 1024;
const MAX_CLOCK_SKEW_SECONDS = 60;

export interface TokenVerifierOptions {
  readonly issuers: readonly IssuerConfig[];
  readonly roleIssuers: readonly string[];
  readonly keySource?: KeySourceOptions;
  readonly clockToleranceSeconds?: number;
  readonly now?: () => number;
  /**
   * How long a successfully verified token is remembered (default 60 s, 0 to disable): a repeated
   * token skips the signature check, never the time checks. Bounds how long a key removed from an
   * issuer's JWKS keeps validating tokens it signed.
   */
  readonly cacheSeconds?: number;
}

/** Entries of the verified-token cache per audience list (oldest evicted first). */
const MAX_CACHED_TOKENS = 10_000;

export interface VerifyOptions {
  /** `aud` must contain one of these. */
  readonly audiences: readonly string[];
}

export class TokenVerifier {
  private readonly sources = new Map<string, IssuerKeySource>();
  private readonly roleIssuers: ReadonlySet<string>;
  private readonly tolerance: number;
  private readonly now: () => number;
  private readonly cacheSeconds: number;
  /** Verified tokens by audience list, then by token (few audience lists: one per kind of caller). */
  private readonly cache = new Map<string, Map<string, { principal: Principal; validUntil: number; notBefore: number }>>();

  constructor(options: TokenVerifierOptions) {
    this.cacheSeconds = options.cacheSeconds ?? 60;
    for (const config of options.issuers) this.sources.set(config.issuer, new IssuerKeySource(config, options.keySource));
    this.roleIssuers = new Set(options.roleIssuers);
    this.tolerance = Math.min(options.clockToleranceSeconds ?? MAX_CLOCK_SKEW_SECONDS, MAX_CLOCK_SKEW_SECONDS);
    this.now = options.now ?? Date.now;
  }

  get issuers(): IssuerKeySource[] {
    return [...this.sources.values()];
  }

  /** Verifies signature, issuer, audience and lifetime; throws InvalidTokenError or DependencyUnavailableError. */
  async verify(token: string, options: VerifyOptions): Promise<Principal> {
    const audienceKey = options.audiences.join(" ");
    let byToken = this.cache.get(audienceKey);
    if (!byToken) this.cache.set(audienceKey, (byToken = new Map()));
    const nowSeconds = this.now() / 1000;
    const cached = byToken.get(token);
    // A hit is the same bytes checked against the same audiences moments ago: only time can have
    // changed its validity, and that is checked again. Failures are never cached.
    if (cached && nowSeconds < cached.validUntil && nowSeconds >= cached.notBefore) return cached.principal;
    if (cached) byToken.delete(token);
    const { payload, config } = await this.verifyJwt(token, options.audiences);
    const principal = this.toPrincipal(payload, config);
    if (this.cacheSeconds > 0) {
      if (byToken.size >= MAX_CACHED_TOKENS) byToken.delete(byToken.keys().next().value as string);
      byToken.set(token, {
        principal,
        validUntil: Math.min((payload.exp as number) + this.tolerance, nowSeconds + this.cacheSeconds),
        notBefore: typeof payload.nbf === "number" ? payload.nbf - this.tolerance : 0,
      });
    }
    return principal;
  }

  /** The checks without the principal mapping (the token-exchange module reuses them). */
  async verifyJwt(token: string, audiences: readonly string[]): Promise<{ payload: JWTPayload; config: IssuerConfig }> {
    if (typeof token !== "string" || token.length === 0) throw new InvalidTokenError("missing");
    if (token.length > MAX_TOKEN_BYTES) throw new InvalidTokenError("too_large");
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new InvalidTokenError("malformed");
    }
    // Exact match before any network call: an unknown issuer never triggers a discovery fetch.
    const source = typeof unverified.iss === "string" ? this.sources.get(unverified.iss) : undefined;
    if (!source) throw new InvalidTokenError("untrusted_issuer");
    const resolver = await source.getKeyResolver();

    const nowMs = this.now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, guardResolver(resolver), {
        algorithms: ALLOWED_ALGORITHMS,
        issuer: source.config.issuer,
        audience: [...audiences],
        requiredClaims: ["exp"],
        clockTolerance: this.tolerance,
        currentDate: new Date(nowMs),
      }));
    } catch (error) {
      if (error instanceof DependencyUnavailableError) throw error;
      throw new InvalidTokenError(reasonOf(error));
    }
    // jose checks `iat` only with maxTokenAge: a token issued in the future is refused here.
    if (payload.iat !== undefined && (typeof payload.iat !== "number" || payload.iat > nowMs / 1000 + this.tolerance)) {
      throw new InvalidTokenError("iat_in_future");
    }
    if (source.config.kind === "entra" && payload.tid !== source.config.tenantId) {
      throw new InvalidTokenError("wrong_tenant");
    }
    return { payload, config: source.config };
  }

  private toPrincipal(payload: JWTPayload, config: IssuerConfig): Principal {
    const issuer = config.issuer;
    const roles = this.roleIssuers.has(issuer) ? stringArray(payload.roles) : [];
    const audience = typeof payload.aud === "string" ? [payload.aud] : stringArray(payload.aud);
    const expiresAt = payload.exp as number;
    const clientId = firstString(payload.azp, payload.appid, payload.client_id);
    const scopes = scopeList(payload.scp ?? payload.scope);

    if (isAppOnly(payload, config, scopes)) {
      if (!clientId) throw new InvalidTokenError("no_client_id");
      return { kind: "workload", issuer, clientId, roles, audience, expiresAt };
    }
    if (config.kind === "entra") {
      const oid = payload.oid;
      if (typeof oid !== "string" || oid.length === 0) throw new InvalidTokenError("no_oid");
      const tenantId = config.tenantId as string;
      return {
        kind: "user",
        issuer,
        userKeyHash: hashUserKey({ tenantId, oid }),
        tenantId,
        ...(clientId ? { clientId } : {}),
        scopes,
        roles,
        audience,
        expiresAt,
      };
    }
    if (typeof payload.sub !== "string" || payload.sub.length === 0) throw new InvalidTokenError("no_sub");
    return {
      kind: "user",
      issuer,
      userKeyHash: hashUserKey({ issuer, sub: payload.sub }),
      ...(clientId ? { clientId } : {}),
      scopes,
      roles,
      audience,
      expiresAt,
    };
  }
}

/** Entra marks app-only tokens with `idtyp: app` (or, without that optional claim, no `scp` and `oid == sub`). */
function isAppOnly(payload: JWTPayload, config: IssuerConfig, scopes: readonly string[]): boolean {
  if (payload.idtyp === "app") return true;
  if (payload.idtyp === "user") return false;
  if (config.kind === "entra") return scopes.length === 0 && typeof payload.oid === "string" && payload.oid === payload.sub;
  const client = firstString(payload.azp, payload.client_id);
  return scopes.length === 0 && client !== undefined && payload.sub === client;
}

/**
 * Keeps "the key is not in the issuer's set" (the token's fault) apart from "the JWKS endpoint is
 * down, slow or serving garbage" (a dependency's fault, answered 503 and never allowed).
 */
function guardResolver(resolver: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await resolver(header, token);
    } catch (error) {
      if (
        error instanceof joseErrors.JWKSNoMatchingKey ||
        error instanceof joseErrors.JWKSMultipleMatchingKeys ||
        error instanceof joseErrors.JOSEAlgNotAllowed ||
        error instanceof joseErrors.JOSENotSupported
      ) {
        throw error;
      }
      const reason = error instanceof joseErrors.JWKSTimeout ? "timeout" : error instanceof joseErrors.JWKSInvalid ? "invalid" : "unreachable";
      throw new DependencyUnavailableError("jwks", reason);
    }
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim_${error.claim}`;
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "unknown_key";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "alg_not_allowed";
  if (error instanceof joseErrors.JOSENotSupported) return "not_supported";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "bad_signature";
  return "malformed";
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function scopeList(value: unknown): string[] {
  if (typeof value === "string") return value.split(" ").filter((s) => s.length > 0);
  return stringArray(value);
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string" && value.length > 0) return value;
  return undefined;
}
